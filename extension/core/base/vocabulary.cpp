// vocabulary.cpp - names and labels of services, items and units (see vocabulary.hpp).
#include "vocabulary.hpp"

#include "ascii.hpp"

namespace maas {
namespace {

struct ItemInfo {
    Item item;
    const char* name;
    const char* label;  // the label on the Xingchen price page; nullptr when the page has none
    Service service;
    ItemKind kind;
};

constexpr ItemInfo kItems[] = {
    {Item::input, "input", "输入", Service::inference, ItemKind::tokens},
    {Item::output, "output", "输出", Service::inference, ItemKind::tokens},
    {Item::deployment, "deployment", "独立部署", Service::inference, ItemKind::deployment},
    {Item::lora, "lora", "LORA", Service::training, ItemKind::tokens},
    {Item::full, "full", "全量更新", Service::training, ItemKind::tokens},
    {Item::lora_merge, "lora_merge", "LoRA合并", Service::training, ItemKind::tokens},
    // Not on the 2025-07-08 page, so no published label is made up for them.
    {Item::cached_input, "cached_input", nullptr, Service::inference, ItemKind::tokens},
    {Item::cache_write, "cache_write", nullptr, Service::inference, ItemKind::tokens},
    {Item::request, "request", nullptr, Service::inference, ItemKind::request},
};
static_assert(sizeof kItems / sizeof kItems[0] == kItemCount, "one entry per Item, in enum order");

constexpr const char* kUnitNames[] = {"k_tokens", "node_hour", "hour", "m_tokens", "request"};
static_assert(sizeof kUnitNames / sizeof kUnitNames[0] == kUnitCount, "one name per Unit, in enum order");
constexpr const char* kServiceNames[] = {"inference", "training"};

}  // namespace

const char* service_name(Service s) { return kServiceNames[int(s)]; }
const char* item_name(Item i) { return kItems[int(i)].name; }
const char* unit_name(Unit u) { return kUnitNames[int(u)]; }
Service item_service(Item i) { return kItems[int(i)].service; }
ItemKind item_kind(Item i) { return kItems[int(i)].kind; }

bool unit_fits(Item item, Unit unit) {
    switch (item_kind(item)) {
        case ItemKind::tokens: return unit == Unit::k_tokens || unit == Unit::m_tokens;
        case ItemKind::request: return unit == Unit::request;
        case ItemKind::deployment: return unit == Unit::node_hour || unit == Unit::hour;
    }
    return false;
}

const char* units_of(Item item) {
    switch (item_kind(item)) {
        case ItemKind::tokens: return "k_tokens or m_tokens";
        case ItemKind::request: return "request";
        case ItemKind::deployment: return "node_hour or hour";
    }
    return "";
}

bool item_from_text(std::string_view text, Item& out) {
    for (const ItemInfo& info : kItems) {
        if (equal_ignoring_ascii_case(text, info.name) || (info.label && equal_ignoring_ascii_case(text, info.label))) {
            out = info.item;
            return true;
        }
    }
    return false;
}

bool service_from_text(std::string_view text, Service& out) {
    for (int i = 0; i < 2; ++i)
        if (text == kServiceNames[i]) {
            out = Service(i);
            return true;
        }
    return false;
}

bool unit_from_text(std::string_view text, Unit& out) {
    for (int i = 0; i < kUnitCount; ++i)
        if (text == kUnitNames[i]) {
            out = Unit(i);
            return true;
        }
    return false;
}

bool is_currency_code(std::string_view text) {
    if (text.size() != 3) return false;
    for (char c : text)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

bool is_plain_decimal(std::string_view s) {
    auto all_digits = [](std::string_view t) {
        if (t.empty()) return false;
        for (char c : t)
            if (c < '0' || c > '9') return false;
        return true;
    };
    const size_t dot = s.find('.');
    if (dot == std::string_view::npos) return all_digits(s);
    return all_digits(s.substr(0, dot)) && all_digits(s.substr(dot + 1));
}

const char* origin_name(Origin o) { return o == Origin::builtin ? "builtin" : "user"; }

}  // namespace maas

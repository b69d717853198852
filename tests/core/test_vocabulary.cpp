// Unit tests of vocabulary.hpp: names and labels of services, items and units.
#include <catch2/catch.hpp>

#include <string>

#include "vocabulary.hpp"

using maas::Item;
using maas::ItemKind;
using maas::Service;
using maas::Unit;

// ------------------------------------------------------------------ names --

TEST_CASE("names of services, items and units", "[card][names]") {
    CHECK(std::string(maas::service_name(Service::inference)) == "inference");
    CHECK(std::string(maas::service_name(Service::training)) == "training");
    const char* items[] = {"input",      "output",       "deployment",  "lora",   "full",
                           "lora_merge", "cached_input", "cache_write", "request"};
    const Service services[] = {Service::inference, Service::inference, Service::inference,
                                Service::training,  Service::training,  Service::training,
                                Service::inference, Service::inference, Service::inference};
    const ItemKind kinds[] = {ItemKind::tokens, ItemKind::tokens, ItemKind::deployment,
                              ItemKind::tokens, ItemKind::tokens, ItemKind::tokens,
                              ItemKind::tokens, ItemKind::tokens, ItemKind::request};
    REQUIRE(maas::kItemCount == 9);
    for (int i = 0; i < maas::kItemCount; ++i) {
        CHECK(std::string(maas::item_name(Item(i))) == items[i]);
        CHECK(maas::item_service(Item(i)) == services[i]);
        CHECK(maas::item_kind(Item(i)) == kinds[i]);
    }
    REQUIRE(maas::kUnitCount == 5);
    CHECK(std::string(maas::unit_name(Unit::k_tokens)) == "k_tokens");
    CHECK(std::string(maas::unit_name(Unit::node_hour)) == "node_hour");
    CHECK(std::string(maas::unit_name(Unit::hour)) == "hour");
    CHECK(std::string(maas::unit_name(Unit::m_tokens)) == "m_tokens");
    CHECK(std::string(maas::unit_name(Unit::request)) == "request");
}

TEST_CASE("a unit fits the item's kind, and token units carry their power of ten", "[card][names]") {
    // Every (item, unit) pair: tokens per k_tokens or m_tokens, a request
    // per request, a deployment per node_hour or hour; nothing else.
    for (int i = 0; i < maas::kItemCount; ++i) {
        for (int u = 0; u < maas::kUnitCount; ++u) {
            const Item item = Item(i);
            const Unit unit = Unit(u);
            INFO(maas::item_name(item) << " per " << maas::unit_name(unit));
            bool expected = false;
            switch (maas::item_kind(item)) {
                case ItemKind::tokens: expected = unit == Unit::k_tokens || unit == Unit::m_tokens; break;
                case ItemKind::request: expected = unit == Unit::request; break;
                case ItemKind::deployment: expected = unit == Unit::node_hour || unit == Unit::hour; break;
            }
            CHECK(maas::unit_fits(item, unit) == expected);
        }
    }
    CHECK(std::string(maas::units_of(Item::cached_input)) == "k_tokens or m_tokens");
    CHECK(std::string(maas::units_of(Item::lora)) == "k_tokens or m_tokens");
    CHECK(std::string(maas::units_of(Item::request)) == "request");
    CHECK(std::string(maas::units_of(Item::deployment)) == "node_hour or hour");
    CHECK(maas::token_unit_exponent(Unit::k_tokens) == -3);
    CHECK(maas::token_unit_exponent(Unit::m_tokens) == -6);
    CHECK(maas::token_unit_exponent(Unit::request) == 0);
    CHECK(maas::token_unit_exponent(Unit::node_hour) == 0);
    CHECK(maas::token_unit_exponent(Unit::hour) == 0);
}

TEST_CASE("item_from_text takes names and published labels, ASCII case-insensitively", "[card][names]") {
    struct Case {
        const char* text;
        Item item;
    };
    const Case cases[] = {
        {"input", Item::input},
        {"INPUT", Item::input},
        {"输入", Item::input},
        {"output", Item::output},
        {"Output", Item::output},
        {"输出", Item::output},
        {"deployment", Item::deployment},
        {"独立部署", Item::deployment},
        {"lora", Item::lora},
        {"LORA", Item::lora},
        {"LoRA", Item::lora},
        {"full", Item::full},
        {"FULL", Item::full},
        {"全量更新", Item::full},
        {"lora_merge", Item::lora_merge},
        {"LORA_MERGE", Item::lora_merge},
        {"LoRA合并", Item::lora_merge},
        {"lora合并", Item::lora_merge},
        {"LORA合并", Item::lora_merge},
        {"cached_input", Item::cached_input},
        {"CACHED_INPUT", Item::cached_input},
        {"cache_write", Item::cache_write},
        {"Cache_Write", Item::cache_write},
        {"request", Item::request},
        {"REQUEST", Item::request},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Item out = Item((int(c.item) + 1) % maas::kItemCount);  // something else
        REQUIRE(maas::item_from_text(c.text, out));
        CHECK(out == c.item);
    }
    // The new items have no published label: an empty text never matches one.
    for (const char* text : {"", "inputs", "in", "lora-merge", "loramerge", "输入 ", " input", "合并", "全量", "deploy",
                             "cached", "cache_read", "cached-input", "requests", "cache write"}) {
        INFO(text);
        Item out = Item::full;
        CHECK_FALSE(maas::item_from_text(text, out));
        CHECK(out == Item::full);
    }
}

TEST_CASE("service_from_text and unit_from_text are exact", "[card][names]") {
    Service s = Service::training;
    CHECK(maas::service_from_text("inference", s));
    CHECK(s == Service::inference);
    CHECK(maas::service_from_text("training", s));
    CHECK(s == Service::training);
    CHECK_FALSE(maas::service_from_text("Training", s));
    CHECK_FALSE(maas::service_from_text("", s));
    CHECK_FALSE(maas::service_from_text("模型训练", s));

    Unit u = Unit::hour;
    CHECK(maas::unit_from_text("k_tokens", u));
    CHECK(u == Unit::k_tokens);
    CHECK(maas::unit_from_text("node_hour", u));
    CHECK(u == Unit::node_hour);
    CHECK(maas::unit_from_text("hour", u));
    CHECK(u == Unit::hour);
    CHECK(maas::unit_from_text("m_tokens", u));
    CHECK(u == Unit::m_tokens);
    CHECK(maas::unit_from_text("request", u));
    CHECK(u == Unit::request);
    CHECK_FALSE(maas::unit_from_text("M_TOKENS", u));
    CHECK_FALSE(maas::unit_from_text("requests", u));
    CHECK_FALSE(maas::unit_from_text("元/百万tokens", u));
    CHECK_FALSE(maas::unit_from_text("HOUR", u));
    CHECK_FALSE(maas::unit_from_text("hours", u));
    CHECK_FALSE(maas::unit_from_text("", u));
}

// packs.cpp - checking and ordering the user's packs (see packs.hpp).
#include "packs.hpp"

#include <algorithm>
#include <set>

#include "field_problem.hpp"
#include "time_text.hpp"

namespace maas {
namespace {

// The parts of a comma-separated list, each trimmed of spaces; false when
// one is empty.
bool split_list(std::string_view text, std::vector<std::string_view>& out) {
    size_t start = 0;
    while (true) {
        const size_t comma = text.find(',', start);
        std::string_view part = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (part.empty()) return false;
        out.push_back(part);
        if (comma == std::string_view::npos) return true;
        start = comma + 1;
    }
}

bool read_items(std::string_view text, uint32_t& items) {
    if (text == "*") {
        for (int i = 0; i < kItemCount; ++i)
            if (item_service(Item(i)) == Service::inference) items |= 1u << i;
        return true;
    }
    std::vector<std::string_view> parts;
    if (!split_list(text, parts)) return false;
    for (std::string_view part : parts) {
        Item item;
        if (!item_from_text(part, item) || item_service(item) != Service::inference) return false;
        items |= 1u << unsigned(item);
    }
    return true;
}

bool read_models(std::string_view text, PackLine& line) {
    line.all_models = text == "*";
    if (line.all_models) return true;
    std::vector<std::string_view> parts;
    if (!split_list(text, parts)) return false;
    for (std::string_view part : parts) line.model_names.emplace_back(part);
    return true;
}

bool read_size(std::string_view text, PackLine& line) {
    if (!is_plain_decimal(text) || !parse_decimal(text, line.size) || line.size.is_negative()) return false;
    line.size_text.assign(text);
    if (line.unit == PackUnit::money) return true;
    int64_t whole;
    return to_int64(line.size, whole);  // a token pack holds whole tokens
}

bool read_priority(std::string_view text, PackLine& line) {
    line.has_priority = !text.empty();
    if (!line.has_priority) return true;
    std::string_view digits = text;
    if (digits.front() == '-') digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 9) return false;
    for (char c : digits)
        if (c < '0' || c > '9') return false;
    line.priority = std::stoll(std::string(text));
    return true;
}

}  // namespace

bool PackLine::covers_model(uint32_t model) const {
    return std::binary_search(model_ids.begin(), model_ids.end(), model);
}

bool check_pack_line(const PackFields& f, PackLine& line, std::string& column, std::string& message) {
    const FieldProblem fail{column, message};
    if (f.pack.empty()) return fail("pack", "is empty; a pack needs an id");
    if (f.provider.empty()) return fail("provider", "is empty; name the provider whose models the pack covers");
    line.pack.assign(f.pack);
    line.provider.assign(f.provider);
    if (!read_models(f.models, line))
        return fail("models", quoted(f.models) + " is not '*' or a comma-separated list of model names");
    if (!read_items(f.items, line.items))
        return fail("items", quoted(f.items) + " is not '*' or a comma-separated list of inference items");
    if (f.unit != "tokens" && f.unit != "money") return fail("unit", quoted(f.unit) + " is not 'tokens' or 'money'");
    line.unit = f.unit == "money" ? PackUnit::money : PackUnit::tokens;
    if (!read_size(f.size, line))
        return fail("size",
                    quoted(f.size) + (line.unit == PackUnit::money ? " is not a non-negative decimal"
                                                                   : " is not a non-negative whole number of tokens"));
    if (line.unit == PackUnit::money && f.currency.empty()) return fail("currency", "a money pack needs a currency");
    if (!f.currency.empty() && !is_currency_code(f.currency))
        return fail("currency", quoted(f.currency) + " is not a 3-letter code such as CNY");
    if (line.unit == PackUnit::money) line.currency.assign(f.currency);
    if (!parse_time(f.valid_from, line.valid_from_ms))
        return fail("valid_from", quoted(f.valid_from) + " is not a time such as 2026-03-01T00:00:00+08:00");
    if (!parse_time(f.valid_until, line.valid_until_ms))
        return fail("valid_until", quoted(f.valid_until) + " is not a time such as 2026-04-01T00:00:00+08:00");
    if (line.valid_until_ms < line.valid_from_ms) return fail("valid_until", "is before valid_from");
    if (!read_priority(f.priority, line))
        return fail("priority", quoted(f.priority) + " is not a whole number from -999999999 to 999999999");
    line.source.assign(f.source);
    return true;
}

bool PackTable::build(std::vector<PackLine> lines, std::string& error) {
    std::set<std::string, std::less<>> ids;
    for (const PackLine& line : lines)
        if (!ids.insert(line.pack).second) {
            error = line.where + ": pack: " + quoted(line.pack) + " is the id of an earlier row";
            return false;
        }
    std::stable_sort(lines.begin(), lines.end(), [](const PackLine& a, const PackLine& b) {
        if (a.has_priority != b.has_priority) return a.has_priority;
        if (a.has_priority && a.priority != b.priority) return a.priority < b.priority;
        return a.valid_until_ms < b.valid_until_ms;
    });
    packs_ = std::move(lines);
    return true;
}

}  // namespace maas

// bill_summary.cpp - a period's bill as JSON (see bill_summary.hpp).
#include "bill_summary.hpp"

#include <functional>

#include "utf8_text.hpp"

namespace maas {
namespace {

// A JSON string: quotes, backslashes and control characters escaped,
// invalid UTF-8 replaced (utf8_safe), so json_each always reads it.
std::string json_string(std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (char c : utf8_safe(text)) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string amount(const Decimal& d) { return json_string(to_string(normalized(d))); }

}  // namespace

size_t BillSummary::KeyHash::operator()(const Key& k) const {
    const uint64_t low = uint64_t(k.unit_price.mantissa), high = uint64_t(k.unit_price.mantissa >> 64);
    uint64_t h = (uint64_t(k.model) << 32) ^ k.period;
    for (uint64_t part : {uint64_t(k.item), uint64_t(uint32_t(k.unit_price.exponent)), low, high,
                          uint64_t(reinterpret_cast<uintptr_t>(k.currency))})
        h = (h ^ part) * 0x9e3779b97f4a7c15ULL;
    return size_t(h ^ (h >> 29));
}

// Calls come in time order, so a period label is mostly the last call's.
uint32_t BillSummary::period_number(std::string_view period) {
    if (periods_[period_] == period) return period_;
    const auto [it, made] = period_numbers_.try_emplace(std::string(period), uint32_t(periods_.size()));
    if (made) periods_.push_back(it->first);
    return period_ = it->second;
}

BillSummary::Line& BillSummary::line_for(uint32_t model, std::string_view model_name, const BillCall& call, int i) {
    const BillItem& item = call.items[i];
    const Key key{model, period_, item.item, call.currency.data(), item.unit_price};
    Recent& recent = recent_[(model * 8 + unsigned(item.item)) % 64];
    if (recent.line && recent.key == key) return *recent.line;
    Line& line = lines_[key];
    recent = Recent{key, &line};
    if (line.model.empty()) {
        line.model.assign(model_name);
        line.item = item.item;
        line.currency.assign(call.currency);
        line.unit_price = item.unit_price;
        line.period = period_;
    }
    return line;
}

bool BillSummary::add(uint32_t model, std::string_view model_name, std::string_view period, const BillCall& call,
                      const CallBill& bill) {
    ++calls_;
    period_number(period);
    Line* lines[kBillItems] = {};
    for (int i = 0; i < call.item_count; ++i) {
        Line& line = *(lines[i] = &line_for(model, model_name, call, i));
        // Token counts up to INT64_MAX each: their sum over calls may not fit.
        if (__builtin_add_overflow(line.quantity, call.items[i].count, &line.quantity) ||
            !maas::add(line.list, bill.list[i], line.list) || !maas::add(line.due, bill.due[i], line.due))
            return false;
    }
    for (const Deduction& d : bill.deductions) {
        Covered& c = lines[d.item]->covered[d.pack];
        c.tokens += d.tokens;
        if (!maas::add(c.amount, d.amount, c.amount)) return false;
    }
    return true;
}

// Adds a line whose price prints alike (0.0020 and 0.002) into another.
bool BillSummary::merge(Line& into, const Line& from) {
    if (__builtin_add_overflow(into.quantity, from.quantity, &into.quantity)) return false;
    if (!maas::add(into.list, from.list, into.list) || !maas::add(into.due, from.due, into.due)) return false;
    for (const auto& [p, c] : from.covered) {
        Covered& to = into.covered[p];
        to.tokens += c.tokens;
        if (!maas::add(to.amount, c.amount, to.amount)) return false;
    }
    return true;
}

std::string BillSummary::json(const PackLedger& ledger) const {
    // Sorted by model, item, currency, price and period, as printed.
    std::map<std::string, Line> sorted;
    for (const auto& [key, l] : lines_) {
        std::string order = l.model + '\0' + item_name(l.item) + '\0' + l.currency + '\0' +
                            to_string(normalized(l.unit_price)) + '\0' + periods_[l.period];
        auto [it, made] = sorted.try_emplace(std::move(order), l);
        if (!made && !merge(it->second, l)) return "";
    }
    const auto& packs = ledger.packs();
    std::string out = "{\"lines\":[";
    bool first = true;
    for (const auto& [order, l] : sorted) {
        out += (first ? "" : ",") + std::string("{\"model\":") + json_string(l.model) +
               ",\"item\":" + json_string(item_name(l.item)) + ",\"currency\":" + json_string(l.currency) +
               ",\"unit_price\":" + amount(l.unit_price) +
               ",\"period\":" + (l.period ? json_string(periods_[l.period]) : "null") +
               ",\"quantity\":" + std::to_string(l.quantity) + ",\"list\":" + amount(l.list) +
               ",\"due\":" + amount(l.due) + ",\"covered\":[";
        first = false;
        bool first_pack = true;
        for (const auto& [p, c] : l.covered) {
            out += (first_pack ? "" : ",") + std::string("{\"pack\":") + json_string(packs[p].pack) +
                   ",\"tokens\":" + std::to_string(c.tokens) + ",\"amount\":" + amount(c.amount) + "}";
            first_pack = false;
        }
        out += "]}";
    }
    out += "],\"packs\":[";
    for (size_t p = 0; p < packs.size(); ++p) {
        const PackBalance& b = ledger.balances()[p];
        const bool money = packs[p].unit == PackUnit::money;
        out += (p ? "," : "") + std::string("{\"pack\":") + json_string(packs[p].pack) +
               ",\"unit\":" + (money ? "\"money\"" : "\"tokens\"") +
               ",\"currency\":" + (money ? json_string(packs[p].currency) : "null") +
               ",\"size\":" + amount(packs[p].size) + ",\"used\":" + amount(b.used) +
               ",\"covered\":" + amount(b.covered) + ",\"expired\":" + amount(b.expired) +
               ",\"left\":" + amount(b.left) + "}";
    }
    return out + "],\"calls\":" + std::to_string(calls_) + ",\"unpriced\":" + std::to_string(unpriced_) + "}";
}

}  // namespace maas

// bill_summary.cpp - a period's bill as JSON (see bill_summary.hpp).
#include "bill_summary.hpp"

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

BillSummary::Line& BillSummary::line_for(std::string_view model, const BillCall& call, int i) {
    const BillItem& item = call.items[i];
    const std::string price = to_string(normalized(item.unit_price));
    std::string key;
    key.append(model).append(1, '\0').append(item_name(item.item)).append(1, '\0');
    key.append(call.currency).append(1, '\0').append(price);
    Line& line = lines_[key];
    if (line.model.empty()) {
        line.model.assign(model);
        line.item = item_name(item.item);
        line.currency.assign(call.currency);
        line.unit_price = price;
    }
    return line;
}

bool BillSummary::add(std::string_view model, const BillCall& call, const CallBill& bill) {
    ++calls_;
    Line* lines[kBillItems] = {};
    for (int i = 0; i < call.item_count; ++i) {
        Line& line = *(lines[i] = &line_for(model, call, i));
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

std::string BillSummary::json(const PackLedger& ledger) const {
    const auto& packs = ledger.packs();
    std::string out = "{\"lines\":[";
    bool first = true;
    for (const auto& [key, l] : lines_) {
        out += (first ? "" : ",") + std::string("{\"model\":") + json_string(l.model) +
               ",\"item\":" + json_string(l.item) + ",\"currency\":" + json_string(l.currency) +
               ",\"unit_price\":" + json_string(l.unit_price) + ",\"quantity\":" + std::to_string(l.quantity) +
               ",\"list\":" + amount(l.list) + ",\"due\":" + amount(l.due) + ",\"covered\":[";
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

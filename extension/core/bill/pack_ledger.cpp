// pack_ledger.cpp - applying packs to calls (see pack_ledger.hpp).
#include "pack_ledger.hpp"

#include <algorithm>

#include "field_problem.hpp"
#include "time_text.hpp"

namespace maas {
namespace {

bool subtract(const Decimal& a, const Decimal& b, Decimal& out) {
    return add(a, Decimal{-b.mantissa, b.exponent}, out);
}

// a < b, exactly; false as well when the difference overflows (take_money
// then subtracts the same two amounts, fails and reports it).
bool less(const Decimal& a, const Decimal& b) {
    if (a.exponent == b.exponent) return a.mantissa < b.mantissa;
    Decimal d;
    return subtract(a, b, d) && d.is_negative();
}

// The SQL function puts its own name before these messages.
constexpr const char* kOverflow = "an amount is too large for exact arithmetic";

// A pack whose arithmetic overflows is named, as a bad row is: a money pack
// of 38 digits passes the row check but cannot be applied to any call.
std::string pack_overflow(const PackLine& pack) {
    return pack.where + ": size: " + quoted(pack.size_text) + " is too large to apply exactly (" + kOverflow + ")";
}

}  // namespace

PackLedger::PackLedger(const std::vector<PackLine>& packs) : packs_(packs), balances_(packs.size()) {
    for (size_t p = 0; p < packs.size(); ++p) {
        PackBalance& b = balances_[p];
        b.left = packs[p].size;
        if (packs[p].unit == PackUnit::tokens && !to_int64(b.left, b.tokens_left)) b.tokens_left = -1;
    }
}

void PackLedger::close(int64_t until_ms) {
    if (until_ms < next_end_ms_) return;  // no pack ends by then
    next_end_ms_ = INT64_MAX;
    for (size_t p = 0; p < packs_.size(); ++p) {
        PackBalance& b = balances_[p];
        if (b.ended) continue;
        if (packs_[p].valid_until_ms > until_ms) {
            next_end_ms_ = std::min(next_end_ms_, packs_[p].valid_until_ms);
            continue;
        }
        b.ended = true;
        b.expired = b.left;
        b.left = Decimal{};
        if (b.tokens_left > 0) b.tokens_left = 0;
    }
}

uint64_t PackLedger::covering(uint32_t model) {
    if (model >= covering_.size()) covering_.resize(size_t(model) + 1);
    uint64_t& bits = covering_[model];
    if (!(bits & kKnown)) {
        bits = kKnown;
        for (size_t p = 0; p < packs_.size() && p < 63; ++p)
            if (packs_[p].covers_model(model)) bits |= uint64_t(1) << p;
    }
    return bits;
}

bool PackLedger::take_tokens(uint32_t p, const BillCall& call, int64_t left[], CallBill& out) {
    PackBalance& b = balances_[p];
    for (int i = 0; i < call.item_count; ++i) {
        const BillItem& item = call.items[i];
        if (item.item == Item::request || !packs_[p].covers_item(item.item) || left[i] <= 0 || b.tokens_left <= 0)
            continue;
        const int64_t n = std::min(left[i], b.tokens_left);
        Decimal amount;
        if (!multiply(Decimal::from_int(n), item.unit_price, amount) || !subtract(out.due[i], amount, out.due[i]) ||
            !add(b.covered, amount, b.covered))
            return false;
        b.tokens_left -= n;
        b.tokens_used += n;  // at most the size, an int64
        b.left = Decimal::from_int(b.tokens_left);
        b.used = Decimal::from_int(b.tokens_used);
        left[i] -= n;
        out.deductions.push_back(Deduction{p, uint8_t(i), n, amount});
    }
    return true;
}

bool PackLedger::take_money(uint32_t p, const BillCall& call, int64_t left[], CallBill& out) {
    PackBalance& b = balances_[p];
    for (int i = 0; i < call.item_count; ++i) {
        if (!packs_[p].covers_item(call.items[i].item) || out.due[i].mantissa <= 0 || b.left.mantissa <= 0) continue;
        const Decimal amount = less(out.due[i], b.left) ? out.due[i] : b.left;
        if (!subtract(out.due[i], amount, out.due[i]) || !subtract(b.left, amount, b.left) ||
            !add(b.used, amount, b.used) || !add(b.covered, amount, b.covered))
            return false;
        left[i] = 0;  // partly paid in money: a later token pack leaves this item alone
        out.deductions.push_back(Deduction{p, uint8_t(i), 0, amount});
    }
    return true;
}

bool PackLedger::apply(const BillCall& call, CallBill& out, std::string& error) {
    if (call.at_ms < last_at_ms_) {
        error = "calls must come in time order (at " + format_time(call.at_ms) + " after " + format_time(last_at_ms_) +
                "): feed them from a subquery ordered by at";
        return false;
    }
    last_at_ms_ = call.at_ms;
    close(call.at_ms);
    out.deductions.clear();
    int64_t left[kBillItems] = {};
    for (int i = 0; i < call.item_count; ++i) {
        left[i] = call.items[i].count;
        if (!multiply(Decimal::from_int(call.items[i].count), call.items[i].unit_price, out.list[i])) {
            error = kOverflow;
            return false;
        }
        out.due[i] = out.list[i];
    }
    const uint64_t covering_bits = packs_.empty() ? 0 : covering(call.model);
    for (uint32_t p = 0; p < packs_.size(); ++p) {
        const PackLine& pack = packs_[p];
        const bool covers = p < 63 ? (covering_bits >> p & 1) : pack.covers_model(call.model);
        if (balances_[p].ended || !pack.in_force(call.at_ms) || !covers) continue;
        const bool ok = pack.unit == PackUnit::tokens    ? take_tokens(p, call, left, out)
                        : pack.currency == call.currency ? take_money(p, call, left, out)
                                                         : true;
        if (!ok) {
            error = pack_overflow(pack);
            return false;
        }
    }
    return true;
}

}  // namespace maas

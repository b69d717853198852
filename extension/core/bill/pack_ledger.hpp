// pack_ledger.hpp - applying the user's packs to calls in time order,
// exactly: what each pack covers of a call, and what is left to pay.
//
//   maas::PackLedger ledger(table.packs());
//   maas::BillCall call;                       // at, model index, currency
//   call.add(maas::Item::input, 1500, per_token_input);   // 1500 tokens at their list price per token
//   call.add(maas::Item::output, 500, per_token_output);
//   maas::CallBill bill;  std::string error;
//   ledger.apply(call, bill, error);           // bill.deductions, bill.due[i]
//   ledger.close(month_end_ms);                // packs ended by then: their rest is expired
//   ledger.balances()[0].left;                 // what the first pack holds still
//
// The rules (issue 27): a call is covered by the packs in force at its
// instant that cover its model and item, in the PackTable's order.  A token
// pack takes the call's tokens one for one whatever their item, in the order
// the items were added (input before output); the tokens it takes are not
// paid.  A money pack covers what is still to pay of a call in its own
// currency, item by item.  What no pack covers is paid at list price.  No
// pack goes below zero (an item a money pack has covered part of is left
// alone by token packs later in the order); a pack whose valid_until has passed keeps its rest
// as `expired`, never used again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decimal.hpp"
#include "packs.hpp"
#include "vocabulary.hpp"

namespace maas {

constexpr int kBillItems = 5;  // input, cached_input, cache_write, output, request

struct BillItem {
    Item item = Item::input;
    int64_t count = 0;   // tokens (requests for Item::request)
    Decimal unit_price;  // per token (per request): the list amount is count x unit_price
};

struct BillCall {
    int64_t at_ms = 0;
    uint32_t model = 0;  // index into Catalog::models()
    std::string_view currency;
    BillItem items[kBillItems];
    int item_count = 0;
    void add(Item item, int64_t count, const Decimal& unit_price) {
        if (count > 0 && item_count < kBillItems) items[item_count++] = BillItem{item, count, unit_price};
    }
};

// What one pack took of one item of a call: tokens (a token pack's) and
// their list value, or an amount of money (a money pack's; tokens 0).
struct Deduction {
    uint32_t pack = 0;  // index into the ledger's packs
    uint8_t item = 0;   // index into BillCall::items
    int64_t tokens = 0;
    Decimal amount;
};

struct CallBill {
    std::vector<Deduction> deductions;
    Decimal list[kBillItems];  // count x unit_price
    Decimal due[kBillItems];   // what is left to pay of each item
};

struct PackBalance {
    Decimal used;     // tokens or money taken
    Decimal covered;  // the list value of what it took (money packs: = used)
    Decimal expired;  // the rest when valid_until passed
    Decimal left;     // what it holds still
    bool ended = false;
    // A token pack's `left` and `used` as whole numbers, the arithmetic of
    // each call (the Decimals are set from them); tokens_left -1: a money
    // pack, or a size beyond int64 (such a pack takes nothing).
    int64_t tokens_left = -1, tokens_used = 0;
};

class PackLedger {
public:
    explicit PackLedger(const std::vector<PackLine>& packs);

    // Applies the packs to one call; false with a message when calls come out
    // of time order or an amount overflows (naming the pack, "maas_user_packs
    // rowid 3: size: ...", when it is one of a pack's).
    bool apply(const BillCall& call, CallBill& out, std::string& error);
    // Ends the packs whose valid_until is at or before until_ms.
    void close(int64_t until_ms);

    const std::vector<PackLine>& packs() const { return packs_; }
    const std::vector<PackBalance>& balances() const { return balances_; }

private:
    bool take_tokens(uint32_t p, const BillCall& call, int64_t left[], CallBill& out);
    bool take_money(uint32_t p, const BillCall& call, int64_t left[], CallBill& out);
    uint64_t covering(uint32_t model);

    const std::vector<PackLine>& packs_;
    std::vector<PackBalance> balances_;
    int64_t last_at_ms_ = INT64_MIN;
    int64_t next_end_ms_ = INT64_MIN;  // the earliest valid_until of a pack not ended: close() has work from then
    // Which packs cover a model, found once per model: bit p for pack p
    // (the first 63), kKnown once looked up.
    static constexpr uint64_t kKnown = uint64_t(1) << 63;
    std::vector<uint64_t> covering_;
};

}  // namespace maas

// bill_summary.hpp - a period's bill from the calls a PackLedger applied:
// one line per model, item, currency, unit price and settlement period
// (quantity, list amount, what each pack covered, amount due), the packs'
// balances, as JSON.
//
//   maas::BillSummary summary;
//   summary.add(model_index, "iflytek-xingchen/DeepSeek-V3", "", call, bill);   // per call in the period
//   summary.json(ledger);
//   // {"lines":[{"model":"iflytek-xingchen/DeepSeek-V3","item":"input","currency":"CNY",
//   //   "unit_price":"0.000002","period":null,"quantity":1500,"list":"0.003","due":"0.001",
//   //   "covered":[{"pack":"free","tokens":1000,"amount":"0.002"}]}],
//   //  "packs":[{"pack":"free","unit":"tokens","currency":null,"size":"1000","used":"1000",
//   //   "covered":"0.002","expired":"0","left":"0"}],"calls":1,"unpriced":0}
//
// Every amount is exact decimal text (never a REAL), so the SQL that reads
// the document (sql/reports/bill.sql) adds them with maas_total_text.  The
// period is a label the caller gives each call (an hour, say, when the
// provider settles hourly): lines are kept apart per label, so that each can
// be rounded on its own; "" keeps no period ("period":null).
//
// Speed: a call adds to its lines through a hash of numbers (the model's
// index, the item, the price's digits, the period's number), never a string
// built per call; json() merges lines whose prices print alike and sorts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "decimal.hpp"
#include "pack_ledger.hpp"

namespace maas {

class BillSummary {
public:
    // Adds one applied call of the model with that index (its name is read
    // only when the model's first line is made); false when an amount
    // or a line's quantity overflows.
    bool add(uint32_t model, std::string_view model_name, std::string_view period, const BillCall& call,
             const CallBill& bill);
    void count_unpriced() { ++unpriced_; }
    std::string json(const PackLedger& ledger) const;

private:
    struct Covered {
        int64_t tokens = 0;
        Decimal amount;
    };
    struct Line {
        std::string model, currency;
        Item item = Item::input;
        Decimal unit_price;
        uint32_t period = 0;
        int64_t quantity = 0;
        Decimal list, due;
        std::map<uint32_t, Covered> covered;  // by pack index
    };
    struct Key {
        uint32_t model = 0, period = 0;
        Item item = Item::input;
        const char* currency = nullptr;  // the catalog's text: one pointer per line of the card
        Decimal unit_price;
        bool operator==(const Key& o) const {
            return model == o.model && period == o.period && item == o.item && currency == o.currency &&
                   unit_price.mantissa == o.unit_price.mantissa && unit_price.exponent == o.unit_price.exponent;
        }
    };
    struct KeyHash {
        size_t operator()(const Key& k) const;
    };
    uint32_t period_number(std::string_view period);
    Line& line_for(uint32_t model, std::string_view model_name, const BillCall& call, int i);
    static bool merge(Line& into, const Line& from);

    std::unordered_map<Key, Line, KeyHash> lines_;
    // The line each (model, item) slot last went to: calls of one model at
    // one price mostly follow each other.  Lines never move (node-based map).
    struct Recent {
        Key key;
        Line* line = nullptr;
    };
    Recent recent_[64];
    std::vector<std::string> periods_ = {""};  // number 0: no period
    std::unordered_map<std::string, uint32_t> period_numbers_;
    uint32_t period_ = 0;  // the last call's
    int64_t calls_ = 0, unpriced_ = 0;
};

}  // namespace maas

// bill_summary.hpp - a period's bill from the calls a PackLedger applied:
// one line per model, item, currency and unit price (quantity, list amount,
// what each pack covered, amount due), the packs' balances, as JSON.
//
//   maas::BillSummary summary;
//   summary.add("iflytek-xingchen/DeepSeek-V3", call, bill);   // per call in the period
//   summary.json(ledger);
//   // {"lines":[{"model":"iflytek-xingchen/DeepSeek-V3","item":"input","currency":"CNY",
//   //   "unit_price":"0.000002","quantity":1500,"list":"0.003","due":"0.001",
//   //   "covered":[{"pack":"free","tokens":1000,"amount":"0.002"}]}],
//   //  "packs":[{"pack":"free","unit":"tokens","currency":null,"size":"1000","used":"1000",
//   //   "covered":"0.002","expired":"0","left":"0"}],"calls":1,"unpriced":0}
//
// Every amount is exact decimal text (never a REAL), so the SQL that reads
// the document (sql/reports/bill.sql) adds them with maas_total_text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "decimal.hpp"
#include "pack_ledger.hpp"

namespace maas {

class BillSummary {
public:
    // Adds one applied call; false when an amount or a line's quantity overflows.
    bool add(std::string_view model, const BillCall& call, const CallBill& bill);
    void count_unpriced() { ++unpriced_; }
    std::string json(const PackLedger& ledger) const;

private:
    struct Covered {
        int64_t tokens = 0;
        Decimal amount;
    };
    struct Line {
        std::string model, item, currency, unit_price;
        int64_t quantity = 0;
        Decimal list, due;
        std::map<uint32_t, Covered> covered;  // by pack index
    };
    Line& line_for(std::string_view model, const BillCall& call, int i);
    std::map<std::string, Line> lines_;  // key: model, item, currency, unit price
    int64_t calls_ = 0, unpriced_ = 0;
};

}  // namespace maas

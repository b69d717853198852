// fx_rates.hpp - the user's exchange rates, versioned in time like prices.
//
// A rate converts an amount in `currency` to `to_currency` by exact
// multiplication: 1 USD = 7.1 CNY is the line (USD, CNY, 7.1).  Rates are
// directional (a reverse rate is its own line: 1/7.1 has no exact decimal)
// and each is in force from its effective_from until the next version of the
// same pair.  They come from the user table maas_user_fx (sql/user_tables.sql).
//
//   maas::FxLine line;  std::string column, message;
//   maas::check_fx_line({"USD", "CNY", "7.1", "2024-01-01", "bank"}, line, column, message);
//   maas::FxTable table;
//   table.build({line}, error);
//   const maas::FxLine* rate = table.rate("USD", "CNY", &at_ms);   // nullptr before 2024-01-01
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal.hpp"

namespace maas {

struct FxLine {
    std::string currency;     // from
    std::string to_currency;  // to
    Decimal rate;             // > 0
    std::string rate_text;    // as written, e.g. "7.1"
    int64_t effective_from_ms = 0;
    std::string source;
    std::string where;  // "maas_user_fx rowid 3", for messages
};

struct FxFields {
    std::string_view currency, to_currency, rate, effective_from, source;
};

// Checks one row: 3-letter codes, two different currencies, a positive plain
// decimal rate, a time.  On failure names the column at fault and says why.
bool check_fx_line(const FxFields& fields, FxLine& out, std::string& column, std::string& message);

class FxTable {
public:
    // Indexes the lines by pair and time; false with "where: effective_from:
    // ..." when two lines give the same pair from the same instant.
    bool build(std::vector<FxLine> lines, std::string& error);

    // The rate in force at *at_ms (the newest one when at_ms is null), or
    // nullptr when there is none.
    const FxLine* rate(std::string_view currency, std::string_view to_currency, const int64_t* at_ms) const;

    bool empty() const { return by_pair_.empty(); }
    const std::vector<FxLine>& lines() const { return lines_; }

private:
    std::vector<FxLine> lines_;
    // (currency, to_currency) -> indexes into lines_, ascending effective_from.
    std::map<std::pair<std::string, std::string>, std::vector<size_t>, std::less<>> by_pair_;
};

}  // namespace maas

// card.hpp - the rate-card file: one CSV line per published price.
//
// The format of data/*.csv (and of files given to maas_load_card later):
//
//   provider,model,service,item,label,price,unit,currency,effective_from,source[,condition[,billed_per]]
//   iflytek-xingchen,Spark Max,inference,input,输入,0.008,k_tokens,CNY,2025-07-08T13:25:00+08:00,https://...
//
// The last two columns may be left out of the header.  `condition` (empty:
// always) says when the line applies (condition.hpp: `input > 32k`,
// `time in 00:30-08:30 @+08:00`, `variant = batch`, ...); `billed_per`
// 'started_hour' makes a deployment line bill every started hour whole.
//
// RFC 4180 quoting is accepted.  parse_card() checks every field and either
// returns all lines or the first problem as "name:line: column: message";
// a card is never half-read.  The words of a line are in vocabulary.hpp,
// how cards combine in card_merge.hpp.
//
//   std::vector<maas::CardLine> lines;
//   std::string error;
//   if (!maas::parse_card(csv_text, "data/xingchen_rates.csv", maas::Origin::builtin, lines, error))
//       puts(error.c_str());
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "condition.hpp"
#include "decimal.hpp"
#include "vocabulary.hpp"

namespace maas {

struct CardLine {
    std::string provider;
    std::string model;
    Service service = Service::inference;
    Item item = Item::input;
    std::string label;
    Decimal price;
    std::string price_text;  // as published, e.g. "0.00075"
    Unit unit = Unit::k_tokens;
    std::string currency;
    int64_t effective_from_ms = 0;  // unix milliseconds, UTC
    std::string source;
    Condition condition;            // when it applies; 0 clauses: always
    std::string condition_text;     // condition.text(): "" for none
    bool per_started_hour = false;  // deployment: a part hour is billed as a whole one
    Origin origin = Origin::builtin;
    std::string where;  // "data/x.csv:12" or "maas_user_rates rowid 5", for messages
};

// The text of one line's fields, in card column order.
struct CardFields {
    std::string_view provider, model, service, item, label, price, unit, currency, effective_from, source;
    std::string_view condition = {}, billed_per = {};  // "" when the card or table has no such column
};

// Checks one line and fills `out` (all but origin and where).  On failure
// names the column at fault and says why.
bool check_card_line(const CardFields& fields, CardLine& out, std::string& column, std::string& message);

// Parses a whole card file; lines get origin `origin` and where "name:line".
bool parse_card(std::string_view csv, std::string_view name, Origin origin, std::vector<CardLine>& out,
                std::string& error);

}  // namespace maas

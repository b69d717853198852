// card.hpp - the rate-card file: one CSV line per published price.
//
// The format of data/*.csv (and of files given to maas_load_card later):
//
//   provider,model,service,item,label,price,unit,currency,effective_from,source
//   iflytek-xingchen,Spark Max,inference,input,输入,0.008,k_tokens,CNY,2025-07-08T13:25:00+08:00,https://...
//
// RFC 4180 quoting is accepted.  parse_card() checks every field and either
// returns all lines or the first problem as "name:line: column: message";
// a card is never half-read.
//
//   std::vector<maas::CardLine> lines;
//   std::string error;
//   if (!maas::parse_card(csv_text, "data/xingchen_rates.csv", maas::Origin::builtin, lines, error))
//       puts(error.c_str());
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "decimal.hpp"

namespace maas {

enum class Service : uint8_t { inference, training };
enum class Item : uint8_t { input, output, deployment, lora, full, lora_merge };
enum class Unit : uint8_t { k_tokens, node_hour, hour };
constexpr int kItemCount = 6;

// Equal after folding ASCII letters to lower case (how names and items match).
bool equal_ignoring_ascii_case(std::string_view a, std::string_view b);

const char* service_name(Service s);
const char* item_name(Item i);
const char* unit_name(Unit u);
Service item_service(Item i);

// 'input' .. 'lora_merge', or a published label ('输入', 'LORA', '全量更新',
// 'LoRA合并', ...); ASCII letters match case-insensitively.
bool item_from_text(std::string_view text, Item& out);
bool service_from_text(std::string_view text, Service& out);
bool unit_from_text(std::string_view text, Unit& out);

enum class Origin : uint8_t { builtin, user };
const char* origin_name(Origin o);

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
    Origin origin = Origin::builtin;
    std::string where;  // "data/x.csv:12" or "maas_user_rates rowid 5", for messages
};

// The text of one line's fields, in card column order.
struct CardFields {
    std::string_view provider, model, service, item, label, price, unit, currency, effective_from, source;
};

// Checks one line and fills `out` (all but origin and where).  On failure
// names the column at fault and says why.
bool check_card_line(const CardFields& fields, CardLine& out, std::string& column, std::string& message);

// Parses a whole card file; lines get origin `origin` and where "name:line".
bool parse_card(std::string_view csv, std::string_view name, Origin origin, std::vector<CardLine>& out,
                std::string& error);

// Lays `overlay` over `base`: an overlay line replaces the base line with the
// same provider, model, item and effective_from (in place, keeping order);
// any other overlay line is appended.
void overlay_lines(std::vector<CardLine>& base, const std::vector<CardLine>& overlay);

// Finds lines with the same provider, model, item and effective_from, one
// line at a time, so that a reader can report problems in line order:
//   DuplicateFinder seen;  ... if (!seen.add(line, error)) return false;
class DuplicateFinder {
public:
    // False with "where: effective_from: ..." when `line` repeats an earlier one.
    bool add(const CardLine& line, std::string& error);

private:
    std::map<std::tuple<std::string, std::string, int, int64_t>, std::string> first_;  // key -> where
};

}  // namespace maas

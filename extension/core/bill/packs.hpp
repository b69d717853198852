// packs.hpp - the user's prepaid packs (free quotas, resource packs,
// vouchers, a Token Plan's monthly allowance), checked, in the order they
// are applied to usage.  They come from the user table maas_user_packs
// (sql/user_tables.sql); pack_ledger.hpp applies them.
//
//   maas::PackLine line;  std::string column, message;
//   maas::check_pack_line({"p1", "iflytek-xingchen", "*", "input,output", "1000000", "tokens", "",
//                          "2026-03-01", "2026-04-01", "", "promo"}, line, column, message);   // true
//   maas::PackTable table;
//   table.build({line}, error);
//   table.packs()[0].covers_item(maas::Item::output);                                       // true
//
// A pack is in force from valid_from (inside) until valid_until (outside).
// Order of application: packs with a priority first, the smallest number
// first; then (and among equal priorities) the earliest valid_until; then
// the order of the rows.  Which models a pack covers (`model_ids`) needs the
// card's names: Catalog::build resolves them (catalog.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decimal.hpp"
#include "vocabulary.hpp"

namespace maas {

enum class PackUnit : uint8_t { tokens, money };

struct PackLine {
    std::string pack;      // the user's id, unique
    std::string provider;  // whose models it covers
    bool all_models = true;
    std::vector<std::string> model_names;  // when not all_models, as written
    uint32_t items = 0;                    // bit (1 << Item) per item covered
    Decimal size;                          // tokens (whole) or an amount of money
    std::string size_text;
    PackUnit unit = PackUnit::tokens;
    std::string currency;  // a money pack's; "" for tokens
    int64_t valid_from_ms = 0, valid_until_ms = 0;
    bool has_priority = false;
    int64_t priority = 0;
    std::string source;
    std::string where;                // "maas_user_packs rowid 3", for messages
    std::vector<uint32_t> model_ids;  // sorted indexes into Catalog::models(), set by Catalog::build

    bool covers_item(Item item) const { return (items >> unsigned(item)) & 1u; }
    bool covers_model(uint32_t model) const;
    bool in_force(int64_t at_ms) const { return at_ms >= valid_from_ms && at_ms < valid_until_ms; }
};

struct PackFields {
    std::string_view pack, provider, models, items, size, unit, currency, valid_from, valid_until, priority, source;
};

// Checks one row; on failure names the column at fault and says why.
bool check_pack_line(const PackFields& fields, PackLine& out, std::string& column, std::string& message);

class PackTable {
public:
    // Orders the packs for application; false with "where: pack: ..." when
    // two rows share an id.
    bool build(std::vector<PackLine> lines, std::string& error);
    const std::vector<PackLine>& packs() const { return packs_; }
    bool empty() const { return packs_.empty(); }

private:
    std::vector<PackLine> packs_;  // in the order of application
};

}  // namespace maas

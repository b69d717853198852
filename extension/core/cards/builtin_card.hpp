// builtin_card.hpp - the rate card and aliases compiled into the extension.
//
// data/xingchen_rates.csv and data/aliases.csv are read at build time by
// extension/tools/builtin_card_codegen.cpp, with the parsers every card and
// alias file goes through (parse_card, parse_aliases): a bad line fails the
// build, not the load.  It writes the checked lines as constant data (the
// generated builtin_card_lines.cpp), so a process reads no CSV when it
// loads the extension; it only indexes the lines, once, on first use.
// cmake/embed_file.cmake embeds the files' bytes as well (the generated
// *_data.cpp files): the tests hold the compiled lines against them.
//
//   std::string error;
//   std::shared_ptr<const maas::Catalog> card = maas::builtin_catalog(error);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aliases.hpp"
#include "card.hpp"
#include "catalog.hpp"

namespace maas {

// The embedded file and the name it had in the source tree (for messages).
std::string_view builtin_card_text();
std::string_view builtin_card_name();
std::string_view builtin_aliases_text();
std::string_view builtin_aliases_name();
std::string_view builtin_other_products_text();  // data/other_products.csv (other_products.hpp)
std::string_view builtin_other_products_name();

// One line of the built-in card as parse_card() gave it at build time: a
// CardLine of origin builtin, in constant data.  The price's mantissa fits
// 64 bits (the generator refuses a card whose prices do not).
struct BuiltinCardLine {
    std::string_view provider, model;
    Service service;
    Item item;
    std::string_view label;
    int64_t price_mantissa;
    int32_t price_exponent;
    std::string_view price_text;
    Unit unit;
    std::string_view currency;
    int64_t effective_from_ms;
    std::string_view source, where;
};

// One line of the built-in aliases as parse_aliases() gave it at build time.
struct BuiltinAliasLine {
    std::string_view alias, model, source, where;
};

// The generated lines, in file order (builtin_card_lines.cpp).
struct BuiltinLines {
    const BuiltinCardLine* card;
    size_t card_count;
    const BuiltinAliasLine* aliases;
    size_t alias_count;
};
BuiltinLines builtin_lines();

// The compiled lines as the parsers' types (what Catalog::build takes).
std::vector<CardLine> builtin_card_lines();
std::vector<AliasLine> builtin_alias_lines();

// The indexed built-in card; nullptr with `error` set if it does not build,
// which the tests rule out for every build.
std::shared_ptr<const Catalog> builtin_catalog(std::string& error);

}  // namespace maas

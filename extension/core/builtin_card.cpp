// builtin_card.cpp - parse the embedded card once per process (thread-safe:
// a function-local static is initialised exactly once, C++11 [stmt.dcl]).
#include "builtin_card.hpp"

namespace maas {
namespace {

struct Parsed {
    std::shared_ptr<const Catalog> catalog;
    std::string error;
};

Parsed parse_builtin() {
    Parsed parsed;
    std::vector<CardLine> lines;
    std::vector<AliasLine> aliases;
    if (parse_card(builtin_card_text(), builtin_card_name(), Origin::builtin, lines, parsed.error) &&
        parse_aliases(builtin_aliases_text(), builtin_aliases_name(), Origin::builtin, aliases, parsed.error))
        parsed.catalog = Catalog::build(std::move(lines), std::move(aliases), parsed.error);
    return parsed;
}

}  // namespace

std::shared_ptr<const Catalog> builtin_catalog(std::string& error) {
    static const Parsed parsed = parse_builtin();
    error = parsed.error;
    return parsed.catalog;
}

}  // namespace maas

// builtin_card.cpp - index the compiled card once per process (thread-safe:
// a function-local static is initialised exactly once, C++11 [stmt.dcl]).
//
// The lines were checked when the extension was built
// (extension/tools/builtin_card_codegen.cpp), so loading only copies them
// into CardLine and AliasLine and builds the catalog: 0.62M instructions a
// process, where parsing the CSV at load took 1.35M (callgrind, the first
// load), and load-to-first-result (bench/run.sh) falls by a quarter.
#include "builtin_card.hpp"

namespace maas {
namespace {

struct Built {
    std::shared_ptr<const Catalog> catalog;
    std::string error;
};

Built build_builtin() {
    Built built;
    built.catalog = Catalog::build(builtin_card_lines(), builtin_alias_lines(), built.error);
    return built;
}

}  // namespace

// Each line is built in place from its views: constructing the strings
// takes a third of the instructions that assigning them did.
std::vector<CardLine> builtin_card_lines() {
    const BuiltinLines compiled = builtin_lines();
    std::vector<CardLine> lines;
    lines.reserve(compiled.card_count);
    for (size_t i = 0; i < compiled.card_count; ++i) {
        const BuiltinCardLine& from = compiled.card[i];
        lines.push_back(CardLine{std::string(from.provider), std::string(from.model), from.service, from.item,
                                 std::string(from.label), Decimal{from.price_mantissa, from.price_exponent},
                                 std::string(from.price_text), from.unit, std::string(from.currency),
                                 from.effective_from_ms, std::string(from.source), Condition{}, std::string(), false,
                                 Origin::builtin, std::string(from.where)});
    }
    return lines;
}

std::vector<AliasLine> builtin_alias_lines() {
    const BuiltinLines compiled = builtin_lines();
    std::vector<AliasLine> aliases;
    aliases.reserve(compiled.alias_count);
    for (size_t i = 0; i < compiled.alias_count; ++i) {
        const BuiltinAliasLine& from = compiled.aliases[i];
        aliases.push_back(AliasLine{std::string(from.alias), std::string(from.model), std::string(from.source),
                                    Origin::builtin, std::string(from.where)});
    }
    return aliases;
}

std::shared_ptr<const Catalog> builtin_catalog(std::string& error) {
    static const Built built = build_builtin();
    error = built.error;
    return built.catalog;
}

}  // namespace maas

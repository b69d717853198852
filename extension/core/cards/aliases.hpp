// aliases.hpp - extra names of models: API model IDs and gateway spellings.
//
// The alias file (data/aliases.csv) has a header and three columns:
//
//   alias,model,source
//   xdeepseekv3,DeepSeek-V3,"usage-and-billing reference (third-party)"
//
// `model` is a model name as the card publishes it (or "provider/model");
// the catalog checks that it exists (catalog.hpp).  Matching an alias
// ignores ASCII letter case, like model names, and is otherwise exact.
//
//   std::vector<maas::AliasLine> aliases;
//   maas::parse_aliases(text, "data/aliases.csv", maas::Origin::builtin, aliases, error);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "card.hpp"

namespace maas {

struct AliasLine {
    std::string alias;
    std::string model;  // a model name or "provider/model"
    std::string source;
    Origin origin = Origin::builtin;
    std::string where;  // for messages: "data/aliases.csv:4", "maas_user_aliases rowid 2"
};

// Reads an alias file; false with "name:line: column: message" on the first
// problem (an empty alias or model, a leading or trailing space, an alias
// listed twice).
bool parse_aliases(std::string_view csv, std::string_view name, Origin origin, std::vector<AliasLine>& out,
                   std::string& error);

}  // namespace maas

// builtin_card.hpp - the rate card and aliases compiled into the extension.
//
// The bytes of data/xingchen_rates.csv and data/aliases.csv are embedded at
// build time by cmake/embed_file.cmake (the generated *_data.cpp files);
// they are parsed and indexed once per process, on first use, with the same
// parsers as any other card or alias file.
//
//   std::string error;
//   std::shared_ptr<const maas::Catalog> card = maas::builtin_catalog(error);
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "catalog.hpp"

namespace maas {

// The embedded file and the name it had in the source tree (for messages).
std::string_view builtin_card_text();
std::string_view builtin_card_name();
std::string_view builtin_aliases_text();
std::string_view builtin_aliases_name();
std::string_view builtin_other_products_text();  // data/other_products.csv (other_products.hpp)
std::string_view builtin_other_products_name();

// The parsed built-in card; nullptr with `error` set if it does not parse,
// which the tests rule out for every build.
std::shared_ptr<const Catalog> builtin_catalog(std::string& error);

}  // namespace maas

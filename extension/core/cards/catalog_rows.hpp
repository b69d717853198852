// catalog_rows.hpp - what maas_rates and maas_aliases show, one row per card
// line and per alias, with the text prepared once when the catalog is built
// so that scans do no formatting.  Kept apart from the pricing index (Model)
// that the cost functions read.
//
//   for (const maas::RateRow& row : catalog.rows()) puts(row.effective_from.c_str());
#pragma once

#include <cstdint>
#include <string>

#include "aliases.hpp"
#include "card.hpp"

namespace maas {

constexpr int64_t kForever = INT64_MAX;  // effective_to of a current price

// One row of maas_rates, with text prepared once so scans do no formatting.
struct RateRow {
    const CardLine* line;
    uint32_t model_index;
    double price;                // nearest double to the published decimal
    std::string effective_from;  // "YYYY-MM-DD HH:MM:SS" UTC
    std::string effective_to;    // same form; empty for the current version
};

// One row of maas_aliases.
struct AliasRow {
    const AliasLine* line;
    uint32_t model_index;
};

}  // namespace maas

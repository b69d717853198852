// cost_result.hpp - a cost as a call's result: the nearest double of the
// exact decimal, NULL for no price, or the error that says why there is no
// single exact cost.  Conventions: docs/conventions.md ("Money").
//
//   Decimal cost;
//   maas::report_cost(ctx, maas::inference_cost(model, 1000, 500, nullptr, cost), cost, "maas_cost");
#pragma once

#include <string>

#include "decimal.hpp"
#include "pricing.hpp"
#include "sqlite_api.hpp"

namespace maas {

// `ambiguity` (pricing.hpp's ambiguity()) names the two lines that tie when
// priced is Priced::ambiguous.
void report_cost(sqlite3_context* ctx, Priced priced, const Decimal& cost, const char* function,
                 const std::string& ambiguity = std::string());

}  // namespace maas

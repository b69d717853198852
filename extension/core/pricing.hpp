// pricing.hpp - what a use of a model costs, exactly.
//
// These functions hold the billing rules; the SQL layer only reads arguments
// and reports.  Each returns the exact decimal cost or says why there is none:
//
//   maas::Decimal cost;
//   maas::inference_cost(model, 1000000, 1000000, nullptr, cost);  // DeepSeek-R1: 20
//   maas::to_double(cost);                                          // 20.0
//
// `at` (unix ms, or null for the newest prices) picks the price versions in
// force at that instant; before a model's first version there is no price.
//
// Rules (from the provider's billing description):
//   inference   (input_tokens x input price + output_tokens x output price) / 1000
//   training    tokens x epochs x price / 1000  (billed tokens = dataset x epochs)
//   deployment  hours x nodes x price for a per-node-hour price; a price the
//               page gives per hour without "per node" (unit 'hour') is the
//               price of the whole deployment on one node, so it prices
//               nodes = 1 only and has no price (NULL) for more nodes.
#pragma once

#include <cstdint>

#include "catalog.hpp"
#include "decimal.hpp"
#include "quick_prices.hpp"  // the fast form of inference_cost, prepared per model

namespace maas {

// mixed_currency: input and output prices in force are in different
// currencies, so no single cost exists.
enum class Priced { ok, no_price, overflow, mixed_currency };

Priced inference_cost(const Model& model, int64_t input_tokens, int64_t output_tokens, const int64_t* at,
                      Decimal& cost);

Priced training_cost(const Model& model, Item method, int64_t tokens, int64_t epochs, const int64_t* at,
                     Decimal& cost);
Priced deployment_cost(const Model& model, const Decimal& hours, int64_t nodes, const int64_t* at,
                       Decimal& cost);

}  // namespace maas

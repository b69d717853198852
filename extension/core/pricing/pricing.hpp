// pricing.hpp - what a use of a model costs, exactly.
//
// These functions hold the billing rules; the SQL layer only reads arguments
// and reports.  Each returns the exact decimal cost or says why there is none:
//
//   maas::Decimal cost;
//   maas::inference_cost(model, 1000000, 1000000, nullptr, cost);  // DeepSeek-R1: 20
//   maas::to_double(cost);                                          // 20.0
//   maas::TokenCounts t;
//   t.input = 1000; t.cached_input = 800; t.output = 500;
//   maas::inference_cost(model, t, nullptr, cost);   // 200 and 800 input tokens each at their price
//
// `at` (unix ms, or null for the newest prices) picks the price versions in
// force at that instant; before a model's first version there is no price.
// A call's CallTerms add its variant ('batch', 'flex', ...): with the
// call's counts and `at`, they choose among lines with conditions
// (Model::choose: the line with the most clauses that hold; two such lines
// are Priced::ambiguous, never a guess).  Each item is chosen for the whole
// call: every token of it at one price.
//
// Token prices are per k_tokens (x 10^-3 per token) or m_tokens (x 10^-6),
// as published; the power of ten is applied exactly, so a price of 2 per
// m_tokens costs what 0.002 per k_tokens does.
//
// Rules (from the provider's billing description and its newer catalog):
//   inference   of a call's TokenCounts (token_counts.hpp), each token once:
//                 (input - cached_input - cache_write) x input price
//               + cached_input x cached_input price (the input price when
//                 none is in force: the 2025-07-08 page publishes none)
//               + cache_write x cache_write price (the input price when none)
//               + output x output price
//               + requests x request price (0 when none)
//               Input and output prices are required (without them: no
//               price, even with a request price); every price used must be
//               in one currency.  The (input, output) form is one call with
//               no cached tokens: requests = 1.
//   training    tokens x epochs x price per token  (billed tokens = dataset x epochs)
//   deployment  hours x nodes x price for a per-node-hour price; a price the
//               page gives per hour without "per node" (unit 'hour') is the
//               price of the whole deployment on one node, so it prices
//               nodes = 1 only and has no price (NULL) for more nodes.
// Beside them, by the same rules: the currency of a cost (`currency_of`) and
// why a model has no price (`unpriced_reason`, maas_unpriced's codes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "decimal.hpp"
#include "quick_prices.hpp"  // the fast form of inference_cost, prepared per model
#include "token_counts.hpp"

namespace maas {

// mixed_currency: the prices in force that a cost needs are in different
// currencies, so no single cost exists.  inconsistent_counts: the
// TokenCounts are not consistent() (a part larger than its whole, a negative
// count); the SQL layer checks first and names the argument.  ambiguous:
// two lines with conditions hold for the call with as many clauses
// (ambiguity() names them).
enum class Priced { ok, no_price, overflow, mixed_currency, inconsistent_counts, ambiguous };

// What a call brings besides its counts: the instant whose prices apply
// (null: the newest) and its variant ("": none).
// Made from `at` alone where a call has no variant.
struct CallTerms {
    CallTerms(const int64_t* at_ms = nullptr, std::string_view variant_name = {}) : at(at_ms), variant(variant_name) {}
    const int64_t* at;
    std::string_view variant;
};

// The facts conditions are checked against, for a call of these counts.
CallFacts call_facts(const Model& model, const TokenCounts& tokens, CallTerms terms);

// The inference prices in force at `at`.  input and output are never null
// when inference_prices() says ok; the others are null when the model has
// none in force.
struct InferencePrices {
    const PriceVersion* input = nullptr;
    const PriceVersion* output = nullptr;
    const PriceVersion* cached_input = nullptr;
    const PriceVersion* cache_write = nullptr;
    const PriceVersion* request = nullptr;
};
// no_price without an input or output price in force; mixed_currency when
// the prices found are not all in one currency.  maas_unpriced says why by
// the same rule.
Priced inference_prices(const Model& model, const CallFacts& call, InferencePrices& out);
Priced inference_prices(const Model& model, const int64_t* at, InferencePrices& out);  // a call of no tokens

Priced inference_cost(const Model& model, const TokenCounts& tokens, CallTerms terms, Decimal& cost);
// One call of input_tokens and output_tokens, none cached.
Priced inference_cost(const Model& model, int64_t input_tokens, int64_t output_tokens, CallTerms terms, Decimal& cost);

// The two lines that tie for some item of this call ("data/x.csv:3 and
// maas_user_rates rowid 7"), after a cost said Priced::ambiguous; the item
// as the first word.
std::string ambiguity(const Model& model, const CallFacts& call);

// The currency of the model's inference prices in force at `at` when there
// are (one currency, or nullptr when mixed); else of its other prices in
// force then (training, deployment) when they agree; nullptr when none is in
// force (before its first price) or they disagree.  maas_currency.
const std::string* currency_of(const Model& model, const int64_t* at);

// Why a call's inference has no price, as maas_unpriced's stable code
// (docs/functions/maas_unpriced.md), or nullptr when it has one: by the
// rule inference_prices() applies.  model is nullptr for a name the catalog
// does not know: then the name says whether it is another product's.
const char* unpriced_reason(const Model* model, std::string_view name, const CallFacts& call);

Priced training_cost(const Model& model, Item method, int64_t tokens, int64_t epochs, CallTerms terms, Decimal& cost);
// A line billed per started hour (CardLine::per_started_hour) bills each
// node's hours rounded up to a whole hour: 0.25 h costs one hour.
Priced deployment_cost(const Model& model, const Decimal& hours, int64_t nodes, CallTerms terms, Decimal& cost);

}  // namespace maas

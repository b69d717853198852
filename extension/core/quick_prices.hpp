// quick_prices.hpp - a model's newest token prices prepared for the common
// maas_cost call: two multiplications and one correctly rounded division.
//
// Published token prices are short decimals (0.00075, 0.016).  Both prices
// are put on one exponent as int64 mantissas once, when the catalog is
// built, so that pricing a row needs no decimal arithmetic at all:
//
//   maas::QuickTokenPrices quick = maas::prepare_quick_prices(input_price, output_price);
//   double cost;
//   if (maas::quick_inference_cost(quick, 230, 300, cost)) ...   // 0.001615, exactly as the slow path
//
// Lives beside the catalog (each Model holds one), below pricing.hpp, so
// that building a catalog never reaches up into the billing rules.
#pragma once

#include <cstdint>

#include "decimal.hpp"

namespace maas {

// Token prices are per 1,000 tokens: a price x tokens is shifted by 10^-3.
constexpr int32_t kPerThousandTokens = -3;

// valid is false when the model lacks a token price, mixes currencies or has
// prices too fine for this form; then the general path prices it.
struct QuickTokenPrices {
    bool valid = false;
    int64_t input = 0;
    int64_t output = 0;
    double divisor = 1;  // 10^k, exact in a double (k <= 22)
};

// The quick prices of one stretch of time, from `from_ms` until the next
// stretch starts, in which a model's input and output versions stay the same.
struct QuickEpoch {
    int64_t from_ms = 0;
    QuickTokenPrices prices;
};

// Both prices as int64 mantissas on one exponent, when they fit.
bool align_prices(const Decimal& a, const Decimal& b, int64_t& ma, int64_t& mb, int32_t& exponent);

// The quick form of (input price, output price), in one currency.
QuickTokenPrices prepare_quick_prices(const Decimal& input_price, const Decimal& output_price);

// (input_tokens x input + output_tokens x output) / 1000 as the nearest
// double, when the exact cost has at most 53 significant bits: then it is
// exactly what to_double() of the exact decimal cost gives.  False: use the
// general path (pricing.hpp, inference_cost).
inline bool quick_inference_cost(const QuickTokenPrices& quick, int64_t input_tokens, int64_t output_tokens,
                                 double& cost) {
    if (!quick.valid || input_tokens < 0 || output_tokens < 0) return false;
    const __int128 n = __int128(input_tokens) * quick.input + __int128(output_tokens) * quick.output;
    if (n > (__int128(1) << 53)) return false;
    cost = double(int64_t(n)) / quick.divisor;  // both exact: one rounding
    return true;
}

}  // namespace maas

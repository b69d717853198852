// quick_prices.hpp - a model's newest token prices prepared for the common
// maas_cost and maas_cost_cached calls: a few multiplications and one
// correctly rounded division.
//
// Published token prices are short decimals (0.00075 per 1,000 tokens, 2 per
// million).  Every price is taken per token (its unit's power of ten applied,
// exactly) and all are put on one exponent as int64 mantissas once, when the
// catalog is built, so that pricing a row needs no decimal arithmetic at all:
//
//   maas::QuickTokenPrices quick = maas::prepare_quick_prices({input, output, input, input});
//   double cost;
//   if (maas::quick_inference_cost(quick, 230, 300, cost)) ...   // 0.001615, exactly as the slow path
//   if (maas::quick_cached_cost(quick, 1000, 800, 0, 500, cost)) ...
//
// Lives beside the catalog (each Model holds one), below pricing.hpp, so
// that building a catalog never reaches up into the billing rules.
#pragma once

#include <cstdint>

#include "decimal.hpp"

namespace maas {

// Per-token prices (a price per unit x 10^token_unit_exponent), one
// currency.  cached_input and cache_write are the input price when the
// model has none of its own: the caller decides that, this form only
// multiplies.
struct PerTokenPrices {
    Decimal input, output, cached_input, cache_write;
};

// valid is false when the model lacks a token price, mixes currencies, has
// a per-request price or prices too fine for this form; then the general
// path prices it.
struct QuickTokenPrices {
    bool valid = false;
    int64_t input = 0;
    int64_t output = 0;
    int64_t cached_input = 0;
    int64_t cache_write = 0;
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

// The quick form of the four per-token prices.
QuickTokenPrices prepare_quick_prices(const PerTokenPrices& per_token);

// input_tokens x input + output_tokens x output as the nearest double, when
// the exact cost has at most 53 significant bits: then it is exactly what
// to_double() of the exact decimal cost gives.  False: use the general path
// (pricing.hpp, inference_cost).
inline bool quick_inference_cost(const QuickTokenPrices& quick, int64_t input_tokens, int64_t output_tokens,
                                 double& cost) {
    if (!quick.valid || input_tokens < 0 || output_tokens < 0) return false;
    // In int64 with overflow checks: a sum that fits in 53 bits fits there,
    // and any overflow is beyond 53 bits anyway.
    int64_t in, out, n;
    if (__builtin_mul_overflow(input_tokens, quick.input, &in) ||
        __builtin_mul_overflow(output_tokens, quick.output, &out) || __builtin_add_overflow(in, out, &n) ||
        n > (int64_t(1) << 53))
        return false;
    cost = double(n) / quick.divisor;  // both exact: one rounding
    return true;
}

// The same with cached reads and cache writes, which are parts of
// input_tokens (token_counts.hpp): each token is priced once, the uncached
// rest at the input price.  False for inconsistent counts too (the general
// path names the argument at fault).
inline bool quick_cached_cost(const QuickTokenPrices& quick, int64_t input_tokens, int64_t cached_tokens,
                              int64_t cache_write_tokens, int64_t output_tokens, double& cost) {
    if (!quick.valid || cached_tokens < 0 || cache_write_tokens < 0 || output_tokens < 0 ||
        cached_tokens > input_tokens || cache_write_tokens > input_tokens - cached_tokens)
        return false;
    // Mantissas are below 2^62 (prepare_quick_prices), so four products of
    // counts below 2^63 stay below 2^127.
    const __int128 n = __int128(input_tokens - cached_tokens - cache_write_tokens) * quick.input +
                       __int128(cached_tokens) * quick.cached_input + __int128(cache_write_tokens) * quick.cache_write +
                       __int128(output_tokens) * quick.output;
    if (n > (__int128(1) << 53)) return false;
    cost = double(int64_t(n)) / quick.divisor;
    return true;
}

}  // namespace maas

// quick_prices.cpp - preparing a model's quick token prices (see quick_prices.hpp).
#include "quick_prices.hpp"

namespace maas {
namespace {

constexpr int64_t kPow10[] = {1,
                              10,
                              100,
                              1000,
                              10000,
                              100000,
                              1000000,
                              10000000,
                              100000000,
                              1000000000,
                              10000000000,
                              100000000000,
                              1000000000000,
                              10000000000000,
                              100000000000000,
                              1000000000000000,
                              10000000000000000,
                              100000000000000000,
                              1000000000000000000};

// Every price's mantissa on the smallest exponent of them all, when each
// fits in int64.
bool align(const Decimal* prices, int64_t* mantissas, int count, int32_t& exponent) {
    exponent = prices[0].exponent;
    for (int i = 0; i < count; ++i) {
        if (prices[i].mantissa > INT64_MAX || prices[i].mantissa < 0) return false;
        if (prices[i].exponent < exponent) exponent = prices[i].exponent;
    }
    for (int i = 0; i < count; ++i) {
        const int64_t shift = int64_t(prices[i].exponent) - exponent;
        if (shift > 18 || __builtin_mul_overflow(int64_t(prices[i].mantissa), kPow10[shift], &mantissas[i]))
            return false;
    }
    return true;
}

}  // namespace

bool align_prices(const Decimal& a, const Decimal& b, int64_t& ma, int64_t& mb, int32_t& exponent) {
    const Decimal prices[] = {a, b};
    int64_t mantissas[2];
    if (!align(prices, mantissas, 2, exponent)) return false;
    ma = mantissas[0];
    mb = mantissas[1];
    return true;
}

QuickTokenPrices prepare_quick_prices(const PerTokenPrices& per_token) {
    const Decimal prices[] = {per_token.input, per_token.output, per_token.cached_input, per_token.cache_write};
    int64_t m[4];
    int32_t exponent;
    if (!align(prices, m, 4, exponent)) return QuickTokenPrices{};
    for (int64_t mantissa : m)
        if (mantissa >= (int64_t(1) << 62)) return QuickTokenPrices{};  // keeps quick_cached_cost's sum in 127 bits
    const int32_t k = -exponent;                                        // cost = n / 10^k
    if (k < 0 || k > 22) return QuickTokenPrices{};
    double divisor = 1;
    for (int32_t i = 0; i < k; ++i) divisor *= 10;  // exact up to 10^22
    return QuickTokenPrices{true, m[0], m[1], m[2], m[3], divisor};
}

}  // namespace maas

// quick_prices.cpp - preparing a model's quick token prices (see quick_prices.hpp).
#include "quick_prices.hpp"

namespace maas {
namespace {

constexpr int64_t kPow10[] = {1,         10,         100,         1000,         10000,         100000,
                             1000000,   10000000,   100000000,   1000000000,   10000000000,   100000000000,
                             1000000000000, 10000000000000, 100000000000000, 1000000000000000,
                             10000000000000000, 100000000000000000, 1000000000000000000};

}  // namespace

bool align_prices(const Decimal& a, const Decimal& b, int64_t& ma, int64_t& mb, int32_t& exponent) {
    if (a.mantissa > INT64_MAX || a.mantissa < 0 || b.mantissa > INT64_MAX || b.mantissa < 0) return false;
    ma = int64_t(a.mantissa);
    mb = int64_t(b.mantissa);
    exponent = a.exponent < b.exponent ? a.exponent : b.exponent;
    const int64_t shift_a = int64_t(a.exponent) - exponent, shift_b = int64_t(b.exponent) - exponent;
    if (shift_a > 18 || shift_b > 18) return false;
    return !__builtin_mul_overflow(ma, kPow10[shift_a], &ma) && !__builtin_mul_overflow(mb, kPow10[shift_b], &mb);
}

QuickTokenPrices prepare_quick_prices(const Decimal& input_price, const Decimal& output_price) {
    int64_t in_price, out_price;
    int32_t exponent;
    if (!align_prices(input_price, output_price, in_price, out_price, exponent)) return QuickTokenPrices{};
    const int32_t k = -(exponent + kPerThousandTokens);  // cost = n / 10^k
    if (k < 0 || k > 22) return QuickTokenPrices{};
    double divisor = 1;
    for (int32_t i = 0; i < k; ++i) divisor *= 10;  // exact up to 10^22
    return QuickTokenPrices{true, in_price, out_price, divisor};
}

}  // namespace maas

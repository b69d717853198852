// exact_sum.cpp - the slow paths of ExactSum (exact_sum.hpp): values at
// another exponent, and sums near the int128 limits.
#include "exact_sum.hpp"

namespace maas {
namespace {

constexpr int kMaxPower = 38;  // 10^38 < 2^127

// v x 10^k, checked; false when it does not fit.
bool times_power_of_ten(int128 v, int64_t k, int128& out) {
    if (v == 0) return (out = 0), true;
    if (k > kMaxPower) return false;  // |v| >= 1, so |v| x 10^39 > 2^127
    int128 p = 1;
    for (int64_t i = 0; i < k; ++i) p *= 10;
    return !__builtin_mul_overflow(v, p, &out);
}

}  // namespace

bool ExactSum::add_slow(const Decimal& v) {
    if (v.mantissa == 0) return true;
    if (mantissa == 0) {
        // Take the value's exponent: the next values most likely share it.
        mantissa = v.mantissa;
        exponent = v.exponent;
        return true;
    }
    // Align on the finer exponent, which keeps every digit.
    const int32_t fine = v.exponent < exponent ? v.exponent : exponent;
    int128 a, b, sum;
    if (times_power_of_ten(mantissa, int64_t(exponent) - fine, a) &&
        times_power_of_ten(v.mantissa, int64_t(v.exponent) - fine, b) && !__builtin_add_overflow(a, b, &sum)) {
        mantissa = sum;
        exponent = fine;
        return true;
    }
    // Near the limits: maas::add strips trailing zeros first, so a sum that
    // fits in 38 digits at some exponent is still found.
    Decimal out;
    if (!maas::add(value(), v, out)) return false;
    mantissa = out.mantissa;
    exponent = out.exponent;
    return true;
}

bool ExactSum::subtract(const Decimal& v) {
    // -v overflows only for the one mantissa -2^127, which no 38-digit
    // decimal has; refuse it rather than wrap.
    constexpr int128 kMax = static_cast<int128>(~static_cast<unsigned __int128>(0) >> 1);
    if (v.mantissa < -kMax) return false;
    return add(Decimal{-v.mantissa, v.exponent});
}

}  // namespace maas

// double_to_decimal.hpp - the shortest round-trip decimal of a double, fast.
//
// decimal_from_double() (decimal.hpp) defines which decimal a REAL stands
// for: the shortest one that reads back as the same double (0.1 is 1e-1,
// what the user typed).  It goes through std::to_chars and parse_decimal,
// which is far too slow to run once per row of a SUM over millions of rows.
// This file finds the same value with one multiplication and one or two
// divisions in the common case, a money amount with few decimals:
//
//   int32_t scale = 0;                        // kept across calls: the last scale that worked
//   maas::Decimal v;
//   maas::decimal_value_from_double(0.001615, scale, v);   // 1615e-6, scale now 6
//   maas::decimal_value_from_double(0.0592, scale, v);     // 592e-4 at scale 6: 59200e-6
//   maas::shortest_decimal(150.0, scale, v);                // 15e1 (normalized)
//
// The method.  For a scale k (0 <= k <= 22) take n = round(d x 10^k) and
// test the candidates n-1, n, n+1 for  double(n) / 10^k == d.  With
// |n| < 2^52 and k <= 22 both operands are exact doubles and IEEE division
// rounds the exact quotient once, so the test says exactly "the decimal
// n x 10^-k reads back as d" (and it is the very computation to_double()
// does for such a decimal, so the two agree by construction).
//
// Why a match is the shortest round-trip decimal:
//   1. It is the only k-digit decimal that reads back as d.  The decimals
//      that read back as d form an interval around d, of width at most one
//      ulp of d.  If n x 10^-k and (n+1) x 10^-k (0 <= n) both lay in it, the
//      width would be >= 10^-k, so ulp(d) = 2^(E-52) >= 10^-k where
//      2^E <= d; the interval reaches down to at least 2^E - 2^(E-54), so
//      n >= 10^k x 2^E x (1 - 2^-54) >= 2^52 - 1/4, i.e. n >= 2^52: excluded.
//      (Negative n is the mirror image; 0 and +-1 never share an interval,
//      as 10^-22 is a normal double.)  So the first candidate that passes is
//      the answer, and the round-trip set contains no other decimal with k
//      or fewer fraction digits: any such decimal, m x 10^-j with j <= k, is
//      also the k-digit decimal (m x 10^(k-j)) x 10^-k.
//   2. A decimal with more fraction digits j > k but no more significant
//      digits would need a power of ten 10^p in the interval between it and
//      n x 10^-k (only crossing a power of ten removes a leading digit).
//      10^p >= 10^-k is itself a k-digit decimal, so by 1. it is n x 10^-k,
//      which then has a single significant digit: nothing is shorter.
//   Hence n x 10^-k, with its trailing zeros stripped when n % 10 == 0, is
//   the decimal with the fewest significant digits that reads back as d, the
//   one to_chars prints; tests/core/test_exact_sum.cpp and fuzz/fuzz_total.cpp
//   compare the two on millions of doubles.
//
// The search: starting at the hint, k goes up while no candidate passes and
// |d| x 10^k stays below 2^52 (a decimal with fewer digits is also a decimal
// with more, so a miss at k means a miss at every smaller k).  When d is too
// large for the hint, only the largest k that fits is tried.  No match (a
// value needing more than 15-16 digits, |d| >= 2^52, subnormals and other
// values below 1e-22) falls back to decimal_from_double.
#pragma once

#include <cmath>
#include <cstdint>

#include "decimal.hpp"

namespace maas {

constexpr int32_t kMaxFastScale = 22;  // 10^22 is the largest exact power of ten in a double

namespace fast_decimal_detail {

constexpr double kPow10[kMaxFastScale + 1] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr double kTwoTo52 = 4503599627370496.0;

// True when |x| < 2^52 (false for NaN and infinities).
inline bool below_2_52(double x) { return std::fabs(x) < kTwoTo52; }

// The n with double(n) / 10^k == d among round(d x 10^k) and its two
// neighbours; false when none passes.  Requires |d x 10^k| < 2^52.  Why
// three candidates suffice: the true n lies within 1/2 of the exact product
// d x 10^k (10^k x ulp(d) / 2 < 1/2, from 1. above), the computed product
// within 1/2 of it (its rounding error, below |d x 10^k| x 2^-53), and r
// within 1 of the computed product; so |r - n| < 2.
inline bool match_at(double d, int32_t k, int64_t& n) {
    const double p = kPow10[k];
    const double x = d * p;
    const int64_t r = static_cast<int64_t>(x < 0 ? x - 0.5 : x + 0.5);  // round half away
    if (static_cast<double>(r) / p == d) return (n = r), true;
    const int64_t limit = int64_t(1) << 52;
    for (const int64_t c : {r - 1, r + 1})
        if (c > -limit && c < limit && static_cast<double>(c) / p == d) return (n = c), true;
    return false;
}

}  // namespace fast_decimal_detail

// The fast path alone: out = n x 10^-k (not normalized: trailing zeros are
// kept so that successive values share one exponent), the value of d's
// shortest round-trip decimal.  `scale` is where the search starts and,
// after a match found at or above it, the scale of that match.  False
// (out untouched) when the fast path does not apply; -0.0 gives 0.
inline bool fast_decimal_from_double(double d, int32_t& scale, Decimal& out) {
    using namespace fast_decimal_detail;
    int32_t k = scale < 0 ? 0 : scale > kMaxFastScale ? kMaxFastScale : scale;
    int64_t n;
    if (!below_2_52(d * kPow10[k])) {
        // Too large for this scale: the largest scale that fits is the only
        // one worth a try (a match at a smaller one is a match there too).
        // The hint is left alone: it tracks the finest scale in use.
        while (k > 0 && !below_2_52(d * kPow10[k])) --k;
        if (!below_2_52(d * kPow10[k]) || !match_at(d, k, n)) return false;
        out = Decimal{n, -k};
        return true;
    }
    for (;;) {
        if (match_at(d, k, n)) {
            scale = k;
            out = Decimal{n, -k};
            return true;
        }
        if (k == kMaxFastScale || !below_2_52(d * kPow10[k + 1])) return false;
        ++k;
    }
}

// The value of decimal_from_double(d) (equal in value; the exponent may be
// lower, as fast_decimal_from_double leaves it), fast when possible.  False
// for NaN and infinities.
bool decimal_value_from_double_slow(double d, Decimal& out);
inline bool decimal_value_from_double(double d, int32_t& scale, Decimal& out) {
    return fast_decimal_from_double(d, scale, out) || decimal_value_from_double_slow(d, out);
}

// decimal_from_double(d), normalized (no trailing zeros in the mantissa):
// the same value, found fast when possible.  False for NaN and infinities.
bool shortest_decimal(double d, int32_t& scale, Decimal& out);

}  // namespace maas

// decimal.hpp - exact decimal numbers for money.
//
// A Decimal is mantissa x 10^exponent with a 128-bit mantissa, so a published
// price such as "0.00075" is held exactly (75 x 10^-5) and products of prices
// with token counts stay exact.  Every operation reports overflow instead of
// wrapping; the only rounding in the whole extension is the final conversion
// to the nearest double in to_double().
//
//   maas::Decimal price;
//   maas::parse_decimal("0.00075", price);                    // true
//   maas::Decimal cost;
//   maas::multiply(price, maas::Decimal::from_int(1), cost);  // 75e-5
//   maas::to_double(maas::shifted(cost, -3));                 // 7.5e-07
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace maas {

using int128 = __int128;

struct Decimal {
    int128 mantissa = 0;
    int32_t exponent = 0;

    static Decimal from_int(int64_t v) { return Decimal{v, 0}; }
    bool is_negative() const { return mantissa < 0; }
    bool is_zero() const { return mantissa == 0; }
};

// Parses [ws][+|-]digits[.digits][(e|E)[+|-]digits][ws] (also ".5" and "5.")
// exactly.  No locale is consulted.  Returns false on anything else, or when
// the digits do not fit in 38 significant digits.
bool parse_decimal(std::string_view text, Decimal& out);

// The exact decimal a double holds in its shortest round-trip form: 0.1
// becomes 1 x 10^-1, which is what the user typed.  False for NaN or Inf.
bool decimal_from_double(double value, Decimal& out);

// value x 10^by, exact (only the exponent moves).
inline Decimal shifted(Decimal d, int32_t by) { return Decimal{d.mantissa, d.exponent + by}; }

// Exact arithmetic; false when the exact result does not fit.
bool multiply_wide(const Decimal& a, const Decimal& b, Decimal& out);
// Inline when both mantissas fit in 64 bits (a count times a price): one
// 64 x 64 -> 128 multiply, which cannot overflow; else multiply_wide.
inline bool multiply(const Decimal& a, const Decimal& b, Decimal& out) {
    constexpr int32_t kPlainExponents = 50000;  // a sum of two is inside multiply_wide's limits (+-100000)
    if (a.mantissa >= INT64_MIN && a.mantissa <= INT64_MAX && b.mantissa >= INT64_MIN && b.mantissa <= INT64_MAX &&
        a.exponent > -kPlainExponents && a.exponent < kPlainExponents && b.exponent > -kPlainExponents &&
        b.exponent < kPlainExponents) {
        const int128 m = int128(int64_t(a.mantissa)) * int64_t(b.mantissa);
        out = Decimal{m, m == 0 ? 0 : a.exponent + b.exponent};
        return true;
    }
    return multiply_wide(a, b, out);
}
bool add_aligning(const Decimal& a, const Decimal& b, Decimal& out);
// Inline when both have one exponent (sums of amounts at one price, the
// common case in a bill); else add_aligning.
inline bool add(const Decimal& a, const Decimal& b, Decimal& out) {
    int128 sum;
    if (a.exponent == b.exponent && !__builtin_add_overflow(a.mantissa, b.mantissa, &sum)) {
        out = Decimal{sum, sum == 0 ? 0 : a.exponent};
        return true;
    }
    return add_aligning(a, b, out);
}

// True when the value is a whole number; stores it when it fits in int64.
bool to_int64(const Decimal& d, int64_t& out);

// The double nearest the exact value, rounded once (ties to even); +-infinity
// when the value is beyond the largest double.
double to_double(const Decimal& d);

// Plain decimal text without exponent ("0.00075", "150", "-2.5").
std::string to_string(const Decimal& d);

// The same value with the trailing zeros of the mantissa moved into the
// exponent (1500e-3 becomes 15e-1; zero becomes 0e0).
Decimal normalized(Decimal d);

// d rounded to `decimals` fraction digits, half away from zero (2.5 -> 3,
// -2.5 -> -3, 9.9995 to 3 places -> 10.000), exactly in decimal: no binary
// rounding as printf('%.3f') has.  out's exponent is -decimals, or d's own
// when d has fewer fraction digits (the value is then unchanged).  False
// only when decimals is negative.
bool round_half_away(const Decimal& d, int decimals, Decimal& out);

// A non-negative d rounded up to a whole number (0.25 -> 1, 2 -> 2, 0 -> 0):
// a part hour billed as a whole one.  False for a negative d.
bool round_up_to_whole(const Decimal& d, Decimal& out);

// Plain text of d rounded half away from zero to exactly `decimals` places,
// padded with zeros ("0.003", "10.000", "2.500"); a rounded zero has no
// sign.  decimals must be >= 0.
std::string to_fixed_string(const Decimal& d, int decimals);

}  // namespace maas

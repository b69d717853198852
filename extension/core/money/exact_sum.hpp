// exact_sum.hpp - an exact running sum of decimals, for SUM-like aggregates.
//
// The sum is one Decimal: an int128 mantissa at one exponent.  Values at the
// same exponent (the common case: costs converted at one scale, see
// double_to_decimal.hpp) are added with one checked 128-bit addition; a
// value at a finer exponent rescales the sum once; a value whose exact sum
// does not fit is refused (false), never wrapped.  Subtraction is exact too,
// so a window function can take values out of its frame again.
//
// All-zero bytes are the empty sum, so it lives as is in the zeroed memory
// of sqlite3_aggregate_context (no constructor, no destructor):
//
//   maas::ExactSum s;                      // or: zeroed memory
//   s.clear();
//   maas::Decimal a, b;
//   maas::parse_decimal("0.001615", a);
//   maas::parse_decimal("-0.0005", b);
//   s.add(a) && s.add(b) && s.subtract(b);  // true: 1615e-6
//   maas::to_double(s.value());            // 0.001615
#pragma once

#include <type_traits>

#include "decimal.hpp"

namespace maas {

struct ExactSum {
    int128 mantissa;  // no initializers: the type stays trivial (zeroed memory is valid)
    int32_t exponent;

    void clear() { mantissa = 0, exponent = 0; }
    Decimal value() const { return Decimal{mantissa, exponent}; }

    // Adds (subtracts) v exactly; false, with the sum unchanged, when the
    // exact result does not fit in 38 digits at one exponent.
    bool add(const Decimal& v) {
        int128 sum;
        if (v.exponent == exponent && !__builtin_add_overflow(mantissa, v.mantissa, &sum)) {
            mantissa = sum;
            return true;
        }
        return add_slow(v);
    }
    bool subtract(const Decimal& v);

private:
    bool add_slow(const Decimal& v);
};

static_assert(std::is_trivial<ExactSum>::value, "ExactSum must live in zeroed memory without construction");

}  // namespace maas

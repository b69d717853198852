// double_to_decimal.cpp - the slow paths of double_to_decimal.hpp: values
// the fast path does not cover go through decimal_from_double (to_chars).
#include "double_to_decimal.hpp"

namespace maas {

bool decimal_value_from_double_slow(double d, Decimal& out) { return decimal_from_double(d, out); }

bool shortest_decimal(double d, int32_t& scale, Decimal& out) {
    Decimal v;
    if (!decimal_value_from_double(d, scale, v)) return false;
    out = normalized(v);
    return true;
}

}  // namespace maas

// fuzz_total.cpp - the arithmetic of the exact totals (maas_total and
// friends) in the core: the fast shortest-decimal conversion and the exact
// sum, each against an independent oracle.
//
// An input is a sequence of records; the first byte of each says what it is
// (low 2 bits) and gives a parameter (the other 6):
//   0  a double: 8 bytes of its bits; the parameter is the scale hint
//   1  a decimal: an int64 mantissa (8 bytes) x 10^(parameter - 30)
//   2  a decimal: an int128 mantissa (16 bytes, reduced below 10^38) x 10^(parameter - 30)
//   3  take the previous value out again (as a window's xInverse does)
// Every value is added to one maas::ExactSum and to a big integer.
//
// Properties: the fast conversion (decimal_value_from_double,
// fast_decimal_from_double when it answers, shortest_decimal) gives the
// value decimal_from_double gives; an addition the sum accepts leaves it
// equal to the big-integer sum; one it refuses leaves it unchanged and is
// one whose aligned operands or result do not fit in 127 bits; and one whose
// every aligned part fits comfortably (below 2^126) is never refused.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "decimal.hpp"
#include "double_to_decimal.hpp"
#include "exact_sum.hpp"
#include "fuzz_check.hpp"

namespace {

using maas::Decimal;
using maas::int128;
using uint128 = unsigned __int128;

constexpr int kFloor = -100;  // the big integers count units of 10^kFloor
constexpr int kRange = 60;    // values with exponents beyond +-60 are converted, not summed

// A signed big integer: magnitude in base 10^9 limbs, little-endian.
struct Big {
    bool negative = false;
    std::vector<uint32_t> limbs;  // no leading zero limbs; empty is zero

    static Big of(int128 v) {
        Big b;
        b.negative = v < 0;
        uint128 m = b.negative ? uint128(0) - uint128(v) : uint128(v);
        while (m != 0) {
            b.limbs.push_back(uint32_t(m % 1000000000u));
            m /= 1000000000u;
        }
        return b;
    }
    void times10(int k) {
        while (k > 0) {
            const int step = k < 9 ? k : 9;
            k -= step;
            uint64_t factor = 1;
            for (int i = 0; i < step; ++i) factor *= 10;
            uint64_t carry = 0;
            for (uint32_t& l : limbs) {
                const uint64_t x = uint64_t(l) * factor + carry;
                l = uint32_t(x % 1000000000u);
                carry = x / 1000000000u;
            }
            if (carry) limbs.push_back(uint32_t(carry));
        }
    }
    bool zero() const { return limbs.empty(); }
};

int compare_magnitude(const Big& a, const Big& b) {
    if (a.limbs.size() != b.limbs.size()) return a.limbs.size() < b.limbs.size() ? -1 : 1;
    for (size_t i = a.limbs.size(); i-- > 0;)
        if (a.limbs[i] != b.limbs[i]) return a.limbs[i] < b.limbs[i] ? -1 : 1;
    return 0;
}

Big add(const Big& a, const Big& b) {
    Big out;
    if (a.negative == b.negative) {
        out.negative = a.negative;
        uint64_t carry = 0;
        for (size_t i = 0; i < std::max(a.limbs.size(), b.limbs.size()) || carry; ++i) {
            const uint64_t x = carry + (i < a.limbs.size() ? a.limbs[i] : 0) + (i < b.limbs.size() ? b.limbs[i] : 0);
            out.limbs.push_back(uint32_t(x % 1000000000u));
            carry = x / 1000000000u;
        }
    } else {
        const bool a_bigger = compare_magnitude(a, b) >= 0;
        const Big& hi = a_bigger ? a : b;
        const Big& lo = a_bigger ? b : a;
        out.negative = hi.negative;
        int64_t borrow = 0;
        for (size_t i = 0; i < hi.limbs.size(); ++i) {
            int64_t x = int64_t(hi.limbs[i]) - borrow - (i < lo.limbs.size() ? lo.limbs[i] : 0);
            borrow = x < 0;
            if (x < 0) x += 1000000000;
            out.limbs.push_back(uint32_t(x));
        }
    }
    while (!out.limbs.empty() && out.limbs.back() == 0) out.limbs.pop_back();
    if (out.zero()) out.negative = false;
    return out;
}

bool equal(const Big& a, const Big& b) { return a.negative == b.negative && compare_magnitude(a, b) == 0; }

// d as a big integer of units 10^kFloor (exponent at least kFloor).
Big units(const Decimal& d) {
    Big b = Big::of(d.mantissa);
    if (!b.zero()) b.times10(d.exponent - kFloor);
    return b;
}

// d as a big integer of units 10^at (at <= d.exponent).
Big aligned(const Decimal& d, int at) {
    Big b = Big::of(d.mantissa);
    if (!b.zero()) b.times10(d.exponent - at);
    return b;
}

std::string show(const Decimal& d) {
    char buf[64];
    uint128 m = d.mantissa < 0 ? uint128(0) - uint128(d.mantissa) : uint128(d.mantissa);
    std::string digits;
    do {
        digits.insert(digits.begin(), char('0' + int(m % 10)));
        m /= 10;
    } while (m != 0);
    std::snprintf(buf, sizeof buf, "e%d", d.exponent);
    return (d.mantissa < 0 ? "-" : "") + digits + buf;
}

const Big& two_to_126() {
    static const Big b = Big::of(int128(1) << 126);
    return b;
}
const Big& two_to_127_minus_1() {
    static const Big b = add(add(two_to_126(), two_to_126()), Big::of(-1));
    return b;
}

bool same_value(const Decimal& a, const Decimal& b) {
    const Decimal x = maas::normalized(a), y = maas::normalized(b);
    return x.mantissa == y.mantissa && (x.mantissa == 0 || x.exponent == y.exponent);
}

void check_conversion(double d, int32_t hint) {
    Decimal slow;
    const bool slow_ok = maas::decimal_from_double(d, slow);
    int32_t scale = hint;
    Decimal fast;
    if (maas::fast_decimal_from_double(d, scale, fast)) {
        FUZZ_CHECK(slow_ok && same_value(fast, slow), "fast " + show(fast) + " slow " + show(slow));
        FUZZ_CHECK(scale == hint || (scale >= 0 && scale <= maas::kMaxFastScale), "scale " + std::to_string(scale));
    } else {
        FUZZ_CHECK(scale == hint, "the scale moved without a match");
    }
    Decimal value, shortest;
    int32_t s1 = hint, s2 = hint;
    FUZZ_CHECK(maas::decimal_value_from_double(d, s1, value) == slow_ok,
               "decimal_value_from_double accepts differently");
    FUZZ_CHECK(maas::shortest_decimal(d, s2, shortest) == slow_ok, "shortest_decimal accepts differently");
    if (slow_ok) {
        FUZZ_CHECK(same_value(value, slow), "value " + show(value) + " slow " + show(slow));
        FUZZ_CHECK(same_value(shortest, slow) && maas::normalized(shortest).mantissa == shortest.mantissa,
                   "shortest " + show(shortest) + " slow " + show(slow));
    }
}

// One addition of v (already negated for a subtraction) to both sums.
void check_add(maas::ExactSum& sum, Big& reference, const Decimal& v, bool subtract) {
    if (v.exponent < -kRange || v.exponent > kRange) return;  // beyond the oracle's range
    const Decimal before = sum.value();
    const Decimal signed_v{subtract ? -v.mantissa : v.mantissa, v.exponent};
    const bool ok = subtract ? sum.subtract(v) : sum.add(v);
    const Big expected = add(reference, units(signed_v));
    // The aligned parts, as maas::add sees them after normalizing.
    const Decimal a = maas::normalized(before), b = maas::normalized(signed_v);
    const int at = a.mantissa == 0 ? b.exponent : b.mantissa == 0 ? a.exponent : std::min(a.exponent, b.exponent);
    Big parts[3] = {aligned(a, at), aligned(b, at), add(aligned(a, at), aligned(b, at))};
    bool over127 = false, under126 = true;
    for (const Big& p : parts) {
        over127 |= compare_magnitude(p, two_to_127_minus_1()) >= 0;
        under126 &= compare_magnitude(p, two_to_126()) < 0;
    }
    if (ok) {
        FUZZ_CHECK(sum.value().exponent >= kFloor, "exponent " + std::to_string(sum.value().exponent));
        FUZZ_CHECK(equal(units(sum.value()), expected),
                   "sum " + show(sum.value()) + " after " + show(before) + (subtract ? " - " : " + ") + show(v));
        reference = expected;
    } else {
        FUZZ_CHECK(sum.value().mantissa == before.mantissa && sum.value().exponent == before.exponent,
                   "a refused addition changed the sum");
        FUZZ_CHECK(over127, "refused although every part fits: " + show(before) + " + " + show(signed_v));
    }
    if (under126) FUZZ_CHECK(ok, "refused " + show(before) + " + " + show(signed_v));
}

template <class T>
bool take(const uint8_t*& p, const uint8_t* end, T& out) {
    if (size_t(end - p) < sizeof(T)) return false;
    std::memcpy(&out, p, sizeof(T));
    p += sizeof(T);
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    maas::ExactSum sum;
    sum.clear();
    Big reference;
    int32_t scale = 0;  // the aggregate's hint, carried along as maas_total does
    Decimal previous{0, 0};
    bool have_previous = false;
    const uint8_t* p = data;
    const uint8_t* end = data + size;
    int records = 0;
    while (p < end && records++ < 256) {
        const uint8_t head = *p++;
        const int kind = head & 3, parameter = head >> 2;
        Decimal v;
        if (kind == 0) {
            uint64_t bits;
            if (!take(p, end, bits)) break;
            double d;
            std::memcpy(&d, &bits, sizeof d);
            check_conversion(d, parameter % 26 - 2);                      // hints -2 .. 23, out of range included
            if (!maas::decimal_value_from_double(d, scale, v)) continue;  // NaN, Inf
        } else if (kind == 1) {
            int64_t m;
            if (!take(p, end, m)) break;
            v = Decimal{m, parameter - 30};
        } else if (kind == 2) {
            int128 m;
            if (!take(p, end, m)) break;
            int128 limit = 1;
            for (int i = 0; i < 38; ++i) limit *= 10;
            v = Decimal{m % limit, parameter - 30};
        } else {
            if (have_previous) check_add(sum, reference, previous, true);
            have_previous = false;
            continue;
        }
        check_add(sum, reference, v, false);
        previous = v;
        have_previous = true;
    }
    return 0;
}

// Unit tests of exact totals in the core: the fast shortest-decimal
// conversion (double_to_decimal.hpp) against decimal_from_double on
// millions of doubles, the exact accumulator (exact_sum.hpp), and rounding
// half away from zero with plain text (decimal.hpp).
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "decimal.hpp"
#include "double_to_decimal.hpp"
#include "exact_sum.hpp"

using maas::Decimal;
using maas::int128;

namespace {

using uint128 = unsigned __int128;

std::string str128(int128 v) {
    if (v == 0) return "0";
    const bool negative = v < 0;
    uint128 u = negative ? uint128(0) - uint128(v) : uint128(v);
    std::string s;
    while (u != 0) {
        s.insert(s.begin(), char('0' + int(u % 10)));
        u /= 10;
    }
    return negative ? "-" + s : s;
}

// The canonical form (trailing zeros stripped), written independently.
Decimal canonical(Decimal d) {
    if (d.mantissa == 0) return Decimal{0, 0};
    while (d.mantissa % 10 == 0) {
        d.mantissa /= 10;
        ++d.exponent;
    }
    return d;
}

std::string show(const Decimal& d) {
    const Decimal c = canonical(d);
    return str128(c.mantissa) + "e" + std::to_string(c.exponent);
}

Decimal dec(const char* text) {
    Decimal d{12345, 67};
    REQUIRE(maas::parse_decimal(text, d));
    return d;
}

double from_bits(uint64_t b) {
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
}

struct SplitMix {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return next() % n; }
};

// Compares the fast conversion with decimal_from_double for one double;
// counts how often the fast path alone answered.  Returns "" or what differed.
struct Comparison {
    long checked = 0, fast = 0;
    std::string first_mismatch;
    void check(double d, int32_t& scale) {
        ++checked;
        Decimal slow;
        const bool slow_ok = maas::decimal_from_double(d, slow);
        Decimal quick{777, 777};
        int32_t before = scale;
        const bool fast_ok = maas::fast_decimal_from_double(d, scale, quick);
        if (fast_ok) ++fast;
        if (!fast_ok && scale != before) fail(d, "the scale changed without a match");
        if (fast_ok && (!slow_ok || show(quick) != show(slow))) fail(d, "fast " + show(quick));
        Decimal value{777, 777}, shortest{777, 777};
        int32_t s2 = before, s3 = before;
        const bool value_ok = maas::decimal_value_from_double(d, s2, value);
        const bool shortest_ok = maas::shortest_decimal(d, s3, shortest);
        if (value_ok != slow_ok || shortest_ok != slow_ok) fail(d, "accepts differently");
        if (slow_ok && (show(value) != show(slow) || show(shortest) != show(slow)))
            fail(d, "value " + show(value) + ", shortest " + show(shortest));
        if (slow_ok &&
            !(shortest.mantissa == canonical(shortest).mantissa && shortest.exponent == canonical(shortest).exponent))
            fail(d, "shortest_decimal is not normalized: " + str128(shortest.mantissa) + "e" +
                        std::to_string(shortest.exponent));
        if (slow_ok && maas::to_double(value) != d && !(d == 0)) fail(d, "does not read back");
    }
    void fail(double d, const std::string& what) {
        if (!first_mismatch.empty()) return;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        Decimal slow;
        maas::decimal_from_double(d, slow);
        first_mismatch = std::string(buf) + ": " + what + "; decimal_from_double " + show(slow);
    }
};

const char* const kPrices[] = {"0.0003", "0.0005", "0.00075", "0.001", "0.002", "0.003", "0.004", "0.005",
                               "0.006",  "0.0075", "0.008",   "0.01",  "0.016", "0.02",  "0.03",  "0.04",
                               "0.08",   "0.7",    "10",      "150",   "40",    "6.39"};

}  // namespace

// ------------------------------------------------- fast conversion ----------

TEST_CASE("fast conversion: published examples", "[exact][double]") {
    int32_t scale = 0;
    Decimal v;
    REQUIRE(maas::fast_decimal_from_double(0.001615, scale, v));
    CHECK(show(v) == "1615e-6");
    CHECK(scale == 6);
    REQUIRE(maas::fast_decimal_from_double(0.0592, scale, v));  // fewer digits: found at scale 6, unstripped
    CHECK((v.mantissa == 59200 && v.exponent == -6));
    CHECK(scale == 6);
    REQUIRE(maas::shortest_decimal(150.0, scale, v));
    CHECK((v.mantissa == 15 && v.exponent == 1));
    REQUIRE(maas::shortest_decimal(0.1 + 0.2, scale, v));  // 17 digits: the slow path
    CHECK(show(v) == "30000000000000004e-17");
    REQUIRE(maas::shortest_decimal(-2.5, scale, v));
    CHECK(show(v) == "-25e-1");
}

TEST_CASE("fast conversion: edge cases agree with decimal_from_double", "[exact][double]") {
    const double kTwo52 = 4503599627370496.0, kTwo53 = 9007199254740992.0;
    std::vector<double> edges = {0.0,
                                 -0.0,
                                 1.0,
                                 -1.0,
                                 0.1,
                                 0.2,
                                 0.1 + 0.2,
                                 0.3,
                                 1.0 / 3,
                                 2.0 / 3,
                                 1e22,
                                 1e21,
                                 1e23,
                                 -1e22,
                                 1e-22,
                                 1e-21,
                                 1e-23,
                                 5e-324,
                                 -5e-324,
                                 DBL_MIN,
                                 DBL_MIN / 3,
                                 DBL_MAX,
                                 -DBL_MAX,
                                 DBL_EPSILON,
                                 kTwo52,
                                 kTwo52 - 1,
                                 kTwo52 + 1,
                                 kTwo52 - 0.5,
                                 kTwo53,
                                 kTwo53 - 1,
                                 kTwo53 + 2,
                                 kTwo52 / 1e22,
                                 (kTwo52 - 1) / 1e22,
                                 (kTwo52 - 1) / 1e15,
                                 kTwo52 / 1e15,
                                 (kTwo52 + 1) / 1e15,
                                 4503599627370495.5 / 10,
                                 0.001615,
                                 1.615,
                                 1.6149999999999800,
                                 123456789012345.6,
                                 999999999999999.9,
                                 9999999999999999.0,
                                 0.000000075,
                                 7.5e-7,
                                 1e-8,
                                 6.39,
                                 0.0016150000000000001};
    for (int e = -30; e <= 30; ++e) {
        edges.push_back(std::pow(10.0, e));
        edges.push_back(std::nextafter(std::pow(10.0, e), 0.0));
        edges.push_back(std::nextafter(std::pow(10.0, e), INFINITY));
        edges.push_back(std::ldexp(1.0, e * 2));
    }
    for (int k = 0; k <= 22; ++k) {
        // The largest n of the fast range at every scale, and its neighbours.
        for (double n : {kTwo52 - 2, kTwo52 - 1, kTwo52, kTwo52 + 1, 1.0, 5.0, 10.0}) {
            edges.push_back(n / std::pow(10.0, k));
            edges.push_back(-n / std::pow(10.0, k));
        }
    }
    Comparison c;
    for (double d : edges)
        for (int32_t start : {0, 1, 6, 8, 15, 16, 22, -5, 40}) {
            int32_t scale = start;
            c.check(d, scale);
        }
    INFO(c.first_mismatch);
    CHECK(c.first_mismatch.empty());
    CHECK(c.checked == long(edges.size()) * 9);
    // NaN and infinities: no decimal at all.
    Decimal v{1, 1};
    int32_t scale = 8;
    CHECK_FALSE(maas::decimal_value_from_double(std::numeric_limits<double>::quiet_NaN(), scale, v));
    CHECK_FALSE(maas::decimal_value_from_double(INFINITY, scale, v));
    CHECK_FALSE(maas::shortest_decimal(-INFINITY, scale, v));
    CHECK(scale == 8);
    // -0.0 is plain zero.
    REQUIRE(maas::decimal_value_from_double(-0.0, scale, v));
    CHECK(v.mantissa == 0);
}

TEST_CASE("fast conversion equals decimal_from_double on a million costs of the price lines' shapes",
          "[exact][double][oracle]") {
    SplitMix rng{11};
    std::vector<Decimal> prices;
    for (const char* p : kPrices) prices.push_back(dec(p));
    Comparison c;
    int32_t scale = 0;
    long exact_shortest = 0;
    for (int i = 0; i < 1000000; ++i) {
        // tokens x price / 1000, a few with a refund sign, the scale kept
        // across values as the aggregate keeps it (reset now and then).
        const int64_t tokens = int64_t(rng.below(i % 7 == 0 ? 100000000 : 20000));
        Decimal cost;
        REQUIRE(maas::multiply(prices[rng.below(std::size(kPrices))], Decimal::from_int(tokens), cost));
        cost = maas::shifted(cost, -3);
        if (rng.below(10) == 0) cost.mantissa = -cost.mantissa;
        const double d = maas::to_double(cost);
        if (rng.below(1000) == 0) scale = int32_t(rng.below(23));
        c.check(d, scale);
        // These decimals have at most 15 significant digits, so the shortest
        // round-trip decimal of their double is the decimal itself.
        Decimal v;
        int32_t s = scale;
        if (maas::shortest_decimal(d, s, v) && show(v) == show(cost)) ++exact_shortest;
    }
    INFO(c.first_mismatch);
    CHECK(c.first_mismatch.empty());
    CHECK(c.checked == 1000000);
    CHECK(c.fast == 1000000);  // every cost on the fast path
    CHECK(exact_shortest == 1000000);
}

TEST_CASE("fast conversion equals decimal_from_double on a million n / 10^k", "[exact][double][oracle]") {
    SplitMix rng{12};
    Comparison c;
    int32_t scale = 0;
    for (int i = 0; i < 1000000; ++i) {
        const int digits = 1 + int(rng.below(17));  // 1 to 17 significant digits
        uint64_t n = rng.next() % 100000000000000000ull;
        uint64_t limit = 1;
        for (int k = 0; k < digits; ++k) limit *= 10;
        n %= limit;
        const int k = int(rng.below(26));
        double d = double(n) / std::pow(10.0, k);
        if (rng.below(2)) d = -d;
        if (rng.below(500) == 0) scale = int32_t(rng.below(23));
        c.check(d, scale);
    }
    INFO(c.first_mismatch);
    CHECK(c.first_mismatch.empty());
    CHECK(c.checked == 1000000);
    CHECK(c.fast > 500000);
}

TEST_CASE("fast conversion equals decimal_from_double on a million random doubles", "[exact][double][oracle]") {
    SplitMix rng{13};
    Comparison c;
    int32_t scale = 8;
    for (int i = 0; i < 1000000; ++i) {
        double d;
        switch (i % 4) {
            case 0: d = from_bits(rng.next()); break;  // any bits
            case 1:
                d = from_bits((rng.next() & 0x800FFFFFFFFFFFFFull) | (uint64_t(1000 + rng.below(100)) << 52));
                break;  // 2^-23 .. 2^76
            case 2: d = double(int64_t(rng.next() >> 11)) / std::pow(10.0, int(rng.below(23))); break;
            default: d = from_bits(rng.next() & 0x000FFFFFFFFFFFFFull); break;  // subnormals
        }
        if (std::isnan(d) || std::isinf(d)) d = 0.5;
        c.check(d, scale);
    }
    INFO(c.first_mismatch);
    CHECK(c.first_mismatch.empty());
    CHECK(c.checked == 1000000);
}

// ------------------------------------------------- the accumulator ----------

TEST_CASE("ExactSum: zeroed memory is the empty sum; 1000 x 0.001615 is 1.615", "[exact][sum]") {
    maas::ExactSum s;
    std::memset(&s, 0, sizeof s);
    CHECK(maas::to_double(s.value()) == 0.0);
    int32_t scale = 0;
    for (int i = 0; i < 1000; ++i) {
        Decimal v;
        REQUIRE(maas::decimal_value_from_double(0.001615, scale, v));
        REQUIRE(s.add(v));
    }
    CHECK(show(s.value()) == "1615e-3");
    CHECK(maas::to_double(s.value()) == 1.615);
    double naive = 0;
    for (int i = 0; i < 1000; ++i) naive += 0.001615;
    CHECK(naive != 1.615);  // what sum() gives: 1.61499999999998...
}

TEST_CASE("ExactSum: mixed exponents rescale exactly; subtraction undoes addition", "[exact][sum]") {
    maas::ExactSum s;
    s.clear();
    REQUIRE(s.add(Decimal::from_int(7)));
    REQUIRE(s.add(dec("0.25")));
    REQUIRE(s.add(dec("1e3")));
    REQUIRE(s.add(dec("-0.00000001")));
    CHECK(show(s.value()) == "100724999999e-8");
    CHECK(maas::to_string(maas::normalized(s.value())) == "1007.24999999");
    REQUIRE(s.subtract(dec("0.25")));
    REQUIRE(s.subtract(dec("-0.00000001")));
    CHECK(show(s.value()) == "1007e0");
    REQUIRE(s.subtract(Decimal::from_int(1007)));
    CHECK(s.value().mantissa == 0);
    // Refunds: negative values and a negative total.
    REQUIRE(s.add(dec("-12.5")));
    REQUIRE(s.add(dec("2.25")));
    CHECK(maas::to_string(maas::normalized(s.value())) == "-10.25");
}

TEST_CASE("ExactSum agrees with an independent int128 sum of 100,000 random decimals", "[exact][sum][oracle]") {
    SplitMix rng{21};
    maas::ExactSum s;
    s.clear();
    int128 reference = 0;  // in units of 10^-12
    for (int i = 0; i < 100000; ++i) {
        const int e = -int(rng.below(13));  // 10^0 .. 10^-12
        int64_t m = int64_t(rng.below(1000000000000ull));
        if (rng.below(3) == 0) m = -m;
        int128 units = m;
        for (int k = 0; k < 12 + e; ++k) units *= 10;
        reference += units;
        if (rng.below(5) == 0 && i > 0) {
            REQUIRE(s.subtract(Decimal{-m, e}));  // subtracting -m is adding m
        } else {
            REQUIRE(s.add(Decimal{m, e}));
        }
    }
    CHECK(show(s.value()) == show(Decimal{reference, -12}));
}

TEST_CASE("ExactSum refuses sums beyond 38 digits and keeps the sum", "[exact][sum][overflow]") {
    const Decimal nines = dec("99999999999999999999999999999999999999");  // 38 nines
    maas::ExactSum s;
    s.clear();
    REQUIRE(s.add(nines));
    REQUIRE(s.add(Decimal::from_int(1)));  // 10^38 still fits in int128
    CHECK(show(s.value()) == "1e38");
    CHECK_FALSE(s.add(nines));  // 1.99...e38: 39 digits
    CHECK(show(s.value()) == "1e38");
    REQUIRE(s.subtract(Decimal::from_int(1)));
    CHECK_FALSE(s.add(dec("0.1")));  // 38 nines and a tenth: 39 digits
    CHECK(show(s.value()) == show(nines));
    s.clear();
    REQUIRE(s.add(dec("1e30")));
    CHECK_FALSE(s.add(dec("1e-9")));  // 40 digits
    REQUIRE(s.add(dec("1e-7")));      // 38 digits
    CHECK(maas::to_string(maas::normalized(s.value())) == "1000000000000000000000000000000.0000001");
    // A value whose trailing zeros make it look too large still fits.
    s.clear();
    REQUIRE(s.add(dec("0.00000000000000000001")));
    REQUIRE(s.subtract(dec("0.00000000000000000001")));
    REQUIRE(s.add(Decimal{int128(10000000000000000000ull) * 10000000000000000000ull, 0}));  // 10^38
    CHECK(show(s.value()) == "1e38");
}

// ------------------------------------------------- rounding -----------------

TEST_CASE("round_half_away: ties away from zero, negatives, carries", "[exact][round]") {
    CHECK(maas::to_fixed_string(dec("0.0025"), 3) == "0.003");
    CHECK(maas::to_fixed_string(dec("-0.0025"), 3) == "-0.003");
    CHECK(maas::to_fixed_string(dec("0.0035"), 3) == "0.004");
    CHECK(maas::to_fixed_string(dec("0.00249999"), 3) == "0.002");
    CHECK(maas::to_fixed_string(dec("2.5"), 0) == "3");
    CHECK(maas::to_fixed_string(dec("-2.5"), 0) == "-3");
    CHECK(maas::to_fixed_string(dec("-2.4"), 0) == "-2");
    CHECK(maas::to_fixed_string(dec("9.9995"), 3) == "10.000");
    CHECK(maas::to_fixed_string(dec("-9.9995"), 3) == "-10.000");
    CHECK(maas::to_fixed_string(dec("999.5"), 0) == "1000");
    CHECK(maas::to_fixed_string(dec("7.14426475"), 6) == "7.144265");
    CHECK(maas::to_fixed_string(dec("0.001615"), 6) == "0.001615");
    CHECK(maas::to_fixed_string(dec("1.5"), 3) == "1.500");
    CHECK(maas::to_fixed_string(dec("150"), 2) == "150.00");
    CHECK(maas::to_fixed_string(dec("1e3"), 1) == "1000.0");
    CHECK(maas::to_fixed_string(dec("0"), 4) == "0.0000");
    CHECK(maas::to_fixed_string(dec("-0.0004"), 3) == "0.000");  // no negative zero
    CHECK(maas::to_fixed_string(dec("0.0005"), 3) == "0.001");
    CHECK(maas::to_fixed_string(dec("0.123456789012345678901234567890"), 18) == "0.123456789012345679");
    CHECK(maas::to_fixed_string(dec("0.0000000000000000005"), 18) == "0.000000000000000001");
    CHECK(maas::to_fixed_string(dec("0.0000000000000000004999"), 18) == "0.000000000000000000");
    CHECK(maas::to_fixed_string(dec("99999999999999999999999999999999999999e-38"), 0) == "1");
    CHECK(maas::to_fixed_string(dec("99999999999999999999999999999999999999e-40"), 0) == "0");
    CHECK(maas::to_fixed_string(dec("50000000000000000000000000000000000000e-38"), 0) == "1");
    CHECK(maas::to_fixed_string(dec("-99999999999999999999999999999999999999e-20"), 18) ==
          "-1000000000000000000.000000000000000000");
    CHECK(maas::to_fixed_string(dec("1e-100"), 18) == "0.000000000000000000");
    CHECK(maas::to_fixed_string(dec("12345678901234567890123456789012345678"), 18) ==
          "12345678901234567890123456789012345678.000000000000000000");
}

TEST_CASE("round_half_away keeps values with fewer digits and refuses negative places", "[exact][round]") {
    Decimal out;
    REQUIRE(maas::round_half_away(dec("1.5"), 3, out));
    CHECK((out.mantissa == 15 && out.exponent == -1));
    REQUIRE(maas::round_half_away(dec("1.2345"), 2, out));
    CHECK((out.mantissa == 123 && out.exponent == -2));
    REQUIRE(maas::round_half_away(dec("-1.235"), 2, out));
    CHECK((out.mantissa == -124 && out.exponent == -2));
    CHECK_FALSE(maas::round_half_away(dec("1.5"), -1, out));
}

TEST_CASE("round_half_away agrees with an independent rounding on random decimals", "[exact][round][oracle]") {
    SplitMix rng{31};
    for (int i = 0; i < 100000; ++i) {
        int64_t m = int64_t(rng.below(10000000000ull));
        if (rng.below(2)) m = -m;
        const int e = -int(rng.below(12));
        const int places = int(rng.below(12));
        // Independent: scale to 10^-12 units, then round to places digits.
        int128 units = m;
        for (int k = 0; k < 12 + e; ++k) units *= 10;
        int128 unit = 1;
        for (int k = 0; k < 12 - places; ++k) unit *= 10;
        const int128 mag = units < 0 ? -units : units;
        int128 q = mag / unit;
        if ((mag % unit) * 2 >= unit) ++q;
        if (units < 0) q = -q;
        Decimal out;
        REQUIRE(maas::round_half_away(Decimal{m, e}, places, out));
        INFO(m << "e" << e << " to " << places);
        REQUIRE(show(out) == show(Decimal{q, -places}));
    }
}

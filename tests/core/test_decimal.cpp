// Unit tests of decimal.hpp: parsing, exact arithmetic, conversion to int64,
// to the nearest double, and to text.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "decimal.hpp"

using maas::Decimal;
using maas::int128;

namespace {

using uint128 = unsigned __int128;

const int128 kInt128Max = int128(~uint128(0) >> 1);
const int128 kInt128Min = -kInt128Max - 1;

// Decimal text of an int128, written independently of the code under test.
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

// "mantissa e exponent" for messages and comparisons.
std::string show(const Decimal& d) { return str128(d.mantissa) + "e" + std::to_string(d.exponent); }

Decimal parsed(const char* text) {
    Decimal d{12345, 67};  // sentinel: must be overwritten
    REQUIRE(maas::parse_decimal(text, d));
    return d;
}

bool parses(const std::string& text) {
    Decimal d;
    return maas::parse_decimal(text, d);
}

uint64_t bits_of(double x) {
    uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// splitmix64: a deterministic generator, so every run checks the same cases.
struct SplitMix {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % uint64_t(n)); }
};

// The correctly rounded double of the exact decimal "mantissa e exponent",
// by glibc's strtod (correctly rounded in every case).
double oracle(const Decimal& d) {
    const std::string text = str128(d.mantissa) + "e" + std::to_string(d.exponent);
    return std::strtod(text.c_str(), nullptr);
}

}  // namespace

// ---------------------------------------------------------------- parsing --

TEST_CASE("parse_decimal reads published prices exactly", "[decimal][parse]") {
    CHECK(show(parsed("0.00075")) == "75e-5");
    CHECK(show(parsed("0.0075")) == "75e-4");
    CHECK(show(parsed("150")) == "150e0");
    CHECK(show(parsed("6.39")) == "639e-2");
    CHECK(show(parsed("0.7")) == "7e-1");
    CHECK(show(parsed("10")) == "10e0");
}

TEST_CASE("parse_decimal accepts the documented shapes", "[decimal][parse]") {
    CHECK(show(parsed(".5")) == "5e-1");
    CHECK(show(parsed("5.")) == "5e0");
    CHECK(show(parsed("1e3")) == "1e3");
    CHECK(show(parsed("1E3")) == "1e3");
    CHECK(show(parsed("1e+3")) == "1e3");
    CHECK(show(parsed("1.5e-3")) == "15e-4");
    CHECK(show(parsed("-2.50")) == "-250e-2");  // trailing zeros are kept
    CHECK(show(parsed("+7")) == "7e0");
    CHECK(show(parsed("+.5")) == "5e-1");
    CHECK(show(parsed("-.25")) == "-25e-2");
    CHECK(show(parsed("000123")) == "123e0");
    CHECK(show(parsed("00.0012")) == "12e-4");
    CHECK(show(parsed("12.5e2")) == "125e1");
    CHECK(show(parsed("1e99999")) == "1e99999");
    CHECK(show(parsed("1e-99999")) == "1e-99999");
    CHECK(show(parsed("1e0000000000000000000000005")) == "1e5");  // leading zeros of an exponent
}

TEST_CASE("parse_decimal: zeros are plain zero, never negative", "[decimal][parse]") {
    for (const char* text : {"0", "-0", "+0", "0.0", "-0.000", "0e5", "-0e-7", ".0", "0.", "000"}) {
        INFO(text);
        const Decimal d = parsed(text);
        CHECK(show(d) == "0e0");
        CHECK(d.is_zero());
        CHECK_FALSE(d.is_negative());
    }
}

TEST_CASE("parse_decimal skips leading and trailing white space", "[decimal][parse]") {
    CHECK(show(parsed("  12.5")) == "125e-1");
    CHECK(show(parsed("12.5  ")) == "125e-1");
    CHECK(show(parsed(" \t\n\r\f\v-12.5 \t\n\r\f\v")) == "-125e-1");
    CHECK_FALSE(parses("1 2"));
    CHECK_FALSE(parses("- 1"));
    CHECK_FALSE(parses("1 e3"));
    CHECK_FALSE(parses("1e 3"));
    CHECK_FALSE(parses(". 5"));
}

TEST_CASE("parse_decimal rejects garbage", "[decimal][parse]") {
    for (const char* text :
         {"",         " ",     "\t",    "1.2.3", "e5",  "E5",  "1e",  "1e+",   "1e-",          "0x10",      "1,5",
          "-",        "+",     ".",     "-.",    ".e1", "--1", "+-1", "1e5.5", "1e1e1",        "inf",       "nan",
          "Infinity", "1_000", "1'000", "1d3",   "5e",  "$5",  "5$",  "1..2",  "\xEF\xBC\x91", "0.00075元", "１"}) {
        INFO("text: '" << text << "'");
        Decimal d{42, 0};
        CHECK_FALSE(maas::parse_decimal(text, d));
    }
    // An embedded NUL is not a terminator.
    Decimal d;
    CHECK_FALSE(maas::parse_decimal(std::string_view("1\0"
                                                     "2",
                                                     3),
                                    d));
}

TEST_CASE("parse_decimal limits: 38 significant digits, exponent below 100000", "[decimal][parse]") {
    const std::string nines38(38, '9');
    CHECK(show(parsed(nines38.c_str())) == nines38 + "e0");
    CHECK(show(parsed(("-" + nines38).c_str())) == "-" + nines38 + "e0");
    CHECK(show(parsed(("0." + nines38).c_str())) == nines38 + "e-38");
    CHECK(show(parsed(("0.0000" + nines38 + "e10").c_str())) == nines38 + "e-32");
    // Leading zeros are not significant, wherever they are.
    CHECK(show(parsed((std::string(60, '0') + "1").c_str())) == "1e0");
    CHECK(show(parsed(("0." + std::string(60, '0') + "1").c_str())) == "1e-61");

    const std::string digits39 = "123456789012345678901234567890123456789";
    REQUIRE(digits39.size() == 39u);
    CHECK_FALSE(parses(digits39));
    CHECK_FALSE(parses("-" + digits39));
    CHECK_FALSE(parses("0." + digits39));
    CHECK_FALSE(parses(std::string(39, '9')));
    CHECK_FALSE(parses(nines38 + "1"));
    CHECK_FALSE(parses(nines38 + ".1"));
    CHECK(show(parsed((digits39.substr(0, 38) + "e1").c_str())) == digits39.substr(0, 38) + "e1");

    CHECK_FALSE(parses("1e100000"));
    CHECK_FALSE(parses("1e-100000"));
    CHECK_FALSE(parses("1e99999999999999999999"));
}

// ------------------------------------------------------- from a double --

TEST_CASE("decimal_from_double gives the shortest round-trip decimal", "[decimal][double]") {
    Decimal d;
    REQUIRE(maas::decimal_from_double(0.1, d));
    CHECK(show(d) == "1e-1");
    REQUIRE(maas::decimal_from_double(0.3, d));
    CHECK(show(d) == "3e-1");
    REQUIRE(maas::decimal_from_double(0.1 + 0.2, d));
    CHECK(show(d) == "30000000000000004e-17");
    REQUIRE(maas::decimal_from_double(-2.5, d));
    CHECK(show(d) == "-25e-1");
    REQUIRE(maas::decimal_from_double(24.0, d));
    CHECK(show(d) == "24e0");
    REQUIRE(maas::decimal_from_double(1e22, d));
    CHECK(show(d) == "1e22");
    REQUIRE(maas::decimal_from_double(1e23, d));
    CHECK(show(d) == "1e23");
    REQUIRE(maas::decimal_from_double(0.00075, d));
    CHECK(show(d) == "75e-5");
    REQUIRE(maas::decimal_from_double(5e-324, d));
    CHECK(show(d) == "5e-324");
    REQUIRE(maas::decimal_from_double(DBL_MAX, d));
    CHECK(show(d) == "17976931348623157e292");
    REQUIRE(maas::decimal_from_double(9007199254740993.0, d));  // rounds to 2^53 on input
    CHECK(show(d) == "9007199254740992e0");
    REQUIRE(maas::decimal_from_double(0.0, d));
    CHECK(show(d) == "0e0");
    REQUIRE(maas::decimal_from_double(-0.0, d));
    CHECK(show(d) == "0e0");
    CHECK_FALSE(d.is_negative());
}

TEST_CASE("decimal_from_double rejects NaN and infinities", "[decimal][double]") {
    Decimal d;
    CHECK_FALSE(maas::decimal_from_double(std::numeric_limits<double>::quiet_NaN(), d));
    CHECK_FALSE(maas::decimal_from_double(-std::numeric_limits<double>::quiet_NaN(), d));
    CHECK_FALSE(maas::decimal_from_double(std::numeric_limits<double>::infinity(), d));
    CHECK_FALSE(maas::decimal_from_double(-std::numeric_limits<double>::infinity(), d));
}

TEST_CASE("decimal_from_double then to_double returns the same double", "[decimal][double]") {
    SplitMix rng{2024};
    int checked = 0;
    for (int i = 0; i < 4000; ++i) {
        uint64_t b = rng.next();
        double x;
        std::memcpy(&x, &b, sizeof x);
        if (!std::isfinite(x)) continue;
        Decimal d;
        REQUIRE(maas::decimal_from_double(x, d));
        INFO("bits " << b << " decimal " << show(d));
        REQUIRE(bits_of(maas::to_double(d)) == bits_of(x == 0 ? 0.0 : x));  // -0.0 becomes 0
        ++checked;
    }
    CHECK(checked > 3900);
}

// --------------------------------------------------------------- multiply --

TEST_CASE("multiply is exact", "[decimal][multiply]") {
    Decimal out;
    REQUIRE(maas::multiply(parsed("0.00075"), Decimal::from_int(1), out));
    CHECK(show(out) == "75e-5");
    REQUIRE(maas::multiply(parsed("0.0003"), Decimal::from_int(3000000), out));
    CHECK(show(out) == "9000000e-4");
    REQUIRE(maas::multiply(parsed("-1.5"), parsed("2.5"), out));
    CHECK(show(out) == "-375e-2");
    REQUIRE(maas::multiply(parsed("-1.5"), parsed("-1e-3"), out));
    CHECK(show(out) == "15e-4");
    REQUIRE(maas::multiply(parsed("1e5"), parsed("1e-5"), out));
    CHECK(show(out) == "1e0");
    REQUIRE(maas::multiply(parsed("0.000"), parsed("1e99999"), out));
    CHECK(show(out) == "0e0");
    REQUIRE(maas::multiply(Decimal{0, 60000}, Decimal{0, 60000}, out));  // zero has no exponent
    CHECK(show(out) == "0e0");
}

TEST_CASE("multiply reports overflow near the int128 limits", "[decimal][multiply][overflow]") {
    Decimal out;
    const Decimal max{kInt128Max, 0}, min{kInt128Min, 0};
    REQUIRE(maas::multiply(max, Decimal::from_int(1), out));
    CHECK(str128(out.mantissa) == "170141183460469231731687303715884105727");
    REQUIRE(maas::multiply(max, Decimal::from_int(-1), out));
    CHECK(str128(out.mantissa) == "-170141183460469231731687303715884105727");
    REQUIRE(maas::multiply(min, Decimal::from_int(1), out));
    CHECK(str128(out.mantissa) == "-170141183460469231731687303715884105728");
    CHECK_FALSE(maas::multiply(min, Decimal::from_int(-1), out));
    CHECK_FALSE(maas::multiply(max, Decimal::from_int(2), out));
    CHECK_FALSE(maas::multiply(max, Decimal::from_int(-2), out));

    // (2^63-1)^2 x 2 = 2^127 - 2^65 + 2 fits; x 3 does not.
    const Decimal i64max = Decimal::from_int(INT64_MAX);
    Decimal square;
    REQUIRE(maas::multiply(i64max, i64max, square));
    CHECK(str128(square.mantissa) == "85070591730234615847396907784232501249");
    REQUIRE(maas::multiply(square, Decimal::from_int(2), out));
    CHECK(str128(out.mantissa) == "170141183460469231694793815568465002498");
    CHECK_FALSE(maas::multiply(square, Decimal::from_int(3), out));
    CHECK_FALSE(maas::multiply(square, parsed("0.3"), out));  // the mantissa overflows, not the value
    Decimal two_to_126;  // (-2^63)^2 fits; doubled it is 2^127, one more than the maximum
    REQUIRE(maas::multiply(Decimal::from_int(INT64_MIN), Decimal::from_int(INT64_MIN), two_to_126));
    CHECK(str128(two_to_126.mantissa) == "85070591730234615865843651857942052864");
    CHECK_FALSE(maas::multiply(two_to_126, Decimal::from_int(2), out));
    REQUIRE(maas::multiply(two_to_126, Decimal::from_int(-2), out));
    CHECK(str128(out.mantissa) == "-170141183460469231731687303715884105728");

    // The exponent has a limit too: 60000 + 60000 is beyond it.  Tiny
    // products stay exact (their nearest double is 0) far further down.
    CHECK_FALSE(maas::multiply(Decimal{1, 60000}, Decimal{1, 60000}, out));
    REQUIRE(maas::multiply(Decimal{1, -60000}, Decimal{1, -60000}, out));
    CHECK(show(out) == "1e-120000");
    CHECK(maas::to_double(out) == 0.0);
    CHECK_FALSE(maas::multiply(Decimal{1, -60000000}, Decimal{1, -60000000}, out));
    REQUIRE(maas::multiply(Decimal{1, 50000}, Decimal{1, 50000}, out));
    CHECK(show(out) == "1e100000");
}

// -------------------------------------------------------------------- add --

TEST_CASE("add aligns exponents exactly", "[decimal][add]") {
    Decimal out;
    REQUIRE(maas::add(parsed("1.5"), parsed("0.25"), out));
    CHECK(show(out) == "175e-2");
    REQUIRE(maas::add(parsed("0.25"), parsed("1.5"), out));
    CHECK(show(out) == "175e-2");
    REQUIRE(maas::add(parsed("1e3"), parsed("1"), out));
    CHECK(show(out) == "1001e0");
    REQUIRE(maas::add(parsed("5"), parsed("-5"), out));
    CHECK(show(out) == "0e0");
    REQUIRE(maas::add(parsed("0.5"), parsed("-0.50"), out));
    CHECK(show(out) == "0e0");
    REQUIRE(maas::add(parsed("0"), parsed("-0.00075"), out));
    CHECK(show(out) == "-75e-5");
    REQUIRE(maas::add(parsed("-0.00075"), parsed("0"), out));
    CHECK(show(out) == "-75e-5");
    REQUIRE(maas::add(parsed("0.0003"), parsed("0.003"), out));
    CHECK(show(out) == "33e-4");
    // 0.1 + 0.2 is exactly 0.3 here.
    Decimal a, b;
    REQUIRE(maas::decimal_from_double(0.1, a));
    REQUIRE(maas::decimal_from_double(0.2, b));
    REQUIRE(maas::add(a, b, out));
    CHECK(maas::to_string(out) == "0.3");
    CHECK(maas::to_double(out) == 0.3);
}

TEST_CASE("add reports overflow near the int128 limits", "[decimal][add][overflow]") {
    Decimal out;
    const Decimal max{kInt128Max, 0}, min{kInt128Min, 0};
    CHECK_FALSE(maas::add(max, Decimal::from_int(1), out));
    CHECK_FALSE(maas::add(min, Decimal::from_int(-1), out));
    REQUIRE(maas::add(max, Decimal::from_int(-1), out));
    CHECK(str128(out.mantissa) == "170141183460469231731687303715884105726");
    REQUIRE(maas::add(max, min, out));
    CHECK(show(out) == "-1e0");
    // Aligning exponents: 1e38 + 1 fits in int128 (< 1.7e38), 2e38 + 1 does not.
    REQUIRE(maas::add(Decimal{1, 38}, Decimal::from_int(1), out));
    CHECK(show(out) == "1" + std::string(37, '0') + "1e0");
    CHECK_FALSE(maas::add(Decimal{2, 38}, Decimal::from_int(1), out));
    CHECK_FALSE(maas::add(Decimal{1, 39}, Decimal::from_int(1), out));
    CHECK_FALSE(maas::add(Decimal::from_int(1), Decimal{1, 99999}, out));
    CHECK_FALSE(maas::add(Decimal{1, -99999}, Decimal::from_int(1), out));
}

TEST_CASE("add and multiply: the exact result fits although the operands carry trailing zeros",
          "[decimal][add][multiply]") {
    // decimal.hpp: "Exact arithmetic; false when the exact result does not fit."
    // parse_decimal keeps trailing zeros in the mantissa, so 1 written with 37
    // zeros after the point is 10^37 x 10^-37.  The exact results below (101
    // and 1) fit easily, but the operations align/multiply the raw mantissas
    // and report overflow.
    const Decimal one = parsed("1.0000000000000000000000000000000000000");
    REQUIRE(show(one) == "10000000000000000000000000000000000000e-37");
    Decimal out;
    CHECK(maas::add(one, Decimal::from_int(100), out));
    CHECK(maas::to_string(out).rfind("101", 0) == 0);
    CHECK(maas::multiply(one, one, out));
    CHECK(maas::to_double(out) == 1.0);
}

// ---------------------------------------------------------------- to_int64 --

TEST_CASE("to_int64 takes whole numbers only, within int64", "[decimal][int64]") {
    int64_t v = 99;
    REQUIRE(maas::to_int64(parsed("150"), v));
    CHECK(v == 150);
    REQUIRE(maas::to_int64(parsed("2.00"), v));
    CHECK(v == 2);
    REQUIRE(maas::to_int64(parsed("1e3"), v));
    CHECK(v == 1000);
    REQUIRE(maas::to_int64(parsed("-12e1"), v));
    CHECK(v == -120);
    REQUIRE(maas::to_int64(parsed("-0.0"), v));
    CHECK(v == 0);
    REQUIRE(maas::to_int64(Decimal{0, 77}, v));
    CHECK(v == 0);
    REQUIRE(maas::to_int64(Decimal{0, -77}, v));
    CHECK(v == 0);
    REQUIRE(maas::to_int64(parsed("1e18"), v));
    CHECK(v == 1000000000000000000);
    REQUIRE(maas::to_int64(parsed("9223372036854775807"), v));
    CHECK(v == INT64_MAX);
    REQUIRE(maas::to_int64(parsed("-9223372036854775808"), v));
    CHECK(v == INT64_MIN);
    REQUIRE(maas::to_int64(parsed("92233720368547758070e-1"), v));
    CHECK(v == INT64_MAX);
    REQUIRE(maas::to_int64(parsed("-9.223372036854775808e18"), v));
    CHECK(v == INT64_MIN);

    v = 99;
    for (const char* text :
         {"1.5", "0.5", "-0.5", "2.01", "1e-1", "0.00075", "9223372036854775808", "-9223372036854775809", "1e19",
          "-1e19", "1e99999", "1e-99999", "99999999999999999999999999999999999999", "9223372036854775807.5"}) {
        INFO(text);
        CHECK_FALSE(maas::to_int64(parsed(text), v));
    }
    CHECK(v == 99);  // untouched by the failures
    CHECK_FALSE(maas::to_int64(Decimal{kInt128Max, 0}, v));
    CHECK_FALSE(maas::to_int64(Decimal{kInt128Min, 0}, v));
}

// ---------------------------------------------------------------- to_double --

TEST_CASE("to_double of published prices", "[decimal][double]") {
    CHECK(maas::to_double(parsed("0.00075")) == 0.00075);
    CHECK(maas::to_double(parsed("6.39")) == 6.39);
    CHECK(maas::to_double(parsed("150")) == 150.0);
    CHECK(maas::to_double(parsed("-2.5")) == -2.5);
    CHECK(maas::to_double(parsed("0")) == 0.0);
    CHECK(maas::to_double(parsed("1e22")) == 1e22);
    CHECK(maas::to_double(parsed("1e23")) == 1e23);
    CHECK(maas::to_double(parsed("1e-22")) == 1e-22);
    CHECK(maas::to_double(parsed("1e-23")) == 1e-23);
    CHECK(maas::to_double(parsed("123456789012345678901234567890")) == 123456789012345678901234567890.0);
    CHECK(maas::to_double(parsed("0.1e1")) == 1.0);
}

TEST_CASE("to_double rounds once where naive double arithmetic does not", "[decimal][double]") {
    struct Case {
        const char* price;
        int64_t count;
        double correct;  // the literal of the exact value count x price / 1000
    };
    // Tokens x price / 1000 with prices of the built-in card.
    const Case cases[] = {
        {"0.0003", 3000000, 0.9},   {"0.00075", 7, 5.25e-06},    {"0.00075", 12345, 0.00925875},
        {"0.0075", 3, 2.25e-05},    {"0.0075", 1001, 0.0075075}, {"0.0005", 1001, 0.0005005},
        {"0.003", 12345, 0.037035}, {"0.006", 123, 0.000738},    {"0.7", 3, 0.0021},
        {"0.7", 1234567, 864.1969}, {"0.016", 1001, 0.016016},   {"6.39", 1001, 6.39639},
        {"0.03", 3, 9e-05},
    };
    for (const Case& c : cases) {
        INFO(c.count << " x " << c.price << " / 1000");
        volatile double naive_price = std::strtod(c.price, nullptr);
        volatile double naive_count = double(c.count);
        const double naive = naive_count * naive_price / 1000.0;
        CHECK(naive != c.correct);  // the artefact we guard against

        Decimal product;
        REQUIRE(maas::multiply(Decimal::from_int(c.count), parsed(c.price), product));
        CHECK(maas::to_double(maas::shifted(product, -3)) == c.correct);
    }
}

TEST_CASE("to_double ties to even and crosses the fast-path limits correctly", "[decimal][double]") {
    // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: ties to even.
    CHECK(maas::to_double(parsed("9007199254740993")) == 9007199254740992.0);
    CHECK(maas::to_double(parsed("9007199254740995")) == 9007199254740996.0);
    CHECK(maas::to_double(parsed("-9007199254740993")) == -9007199254740992.0);
    CHECK(maas::to_double(parsed("9007199254740993e-3")) == 9007199254740.993);
    // A long mantissa just above a halfway point must round up.
    CHECK(maas::to_double(parsed("9007199254740993000000000000000000001e-21")) == 9007199254740994.0);
    // Powers of ten around 10^22 (the largest exact double power of ten).
    CHECK(maas::to_double(Decimal{9007199254740991, 22}) == 9007199254740991e22);
    CHECK(maas::to_double(Decimal{9007199254740991, 23}) == 9007199254740991e23);
    CHECK(maas::to_double(Decimal{9007199254740991, -22}) == 9007199254740991e-22);
    CHECK(maas::to_double(Decimal{9007199254740991, -23}) == 9007199254740991e-23);
    CHECK(maas::to_double(Decimal{9007199254740993, -1}) == 900719925474099.3);
}

TEST_CASE("to_double at the ends of the double range", "[decimal][double]") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(maas::to_double(Decimal{17976931348623157, 292}) == DBL_MAX);
    // Up to DBL_MAX + half an ulp the nearest double is DBL_MAX, beyond it infinity.
    CHECK(maas::to_double(parsed("1.7976931348623158e308")) == DBL_MAX);
    CHECK(maas::to_double(parsed("1.797693134862315807e308")) == DBL_MAX);
    CHECK(maas::to_double(parsed("1.797693134862315808e308")) == inf);
    CHECK(maas::to_double(parsed("1e309")) == inf);
    CHECK(maas::to_double(parsed("1e400")) == inf);
    CHECK(maas::to_double(parsed("-1e400")) == -inf);
    CHECK(maas::to_double(parsed("150e99999")) == inf);
    CHECK(maas::to_double(Decimal{kInt128Max, 300}) == inf);
    CHECK(maas::to_double(Decimal{kInt128Min, 300}) == -inf);
    // Subnormals and underflow.
    CHECK(maas::to_double(parsed("5e-324")) == 5e-324);
    CHECK(maas::to_double(parsed("3e-324")) == 5e-324);
    CHECK(maas::to_double(parsed("2.4703282292062328e-324")) == 5e-324);
    CHECK(maas::to_double(parsed("1e-310")) == 1e-310);
    CHECK(maas::to_double(parsed("2.2250738585072014e-308")) == DBL_MIN);
    CHECK(maas::to_double(parsed("2e-324")) == 0.0);
    CHECK(maas::to_double(parsed("1e-400")) == 0.0);
    CHECK(maas::to_double(parsed("1e-99999")) == 0.0);
    CHECK_FALSE(std::signbit(maas::to_double(parsed("1e-400"))));
    // The nearest double to a tiny negative value is negative zero.
    CHECK(std::signbit(maas::to_double(parsed("-1e-400"))));
    CHECK(std::signbit(maas::to_double(parsed("-2e-324"))));
}

TEST_CASE("to_double agrees with strtod on thousands of exact decimals", "[decimal][double][oracle]") {
    SplitMix rng{0x5EED};
    int fast = 0, long_mantissa = 0, far_exponent = 0, compared = 0;
    for (int i = 0; i < 6000; ++i) {
        // Mantissas of 1 to 38 digits (many beyond 2^53), some at the fast-path edge.
        int128 m = 0;
        const int shape = rng.below(4);
        if (shape == 0) {
            m = int128(rng.next() % (uint64_t(1) << 53)) + 1;  // <= 2^53
        } else if (shape == 1) {
            m = (int128(1) << 53) + int128(rng.below(2001)) - 1000;  // around 2^53
        } else {
            const int digits = 1 + rng.below(38);
            for (int k = 0; k < digits; ++k) m = m * 10 + rng.below(10);
            if (m == 0) m = 1;
        }
        if (rng.below(2) == 0) m = -m;
        // Exponents within and far beyond +-22, down into subnormals and up to
        // the largest finite doubles.
        int32_t e;
        switch (rng.below(3)) {
            case 0: e = rng.below(45) - 22; break;
            case 1: e = rng.below(601) - 300; break;
            default: e = rng.below(700) - 370; break;
        }
        const Decimal d{m, e};
        const double expected = oracle(d);
        const double got = maas::to_double(d);
        INFO("decimal " << show(d));
        if (std::isinf(expected) || expected == 0) {
            CHECK(got == expected);
            CHECK(std::signbit(got) == std::signbit(expected));
        } else {
            REQUIRE(bits_of(got) == bits_of(expected));
        }
        const int128 magnitude = m < 0 ? -m : m;
        if (magnitude <= (int128(1) << 53) && e >= -22 && e <= 22) ++fast;
        if (magnitude > (int128(1) << 53)) ++long_mantissa;
        if (e > 22 || e < -22) ++far_exponent;
        ++compared;
    }
    CHECK(compared == 6000);
    // The generator really covered each path.
    CHECK(fast > 500);
    CHECK(long_mantissa > 2000);
    CHECK(far_exponent > 2500);
}

TEST_CASE("to_double of prices x token counts agrees with strtod", "[decimal][double][oracle]") {
    const char* prices[] = {"0.00075", "0.0075", "0.0005", "0.0003", "0.003", "0.006", "0.7",
                            "0.016",   "0.008",  "6.39",   "0.03",   "0.02",  "150"};
    SplitMix rng{77};
    for (int i = 0; i < 3000; ++i) {
        const char* price = prices[rng.below(13)];
        const int64_t tokens = int64_t(rng.next() >> (1 + rng.below(63)));
        Decimal product;
        REQUIRE(maas::multiply(Decimal::from_int(tokens), parsed(price), product));
        const Decimal cost = maas::shifted(product, -3);
        INFO(tokens << " x " << price << " / 1000");
        REQUIRE(bits_of(maas::to_double(cost)) == bits_of(oracle(cost)));
    }
}

// ---------------------------------------------------------------- to_string --

TEST_CASE("to_string writes plain decimals", "[decimal][string]") {
    CHECK(maas::to_string(parsed("0.00075")) == "0.00075");
    CHECK(maas::to_string(parsed("150")) == "150");
    CHECK(maas::to_string(parsed("-2.5")) == "-2.5");
    CHECK(maas::to_string(parsed("6.39")) == "6.39");
    CHECK(maas::to_string(parsed("1e3")) == "1000");
    CHECK(maas::to_string(parsed("-1.5e-3")) == "-0.0015");
    CHECK(maas::to_string(parsed("12345e-2")) == "123.45");
    CHECK(maas::to_string(parsed(".5")) == "0.5");
    CHECK(maas::to_string(parsed("5.")) == "5");
    CHECK(maas::to_string(parsed("-0")) == "0");
    CHECK(maas::to_string(parsed("1.50")) == "1.50");  // the scale is kept
    CHECK(maas::to_string(Decimal{0, 5}) == "0");
    CHECK(maas::to_string(Decimal{-7, -1}) == "-0.7");
    CHECK(maas::to_string(Decimal{kInt128Max, 0}) == "170141183460469231731687303715884105727");
    CHECK(maas::to_string(Decimal{kInt128Min, 0}) == "-170141183460469231731687303715884105728");
    CHECK(maas::to_string(Decimal{kInt128Min, -40}) == "-0.0170141183460469231731687303715884105728");
    CHECK(maas::to_string(Decimal{1, 40}) == "1" + std::string(40, '0'));
}

TEST_CASE("to_string and parse_decimal round-trip", "[decimal][string]") {
    SplitMix rng{99};
    for (int i = 0; i < 2000; ++i) {
        int128 m = 0;
        const int digits = 1 + rng.below(38);
        for (int k = 0; k < digits; ++k) m = m * 10 + rng.below(10);
        if (rng.below(2) == 0) m = -m;
        int32_t e = rng.below(61) - 60;
        if (rng.below(4) == 0 && digits + 5 <= 38) e = rng.below(6);  // stays within 38 digits as text
        const Decimal d{m, m == 0 ? 0 : e};
        const std::string text = maas::to_string(d);
        INFO(show(d) << " -> " << text);
        CHECK(text.find_first_of("eE") == std::string::npos);
        Decimal back;
        REQUIRE(maas::parse_decimal(text, back));
        // The same value (a positive exponent comes back as trailing zeros).
        CHECK(maas::to_double(back) == maas::to_double(d));
        Decimal difference;
        REQUIRE(maas::add(back, Decimal{-d.mantissa, d.exponent}, difference));
        CHECK(difference.is_zero());
    }
}

TEST_CASE("shifted moves only the exponent", "[decimal]") {
    const Decimal d = maas::shifted(parsed("0.75"), -3);
    CHECK(show(d) == "75e-5");
    CHECK(maas::to_string(d) == "0.00075");
    CHECK(show(maas::shifted(parsed("-12"), 2)) == "-12e2");
}

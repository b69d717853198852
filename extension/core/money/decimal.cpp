// decimal.cpp - exact decimal parsing, arithmetic and correctly rounded
// conversion to double.  See decimal.hpp for the model.
//
// Why the conversion is correct: when |mantissa| <= 2^53 and the power of
// ten is at most 10^22, both operands of "mantissa / 10^k" (or "* 10^k") are
// exact doubles and IEEE division/multiplication rounds the exact quotient
// once, which is the nearest double.  Every other case goes through
// std::from_chars, which is correctly rounded and locale-independent.
#include "decimal.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

namespace maas {
namespace {

constexpr int kMaxDigits = 38;                     // int128 holds any 38-digit number
constexpr int32_t kExponentLimit = 100000;         // far beyond any double; stops int overflow
constexpr int32_t kTinyExponentLimit = 100000000;  // products of tiny values, still far from int overflow

const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

constexpr int128 kTwoTo53 = int128(1) << 53;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Writes |v| in decimal into buf (no terminator); returns the length.
int write_unsigned(unsigned __int128 v, char* buf) {
    char tmp[48];
    int n = 0;
    do {
        tmp[n++] = char('0' + int(v % 10));
        v /= 10;
    } while (v != 0);
    for (int i = 0; i < n; ++i) buf[i] = tmp[n - 1 - i];
    return n;
}

unsigned __int128 magnitude(int128 v) {
    return v < 0 ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
}

// 10^0 .. 10^38: every power of ten int128 holds.
struct Powers {
    int128 of[kMaxDigits + 1];
    constexpr Powers() : of() {
        of[0] = 1;
        for (int k = 1; k <= kMaxDigits; ++k) of[k] = of[k - 1] * 10;
    }
};
constexpr Powers kPowers;

// Multiplies v by 10^k in place; false on overflow.
bool scale_up(int128& v, int32_t k) {
    if (v == 0 || k <= 0) return true;
    return k <= kMaxDigits && !__builtin_mul_overflow(v, kPowers.of[k], &v);
}

}  // namespace

// "1.000" is 1000e-3, which is 1e0.  Keeps exact results that fit from
// overflowing only because of how the operands were written.
Decimal normalized(Decimal d) {
    if (d.mantissa == 0) return Decimal{0, 0};
    while (d.mantissa % 10 == 0 && d.exponent < kExponentLimit) {
        d.mantissa /= 10;
        ++d.exponent;
    }
    return d;
}

bool parse_decimal(std::string_view text, Decimal& out) {
    size_t i = 0, n = text.size();
    while (i < n && is_space(text[i])) ++i;
    while (n > i && is_space(text[n - 1])) --n;
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

    int128 mantissa = 0;
    int32_t exponent = 0;
    int significant = 0;
    bool any_digit = false;
    auto take_digit = [&](char c, bool after_point) {
        any_digit = true;
        if (significant == 0 && c == '0') {  // leading zeros carry no information
            if (after_point) --exponent;
            return true;
        }
        if (++significant > kMaxDigits) return false;
        mantissa = mantissa * 10 + (c - '0');
        if (after_point) --exponent;
        return true;
    };
    while (i < n && is_digit(text[i]))
        if (!take_digit(text[i++], false)) return false;
    if (i < n && text[i] == '.') {
        ++i;
        while (i < n && is_digit(text[i]))
            if (!take_digit(text[i++], true)) return false;
    }
    if (!any_digit) return false;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < n && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
        if (i >= n || !is_digit(text[i])) return false;
        int32_t e = 0;
        while (i < n && is_digit(text[i])) {
            if (e < kExponentLimit) e = e * 10 + (text[i] - '0');
            ++i;
        }
        if (e >= kExponentLimit) return false;
        exponent += exp_negative ? -e : e;
    }
    if (i != n) return false;
    if (mantissa == 0) exponent = 0;
    out = Decimal{negative ? -mantissa : mantissa, exponent};
    return true;
}

bool decimal_from_double(double value, Decimal& out) {
    if (value != value || value - value != 0) return false;  // NaN or infinity
    char buf[64];
    auto result = std::to_chars(buf, buf + sizeof buf, value);  // shortest round trip
    return parse_decimal(std::string_view(buf, size_t(result.ptr - buf)), out);
}

bool multiply_wide(const Decimal& a_in, const Decimal& b_in, Decimal& out) {
    Decimal a = a_in, b = b_in;
    int128 m;
    const auto fits64 = [](int128 v) { return v >= INT64_MIN && v <= INT64_MAX; };
    if (fits64(a.mantissa) && fits64(b.mantissa)) {
        m = int128(int64_t(a.mantissa)) * int64_t(b.mantissa);  // one 64 x 64 -> 128 multiply; cannot overflow
    } else if (__builtin_mul_overflow(a.mantissa, b.mantissa, &m)) {
        a = normalized(a);  // the slow path runs only when the fast one overflows
        b = normalized(b);
        if (__builtin_mul_overflow(a.mantissa, b.mantissa, &m)) return false;
    }
    int64_t e = int64_t(a.exponent) + b.exponent;
    if (m == 0) e = 0;
    // Too large is an error; too small is exact still (its nearest double is
    // 0), down to a bound that keeps later exponent sums from overflowing.
    if (e > kExponentLimit || e < -kTinyExponentLimit) return false;
    out = Decimal{m, int32_t(e)};
    return true;
}

namespace {

// a + b aligned on the smaller exponent; false when that does not fit.
bool add_aligned(const Decimal& a, const Decimal& b, Decimal& out) {
    Decimal hi = a, lo = b;
    if (hi.exponent < lo.exponent) std::swap(hi, lo);
    int128 scaled = hi.mantissa;
    if (!scale_up(scaled, hi.exponent - lo.exponent)) return false;
    int128 sum;
    if (__builtin_add_overflow(scaled, lo.mantissa, &sum)) return false;
    out = Decimal{sum, sum == 0 ? 0 : lo.exponent};
    return true;
}

}  // namespace

bool add_aligning(const Decimal& a, const Decimal& b, Decimal& out) {
    if (a.mantissa == 0) {
        out = b;
        return true;
    }
    if (b.mantissa == 0) {
        out = a;
        return true;
    }
    return add_aligned(a, b, out) || add_aligned(normalized(a), normalized(b), out);
}

bool to_int64(const Decimal& d, int64_t& out) {
    int128 m = d.mantissa;
    if (d.exponent >= 0) {
        if (!scale_up(m, d.exponent)) return false;
    } else {
        for (int32_t i = 0; i < -d.exponent && m != 0; ++i) {
            if (m % 10 != 0) return false;  // a fraction
            m /= 10;
        }
    }
    if (m > INT64_MAX || m < INT64_MIN) return false;
    out = int64_t(m);
    return true;
}

double to_double(const Decimal& d) {
    if (d.mantissa == 0) return 0.0;
    if (d.mantissa <= kTwoTo53 && d.mantissa >= -kTwoTo53) {
        double m = double(d.mantissa);  // exact
        if (d.exponent <= 0 && d.exponent >= -22) return m / kPow10[-d.exponent];
        if (d.exponent > 0 && d.exponent <= 22) return m * kPow10[d.exponent];
    }
    // General case: let from_chars round "digits e exponent" once.
    char buf[96];
    int len = 0;
    if (d.mantissa < 0) buf[len++] = '-';
    len += write_unsigned(magnitude(d.mantissa), buf + len);
    buf[len++] = 'e';
    auto r = std::to_chars(buf + len, buf + sizeof buf, d.exponent);
    double value = 0;
    if (std::from_chars(buf, r.ptr, value).ec == std::errc::result_out_of_range) {
        // from_chars leaves value untouched when the result is out of range.
        // |mantissa| < 10^39, so only a positive exponent can overflow and
        // only a negative one underflow.
        value = d.exponent > 0 ? HUGE_VAL : 0.0;
        if (d.mantissa < 0) value = -value;
    }
    return value;
}

std::string to_string(const Decimal& d) {
    char digits[48];
    int n = write_unsigned(magnitude(d.mantissa), digits);
    std::string s;
    if (d.mantissa < 0) s += '-';
    if (d.exponent >= 0) {
        s.append(digits, size_t(n));
        if (d.mantissa != 0) s.append(size_t(d.exponent), '0');
        return s;
    }
    int frac = -d.exponent;
    if (n <= frac) {
        s += "0.";
        s.append(size_t(frac - n), '0');
        s.append(digits, size_t(n));
    } else {
        s.append(digits, size_t(n - frac));
        s += '.';
        s.append(digits + (n - frac), size_t(frac));
    }
    return s;
}

bool round_half_away(const Decimal& d, int decimals, Decimal& out) {
    if (decimals < 0) return false;
    const int64_t drop = -int64_t(d.exponent) - decimals;  // fraction digits to remove
    if (drop <= 0) {
        out = d;
        return true;
    }
    // |mantissa| < 2^127 < 5 x 10^38: dropping 39 or more digits leaves less
    // than half a unit, which rounds to zero.
    unsigned __int128 q = 0;
    if (drop <= 38) {
        unsigned __int128 unit = 1;
        for (int64_t i = 0; i < drop; ++i) unit *= 10;
        const unsigned __int128 m = magnitude(d.mantissa);
        q = m / unit;
        const unsigned __int128 r = m % unit;
        if (r >= unit - r) ++q;  // r >= unit / 2 without overflow: half goes away from zero
    }
    // q <= |mantissa| / 10 + 1, so it fits back in the signed range.
    const int128 value = static_cast<int128>(q);
    out = Decimal{d.mantissa < 0 ? -value : value, -decimals};
    return true;
}

bool round_up_to_whole(const Decimal& d, Decimal& out) {
    if (d.is_negative()) return false;
    if (d.exponent >= 0) {
        out = d;
        return true;
    }
    // |mantissa| < 2^127 < 10^39: a fraction of 39 digits or more is below one.
    if (-int64_t(d.exponent) > 38) {
        out = Decimal::from_int(d.is_zero() ? 0 : 1);
        return true;
    }
    unsigned __int128 unit = 1;
    for (int32_t i = 0; i < -d.exponent; ++i) unit *= 10;
    const unsigned __int128 m = magnitude(d.mantissa);
    const unsigned __int128 whole = m / unit + (m % unit != 0 ? 1 : 0);  // at most m: fits
    out = Decimal{static_cast<int128>(whole), 0};
    return true;
}

std::string to_fixed_string(const Decimal& d, int decimals) {
    Decimal r;
    if (!round_half_away(d, decimals < 0 ? 0 : decimals, r)) r = d;
    std::string s = to_string(r);
    // r has at most `decimals` fraction digits; pad to exactly that many.
    const int have = r.exponent < 0 ? -r.exponent : 0;
    if (decimals > have) {
        if (have == 0) s += '.';
        s.append(size_t(decimals - have), '0');
    }
    return s;
}

}  // namespace maas

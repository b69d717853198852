// fuzz_time_decimal.cpp - maas::parse_time and maas::parse_decimal, with
// independent oracles.
//
// Time: an accepted text formats (format_time) and re-parses to the same
// instant; where SQLite's own julianday() also accepts the text, both name
// the same instant (to the millisecond).
// Decimal: an accepted text prints (to_string) and re-parses to the same
// value; to_double() is the correctly rounded double, as glibc's strtod()
// of the printed value; to_int64() agrees with the value; products and sums
// either fit exactly or are refused.  The input's first 8 bytes read as a
// double also round-trip through decimal_from_double() and to_double().
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "decimal.hpp"
#include "fuzz_check.hpp"
#include "time_text.hpp"

namespace {

sqlite3* oracle_db() {
    static sqlite3* db = [] {
        sqlite3* d = nullptr;
        sqlite3_open(":memory:", &d);
        return d;
    }();
    return db;
}

// SQLite's reading of the same text as unix milliseconds; false when SQLite
// does not accept it.
bool sqlite_unix_ms(std::string_view text, double& ms) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(oracle_db(), "SELECT (julianday(?1) - 2440587.5) * 86400000.0", -1, &stmt, nullptr) !=
        SQLITE_OK)
        return false;
    sqlite3_bind_text(stmt, 1, text.data(), int(text.size()), SQLITE_STATIC);
    bool ok = sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL;
    if (ok) ms = sqlite3_column_double(stmt, 0);
    sqlite3_finalize(stmt);
    return ok;
}

bool same_value(const maas::Decimal& a, const maas::Decimal& b) {
    maas::Decimal difference;
    return maas::add(a, maas::Decimal{-b.mantissa, b.exponent}, difference) && difference.is_zero();
}

void check_time(std::string_view text) {
    int64_t ms = 0;
    if (!maas::parse_time(text, ms)) return;
    const std::string shown = maas::format_time(ms);
    int64_t again = 0;
    FUZZ_CHECK(maas::parse_time(shown, again) && again == ms, std::string(text) + " -> " + shown);
    // Years 0000-9999 with offsets up to 14:59: well inside these bounds.
    FUZZ_CHECK(ms > -62200000000000LL && ms < 253500000000000LL, shown);
    double sqlite_ms = 0;
    // SQLite reads digits alone as a Julian day number, not a date: skip those.
    const bool digits_only = text.find_first_not_of("0123456789.+- ") == std::string_view::npos;
    if (!digits_only && text.find('\0') == std::string_view::npos && sqlite_unix_ms(text, sqlite_ms))
        FUZZ_CHECK(std::fabs(sqlite_ms - double(ms)) <= 1.5, "SQLite reads '" + std::string(text) + "' as " +
                                                                 std::to_string(sqlite_ms) + " ms, we as " +
                                                                 std::to_string(ms));
}

void check_decimal(std::string_view text) {
    maas::Decimal d;
    if (!maas::parse_decimal(text, d)) return;
    // Printed plainly (to_string, which may run to 100,000 digits) and as
    // mantissa and exponent, which parse_decimal must read back exactly.
    const std::string shown = maas::to_string(d);
    const std::string scientific = maas::to_string(maas::Decimal{d.mantissa, 0}) + "e" + std::to_string(d.exponent);
    // (parse_decimal limits a written exponent to +-100000, while digits
    // after the point may take the value's exponent a little further:
    // "5.00001e-99999" is 500001e-100004.  Such values are not re-parsed.)
    maas::Decimal again;
    if (d.exponent > -100000 && d.exponent < 100000)
        FUZZ_CHECK(maas::parse_decimal(scientific, again) && same_value(again, d),
                   std::string(text) + " -> " + scientific);
    const double x = maas::to_double(d);
    const double y = std::strtod(shown.c_str(), nullptr);
    const double z = std::strtod(scientific.c_str(), nullptr);
    FUZZ_CHECK(x == y && y == z, "to_double is correctly rounded: " + scientific + " / " + shown.substr(0, 200));
    int64_t i = 0;
    if (maas::to_int64(d, i)) FUZZ_CHECK(same_value(maas::Decimal::from_int(i), d), shown.substr(0, 200));
    maas::Decimal product, sum, twice;
    if (maas::multiply(d, maas::Decimal::from_int(2), twice) && maas::add(d, d, sum))
        FUZZ_CHECK(same_value(twice, sum), "2d == d + d: " + shown.substr(0, 200));
    if (maas::multiply(d, d, product)) {
        const double p = maas::to_double(product);
        FUZZ_CHECK(!std::isnan(p), "a product is a number");
    }
}

void check_double(const uint8_t* data, size_t size) {
    if (size < 8) return;
    double v;
    std::memcpy(&v, data, 8);
    maas::Decimal d;
    const bool ok = maas::decimal_from_double(v, d);
    FUZZ_CHECK(ok == std::isfinite(v), "finite doubles convert, NaN and Inf do not");
    if (ok) FUZZ_CHECK(maas::to_double(d) == v, "a double round-trips: " + maas::to_string(d).substr(0, 200));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_time(text);
    check_decimal(text);
    check_double(data, size);
    return 0;
}

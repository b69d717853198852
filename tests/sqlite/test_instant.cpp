// test_instant.cpp - maas_instant through the SQLite API with build/maas.so
// loaded: every TEXT form (offsets 'Z', '+08:00', '+0800', PostgreSQL's
// '+08', 'T', fraction digits), whole counts of s, ms, us and ns as INTEGER
// and TEXT (before 1970 too), REALs, the edges of the years 0000-9999, what
// is not a time (NULL, 'now' included), and the unit's error.
#include <catch2/catch.hpp>

#include <string>

#include "sql_fixture.hpp"

TEST_CASE("maas_instant: TEXT times in every form, written as UTC", "[instant]") {
    Db db;
    auto instant = [&](const std::string& args) { return db.value("SELECT maas_instant(" + args + ")"); };
    CHECK(instant("'2025-07-31 23:59:59'") == "2025-07-31 23:59:59");
    CHECK(instant("'2025-07-31T23:59:59'") == "2025-07-31 23:59:59");
    CHECK(instant("'2025-07-31'") == "2025-07-31 00:00:00");
    CHECK(instant("'2025-07-31 23:59'") == "2025-07-31 23:59:00");
    CHECK(instant("' 2025-07-31 23:59:59 '") == "2025-07-31 23:59:59");
    // Offsets: the instant is the local time minus the offset.
    CHECK(instant("'2025-08-01T07:59:59Z'") == "2025-08-01 07:59:59");
    CHECK(instant("'2025-08-01T07:59:59+08:00'") == "2025-07-31 23:59:59");
    CHECK(instant("'2025-08-01T07:59:59+0800'") == "2025-07-31 23:59:59");
    CHECK(instant("'2025-08-01 07:59:59+08'") == "2025-07-31 23:59:59");  // as PostgreSQL prints timestamptz
    CHECK(instant("'2025-07-31 18:59:59-05:00'") == "2025-07-31 23:59:59");
    CHECK(instant("'2025-07-31 23:29:59-00:30'") == "2025-07-31 23:59:59");
    CHECK(instant("'2026-03-01 12:00:00.5+08'") == "2026-03-01 04:00:00.500");
    // Fractions: milliseconds only when there are any; more digits are cut, not rounded.
    CHECK(instant("'2025-07-31 23:59:59.000'") == "2025-07-31 23:59:59");
    CHECK(instant("'2025-07-31 23:59:59.1'") == "2025-07-31 23:59:59.100");
    CHECK(instant("'2025-07-31 23:59:59.123456'") == "2025-07-31 23:59:59.123");  // PostgreSQL's 6 digits
    CHECK(instant("'2025-07-31T23:59:59.999999999Z'") == "2025-07-31 23:59:59.999");
    CHECK(instant("'2025-08-01 07:59:59.123456+08'") == "2025-07-31 23:59:59.123");
    // The same text as SQLite's datetime() where that has no fraction to show.
    CHECK(db.value("WITH v(t) AS (VALUES ('2025-07-31 23:59:59'), ('2025-08-01T07:59:59+08:00'), ('2000-02-29'), "
                   "('1969-12-31 23:59:59Z')) SELECT count(*) FROM v WHERE maas_instant(t) IS NOT datetime(t)") == "0");
    CHECK(db.value("SELECT typeof(maas_instant('2025-07-31'))") == "text");
}

TEST_CASE("maas_instant: whole counts of a unit since 1970, INTEGER or TEXT", "[instant]") {
    Db db;
    auto instant = [&](const std::string& args) { return db.value("SELECT maas_instant(" + args + ")"); };
    CHECK(instant("1754006399") == "2025-07-31 23:59:59");
    CHECK(instant("1754006399, 's'") == "2025-07-31 23:59:59");
    CHECK(instant("'1754006399'") == "2025-07-31 23:59:59");
    CHECK(instant("0") == "1970-01-01 00:00:00");
    CHECK(instant("1754006399123, 'ms'") == "2025-07-31 23:59:59.123");
    CHECK(instant("'1754006399123', 'ms'") == "2025-07-31 23:59:59.123");
    CHECK(instant("1754006399000, 'ms'") == "2025-07-31 23:59:59");
    CHECK(instant("1754006399123456, 'us'") == "2025-07-31 23:59:59.123");
    CHECK(instant("'1754006399123456', 'us'") == "2025-07-31 23:59:59.123");
    CHECK(instant("1754006399123456789, 'ns'") == "2025-07-31 23:59:59.123");
    CHECK(instant("'1754006399123456789', 'ns'") == "2025-07-31 23:59:59.123");  // 19 digits
    CHECK(instant("1754006399999999999, 'ns'") == "2025-07-31 23:59:59.999");    // floored, not rounded
    // Before 1970: floored too, so the instant is never later than the count says.
    CHECK(instant("-1") == "1969-12-31 23:59:59");
    CHECK(instant("'-1'") == "1969-12-31 23:59:59");
    CHECK(instant("-1, 'ms'") == "1969-12-31 23:59:59.999");
    CHECK(instant("-1, 'us'") == "1969-12-31 23:59:59.999");
    CHECK(instant("-1, 'ns'") == "1969-12-31 23:59:59.999");
    CHECK(instant("-1000000, 'ns'") == "1969-12-31 23:59:59.999");
    CHECK(instant("-1000001, 'ns'") == "1969-12-31 23:59:59.998");
    CHECK(instant("'-86400001', 'ms'") == "1969-12-30 23:59:59.999");
    CHECK(instant("-62167219200") == "0000-01-01 00:00:00");
    // 64-bit nanoseconds reach from 1677 to 2262.
    CHECK(instant("-9223372036854775808, 'ns'") == "1677-09-21 00:12:43.145");
    CHECK(instant("'-9223372036854775808', 'ns'") == "1677-09-21 00:12:43.145");
    CHECK(instant("9223372036854775807, 'ns'") == "2262-04-11 23:47:16.854");
    CHECK(instant("'9223372036854775807', 'ns'") == "2262-04-11 23:47:16.854");
    // A TEXT date ignores the unit.
    CHECK(instant("'2025-07-31 23:59:59', 'ns'") == "2025-07-31 23:59:59");
}

TEST_CASE("maas_instant: REALs are rounded to the millisecond", "[instant]") {
    Db db;
    auto instant = [&](const std::string& args) { return db.value("SELECT maas_instant(" + args + ")"); };
    CHECK(instant("1754006399.0") == "2025-07-31 23:59:59");
    CHECK(instant("1754006399.123") == "2025-07-31 23:59:59.123");
    CHECK(instant("1754006399.1236") == "2025-07-31 23:59:59.124");
    CHECK(instant("1754006399.9996") == "2025-08-01 00:00:00");
    CHECK(instant("-1.5") == "1969-12-31 23:59:58.500");
    CHECK(instant("-0.0") == "1970-01-01 00:00:00");
    CHECK(instant("1754006399123.4, 'ms'") == "2025-07-31 23:59:59.123");
    CHECK(instant("1754006399123456.0, 'us'") == "2025-07-31 23:59:59.123");
    CHECK(instant("1.754006399123e18, 'ns'") == "2025-07-31 23:59:59.123");
    // The last millisecond of 9999 does not round into year 10000.
    CHECK(instant("253402300799.999") == "9999-12-31 23:59:59.999");
    CHECK(db.is_null("SELECT maas_instant(253402300799.9996)"));
    CHECK(instant("-62167219200.0") == "0000-01-01 00:00:00");
    CHECK(instant("-62167219200.0004") == "0000-01-01 00:00:00");
    CHECK(db.is_null("SELECT maas_instant(-62167219200.0006)"));
}

TEST_CASE("maas_instant: NULL for what is not a time in the years 0000-9999", "[instant]") {
    Db db;
    for (const char* args :
         {"NULL", "NULL, 'ms'", "1, NULL", "''", "'abc'", "'2025-02-29'", "'2026-01-01 24:00:00'",
          "'2026-01-01T08:00:00+15:00'", "'2026-1-1'", "'2026-01-01 08:00:00.'", "'1e9'", "'1754006399.5'",
          "' 1754006399'", "'+1754006399'", "'12:00'", "x'31'", "1e999", "-1e999", "1e300",
          // 'now': maas_instant is deterministic, and the current time is not a stored time.
          "'now'", "'NOW'",
          // The bytes after a NUL count.
          "CAST(x'323032352d30372d333100' AS TEXT)",
          // Out of range: before 0000-01-01 or from 10000-01-01 on, in any unit.
          "253402300800", "'253402300800'", "-62167219201", "253402300800000, 'ms'", "-62167219200001, 'ms'",
          "253402300800000000, 'us'", "9223372036854775807", "-9223372036854775808", "9223372036854775807, 'us'",
          "'9223372036854775808', 'ns'", "'-9223372036854775809', 'ns'", "'99999999999999999999', 'ns'",
          "'9999-12-31 23:00-14:00'", "'0000-01-01 00:00+00:01'"}) {
        INFO(args);
        CHECK(db.is_null(std::string("SELECT maas_instant(") + args + ")"));
    }
    // Counting NULLs is how a report finds times it could not read.
    CHECK(db.value("WITH v(t) AS (VALUES ('2025-07-31'), ('yesterday'), (1754006399), ('n/a')) "
                   "SELECT count(*) - count(maas_instant(t)) FROM v") == "2");
}

TEST_CASE("maas_instant: a bad unit is an error, whatever the value", "[instant][errors]") {
    Db db;
    const std::string unit = "maas_instant: unit must be 's', 'ms', 'us' or 'ns', got ";
    CHECK(db.error("SELECT maas_instant(1754006399, 'S')") == unit + "'S'");
    CHECK(db.error("SELECT maas_instant(1754006399, 'sec')") == unit + "'sec'");
    CHECK(db.error("SELECT maas_instant(1754006399, ' ms')") == unit + "' ms'");
    CHECK(db.error("SELECT maas_instant(1754006399, '')") == unit + "''");
    CHECK(db.error("SELECT maas_instant(1754006399, 1000)") == unit + "1000");
    CHECK(db.error("SELECT maas_instant(1754006399, x'6d73')") == unit + "a BLOB");
    CHECK(db.error("SELECT maas_instant('2025-07-31', 'days')") == unit + "'days'");
    CHECK(db.error("SELECT maas_instant('not a time', 'days')") == unit + "'days'");
    CHECK(db.error("SELECT maas_instant()") == "maas_instant: expected 1 to 2 arguments (value [, unit]), got 0");
    CHECK(db.error("SELECT maas_instant(1, 's', 3)") ==
          "maas_instant: expected 1 to 2 arguments (value [, unit]), got 3");
}

TEST_CASE("maas_instant is pure: usable in generated columns, indexes and CHECKs", "[instant][flags]") {
    Db db;
    db.exec("CREATE TABLE calls(created_ms INTEGER, at TEXT GENERATED ALWAYS AS (maas_instant(created_ms, 'ms')),"
            " CHECK (maas_instant(created_ms, 'ms') IS NOT NULL))");
    db.exec("CREATE INDEX calls_at ON calls(maas_instant(created_ms, 'ms'))");
    db.exec("INSERT INTO calls(created_ms) VALUES (1754006399123)");
    CHECK(db.value("SELECT at FROM calls") == "2025-07-31 23:59:59.123");
    CHECK(db.value("SELECT count(*) FROM calls WHERE maas_instant(created_ms, 'ms') >= '2025-07-31'") == "1");
    CHECK(db.error("INSERT INTO calls(created_ms) VALUES (253402300800000)").rfind("CHECK constraint failed", 0) == 0);
    db.exec("PRAGMA trusted_schema = OFF; CREATE VIEW v AS SELECT maas_instant(created_ms, 'ms') AS at FROM calls");
    CHECK(db.value("SELECT at FROM v") == "2025-07-31 23:59:59.123");
}

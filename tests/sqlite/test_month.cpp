// test_month.cpp - maas_month through the SQLite API with build/maas.so
// loaded: every form of `at`, the offsets, month boundaries, NULL, errors,
// and the unix-milliseconds hint every `at` gives.
#include <catch2/catch.hpp>

#include <string>

#include "sql_fixture.hpp"

TEST_CASE("maas_month: the month of an instant at a UTC offset", "[month]") {
    Db db;
    // 1754006399 is 2025-07-31 23:59:59 UTC, 2025-08-01 07:59:59 in Beijing.
    CHECK(db.value("SELECT maas_month(1754006399)") == "2025-07");
    CHECK(db.value("SELECT maas_month(1754006399, '+00:00')") == "2025-07");
    CHECK(db.value("SELECT maas_month(1754006399, '+08:00')") == "2025-08");
    CHECK(db.value("SELECT maas_month('1754006399', '+0800')") == "2025-08");  // digits TEXT
    CHECK(db.value("SELECT maas_month(1754006399, '+08')") == "2025-08");
    CHECK(db.value("SELECT maas_month(1754006399, 'Z')") == "2025-07");
    // Beijing's month starts at 16:00 UTC the day before.
    CHECK(db.value("SELECT maas_month('2025-07-31 15:59:59', '+08:00')") == "2025-07");
    CHECK(db.value("SELECT maas_month('2025-07-31 16:00:00', '+08:00')") == "2025-08");
    // TEXT with its own offset is that instant.
    CHECK(db.value("SELECT maas_month('2025-08-01T00:30:00+08:00')") == "2025-07");
    CHECK(db.value("SELECT maas_month('2025-08-01T00:30:00+08:00', '+08:00')") == "2025-08");
    CHECK(db.value("SELECT maas_month('2025-07-31T20:00:00-05:00', 'Z')") == "2025-08");
    CHECK(db.value("SELECT maas_month('2025-08-01 04:59:59.999', '-05:00')") == "2025-07");
    CHECK(db.value("SELECT maas_month('2025-12-31 16:00', '+08:00')") == "2026-01");
    CHECK(db.value("SELECT typeof(maas_month(0))") == "text");
    CHECK(db.value("SELECT maas_month(NULL) IS NULL AND maas_month(0, NULL) IS NULL") == "1");
    // The same as SQLite's own strftime at a fixed offset.
    CHECK(db.value("SELECT count(*) FROM (WITH RECURSIVE s(t) AS (SELECT 1735660800 UNION ALL "
                   "SELECT t + 3599 FROM s WHERE t < 1767225600) SELECT t FROM s "
                   "WHERE maas_month(t, '+08:00') <> strftime('%Y-%m', t + 28800, 'unixepoch'))") == "0");
}

TEST_CASE("maas_month: errors name the function and the argument", "[month][errors]") {
    Db db;
    CHECK(db.error("SELECT maas_month()") == "maas_month: expected 1 to 2 arguments (at [, tz]), got 0");
    CHECK(db.error("SELECT maas_month(1, '+08:00', 3)") == "maas_month: expected 1 to 2 arguments (at [, tz]), got 3");
    const std::string tz =
        "maas_month: tz must be a UTC offset such as '+08:00', '-05:00', '+0800', '+08' or 'Z', got ";
    CHECK(db.error("SELECT maas_month(1, 'Asia/Shanghai')") == tz + "'Asia/Shanghai'");
    CHECK(db.error("SELECT maas_month(1, '+15:00')") == tz + "'+15:00'");
    CHECK(db.error("SELECT maas_month(1, 8)") == tz + "8");
    CHECK(db.error("SELECT maas_month(1, '')") == tz + "''");
    const std::string at =
        "maas_month: at must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or unix seconds, got ";
    CHECK(db.error("SELECT maas_month('soon')") == at + "'soon'");
    CHECK(db.error("SELECT maas_month(x'00')") == at + "a BLOB");
    CHECK(db.error("SELECT maas_month('now')") ==
          "maas_month: at must be a fixed time (maas_month is deterministic; for this month write "
          "maas_month(strftime('%s', 'now'))), got 'now'");
    CHECK(db.error("SELECT maas_month('9999-12-31 23:00', '+08:00')") ==
          "maas_month: at must be a time whose local date in tz is in the years 0000 to 9999, got '9999-12-31 23:00'");
}

TEST_CASE("every `at`: unix milliseconds get a hint, other bad values do not", "[month][errors]") {
    Db db;
    const std::string at = " must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or unix "
                           "seconds, got ";
    const std::string hint = " (unix milliseconds? divide by 1000)";
    CHECK(db.error("SELECT maas_month(1751952300000)") == "maas_month: at" + at + "1751952300000" + hint);
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, 1751952300000)") ==
          "maas_cost: at" + at + "1751952300000" + hint);
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, '1751952300000')") ==
          "maas_cost: at" + at + "'1751952300000'" + hint);
    CHECK(db.error("SELECT maas_unpriced('Qwen3-8B', -62167219200000)") ==
          "maas_unpriced: at" + at + "-62167219200000" + hint);
    // Too large even for milliseconds, or not a whole number of digits: no hint.
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, 1751952300000000)") ==
          "maas_cost: at" + at + "1751952300000000");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, 1751952300000.0)") == "maas_cost: at" + at + "1751952300000");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, '1751952300000.0')") ==
          "maas_cost: at" + at + "'1751952300000.0'");
    // In range as seconds, it is seconds.
    CHECK(db.value("SELECT maas_round_text(maas_cost('Qwen3-8B', 1000, 1000, 1751952300))") == "0.0055");
}

// test_totals.cpp - maas_total, maas_total_text and maas_round_text through
// the SQLite API with build/maas.so loaded: exact sums, GROUP BY, window
// frames and running totals, NULLs, mixed types, and every error.
#include <catch2/catch.hpp>

#include <string>

#include "sql_fixture.hpp"

namespace {

const char* kUsage = "CREATE TABLE usage(id INTEGER PRIMARY KEY, model TEXT, i INTEGER, o INTEGER);"
                     "INSERT INTO usage(model, i, o) VALUES"
                     "  ('Qwen3-8B', 230, 300), ('DeepSeek-R1', 1200, 3400), ('Qwen3-8B', 1000, 0),"
                     "  ('DeepSeek-V3', 5000, 800), ('DeepSeek-R1', 0, 1), ('Qwen3-8B', 7, 9);";

// The rows value = a .. b (the library has no generate_series; the shell does).
std::string series(int a, int b) {
    return "(WITH RECURSIVE s(value) AS (SELECT " + std::to_string(a) +
           " UNION ALL SELECT value + 1 FROM s WHERE value < " + std::to_string(b) + ") SELECT value FROM s)";
}

}  // namespace

TEST_CASE("maas_total is exact where sum() is not", "[totals]") {
    Db db;
    const std::string series1000 = " FROM " + series(1, 1000);
    CHECK(db.real(std::string("SELECT maas_total(maas_cost('Qwen3-8B', 230, 300))") + series1000) == 1.615);
    CHECK(db.real(std::string("SELECT sum(maas_cost('Qwen3-8B', 230, 300))") + series1000) ==
          1.6149999999999778);  // 1.61499999999998 in the shell
    CHECK(db.value(std::string("SELECT maas_total_text(maas_cost('Qwen3-8B', 230, 300))") + series1000) == "1.615");
    CHECK(db.value(std::string("SELECT typeof(maas_total(1))")) == "real");
    CHECK(db.real("SELECT maas_total(x) FROM (SELECT 0.1 AS x UNION ALL SELECT 0.2)") == 0.3);
    CHECK(db.value("SELECT maas_total_text(x) FROM (SELECT 0.1 AS x UNION ALL SELECT 0.2)") == "0.3");
    CHECK(db.value("SELECT maas_total_text(x, 6) FROM (SELECT '7.14426475' AS x)") == "7.144265");
    CHECK(db.value("SELECT maas_total_text(x) FROM (SELECT 7 AS x UNION ALL SELECT 0.14426475)") == "7.14426475");
    CHECK(db.value("SELECT maas_total_text(x, 6) FROM (SELECT 7 AS x UNION ALL SELECT 0.14426475)") == "7.144265");
}

TEST_CASE("maas_total over a usage log, GROUP BY model", "[totals]") {
    Db db;
    db.exec(kUsage);
    const auto rows = db.rows(
        "SELECT model, maas_total(maas_cost(model, i, o)), maas_total_text(maas_cost(model, i, o)), "
        "maas_total_text(maas_cost(model, i, o), 4) FROM usage GROUP BY model ORDER BY model");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"DeepSeek-R1", "0.059215999999999998", "0.059216", "0.0592"});
    CHECK(rows[1] == std::vector<std::string>{"DeepSeek-V3", "0.016400000000000001", "0.0164", "0.0164"});
    CHECK(rows[2] == std::vector<std::string>{"Qwen3-8B", "0.0021635000000000001", "0.0021635", "0.0022"});
    CHECK(db.value("SELECT maas_total_text(maas_cost(model, i, o)) FROM usage") == "0.0777795");
    CHECK(db.value("SELECT maas_total_text(maas_cost(model, i, o), 6) FROM usage") ==
          "0.077780");  // a tie, away from zero
}

TEST_CASE("maas_total as a window function: sliding frames and running totals", "[totals][window]") {
    Db db;
    db.exec("CREATE TABLE t(k INTEGER, g TEXT, x);"
            "INSERT INTO t VALUES (1, 'a', 0.1), (2, 'a', 0.2), (3, 'b', 0.3), (4, 'a', NULL), (5, 'b', -0.25),"
            "  (6, 'a', '1.005'), (7, 'b', 3)");
    const auto sliding = db.rows(
        "SELECT k, maas_total(x) OVER w, maas_total_text(x) OVER w, maas_total_text(x, 1) OVER w FROM t "
        "WINDOW w AS (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY k");
    REQUIRE(sliding.size() == 7);
    const std::vector<std::vector<std::string>> want = {
        {"1", "0.10000000000000001", "0.1", "0.1"},   {"2", "0.29999999999999999", "0.3", "0.3"},
        {"3", "0.59999999999999998", "0.6", "0.6"},   {"4", "0.5", "0.5", "0.5"},
        {"5", "0.050000000000000003", "0.05", "0.1"}, {"6", "0.755", "0.755", "0.8"},
        {"7", "3.7549999999999999", "3.755", "3.8"}};
    CHECK(sliding == want);
    // A frame of NULLs only gives NULL, like sum().
    CHECK(db.rows("SELECT k, maas_total(x) OVER (ORDER BY k ROWS BETWEEN CURRENT ROW AND CURRENT ROW), "
                  "maas_total_text(x) OVER (ORDER BY k ROWS BETWEEN CURRENT ROW AND CURRENT ROW) FROM t WHERE k = 4") ==
          std::vector<std::vector<std::string>>{{"4", "NULL", "NULL"}});
    // Running totals per group.
    const auto running = db.rows(
        "SELECT g, k, maas_total_text(x) OVER (PARTITION BY g ORDER BY k) FROM t ORDER BY g, k");
    const std::vector<std::vector<std::string>> want_running = {{"a", "1", "0.1"}, {"a", "2", "0.3"},
                                                                {"a", "4", "0.3"}, {"a", "6", "1.305"},
                                                                {"b", "3", "0.3"}, {"b", "5", "0.05"},
                                                                {"b", "7", "3.05"}};
    CHECK(running == want_running);
    // A running total over a thousand rows stays exact at every row.
    CHECK(db.value("SELECT count(*) FROM (SELECT value, maas_total_text(maas_cost('Qwen3-8B', 230, 300)) "
                   "OVER (ORDER BY value) AS t FROM " +
                   series(1, 1000) +
                   ") "
                   "WHERE t <> maas_round_text((value * 1615) || 'e-6')") == "0");
    CHECK(db.value("SELECT count(*) FROM (SELECT value, maas_total(maas_cost('Qwen3-8B', 230, 300)) "
                   "OVER (ORDER BY value ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS t FROM " +
                   series(1, 1000) +
                   ") "
                   "WHERE t <> min(value, 10) * 0.001615e0 AND t <> CAST(min(value, 10) * 1615 AS REAL) / 1000000") ==
          "0");
}

TEST_CASE("maas_total skips NULLs; no value gives NULL", "[totals]") {
    Db db;
    CHECK(db.is_null("SELECT maas_total(NULL)"));
    CHECK(db.is_null("SELECT maas_total_text(NULL)"));
    CHECK(db.is_null("SELECT maas_total_text(NULL, 2)"));
    CHECK(db.is_null("SELECT maas_total(value) FROM (SELECT 1 AS value WHERE 0)"));
    CHECK(db.is_null("SELECT maas_total_text(value, 3) FROM (SELECT 1 AS value WHERE 0)"));
    CHECK(db.is_null("SELECT maas_total(NULL) FROM " + series(1, 5) + ""));
    CHECK(db.real("SELECT maas_total(CASE WHEN value % 2 THEN NULL ELSE 0.5 END) FROM " + series(1, 5) + "") == 1.0);
    CHECK(db.value("SELECT maas_total_text(CASE WHEN value % 2 THEN NULL ELSE 0.5 END) FROM " + series(1, 5) + "") ==
          "1");
    // Zero is a value, not nothing.
    CHECK(db.real("SELECT maas_total(0)") == 0.0);
    CHECK(db.value("SELECT maas_total_text(-0.0)") == "0");
    CHECK(db.value("SELECT maas_total_text(0, 2)") == "0.00");
}

TEST_CASE("maas_total: INTEGER, REAL and TEXT mixed; refunds", "[totals]") {
    Db db;
    db.exec("CREATE TABLE m(x);"
            "INSERT INTO m VALUES (1), (0.25), ('0.125'), (' 2e-3 '), (-0.5), ('-1'), (9223372036854775807)");
    CHECK(db.value("SELECT maas_total_text(x) FROM m") == "9223372036854775806.877");
    CHECK(db.real("SELECT maas_total(x) FROM m") == 9223372036854775806.877);
    CHECK(db.value("SELECT maas_total_text(x) FROM m WHERE typeof(x) <> 'integer' OR x < 100") == "-0.123");
    CHECK(db.value("SELECT maas_total_text(x, 2) FROM m WHERE typeof(x) <> 'integer' OR x < 100") == "-0.12");
    CHECK(db.real("SELECT maas_total(x) FROM m WHERE typeof(x) <> 'integer' OR x < 100") == -0.123);
    CHECK(db.value("SELECT maas_total_text(x) FROM (SELECT 1.5 AS x UNION ALL SELECT -1.5)") == "0");
    CHECK(db.value("SELECT maas_total_text(x, 18) FROM (SELECT '0.1234567890123456789' AS x)") ==
          "0.123456789012345679");
    CHECK(db.value("SELECT maas_total_text(x, 0) FROM (SELECT 2.5 AS x)") == "3");
    CHECK(db.value("SELECT maas_total_text(x, 0) FROM (SELECT -2.5 AS x)") == "-3");
    CHECK(db.value("SELECT maas_total_text(x, '2') FROM (SELECT 1 AS x)") == "1.00");
    CHECK(db.value("SELECT maas_total_text(x, 2.0) FROM (SELECT 1 AS x)") == "1.00");
    CHECK(db.value("SELECT maas_total_text(1e22)") == "10000000000000000000000");
    CHECK(db.value("SELECT maas_total_text(1e-7)") == "0.0000001");
}

TEST_CASE("maas_round_text: the exact decimal of one value, rounded half away from zero", "[totals]") {
    Db db;
    CHECK(db.value("SELECT maas_round_text(maas_cost('Qwen3-8B', 230, 300))") == "0.001615");
    CHECK(db.value("SELECT maas_round_text(0.0025, 3)") == "0.003");
    CHECK(db.value("SELECT maas_round_text(1.0005, 3)") == "1.001");
    CHECK(db.value("SELECT maas_round_text(2.675, 2)") ==
          "2.68");  // the double is 2.67499999999999982236431605997495353221893310546875
    CHECK(db.value("SELECT maas_round_text(-1.0005, 3)") == "-1.001");
    CHECK(db.value("SELECT maas_round_text(9.9995, 3)") == "10.000");
    CHECK(db.value("SELECT maas_round_text(0.1 + 0.2)") == "0.30000000000000004");
    CHECK(db.value("SELECT maas_round_text(0.1 + 0.2, 2)") == "0.30");
    CHECK(db.value("SELECT maas_round_text(150)") == "150");
    CHECK(db.value("SELECT maas_round_text(150, 2)") == "150.00");
    CHECK(db.value("SELECT maas_round_text('1.50')") == "1.5");
    CHECK(db.value("SELECT maas_round_text('-0.0004', 3)") == "0.000");
    CHECK(db.value("SELECT maas_round_text(-9223372036854775808)") == "-9223372036854775808");
    CHECK(db.value("SELECT maas_round_text(5e-324)") == "0." + std::string(323, '0') + "5");
    CHECK(db.value("SELECT maas_round_text(5e-324, 18)") == "0.000000000000000000");
    CHECK(db.value("SELECT typeof(maas_round_text(1))") == "text");
    CHECK(db.is_null("SELECT maas_round_text(NULL)"));
    CHECK(db.is_null("SELECT maas_round_text(NULL, 2)"));
    CHECK(db.is_null("SELECT maas_round_text(1, NULL)"));
    // The same text as maas_total_text over one row.
    CHECK(
        db.value(
            "SELECT count(*) FROM " + series(1, 2000) +
            " "
            "WHERE maas_round_text(value * 0.00137) <> (SELECT maas_total_text(v) FROM (SELECT value * 0.00137 AS v)) "
            "   OR maas_round_text(value * 0.00137, 4) <> (SELECT maas_total_text(v, 4) FROM (SELECT value * 0.00137 AS v))") ==
        "0");
}

TEST_CASE("maas_total errors name the function and the argument", "[totals][errors]") {
    Db db;
    for (const char* f : {"maas_total", "maas_total_text", "maas_round_text"}) {
        const std::string must = std::string(f) + ": x must be a finite number, got ";
        const std::string call = std::string("SELECT ") + f;
        CHECK(db.error(call + "(x'00ff')") == must + "a BLOB");
        CHECK(db.error(call + "('abc')") == must + "'abc'");
        CHECK(db.error(call + "('')") == must + "''");
        CHECK(db.error(call + "('1,5')") == must + "'1,5'");
        CHECK(db.error(call + "('NaN')") == must + "'NaN'");
        CHECK(db.error(call + "(1e999)") == must + "Inf");
        CHECK(db.error(call + "(-1e999)") == must + "-Inf");
        CHECK(db.error(call + "('inf')") == must + "'inf'");
        // The first bad row stops the query, whatever came before.
        CHECK(db.error(call + "(x) FROM (SELECT 1 AS x UNION ALL SELECT 'two')") == must + "'two'");
    }
    CHECK(db.error("SELECT maas_total()") == "maas_total: expected 1 argument (x), got 0");
    CHECK(db.error("SELECT maas_total(1, 2)") == "maas_total: expected 1 argument (x), got 2");
    CHECK(db.error("SELECT maas_total_text()") == "maas_total_text: expected 1 to 2 arguments (x [, decimals]), got 0");
    CHECK(db.error("SELECT maas_total_text(1, 2, 3)") ==
          "maas_total_text: expected 1 to 2 arguments (x [, decimals]), got 3");
    CHECK(db.error("SELECT maas_round_text()") == "maas_round_text: expected 1 to 2 arguments (x [, decimals]), got 0");
    CHECK(db.error("SELECT maas_total(1) OVER (), maas_total(1, 2) OVER ()") ==
          "maas_total: expected 1 argument (x), got 2");
}

TEST_CASE("decimals must be 0 to 18, the same in every row", "[totals][errors]") {
    Db db;
    for (const char* f : {"maas_total_text", "maas_round_text"}) {
        const std::string must = std::string(f) + ": decimals must be an integer from 0 to 18, got ";
        const std::string call = std::string("SELECT ") + f;
        CHECK(db.error(call + "(1, 19)") == must + "19");
        CHECK(db.error(call + "(1, -1)") == must + "-1");
        CHECK(db.error(call + "(1, 2.5)") == must + "2.5");
        CHECK(db.error(call + "(1, 'two')") == must + "'two'");
        CHECK(db.error(call + "(1, x'02')") == must + "a BLOB");
        CHECK(db.error(call + "(1, 9223372036854775807)") == must + "9223372036854775807");
        CHECK(db.error(call + "(1, 1e999)") == must + "Inf");
        CHECK(db.value(call + "(1, 18)") == "1.000000000000000000");
        CHECK(db.value(call + "(1, 0)") == "1");
    }
    CHECK(db.error("SELECT maas_total_text(1, NULL)") ==
          "maas_total_text: decimals must be an integer from 0 to 18, got NULL");
    CHECK(db.error("SELECT maas_total_text(1, value) FROM " + series(2, 3) + "") ==
          "maas_total_text: decimals must be the same in every row, got 3 after 2");
    CHECK(db.value("SELECT maas_total_text(value, 1 + 1) FROM " + series(2, 3) + "") == "5.00");
    CHECK(db.rows("SELECT maas_total_text(value, 2) FROM " + series(1, 3) + " GROUP BY value % 2 ORDER BY 1") ==
          std::vector<std::vector<std::string>>{{"2.00"}, {"4.00"}});
}

TEST_CASE("a sum beyond exact range is an error, never a wrong number", "[totals][errors][overflow]") {
    Db db;
    const std::string nines = "'99999999999999999999999999999999999999'";  // 38 digits
    CHECK(db.value("SELECT maas_total_text(x) FROM (SELECT " + nines + " AS x UNION ALL SELECT 1)") ==
          "100000000000000000000000000000000000000");
    CHECK(db.error("SELECT maas_total(x) FROM (SELECT " + nines + " AS x UNION ALL SELECT " + nines + ")") ==
          "maas_total: the sum is too large to compute exactly");
    CHECK(db.error("SELECT maas_total_text(x) FROM (SELECT '1e30' AS x UNION ALL SELECT 1e-9)") ==
          "maas_total_text: the sum is too large to compute exactly");
    CHECK(db.value("SELECT maas_total_text(x) FROM (SELECT '1e30' AS x UNION ALL SELECT 1e-7)") ==
          "1000000000000000000000000000000.0000001");
    CHECK(db.error("SELECT maas_total(1e308) FROM " + series(1, 2) + "") ==
          "maas_total: the sum is beyond the largest REAL");
    CHECK(db.value("SELECT maas_total_text(1e308) FROM " + series(1, 2) + "") == "2" + std::string(308, '0'));
    CHECK(db.real("SELECT maas_total(x) FROM (SELECT 1e308 AS x UNION ALL SELECT 1e308 UNION ALL SELECT -1e308)") ==
          1e308);
    CHECK(db.real("SELECT maas_total(9223372036854775807) FROM " + series(1, 1000) + "") == 9.223372036854775807e21);
    // In a window the error comes from the frame that overflows.
    CHECK(db.error("SELECT maas_total(x) OVER (ORDER BY k ROWS 1 PRECEDING) FROM "
                   "(SELECT 1 AS k, " +
                   nines + " AS x UNION ALL SELECT 2, " + nines + ")") ==
          "maas_total: the sum is too large to compute exactly");
}

TEST_CASE("the totals are deterministic and innocuous: usable in views under trusted_schema=OFF", "[totals]") {
    Db db;
    db.exec(
        "PRAGMA trusted_schema = OFF;"
        "CREATE TABLE c(x); INSERT INTO c VALUES (0.1), (0.2);"
        "CREATE VIEW v AS SELECT maas_total(x) AS t, maas_total_text(x, 2) AS s, maas_round_text(0.0025, 3) AS r FROM c;"
        "CREATE TABLE g(x, r TEXT GENERATED ALWAYS AS (maas_round_text(x, 1)));"
        "INSERT INTO g(x) VALUES (0.25), (-0.25);");
    CHECK(db.rows("SELECT t, s, r FROM v") ==
          std::vector<std::vector<std::string>>{{"0.29999999999999999", "0.30", "0.003"}});
    CHECK(db.rows("SELECT r FROM g ORDER BY x") == std::vector<std::vector<std::string>>{{"-0.3"}, {"0.3"}});
}

// SQL tests of maas_cost's and maas_usage_cost's quick paths
// (quick_prices.hpp): with and without `at`, they answer exactly what the
// general path answers, at every edge of the price versions.  The general path is forced by passing a token count
// as TEXT ('230'), which the quick path leaves alone.
#include <catch2/catch.hpp>

#include <string>

#include "sql_fixture.hpp"

namespace {

// Input repriced on 2026-01-01, output on 2026-03-01, and a model whose
// output price starts a month after its input price.
const char* kVersions =
    "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) VALUES "
    "('acme', 'V-1', 'inference', 'input', '0.001', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'V-1', 'inference', 'output', '0.002', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'V-1', 'inference', 'input', '0.0015', 'k_tokens', 'CNY', '2026-01-01'), "
    "('acme', 'V-1', 'inference', 'output', '0.0035', 'k_tokens', 'CNY', '2026-03-01'), "
    "('acme', 'Late-1', 'inference', 'input', '0.1', 'k_tokens', 'CNY', '2025-01-01'), "
    "('acme', 'Late-1', 'inference', 'output', '0.3', 'k_tokens', 'CNY', '2025-02-01')";

}  // namespace

TEST_CASE("maas_cost with `at` prices each row at its own version, quick or not", "[quick][versions]") {
    Db db;
    db.exec_file(std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql");
    db.exec(kVersions);
    struct Row {
        const char* at;
        double expected;  // 1000 input and 1000 output tokens; 0 for NULL
    };
    const Row rows[] = {
        {"'2025-05-31 23:59:59'", 0},
        {"'2025-06-01'", 0.003},
        {"1767225599", 0.003},
        {"1767225600", 0.0035},
        {"'2026-02-28 23:59:59'", 0.0035},
        {"'2026-03-01'", 0.005},
        {"'2026-03-01T08:00:00+08:00'", 0.005},
        {"'2026-02-28T23:59:59-00:01'", 0.005},
        {"'1772323200'", 0.005},
        {"253402300799", 0.005},
    };
    for (const Row& r : rows) {
        const std::string quick = std::string("SELECT maas_cost('V-1', 1000, 1000, ") + r.at + ")";
        const std::string general = std::string("SELECT maas_cost('V-1', '1000', 1000, ") + r.at + ")";
        INFO(quick);
        if (r.expected == 0) {
            CHECK(db.is_null(quick));
            CHECK(db.is_null(general));
        } else {
            CHECK(db.real(quick) == r.expected);
            CHECK(db.real(general) == r.expected);
        }
    }
    // Input priced, output not yet: no cost, quick or general.
    CHECK(db.is_null("SELECT maas_cost('Late-1', 1000, 1000, '2025-01-15')"));
    CHECK(db.real("SELECT maas_cost('Late-1', 1000, 1000, '2025-02-01')") == 0.4);
    // 'now' and bad values go the general way, which reports them.
    CHECK(db.real("SELECT maas_cost('V-1', 1000, 1000, 'now')") == 0.005);
    CHECK(db.error("SELECT maas_cost('V-1', 1000, 1000, 'soon')").rfind("maas_cost: at must be a time", 0) == 0);
    CHECK(db.error("SELECT maas_cost('V-1', 1000, 1000, 253402300800)").rfind("maas_cost: at must be a time", 0) == 0);
}

TEST_CASE("the quick path and the general path agree on every built-in model at many instants", "[quick]") {
    Db db;
    // Every model with token prices, tokens from 0 to 2^40, times around the
    // card's first instant (2025-07-08 05:25:00 UTC = 1751952300).
    const std::string mismatches = db.value(
        "WITH m(name) AS (SELECT DISTINCT model FROM maas_rates WHERE item = 'output'), "
        "t(n) AS (VALUES (0), (1), (7), (230), (99999), (1234567), (1099511627776)), "
        "a(at) AS (VALUES (1751952299), (1751952300), (1751952301), (1900000000), ('2025-07-08 05:25:00')) "
        "SELECT count(*) FROM m, t AS i, t AS o, a "
        "WHERE maas_cost(m.name, i.n, o.n, a.at) IS NOT maas_cost(m.name, CAST(i.n AS TEXT), o.n, a.at)");
    CHECK(mismatches == "0");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = 'output'") != "0");
}

namespace {

// Rows of every usage shape and of every way a row can leave the quick
// path (no usage, an unknown model, the first call of a statement).
const char* kUsageRows =
    "CREATE TABLE u(i INTEGER PRIMARY KEY, model TEXT, body TEXT, at);"
    "INSERT INTO u(model, body, at) VALUES "
    "('V-1', '{\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":1000}}', '2025-06-01'), "
    "('V-1', '{\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":1000}}', 1767225600), "
    "('V-1', '{\"prompt_tokens\":1000,\"completion_tokens\":1000}', '2026-03-01'), "
    "('C-1', '{\"input\":800,\"input_cached_tokens\":200,\"output\":500,\"total\":1500}', 1900000000), "
    "('C-1', '{\"input\": 1000, \"output\": 500}', 1900000000), "
    "('C-1', '{''input'':1000,''output'':500,''total'':1500}', 1900000000), "
    "('C-1', '{\"object\":\"response\",\"usage\":{\"input_tokens\":1000,\"output_tokens\":500,"
    "\"input_tokens_details\":{\"cached_tokens\":800}}}', 1900000000), "
    "('C-1', '{\"type\":\"message\",\"usage\":{\"input_tokens\":200,\"cache_read_input_tokens\":700,"
    "\"cache_creation_input_tokens\":100,\"output_tokens\":500}}', 1900000000), "
    "('C-1', '{\"prompt_tokens\":400,\"completion_tokens\":100,\"input_tokens\":1000,\"output_tokens\":500}',"
    " 1900000000), "
    "('C-1', '{\"payload\":{\"usage\":{\"text\":{\"prompt_tokens\":1000,\"completion_tokens\":500}}}}',"
    " 1900000000), "
    "('C-1', '{\"id\":\"x\"}', 1900000000), "
    "('C-1', '\\N', 1900000000), "
    "('no-such-model', '{\"prompt_tokens\":1000,\"completion_tokens\":1000}', 1900000000), "
    "('Late-1', '{\"prompt_tokens\":1000,\"completion_tokens\":1000}', '2025-01-15'), "
    "('Late-1', '{\"prompt_tokens\":1000,\"completion_tokens\":1000}', '2025-02-01'), "
    "('V-1', '{\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":1000}}', 'now'), "
    "('R-1', '{\"prompt_tokens\":1000,\"completion_tokens\":1000}', 1900000000)";

// C-1 prices cached reads and cache writes apart; R-1 has a price per request.
const char* kCacheAndRequestPrices =
    "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) VALUES "
    "('acme', 'C-1', 'inference', 'input', '0.002', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'C-1', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'C-1', 'inference', 'cache_write', '0.0025', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'C-1', 'inference', 'output', '0.008', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'R-1', 'inference', 'input', '0.001', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'R-1', 'inference', 'output', '0.002', 'k_tokens', 'CNY', '2025-06-01'), "
    "('acme', 'R-1', 'inference', 'request', '0.01', 'request', 'CNY', '2025-06-01')";

// Each row's maas_usage_cost in a statement of its own: the first call of a
// statement is always the general path's.
std::string one_by_one(Db& db, const std::string& call) {
    std::string out;
    const int rows = std::stoi(db.value("SELECT count(*) FROM u"));
    for (int i = 1; i <= rows; ++i)
        out += (i > 1 ? " " : "") +
               db.value("SELECT coalesce(CAST(" + call + " AS TEXT), 'NULL') FROM u WHERE i = " + std::to_string(i));
    return out;
}

}  // namespace

TEST_CASE("maas_usage_cost's quick path answers each row as the general path does", "[quick][usage]") {
    for (const char* encoding : {"UTF-8", "UTF-16le"}) {
        INFO(encoding);
        Db db;
        db.exec(std::string("PRAGMA encoding = '") + encoding + "'");
        db.exec_file(std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql");
        db.exec(kVersions);
        db.exec(kCacheAndRequestPrices);
        db.exec(kUsageRows);
        // All rows in one statement: after the first, the known models go the quick way.
        const std::string with_at =
            "SELECT group_concat(coalesce(CAST(maas_usage_cost(model, body, at) AS TEXT), 'NULL'), ' ') FROM u";
        const std::string newest =
            "SELECT group_concat(coalesce(CAST(maas_usage_cost(model, body) AS TEXT), 'NULL'), ' ') FROM u";
        const std::string expected_at =
            "0.003 0.0035 0.005 0.0057 0.006 0.006 0.0048 0.005 0.006 0.006 NULL NULL NULL NULL 0.4 0.005 0.013";
        CHECK(db.value(with_at) == expected_at);
        CHECK(one_by_one(db, "maas_usage_cost(model, body, at)") == expected_at);
        const std::string expected_newest =
            "0.005 0.005 0.005 0.0057 0.006 0.006 0.0048 0.005 0.006 0.006 NULL NULL NULL 0.4 0.4 0.005 0.013";
        CHECK(db.value(newest) == expected_newest);
        CHECK(one_by_one(db, "maas_usage_cost(model, body)") == expected_newest);
        // An error after quick rows is the general path's message.
        db.exec("INSERT INTO u(model, body, at) VALUES ('DeepSeek-V3', '{\"input\":1,\"output\":-2}', 1)");
        CHECK(db.error(newest) == "maas_usage_cost: usage: usage_details.output must be a non-negative integer");
    }
}

TEST_CASE("maas_cost_cached's quick path answers each call as the general path does", "[quick][cached]") {
    Db db;
    db.exec_file(std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql");
    db.exec(kCacheAndRequestPrices);
    // Every model with token prices (built-in ones and C-1, R-1), counts with
    // and without cache writes and requests.  The quick path takes calls of
    // INTEGER counts only; CAST(... AS TEXT) sends the same call the general way.
    const std::string mismatches = db.value(
        "WITH m(name) AS (SELECT DISTINCT model FROM maas_rates WHERE item = 'output'), "
        "c(i, k, o, w, r) AS (VALUES (0, 0, 0, 0, 1), (1000, 0, 500, 0, 1), (1000, 800, 500, 100, 1), "
        "(1234567, 7, 99999, 1234, 3), (1099511627776, 1099511627776, 1, 0, 0)) "
        "SELECT count(*) FROM m, c "
        "WHERE maas_cost_cached(m.name, c.i, c.k, c.o, c.w, c.r) "
        "IS NOT maas_cost_cached(m.name, CAST(c.i AS TEXT), c.k, c.o, c.w, c.r) "
        "OR maas_cost_cached(m.name, c.i, c.k, c.o) IS NOT maas_cost_cached(m.name, CAST(c.i AS TEXT), c.k, c.o)");
    CHECK(mismatches == "0");
    // The comparison priced something: C-1's cached reads and writes, R-1's requests.
    // C-1: 100 x 0.002 + 800 x 0.0005 + 100 x 0.0025 + 500 x 0.008, per 1,000 tokens.
    CHECK(db.value("SELECT CAST(maas_cost_cached('C-1', 1000, 800, 500, 100, 1) AS TEXT)") == "0.00485");
    // 1000 x 0.001 + 500 x 0.002 per 1,000 tokens, and 3 requests x 0.01.
    CHECK(db.value("SELECT CAST(maas_cost_cached('R-1', 1000, 0, 500, 0, 3) AS TEXT)") == "0.032");
}

TEST_CASE("maas_cost's quick path over a card with conditions answers as the general path does",
          "[quick][conditions]") {
    Db db;
    db.exec_file(std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql");
    // Three input bands (two clauses each: a band wins over off-peak), and
    // input up to 32k priced lower from 00:30 to 08:30 Beijing time, on
    // one line version from 2025-06-01 and a newer off-peak one from 2026-01-01.
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, "
            "condition) VALUES "
            "('acme', 'B-1', 'inference', 'input', '0.002', 'k_tokens', 'CNY', '2025-06-01', NULL), "
            "('acme', 'B-1', 'inference', 'input', '0.004', 'k_tokens', 'CNY', '2025-06-01', "
            "'input > 32k and input <= 128k'), "
            "('acme', 'B-1', 'inference', 'input', '0.006', 'k_tokens', 'CNY', '2025-06-01', "
            "'input > 128k and input <= 1000000000m'), "
            "('acme', 'B-1', 'inference', 'input', '0.001', 'k_tokens', 'CNY', '2025-06-01', "
            "'time in 00:30-08:30 @+08:00'), "
            "('acme', 'B-1', 'inference', 'input', '0.0005', 'k_tokens', 'CNY', '2026-01-01', "
            "'time in 00:30-08:30 @+08:00'), "
            "('acme', 'B-1', 'inference', 'output', '0.008', 'k_tokens', 'CNY', '2025-06-01', NULL), "
            "('acme', 'B-1', 'inference', 'output', '0.016', 'k_tokens', 'CNY', '2025-06-01', 'input > 32k')");
    const std::string mismatches = db.value(
        "WITH t(n) AS (VALUES (0), (1000), (32000), (32001), (100000), (128000), (128001), (1099511627776)), "
        "a(at) AS (VALUES (1748736000), (1767199800), (1767200400), (1767229199), (1767229200), "
        "('2026-03-01 09:00:00+08:00')) "
        "SELECT count(*) FROM t AS i, t AS o, a "
        "WHERE maas_cost('B-1', i.n, o.n, a.at) IS NOT maas_cost('B-1', CAST(i.n AS TEXT), o.n, a.at) "
        "OR maas_cost('B-1', i.n, o.n) IS NOT maas_cost('B-1', CAST(i.n AS TEXT), o.n)");
    CHECK(mismatches == "0");
    // Three of the answers compared, by hand: 100,000 input at the middle
    // band (0.4) + 1,000 output at the band above 32k (0.016); off-peak on
    // 2026-01-01 01:00 Beijing (17:00 UTC the day before is 2025-12-31:
    // the older off-peak line, 0.001); 32,000 input in the first band.
    CHECK(db.value("SELECT CAST(maas_cost('B-1', 100000, 1000, '2026-03-01 09:00:00+08:00') AS TEXT)") == "0.416");
    CHECK(db.value("SELECT CAST(maas_cost('B-1', 1000, 1000, 1767200400) AS TEXT)") == "0.009");
    CHECK(db.value("SELECT CAST(maas_cost('B-1', 32000, 0, '2026-03-01 09:00:00+08:00') AS TEXT)") == "0.064");
}

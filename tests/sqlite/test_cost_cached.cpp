// test_cost_cached.cpp - cached input, cache writes and per-request prices
// through SQL: maas_cost_cached, the new items and units in maas_user_rates,
// maas_rates and maas_price, and that a cached token is billed once.
#include <catch2/catch.hpp>

#include <string>

#include "sql_fixture.hpp"

namespace {

const char* kUserTablesPath = MAAS_SOURCE_DIR "/sql/user_tables.sql";

// A cached-input price for DeepSeek-V3 (input 0.002, output 0.008 per
// k_tokens on the built-in card) from 2026-01-01: 0.0005 per k_tokens.
const char* kCachedPrice =
    "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)"
    " VALUES ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY',"
    " '2026-01-01', 'test')";

// The same prices per million tokens and per thousand, and a model with a
// per-request price, as the provider's newer catalog publishes them.
const char* kCatalogModels =
    "INSERT INTO maas_user_rates(provider, model, service, item, label, price, unit, currency, effective_from) VALUES"
    " ('acme', 'Per-M', 'inference', 'input', 'inTokensPrice', '2', 'm_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Per-M', 'inference', 'cached_input', 'cacheTokensPrice', '0.5', 'm_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Per-M', 'inference', 'output', 'outTokensPrice', '8', 'm_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Per-K', 'inference', 'input', NULL, '0.002', 'k_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Per-K', 'inference', 'cached_input', NULL, '0.0005', 'k_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Per-K', 'inference', 'output', NULL, '0.008', 'k_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Req', 'inference', 'input', NULL, '2', 'm_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Req', 'inference', 'output', NULL, '8', 'm_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Req', 'inference', 'cache_write', NULL, '2.5', 'm_tokens', 'CNY', '2025-01-01'),"
    " ('acme', 'Req', 'inference', 'request', 'requestPrice', '0.01', 'request', 'CNY', '2025-01-01'),"
    " ('acme', 'Req-Only', 'inference', 'request', NULL, '0.05', 'request', 'CNY', '2025-01-01')";

}  // namespace

TEST_CASE("a cached-input price bills cached tokens at it, and never also at the input price", "[cached][acceptance]") {
    Db db;
    db.exec_file(kUserTablesPath);
    db.exec(kCachedPrice);
    // 200 uncached x 0.002 + 800 cached x 0.0005 + 500 out x 0.008, / 1000.
    // Billing the cached tokens twice would give 0.0064; as uncached, 0.006.
    CHECK(db.real("SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 500, 0, 1, '2026-06-01')") == 0.0048);
    CHECK(db.real("SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 500)") == 0.0048);          // the quick path
    CHECK(db.real("SELECT maas_cost_cached('DeepSeek-V3', '1000', 800.0, ' 500 ')") == 0.0048);  // the general one
    CHECK(db.real("SELECT maas_cost_cached('xdeepseekv3', 1000, 1000, 0)") == 0.0005);
    CHECK(db.real("SELECT maas_cost_cached('DeepSeek-V3', 1000, 0, 500)") == 0.006);
    // Before the cached price's effective_from: cached tokens at the input price.
    CHECK(db.real("SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 500, 0, 1, '2025-12-31 23:59:59')") == 0.006);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 1000, 500, '2025-12-31 23:59:59')") == 0.006);
    // maas_cost has no cached count: all input at the input price, as before.
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 1000, 500)") == 0.006);
    // The built-in card has no cached price: maas_builtin_cost_cached bills them as input.
    CHECK(db.real("SELECT maas_builtin_cost_cached('DeepSeek-V3', 1000, 800, 500)") == 0.006);
    CHECK(db.real("SELECT maas_price('DeepSeek-V3', 'cached_input')") == 0.0005);
    CHECK(db.is_null("SELECT maas_builtin_price('DeepSeek-V3', 'cached_input')"));
    CHECK(db.is_null("SELECT maas_price('DeepSeek-V3', 'cached_input', '2025-12-31')"));
}

TEST_CASE("without a cached-input price, cached tokens are billed at the input price", "[cached][acceptance]") {
    Db db;
    // Every model of the built-in card: splitting the input changes nothing.
    const auto rows = db.rows(
        "SELECT count(*), sum(maas_cost_cached(model, 12345, 10000, 678) = maas_cost(model, 12345, 678)),"
        " sum(maas_cost_cached(model, 12345, 10000, 678, 2345, 9) = maas_cost(model, 12345, 678))"
        " FROM (SELECT DISTINCT model FROM maas_rates WHERE item = 'input')");
    REQUIRE(rows.size() == 1u);
    CHECK(rows[0] == std::vector<std::string>{"25", "25", "25"});
    CHECK(db.real("SELECT maas_cost_cached('Qwen3-8B', 1230, 1000, 300)") == 0.002115);
    CHECK(db.is_null("SELECT maas_cost_cached('Spark Mini', 1000, 800, 500)"));
    CHECK(db.is_null("SELECT maas_cost_cached('gpt-4o-mini', 1000, 800, 500)"));
    CHECK(db.is_null("SELECT maas_cost_cached('DeepSeek-R1', 1000, 800, 500, 0, 1, '2025-01-01')"));
    CHECK(db.is_null("SELECT maas_cost_cached('DeepSeek-R1', 1000, NULL, 500)"));
}

TEST_CASE("m_tokens prices cost what the same k_tokens prices do", "[cached][acceptance]") {
    Db db;
    db.exec_file(kUserTablesPath);
    db.exec(kCatalogModels);
    // 200 x 2/M + 800 x 0.5/M + 500 x 8/M
    CHECK(db.real("SELECT maas_cost_cached('Per-M', 1000, 800, 500)") == 0.0048);
    CHECK(db.real("SELECT maas_cost_cached('Per-K', 1000, 800, 500)") == 0.0048);
    CHECK(db.real("SELECT maas_cost('Per-M', 1000000, 1000000)") == 10.0);
    db.exec("CREATE TABLE usage(input INTEGER, cached INTEGER, output INTEGER)");
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
            " INSERT INTO usage SELECT i * 997 % 100000, (i * 997 % 100000) * (i % 10) / 10, i * 31 % 7000 FROM n");
    const auto totals = db.rows(
        "SELECT maas_total_text(maas_cost_cached('Per-M', input, cached, output)),"
        " maas_total_text(maas_cost_cached('Per-K', input, cached, output)),"
        " sum(maas_cost_cached('Per-M', input, cached, output) = maas_cost_cached('Per-K', input, cached, output)),"
        " count(*) FROM usage");
    REQUIRE(totals.size() == 1u);
    CHECK(totals[0][0] == totals[0][1]);
    CHECK(totals[0][2] == "500");
    // maas_price gives the price as published, in its own unit (see maas_rates.unit).
    CHECK(db.real("SELECT maas_price('Per-M', 'input')") == 2.0);
    CHECK(db.real("SELECT maas_price('Per-K', 'input')") == 0.002);
    CHECK(db.real("SELECT maas_price('Per-M', 'cached_input')") == 0.5);
}

TEST_CASE("request prices: once per call, `requests` calls in a row of many", "[cached][acceptance]") {
    Db db;
    db.exec_file(kUserTablesPath);
    db.exec(kCatalogModels);
    // 1000 x 2/M + 500 x 8/M + one call x 0.01
    CHECK(db.real("SELECT maas_cost('Req', 1000, 500)") == 0.016);
    CHECK(db.real("SELECT maas_cost_cached('Req', 1000, 0, 500)") == 0.016);
    CHECK(db.real("SELECT maas_cost_cached('Req', 1000, 0, 500, 0, 3)") == 0.036);
    CHECK(db.real("SELECT maas_cost_cached('Req', 1000, 0, 500, 0, 0)") == 0.006);
    // No cached price: cached tokens at the input price; written ones at 2.5/M.
    // 200 x 2/M + 800 x 2/M (input price) + 0 + 500 x 8/M + 0.01
    CHECK(db.real("SELECT maas_cost_cached('Req', 1000, 800, 500)") == 0.016);
    // 100 x 2/M + 900 written x 2.5/M + 0.01
    CHECK(db.real("SELECT maas_cost_cached('Req', 1000, 0, 0, 900)") == 0.01245);
    CHECK(db.real("SELECT maas_price('Req', 'request')") == 0.01);
    CHECK(db.real("SELECT maas_price('Req', 'cache_write')") == 2.5);
    CHECK(db.is_null("SELECT maas_unpriced('Req')"));
    // A request price alone is not a price for tokens.
    CHECK(db.is_null("SELECT maas_cost('Req-Only', 1000, 500)"));
    CHECK(db.is_null("SELECT maas_cost_cached('Req-Only', 0, 0, 0)"));
    CHECK(db.value("SELECT maas_unpriced('Req-Only')") == "no_token_price");
    CHECK(db.real("SELECT maas_price('Req-Only', 'request')") == 0.05);
}

TEST_CASE("maas_rates shows the new items and units as published", "[cached][rates]") {
    Db db;
    db.exec_file(kUserTablesPath);
    db.exec(kCatalogModels);
    const auto rows = db.rows(
        "SELECT model, service, item, coalesce(label, ''), price, price_text, unit, origin FROM maas_rates"
        " WHERE model IN ('Per-M', 'Req') ORDER BY model, item");
    const std::vector<std::vector<std::string>> expected = {
        {"Per-M", "inference", "cached_input", "cacheTokensPrice", "0.5", "0.5", "m_tokens", "user"},
        {"Per-M", "inference", "input", "inTokensPrice", "2", "2", "m_tokens", "user"},
        {"Per-M", "inference", "output", "outTokensPrice", "8", "8", "m_tokens", "user"},
        {"Req", "inference", "cache_write", "", "2.5", "2.5", "m_tokens", "user"},
        {"Req", "inference", "input", "", "2", "2", "m_tokens", "user"},
        {"Req", "inference", "output", "", "8", "8", "m_tokens", "user"},
        {"Req", "inference", "request", "requestPrice", "0.01", "0.01", "request", "user"},
    };
    CHECK(rows == expected);
    // The item index serves the new items.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = 'cached_input'") == "2");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = 'request'") == "2");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = 'cache_write'") == "1");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE unit = 'm_tokens'") == "6");
    // The built-in card is unchanged: no such items there.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE origin = 'builtin'") == "131");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE origin = 'builtin' AND"
                   " item IN ('cached_input', 'cache_write', 'request')") == "0");
}

TEST_CASE("usage exports with cached columns: OpenAI's and Anthropic's conventions", "[cached][acceptance]") {
    Db db;
    db.exec_file(kUserTablesPath);
    db.exec(kCachedPrice);
    // OpenAI usage export: input_tokens INCLUDES input_cached_tokens.
    db.exec("CREATE TABLE openai(model TEXT, num_model_requests INTEGER, input_tokens INTEGER,"
            " input_cached_tokens INTEGER, output_tokens INTEGER)");
    db.exec("INSERT INTO openai VALUES ('DeepSeek-V3', 4, 1000, 800, 500), ('DeepSeek-V3', 1, 2000, 0, 0)");
    CHECK(db.value("SELECT maas_total_text(maas_cost_cached(model, input_tokens, input_cached_tokens,"
                   " output_tokens, 0, num_model_requests)) FROM openai") == "0.0088");
    // Anthropic / LiteLLM: input_tokens EXCLUDES cache_read and cache_creation; add them.
    db.exec("CREATE TABLE anthropic(model TEXT, input_tokens INTEGER, cache_read_input_tokens INTEGER,"
            " cache_creation_input_tokens INTEGER, output_tokens INTEGER)");
    db.exec("INSERT INTO anthropic VALUES ('DeepSeek-V3', 200, 800, 0, 500)");
    CHECK(db.real("SELECT maas_cost_cached(model, input_tokens + cache_read_input_tokens +"
                  " cache_creation_input_tokens, cache_read_input_tokens, output_tokens,"
                  " cache_creation_input_tokens) FROM anthropic") == 0.0048);
    // Forgetting to add them is refused, not billed wrong.
    CHECK(db.error("SELECT maas_cost_cached(model, input_tokens, cache_read_input_tokens, output_tokens)"
                   " FROM anthropic") == "maas_cost_cached: cached_tokens must be at most input_tokens (200), got 800");
}

TEST_CASE("maas_cost_cached errors name the argument", "[cached][errors]") {
    Db db;
    const std::string signature =
        "(model, input_tokens, cached_tokens, output_tokens [, cache_write_tokens [, requests [, at [, variant]]]])";
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1000, 500)") ==
          "maas_cost_cached: expected 4 to 8 arguments " + signature + ", got 3");
    CHECK(db.error("SELECT maas_builtin_cost_cached('DeepSeek-V3', 1, 0, 0, 0, 1, 'now', 'batch', 1)") ==
          "maas_builtin_cost_cached: expected 4 to 8 arguments " + signature + ", got 9");
    CHECK(
        db.error("SELECT maas_builtin_cost_cached('DeepSeek-V3', 1, 0, 0, 0, 1, 'now', 1)") ==
        "maas_builtin_cost_cached: variant must be a variant name such as 'batch' (letters, digits, '_', '-'), got 1");
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1000, -1, 500)") ==
          "maas_cost_cached: cached_tokens must be a non-negative integer, got -1");
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1000, 1001, 500)") ==
          "maas_cost_cached: cached_tokens must be at most input_tokens (1000), got 1001");
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 500, 201)") ==
          "maas_cost_cached: cache_write_tokens must be at most input_tokens - cached_tokens (200), got 201");
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 500, 0, -1)") ==
          "maas_cost_cached: requests must be a non-negative integer, got -1");
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 1.5)") ==
          "maas_cost_cached: output_tokens must be a non-negative integer, got 1.5");
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 500, 0, 1, 'soon')") ==
          "maas_cost_cached: at must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or "
          "unix seconds, got 'soon'");
    CHECK(db.error("SELECT maas_builtin_cost_cached('DeepSeek-V3', 10, 11, 0)") ==
          "maas_builtin_cost_cached: cached_tokens must be at most input_tokens (10), got 11");
    // A user row with a unit its item cannot have names the table, rowid and column.
    db.exec_file(kUserTablesPath);
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from)"
            " VALUES ('acme', 'X', 'inference', 'request', '0.01', 'k_tokens', 'CNY', '2026-01-01')");
    CHECK(db.error("SELECT maas_cost_cached('DeepSeek-V3', 1, 0, 0)") ==
          "maas_cost_cached: maas_user_rates rowid 1: unit: item request cannot be priced per k_tokens (only "
          "request)");
    db.exec("UPDATE maas_user_rates SET item = 'cached_input', unit = 'request'");
    CHECK(db.error("SELECT maas_price('X', 'cached_input')") ==
          "maas_price: maas_user_rates rowid 1: unit: item cached_input cannot be priced per request (only "
          "k_tokens or m_tokens)");
    db.exec("UPDATE maas_user_rates SET unit = 'm_tokens'");
    CHECK(db.real("SELECT maas_price('X', 'cached_input')") == 0.01);
}

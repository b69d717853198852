// SQL tests of maas_currency, maas_unpriced, maas_convert and the user table
// maas_user_fx, through the real SQLite API with build/maas.so loaded.
#include <catch2/catch.hpp>

#include <string>

#include "sql_fixture.hpp"

namespace {

const std::string kUserTables = std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql";

// gpt-4o-mini at its USD list prices per 1,000 tokens.
const char* kUsdModel =
    "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) "
    "VALUES ('openai', 'gpt-4o-mini', 'inference', 'input', '0.00015', 'k_tokens', 'USD', '2024-07-18', 't'), "
    "('openai', 'gpt-4o-mini', 'inference', 'output', '0.0006', 'k_tokens', 'USD', '2024-07-18', 't')";

}  // namespace

TEST_CASE("maas_currency: the currency of a model's costs", "[currency]") {
    Db db;
    CHECK(db.value("SELECT maas_currency('DeepSeek-V3')") == "CNY");
    CHECK(db.value("SELECT maas_currency('xdeepseekv3')") == "CNY");  // an alias
    CHECK(db.value("SELECT maas_currency('Spark Mini')") == "CNY");   // deployment prices only
    CHECK(db.is_null("SELECT maas_currency('gpt-4o-mini')"));
    CHECK(db.is_null("SELECT maas_currency(NULL)"));
    CHECK(db.value("SELECT maas_currency('DeepSeek-V3', '2026-01-01')") == "CNY");
    db.exec_file(kUserTables);
    db.exec(kUsdModel);
    CHECK(db.value("SELECT maas_currency('gpt-4o-mini')") == "USD");
    CHECK(db.error("SELECT maas_currency(x'00')") == "maas_currency: model must be a model name (TEXT), got a BLOB");
    CHECK(db.error("SELECT maas_currency()") == "maas_currency: expected 1 to 2 arguments (model [, at]), got 0");
}

TEST_CASE("maas_unpriced: a stable reason for every row without a token cost", "[currency][unpriced]") {
    Db db;
    CHECK(db.is_null("SELECT maas_unpriced('DeepSeek-V3')"));
    CHECK(db.is_null("SELECT maas_unpriced('deepseek-v3', '2025-07-08 05:25:00')"));
    CHECK(db.value("SELECT maas_unpriced('DeepSeek-V3', '2025-07-08 05:24:59')") == "before_first_price");
    CHECK(db.value("SELECT maas_unpriced('gpt-4o-mini')") == "unknown_model");
    CHECK(db.value("SELECT maas_unpriced('Spark Mini')") == "no_token_price");
    // The Spark API's gateway names are another product: never an alias.
    for (const char* name : {"Spark-Max", "spark-max", "generalv3.5", "SparkDesk-v3.5", "4.0Ultra", "lite"})
        CHECK(db.value(std::string("SELECT maas_unpriced('") + name + "')") == "other_product");
    CHECK(db.is_null("SELECT maas_unpriced(NULL)"));
    CHECK(db.is_null("SELECT maas_unpriced('gpt-4o-mini', NULL)"));
    db.exec_file(kUserTables);
    db.exec(kUsdModel);
    CHECK(db.is_null("SELECT maas_unpriced('gpt-4o-mini')"));
    // A model whose input and output prices are in two currencies.
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) "
            "VALUES ('acme', 'Mixed', 'inference', 'input', '1', 'k_tokens', 'USD', '2025-01-01'), "
            "('acme', 'Mixed', 'inference', 'output', '1', 'k_tokens', 'CNY', '2025-01-01')");
    CHECK(db.value("SELECT maas_unpriced('Mixed')") == "mixed_currency");
    CHECK(db.is_null("SELECT maas_currency('Mixed')"));
    // A user alias wins over the list of other products: the user decided.
    db.exec("INSERT INTO maas_user_aliases(alias, model) VALUES ('Spark-Max', 'Spark Max')");
    CHECK(db.is_null("SELECT maas_unpriced('Spark-Max')"));
    CHECK(db.error("SELECT maas_unpriced('DeepSeek-V3', 'soon')") ==
          "maas_unpriced: at must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or unix "
          "seconds, got 'soon'");
}

TEST_CASE("maas_convert: exact, versioned, directional, NULL without a rate", "[currency][fx]") {
    Db db;
    CHECK(db.real("SELECT maas_convert(1.5, 'CNY', 'CNY')") == 1.5);  // the identity needs no table
    CHECK(db.is_null("SELECT maas_convert(1, 'USD', 'CNY')"));        // no maas_user_fx yet
    db.exec_file(kUserTables);
    CHECK(db.is_null("SELECT maas_convert(1, 'USD', 'CNY')"));
    db.exec("INSERT INTO maas_user_fx VALUES ('USD', 'CNY', '7.1', '2024-01-01', 'bank'), "
            "('USD', 'CNY', '7.25', '2025-01-01 00:00:00+08:00', 'bank')");
    CHECK(db.real("SELECT maas_convert(0.00567, 'USD', 'CNY', '2024-06-01')") == 0.040257);  // exact: 0.040257
    CHECK(db.real("SELECT maas_convert(0.1, 'USD', 'CNY', '2024-06-01')") == 0.71);          // 0.1 is 0.1
    CHECK(db.real("SELECT maas_convert('0.1', 'USD', 'CNY')") == 0.725);                     // the newest rate
    CHECK(db.real("SELECT maas_convert(-2, 'USD', 'CNY', 1735660800)") == -14.5);            // refunds convert too
    CHECK(db.is_null("SELECT maas_convert(1, 'USD', 'CNY', '2023-12-31')"));                 // before the first rate
    CHECK(db.is_null("SELECT maas_convert(1, 'CNY', 'USD')"));                               // no reverse guessed
    CHECK(db.is_null("SELECT maas_convert(NULL, 'USD', 'CNY')"));
    CHECK(db.error("SELECT maas_convert(1, 'usd', 'CNY')") ==
          "maas_convert: from_currency must be a 3-letter currency code such as 'CNY', got 'usd'");
    CHECK(db.error("SELECT maas_convert('a lot', 'USD', 'CNY')") ==
          "maas_convert: amount must be a finite number, got 'a lot'");
    CHECK(db.error("SELECT maas_convert(1, 'USD')") ==
          "maas_convert: expected 3 to 4 arguments (amount, from_currency, to_currency [, at]), got 2");
    // A change is seen by the next statement, like the other user tables.
    db.exec("DELETE FROM maas_user_fx WHERE rate = '7.25'");
    CHECK(db.real("SELECT maas_convert('0.1', 'USD', 'CNY')") == 0.71);
}

TEST_CASE("maas_user_fx: a bad row is an error naming table, rowid and column", "[currency][fx][errors]") {
    Db db;
    db.exec_file(kUserTables);
    const std::pair<const char*, const char*> cases[] = {
        {"('usd', 'CNY', '7.1', '2024-01-01', NULL)", "rowid 1: currency: 'usd' is not a 3-letter code such as USD"},
        {"('USD', 'RMB!', '7.1', '2024-01-01', NULL)",
         "rowid 1: to_currency: 'RMB!' is not a 3-letter code such as CNY"},
        {"('USD', 'USD', '1', '2024-01-01', NULL)",
         "rowid 1: to_currency: is the same currency as currency; a currency converts to itself unchanged"},
        {"('USD', 'CNY', '0', '2024-01-01', NULL)", "rowid 1: rate: '0' is not a positive decimal such as 7.1"},
        {"('USD', 'CNY', '7,1', '2024-01-01', NULL)", "rowid 1: rate: '7,1' is not a positive decimal such as 7.1"},
        {"('USD', 'CNY', '7.1', 'soon', NULL)",
         "rowid 1: effective_from: 'soon' is not a time such as 2025-07-08T13:25:00+08:00"},
    };
    for (const auto& [row, message] : cases) {
        db.exec("DELETE FROM maas_user_fx");
        db.exec(std::string("INSERT INTO maas_user_fx VALUES ") + row);
        CHECK(db.error("SELECT maas_convert(1, 'USD', 'CNY')") == std::string("maas_convert: maas_user_fx ") + message);
        CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1)") == std::string("maas_cost: maas_user_fx ") + message);
    }
    db.exec("DELETE FROM maas_user_fx");
    db.exec("INSERT INTO maas_user_fx VALUES ('USD', 'CNY', '7.1', '2024-01-01', NULL), "
            "('USD', 'CNY', '7.2', '2024-01-01 00:00:00', NULL)");
    CHECK(db.error("SELECT maas_convert(1, 'USD', 'CNY')") ==
          "maas_convert: maas_user_fx rowid 2: effective_from: a second rate USD -> CNY from 2024-01-01 00:00:00 "
          "(the first is maas_user_fx rowid 1)");
}

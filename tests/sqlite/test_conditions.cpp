// test_conditions.cpp - price rules (issue 26) through SQL: card lines with a
// condition (bands of input, peak hours, holidays, variants), the line with
// most clauses winning, billed_per 'started_hour', maas_user_calendar, the
// variant argument of every cost function, and the errors of bad rows.
// Every expected cost is worked out by hand in the comment beside it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "sql_fixture.hpp"

namespace {

const char* kUserTablesPath = MAAS_SOURCE_DIR "/sql/user_tables.sql";
const char* kRatesColumns =
    "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, condition,"
    " billed_per) VALUES ";

std::string temp_path(const char* name) { return std::string("/tmp/maas-test-conditions-") + name; }

void write_file(const std::string& path, const std::string& text) {
    std::ofstream f(path);
    f << text;
}

const char* kCardHeader = "provider,model,service,item,label,price,unit,currency,effective_from,source,condition\n";

// Bailian-style: every token of a call at the band its input falls in, CNY
// per million tokens:      input   output
//   input <= 32k            0.5     2
//   32k < input <= 128k     1.5     6
//   input > 128k            3       12
// Written two ways: three bands (Bands-3), and a base line with two bands
// (Base-2: the base line holds always, a band has more clauses and wins).
const char* kBailian =
    "('bailian', 'Bands-3', 'inference', 'input', '0.5', 'm_tokens', 'CNY', '2025-01-01', 'input <= 32k', NULL),"
    "('bailian', 'Bands-3', 'inference', 'input', '1.5', 'm_tokens', 'CNY', '2025-01-01',"
    " 'input > 32k and input <= 128k', NULL),"
    "('bailian', 'Bands-3', 'inference', 'input', '3', 'm_tokens', 'CNY', '2025-01-01', 'input > 128k', NULL),"
    "('bailian', 'Bands-3', 'inference', 'output', '2', 'm_tokens', 'CNY', '2025-01-01', 'input <= 32k', NULL),"
    "('bailian', 'Bands-3', 'inference', 'output', '6', 'm_tokens', 'CNY', '2025-01-01',"
    " 'input > 32k and input <= 128k', NULL),"
    "('bailian', 'Bands-3', 'inference', 'output', '12', 'm_tokens', 'CNY', '2025-01-01', 'input > 128k', NULL),"
    "('bailian', 'Base-2', 'inference', 'input', '0.5', 'm_tokens', 'CNY', '2025-01-01', NULL, NULL),"
    "('bailian', 'Base-2', 'inference', 'input', '1.5', 'm_tokens', 'CNY', '2025-01-01',"
    " 'input > 32k and input <= 128k', NULL),"
    "('bailian', 'Base-2', 'inference', 'input', '3', 'm_tokens', 'CNY', '2025-01-01', 'input > 128k', NULL),"
    "('bailian', 'Base-2', 'inference', 'output', '2', 'm_tokens', 'CNY', '2025-01-01', '', NULL),"
    "('bailian', 'Base-2', 'inference', 'output', '6', 'm_tokens', 'CNY', '2025-01-01',"
    " 'input > 32k and input <= 128k', NULL),"
    "('bailian', 'Base-2', 'inference', 'output', '12', 'm_tokens', 'CNY', '2025-01-01', 'input > 128k', NULL)";

// DeepSeek-style: off-peak by default, twice that on a workday 09:00-12:00
// and 14:00-18:00 Beijing time.  CNY per million tokens:
//               input  output
//   off-peak    2      3         1m in + 1m out = 5
//   peak        4      6         1m in + 1m out = 10
const char* kDeepSeek =
    "('deepseek', 'Peak-1', 'inference', 'input', '2', 'm_tokens', 'CNY', '2026-01-01', NULL, NULL),"
    "('deepseek', 'Peak-1', 'inference', 'output', '3', 'm_tokens', 'CNY', '2026-01-01', NULL, NULL),"
    "('deepseek', 'Peak-1', 'inference', 'input', '4', 'm_tokens', 'CNY', '2026-01-01',"
    " 'day is workday @+08:00 and time in 09:00-12:00 @+08:00', NULL),"
    "('deepseek', 'Peak-1', 'inference', 'input', '4', 'm_tokens', 'CNY', '2026-01-01',"
    " 'day is workday @+08:00 and time in 14:00-18:00 @+08:00', NULL),"
    "('deepseek', 'Peak-1', 'inference', 'output', '6', 'm_tokens', 'CNY', '2026-01-01',"
    " 'day is workday @+08:00 and time in 09:00-12:00 @+08:00', NULL),"
    "('deepseek', 'Peak-1', 'inference', 'output', '6', 'm_tokens', 'CNY', '2026-01-01',"
    " 'day is workday @+08:00 and time in 14:00-18:00 @+08:00', NULL)";

// Variants, USD per million tokens:   input  output  cached_input
//   standard                          2      8       0.5
//   variant = batch                   1      4       (none: the base 0.5)
//   variant = flex                    1.5    6
//   variant = priority                4      16      1
const char* kVariants =
    "('acme', 'Var-1', 'inference', 'input', '2', 'm_tokens', 'USD', '2025-01-01', NULL, NULL),"
    "('acme', 'Var-1', 'inference', 'output', '8', 'm_tokens', 'USD', '2025-01-01', NULL, NULL),"
    "('acme', 'Var-1', 'inference', 'cached_input', '0.5', 'm_tokens', 'USD', '2025-01-01', NULL, NULL),"
    "('acme', 'Var-1', 'inference', 'input', '1', 'm_tokens', 'USD', '2025-01-01', 'variant = batch', NULL),"
    "('acme', 'Var-1', 'inference', 'output', '4', 'm_tokens', 'USD', '2025-01-01', 'variant = batch', NULL),"
    "('acme', 'Var-1', 'inference', 'input', '1.5', 'm_tokens', 'USD', '2025-01-01', 'variant = flex', NULL),"
    "('acme', 'Var-1', 'inference', 'output', '6', 'm_tokens', 'USD', '2025-01-01', 'variant = flex', NULL),"
    "('acme', 'Var-1', 'inference', 'input', '4', 'm_tokens', 'USD', '2025-01-01', 'variant = priority', NULL),"
    "('acme', 'Var-1', 'inference', 'output', '16', 'm_tokens', 'USD', '2025-01-01', 'variant = priority', NULL),"
    "('acme', 'Var-1', 'inference', 'cached_input', '1', 'm_tokens', 'USD', '2025-01-01', 'variant = priority',"
    " NULL)";

Db& with_user_tables(Db& db) {
    db.exec_file(kUserTablesPath);
    return db;
}

}  // namespace

TEST_CASE("a Bailian-style card prices every token of a call at the band of its input", "[conditions][acceptance]") {
    Db db;
    with_user_tables(db).exec(std::string(kRatesColumns) + kBailian);
    for (const char* model : {"Bands-3", "Base-2"}) {
        INFO(model);
        const std::string cost = std::string("SELECT maas_cost('") + model + "', ";
        // 100,000 input: the middle band for every token, not 32k at the first
        // band and the rest at the second (that would be 0.016 + 0.102 + ...):
        // 100000 x 1.5/M + 1000 x 6/M = 0.15 + 0.006.
        CHECK(db.real(cost + "100000, 1000)") == 0.156);
        // 32,000 exactly is still the first band: 32000 x 0.5/M + 1000 x 2/M.
        CHECK(db.real(cost + "32000, 1000)") == 0.018);
        // One more token, the second: 32001 x 1.5/M + 1000 x 6/M = 0.0480015 + 0.006.
        CHECK(db.real(cost + "32001, 1000)") == 0.0540015);
        // 128,000: the second; 128,001: the third, output too (banded by input):
        // 128000 x 1.5/M + 1000 x 6/M = 0.192 + 0.006; 128001 x 3/M + 1000 x 12/M.
        CHECK(db.real(cost + "128000, 1000)") == 0.198);
        CHECK(db.real(cost + "128001, 1000)") == 0.396003);
        // Output banded by input, not by itself: 0 input, 200,000 output at the
        // first band: 200000 x 2/M.
        CHECK(db.real(cost + "0, 200000)") == 0.4);
        // With `at` (the general path) the same.
        CHECK(db.real(cost + "100000, 1000, '2026-01-01')") == 0.156);
        // Before the lines: no price.
        CHECK(db.is_null(cost + "100000, 1000, '2024-12-31')"));
        // Cached tokens count toward the band (input includes them) and, with no
        // cached price, cost the input price: 40000 x 1.5/M + 1000 x 6/M.
        CHECK(db.real(std::string("SELECT maas_cost_cached('") + model + "', 40000, 10000, 1000)") == 0.066);
        CHECK(db.is_null(std::string("SELECT maas_unpriced('") + model + "', '2026-01-15', 100000, 1000)"));
    }
}

TEST_CASE("a Bailian-style card file loads with maas_load_card and prices the same", "[conditions][load_card]") {
    Db db;
    const std::string path = temp_path("bailian.csv");
    write_file(path,
               std::string(kCardHeader) +
                   "bailian,Card-Bands,inference,input,,0.5,m_tokens,CNY,2025-01-01,,input <= 32k\n"
                   "bailian,Card-Bands,inference,input,,1.5,m_tokens,CNY,2025-01-01,,input > 32k and input <= 128k\n"
                   "bailian,Card-Bands,inference,input,,3,m_tokens,CNY,2025-01-01,,input > 128k\n"
                   "bailian,Card-Bands,inference,output,,2,m_tokens,CNY,2025-01-01,,input <= 32k\n"
                   "bailian,Card-Bands,inference,output,,6,m_tokens,CNY,2025-01-01,,input > 32k and input <= 128k\n"
                   "bailian,Card-Bands,inference,output,,12,m_tokens,CNY,2025-01-01,,input > 128k\n");
    CHECK(db.value("SELECT maas_load_card('" + path + "')") == "6");
    // The same hand-computed costs as above.
    CHECK(db.real("SELECT maas_cost('Card-Bands', 100000, 1000)") == 0.156);
    CHECK(db.real("SELECT maas_cost('Card-Bands', 32000, 1000)") == 0.018);
    CHECK(db.real("SELECT maas_cost('bailian/card-bands', 128001, 1000)") == 0.396003);
    std::remove(path.c_str());
}

TEST_CASE("a DeepSeek-style card: peak on workdays 09-12 and 14-18 Beijing, holidays from the calendar",
          "[conditions][acceptance][calendar]") {
    Db db;
    with_user_tables(db).exec(std::string(kRatesColumns) + kDeepSeek);
    const auto cost = [&](const char* at) {
        return db.real(std::string("SELECT maas_cost('Peak-1', 1000000, 1000000, '") + at + "')");
    };
    // 2026-09-01 is a Tuesday.  Peak 4 + 6 = 10; off-peak 2 + 3 = 5.
    CHECK(cost("2026-09-01T10:00:00+08:00") == 10.0);
    CHECK(cost("2026-09-01T02:00:00Z") == 10.0);  // the same instant in UTC
    CHECK(cost("2026-09-01T13:00:00+08:00") == 5.0);
    CHECK(cost("2026-09-01T09:00:00+08:00") == 10.0);  // a window's start is inside,
    CHECK(cost("2026-09-01T11:59:59+08:00") == 10.0);
    CHECK(cost("2026-09-01T12:00:00+08:00") == 5.0);  // its end outside
    CHECK(cost("2026-09-01T14:00:00+08:00") == 10.0);
    CHECK(cost("2026-09-01T18:00:00+08:00") == 5.0);
    CHECK(cost("2026-09-01T08:59:59+08:00") == 5.0);
    // 2026-09-01 01:30 UTC is 09:30 in Beijing (peak), though 01:30 in UTC.
    CHECK(cost("2026-09-01 01:30:00") == 10.0);
    // Saturday 2026-09-05 at 10:00: off-peak.
    CHECK(cost("2026-09-05T10:00:00+08:00") == 5.0);
    // Thursday 2026-10-01 (National Day) at 10:00: peak until the calendar says holiday.
    CHECK(cost("2026-10-01T10:00:00+08:00") == 10.0);
    // Saturday 2026-09-26 at 10:00: off-peak until marked a make-up workday.
    CHECK(cost("2026-09-26T10:00:00+08:00") == 5.0);
    db.exec("INSERT INTO maas_user_calendar(date, kind, source) VALUES ('2026-10-01', 'holiday', 'State Council'),"
            " ('2026-09-26', 'workday', 'State Council')");
    // The next statement sees the calendar.
    CHECK(cost("2026-10-01T10:00:00+08:00") == 5.0);
    CHECK(cost("2026-09-26T10:00:00+08:00") == 10.0);
    CHECK(cost("2026-09-26T13:00:00+08:00") == 5.0);  // a workday's lunch hour is still off-peak
    // The marks are of the local date: 2026-09-30 20:00 UTC is 10-01 04:00
    // Beijing (a holiday, and off the window anyway); 2026-10-01 02:00 UTC is
    // 10:00 Beijing on the holiday: off-peak.
    CHECK(cost("2026-10-01T02:00:00Z") == 5.0);
    // And a change to the calendar is seen too: without the mark, peak again.
    db.exec("DELETE FROM maas_user_calendar WHERE date = '2026-10-01'");
    CHECK(cost("2026-10-01T10:00:00+08:00") == 10.0);
    db.exec("UPDATE maas_user_calendar SET kind = 'holiday' WHERE date = '2026-09-26'");
    CHECK(cost("2026-09-26T10:00:00+08:00") == 5.0);
    // A weekday marked holiday in one statement of many rows.
    db.exec("CREATE TABLE calls(at TEXT)");
    db.exec("INSERT INTO calls VALUES ('2026-09-01T10:00:00+08:00'), ('2026-09-01T13:00:00+08:00'),"
            " ('2026-09-05T10:00:00+08:00'), ('2026-09-26T10:00:00+08:00')");
    // 10 + 5 + 5 + 5.
    CHECK(db.real("SELECT sum(maas_cost('Peak-1', 1000000, 1000000, at)) FROM calls") == 25.0);
    // Without `at`, no time is known: no time or day clause holds, the base line prices.
    CHECK(db.real("SELECT maas_cost('Peak-1', 1000000, 1000000)") == 5.0);
}

TEST_CASE("a weekday clause is of the local date at its offset", "[conditions][calendar]") {
    Db db;
    with_user_tables(db).exec(
        std::string(kRatesColumns) +
        "('acme', 'Weekend-1', 'inference', 'input', '2', 'm_tokens', 'CNY', '2026-01-01', NULL, NULL),"
        "('acme', 'Weekend-1', 'inference', 'input', '1', 'm_tokens', 'CNY', '2026-01-01',"
        " 'weekday in sat,sun @+08:00', NULL),"
        "('acme', 'Weekend-1', 'inference', 'output', '0', 'm_tokens', 'CNY', '2026-01-01', NULL, NULL)");
    const auto cost = [&](const char* at) {
        return db.real(std::string("SELECT maas_cost('Weekend-1', 1000000, 0, '") + at + "')");
    };
    // Friday 2026-09-04 16:00 UTC is Saturday 00:00 in Beijing: the weekend, 1.
    CHECK(cost("2026-09-04T15:59:59Z") == 2.0);
    CHECK(cost("2026-09-04T16:00:00Z") == 1.0);
    // Sunday 2026-09-06 23:59:59 Beijing still; Monday 00:00 Beijing not.
    CHECK(cost("2026-09-06T23:59:59+08:00") == 1.0);
    CHECK(cost("2026-09-06T16:00:00Z") == 2.0);
    // The calendar does not bear on weekday clauses: a make-up Saturday is still a Saturday.
    db.exec("INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-09-26', 'workday')");
    CHECK(cost("2026-09-26T10:00:00+08:00") == 1.0);
}

TEST_CASE("variants: the argument, and an OpenAI response's service_tier", "[conditions][acceptance][variant]") {
    Db db;
    with_user_tables(db).exec(std::string(kRatesColumns) + kVariants);
    const std::string usage = "'{\"prompt_tokens\": 1000000, \"completion_tokens\": 1000000}'";
    // Standard 2 + 8; batch 1 + 4; flex 1.5 + 6; priority 4 + 16.
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + usage + ")") == 10.0);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + usage + ", '2026-01-15', 'batch')") == 5.0);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + usage + ", '2026-01-01', 'BATCH')") == 5.0);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + usage + ", '2026-01-15', NULL)") == 10.0);
    // A variant no line names: the standard lines.
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + usage + ", '2026-01-15', 'thinking')") == 10.0);
    const auto response = [](const char* tier) {
        return std::string("'{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"service_tier\": \"") + tier +
               "\", \"usage\": {\"prompt_tokens\": 1000000, \"completion_tokens\": 1000000}}'";
    };
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + response("flex") + ")") == 7.5);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + response("priority") + ")") == 20.0);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + response("default") + ")") == 10.0);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + response("auto") + ")") == 10.0);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + response("flex") + ", '2026-01-01', NULL)") == 7.5);
    // An explicit variant overrides the response's own tier.
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + response("flex") + ", '2026-01-15', 'batch')") == 5.0);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + response("default") + ", '2026-01-15', 'priority')") == 20.0);
    // The cached part: 600,000 uncached x 4/M + 400,000 cached x 1/M + 1m x 16/M
    // = 2.4 + 0.4 + 16 (priority); batch has no cached line of its own: the base
    // cached 0.5/M: 600,000 x 1/M + 400,000 x 0.5/M + 1m x 4/M = 0.6 + 0.2 + 4.
    const std::string cached =
        "'{\"service_tier\": \"priority\", \"usage\": {\"prompt_tokens\": 1000000,"
        " \"prompt_tokens_details\": {\"cached_tokens\": 400000}, \"completion_tokens\": 1000000}}'";
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + cached + ")") == 18.8);
    CHECK(db.real("SELECT maas_usage_cost('Var-1', " + cached + ", '2026-01-15', 'batch')") == 4.8);
    // maas_cost and maas_cost_cached take the variant after `at` (NULL: none); a NULL
    // `at` is NULL out, as for every argument.
    CHECK(db.is_null("SELECT maas_cost('Var-1', 1000000, 1000000, NULL, 'flex')"));
    CHECK(db.real("SELECT maas_cost('Var-1', 1000000, 1000000, '2026-01-15', 'flex')") == 7.5);
    CHECK(db.real("SELECT maas_cost('Var-1', 1000000, 1000000, '2026-01-01', 'batch')") == 5.0);
    CHECK(db.real("SELECT maas_cost('Var-1', 1000000, 1000000, '2026-01-15', NULL)") == 10.0);
    CHECK(db.real("SELECT maas_cost_cached('Var-1', 1000000, 400000, 1000000, 0, 1, '2026-01-15', 'priority')") ==
          18.8);
    CHECK(db.real("SELECT maas_cost_cached('Var-1', 1000000, 400000, 1000000, 0, 1, '2026-01-15', 'batch')") == 4.8);
    // Standard: 600,000 x 2/M + 400,000 x 0.5/M + 1m x 8/M = 1.2 + 0.2 + 8.
    CHECK(db.real("SELECT maas_cost_cached('Var-1', 1000000, 400000, 1000000)") == 9.4);
    // One response text in many rows of a statement (its reading is remembered):
    // each row's own variant argument, else the response's tier.  7.5, 5, 7.5, 20.
    db.exec("CREATE TABLE responses(body TEXT, variant TEXT)");
    db.exec("INSERT INTO responses VALUES (" + response("flex") + ", NULL), (" + response("flex") + ", 'batch'), (" +
            response("flex") + ", NULL), (" + response("flex") + ", 'priority')");
    CHECK(db.rows("SELECT maas_usage_cost('Var-1', body, '2026-01-15', variant) FROM responses ORDER BY rowid") ==
          std::vector<std::vector<std::string>>{{"7.5"}, {"5"}, {"7.5"}, {"20"}});
    CHECK(db.error("SELECT maas_cost('Var-1', 1, 1, '2026-01-15', 'two words')") ==
          "maas_cost: variant must be a variant name such as 'batch' (letters, digits, '_', '-'), got 'two words'");
}

TEST_CASE("training and deployment costs take a variant too", "[conditions][variant]") {
    Db db;
    with_user_tables(db).exec(
        std::string(kRatesColumns) +
        // lora 10 per k_tokens, 6 in batch; deployment 20 per node_hour, 12 in batch.
        "('acme', 'Train-1', 'training', 'lora', '10', 'k_tokens', 'CNY', '2025-01-01', NULL, NULL),"
        "('acme', 'Train-1', 'training', 'lora', '6', 'k_tokens', 'CNY', '2025-01-01', 'variant = batch', NULL),"
        "('acme', 'Train-1', 'inference', 'deployment', '20', 'node_hour', 'CNY', '2025-01-01', NULL, NULL),"
        "('acme', 'Train-1', 'inference', 'deployment', '12', 'node_hour', 'CNY', '2025-01-01', 'variant = batch',"
        " NULL)");
    // 2000 tokens x 2 epochs = 4 k_tokens: x 10 = 40; x 6 = 24.
    CHECK(db.real("SELECT maas_training_cost('Train-1', 'lora', 2000, 2)") == 40.0);
    CHECK(db.real("SELECT maas_training_cost('Train-1', 'lora', 2000, 2, '2026-01-15', 'batch')") == 24.0);
    CHECK(db.real("SELECT maas_training_cost('Train-1', 'lora', 2000, 2, '2026-01-01', NULL)") == 40.0);
    // 1.5 h x 2 nodes = 3 node hours: x 20 = 60; x 12 = 36.
    CHECK(db.real("SELECT maas_deployment_cost('Train-1', 1.5, 2)") == 60.0);
    CHECK(db.real("SELECT maas_deployment_cost('Train-1', 1.5, 2, '2026-01-15', 'batch')") == 36.0);
}

TEST_CASE("billed_per 'started_hour': every started hour billed whole", "[conditions][acceptance][deployment]") {
    Db db;
    with_user_tables(db).exec(
        std::string(kRatesColumns) +
        "('bailian', 'Dedicated-1', 'inference', 'deployment', '10', 'node_hour', 'CNY', '2025-01-01', NULL,"
        " 'started_hour'),"
        "('bailian', 'Exact-1', 'inference', 'deployment', '10', 'node_hour', 'CNY', '2025-01-01', NULL, NULL)");
    // 10 per node hour; a started hour costs 10 per node.
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 0.25)") == 10.0);                   // 1 h
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 1.0)") == 10.0);                    // 1 h
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 1)") == 10.0);                      // 1 h
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 1.01)") == 20.0);                   // 2 h
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 0)") == 0.0);                       // no hour started
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 0.25, 3)") == 30.0);                // 1 h x 3 nodes
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 2.5, 4)") == 120.0);                // 3 h x 4 nodes
    CHECK(db.real("SELECT maas_deployment_cost('Dedicated-1', 1.01, 2, '2026-01-01')") == 40.0);  // 2 h x 2
    // Without billed_per: the hours as given, 0.25 x 10 = 2.5; 1.01 x 10 = 10.1.
    CHECK(db.real("SELECT maas_deployment_cost('Exact-1', 0.25)") == 2.5);
    CHECK(db.real("SELECT maas_deployment_cost('Exact-1', 1.01)") == 10.1);
    const auto rows = db.rows(
        "SELECT model, item, coalesce(condition, 'NULL'), coalesce(billed_per, 'NULL') FROM maas_rates"
        " WHERE model IN ('Dedicated-1', 'Exact-1') ORDER BY model");
    const std::vector<std::vector<std::string>> expected = {{"Dedicated-1", "deployment", "NULL", "started_hour"},
                                                            {"Exact-1", "deployment", "NULL", "NULL"}};
    CHECK(rows == expected);
}

TEST_CASE("two lines with as many clauses that hold are an error naming both; none holding is NULL with a reason",
          "[conditions][acceptance][errors]") {
    Db db;
    with_user_tables(db).exec(
        std::string(kRatesColumns) +
        "('acme', 'Tie-1', 'inference', 'input', '1', 'm_tokens', 'USD', '2025-01-01', NULL, NULL),"          // rowid 1
        "('acme', 'Tie-1', 'inference', 'output', '2', 'm_tokens', 'USD', '2025-01-01', NULL, NULL),"         // rowid 2
        "('acme', 'Tie-1', 'inference', 'input', '3', 'm_tokens', 'USD', '2025-01-01', 'input > 1k', NULL),"  // 3
        "('acme', 'Tie-1', 'inference', 'input', '4', 'm_tokens', 'USD', '2025-01-01', 'output > 1k', NULL),"  // 4
        "('acme', 'Narrow-1', 'inference', 'input', '1', 'm_tokens', 'USD', '2025-01-01', 'input <= 1k', NULL),"
        "('acme', 'Narrow-1', 'inference', 'output', '2', 'm_tokens', 'USD', '2025-01-01', NULL, NULL)");
    // Only one band holds: 2000 x 3/M + 500 x 2/M = 0.006 + 0.001; or 500 x 4/M + 2000 x 2/M.
    CHECK(db.real("SELECT maas_cost('Tie-1', 2000, 500)") == 0.007);
    CHECK(db.real("SELECT maas_cost('Tie-1', 500, 2000)") == 0.006);
    // Neither: the base, 500 x 1/M + 500 x 2/M.
    CHECK(db.real("SELECT maas_cost('Tie-1', 500, 500)") == 0.0015);
    // Both, with one clause each: no single price.
    const std::string tie = "(input: maas_user_rates rowid 3 and maas_user_rates rowid 4)";
    CHECK(db.error("SELECT maas_cost('Tie-1', 2000, 2000)") ==
          "maas_cost: two prices with as many conditions apply to this call " + tie +
              ": give one of them another clause");
    CHECK(db.error("SELECT maas_cost_cached('Tie-1', 2000, 1000, 2000)") ==
          "maas_cost_cached: two prices with as many conditions apply to this call " + tie +
              ": give one of them another clause");
    CHECK(db.error("SELECT maas_usage_cost('Tie-1', '{\"prompt_tokens\": 2000, \"completion_tokens\": 2000}')") ==
          "maas_usage_cost: two prices with as many conditions apply to this call " + tie +
              ": give one of them another clause");
    CHECK(db.value("SELECT maas_unpriced('Tie-1', '2026-01-15', 2000, 2000)") == "ambiguous_condition");
    CHECK(db.is_null("SELECT maas_unpriced('Tie-1', '2026-01-15', 2000, 500)"));
    // Narrow-1 has input prices for at most 1k input only.
    CHECK(db.real("SELECT maas_cost('Narrow-1', 1000, 1000)") == 0.003);  // 1000 x 1/M + 1000 x 2/M
    CHECK(db.is_null("SELECT maas_cost('Narrow-1', 1001, 1000)"));
    CHECK(db.is_null("SELECT maas_cost_cached('Narrow-1', 1001, 1, 1000)"));
    CHECK(db.value("SELECT maas_unpriced('Narrow-1', '2026-01-15', 1001, 1000)") == "no_condition_holds");
    CHECK(db.value("SELECT maas_unpriced('Narrow-1', '2026-01-01', 1001, 1000, NULL)") == "no_condition_holds");
    CHECK(db.is_null("SELECT maas_unpriced('Narrow-1', '2026-01-15', 1000, 1000)"));
    CHECK(db.value("SELECT maas_unpriced('Narrow-1', '2024-01-01', 1000, 1000)") == "before_first_price");
}

TEST_CASE("maas_rates shows condition and billed_per", "[conditions][rates]") {
    Db db;
    with_user_tables(db).exec(std::string(kRatesColumns) + kBailian);
    const auto rows = db.rows(
        "SELECT item, price, condition, billed_per FROM maas_rates WHERE model = 'Base-2' ORDER BY item, price + 0");
    const std::vector<std::vector<std::string>> expected = {
        {"input", "0.5", "NULL", "NULL"},  // no condition: NULL
        {"input", "1.5", "input > 32k and input <= 128k", "NULL"},
        {"input", "3", "input > 128k", "NULL"},
        {"output", "2", "NULL", "NULL"},  // written '': NULL too
        {"output", "6", "input > 32k and input <= 128k", "NULL"},
        {"output", "12", "input > 128k", "NULL"},
    };
    CHECK(rows == expected);
    // The built-in card has neither.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE origin = 'builtin' AND (condition IS NOT NULL OR"
                   " billed_per IS NOT NULL)") == "0");
    // Bands-3: 6 lines with a condition; Base-2: 4.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE condition IS NOT NULL") == "10");
}

TEST_CASE("a maas_user_rates table made before condition and billed_per still prices", "[conditions][schema]") {
    Db db;
    db.exec("CREATE TABLE maas_user_rates (provider TEXT NOT NULL, model TEXT NOT NULL, service TEXT NOT NULL,"
            " item TEXT NOT NULL, label TEXT, price TEXT NOT NULL, unit TEXT NOT NULL, currency TEXT NOT NULL,"
            " effective_from TEXT NOT NULL, source TEXT)");
    db.exec_file(kUserTablesPath);  // IF NOT EXISTS: the old table stays
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from)"
            " VALUES ('acme', 'Old-1', 'inference', 'input', '2', 'm_tokens', 'USD', '2025-01-01'),"
            " ('acme', 'Old-1', 'inference', 'output', '8', 'm_tokens', 'USD', '2025-01-01')");
    // 1000 x 2/M + 500 x 8/M.
    CHECK(db.real("SELECT maas_cost('Old-1', 1000, 500)") == 0.006);
    CHECK(db.real("SELECT maas_cost('Old-1', 1000, 500, '2026-01-15', 'batch')") == 0.006);
    CHECK(db.rows("SELECT condition, billed_per FROM maas_rates WHERE model = 'Old-1' AND item = 'input'") ==
          std::vector<std::vector<std::string>>{{"NULL", "NULL"}});
    // Adding the columns later, as user_tables.sql says.
    db.exec("ALTER TABLE maas_user_rates ADD COLUMN condition TEXT");
    db.exec("ALTER TABLE maas_user_rates ADD COLUMN billed_per TEXT");
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from,"
            " condition) VALUES ('acme', 'Old-1', 'inference', 'input', '1', 'm_tokens', 'USD', '2025-01-01',"
            " 'variant = batch')");
    CHECK(db.real("SELECT maas_cost('Old-1', 1000, 500, '2026-01-15', 'batch')") == 0.005);  // 1000 x 1/M + 500 x 8/M
}

TEST_CASE("bad condition, billed_per and calendar rows are errors naming table, rowid and column",
          "[conditions][errors]") {
    Db db;
    with_user_tables(db).exec(std::string(kRatesColumns) + kDeepSeek);  // rowids 1-6, fine
    CHECK(db.real("SELECT maas_cost('Peak-1', 1000000, 0)") == 2.0);
    db.exec(std::string(kRatesColumns) +
            "('acme', 'Bad-1', 'inference', 'input', '1', 'm_tokens', 'USD', '2025-01-01', 'imput > 32k', NULL)");
    CHECK(db.error("SELECT maas_cost('Peak-1', 1000000, 0)") ==
          "maas_cost: maas_user_rates rowid 7: condition: clause 1 'imput > 32k': expected input, output, "
          "cached_input or cache_write, time, weekday, day or variant");
    db.exec("UPDATE maas_user_rates SET condition = 'input > 1 and time in 09:00-09:00 @+08:00' WHERE rowid = 7");
    CHECK(db.error("SELECT maas_price('Peak-1', 'input')")
              .rfind("maas_price: maas_user_rates rowid 7: condition: clause 2 'time in 09:00-09:00 @+08:00': ", 0) ==
          0);
    db.exec("UPDATE maas_user_rates SET condition = NULL, billed_per = 'started_hour' WHERE rowid = 7");
    CHECK(db.error("SELECT maas_cost('Peak-1', 1000000, 0)") ==
          "maas_cost: maas_user_rates rowid 7: billed_per: started_hour bills deployment only, not input");
    db.exec("UPDATE maas_user_rates SET billed_per = 'minute' WHERE rowid = 7");
    CHECK(db.error("SELECT maas_cost('Peak-1', 1000000, 0)") ==
          "maas_cost: maas_user_rates rowid 7: billed_per: 'minute' is not started_hour (or empty)");
    db.exec("DELETE FROM maas_user_rates WHERE rowid = 7");
    CHECK(db.real("SELECT maas_cost('Peak-1', 1000000, 0)") == 2.0);

    db.exec("INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-01', 'holiday'), ('2026-02-30', 'holiday')");
    CHECK(db.error("SELECT maas_cost('Peak-1', 1000000, 0)") ==
          "maas_cost: maas_user_calendar rowid 2: date: '2026-02-30' is not a date YYYY-MM-DD");
    db.exec("UPDATE maas_user_calendar SET date = '2026-10-02', kind = 'x' WHERE rowid = 2");
    CHECK(db.error("SELECT maas_cost('Peak-1', 1000000, 0)") ==
          "maas_cost: maas_user_calendar rowid 2: kind: expected 'holiday' or 'workday', got 'x'");
    db.exec("UPDATE maas_user_calendar SET date = '2026-10-01', kind = 'workday' WHERE rowid = 2");
    CHECK(db.error("SELECT maas_cost('Peak-1', 1000000, 0)") ==
          "maas_cost: maas_user_calendar rowid 2: kind: 2026-10-01 is marked both holiday and workday");
    CHECK(db.error("SELECT count(*) FROM maas_rates") ==
          "maas_rates: maas_user_calendar rowid 2: kind: 2026-10-01 is marked both holiday and workday");
    // The same mark twice is no contradiction.
    db.exec("UPDATE maas_user_calendar SET kind = 'holiday' WHERE rowid = 2");
    CHECK(db.real("SELECT maas_cost('Peak-1', 1000000, 0, '2026-10-01T10:00:00+08:00')") == 2.0);
}

TEST_CASE("a card file with a bad condition names the file, the line and the clause", "[conditions][load_card]") {
    Db db;
    const std::string path = temp_path("bad-condition.csv");
    write_file(path, std::string(kCardHeader) +
                         "acme,Card-Bad,inference,input,,1,m_tokens,USD,2025-01-01,,\n"
                         "acme,Card-Bad,inference,input,,2,m_tokens,USD,2025-01-01,,input > 128k and input <= 32k\n"
                         "acme,Card-Bad,inference,output,,2,m_tokens,USD,2025-01-01,,\n");
    CHECK(db.error("SELECT maas_load_card('" + path + "')") ==
          "maas_load_card: " + path +
              ":3: condition: clause 2 'input <= 32k': never holds together with 'input > 128k'");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = 'Card-Bad'") == "0");
    // billed_per on a line that is not deployment (the 12th column).
    write_file(path,
               "provider,model,service,item,label,price,unit,currency,effective_from,source,condition,billed_per\n"
               "acme,Card-Bad,inference,input,,1,m_tokens,USD,2025-01-01,,,started_hour\n");
    CHECK(db.error("SELECT maas_load_card('" + path + "')") ==
          "maas_load_card: " + path + ":2: billed_per: started_hour bills deployment only, not input");
    std::remove(path.c_str());
}

TEST_CASE("lines of one condition are versions in time; a base line and a conditional one coexist",
          "[conditions][versions]") {
    Db db;
    with_user_tables(db).exec(
        std::string(kRatesColumns) +
        // Base input 1 from 2025-01-01, 1.1 from 2026-03-01; the band `input > 32k`
        // 2 from 2026-01-01, 3 from 2026-06-01; output 0 throughout.
        "('acme', 'Ver-1', 'inference', 'input', '1', 'm_tokens', 'USD', '2025-01-01', NULL, NULL),"
        "('acme', 'Ver-1', 'inference', 'input', '1.1', 'm_tokens', 'USD', '2026-03-01', NULL, NULL),"
        "('acme', 'Ver-1', 'inference', 'input', '2', 'm_tokens', 'USD', '2026-01-01', 'input > 32k', NULL),"
        "('acme', 'Ver-1', 'inference', 'input', '3', 'm_tokens', 'USD', '2026-06-01', 'input > 32k', NULL),"
        "('acme', 'Ver-1', 'inference', 'output', '0', 'm_tokens', 'USD', '2025-01-01', NULL, NULL)");
    const auto cost = [&](int input, const char* at) {
        return db.real("SELECT maas_cost('Ver-1', " + std::to_string(input) + ", 0, '" + at + "')");
    };
    // Before the band exists, 1,000,000 input at the base: 1.
    CHECK(cost(1000000, "2025-12-31 23:59:59") == 1.0);
    // The band from 2026-01-01: 2; the base's new version (2026-03-01) does not end it.
    CHECK(cost(1000000, "2026-01-01") == 2.0);
    CHECK(cost(1000000, "2026-04-01") == 2.0);
    CHECK(cost(1000000, "2026-05-31 23:59:59") == 2.0);
    // Its newer version takes over at its instant: 3.
    CHECK(cost(1000000, "2026-06-01") == 3.0);
    CHECK(cost(1000000, "2026-06-01T08:00:00+08:00") == 3.0);
    // Small calls stay at the base's version in force: 1000 x 1/M, then 1000 x 1.1/M.
    CHECK(cost(1000, "2026-02-28 23:59:59") == 0.001);
    CHECK(cost(1000, "2026-03-01") == 0.0011);
    CHECK(cost(1000, "2026-07-01") == 0.0011);
    // Without `at`: the newest of each, 3 and 1.1.
    CHECK(db.real("SELECT maas_cost('Ver-1', 1000000, 0)") == 3.0);
    CHECK(db.real("SELECT maas_cost('Ver-1', 1000, 0)") == 0.0011);
}

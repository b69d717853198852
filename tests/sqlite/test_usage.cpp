// test_usage.cpp - pricing straight from stored API responses
// (maas_usage_cost, maas_usage_tokens).
#include <catch2/catch.hpp>

#include "sql_fixture.hpp"

namespace {

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

const std::string kR1Response =
    R"({"id":"chatcmpl-1","object":"chat.completion","model":"xdeepseekr1","choices":[{"index":0,)"
    R"("message":{"role":"assistant","content":"42","reasoning_content":"think..."},"finish_reason":"stop"}],)"
    R"("usage":{"prompt_tokens":1000,"completion_tokens":2000,"total_tokens":3000,)"
    R"("prompt_tokens_details":{"cached_tokens":200},"completion_tokens_details":{"reasoning_tokens":1500}}})";

const std::string kSparkFrame =
    R"({"header":{"code":0,"message":"Success","sid":"cht000b","status":2},"payload":{"choices":{"status":2,)"
    R"("seq":1,"text":[{"content":"ok","role":"assistant","index":0}]},"usage":{"text":{"question_tokens":4,)"
    R"("prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}}})";

}  // namespace

TEST_CASE("the acceptance example: reasoning tokens are not counted twice", "[usage][acceptance]") {
    Db db;
    // 1000 x 0.004 / 1000 + 2000 x 0.016 / 1000 = 0.004 + 0.032
    CHECK(db.real(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{"prompt_tokens":1000,"completion_tokens":2000,)"
                  R"("completion_tokens_details":{"reasoning_tokens":1500}}}'))") == 0.036);
}

TEST_CASE("usage objects, whole responses and Spark frames", "[usage]") {
    Db db;
    CHECK(db.real("SELECT maas_usage_cost('DeepSeek-R1', " + quoted(kR1Response) + ")") == 0.036);
    CHECK(db.value("SELECT maas_usage_tokens(" + quoted(kR1Response) + ", 'input')") == "1000");   // cached inside
    CHECK(db.value("SELECT maas_usage_tokens(" + quoted(kR1Response) + ", 'output')") == "2000");  // reasoning inside
    CHECK(db.real(R"(SELECT maas_usage_cost('DeepSeek-V3', '{"prompt_tokens":1000,"completion_tokens":1000}'))") ==
          0.01);
    // Spark: prompt_tokens (5) is billed, question_tokens (4) is not.
    CHECK(db.value("SELECT maas_usage_tokens(" + quoted(kSparkFrame) + ", 'input')") == "5");
    CHECK(db.value("SELECT maas_usage_tokens(" + quoted(kSparkFrame) + ", 'OUTPUT')") == "7");
    // Spark Lite: 5 x 0.002 / 1000 + 7 x 0.006 / 1000 = 0.000052
    CHECK(db.real("SELECT maas_usage_cost('Spark Lite', " + quoted(kSparkFrame) + ")") == 5.2e-05);
    CHECK(db.real(R"(SELECT maas_usage_cost('Spark Lite', '{"usage":{"text":{"prompt_tokens":5,"completion_tokens":7}}}'))") ==
          5.2e-05);
    CHECK(db.real(R"(SELECT maas_usage_cost('Spark Lite', '{"text":{"prompt_tokens":5,"completion_tokens":7}}'))") ==
          5.2e-05);
    // An embedding call: input only.
    CHECK(db.real(R"(SELECT maas_usage_cost('Qwen3-8B', '{"usage":{"prompt_tokens":2000,"total_tokens":2000}}'))") ==
          0.001);
    // JSON stored as a BLOB-free TEXT column of a log table, priced with the row's time.
    db.exec("CREATE TABLE log(model TEXT, at TEXT, response TEXT)");
    db.exec("INSERT INTO log VALUES ('DeepSeek-R1', '2025-08-01', " + quoted(kR1Response) + "),"
            " ('DeepSeek-R1', '2025-07-01', " + quoted(kR1Response) + ")");
    CHECK(db.rows("SELECT maas_usage_cost(model, response, at) FROM log") ==
          std::vector<std::vector<std::string>>{{"0.035999999999999997"}, {"NULL"}});  // before the page: no price
}

TEST_CASE("missing usage is NULL, malformed JSON and bad counts are errors", "[usage][errors]") {
    Db db;
    CHECK(db.is_null(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"choices":[]}'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{}}'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_cost('DeepSeek-R1', '[1,2,3]'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_cost('DeepSeek-R1', '"text"'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_tokens('{"usage":null}', 'input'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_cost('no such model', '{"prompt_tokens":1}'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_cost(NULL, '{"prompt_tokens":1}'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_cost('DeepSeek-R1', NULL))"));
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":'))") ==
          "maas_usage_cost: usage is not valid JSON (The JSON document has an improper structure: missing or "
          "superfluous commas, braces, missing keys, etc.)");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', ''))") ==
          "maas_usage_cost: usage is not valid JSON (Empty: no JSON found)");
    CHECK(db.error(R"(SELECT maas_usage_tokens('{"usage":{"prompt_tokens":1,}}', 'input'))").rfind(
              "maas_usage_tokens: usage is not valid JSON (", 0) == 0);
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{"prompt_tokens":-1,"completion_tokens":1}}'))") ==
          "maas_usage_cost: usage: usage.prompt_tokens must be a non-negative integer");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{"prompt_tokens":1.5,"completion_tokens":1}}'))") ==
          "maas_usage_cost: usage: usage.prompt_tokens must be a non-negative integer");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{"prompt_tokens":"12","completion_tokens":1}}'))") ==
          "maas_usage_cost: usage: usage.prompt_tokens must be a non-negative integer");
    CHECK(db.error(R"(SELECT maas_usage_tokens('{"payload":{"usage":{"text":{"prompt_tokens":1,"completion_tokens":true}}}}', 'output'))") ==
          "maas_usage_tokens: usage: payload.usage.text.completion_tokens must be a non-negative integer");
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-R1', x'7b7d')") ==
          "maas_usage_cost: usage must be JSON text, got a BLOB");
    CHECK(db.error("SELECT maas_usage_tokens('{}', 'deployment')") ==
          "maas_usage_tokens: which must be 'input' or 'output', got 'deployment'");
    CHECK(db.error("SELECT maas_usage_tokens('{}')") ==
          "maas_usage_tokens: expected 2 arguments (usage, 'input' | 'output'), got 1");
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-R1')") ==
          "maas_usage_cost: expected 2 to 3 arguments (model, usage [, at]), got 1");
    // Invalid UTF-8 inside a string is malformed JSON.
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-R1', CAST(x'7b2261223a2241ff227d' AS TEXT))").rfind(
              "maas_usage_cost: usage is not valid JSON (", 0) == 0);
}

TEST_CASE("maas_usage_cost agrees with json_extract + maas_cost on many rows", "[usage]") {
    Db db;
    db.exec("CREATE TABLE r(model TEXT, body TEXT)");
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
            " INSERT INTO r SELECT CASE i % 3 WHEN 0 THEN 'DeepSeek-R1' WHEN 1 THEN 'Qwen3-8B' ELSE 'xdeepseekv3' END,"
            " json_object('usage', json_object('prompt_tokens', i * 7, 'completion_tokens', i * 13 % 5000,"
            " 'completion_tokens_details', json_object('reasoning_tokens', i))) FROM n");
    CHECK(db.value("SELECT count(*) FROM r WHERE maas_usage_cost(model, body) IS NOT"
                   " maas_cost(model, json_extract(body, '$.usage.prompt_tokens'),"
                   " json_extract(body, '$.usage.completion_tokens'))") == "0");
    CHECK(db.value("SELECT count(*) FROM r WHERE maas_usage_cost(model, body) IS NOT NULL") == "2000");
}

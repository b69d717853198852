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
    CHECK(
        db.real(
            R"(SELECT maas_usage_cost('Spark Lite', '{"usage":{"text":{"prompt_tokens":5,"completion_tokens":7}}}'))") ==
        5.2e-05);
    CHECK(db.real(R"(SELECT maas_usage_cost('Spark Lite', '{"text":{"prompt_tokens":5,"completion_tokens":7}}'))") ==
          5.2e-05);
    // An embedding call: input only.
    CHECK(db.real(R"(SELECT maas_usage_cost('Qwen3-8B', '{"usage":{"prompt_tokens":2000,"total_tokens":2000}}'))") ==
          0.001);
    // JSON stored as a BLOB-free TEXT column of a log table, priced with the row's time.
    db.exec("CREATE TABLE log(model TEXT, at TEXT, response TEXT)");
    db.exec("INSERT INTO log VALUES ('DeepSeek-R1', '2025-08-01', " + quoted(kR1Response) +
            "),"
            " ('DeepSeek-R1', '2025-07-01', " +
            quoted(kR1Response) + ")");
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
          "maas_usage_cost: usage is not valid JSON (expected a value at byte 10)");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', ''))") ==
          "maas_usage_cost: usage is not valid JSON (expected a value at byte 1)");
    CHECK(db.error(R"(SELECT maas_usage_tokens('{"usage":{"prompt_tokens":1,}}', 'input'))")
              .rfind("maas_usage_tokens: usage is not valid JSON (", 0) == 0);
    CHECK(
        db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{"prompt_tokens":-1,"completion_tokens":1}}'))") ==
        "maas_usage_cost: usage: usage.prompt_tokens must be a non-negative integer");
    CHECK(
        db.error(R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{"prompt_tokens":1.5,"completion_tokens":1}}'))") ==
        "maas_usage_cost: usage: usage.prompt_tokens must be a non-negative integer");
    CHECK(db.error(
              R"(SELECT maas_usage_cost('DeepSeek-R1', '{"usage":{"prompt_tokens":"12","completion_tokens":1}}'))") ==
          "maas_usage_cost: usage: usage.prompt_tokens must be a non-negative integer");
    CHECK(
        db.error(
            R"(SELECT maas_usage_tokens('{"payload":{"usage":{"text":{"prompt_tokens":1,"completion_tokens":true}}}}', 'output'))") ==
        "maas_usage_tokens: usage: payload.usage.text.completion_tokens must be a non-negative integer");
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-R1', x'7b7d')") ==
          "maas_usage_cost: usage must be JSON text, got a BLOB");
    CHECK(db.error("SELECT maas_usage_tokens('{}', 'deployment')") ==
          "maas_usage_tokens: kind must be 'input', 'output', 'cached_input', 'cache_write', 'uncached_input' or "
          "'reasoning', got 'deployment'");
    CHECK(db.error("SELECT maas_usage_tokens('{}')") == "maas_usage_tokens: expected 2 arguments (usage, kind), got 1");
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-R1')") ==
          "maas_usage_cost: expected 2 to 4 arguments (model, usage [, at [, variant]]), got 1");
    // Invalid UTF-8 inside a string is malformed JSON.
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-R1', CAST(x'7b2261223a2241ff227d' AS TEXT))")
              .rfind("maas_usage_cost: usage is not valid JSON (", 0) == 0);
}

TEST_CASE("maas_usage_cost agrees with json_extract + maas_cost on many rows", "[usage]") {
    Db db;
    db.exec("CREATE TABLE r(model TEXT, body TEXT)");
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
            " INSERT INTO r SELECT CASE i % 3 WHEN 0 THEN 'DeepSeek-R1' WHEN 1 THEN 'Qwen3-8B' ELSE 'xdeepseekv3' END,"
            " json_object('usage', json_object('prompt_tokens', i * 7, 'completion_tokens', i * 13 % 5000,"
            " 'completion_tokens_details', json_object('reasoning_tokens', i * 13 % 5000 / 2))) FROM n");
    CHECK(db.value("SELECT count(*) FROM r WHERE maas_usage_cost(model, body) IS NOT"
                   " maas_cost(model, json_extract(body, '$.usage.prompt_tokens'),"
                   " json_extract(body, '$.usage.completion_tokens'))") == "0");
    CHECK(db.value("SELECT count(*) FROM r WHERE maas_usage_cost(model, body) IS NOT NULL") == "2000");
}

namespace {

// The counts maas_usage_tokens shows for every kind, as one line.
std::string kinds(Db& db, const std::string& usage) {
    return db.value("SELECT maas_usage_tokens(" + quoted(usage) + ", 'input') || ' ' || maas_usage_tokens(" +
                    quoted(usage) + ", 'cached_input') || ' ' || maas_usage_tokens(" + quoted(usage) +
                    ", 'cache_write') || ' ' || maas_usage_tokens(" + quoted(usage) +
                    ", 'uncached_input') || ' ' || maas_usage_tokens(" + quoted(usage) +
                    ", 'output') || ' ' || maas_usage_tokens(" + quoted(usage) + ", 'reasoning')");
}

const std::string kResponsesApi =
    R"({"id":"resp_1","object":"response","status":"completed","model":"gpt-4.1","output":[{"type":"message",)"
    R"("role":"assistant","content":[{"type":"output_text","text":"ok"}]}],"usage":{"input_tokens":1000,)"
    R"("input_tokens_details":{"cached_tokens":800},"output_tokens":500,"output_tokens_details":)"
    R"({"reasoning_tokens":300},"total_tokens":1500}})";

const std::string kAnthropicMessage =
    R"({"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4","content":[{"type":"text",)"
    R"("text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":200,"cache_creation_input_tokens":100,)"
    R"("cache_read_input_tokens":700,"cache_creation":{"ephemeral_5m_input_tokens":100,"ephemeral_1h_input_tokens":0},)"
    R"("output_tokens":500,"service_tier":"standard"}})";

}  // namespace

TEST_CASE("the acceptance values of every shape: DeepSeek-V3, 1000 in, 500 out = 0.006", "[usage][acceptance]") {
    Db db;
    for (const std::string& usage : std::vector<std::string>{
             R"({"input_tokens":1000,"output_tokens":500})",  // bare: Anthropic = Responses API
             R"({"object":"response","output":[],"usage":{"input_tokens":1000,"output_tokens":500}})",
             R"({"type":"message","usage":{"input_tokens":1000,"output_tokens":500}})",
             "{'input':1000,'output':500,'total':1500}",     // Langfuse v3, ClickHouse map
             R"({"input":1000,"output":500,"total":1500})",  // Langfuse v3, JSON
             R"({"input_tokens":1000,"output_tokens":500,"prompt_tokens":400,"completion_tokens":100})",  // Open WebUI
             kResponsesApi,
             kAnthropicMessage,
         })
        CHECK(db.real("SELECT maas_usage_cost('DeepSeek-V3', " + quoted(usage) + ")") == 0.006);
}

TEST_CASE("every shape read into every kind, each token once", "[usage]") {
    Db db;
    // input cached_input cache_write uncached_input output reasoning
    CHECK(kinds(db, kR1Response) == "1000 200 0 800 2000 1500");
    CHECK(kinds(db, kResponsesApi) == "1000 800 0 200 500 300");
    CHECK(kinds(db, kAnthropicMessage) == "1000 700 100 200 500 0");
    CHECK(kinds(db, R"({"usage":{"input_tokens":200,"cache_read_input_tokens":700,"output_tokens":5}})") ==
          "900 700 0 200 5 0");
    CHECK(kinds(db, R"({"input_tokens":200,"cache_creation_input_tokens":50,"output_tokens":5})") ==
          "250 0 50 200 5 0");
    CHECK(kinds(db, R"({"input_tokens":1000,"output_tokens":500})") == "1000 0 0 1000 500 0");
    // Open WebUI: the turn's totals billed, the last call's details kept as the known parts.
    CHECK(kinds(db, R"({"prompt_tokens":400,"completion_tokens":100,"prompt_tokens_details":{"cached_tokens":300},)"
                    R"("completion_tokens_details":{"reasoning_tokens":60},"input_tokens":1000,"output_tokens":500,)"
                    R"("total_tokens":1500})") == "1000 300 0 700 500 60");
    // Langfuse: disjoint buckets added up.
    CHECK(
        kinds(db, "{'input':200,'input_cached_tokens':800,'output':200,'output_reasoning_tokens':300,'total':1500}") ==
        "1000 800 0 200 500 300");
    CHECK(kinds(db, R"({"input":200,"cache_read_input_tokens":700,"cache_creation_input_tokens":100,"output":500})") ==
          "1000 700 100 200 500 0");
    CHECK(kinds(db, "{'input':100,'input_cache_read':700,'input_cache_creation':200,'output':5,'input_priority':9}") ==
          "1000 700 200 100 5 0");
    CHECK(kinds(db, kSparkFrame) == "5 0 0 5 7 0");
    CHECK(kinds(db, R"({"usage":{"prompt_tokens":2000,"total_tokens":2000}})") == "2000 0 0 2000 0 0");
    // Null details (the OpenAI SDKs write them) are none.
    CHECK(kinds(db, R"({"prompt_tokens":10,"completion_tokens":2,"prompt_tokens_details":null,)"
                    R"("completion_tokens_details":{"reasoning_tokens":null}})") == "10 0 0 10 2 0");
}

TEST_CASE("Langfuse exports: map text, \\N, and the errors of each", "[usage][errors]") {
    Db db;
    CHECK(db.is_null(R"(SELECT maas_usage_cost('DeepSeek-V3', '\N'))"));
    CHECK(db.is_null(R"(SELECT maas_usage_tokens('{}', 'input'))"));
    CHECK(db.real("SELECT maas_usage_cost('DeepSeek-V3', '{''input'':1000,''output'':500,''total'':1500}', "
                  "'2025-08-01')") == 0.006);
    db.exec("CREATE TABLE observations(provided_model_name TEXT, usage_details TEXT)");
    db.exec("INSERT INTO observations VALUES ('xdeepseekv3', '{''input'':1000,''output'':500,''total'':1500}'),"
            " ('xdeepseekv3', '\\N'), ('xdeepseekv3', '{''input'':2000,''output'':1000}')");
    CHECK(db.real("SELECT maas_total(maas_usage_cost(provided_model_name, usage_details)) FROM observations") == 0.018);
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-V3', '{''input'':1000,''output'':500,''total'':1000}')") ==
          "maas_usage_cost: usage: usage_details.total (1000) is not the sum of the other keys (1500)");
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-V3', '{''input'':-1}')") ==
          "maas_usage_cost: usage: usage_details.input must be a non-negative integer");
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-V3', '{''input'':1,''reasoning_tokens'':2}')") ==
          "maas_usage_cost: usage: usage_details.reasoning_tokens is not a token kind this reader knows");
    CHECK(db.error("SELECT maas_usage_cost('DeepSeek-V3', '{''input'':1,''output'':2')") ==
          "maas_usage_cost: usage is not a valid ClickHouse map (expected ',' or '}' at byte 22)");
    CHECK(db.error("SELECT maas_usage_tokens('{''input'' 1}', 'input')") ==
          "maas_usage_tokens: usage is not a valid ClickHouse map (expected ':' after a key at byte 10)");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-V3', '{"input":1,"input":2}'))") ==
          "maas_usage_cost: usage: usage_details.input is given twice");
}

TEST_CASE("parts beyond their wholes and bad counts of the new shapes are errors naming the field", "[usage][errors]") {
    Db db;
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-V3', '{"usage":{"input_tokens":10,)"
                   R"("input_tokens_details":{"cached_tokens":11}}}'))") ==
          "maas_usage_cost: usage: usage.input_tokens_details.cached_tokens (11) is more than usage.input_tokens (10)");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-V3', '{"completion_tokens":1,)"
                   R"("completion_tokens_details":{"reasoning_tokens":2}}'))") ==
          "maas_usage_cost: usage: usage.completion_tokens_details.reasoning_tokens (2) is more than "
          "usage.completion_tokens (1)");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-V3', '{"type":"message","usage":{"input_tokens":1,)"
                   R"("cache_read_input_tokens":-3}}'))") ==
          "maas_usage_cost: usage: usage.cache_read_input_tokens must be a non-negative integer");
    CHECK(db.error(R"(SELECT maas_usage_cost('DeepSeek-V3', '{"input_tokens":100,"output_tokens":5,)"
                   R"("prompt_tokens":101,"completion_tokens":5}'))") ==
          "maas_usage_cost: usage: usage.prompt_tokens (the last call) (101) is more than usage.input_tokens (the "
          "whole turn) (100)");
    CHECK(db.error(R"(SELECT maas_usage_tokens('{"input_tokens":1.5}', 'input'))") ==
          "maas_usage_tokens: usage: usage.input_tokens must be a non-negative integer");
    CHECK(db.error("SELECT maas_usage_tokens('{}', 'requests')").rfind("maas_usage_tokens: kind must be ", 0) == 0);
    CHECK(db.value("SELECT maas_usage_tokens('{\"input_tokens\":5}', 'Cached_Input')") == "0");
}

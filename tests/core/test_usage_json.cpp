// Unit tests of usage_json.hpp, usage_details.hpp and clickhouse_map.hpp:
// every usage shape read into TokenCounts by its rule, and every error.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clickhouse_map.hpp"
#include "token_counts.hpp"
#include "usage_details.hpp"
#include "usage_json.hpp"

using maas::TokenCounts;
using maas::Usage;

namespace {

// "input cached_input cache_write output reasoning requests", or the outcome's name and why.
std::string read(const std::string& text) {
    static maas::UsageReader reader;
    TokenCounts t;
    std::string why;
    switch (reader.read(text, t, why)) {
        case Usage::found:
            if (!t.consistent()) return "inconsistent";
            return std::to_string(t.input) + " " + std::to_string(t.cached_input) + " " +
                   std::to_string(t.cache_write) + " " + std::to_string(t.output) + " " + std::to_string(t.reasoning) +
                   " " + std::to_string(t.requests);
        case Usage::missing: return "missing";
        case Usage::malformed: return "malformed: " + why;
        case Usage::malformed_map: return "malformed map: " + why;
        case Usage::bad_value: return "bad: " + why;
        case Usage::out_of_memory: return "out of memory";
    }
    return "?";
}

}  // namespace

TEST_CASE("OpenAI chat completions: cached and reasoning are parts, never added", "[usage_json]") {
    CHECK(read(R"({"prompt_tokens":1000,"completion_tokens":500})") == "1000 0 0 500 0 1");
    CHECK(read(R"({"usage":{"prompt_tokens":1000,"completion_tokens":500,"prompt_tokens_details":{"cached_tokens":800,)"
               R"("audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":300}}})") ==
          "1000 800 0 500 300 1");
    CHECK(read(R"({"usage":{"prompt_tokens":2000,"total_tokens":2000}})") == "2000 0 0 0 0 1");  // embeddings
    CHECK(read(R"({"completion_tokens":7})") == "0 0 0 7 0 1");
    CHECK(read(R"({"prompt_tokens":5,"prompt_tokens_details":{"cached_tokens":5}})") == "5 5 0 0 0 1");  // equal: fine
    CHECK(read(R"({"prompt_tokens":5,"prompt_tokens_details":{"cached_tokens":6}})") ==
          "bad: usage.prompt_tokens_details.cached_tokens (6) is more than usage.prompt_tokens (5)");
    CHECK(read(R"({"completion_tokens":5,"completion_tokens_details":{"reasoning_tokens":6}})") ==
          "bad: usage.completion_tokens_details.reasoning_tokens (6) is more than usage.completion_tokens (5)");
    CHECK(read(R"({"prompt_tokens":5,"prompt_tokens_details":{"cached_tokens":-1}})") ==
          "bad: usage.prompt_tokens_details.cached_tokens must be a non-negative integer");
    CHECK(read(R"({"prompt_tokens":5,"prompt_tokens_details":[]})") ==
          "bad: usage.prompt_tokens_details must be an object");
    CHECK(read(R"({"prompt_tokens":5,"prompt_tokens_details":null})") == "5 0 0 0 0 1");
    // LiteLLM's Anthropic usage: prompt_tokens is the whole input; its cache fields are read (checked) but not added.
    CHECK(read(R"({"prompt_tokens":1000,"completion_tokens":5,"cache_read_input_tokens":700,)"
               R"("prompt_tokens_details":{"cached_tokens":700}})") == "1000 700 0 5 0 1");
}

TEST_CASE("OpenAI Responses API: the whole response or its usage", "[usage_json]") {
    CHECK(read(R"({"object":"response","output":[{"type":"message"}],"usage":{"input_tokens":1000,"output_tokens":500,)"
               R"("input_tokens_details":{"cached_tokens":800},"output_tokens_details":{"reasoning_tokens":300},)"
               R"("total_tokens":1500}})") == "1000 800 0 500 300 1");
    CHECK(read(R"({"input_tokens":10,"input_tokens_details":{"cached_tokens":11}})") ==
          "bad: usage.input_tokens_details.cached_tokens (11) is more than usage.input_tokens (10)");
    CHECK(read(R"({"object":"response","output":[],"usage":null})") == "missing");  // an incomplete response
    CHECK(read(R"({"object":"response","output":[]})") == "missing");
}

TEST_CASE("Anthropic messages: input_tokens excludes the cache", "[usage_json]") {
    CHECK(read(R"({"type":"message","usage":{"input_tokens":200,"cache_read_input_tokens":700,)"
               R"("cache_creation_input_tokens":100,"output_tokens":500}})") == "1000 700 100 500 0 1");
    CHECK(read(R"({"input_tokens":200,"cache_read_input_tokens":0,"output_tokens":5})") == "200 0 0 5 0 1");
    CHECK(read(R"({"cache_creation_input_tokens":50,"output_tokens":5})") == "50 0 50 5 0 1");
    // The bare form: both readings agree.
    CHECK(read(R"({"input_tokens":1000,"output_tokens":500})") == "1000 0 0 500 0 1");
    CHECK(read(R"({"type":"message","usage":{"input_tokens":1000,"output_tokens":500}})") == "1000 0 0 500 0 1");
    CHECK(read(R"({"input_tokens":9223372036854775807,"cache_read_input_tokens":1})") ==
          "bad: usage.input_tokens + cache_read_input_tokens + cache_creation_input_tokens is more than "
          "9223372036854775807");
    CHECK(read(R"({"input_tokens":1,"cache_creation_input_tokens":"2"})") ==
          "bad: usage.cache_creation_input_tokens must be a non-negative integer");
}

TEST_CASE("Open WebUI merged usage: the turn's totals are billed", "[usage_json]") {
    CHECK(read(R"({"input_tokens":1000,"output_tokens":500,"prompt_tokens":400,"completion_tokens":100})") ==
          "1000 0 0 500 0 1");
    CHECK(read(R"({"usage":{"prompt_tokens":400,"completion_tokens":100,"prompt_tokens_details":{"cached_tokens":300},)"
               R"("completion_tokens_details":{"reasoning_tokens":90},"input_tokens":1000,"output_tokens":500}})") ==
          "1000 300 0 500 90 1");
    CHECK(read(R"({"input_tokens":10,"output_tokens":5,"prompt_tokens":10,"completion_tokens":5})") == "10 0 0 5 0 1");
    CHECK(read(R"({"input_tokens":10,"output_tokens":5,"prompt_tokens":11,"completion_tokens":5})") ==
          "bad: usage.prompt_tokens (the last call) (11) is more than usage.input_tokens (the whole turn) (10)");
    CHECK(read(R"({"input_tokens":10,"output_tokens":5,"prompt_tokens":1,"completion_tokens":6})") ==
          "bad: usage.completion_tokens (the last call) (6) is more than usage.output_tokens (the whole turn) (5)");
    CHECK(read(R"({"input_tokens":10,"prompt_tokens":4,"prompt_tokens_details":{"cached_tokens":5}})") ==
          "bad: usage.prompt_tokens_details.cached_tokens (5) is more than usage.prompt_tokens (4)");
}

TEST_CASE("Langfuse usage_details, JSON and ClickHouse map, buckets added once", "[usage_json]") {
    CHECK(read("{'input':1000,'output':500,'total':1500}") == "1000 0 0 500 0 1");
    CHECK(read(R"({"input":1000,"output":500,"total":1500})") == "1000 0 0 500 0 1");
    CHECK(read("{'input':200,'input_cached_tokens':800,'output':200,'output_reasoning_tokens':300,'total':1500}") ==
          "1000 800 0 500 300 1");
    CHECK(read("{'input':100,'input_cache_read':700,'input_cache_creation':200,'output':5,'output_reasoning':1}") ==
          "1000 700 200 6 1 1");
    CHECK(read("{'input':1,'cache_read_input_tokens':2,'cache_creation_input_tokens':3,'input_cache_write':4}") ==
          "10 2 7 0 0 1");
    CHECK(read("{'input':1,'input_audio_tokens':2,'cached_modality_text':3,'output':1,'output_audio_tokens':2}") ==
          "6 3 0 3 0 1");
    CHECK(read("{'input':5,'input_priority':5,'output_priority_tokens':1,'total':5}") == "5 0 0 0 0 1");
    CHECK(read("{'output':5}") == "0 0 0 5 0 1");
    CHECK(read(R"({"total":0})") == "0 0 0 0 0 1");
    CHECK(read("\t{ 'input' : 1 ,\n'output':2 }\r\n") == "1 0 0 2 0 1");
    CHECK(read("\\N") == "missing");
    CHECK(read(" \\N\n") == "missing");
    CHECK(read("{}") == "missing");
    CHECK(read("{'total':3}") == "bad: usage_details.total (3) is not the sum of the other keys (0)");
    CHECK(read("{'input':1,'input':1}") == "bad: usage_details.input is given twice");
    CHECK(read(R"({"output":1,"input":1,"output":1})") == "bad: usage_details.output is given twice");
    CHECK(read("{'input':1,'tokens':1}") == "bad: usage_details.tokens is not a token kind this reader knows");
    CHECK(read("{'input':01.5}") == "bad: usage_details.input must be a non-negative integer");
    CHECK(read("{'input':+1}") == "bad: usage_details.input must be a non-negative integer");
    CHECK(read("{'input':'1'}") == "bad: usage_details.input must be a non-negative integer");
    CHECK(read("{'input':9223372036854775807}") == "9223372036854775807 0 0 0 0 1");
    CHECK(read("{'input':9223372036854775808}") == "bad: usage_details.input must be a non-negative integer");
    CHECK(read("{'input':9223372036854775807,'output':1}") ==
          "bad: usage_details: the counts add up to more than 9223372036854775807");
    CHECK(read(R"({"input":1,"output":null})") == "bad: usage_details.output must be a non-negative integer");
    CHECK(read(R"({"input":"1"})") == "missing");  // no number: not this shape
    CHECK(read("{'input':1") == "malformed map: expected ',' or '}' at byte 11");
    CHECK(read("{'input'") == "malformed map: expected ':' after a key at byte 9");
    CHECK(read("{'input") == "malformed map: unterminated key at byte 8");
    CHECK(read("{'in\\'put':1}") == "malformed map: a backslash in a key (no token kind has one) at byte 5");
    CHECK(read("{'input':}") == "malformed map: expected a value at byte 10");
    CHECK(read("{'input':1,}") == "malformed map: expected a key in single quotes at byte 12");
    CHECK(read("{'input':1}}") == "malformed map: unexpected text after the map at byte 12");
    CHECK(read("{'input':1} {'output':1}") == "malformed map: unexpected text after the map at byte 13");
}

TEST_CASE("Spark frames: prompt_tokens billed, question_tokens not", "[usage_json]") {
    CHECK(read(R"({"header":{"code":0},"payload":{"usage":{"text":{"question_tokens":4,"prompt_tokens":5,)"
               R"("completion_tokens":7,"total_tokens":12}}}})") == "5 0 0 7 0 1");
    CHECK(read(R"({"usage":{"text":{"prompt_tokens":5,"completion_tokens":7}}})") == "5 0 0 7 0 1");
    CHECK(read(R"({"text":{"prompt_tokens":5,"completion_tokens":7}})") == "5 0 0 7 0 1");
    CHECK(read(R"({"payload":{"usage":{"text":{"prompt_tokens":true}}}})") ==
          "bad: payload.usage.text.prompt_tokens must be a non-negative integer");
}

TEST_CASE("no usage, malformed text, and a reused reader", "[usage_json]") {
    CHECK(read("[1]") == "missing");
    CHECK(read("null") == "missing");
    CHECK(read(R"({"usage":{}})") == "missing");
    CHECK(read(R"({"choices":[]})") == "missing");
    CHECK(read("").rfind("malformed: ", 0) == 0);
    CHECK(read("{\"a\":").rfind("malformed: ", 0) == 0);
    // A long document, then a short one: the padded buffer's old tail is never read.
    const std::string long_doc = R"({"x":")" + std::string(10000, 'x') + R"(","prompt_tokens":1})";
    CHECK(read(long_doc) == "1 0 0 0 0 1");
    CHECK(read(R"({"prompt_tokens":2})") == "2 0 0 0 0 1");
    CHECK(read("{'input':3}") == "3 0 0 0 0 1");
    CHECK(read(R"({"prompt_tokens":2})") == "2 0 0 0 0 1");
}

TEST_CASE("ClickHouseMapReader hands over keys and values as written", "[clickhouse_map]") {
    maas::ClickHouseMapReader reader;
    std::string why;
    std::vector<std::string> seen;
    auto collect = [&](std::string_view k, std::string_view v) {
        seen.push_back(std::string(k) + "=" + std::string(v));
        return true;
    };
    CHECK(reader.parse("{'a':1,'b c':-2.5,'':x}", collect, why) == maas::ClickHouseMap::ok);
    CHECK(seen == std::vector<std::string>{"a=1", "b c=-2.5", "=x"});
    CHECK(reader.parse("{}", collect, why) == maas::ClickHouseMap::ok);
    CHECK(reader.parse(
              "{'a':1,'b':2}", [](std::string_view, std::string_view) { return false; }, why) ==
          maas::ClickHouseMap::stopped);
    CHECK(reader.parse("", collect, why) == maas::ClickHouseMap::malformed);
    CHECK(why == "expected '{' at byte 1");
    CHECK(maas::looks_like_clickhouse_map(" { 'a':1}"));
    CHECK_FALSE(maas::looks_like_clickhouse_map(R"({"a":1})"));
    CHECK_FALSE(maas::looks_like_clickhouse_map("{"));
}

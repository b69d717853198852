// test_usage_problem.cpp - maas_usage_problem, the reason maas_usage_tokens
// would refuse a stored usage (NULL when it reads it), and the connection's
// memo of the last usage text read, which the usage functions share.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sql_fixture.hpp"

namespace {

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// One usage as an SQL expression, and the problem maas_usage_problem gives.
struct Shape {
    std::string sql;
    std::string problem;
};

// Every way the reader refuses a text, one or more of each shape.
const std::vector<Shape>& error_shapes() {
    static const std::vector<Shape> shapes = {
        // Not JSON, not a ClickHouse map.
        {quoted("not json"), "usage is not valid JSON (expected a value at byte 1)"},
        {quoted(""), "usage is not valid JSON (expected a value at byte 1)"},
        {quoted(R"({"usage":)"), "usage is not valid JSON (expected a value at byte 10)"},
        {"CAST(x'7b2261223a2241ff227d' AS TEXT)", ""},  // invalid UTF-8 in a string: message checked by prefix
        {quoted("{'input' 1}"), "usage is not a valid ClickHouse map (expected ':' after a key at byte 10)"},
        {quoted("{'input':1,'output':2"), "usage is not a valid ClickHouse map (expected ',' or '}' at byte 22)"},
        // OpenAI chat completions, the Responses API, Anthropic, Open WebUI, Spark.
        {quoted(R"({"usage":{"prompt_tokens":-1,"completion_tokens":1}})"),
         "usage: usage.prompt_tokens must be a non-negative integer"},
        {quoted(R"({"usage":{"prompt_tokens":1.5}})"), "usage: usage.prompt_tokens must be a non-negative integer"},
        {quoted(R"({"usage":{"prompt_tokens":"12"}})"), "usage: usage.prompt_tokens must be a non-negative integer"},
        {quoted(R"({"prompt_tokens":5,"prompt_tokens_details":[]})"),
         "usage: usage.prompt_tokens_details must be an object"},
        {quoted(R"({"prompt_tokens":5,"prompt_tokens_details":{"cached_tokens":-1}})"),
         "usage: usage.prompt_tokens_details.cached_tokens must be a non-negative integer"},
        {quoted(R"({"prompt_tokens":10,"prompt_tokens_details":{"cached_tokens":11}})"),
         "usage: usage.prompt_tokens_details.cached_tokens (11) is more than usage.prompt_tokens (10)"},
        {quoted(R"({"completion_tokens":1,"completion_tokens_details":{"reasoning_tokens":2}})"),
         "usage: usage.completion_tokens_details.reasoning_tokens (2) is more than usage.completion_tokens (1)"},
        {quoted(R"({"usage":{"input_tokens":10,"input_tokens_details":{"cached_tokens":11}}})"),
         "usage: usage.input_tokens_details.cached_tokens (11) is more than usage.input_tokens (10)"},
        {quoted(R"({"type":"message","usage":{"input_tokens":1,"cache_read_input_tokens":-3}})"),
         "usage: usage.cache_read_input_tokens must be a non-negative integer"},
        {quoted(R"({"input_tokens":9223372036854775807,"cache_read_input_tokens":1})"),
         "usage: usage.input_tokens + cache_read_input_tokens + cache_creation_input_tokens is more than "
         "9223372036854775807"},
        {quoted(R"({"input_tokens":100,"output_tokens":5,"prompt_tokens":101,"completion_tokens":5})"),
         "usage: usage.prompt_tokens (the last call) (101) is more than usage.input_tokens (the whole turn) (100)"},
        {quoted(R"({"input_tokens":100,"output_tokens":5,"prompt_tokens":100,"completion_tokens":6})"),
         "usage: usage.completion_tokens (the last call) (6) is more than usage.output_tokens (the whole turn) (5)"},
        {quoted(R"({"payload":{"usage":{"text":{"prompt_tokens":1,"completion_tokens":true}}}})"),
         "usage: payload.usage.text.completion_tokens must be a non-negative integer"},
        // Langfuse usage_details, as map text and as JSON (flat, and with an escaped key).
        {quoted("{'input':1000,'output':500,'total':1000}"),
         "usage: usage_details.total (1000) is not the sum of the other keys (1500)"},
        {quoted("{'input':-1}"), "usage: usage_details.input must be a non-negative integer"},
        {quoted("{'input':1.5,'output':2}"), "usage: usage_details.input must be a non-negative integer"},
        {quoted("{'input':1,'input':2}"), "usage: usage_details.input is given twice"},
        {quoted("{'input':1,'reasoning_tokens':2}"),
         "usage: usage_details.reasoning_tokens is not a token kind this reader knows"},
        {quoted("{'input':9223372036854775807,'output':1}"),
         "usage: usage_details: the counts add up to more than 9223372036854775807"},
        {quoted(R"({"input":200,"output":500,"total":1500})"),
         "usage: usage_details.total (1500) is not the sum of the other keys (700)"},
        {quoted(R"({"input":1.5,"output":2})"), "usage: usage_details.input must be a non-negative integer"},
        {quoted(R"({"input":1,"input":2})"), "usage: usage_details.input is given twice"},
        {quoted(R"({"\u0069nput":1,"output":2,"total":4})"),
         "usage: usage_details.total (4) is not the sum of the other keys (3)"},
        {quoted(R"({"input":1,"output":2,"custom_tokens":3})"),
         "usage: usage_details.custom_tokens is not a token kind this reader knows"},
        // A key that is not UTF-8 is quoted with '?' for its bad byte, in both.
        {"CAST(x'7b27696e707574273a312c27ff273a327d' AS TEXT)",
         "usage: usage_details.? is not a token kind this reader knows"},
    };
    return shapes;
}

}  // namespace

TEST_CASE("maas_usage_problem gives the text of maas_usage_tokens's error, for every shape of error",
          "[usage][usage_problem]") {
    Db db;
    for (const Shape& shape : error_shapes()) {
        INFO(shape.sql);
        const std::string problem = db.value("SELECT maas_usage_problem(" + shape.sql + ")");
        CHECK((shape.problem.empty() ? problem.rfind("usage is not valid JSON (", 0) == 0 : problem == shape.problem));
        CHECK(db.error("SELECT maas_usage_tokens(" + shape.sql + ", 'input')") == "maas_usage_tokens: " + problem);
        CHECK(db.error("SELECT maas_usage_cost('DeepSeek-V3', " + shape.sql + ")") == "maas_usage_cost: " + problem);
        // Asked again on the same connection (the memo answers): the same.
        CHECK(db.value("SELECT maas_usage_problem(" + shape.sql + ")") == problem);
    }
}

TEST_CASE("maas_usage_problem is NULL for every text maas_usage_tokens reads, usage or none",
          "[usage][usage_problem]") {
    Db db;
    for (const std::string text : {R"({"prompt_tokens":1200,"completion_tokens":300})",
                                   R"({"object":"response","output":[],"usage":{"input_tokens":1,"output_tokens":2}})",
                                   R"({"type":"message","usage":{"input_tokens":2,"cache_read_input_tokens":7}})",
                                   "{'input':200,'input_cached_tokens':800,'output':500,'total':1500}",
                                   R"({"input":200,"output":500,"total":700})", "{}", "[1,2]", "\"text\"", "\\N",
                                   R"({"usage":null})", R"({"foo":1})"}) {
        INFO(text);
        CHECK(db.is_null("SELECT maas_usage_problem(" + quoted(text) + ")"));
        CHECK(db.error("SELECT maas_usage_tokens(" + quoted(text) + ", 'input')").empty());
    }
    // A number is read as its text (valid JSON, no usage), as maas_usage_tokens reads it.
    CHECK(db.is_null("SELECT maas_usage_problem(123)"));
    CHECK(db.is_null("SELECT maas_usage_tokens(123, 'input')"));
    CHECK(db.is_null("SELECT maas_usage_problem(1.5)"));
    CHECK(db.is_null("SELECT maas_usage_problem(NULL)"));
    CHECK(db.value("SELECT typeof(maas_usage_problem('not json'))") == "text");
}

TEST_CASE("maas_usage_problem's own errors: a BLOB and the number of arguments", "[usage][usage_problem][errors]") {
    Db db;
    // A BLOB is the caller's mistake, not a problem of the data: an error, as for maas_usage_tokens.
    CHECK(db.error("SELECT maas_usage_problem(x'7b7d')") == "maas_usage_problem: usage must be JSON text, got a BLOB");
    CHECK(db.error("SELECT maas_usage_tokens(x'7b7d', 'input')") ==
          "maas_usage_tokens: usage must be JSON text, got a BLOB");
    CHECK(db.error("SELECT maas_usage_problem()") == "maas_usage_problem: expected 1 argument (usage), got 0");
    CHECK(db.error("SELECT maas_usage_problem('{}', 'input')") ==
          "maas_usage_problem: expected 1 argument (usage), got 2");
}

TEST_CASE("an adapter guards the counts with maas_usage_problem, and counts the reasons", "[usage][usage_problem]") {
    Db db;
    db.exec("CREATE TABLE o(id INTEGER PRIMARY KEY, u TEXT)");
    db.exec("INSERT INTO o(u) VALUES ('{''input'':1000,''output'':500,''total'':1500}'),"
            " ('{''input'':1000,''output'':500,''total'':1000}'), ('{''input'':1.5}'), ('\\N'), (NULL),"
            " ('{''input'':1000,''output'':500,''total'':900}')");
    CHECK(db.rows("SELECT id, CASE WHEN maas_usage_problem(u) IS NULL THEN maas_usage_tokens(u, 'input') END, "
                  "CASE WHEN maas_usage_problem(u) IS NULL THEN maas_usage_tokens(u, 'output') END FROM o") ==
          std::vector<std::vector<std::string>>{{"1", "1000", "500"},
                                                {"2", "NULL", "NULL"},
                                                {"3", "NULL", "NULL"},
                                                {"4", "NULL", "NULL"},
                                                {"5", "NULL", "NULL"},
                                                {"6", "NULL", "NULL"}});
    CHECK(db.rows("SELECT count(*), substr(maas_usage_problem(u), 1, 26) AS p FROM o WHERE p IS NOT NULL "
                  "GROUP BY p ORDER BY p") ==
          std::vector<std::vector<std::string>>{{"1", "usage: usage_details.input"},
                                                {"2", "usage: usage_details.total"}});
}

TEST_CASE("the usage memo never answers for another text", "[usage][usage_problem][memo]") {
    Db db;
    SECTION("same length, different bytes, in one statement and across statements") {
        CHECK(db.rows(R"(SELECT maas_usage_tokens('{"prompt_tokens":12}', 'input'), )"
                      R"(maas_usage_tokens('{"prompt_tokens":34}', 'input'), )"
                      R"(maas_usage_tokens('{"prompt_tokens":12}', 'input'))") ==
              std::vector<std::vector<std::string>>{{"12", "34", "12"}});
        CHECK(db.value("SELECT maas_usage_tokens('{''input'':12,''total'':12}', 'input')") == "12");
        CHECK(db.value("SELECT maas_usage_problem('{''input'':12,''total'':13}')") ==
              "usage: usage_details.total (13) is not the sum of the other keys (12)");
        CHECK(db.is_null("SELECT maas_usage_problem('{''input'':13,''total'':13}')"));
        CHECK(db.value("SELECT maas_usage_tokens('{''input'':13,''total'':13}', 'input')") == "13");
    }
    SECTION("alternating texts over many rows, through every usage function") {
        db.exec("CREATE TABLE r(id INTEGER PRIMARY KEY, u TEXT)");
        db.exec(R"(WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 400) )"
                R"(INSERT INTO r(u) SELECT CASE k % 4 )"
                R"(WHEN 0 THEN '{"prompt_tokens":' || (1000 + k % 7) || ',"completion_tokens":' || k || '}' )"
                R"(WHEN 1 THEN '{"prompt_tokens":' || (1000 + k % 7) || ',"completion_tokens":' || (k + 1) || '}' )"
                R"(WHEN 2 THEN '{''input'':' || k || ',''output'':5,''total'':' || (k + 5 + k % 3) || '}' )"
                R"(ELSE '{"prompt_tokens":5,"prompt_tokens_details":{"cached_tokens":' || (k % 9) || '}}' END FROM n)");
        // What each row must read, worked out without the module: rows 2 (mod 4) whose id is no multiple
        // of 3 have a wrong total, rows 3 (mod 4) whose id is 6, 7 or 8 (mod 9) more cached than input.
        const std::string expected =
            "SELECT id, CASE WHEN ok THEN CASE id % 4 WHEN 2 THEN id ELSE json_extract(u, '$.prompt_tokens') END END, "
            "CASE WHEN ok THEN CASE id % 4 WHEN 0 THEN id WHEN 1 THEN id + 1 WHEN 2 THEN 5 ELSE 0 END END, "
            "CASE WHEN ok THEN CASE id % 4 WHEN 3 THEN id % 9 ELSE 0 END END, "
            "CASE WHEN id % 4 = 2 AND id % 3 <> 0 THEN 'total' WHEN id % 4 = 3 AND id % 9 > 5 THEN 'cached' END "
            "FROM (SELECT *, NOT ((id % 4 = 2 AND id % 3 <> 0) OR (id % 4 = 3 AND id % 9 > 5)) AS ok FROM r) "
            "ORDER BY id";
        const std::string actual =
            "SELECT id, CASE WHEN maas_usage_problem(u) IS NULL THEN maas_usage_tokens(u, 'input') END, "
            "CASE WHEN maas_usage_problem(u) IS NULL THEN maas_usage_tokens(u, 'output') END, "
            "CASE WHEN maas_usage_problem(u) IS NULL THEN maas_usage_tokens(u, 'cached_input') END, "
            "CASE WHEN maas_usage_problem(u) LIKE '%total%' THEN 'total' "
            "WHEN maas_usage_problem(u) LIKE '%cached_tokens (%' THEN 'cached' END "
            "FROM r ORDER BY id";
        CHECK(db.rows(actual) == db.rows(expected));
        CHECK(db.value("SELECT count(*) FROM r WHERE maas_usage_problem(u) IS NOT NULL") == "100");
        // The next row's text read between the calls of a row.
        CHECK(db.rows("SELECT a.id, maas_usage_tokens(a.u, 'output'), maas_usage_problem(b.u) IS NULL, "
                      "maas_usage_tokens(a.u, 'output') FROM r AS a JOIN r AS b ON b.id = a.id + 1 "
                      "WHERE a.id % 4 IN (0, 1) ORDER BY a.id LIMIT 6") ==
              std::vector<std::vector<std::string>>{{"1", "2", "0", "2"},
                                                    {"4", "4", "1", "4"},
                                                    {"5", "6", "1", "6"},
                                                    {"8", "8", "1", "8"},
                                                    {"9", "10", "0", "10"},
                                                    {"12", "12", "1", "12"}});
        // maas_usage_cost (its first row on the general path, the next on the quick path) between them.
        CHECK(db.rows("SELECT maas_usage_tokens(u, 'input'), "
                      "maas_usage_cost('DeepSeek-V3', u) = maas_cost('DeepSeek-V3', 1000 + id % 7, id), "
                      "maas_usage_tokens(u, 'output') FROM r WHERE id IN (4, 8, 12) ORDER BY id") ==
              std::vector<std::vector<std::string>>{{"1004", "1", "4"}, {"1001", "1", "8"}, {"1005", "1", "12"}});
    }
    SECTION("a text, then its prefix, then the text again") {
        const std::string whole = R"({"prompt_tokens":100})";
        const std::string prefix = R"({"prompt_tokens":10)";
        const std::string shorter = R"({"prompt_tokens":10})";
        CHECK(db.value("SELECT maas_usage_tokens(" + quoted(whole) + ", 'input')") == "100");
        CHECK(db.value("SELECT maas_usage_problem(" + quoted(prefix) + ")") ==
              "usage is not valid JSON (expected ',' or '}' at byte 20)");
        CHECK(db.value("SELECT maas_usage_tokens(" + quoted(shorter) + ", 'input')") == "10");
        CHECK(db.is_null("SELECT maas_usage_problem(" + quoted(whole) + ")"));
        CHECK(db.value("SELECT maas_usage_tokens(" + quoted(whole) + ", 'input')") == "100");
        // And the other way round, in one statement.
        CHECK(db.rows("SELECT maas_usage_problem(" + quoted(prefix) + ") IS NULL, maas_usage_problem(" + quoted(whole) +
                      ") IS NULL, maas_usage_problem(" + quoted(prefix) + ") IS NULL") ==
              std::vector<std::vector<std::string>>{{"0", "1", "0"}});
        // Bytes after a NUL count too.
        CHECK(db.rows("SELECT maas_usage_problem(CAST(x'7b7d00' AS TEXT)) IS NULL, maas_usage_problem('{}') IS NULL") ==
              std::vector<std::vector<std::string>>{{"0", "1"}});
    }
    SECTION("texts longer than the memo keeps are read every time, correctly") {
        const std::string pad = "printf('%.*c', 70000, 'x')";
        db.exec("CREATE TABLE big(id INTEGER PRIMARY KEY, u TEXT)");
        db.exec("INSERT INTO big(u) VALUES ('{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2},\"pad\":\"' || " +
                pad + " || '\"}'), ('{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4},\"pad\":\"' || " + pad +
                " || '\"}'), ('{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":-6},\"pad\":\"' || " + pad +
                " || '\"}')");
        CHECK(db.rows("SELECT CASE WHEN maas_usage_problem(u) IS NULL THEN maas_usage_tokens(u, 'input') END, "
                      "maas_usage_problem(u), length(u) > 65536 FROM big ORDER BY id") ==
              std::vector<std::vector<std::string>>{
                  {"1", "NULL", "1"},
                  {"3", "NULL", "1"},
                  {"NULL", "usage: usage.completion_tokens must be a non-negative integer", "1"}});
    }
}

TEST_CASE("maas_usage_problem is pure: a generated column, an index, a view under trusted_schema=OFF",
          "[usage][usage_problem][flags]") {
    Db db;
    db.exec("CREATE TABLE u(x TEXT, p AS (maas_usage_problem(x)))");
    db.exec("CREATE INDEX u_problem ON u(maas_usage_problem(x))");
    db.exec("INSERT INTO u(x) VALUES ('{''input'':1,''total'':2}'), ('{}'), ('\\N')");
    db.exec("CREATE VIEW refused AS SELECT x FROM u WHERE maas_usage_problem(x) IS NOT NULL");
    db.exec("PRAGMA trusted_schema = OFF");
    CHECK(db.value("SELECT count(*) FROM refused") == "1");
    CHECK(db.value("SELECT p FROM u WHERE p IS NOT NULL") ==
          "usage: usage_details.total (2) is not the sum of the other keys (1)");
    CHECK(db.value("SELECT count(*) FROM u WHERE maas_usage_problem(x) IS NULL") == "2");
}

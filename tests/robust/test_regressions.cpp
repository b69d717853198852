// test_regressions.cpp - one minimal test per bug found by the hostile-input
// tests and the fuzzers (see the report of the robustness work).  Each test
// states the right answer; it fails until the bug is fixed.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "robust_support.hpp"
#include "sql_fixture.hpp"

using namespace robust;

namespace {

const char* kHeader = "provider,model,service,item,label,price,unit,currency,effective_from,source\n";

// The error message of a statement with its arguments bound ("" if none).
std::string error_of(Db& db, const std::string& sql, const std::vector<Value>& args) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        return sqlite3_errmsg(db.handle());
    for (size_t k = 0; k < args.size(); ++k) bind(stmt, int(k + 1), args[k]);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    std::string message = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db.handle());
    sqlite3_finalize(stmt);
    return message;
}

}  // namespace

// Bug: maas_usage_tokens read `which` (now `kind`) as a C string, so the bytes after an
// embedded NUL were ignored and 'input\0zzz' counted as 'input'.
TEST_CASE("regression: maas_usage_tokens refuses a `which` with bytes after a NUL", "[robust][regression]") {
    Db db;
    const Case c{"maas_usage_tokens",
                 {text(R"({"prompt_tokens":5})"), text(std::string("input\0zzz", 9))},
                 error("maas_usage_tokens: kind must be 'input', 'output', 'cached_input', 'cache_write', "
                       "'uncached_input' or 'reasoning', got 'input?zzz'"),
                 ""};
    const std::string mismatch = run(db.handle(), c);
    INFO(mismatch);
    CHECK(mismatch.empty());
}

// Bug: maas_load_card opened the path as a C string, so 'card.csv\0.txt'
// opened card.csv: a NUL truncated the file name (the classic NUL-byte
// injection past a suffix check).
TEST_CASE("regression: maas_load_card refuses a path holding a NUL byte", "[robust][regression]") {
    TempDir dir;
    const std::string card = dir.write(
        "card.csv", std::string(kHeader) + "acme,Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,t\n");
    Db db;
    const std::string message = error_of(db, "SELECT maas_load_card(?1)", {text(card + std::string(1, '\0') + ".txt")});
    CHECK(message.rfind("maas_load_card: path ", 0) == 0);
    CHECK(db.is_null("SELECT maas_model('Robust-1')"));  // nothing was loaded
}

// Bug: maas_rates serves `item = ?` itself (omit = 1) but matched the value
// as a C string of any type, so a BLOB with the bytes of 'input', or
// 'input' || char(0) || 'x', returned the 25 input rows; in SQL neither
// equals 'input'.  Checked against a plain copy of the table.
TEST_CASE("regression: maas_rates WHERE item/model/lookup answers exactly like a plain table", "[robust][regression]") {
    Db db;
    db.exec("CREATE TEMP TABLE copy AS SELECT * FROM maas_rates");
    const std::vector<Value> probes = {
        text("input"),
        text("INPUT"),
        text("lora_merge"),
        text(std::string("input\0x", 7)),
        text(std::string("input\0", 6)),
        blob("input"),
        blob("lora"),
        integer(1),
        real(1.5),
        null(),
        text("Qwen3-8B"),
        text("qwen3-8b"),
        blob("Qwen3-8B"),
        text(std::string("Qwen3-8B\0", 9)),
        text(""),
    };
    int checked = 0;
    for (const char* column : {"item", "model"}) {
        for (const char* collation : {"", " COLLATE NOCASE", " COLLATE RTRIM"}) {
            for (const Value& probe : probes) {
                const std::string where = std::string(" WHERE ") + column + " = ?1" + collation;
                const std::string vtab = "SELECT count(*) FROM maas_rates" + where;
                const std::string plain = "SELECT count(*) FROM copy" + where;
                Case a{"", {probe}, is_integer(0), vtab};
                Case b{"", {probe}, is_integer(0), plain};
                // The plain table's count is the expected one.
                sqlite3_stmt* stmt = nullptr;
                REQUIRE(sqlite3_prepare_v2(db.handle(), plain.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
                bind(stmt, 1, probe);
                REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
                a.expect = is_integer(sqlite3_column_int64(stmt, 0));
                sqlite3_finalize(stmt);
                const std::string mismatch = run(db.handle(), a);
                INFO(mismatch);
                CHECK(mismatch.empty());
                ++checked;
            }
        }
    }
    CHECK(checked == 90);
}

// Bug: a deployment cost too SMALL for the decimal exponent range (hours
// '1e-99999' at 6.39 per node-hour is 6.39e-99999) was reported as "the cost
// is too large to compute exactly"; the nearest double is 0.
TEST_CASE("regression: a vanishingly small deployment cost is 0.0, not 'too large'", "[robust][regression]") {
    Db db;
    CHECK(db.error("SELECT maas_deployment_cost('Spark Lite Instruct', '1e-99999')") == "");
    CHECK(db.error("SELECT maas_builtin_deployment_cost('Spark Lite Instruct', '1e-99999')") == "");
    CHECK(db.real("SELECT maas_deployment_cost('Spark Lite', '1e-99999')") == 0.0);  // price 10: fine today
}

// Bug: maas_load_card put the path and the card's field values into its
// error message byte for byte, so an invalid UTF-8 name or field made
// sqlite3_errmsg() return invalid UTF-8 (Python's sqlite3, for one, then
// fails to decode the error).  The argument readers cut such text at the
// first invalid byte; maas_load_card should too.
TEST_CASE("regression: maas_load_card error messages are valid UTF-8", "[robust][regression]") {
    TempDir dir;
    const std::string card = dir.write("bad.csv", std::string(kHeader) +
                                                      "acme,M,inference,input,in,0.00\xff,k_tokens,CNY,2025-01-01,x\n");
    Db db;
    const std::string missing = error_of(db, "SELECT maas_load_card(?1)", {text(dir.path() + "/no\xff\xfe.csv")});
    CHECK(missing.rfind("maas_load_card: cannot read '" + dir.path() + "/no", 0) == 0);
    CHECK(valid_utf8(missing));
    const std::string bad_field = error_of(db, "SELECT maas_load_card(?1)", {text(card)});
    CHECK(bad_field.rfind("maas_load_card: " + card + ":2: price: '0.00", 0) == 0);
    CHECK(valid_utf8(bad_field));
}

// Bug (minor): an empty but readable card file was reported as unreadable;
// the card parser's own message says what is wrong.
TEST_CASE("regression: an empty card file is reported as empty, not unreadable", "[robust][regression]") {
    TempDir dir;
    const std::string card = dir.write("empty.csv", "");
    Db db;
    CHECK(error_of(db, "SELECT maas_load_card(?1)", {text(card)}) ==
          "maas_load_card: " + card + ":1: empty file (expected a header line)");
}

// Bug: maas_rates and maas_aliases put a bad user row's text into their
// error message byte for byte, so sqlite3_errmsg() returned invalid UTF-8
// (the functions' messages were made valid UTF-8; the tables' were not).
TEST_CASE("regression: maas_rates and maas_aliases error messages are valid UTF-8", "[robust][regression]") {
    Db db;
    db.exec(read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) "
            "VALUES ('acme', 'M', 'inference', 'input', '0.0\xff', 'k_tokens', 'CNY', '2025-01-01')");
    const std::string row = "maas_user_rates rowid 1: price: '0.0";
    const std::string rates = db.error("SELECT count(*) FROM maas_rates");
    CHECK(rates.rfind("maas_rates: " + row, 0) == 0);
    CHECK(valid_utf8(rates));
    const std::string aliases = db.error("SELECT count(*) FROM maas_aliases");
    CHECK(aliases.rfind("maas_aliases: " + row, 0) == 0);
    CHECK(valid_utf8(aliases));
    const std::string cost = db.error("SELECT maas_cost('Qwen3-8B', 1, 1)");
    CHECK(cost.rfind("maas_cost: " + row, 0) == 0);
    CHECK(valid_utf8(cost));
}

// Bug (found by fuzz_time_decimal): a time whose offset took it outside the
// years 0000-9999 in UTC was accepted, then shown by maas_rates as
// '10000-01-01 13:00:00' or '-001-12-31 23:00:00': text that neither sorts
// with datetime() nor parses again.
TEST_CASE("regression: times outside the years 0000-9999 in UTC are refused", "[robust][regression]") {
    TempDir dir;
    const std::string card = dir.write(
        "far.csv", std::string(kHeader) + "acme,Far,inference,input,in,0.1,k_tokens,CNY,9999-12-31T23:00:00-14:00,s\n");
    Db db;
    CHECK(error_of(db, "SELECT maas_load_card(?1)", {text(card)}) ==
          "maas_load_card: " + card +
              ":2: effective_from: '9999-12-31T23:00:00-14:00' is not a time such as 2025-07-08T13:25:00+08:00");
    const std::string at = "maas_cost: at must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' "
                           "or unix seconds, got ";
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, '0000-01-01T00:00:00+01:00')") ==
          at + "'0000-01-01T00:00:00+01:00'");
    CHECK(
        db.is_null("SELECT maas_cost('Qwen3-8B', 1, 1, '0000-01-01T00:00:00-01:00')"));  // 01:00 UTC: before any price
    CHECK(db.real("SELECT maas_cost('Qwen3-8B', 230, 300, '9999-12-31T23:59:59.999Z')") == 0.001615);
}

// Bug: valid instants were bounded three ways (TEXT: years 0000-9999;
// INTEGER `at`: +-253402300800 s; the user's tables: years 0001-9999), so
// -200000000000 (year -4368) was priced as "before the first price" while
// '-0001-01-01' was an error, and a user price from 0000-06-01 given as unix
// seconds was refused while the same instant as text was accepted.  Now one
// range (time_text.hpp) serves all three.
TEST_CASE("regression: one range of valid instants for TEXT, INTEGER and user-table times", "[robust][regression]") {
    Db db;
    const std::string at = "maas_cost: at must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' "
                           "or unix seconds, got ";
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, -200000000000)") == at + "-200000000000");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, '-200000000000')") == at + "'-200000000000'");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, '-0001-01-01')") == at + "'-0001-01-01'");
    CHECK(db.is_null("SELECT maas_cost('Qwen3-8B', 1, 1, -62167219200)"));  // 0000-01-01 00:00:00
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1, -62167219201)") == at + "-62167219201");
    db.exec_file(std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql");
    // 0000-06-01 00:00:00 UTC as unix seconds, then as text: the same price line.
    db.exec("INSERT INTO maas_user_rates (provider, model, service, item, label, price, unit, currency, "
            "effective_from, source) VALUES ('acme', 'Old', 'inference', 'input', 'in', '1', 'k_tokens', 'CNY', "
            "-62154086400, 's'), ('acme', 'Old', 'inference', 'output', 'out', '2', 'k_tokens', 'CNY', "
            "'0000-06-01 00:00:00', 's')");
    CHECK(db.value("SELECT group_concat(effective_from, '|') FROM maas_rates WHERE model = 'Old'") ==
          "0000-06-01 00:00:00|0000-06-01 00:00:00");
    CHECK(db.real("SELECT maas_cost('Old', 1000, 1000, '0000-06-01')") == 3.0);
}

namespace {

// maas_bill_json over `calls` (at, model, input, output), in time order.
std::string bill_of(const std::string& calls) {
    return "SELECT maas_bill_json('2026-03-01', '2026-04-01', at, model, input, 0, 0, output) FROM (SELECT * FROM (" +
           calls + ") ORDER BY at)";
}

}  // namespace

// Bug: a bill line's quantity (the sum of its calls' tokens, each up to
// INT64_MAX) was added in int64 without a check: two calls of INT64_MAX
// input tokens showed "quantity":-2 beside an exact list amount (signed
// overflow, undefined behaviour).  Now an error, as every amount too large
// for exact arithmetic is.
TEST_CASE("regression: maas_bill_json's quantity does not wrap over calls of INT64_MAX tokens",
          "[robust][regression][packs]") {
    Db db;
    const std::string one = "SELECT '2026-03-02' AS at, 'Qwen3-8B' AS model, 9223372036854775807 AS input, 0 AS output";
    // 9223372036854775807 x 0.0000005 = 4611686018427.3879035
    CHECK(
        db.value(
            "SELECT json_extract(j, '$.lines[0].quantity') || '|' || json_extract(j, '$.lines[0].list') FROM (SELECT (" +
            bill_of(one) + ") AS j)") == "9223372036854775807|4611686018427.3879035");
    CHECK(db.error(bill_of(one + " UNION ALL SELECT '2026-03-03', 'Qwen3-8B', 9223372036854775807, 0")) ==
          "maas_bill_json: an amount is too large for exact arithmetic");
    CHECK(db.error(bill_of(one + " UNION ALL SELECT '2026-03-03', 'Qwen3-8B', 1, 0")) ==
          "maas_bill_json: an amount is too large for exact arithmetic");
}

// Bug: a money pack of 38 digits passed the row check, then made every call
// it covered fail with "maas_bill_json: maas_bill: an amount is too large
// for exact arithmetic": no row named, and a function that does not exist.
// The messages of calls out of order said "maas_bill:" too.
TEST_CASE("regression: maas_bill_json names the pack too large to apply, and only itself",
          "[robust][regression][packs]") {
    Db db;
    db.exec_file(std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql");
    db.exec("INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, valid_from, "
            "valid_until) VALUES ('small', 'iflytek-xingchen', '*', '*', '0.0001', 'money', 'CNY', '2026-03-01', "
            "'2026-04-01'), ('huge', 'iflytek-xingchen', '*', '*', '" +
            std::string(38, '9') + "', 'money', 'CNY', '2026-03-01', '2026-04-01')");
    const std::string call = "SELECT '2026-03-02' AS at, 'Qwen3-8B' AS model, 1000 AS input, 0 AS output";
    // The first pack covers 0.0001 of the call's 0.0005; the second would take the rest.
    CHECK(db.error(bill_of(call)) == "maas_bill_json: maas_user_packs rowid 2: size: '" + std::string(38, '9') +
                                         "' is too large to apply exactly (an amount is too large for exact "
                                         "arithmetic)");
    // A call the first pack covers whole never reaches the second.
    CHECK(db.value("SELECT json_extract(j, '$.packs[1].used') FROM (SELECT (" +
                   bill_of("SELECT '2026-03-02' AS at, 'Qwen3-8B' AS model, 200 AS input, 0 AS output") + ") AS j)") ==
          "0");
    CHECK(db.error("SELECT maas_bill_json('2026-03-01', '2026-04-01', at, 'Qwen3-8B', 1, 0, 0, 1) FROM "
                   "(SELECT '2026-03-03' AS at UNION ALL SELECT '2026-03-02')") ==
          "maas_bill_json: calls must come in time order (at 2026-03-02 00:00:00 after 2026-03-03 00:00:00): feed "
          "them from a subquery ordered by at");
}

// Bug: a priority of more than 9 digits (refused, as it may not fit an
// int64) was reported as "'10000000000' is not a whole number": the message
// said the value was something it is.
TEST_CASE("regression: a priority of 10 digits is refused for its range, not as 'not a whole number'",
          "[robust][regression][packs]") {
    Db db;
    db.exec_file(std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql");
    db.exec("INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, valid_from, "
            "valid_until, priority) VALUES ('p', 'iflytek-xingchen', '*', '*', '10', 'tokens', NULL, '2026-03-01', "
            "'2026-04-01', 1e10)");  // INTEGER affinity: stored as 10000000000
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1)") ==
          "maas_cost: maas_user_packs rowid 1: priority: '10000000000' is not a whole number from -999999999 to "
          "999999999");
    db.exec("UPDATE maas_user_packs SET priority = 999999999");
    CHECK(db.real("SELECT maas_cost('Qwen3-8B', 1000, 0)") == 0.0005);
}

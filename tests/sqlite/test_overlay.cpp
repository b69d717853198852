// test_overlay.cpp - prices that change: versions in time, the user's own
// prices and aliases in maas_user_rates / maas_user_aliases, card files
// loaded with maas_load_card(), and when changes are seen.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "sql_fixture.hpp"

namespace {

const char* kUserTablesPath = MAAS_SOURCE_DIR "/sql/user_tables.sql";

std::string read_file(const char* path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void user_tables(Db& db) { db.exec(read_file(kUserTablesPath)); }

// The acceptance line: DeepSeek-V3 output raised to 0.016 from 2026-01-01.
const char* kRaise =
    "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)"
    " VALUES ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'output', '0.016', 'k_tokens', 'CNY',"
    " '2026-01-01 00:00:00', 'test')";

std::string temp_path(const char* name) { return std::string("/tmp/maas-test-") + name; }

}  // namespace

TEST_CASE("a user price version is used from its effective time on", "[overlay][acceptance]") {
    Db db;
    user_tables(db);
    db.exec(kRaise);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2025-12-31 23:59:59')") == 0.008);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2026-01-01 00:00:00')") == 0.016);
    CHECK(db.is_null("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2025-01-01')"));  // before the first version
    // Without `at`: the newest version.
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000)") == 0.016);
    // The same instant in other forms.
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2026-01-01T08:00:00+08:00')") == 0.016);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2026-01-01T07:59:59.999+08:00')") == 0.008);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, 1767225600)") == 0.016);  // unix seconds
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, 1767225599)") == 0.008);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2026-01-01')") == 0.016);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '1767225600')") == 0.016);  // seconds as TEXT (CSV)
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '1767225599')") == 0.008);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2026-01-01 08:00:00+08')") == 0.016);  // PostgreSQL
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2026-01-01 07:59:59+0800')") == 0.008);
    // The input price has one version, in force from 2025-07-08 13:25 Beijing time.
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 1000, 0, '2025-07-08 05:25:00')") == 0.002);
    CHECK(db.is_null("SELECT maas_cost('DeepSeek-V3', 1000, 0, '2025-07-08 05:24:59')"));
    // Every function takes `at`.
    CHECK(db.real("SELECT maas_price('DeepSeek-V3', 'output', '2025-12-31')") == 0.008);
    CHECK(db.real("SELECT maas_price('DeepSeek-V3', 'output', '2026-06-01')") == 0.016);
    CHECK(db.real("SELECT maas_training_cost('DeepSeek-V3', 'lora', 1000, 1, '2026-06-01')") == 0.7);
    CHECK(db.is_null("SELECT maas_training_cost('DeepSeek-V3', 'lora', 1000, 1, '2024-06-01')"));
    CHECK(db.real("SELECT maas_deployment_cost('DeepSeek-V3', 1, 1, '2026-06-01')") == 150.0);
    // The built-in family ignores the user's prices.
    CHECK(db.real("SELECT maas_builtin_cost('DeepSeek-V3', 0, 1000)") == 0.008);
    CHECK(db.real("SELECT maas_builtin_cost('DeepSeek-V3', 0, 1000, '2026-06-01')") == 0.008);
    CHECK(db.real("SELECT maas_builtin_price('DeepSeek-V3', 'output')") == 0.008);
}

TEST_CASE("maas_rates shows versions and origins", "[overlay][rates]") {
    Db db;
    user_tables(db);
    db.exec(kRaise);
    const auto rows = db.rows("SELECT price_text, effective_from, effective_to, origin, source FROM maas_rates"
                              " WHERE model = 'DeepSeek-V3' AND item = 'output' ORDER BY effective_from");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"0.008", "2025-07-08 05:25:00", "2026-01-01 00:00:00", "builtin",
                                              "https://maas.xfyun.cn/account?type=illustrate"});
    CHECK(rows[1] == std::vector<std::string>{"0.016", "2026-01-01 00:00:00", "NULL", "user", "test"});
    CHECK(db.value("SELECT count(*) FROM maas_rates") == "132");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE origin = 'builtin'") == "131");
    // effective_from compares with datetime() output.
    CHECK(db.value("SELECT price_text FROM maas_rates WHERE model = 'DeepSeek-V3' AND item = 'output'"
                   " AND effective_from <= datetime('2025-12-31 12:00:00')"
                   " AND (effective_to IS NULL OR effective_to > datetime('2025-12-31 12:00:00'))") == "0.008");
}

TEST_CASE("a user line with a built-in line's key replaces it, others add", "[overlay]") {
    Db db;
    user_tables(db);
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, label, price, unit, currency,"
            " effective_from, source) VALUES"
            " ('iflytek-xingchen', 'Qwen3-8B', 'inference', 'input', '输入', '0.0004', 'k_tokens', 'CNY',"
            "  '2025-07-08T13:25:00+08:00', 'negotiated'),"
            " ('acme', 'Acme-1', 'inference', 'input', NULL, '0.5', 'k_tokens', 'USD', '2025-01-01', NULL),"
            " ('acme', 'Acme-1', 'inference', 'output', NULL, 1.5, 'k_tokens', 'USD', 1735689600, NULL)");
    CHECK(db.value("SELECT count(*) FROM maas_rates") == "133");
    CHECK(db.value("SELECT origin || ' ' || price_text FROM maas_rates WHERE model = 'Qwen3-8B' AND item = 'input'") ==
          "user 0.0004");
    CHECK(db.real("SELECT maas_cost('Qwen3-8B', 1000, 0)") == 0.0004);
    CHECK(db.real("SELECT maas_builtin_cost('Qwen3-8B', 1000, 0)") == 0.0005);
    // A new provider and currency: the cost is in the line's currency.
    CHECK(db.real("SELECT maas_cost('acme-1', 1000, 1000)") == 2.0);
    CHECK(db.value("SELECT group_concat(currency || ' ' || provider || ' ' || effective_from, '; ') FROM maas_rates"
                   " WHERE model = 'Acme-1'") == "USD acme 2025-01-01 00:00:00; USD acme 2025-01-01 00:00:00");
    CHECK(db.is_null("SELECT maas_builtin_cost('Acme-1', 1000, 1000)"));
}

TEST_CASE("a model of two providers must be named with its provider", "[overlay]") {
    Db db;
    user_tables(db);
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from)"
            " VALUES ('other-cloud', 'DeepSeek-V3', 'inference', 'input', '0.001', 'k_tokens', 'CNY', '2025-01-01'),"
            " ('other-cloud', 'DeepSeek-V3', 'inference', 'output', '0.004', 'k_tokens', 'CNY', '2025-01-01')");
    CHECK(db.error("SELECT maas_cost('DeepSeek-V3', 1000, 1000)") ==
          "maas_cost: model must be a model of one provider (write it as 'provider/model'), got 'DeepSeek-V3'");
    CHECK(db.real("SELECT maas_cost('other-cloud/DeepSeek-V3', 1000, 1000)") == 0.005);
    CHECK(db.real("SELECT maas_cost('iflytek-xingchen/deepseek-v3', 1000, 1000)") == 0.01);
}

TEST_CASE("user aliases are honoured by the very next statement", "[overlay][aliases]") {
    Db db;
    user_tables(db);
    CHECK(db.is_null("SELECT maas_cost('my-ds', 1000, 1000)"));
    db.exec("INSERT INTO maas_user_aliases(alias, model, source) VALUES ('my-ds', 'DeepSeek-V3', 'our gateway')");
    CHECK(db.real("SELECT maas_cost('my-ds', 1000, 1000)") == 0.01);
    CHECK(db.real("SELECT maas_cost('MY-DS', 1000, 1000)") == 0.01);
    CHECK(db.value("SELECT maas_model('my-ds')") == "DeepSeek-V3");
    CHECK(db.is_null("SELECT maas_builtin_model('my-ds')"));
    CHECK(db.rows("SELECT alias, model, provider, source, origin FROM maas_aliases WHERE origin = 'user'") ==
          std::vector<std::vector<std::string>>{{"my-ds", "DeepSeek-V3", "iflytek-xingchen", "our gateway", "user"}});
    // maas_rates finds a model by alias through its hidden `lookup` column.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE lookup = 'my-ds'") == "4");
    CHECK(db.value("SELECT count(*) FROM maas_rates('MY-DS')") == "4");
    CHECK(db.value("SELECT group_concat(lookup) FROM maas_rates('my-ds') WHERE item = 'input'") == "my-ds");
    CHECK(db.rows("EXPLAIN QUERY PLAN SELECT * FROM maas_rates WHERE lookup = 'my-ds'").at(0).at(3) ==
          "SCAN maas_rates VIRTUAL TABLE INDEX 4:");
    db.exec("DELETE FROM maas_user_aliases");
    CHECK(db.is_null("SELECT maas_cost('my-ds', 1000, 1000)"));
}

TEST_CASE("a prepared statement run again sees changes made in between", "[overlay][aliases]") {
    Db db;
    user_tables(db);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db.handle(), "SELECT maas_cost('my-ds', 1000, 1000)", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_type(stmt, 0) == SQLITE_NULL);
    sqlite3_reset(stmt);
    db.exec("INSERT INTO maas_user_aliases(alias, model) VALUES ('my-ds', 'DeepSeek-V3')");
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_double(stmt, 0) == 0.01);
    sqlite3_finalize(stmt);
}

TEST_CASE("transactions: changes are seen inside, and undone by ROLLBACK and ROLLBACK TO", "[overlay][txn]") {
    Db db;
    user_tables(db);
    db.exec("BEGIN");
    db.exec(kRaise);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000)") == 0.016);
    db.exec("ROLLBACK");
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000)") == 0.008);

    db.exec("BEGIN");
    db.exec("SAVEPOINT s");
    db.exec("INSERT INTO maas_user_aliases(alias, model) VALUES ('tmp', 'Qwen3-8B')");
    CHECK(db.value("SELECT maas_model('tmp')") == "Qwen3-8B");
    db.exec("ROLLBACK TO s");
    CHECK(db.is_null("SELECT maas_model('tmp')"));
    db.exec("COMMIT");
    CHECK(db.is_null("SELECT maas_model('tmp')"));
}

TEST_CASE("changes committed by another connection are seen by the next statement", "[overlay][connections]") {
    const std::string path = temp_path("two-connections.db");
    std::remove(path.c_str());
    Db reader(true, path.c_str());
    Db writer(false, path.c_str());
    user_tables(writer);
    CHECK(reader.real("SELECT maas_cost('DeepSeek-V3', 0, 1000)") == 0.008);
    writer.exec(kRaise);
    CHECK(reader.real("SELECT maas_cost('DeepSeek-V3', 0, 1000)") == 0.016);
    writer.exec("INSERT INTO maas_user_aliases(alias, model) VALUES ('x-v3', 'DeepSeek-V3')");
    CHECK(reader.value("SELECT maas_model('x-v3')") == "DeepSeek-V3");
    writer.exec("DROP TABLE maas_user_aliases");
    CHECK(reader.is_null("SELECT maas_model('x-v3')"));
    std::remove(path.c_str());
}

TEST_CASE("the user tables are read once per statement, not per row", "[overlay][cost]") {
    Db db;
    user_tables(db);
    db.exec(kRaise);
    db.exec("CREATE TABLE logs(model TEXT, p INTEGER, c INTEGER)");
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
            " INSERT INTO logs SELECT 'DeepSeek-V3', i, i FROM n");
    static int reads;
    reads = 0;
    sqlite3_trace_v2(
        db.handle(), SQLITE_TRACE_STMT,
        [](unsigned, void*, void*, void* sql) {
            if (std::string(static_cast<const char*>(sql)).find("maas_user_rates") != std::string::npos) ++reads;
            return 0;
        },
        nullptr);
    // sum over i of (i x 0.002 + i x 0.016) / 1000 = 50005000 x 0.018 / 1000
    CHECK(db.real("SELECT sum(maas_cost(model, p, c)) FROM logs") == Approx(900.09));
    CHECK(reads <= 2);  // the schema probe names the table; the table itself is read at most once
    const int after_first = reads;
    CHECK(db.real("SELECT sum(maas_cost(model, p, c)) FROM logs") == Approx(900.09));
    CHECK(reads == after_first);  // nothing changed: not read again
    // An INSERT ... SELECT changes rows on every row: still one read per statement.
    db.exec("CREATE TABLE costs(cost REAL)");
    reads = 0;
    db.exec("INSERT INTO costs SELECT maas_cost(model, p, c) FROM logs");
    CHECK(reads <= 2);
    sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
}

TEST_CASE("without the change counter the tables are re-read every statement", "[overlay]") {
    Db db;
    db.exec("CREATE TABLE maas_user_aliases(alias TEXT, model TEXT, source TEXT)");
    db.exec("INSERT INTO maas_user_aliases VALUES ('a1', 'Qwen3-8B', NULL)");
    CHECK(db.value("SELECT maas_model('a1')") == "Qwen3-8B");
    db.exec("UPDATE maas_user_aliases SET model = 'Qwen3-4B'");
    CHECK(db.value("SELECT maas_model('a1')") == "Qwen3-4B");
}

TEST_CASE("a bad user row is an error naming table, rowid and column", "[overlay][errors]") {
    Db db;
    user_tables(db);
    db.exec(kRaise);  // rowid 1, fine
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from)"
            " VALUES ('acme', 'A', 'inference', 'input', '0.0x', 'k_tokens', 'CNY', '2026-01-01')");
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1)") ==
          "maas_cost: maas_user_rates rowid 2: price: '0.0x' is not a non-negative decimal such as 0.00075");
    CHECK(db.error("SELECT count(*) FROM maas_rates") ==
          "maas_rates: maas_user_rates rowid 2: price: '0.0x' is not a non-negative decimal such as 0.00075");
    CHECK(db.real("SELECT maas_builtin_cost('Qwen3-8B', 1000, 0)") == 0.0005);  // the built-in card still works

    db.exec("UPDATE maas_user_rates SET price = '0.01', unit = 'per_call' WHERE rowid = 2");
    CHECK(
        db.error("SELECT maas_price('Qwen3-8B', 'input')") ==
        "maas_price: maas_user_rates rowid 2: unit: 'per_call' is not k_tokens, m_tokens, request, node_hour or hour");
    db.exec("UPDATE maas_user_rates SET unit = 'k_tokens', item = 'cached' WHERE rowid = 2");
    CHECK(db.error("SELECT maas_model('x')") ==
          "maas_model: maas_user_rates rowid 2: item: 'cached' is not input, output, cached_input, cache_write, "
          "request, deployment, lora, full or lora_merge");
    db.exec("UPDATE maas_user_rates SET item = 'input', effective_from = 'soon' WHERE rowid = 2");
    CHECK(db.error("SELECT maas_model('x')") ==
          "maas_model: maas_user_rates rowid 2: effective_from: 'soon' is not a time such as "
          "2025-07-08T13:25:00+08:00");
    // Two versions of one line at the same instant overlap.
    db.exec("UPDATE maas_user_rates SET provider = 'iflytek-xingchen', model = 'DeepSeek-V3', item = 'output',"
            " effective_from = '2026-01-01T08:00:00+08:00' WHERE rowid = 2");
    CHECK(db.error("SELECT maas_model('x')") ==
          "maas_model: maas_user_rates rowid 2: effective_from: a second line for iflytek-xingchen DeepSeek-V3 "
          "output from 2026-01-01 00:00:00 (the first is maas_user_rates rowid 1)");
    db.exec("DELETE FROM maas_user_rates WHERE rowid = 2");
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000)") == 0.016);

    db.exec("INSERT INTO maas_user_aliases(alias, model) VALUES ('ghost', 'GPT-9')");
    CHECK(db.error("SELECT maas_cost('DeepSeek-V3', 0, 1000)") ==
          "maas_cost: maas_user_aliases rowid 1: model: 'GPT-9' is not a known model");
    CHECK(db.error("SELECT * FROM maas_aliases") ==
          "maas_aliases: maas_user_aliases rowid 1: model: 'GPT-9' is not a known model");
    db.exec("UPDATE maas_user_aliases SET alias = 'Qwen3-8B', model = 'DeepSeek-V3'");
    CHECK(db.error("SELECT maas_cost('DeepSeek-V3', 0, 1000)") ==
          "maas_cost: maas_user_aliases rowid 1: alias: 'Qwen3-8B' is already the name of another model");
    db.exec("DELETE FROM maas_user_aliases");
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000)") == 0.016);
}

TEST_CASE("at: bad instants are errors naming the function", "[overlay][errors]") {
    Db db;
    const std::string must = " must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or unix "
                             "seconds, got ";
    CHECK(db.error("SELECT maas_cost('DeepSeek-V3', 1, 1, 'yesterday')") == "maas_cost: at" + must + "'yesterday'");
    CHECK(db.error("SELECT maas_cost('DeepSeek-V3', 1, 1, '2025-02-30')") == "maas_cost: at" + must + "'2025-02-30'");
    CHECK(db.error("SELECT maas_price('DeepSeek-V3', 'input', 1.5)") == "maas_price: at" + must + "1.5");
    CHECK(db.error("SELECT maas_training_cost('DeepSeek-V3', 'lora', 1, 1, x'00')") ==
          "maas_training_cost: at" + must + "a BLOB");
    CHECK(db.error("SELECT maas_builtin_deployment_cost('DeepSeek-V3', 1, 1, '')") ==
          "maas_builtin_deployment_cost: at" + must + "''");
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, 'now')") == 0.008);
    CHECK(db.is_null("SELECT maas_cost('DeepSeek-V3', 0, 1000, NULL)"));
}

TEST_CASE("maas_load_card adds a card file's lines, atomically", "[overlay][load_card]") {
    Db db;
    const std::string good = temp_path("good-card.csv"), bad = temp_path("bad-card.csv");
    {
        std::ofstream f(good);
        f << "provider,model,service,item,label,price,unit,currency,effective_from,source\n"
             "iflytek-xingchen,DeepSeek-V3,inference,output,输出,0.016,k_tokens,CNY,2026-01-01T00:00:00Z,2026 page\n"
             "acme,Acme-2,inference,input,,0.25,k_tokens,USD,2025-01-01,\n"
             "acme,Acme-2,inference,output,,0.75,k_tokens,USD,2025-01-01,\n";
    }
    {
        std::ofstream f(bad);
        f << "provider,model,service,item,label,price,unit,currency,effective_from,source\n"
             "acme,Acme-3,inference,input,,0.25,k_tokens,USD,2025-01-01,\n"
             "acme,Acme-3,inference,output,,free,k_tokens,USD,2025-01-01,\n";
    }
    CHECK(db.value("SELECT maas_load_card('" + good + "')") == "3");
    CHECK(db.value("SELECT count(*) FROM maas_rates") == "134");
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 0, 1000, '2026-02-01')") == 0.016);
    CHECK(db.real("SELECT maas_cost('Acme-2', 1000, 1000)") == 1.0);
    CHECK(db.value("SELECT origin || ' ' || source FROM maas_rates WHERE model = 'Acme-2' AND item = 'input'") ==
          "user ");
    CHECK(db.error("SELECT maas_load_card('" + bad + "')") ==
          "maas_load_card: " + bad + ":3: price: 'free' is not a non-negative decimal such as 0.00075");
    CHECK(db.value("SELECT count(*) FROM maas_rates") == "134");  // nothing of the bad file
    CHECK(db.is_null("SELECT maas_cost('Acme-3', 1000, 1000)"));
    CHECK(db.error("SELECT maas_load_card('/nonexistent/card.csv')") ==
          "maas_load_card: cannot read '/nonexistent/card.csv'");
    CHECK(db.error("SELECT maas_load_card(42)") == "maas_load_card: path must be a file name (TEXT), got 42");
    // Loading the same file again replaces its lines rather than doubling them.
    CHECK(db.value("SELECT maas_load_card('" + good + "')") == "3");
    CHECK(db.value("SELECT count(*) FROM maas_rates") == "134");
    // Another connection does not see this connection's loaded cards.
    Db other;
    CHECK(other.value("SELECT count(*) FROM maas_rates") == "131");
    std::remove(good.c_str());
    std::remove(bad.c_str());
}

// test_security.cpp - what a hostile database file can and cannot make the
// extension do, that it never writes unless asked, and that a failed
// maas_load_card keeps every earlier price.
//
// maas_load_card reads files: SQLITE_DIRECTONLY, so SQLite refuses it in any
// view, trigger or generated column.  The maas_* functions that read the
// user's price tables are not SQLITE_INNOCUOUS, so under
// PRAGMA trusted_schema=OFF SQLite refuses them in views and triggers;
// maas_builtin_*, maas_usage_tokens, maas_version, maas_rates and
// maas_aliases are innocuous and keep working there.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "maas_version.h"
#include "robust_support.hpp"
#include "sql_fixture.hpp"

using namespace robust;

namespace {

const char* kHeader = "provider,model,service,item,label,price,unit,currency,effective_from,source\n";

// A card that, were it ever loaded, would add the model Robust-1.
std::string card_text() {
    return std::string(kHeader) + "acme,Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,t\n"
                                  "acme,Robust-1,inference,output,out,0.002,k_tokens,CNY,2025-01-01,t\n";
}

// Builds the hostile database: views and triggers over every function.
void build_hostile(const std::string& path, const std::string& card) {
    Db db(true, path.c_str());
    const std::string usage = R"('{"prompt_tokens":230,"completion_tokens":300}')";
    db.exec("CREATE TABLE t(x); CREATE TABLE log(v); CREATE TABLE log2(v);"
            "CREATE VIEW v_load AS SELECT maas_load_card('" +
            card +
            "') AS v;"
            "CREATE VIEW v_cost AS SELECT maas_cost('Qwen3-8B', 230, 300) AS v;"
            "CREATE VIEW v_training AS SELECT maas_training_cost('Qwen3-8B', 'lora', 1000000, 3) AS v;"
            "CREATE VIEW v_deployment AS SELECT maas_deployment_cost('DeepSeek-V3', 24, 2) AS v;"
            "CREATE VIEW v_price AS SELECT maas_price('Qwen3-8B', 'input') AS v;"
            "CREATE VIEW v_model AS SELECT maas_model('qwen3-8b') AS v;"
            "CREATE VIEW v_usage AS SELECT maas_usage_cost('Qwen3-8B', " +
            usage +
            ") AS v;"
            "CREATE VIEW v_builtin AS SELECT maas_builtin_cost('Qwen3-8B', 230, 300) || '|' || "
            "  maas_builtin_training_cost('Qwen3-8B', 'lora', 1000000, 3) || '|' || "
            "  maas_builtin_deployment_cost('DeepSeek-V3', 24, 2) || '|' || maas_builtin_price('Qwen3-8B', 'input') "
            "  || '|' || maas_builtin_model('qwen3-8b') || '|' || maas_usage_tokens(" +
            usage +
            ", 'output') "
            "  || '|' || maas_version() AS v;"
            "CREATE VIEW v_rates AS SELECT count(*) AS v FROM maas_rates WHERE model = 'Qwen3-8B';"
            "CREATE VIEW v_aliases AS SELECT model AS v FROM maas_aliases WHERE alias = 'xop3qwen8b';"
            "CREATE TABLE g(a, b AS (maas_builtin_cost('Qwen3-8B', a, 0)));"
            "CREATE INDEX g_cost ON g(maas_builtin_cost('Qwen3-8B', a, 0));"
            "CREATE TRIGGER t_load AFTER INSERT ON t BEGIN SELECT maas_load_card('" +
            card +
            "'); END;"
            "CREATE TRIGGER log_cost AFTER INSERT ON log WHEN new.v = 'cost' "
            "  BEGIN INSERT INTO log VALUES (maas_cost('Qwen3-8B', 230, 300)); END;"
            "CREATE TRIGGER log_builtin AFTER INSERT ON log2 WHEN new.v = 'builtin' "
            "  BEGIN INSERT INTO log2 VALUES (maas_builtin_cost('Qwen3-8B', 230, 300)); END;");
}

}  // namespace

TEST_CASE("a hostile schema cannot call maas_load_card, nor the user-price functions when untrusted",
          "[robust][security]") {
    TempDir dir;
    const std::string card = dir.write("card.csv", card_text());
    const std::string path = dir.file("hostile.db");
    build_hostile(path, card);

    Db db(true, path.c_str());
    db.exec("PRAGMA trusted_schema = OFF");
    CHECK(db.error("SELECT v FROM v_load") == "unsafe use of maas_load_card()");
    CHECK(db.error("SELECT v FROM v_cost") == "unsafe use of maas_cost()");
    CHECK(db.error("SELECT v FROM v_training") == "unsafe use of maas_training_cost()");
    CHECK(db.error("SELECT v FROM v_deployment") == "unsafe use of maas_deployment_cost()");
    CHECK(db.error("SELECT v FROM v_price") == "unsafe use of maas_price()");
    CHECK(db.error("SELECT v FROM v_model") == "unsafe use of maas_model()");
    CHECK(db.error("SELECT v FROM v_usage") == "unsafe use of maas_usage_cost()");
    CHECK(db.error("INSERT INTO t VALUES (1)") == "unsafe use of maas_load_card()");
    CHECK(db.error("INSERT INTO log VALUES ('cost')") == "unsafe use of maas_cost()");
    CHECK(db.value("SELECT count(*) FROM t") == "0");
    CHECK(db.value("SELECT count(*) FROM log") == "0");
    // The innocuous ones work in views, triggers, generated columns and indexes.
    CHECK(db.value("SELECT v FROM v_builtin") ==
          std::string("0.001615|18.0|7200.0|0.0005|Qwen3-8B|300|") + MAAS_VERSION);
    CHECK(db.value("SELECT v FROM v_rates") == "3");
    CHECK(db.value("SELECT v FROM v_aliases") == "Qwen3-8B");
    db.exec("INSERT INTO log2 VALUES ('builtin'); INSERT INTO g(a) VALUES (1000)");
    CHECK(db.value("SELECT group_concat(v, ',') FROM log2") == "builtin,0.001615");
    CHECK(db.real("SELECT b FROM g WHERE maas_builtin_cost('Qwen3-8B', a, 0) = 0.0005") == 0.0005);
    // Nothing was loaded by any of it.
    CHECK(db.is_null("SELECT maas_model('Robust-1')"));

    // Trusted (the default): the user-price functions run from views, but
    // maas_load_card never does.
    db.exec("PRAGMA trusted_schema = ON");
    CHECK(db.real("SELECT v FROM v_cost") == 0.001615);
    CHECK(db.value("SELECT v FROM v_model") == "Qwen3-8B");
    CHECK(db.error("SELECT v FROM v_load") == "unsafe use of maas_load_card()");
    CHECK(db.error("INSERT INTO t VALUES (1)") == "unsafe use of maas_load_card()");
    CHECK(db.is_null("SELECT maas_model('Robust-1')"));
    // Called directly, it is allowed: the one way to load a card.
    CHECK(db.value("SELECT maas_load_card('" + card + "')") == "2");
    CHECK(db.value("SELECT maas_model('robust-1')") == "Robust-1");
}

TEST_CASE("the user tables of a hostile file cannot make the extension read a file", "[robust][security]") {
    TempDir dir;
    const std::string card = dir.write("card.csv", card_text());
    SECTION("maas_user_rates with a generated column calling maas_load_card (written with writable_schema)") {
        const std::string path = dir.file("hostile-gen.db");
        {
            Db db(true, path.c_str());
            db.exec(read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
            db.exec("PRAGMA writable_schema = ON;"
                    "UPDATE sqlite_master SET sql = replace(sql, 'label          TEXT,', "
                    "'label TEXT AS (maas_load_card(''" +
                    card + "'')),') WHERE name = 'maas_user_rates'");
        }
        Db db(true, path.c_str());
        const std::string refused = db.error("SELECT maas_cost('Qwen3-8B', 230, 300)");
        CHECK(refused.rfind("maas_cost: cannot read the user tables: malformed database schema (maas_user_rates)", 0) ==
              0);
        CHECK(db.real("SELECT maas_builtin_cost('Qwen3-8B', 230, 300)") == 0.001615);
        CHECK(db.error("SELECT maas_model('Robust-1')").rfind("maas_model: cannot read the user tables:", 0) == 0);
    }
    SECTION("maas_user_rates and maas_user_changes as views calling maas_load_card are not user tables") {
        const std::string path = dir.file("hostile-view.db");
        {
            Db db(true, path.c_str());
            db.exec("CREATE VIEW maas_user_rates AS SELECT 'acme' AS provider, 'Robust-1' AS model, "
                    "'inference' AS service, 'input' AS item, '' AS label, maas_load_card('" +
                    card +
                    "') AS price, "
                    "'k_tokens' AS unit, 'CNY' AS currency, '2025-01-01' AS effective_from, '' AS source;"
                    "CREATE VIEW maas_user_changes AS SELECT maas_load_card('" +
                    card + "') AS version;");
        }
        Db db(true, path.c_str());
        CHECK(db.real("SELECT maas_cost('Qwen3-8B', 230, 300)") == 0.001615);
        CHECK(db.is_null("SELECT maas_model('Robust-1')"));
        CHECK(db.value("SELECT count(*) FROM maas_rates WHERE origin = 'user'") == "0");
    }
    SECTION("maas_user_rates with the wrong columns is an error naming the problem, never a crash") {
        const std::string path = dir.file("hostile-columns.db");
        {
            Db db(false, path.c_str());
            db.exec("CREATE TABLE maas_user_rates(provider); INSERT INTO maas_user_rates VALUES (x'00');"
                    "CREATE TABLE maas_user_aliases(alias, model, source);"
                    "INSERT INTO maas_user_aliases VALUES (x'41', 42, NULL);"
                    "CREATE TABLE maas_user_changes(version); INSERT INTO maas_user_changes VALUES ('many');");
        }
        Db db(true, path.c_str());
        CHECK(db.error("SELECT maas_cost('Qwen3-8B', 230, 300)") ==
              "maas_cost: cannot read the user tables: no such column: model");
        db.exec("DROP TABLE maas_user_rates");
        CHECK(db.error("SELECT maas_cost('Qwen3-8B', 230, 300)") ==
              "maas_cost: maas_user_aliases rowid 1: alias: must be a non-empty TEXT");
        db.exec("UPDATE maas_user_aliases SET alias = 'a'");
        CHECK(db.error("SELECT maas_cost('Qwen3-8B', 230, 300)") ==
              "maas_cost: maas_user_aliases rowid 1: model: must be TEXT");
        db.exec("UPDATE maas_user_aliases SET model = 'Qwen3-8B'");
        CHECK(db.real("SELECT maas_cost('a', 230, 300)") == 0.001615);
    }
}

TEST_CASE("the extension never writes to the database unless asked", "[robust][security]") {
    TempDir dir;
    const std::string card = dir.write("card.csv", card_text());
    const std::string path = dir.file("usage.db");
    {
        Db db(true, path.c_str());
        db.exec(read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
        db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) "
                "VALUES ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'output', '0.016', 'k_tokens', 'CNY', "
                "'2026-01-01');"
                "INSERT INTO maas_user_aliases(alias, model) VALUES ('our-ds', 'DeepSeek-V3');"
                "CREATE TABLE logs(model TEXT, i INTEGER, o INTEGER, at INTEGER, usage TEXT);"
                "INSERT INTO logs VALUES ('our-ds', 1000, 2000, 1767225600, '{\"prompt_tokens\":1}'),"
                "  ('Qwen3-8B', 230, 300, 1751952300, '{\"usage\":{\"completion_tokens\":5}}'),"
                "  ('nope', -1, 'x', 'bad', '{');");
    }
    const std::string bytes_before = read_text_file(path);
    Db db(true, path.c_str());
    auto dump = [&db] {
        std::string out;
        for (const char* q : {"SELECT * FROM sqlite_master ORDER BY name", "SELECT * FROM maas_user_rates",
                              "SELECT * FROM maas_user_aliases", "SELECT * FROM maas_user_changes",
                              "SELECT * FROM logs", "PRAGMA data_version", "PRAGMA schema_version"})
            for (const auto& row : db.rows(q))
                for (const auto& v : row) out += v + "|";
        return out;
    };
    const std::string content_before = dump();
    const sqlite3_int64 changes_before = sqlite3_total_changes64(db.handle());

    // A battery of calls, good and bad, over the usage rows and on their own.
    const char* battery[] = {
        "SELECT sum(maas_cost(model, i, o)) FROM logs WHERE i >= 0",
        "SELECT sum(maas_cost(model, i, o, at)) FROM logs WHERE i >= 0",
        "SELECT maas_cost(model, i, o) FROM logs",
        "SELECT maas_usage_cost(model, usage), maas_usage_tokens(usage, 'input') FROM logs",
        "SELECT maas_training_cost(model, 'lora', i, 2) FROM logs",
        "SELECT maas_deployment_cost(model, i, 1, at) FROM logs",
        "SELECT maas_price(model, 'output', at), maas_model(model) FROM logs",
        "SELECT maas_builtin_cost(model, i, o), maas_builtin_model(model) FROM logs",
        "SELECT * FROM maas_rates",
        "SELECT * FROM maas_rates WHERE lookup = 'our-ds' AND item = 'output'",
        "SELECT * FROM maas_aliases",
        "SELECT maas_version(), maas_debug()",
        "SELECT maas_load_card('/nonexistent.csv')",
        "SELECT maas_cost()",
    };
    for (const char* q : battery) db.error(q);  // errors are expected for some rows
    CHECK(db.value("SELECT maas_load_card('" + card + "')") == "2");
    for (const char* q : battery) db.error(q);
    CHECK(db.real("SELECT maas_cost('our-ds', 0, 1000)") == 0.016);
    CHECK(db.real("SELECT maas_cost('Robust-1', 1000, 1000)") == 0.003);

    CHECK(sqlite3_total_changes64(db.handle()) == changes_before);
    CHECK(dump() == content_before);
    CHECK(read_text_file(path) == bytes_before);  // not a byte of the file changed
}

TEST_CASE("a failed maas_load_card leaves every earlier price in place", "[robust][security]") {
    TempDir dir;
    Db db;
    // Earlier prices: the built-in card, a first card that overrides a
    // built-in price and adds a model, and the user's table.
    db.exec(read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) "
            "VALUES ('acme', 'Table-1', 'inference', 'input', '0.5', 'k_tokens', 'CNY', '2025-01-01'), "
            "('acme', 'Table-1', 'inference', 'output', '0.5', 'k_tokens', 'CNY', '2025-01-01')");
    const std::string first = dir.write(
        "first.csv",
        card_text() +
            "iflytek-xingchen,Qwen3-8B,inference,input,输入,0.0009,k_tokens,CNY,2025-07-08T13:25:00+08:00,t\n");
    CHECK(db.value("SELECT maas_load_card('" + first + "')") == "3");
    const std::string snapshot_sql =
        "SELECT group_concat(provider || '/' || model || '/' || item || '/' || price_text || '/' || effective_from || "
        "'/' || ifnull(effective_to, '-') || '/' || origin, ';') FROM maas_rates";
    const std::string snapshot = db.value(snapshot_sql);
    CHECK(db.real("SELECT maas_cost('Qwen3-8B', 1000, 0)") == 0.0009);

    // Every way a later load can fail.
    std::string many_lines = std::string(kHeader);
    for (int i = 0; i < 200; ++i)
        many_lines += "acme,Many-" + std::to_string(i) + ",inference,input,in,0.1,k_tokens,CNY,2025-01-01,t\n";
    const std::vector<std::pair<std::string, std::string>> failing = {
        {dir.write("late-bad-line.csv", many_lines + "acme,Many-x,inference,input,in,0.1,k_tokens,CNY,2025-02-30,t\n"),
         ":202: effective_from: '2025-02-30' is not a time such as 2025-07-08T13:25:00+08:00"},
        {dir.write("case-clash.csv", many_lines + "acme,robust-1,inference,input,in,0.1,k_tokens,CNY,2024-01-01,t\n"),
         ":202: model: 'acme/robust-1' differs only in letter case from 'acme/Robust-1'"},
        {dir.write("table-clash.csv",
                   std::string(kHeader) + "acme,TABLE-1,inference,input,in,0.1,k_tokens,CNY,2024-01-01,t\n"),
         ""},
        {dir.write("duplicate.csv", card_text() + "acme,Robust-1,inference,input,in,0.3,k_tokens,CNY,2025-01-01,t\n"),
         ""},
        {dir.path() + "/missing.csv", ""},
        {dir.path(), ""},
    };
    for (const auto& [path, detail] : failing) {
        const std::string message = db.error("SELECT maas_load_card('" + path + "')");
        INFO(path << ": " << message);
        CHECK(message.rfind("maas_load_card: ", 0) == 0);
        if (!detail.empty()) CHECK(message == "maas_load_card: " + path + detail);
        CHECK(db.value(snapshot_sql) == snapshot);
        CHECK(db.real("SELECT maas_cost('Qwen3-8B', 1000, 0)") == 0.0009);
        CHECK(db.real("SELECT maas_cost('Robust-1', 1000, 1000)") == 0.003);
        CHECK(db.real("SELECT maas_cost('Table-1', 1000, 1000)") == 1.0);
        CHECK(db.is_null("SELECT maas_model('Many-0')"));
    }
    std::printf("security: %zu failing card loads left the prices unchanged\n", failing.size());
}

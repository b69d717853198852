// test_load.cpp - what loading the module adds to a connection, its flags,
// and how maas_rates behaves as a table.
#include <catch2/catch.hpp>

#include <set>

#include "maas_version.h"
#include "sql_fixture.hpp"

namespace {

std::set<std::string> names(Db& db, const std::string& sql) {
    std::set<std::string> out;
    for (const auto& row : db.rows(sql)) out.insert(row.at(0));
    return out;
}

constexpr int kDeterministic = 0x000000800;  // SQLITE_DETERMINISTIC
constexpr int kDirectOnly = 0x000080000;     // SQLITE_DIRECTONLY
constexpr int kInnocuous = 0x000200000;      // SQLITE_INNOCUOUS

}  // namespace

TEST_CASE("loading adds exactly the maas functions and module", "[load]") {
    Db db(false);
    const std::string functions = "SELECT name || '/' || narg || '/' || flags FROM pragma_function_list";
    const std::string modules = "SELECT name FROM pragma_module_list";
    const auto functions_before = names(db, functions), modules_before = names(db, modules);
    db.load();
    const auto functions_after = names(db, functions), modules_after = names(db, modules);

    std::set<std::string> added_functions, added_modules;
    for (const auto& f : functions_after)
        if (!functions_before.count(f)) added_functions.insert(f);
    for (const auto& m : modules_after)
        if (!modules_before.count(m)) added_modules.insert(m);
    for (const auto& f : functions_before) CHECK(functions_after.count(f) == 1);  // nothing replaced

    // The built-in card's functions are pure (deterministic, innocuous); those
    // that read the user's price tables are neither; maas_load_card reads
    // files and maas_exec runs any SQL, so they are SQLITE_DIRECTONLY.
    const std::string pure = "/-1/" + std::to_string(kDeterministic | kInnocuous);
    const std::string reads_database = "/-1/0";
    const std::string direct_only = "/-1/" + std::to_string(kDirectOnly);
    CHECK(added_functions == std::set<std::string>{"maas_cost" + reads_database,
                                                   "maas_cost_cached" + reads_database,
                                                   "maas_builtin_cost_cached" + pure,
                                                   "maas_training_cost" + reads_database,
                                                   "maas_deployment_cost" + reads_database,
                                                   "maas_price" + reads_database,
                                                   "maas_model" + reads_database,
                                                   "maas_builtin_cost" + pure,
                                                   "maas_builtin_training_cost" + pure,
                                                   "maas_builtin_deployment_cost" + pure,
                                                   "maas_builtin_price" + pure,
                                                   "maas_builtin_model" + pure,
                                                   "maas_usage_cost" + reads_database,
                                                   "maas_currency" + reads_database,
                                                   "maas_unpriced" + reads_database,
                                                   "maas_convert" + reads_database,
                                                   "maas_usage_tokens" + pure,
                                                   "maas_usage_problem" + pure,
                                                   "maas_load_card" + direct_only,
                                                   "maas_version" + pure,
                                                   "maas_debug" + pure,
                                                   "maas_total" + pure,
                                                   "maas_total_text" + pure,
                                                   "maas_round_text" + pure,
                                                   "maas_month" + pure,
                                                   "maas_instant" + pure,
                                                   "maas_exec" + direct_only,
                                                   "maas_bill_json" + reads_database});
    CHECK(added_modules == std::set<std::string>{"maas_rates", "maas_aliases"});
}

TEST_CASE("loading twice replaces, adds nothing and keeps working", "[load]") {
    Db db;
    const auto before = db.value("SELECT count(*) FROM pragma_function_list");
    db.load();
    db.load();
    CHECK(db.value("SELECT count(*) FROM pragma_function_list") == before);
    CHECK(db.real("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)") == 20.0);
    // Through SQL, inside a running statement (where SQLite refuses to
    // redefine functions): a module already loaded has nothing to add.
    CHECK(db.value(std::string("SELECT load_extension('") + MAAS_MODULE_PATH + "') IS NULL") == "1");
    CHECK(db.value("SELECT count(*) FROM maas_rates") == "131");
}

TEST_CASE("maas_version and maas_debug", "[load]") {
    Db db;
    const std::string version = db.value("SELECT maas_version()");
    CHECK(version == MAAS_VERSION);  // from VERSION, the one home of the version
    const std::string debug = db.value("SELECT maas_debug()");
    CHECK(debug.rfind(std::string("sqlite-maas ") + MAAS_VERSION + "\nbuild: ", 0) == 0);
    CHECK(debug.find(std::string("sqlite: compiled against ") + SQLITE_VERSION + ", running " + sqlite3_libversion()) !=
          std::string::npos);
    CHECK(debug.find("card: data/xingchen_rates.csv, 131 lines, 42 models") != std::string::npos);
}

TEST_CASE("built-in functions work in indexes, generated columns and CHECKs", "[load][flags]") {
    Db db;
    db.exec("CREATE TABLE usage(model TEXT, input INTEGER, output INTEGER,"
            " cost REAL GENERATED ALWAYS AS (maas_builtin_cost(model, input, output)) STORED,"
            " CHECK (maas_builtin_model(model) IS NOT NULL))");
    db.exec("CREATE INDEX usage_cost ON usage(maas_builtin_cost(model, input, output))");
    db.exec("INSERT INTO usage(model, input, output) VALUES ('DeepSeek-R1', 1000, 1000), ('Qwen3-8B', 2000, 0)");
    CHECK(db.real("SELECT cost FROM usage WHERE model = 'DeepSeek-R1'") == 0.02);
    CHECK(db.real("SELECT sum(cost) FROM usage") == 0.021);
    CHECK(db.value("SELECT model FROM usage WHERE maas_builtin_cost(model, input, output) = 0.001") == "Qwen3-8B");
    CHECK(db.error("INSERT INTO usage(model, input, output) VALUES ('gpt-4o', 1, 1)") ==
          "CHECK constraint failed: maas_builtin_model(model) IS NOT NULL");
}

TEST_CASE("functions that follow the user's prices cannot be stored in the schema", "[load][flags]") {
    Db db;
    // Their answer can change when maas_user_rates changes, so SQLite refuses
    // to keep it where it could go stale.
    CHECK(db.error("CREATE TABLE t(model TEXT, cost REAL GENERATED ALWAYS AS (maas_cost(model, 1, 1)))") ==
          "non-deterministic functions prohibited in generated columns");
    db.exec("CREATE TABLE u(model TEXT)");
    CHECK(db.error("CREATE INDEX u_cost ON u(maas_cost(model, 1, 1))") ==
          "non-deterministic functions prohibited in index expressions");
}

TEST_CASE("views and triggers under trusted_schema=OFF", "[load][flags]") {
    Db db;
    db.exec("CREATE TABLE logs(model TEXT, input INTEGER, output INTEGER)");
    db.exec("INSERT INTO logs VALUES ('DeepSeek-V3', 1000, 1000)");
    db.exec("CREATE VIEW priced AS SELECT maas_builtin_cost(model, input, output) AS cost,"
            " maas_builtin_model(model) AS m FROM logs");
    db.exec("CREATE VIEW user_priced AS SELECT maas_cost(model, input, output) AS cost FROM logs");
    db.exec("CREATE VIEW rates AS SELECT count(*) AS n FROM maas_rates");
    db.exec("CREATE VIEW loads AS SELECT maas_load_card('/etc/passwd') AS n");
    db.exec("CREATE TABLE audit(cost REAL)");
    db.exec("CREATE TRIGGER logs_cost AFTER INSERT ON logs BEGIN"
            " INSERT INTO audit VALUES (maas_builtin_cost(new.model, new.input, new.output)); END");
    CHECK(db.real("SELECT cost FROM user_priced") == 0.01);  // trusted schema: anything goes
    db.exec("PRAGMA trusted_schema = OFF");
    CHECK(db.real("SELECT cost FROM priced") == 0.01);
    CHECK(db.value("SELECT n FROM rates") == "131");
    db.exec("INSERT INTO logs VALUES ('DeepSeek-R1', 1000, 0)");
    CHECK(db.real("SELECT cost FROM audit") == 0.004);
    // Functions that read the database's price tables or files are refused.
    CHECK(db.error("SELECT cost FROM user_priced") == "unsafe use of maas_cost()");
    CHECK(db.error("SELECT n FROM loads") == "unsafe use of maas_load_card()");
}

TEST_CASE("maas_rates is read-only and eponymous", "[rates]") {
    Db db;
    CHECK(db.error("DELETE FROM maas_rates") == "table maas_rates may not be modified");
    CHECK(db.error("INSERT INTO maas_rates(model) VALUES ('x')") == "table maas_rates may not be modified");
    CHECK(db.error("CREATE VIRTUAL TABLE my_rates USING maas_rates") == "no such module: maas_rates");
    CHECK(db.value("SELECT count(*) FROM main.maas_rates") == "131");
}

TEST_CASE("maas_rates serves model and item equality without a scan", "[rates][plan]") {
    Db db;
    auto plan = [&](const std::string& where) {
        return db.rows("EXPLAIN QUERY PLAN SELECT * FROM maas_rates " + where).at(0).at(3);
    };
    CHECK(plan("") == "SCAN maas_rates VIRTUAL TABLE INDEX 0:");
    CHECK(plan("WHERE model = 'Qwen3-8B'") == "SCAN maas_rates VIRTUAL TABLE INDEX 1:");
    CHECK(plan("WHERE item = 'lora'") == "SCAN maas_rates VIRTUAL TABLE INDEX 2:");
    CHECK(plan("WHERE model = 'Qwen3-8B' AND item = 'lora'") == "SCAN maas_rates VIRTUAL TABLE INDEX 3:");
    CHECK(plan("WHERE model > 'Q'") == "SCAN maas_rates VIRTUAL TABLE INDEX 0:");

    CHECK(db.value("SELECT group_concat(item) FROM maas_rates WHERE model = 'Qwen3-8B'") == "input,output,lora");
    CHECK(db.value("SELECT price_text FROM maas_rates WHERE model = 'Qwen3-8B' AND item = 'lora'") == "0.006");
    // The index is exact under BINARY: another spelling finds nothing ...
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = 'qwen3-8b'") == "0");
    // ... and follows the collation the query asks for.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = 'qwen3-8b' COLLATE NOCASE") == "3");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = 'lora'") == "23");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = 'LORA'") == "0");
    // Found by fuzzing: an embedded NUL is part of the value, not its end.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = CAST(x'696e7075740078' AS TEXT)") == "0");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE lookup = CAST(x'5177656e332d38420078' AS TEXT)") == "0");
    // Items are indexed exactly; other collations are left to SQLite.
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE item = 'LORA' COLLATE NOCASE") == "23");
    CHECK(plan("WHERE item = 'LORA' COLLATE NOCASE") == "SCAN maas_rates VIRTUAL TABLE INDEX 0:");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = 'QWEN3-8B' COLLATE NOCASE AND item = 'lora'") == "1");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = 'nope'") == "0");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = 'Spark Mini' AND item = 'input'") == "0");
    // A join looks each usage row's model up instead of scanning the card.
    db.exec("CREATE TABLE logs(model_name TEXT, prompt_tokens INTEGER)");
    db.exec("INSERT INTO logs VALUES ('Qwen3-8B', 1000), ('DeepSeek-R1', 2000), ('gpt-4o', 5)");
    CHECK(db.real("SELECT sum(l.prompt_tokens * r.price / 1000) FROM logs l JOIN maas_rates r "
                  "ON r.model = l.model_name AND r.item = 'input'") == Approx(0.0085));
    const auto join_plan = db.rows("EXPLAIN QUERY PLAN SELECT * FROM logs l JOIN maas_rates r "
                                   "ON r.model = l.model_name AND r.item = 'input'");
    CHECK(join_plan.back().at(3) == "SCAN r VIRTUAL TABLE INDEX 3:");
}

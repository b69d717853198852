// SQL tests of where the user's tables are read from: the first database, in
// SQLite's order (main, temp, then attached in ATTACH order), that holds any
// of them; a second one holding any is an error (user_tables.hpp).  So a
// read-only usage database is priced with the user's own aliases and prices
// kept in a database of their own.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "sql_fixture.hpp"

namespace {

const std::string kUserTables = std::string(MAAS_SOURCE_DIR) + "/sql/user_tables.sql";

std::string temp_path(const char* name) {
    const std::string path = std::string("/tmp/maas-attached-") + name;
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-journal").c_str());
    return path;
}

// A usage database with one log row under a name only the user's alias knows.
void make_usage_db(const std::string& path) {
    Db db(false, path.c_str());
    db.exec("CREATE TABLE logs(model_name TEXT, prompt_tokens INTEGER, completion_tokens INTEGER);"
            "INSERT INTO logs VALUES ('my-ds-v3', 1000, 500)");
}

// The user's prices database: the user tables and an alias.
void make_prices_db(const std::string& path) {
    Db db(false, path.c_str());
    db.exec_file(kUserTables);
    db.exec("INSERT INTO maas_user_aliases(alias, model, source) VALUES ('my-ds-v3', 'DeepSeek-V3', 'mine')");
}

const char* kLogCost = "SELECT maas_cost(model_name, prompt_tokens, completion_tokens) FROM logs";

}  // namespace

TEST_CASE("a user alias kept in an attached database prices a read-only usage database", "[attached][acceptance]") {
    const std::string usage = temp_path("usage.db"), prices = temp_path("prices.db");
    make_usage_db(usage);
    make_prices_db(prices);
    Db db(true, ("file:" + usage + "?mode=ro").c_str());
    CHECK(db.is_null(kLogCost));  // without the prices database: an unknown name
    db.exec("ATTACH '" + prices + "' AS prices");
    CHECK(db.real(kLogCost) == 0.006);  // seen by the next statement: ATTACH is part of the change signal
    CHECK(db.value("SELECT origin FROM maas_aliases WHERE alias = 'my-ds-v3'") == "user");
    // A change made by another connection to the prices database is seen too.
    {
        Db writer(false, prices.c_str());
        writer.exec("UPDATE maas_user_aliases SET model = 'DeepSeek-R1' WHERE alias = 'my-ds-v3'");
    }
    CHECK(db.real(kLogCost) == 0.012);  // DeepSeek-R1: 1000 x 0.004 + 500 x 0.016 per 1,000
    db.exec("DETACH prices");
    CHECK(db.is_null(kLogCost));
}

TEST_CASE("the user tables of a prices database attached to main, or main attached to it", "[attached]") {
    const std::string usage = temp_path("usage2.db"), prices = temp_path("prices2.db");
    make_usage_db(usage);
    make_prices_db(prices);
    // The reverse: open the prices database and attach the usage one.
    Db db(true, prices.c_str());
    db.exec("ATTACH '" + usage + "' AS usage");
    CHECK(db.real("SELECT maas_cost(model_name, prompt_tokens, completion_tokens) FROM usage.logs") == 0.006);
}

TEST_CASE("user tables in two databases are an error, never one silently ignored", "[attached][errors]") {
    const std::string other = temp_path("other.db");
    make_prices_db(other);
    Db db;
    db.exec_file(kUserTables);
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 1000, 500)") == 0.006);
    db.exec("ATTACH '" + other + "' AS other");
    const std::string expected =
        "maas_cost: the user tables are in two databases, 'main' and 'other': they are read from the first that has "
        "them (main, temp, then attached ones in ATTACH order); keep them in one (DETACH or drop the others)";
    CHECK(db.error("SELECT maas_cost('DeepSeek-V3', 1000, 500)") == expected);
    CHECK(db.error("SELECT count(*) FROM maas_rates").rfind("maas_rates: the user tables are in two databases", 0) ==
          0);
    db.exec("DETACH other");
    CHECK(db.real("SELECT maas_cost('DeepSeek-V3', 1000, 500)") == 0.006);
}

TEST_CASE("TEMP user tables price a database the connection may not write", "[attached]") {
    const std::string usage = temp_path("usage3.db");
    make_usage_db(usage);
    Db db(true, ("file:" + usage + "?mode=ro").c_str());
    db.exec("CREATE TEMP TABLE maas_user_aliases(alias TEXT NOT NULL, model TEXT NOT NULL, source TEXT)");
    db.exec("INSERT INTO temp.maas_user_aliases VALUES ('my-ds-v3', 'DeepSeek-V3', NULL)");
    // No counter table in temp: the tables are read at every statement.
    CHECK(db.real(kLogCost) == 0.006);
    db.exec("UPDATE temp.maas_user_aliases SET model = 'DeepSeek-R1'");
    CHECK(db.real(kLogCost) == 0.012);
}

TEST_CASE("a user table dropped and made again between two statements is read again", "[attached]") {
    Db db;
    db.exec_file(kUserTables);
    db.exec("INSERT INTO maas_user_aliases(alias, model) VALUES ('my-ds-v3', 'DeepSeek-V3')");
    CHECK(db.real("SELECT maas_cost('my-ds-v3', 1000, 500)") == 0.006);
    // The counter stays where it was; the table's fingerprint does not.
    db.exec("DROP TABLE maas_user_aliases; CREATE TABLE maas_user_aliases(alias TEXT NOT NULL, model TEXT NOT NULL, "
            "source TEXT)");
    CHECK(db.is_null("SELECT maas_cost('my-ds-v3', 1000, 500)"));
}

// test_auto_extension.cpp - the static library, registered with
// sqlite3_auto_extension, gives every new connection the same functions as
// loading build/maas.so, with no extension loading enabled at all.
#include <catch2/catch.hpp>
#include <maas.h>
#include <sqlite3.h>

#include <string>

namespace {

std::string query(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    std::string out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return out;
}

}  // namespace

TEST_CASE("sqlite3_auto_extension registers maas on every new connection", "[static]") {
    REQUIRE(sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(sqlite3_maas_init)) == SQLITE_OK);
    for (int i = 0; i < 3; ++i) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
        CHECK(query(db, "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)") == "20.0");
        CHECK(query(db, "SELECT count(*) FROM maas_rates") == "131");
        CHECK(query(db, "SELECT maas_version()") == MAAS_VERSION);
        sqlite3_close(db);
    }
    sqlite3_reset_auto_extension();
}

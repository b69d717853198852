// test_fuzz_functions.cpp - the SQL fuzzer's list of functions and tables
// (fuzz/fuzz_sql_functions.hpp) against what the built module registers, so
// that a new function fails here, in the main build, until fuzz_sql calls it
// (the fuzzer itself needs clang and libFuzzer).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "fuzz_sql_functions.hpp"
#include "sql_fixture.hpp"

namespace {

std::set<std::string> names(Db& db, const std::string& sql) {
    std::set<std::string> out;
    for (const auto& row : db.rows(sql)) out.insert(row.at(0));
    return out;
}

// Names in one set and not the other, for the failure message.
std::string differences(const std::set<std::string>& registered, const std::set<std::string>& listed) {
    std::string out;
    for (const std::string& n : registered)
        if (!listed.count(n)) out += " missing " + n + ";";
    for (const std::string& n : listed)
        if (!registered.count(n)) out += " not registered " + n + ";";
    return out;
}

}  // namespace

TEST_CASE("the SQL fuzzer calls every function and table the module registers", "[load][fuzz]") {
    Db db;
    const auto functions = names(db, "SELECT DISTINCT name FROM pragma_function_list WHERE name LIKE 'maas%'");
    const auto tables = names(db, "SELECT name FROM pragma_module_list WHERE name LIKE 'maas%'");
    REQUIRE(functions.size() > 20);

    std::set<std::string> fuzzed_functions, fuzzed_tables;
    for (const char* f : fuzz_sql::kFunctions) fuzzed_functions.insert(f);
    for (const char* t : fuzz_sql::kTables) fuzzed_tables.insert(std::string("maas_") + t);

    INFO("fuzz/fuzz_sql_functions.hpp kFunctions:" << differences(functions, fuzzed_functions));
    CHECK(fuzzed_functions == functions);
    INFO("fuzz/fuzz_sql_functions.hpp kTables (maas_ + name):" << differences(tables, fuzzed_tables));
    CHECK(fuzzed_tables == tables);
}

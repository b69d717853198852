// exec_function.cpp - maas_exec(sql): run SQL statements chosen at run time,
// so that an SQL script can act on what the database holds.
//
//   SELECT maas_exec('CREATE TEMP VIEW v AS SELECT 1');              -- 1 (statements run)
//   SELECT maas_exec(readfile('sql/sources/' || tool || '.sql')) FROM temp.maas_detected;
//   SELECT maas_exec(CASE WHEN EXISTS (SELECT 1 FROM pragma_table_list WHERE name = 'turns')
//                         THEN 'CREATE TEMP VIEW t AS SELECT * FROM turns'
//                         ELSE 'CREATE TEMP VIEW t AS SELECT NULL AS model WHERE 0' END);
//
// The sqlite3 shell has no `if`: a statement naming a table that is not
// there fails when it is prepared, whether or not it would run.  The usage
// reports need exactly that choice (which tool's adapter, whether an
// optional table of a newer schema exists), so this function runs the
// statements of its argument, in order, on the connection that called it,
// stepping each to its end and discarding any rows.  It is the same idea as
// SQLite's own ext/misc/eval.c, without the result text.
//
// It runs whatever SQL it is given, so it is SQLITE_DIRECTONLY: a view or a
// trigger in a database from elsewhere cannot call it; only SQL the user (or
// the host) runs at top level can, and that SQL could run the statements
// itself.  It reads no file: `readfile()` above is the sqlite3 shell's.
#include "function_support.hpp"

#include <memory>
#include <string>

namespace maas {
namespace {

struct Finalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

// Prepares and steps one statement at `sql`; `tail` is where the next one
// starts.  False with `error` set when it fails.
bool run_one(sqlite3* db, const char* sql, const char*& tail, bool& ran, std::string& error) {
    sqlite3_stmt* statement = nullptr;
    ran = false;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, &tail) != SQLITE_OK) {
        error = sqlite3_errmsg(db);
        return false;
    }
    if (!statement) return true;  // only white space or a comment was left
    const std::unique_ptr<sqlite3_stmt, Finalizer> closer(statement);
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
        error = sqlite3_errmsg(db);
        return false;
    }
    ran = true;
    return true;
}

void maas_exec(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_exec";
    if (!begin_call(ctx, argc, argv, kName, 1, 1, "(sql)")) return;
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT)
        return report_bad_argument(ctx, {kName, "sql"}, "TEXT holding SQL statements", argv[0]);
    // A copy: the statements run may change what argv[0] points to.
    const std::string sql(reinterpret_cast<const char*>(sqlite3_value_text(argv[0])),
                          size_t(sqlite3_value_bytes(argv[0])));
    sqlite3* db = sqlite3_context_db_handle(ctx);
    int64_t statements = 0;
    for (const char* next = sql.c_str(); *next;) {
        std::string error;
        bool ran;
        if (!run_one(db, next, next, ran, error))
            return report_error(ctx, std::string(kName) + ": statement " + std::to_string(statements + 1) + ": " +
                                         error);
        statements += ran;
    }
    sqlite3_result_int64(ctx, statements);
}

constexpr FunctionSpec kExecFunctions[] = {
    {"maas_exec", kDirectOnly, false, guarded<maas_exec>},
};

}  // namespace

FunctionList exec_functions() { return {kExecFunctions, sizeof kExecFunctions / sizeof kExecFunctions[0]}; }

}  // namespace maas

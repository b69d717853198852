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
// itself.  The statements go through the connection's authorizer like any
// other.  It reads no file: `readfile()` above is the sqlite3 shell's.
// TEXT with a NUL is refused (SQLite would stop reading at it), and calls
// nest at most 16 deep (each runs on the stack of the one before).
#include "failure.hpp"
#include "guarded.hpp"
#include "registration.hpp"
#include "sql_args.hpp"

#include <memory>
#include <string>

namespace maas {
namespace {

struct Finalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

// How deeply maas_exec calls may nest: each runs its statements on the C
// stack of the call before it, so SQL that runs itself again (a row holding
// 'SELECT maas_exec(s) FROM t', read from t) would otherwise overflow the
// stack.  The reports nest two deep.  Counted per connection: nested calls
// run on the connection of the first, on its thread (SQLite runs one
// connection's statements one at a time).  Not thread_local: a dlopen'd
// module's dynamic TLS makes LeakSanitizer's tracer crash (GCC 12).
constexpr int kMaxNesting = 16;

struct NestingLevel {
    explicit NestingLevel(int& depth) : depth_(depth) { ++depth_; }
    ~NestingLevel() { --depth_; }
    NestingLevel(const NestingLevel&) = delete;
    NestingLevel& operator=(const NestingLevel&) = delete;

private:
    int& depth_;
};

// Prepares and steps one statement at `sql`; `tail` is where the next one
// starts.  Returns SQLite's result code (SQLITE_OK when the statement ran or
// there was none), with `error` set when it failed.
int run_one(sqlite3* db, const char* sql, const char*& tail, bool& ran, std::string& error) {
    sqlite3_stmt* statement = nullptr;
    ran = false;
    int rc = sqlite3_prepare_v2(db, sql, -1, &statement, &tail);
    if (rc != SQLITE_OK) {
        error = sqlite3_errmsg(db);
        return rc;
    }
    if (!statement) return SQLITE_OK;  // only white space or a comment was left
    const std::unique_ptr<sqlite3_stmt, Finalizer> closer(statement);
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
        error = sqlite3_errmsg(db);
        return rc;
    }
    ran = true;
    return SQLITE_OK;
}

// Whether a statement that writes is being stepped on this connection.
// SQLITE_DIRECTONLY keeps maas_exec out of views and triggers, but SQLite
// 3.40 still runs such functions in a CHECK constraint read from a database
// file; every such place (CHECK, DEFAULT, generated columns, expression
// indexes) is evaluated while an INSERT or UPDATE runs.  A report calls
// maas_exec from a SELECT, so refusing it under a writer costs nothing there
// and keeps a crafted database from running SQL when a row is inserted.
bool writer_running(sqlite3* db) {
    for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s; s = sqlite3_next_stmt(db, s))
        if (sqlite3_stmt_busy(s) && !sqlite3_stmt_readonly(s)) return true;
    return false;
}

void maas_exec(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_exec";
    if (!begin_call(ctx, argc, argv, kName, 1, 1, "(sql)")) return;
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT)
        return report_bad_argument(ctx, {kName, "sql"}, "TEXT holding SQL statements", argv[0]);
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    if (!text) return sqlite3_result_error_nomem(ctx);  // converting from UTF-16 ran out of memory
    // A copy: the statements run may change what argv[0] points to.
    const std::string sql(text, size_t(sqlite3_value_bytes(argv[0])));
    // SQLite stops reading SQL at a NUL: what follows one would silently not run.
    if (sql.find('\0') != std::string::npos)
        return report_bad_argument(ctx, {kName, "sql"}, "TEXT without NUL bytes", argv[0]);
    int& nesting = binding_of(ctx).state->exec_nesting();
    if (nesting >= kMaxNesting)
        return report_error(ctx, std::string(kName) + ": nested more than " + std::to_string(kMaxNesting) +
                                     " deep (SQL that runs maas_exec again and again)");
    sqlite3* db = sqlite3_context_db_handle(ctx);
    if (writer_running(db))
        return report_error(ctx, std::string(kName) +
                                     ": refused while a statement that writes is running (a CHECK constraint, "
                                     "DEFAULT or generated column): call it from a top-level query, "
                                     "SELECT maas_exec(...)");
    const NestingLevel level(nesting);
    int64_t statements = 0;
    for (const char* next = sql.c_str(); *next;) {
        std::string error;
        bool ran;
        if (const int rc = run_one(db, next, next, ran, error); rc != SQLITE_OK) {
            if ((rc & 0xff) == SQLITE_NOMEM) return sqlite3_result_error_nomem(ctx);
            return report_error(ctx,
                                std::string(kName) + ": statement " + std::to_string(statements + 1) + ": " + error);
        }
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

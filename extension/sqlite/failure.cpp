// failure.cpp - building failures and reporting them to SQLite (see failure.hpp).
#include "failure.hpp"

#include "utf8_text.hpp"

namespace maas {

Failure Failure::from_sqlite(sqlite3* db, int rc, std::string_view doing) {
    if ((rc & 0xff) == SQLITE_NOMEM) return Failure{FailureKind::out_of_memory, "out of memory"};
    return Failure{FailureKind::sqlite_error, std::string(doing) + ": " + sqlite3_errmsg(db)};
}

void report_error(sqlite3_context* ctx, std::string_view message) {
    const std::string safe = utf8_safe(message);
    sqlite3_result_error(ctx, safe.c_str(), int(safe.size()));
}

void report_failure(sqlite3_context* ctx, const char* function, const Failure& failure) {
    if (failure.kind == FailureKind::out_of_memory) return sqlite3_result_error_nomem(ctx);
    report_error(ctx, std::string(function) + ": " + failure.message);
}

int report_vtab_failure(sqlite3_vtab* vtab, const char* table, const Failure& failure) {
    if (failure.kind == FailureKind::out_of_memory) return SQLITE_NOMEM;
    sqlite3_free(vtab->zErrMsg);
    vtab->zErrMsg = sqlite3_mprintf("%s: %s", table, utf8_safe(failure.message).c_str());
    return vtab->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

}  // namespace maas

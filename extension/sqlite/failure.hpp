// failure.hpp - why something failed, as a type, and the one way a failure
// is reported to SQLite, by functions and virtual tables alike.
//
// Three kinds, told apart by type rather than by the text of a message:
//   bad_data       the user's data is wrong (a bad row, a bad card line); the
//                  verdict stands until the data changes
//   sqlite_error   SQLite itself failed while we read (I/O, a locked or
//                  corrupt database); says nothing about the data, so never
//                  remembered as its verdict
//   out_of_memory  reported as SQLite's own out-of-memory error
//
//   maas::Failure failure;
//   if (!maas::read_user_tables_state(db, state, failure)) return maas::report_failure(ctx, "maas_cost", failure);
//   ...
//   return maas::report_vtab_failure(&table->base, "maas_rates", failure);   // SQLITE_ERROR or SQLITE_NOMEM
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sqlite_api.hpp"

namespace maas {

enum class FailureKind : uint8_t { bad_data, sqlite_error, out_of_memory };

struct Failure {
    FailureKind kind = FailureKind::bad_data;
    std::string message;  // without the function's name; may quote any bytes

    static Failure bad_data(std::string message) { return Failure{FailureKind::bad_data, std::move(message)}; }
    // From an SQLite result code and the connection's message, while `doing`
    // ("cannot read the user tables").
    static Failure from_sqlite(sqlite3* db, int rc, std::string_view doing);
    bool remembered() const { return kind == FailureKind::bad_data; }
};

// "function: message" as the call's error, kept valid UTF-8 (messages quote
// file names and field values).
void report_error(sqlite3_context* ctx, std::string_view message);

// The failure as the call's result: out of memory as SQLite's own error,
// anything else as "function: message".
void report_failure(sqlite3_context* ctx, const char* function, const Failure& failure);

// The same for a virtual table method: sets the table's message to
// "table: message" and returns the result code the method must return.
int report_vtab_failure(sqlite3_vtab* vtab, const char* table, const Failure& failure);

}  // namespace maas

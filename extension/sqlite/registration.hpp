// registration.hpp - every SQL function and virtual table of sqlite-maas, in
// one list, registered and (after a failed load) removed from it.
//
// Each file that defines functions exposes them as a FunctionList; each
// virtual table exposes its sqlite3_module.  registration.cpp names every
// list once, so that a new function is registered by one line in its file's
// list (registration.cpp changes only for a new list) and rollback can never
// miss one.  What else a new function needs (its page, the bad-input and
// fuzz lists): docs/conventions.md, "Adding a function".
//
//   // in sql_functions.cpp
//   constexpr FunctionSpec kScalars[] = {{"maas_cost", kReadsDatabase, false, guarded<maas_cost>}, ...};
//   FunctionList scalar_functions() { return {kScalars, std::size(kScalars)}; }
//
//   // in extension.cpp
//   int rc = maas::register_all(db, state);   // all or nothing
#pragma once

#include <cstddef>

#include "connection.hpp"
#include "sqlite_api.hpp"

namespace maas {

using SqlFunction = void (*)(sqlite3_context*, int, sqlite3_value**);
using SqlFinal = void (*)(sqlite3_context*);

// What the flags of a function promise: docs/conventions.md, "Flags".
// Pure: the same arguments always give the same answer in this process, no
// files are read and nothing changes, so they are safe in indexes, generated
// columns, views and triggers.
constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
// Reads the user's tables: the answer follows the database.
constexpr int kReadsDatabase = SQLITE_UTF8;
// Reads files, changes the connection's prices or runs any SQL: only in top-level SQL.
constexpr int kDirectOnly = SQLITE_UTF8 | SQLITE_DIRECTONLY;

// One SQL function.  A scalar sets `scalar`; an aggregate sets `step` and
// `final`, and is also a window function when it sets `value` and `inverse`.
// Every function is registered variadic (nArg -1) so that a wrong number of
// arguments gets our message, which names the function and its signature.
struct FunctionSpec {
    const char* name;
    int flags;
    bool builtin_only;  // sees the built-in card alone (Binding::builtin_only)
    SqlFunction scalar = nullptr;
    SqlFunction step = nullptr;
    SqlFinal final = nullptr;
    SqlFinal value = nullptr;
    SqlFunction inverse = nullptr;
};

struct FunctionList {
    const FunctionSpec* specs;
    size_t count;
    const FunctionSpec* begin() const { return specs; }
    const FunctionSpec* end() const { return specs + count; }
};

// The lists, each defined beside its functions.
FunctionList scalar_functions();    // sql_functions.cpp: maas_cost, maas_price, ...
FunctionList usage_functions();     // usage_functions.cpp: maas_usage_tokens, maas_usage_problem
FunctionList total_functions();     // total_functions.cpp: maas_total, maas_total_text, maas_round_text
FunctionList currency_functions();  // currency_functions.cpp: maas_currency, maas_unpriced, maas_convert
FunctionList time_functions();      // time_functions.cpp: maas_month, maas_instant
FunctionList exec_functions();      // exec_function.cpp: maas_exec
FunctionList bill_functions();      // bill_function.cpp: maas_bill_json
// load_card.cpp: maas_load_card.  The one function that reads a file; the
// nofs module (MAAS_NO_FILESYSTEM, build/maas_nofs.so) is built without it.
FunctionList file_functions();

// The Binding a call was registered with (its user data).
// (sqlite3_api: see Routines in sqlite_api.hpp.)
inline const Binding& binding_of(sqlite3_context* ctx, [[maybe_unused]] Routines sqlite3_api = routines()) {
    return *static_cast<Binding*>(sqlite3_user_data(ctx));
}

// The name a call was made under: "maas_cost" or its twin "maas_builtin_cost".
struct Names {
    const char* merged;
    const char* builtin;
    const char* of(const Binding& b) const { return b.builtin_only ? builtin : merged; }
};

struct ModuleSpec {
    const char* name;
    const sqlite3_module* module;
};
const sqlite3_module* rates_module();    // rates_vtab.cpp
const sqlite3_module* aliases_module();  // aliases_vtab.cpp

// Registers every function and module on db.  All or nothing: on failure
// everything registered so far is removed again (SQLite unloads the library
// when the entry point fails, so nothing may stay behind pointing into it)
// and the SQLite result code is returned.
int register_all(sqlite3* db, ConnectionState* state);

}  // namespace maas

// function_support.hpp - the steps every SQL function of sqlite-maas takes,
// written once: no exception into SQLite, the arity message, NULL in NULL
// out, the statement's prices, the optional `at`, the model, and the result
// of a cost.  Conventions of every function: docs/conventions.md.
//
//   void maas_price(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
//       if (!begin_call(ctx, argc, argv, "maas_price", 2, 3, "(model, item [, at])")) return;
//       ...read the other arguments, then...
//       const Model* model;
//       if (!find_model(ctx, argv[0], "maas_price", "model", model)) return;
//   }
//   {"maas_price", kReadsDatabase, false, guarded<maas_price>}   // in a FunctionList
//   {"maas_total", kPure, true, nullptr, guarded<step>, guarded_final<final>, ...}   // an aggregate
#pragma once

#include <cstdint>
#include <new>

#include "catalog.hpp"
#include "connection.hpp"
#include "decimal.hpp"
#include "failure.hpp"
#include "pricing.hpp"
#include "registration.hpp"
#include "sql_args.hpp"
#include "sqlite_api.hpp"

namespace maas {

// The function F with every C++ exception stopped at the boundary:
// std::bad_alloc becomes SQLite's out-of-memory error.
template <SqlFunction F>
void guarded(sqlite3_context* ctx, int argc, sqlite3_value** argv) noexcept {
    try {
        F(ctx, argc, argv);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
    } catch (...) {
        sqlite3_result_error(ctx, "maas: internal error", -1);
    }
}

// The same for xFinal and xValue.
template <SqlFinal F>
void guarded_final(sqlite3_context* ctx) noexcept {
    try {
        F(ctx);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
    } catch (...) {
        sqlite3_result_error(ctx, "maas: internal error", -1);
    }
}

// (sqlite3_api: see Routines in sqlite_api.hpp.)
inline const Binding& binding_of(sqlite3_context* ctx, [[maybe_unused]] Routines sqlite3_api = routines()) {
    return *static_cast<Binding*>(sqlite3_user_data(ctx));
}

// The name a call was made under: "maas_cost" or "maas_builtin_cost".
struct Names {
    const char* merged;
    const char* builtin;
    const char* of(const Binding& b) const { return b.builtin_only ? builtin : merged; }
};

// "maas_cost: expected 3 to 4 arguments (model, input_tokens, output_tokens [, at]), got 2"
bool check_arity(sqlite3_context* ctx, int argc, const char* function, int least, int most, const char* signature);

// Checks the number of arguments, then NULL in gives NULL out; false when
// the call is already answered (an error or NULL).
bool begin_call(sqlite3_context* ctx, int argc, sqlite3_value** argv, const char* function, int least, int most,
                const char* signature);

// What to price with, or nullptr after reporting why there is nothing.
StatementPrices* prices_for(sqlite3_context* ctx, const char* function);

// Reads the optional `at` argument at argv[index]; at is null when absent.
bool read_optional_instant(sqlite3_context* ctx, int argc, sqlite3_value** argv, int index, const char* function,
                           int64_t& storage, const int64_t*& at);

// A cost as the call's result: the nearest double, NULL for no price, or
// the error that says why there is no single exact cost.
void report_cost(sqlite3_context* ctx, Priced priced, const Decimal& cost, const char* function);

// Reads the model; called last, after every other argument has been checked,
// so that bad data is reported even for an unknown model (model nullptr).
bool find_model(sqlite3_context* ctx, sqlite3_value* value, const char* function, const char* argument,
                const Model*& model);

}  // namespace maas

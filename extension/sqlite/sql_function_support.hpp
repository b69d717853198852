// sql_function_support.hpp - what every SQL function callback of sqlite-maas
// needs: no C++ exception may cross into SQLite, and a wrong number of
// arguments gets a message naming the function and its signature (the
// functions are registered variadic so that this message is ours).
//
//   void maas_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
//       if (!check_arity(ctx, argc, "maas_cost", 3, 4, "(model, input_tokens, output_tokens [, at])")) return;
//       ...
//   }
//   {"maas_cost", kReadsDatabase, false, guarded<maas_cost>}            // scalar, step, inverse
//   {"maas_total", kPure, true, nullptr, guarded<step>, guarded_final<final>, ...}   // final, value
#pragma once

#include <new>
#include <string>

#include "sqlite_api.hpp"

namespace maas {

// Runs F, turning std::bad_alloc into SQLite's out-of-memory error and any
// other exception into an internal error.  For scalars, xStep and xInverse.
template <void (*F)(sqlite3_context*, int, sqlite3_value**)>
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
template <void (*F)(sqlite3_context*)>
void guarded_final(sqlite3_context* ctx) noexcept {
    try {
        F(ctx);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
    } catch (...) {
        sqlite3_result_error(ctx, "maas: internal error", -1);
    }
}

// "maas_cost: expected 3 to 4 arguments (model, input_tokens, output_tokens [, at]), got 2"
// (function and signature are the caller's literals: plain ASCII).
inline bool check_arity(sqlite3_context* ctx, int argc, const char* function, int least, int most,
                        const char* signature) {
    if (argc >= least && argc <= most) return true;
    std::string message = std::string(function) + ": expected ";
    message += least == most ? std::to_string(least) : std::to_string(least) + " to " + std::to_string(most);
    message += std::string(least == 1 && most == 1 ? " argument " : " arguments ") + signature + ", got " +
               std::to_string(argc);
    sqlite3_result_error(ctx, message.c_str(), int(message.size()));
    return false;
}

}  // namespace maas

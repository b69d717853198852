// guarded.hpp - the boundary no C++ exception crosses: every SQL function
// is registered through guarded<> (xFunc, xStep, xInverse) or
// guarded_final<> (xFinal, xValue).  Conventions: docs/conventions.md.
//
//   {"maas_price", kReadsDatabase, false, guarded<maas_price>}   // in a FunctionList
//   {"maas_total", kPure, true, nullptr, guarded<step>, guarded_final<final>, ...}   // an aggregate
#pragma once

#include <new>

#include "registration.hpp"
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

}  // namespace maas

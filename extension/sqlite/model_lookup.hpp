// model_lookup.hpp - the one place a call finds its model: the prices its
// statement prices with, and the model name looked up in them, on the
// general path (every check, every message) and on the quick path (a known
// name in prices the statement already chose).
//
//   const Model* model;
//   if (!maas::find_model(ctx, argv[0], {"maas_price", "model"}, model)) return;   // reported
//   if (!model) return sqlite3_result_null(ctx);                                   // unknown: NULL
#pragma once

#include <string_view>

#include "catalog.hpp"
#include "connection.hpp"
#include "registration.hpp"
#include "sql_args.hpp"
#include "sqlite_api.hpp"
#include "statement_prices.hpp"

namespace maas {

// What to price with, or nullptr after reporting why there is nothing.
StatementPrices* prices_for(sqlite3_context* ctx, const char* function);

// Reads the model name and looks it up; model is nullptr for an unknown
// name.  False after reporting an error (a BLOB, a name several providers
// share, or prices that cannot be read).  Called last, after every other
// argument has been checked, so that bad data is reported even for an
// unknown model.
bool find_model(sqlite3_context* ctx, sqlite3_value* name, ArgName arg, const Model*& model);

// The model of a quick call (name TEXT already checked), found in the
// prices this statement already chose, without the general checks; nullptr
// for anything the general path must answer (the statement's first call,
// an unknown or ambiguous name).
[[gnu::always_inline]] inline const Model* quick_model([[maybe_unused]] Routines sqlite3_api, sqlite3_context* ctx,
                                                       sqlite3_value* name) {
    StatementPrices* prices = ConnectionState::kept_prices(ctx, binding_of(ctx, sqlite3_api), sqlite3_api);
    if (!prices) return nullptr;
    // The name's bytes as stored: sqlite3_value_text would first copy a
    // column value to add a terminator.  In a UTF-16 database these bytes are
    // UTF-16, match no name, and the call simply takes the general path,
    // which converts; so the answer never depends on the encoding.
    const char* bytes = static_cast<const char*>(sqlite3_value_blob(name));
    if (!bytes) return nullptr;
    return prices->find_unambiguous(std::string_view(bytes, size_t(sqlite3_value_bytes(name))));
}

}  // namespace maas

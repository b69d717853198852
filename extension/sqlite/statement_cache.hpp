// statement_cache.hpp - the prices each statement chose, kept as the
// statement's auxiliary data, and the call context last seen with them.
//
//   StatementPrices* prices = cache.kept(ctx, slot);            // every row after the first
//   if (!prices) prices = cache.keep(ctx, slot, catalog, owner);  // the statement's first call
//
// A statement keeps its snapshot with sqlite3_set_auxdata (a negative slot,
// which SQLite keeps until the statement is reset; where an SQLite drops it
// sooner, the prices are simply chosen more often).  The call context last
// seen is remembered with its prices, so that the rows of one statement
// need not ask SQLite (sqlite3_get_auxdata walks a list): a context belongs
// to one function call of one live statement, and the remembered pair is
// forgotten when SQLite discards those prices, before the context can be
// freed.
#pragma once

#include <memory>

#include "catalog.hpp"
#include "sqlite_api.hpp"
#include "statement_prices.hpp"

namespace maas {

class StatementCache {
public:
    // What keeps the kept prices' owner alive: retained once per keep(),
    // released when SQLite discards them.
    struct Owner {
        void (*retain)(void* owner);
        void (*release)(void* owner);
        void* owner;
    };

    // The prices this statement already chose, or nullptr before its first
    // call (or where SQLite kept none).  (sqlite3_api: see Routines in sqlite_api.hpp.)
    StatementPrices* kept(sqlite3_context* ctx, int slot, [[maybe_unused]] Routines sqlite3_api = routines()) {
        if (ctx == recent_ctx_) return recent_prices_;
        auto* kept = static_cast<KeptPrices*>(sqlite3_get_auxdata(ctx, slot));
        if (!kept) return nullptr;
        recent_ctx_ = ctx;
        recent_prices_ = &kept->prices;
        return &kept->prices;
    }

    // Keeps catalog as this statement's prices; never nullptr.  If SQLite
    // cannot keep them (it discards them at once), the call uses a copy the
    // cache holds instead.
    StatementPrices* keep(sqlite3_context* ctx, int slot, std::shared_ptr<const Catalog> catalog, Owner owner);

private:
    struct KeptPrices {
        StatementPrices prices;
        StatementCache* cache;
        Owner owner;
    };
    static void discard_kept(void* kept);

    std::unique_ptr<StatementPrices> unkept_;   // for a call SQLite keeps no auxiliary data for
    sqlite3_context* recent_ctx_ = nullptr;     // the call context kept() last answered
    StatementPrices* recent_prices_ = nullptr;  // ... with these kept prices
};

}  // namespace maas

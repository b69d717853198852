// connection.hpp - what one database connection's functions share, and how
// long it lives.  Three jobs, each in a class of its own, held here:
//   PriceFreshness  the merged prices and when to rebuild them (price_freshness.hpp)
//   StatementCache  the prices each statement chose (statement_cache.hpp)
//   UsageMemo       the last usage text read (usage_memo.hpp)
// and the lifetime: every SQL function and module registered on a
// connection points at one ConnectionState (through a Binding).  Each
// registration holds a reference, dropped by SQLite's destructor callbacks,
// so the state lives exactly as long as something registered still uses it
// (loading twice leaks nothing).
//
//   maas::Failure failure;
//   maas::StatementPrices* prices = state->prices_for(ctx, binding, failure);
//   if (!prices) return maas::report_failure(ctx, "maas_cost", failure);
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "catalog.hpp"
#include "failure.hpp"
#include "price_freshness.hpp"
#include "sqlite_api.hpp"
#include "statement_cache.hpp"
#include "statement_prices.hpp"
#include "usage_memo.hpp"

namespace maas {

class ConnectionState;

// What a registration's user data points at: the state, and whether the
// functions see the user's prices (maas_cost) or the built-in card alone
// (maas_builtin_cost, deterministic).
struct Binding {
    ConnectionState* state;
    bool builtin_only;
};

class ConnectionState {
public:
    ConnectionState(sqlite3* db, std::shared_ptr<const Catalog> builtin);
    ~ConnectionState();
    ConnectionState(const ConnectionState&) = delete;
    ConnectionState& operator=(const ConnectionState&) = delete;

    // True while a ConnectionState lives for db: the module is loaded there.
    // Loading again is then a no-op, which also lets `SELECT load_extension()`
    // run inside a statement, where SQLite refuses to redefine functions.
    static bool loaded_on(sqlite3* db);

    // What a call should price with: the built-in card for builtin-only
    // bindings, else the merged prices as of this statement; kept for the
    // whole statement.  nullptr with `failure` set when the user's tables
    // hold a bad row (bad_data) or SQLite could not read them.
    StatementPrices* prices_for(sqlite3_context* ctx, const Binding& binding, Failure& failure) {
        if (StatementPrices* kept = kept_prices(ctx, binding)) return kept;
        return prepare_prices(ctx, binding, failure);
    }

    // The prices this statement already chose, or nullptr before its first
    // call: every row after a statement's first finds its prices here.
    static StatementPrices* kept_prices(sqlite3_context* ctx, const Binding& binding,
                                        [[maybe_unused]] Routines sqlite3_api = routines()) {
        return binding.state->statements_.kept(ctx, slot_of(binding), sqlite3_api);
    }

    // The merged catalog as of now (for maas_rates); checks for changes.
    std::shared_ptr<const Catalog> current(Failure& failure) { return freshness_.current(failure); }

    // The merged catalog last built, without checking (for estimates).
    const Catalog& last() const { return freshness_.last(); }
    const Catalog& builtin() const { return *freshness_.builtin(); }
    sqlite3* db() const { return db_; }

    // Lays a card file's lines over the loaded cards (same key: the newer
    // load wins).  Nothing changes unless the whole merge succeeds.
    bool load_card_lines(std::vector<CardLine> lines, Failure& failure) {
        return freshness_.load_card_lines(std::move(lines), failure);
    }

    // The connection's usage reader, with its memory of the last text:
    // SQLite calls one connection's functions one at a time, so one parser,
    // buffer and memo serve them all.
    UsageMemo& usage_memo() { return usage_memo_; }

    // How deeply maas_exec calls run inside each other on this connection.
    int& exec_nesting() { return exec_nesting_; }

    Binding* binding(bool builtin_only) { return builtin_only ? &builtin_binding_ : &merged_binding_; }
    void retain() { refs_.fetch_add(1, std::memory_order_relaxed); }
    // SQLite destructor callback for a Binding* (or ConnectionState* via binding()).
    static void release_binding(void* binding);

private:
    // Slots for sqlite3_set_auxdata unlikely to be used by any other
    // extension's function in the same statement ("maas" in ASCII, negated).
    static constexpr int kMergedSlot = -0x6d616173;
    static constexpr int kBuiltinSlot = -0x6d616174;
    static int slot_of(const Binding& binding) { return binding.builtin_only ? kBuiltinSlot : kMergedSlot; }

    static void retain_state(void* state) { static_cast<ConnectionState*>(state)->retain(); }
    static void release_state(void* state) { release_binding(static_cast<ConnectionState*>(state)->binding(false)); }
    StatementPrices* prepare_prices(sqlite3_context* ctx, const Binding& binding, Failure& failure);

    sqlite3* db_;
    PriceFreshness freshness_;
    StatementCache statements_;
    UsageMemo usage_memo_;
    int exec_nesting_ = 0;
    Binding builtin_binding_{this, true};
    Binding merged_binding_{this, false};
    std::atomic<int> refs_{0};
};

}  // namespace maas

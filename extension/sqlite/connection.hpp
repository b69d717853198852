// connection.hpp - what one database connection's functions share: the
// built-in card, cards loaded with maas_load_card(), and the overlay of the
// user's own tables, merged into the Catalog that pricing reads.
//
// Every SQL function and module registered on a connection points at one
// ConnectionState (through a Binding).  Each registration holds a reference,
// dropped by SQLite's destructor callbacks, so the state lives exactly as
// long as something registered still uses it (loading twice leaks nothing).
//
//   maas::Failure failure;
//   maas::StatementPrices* prices = state->prices_for(ctx, binding, failure);
//   if (!prices) return maas::report_failure(ctx, "maas_cost", failure);
//
// Freshness: prices_for() checks for changes once per statement
// execution, not per row.  It keeps the snapshot it chose as the statement's
// auxiliary data (sqlite3_set_auxdata with a negative slot, which SQLite
// keeps until the statement is reset; where an SQLite drops it sooner, the
// check simply runs more often).  The check itself: the ChangeSignal; then,
// if that moved, inside a transaction, or before the statement has started
// reading (when data_version may be stale), the counter of the user tables;
// then, if that moved, the tables.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "failure.hpp"
#include "sqlite_api.hpp"
#include "statement_prices.hpp"
#include "usage_memo.hpp"
#include "user_tables.hpp"

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
    // call (or where SQLite kept none): every row after a statement's first
    // finds its prices here, without a check.  The call context last seen
    // is remembered with its prices, so that the rows of one statement
    // need not ask SQLite (sqlite3_get_auxdata walks a list): a context
    // belongs to one function call of one live statement, and the
    // remembered pair is forgotten when SQLite discards those prices (the
    // auxiliary data's destructor), before the context can be freed.
    static StatementPrices* kept_prices(sqlite3_context* ctx, const Binding& binding,
                                        [[maybe_unused]] Routines sqlite3_api = routines()) {
        ConnectionState& state = *binding.state;
        if (ctx == state.recent_ctx_) return state.recent_prices_;
        auto* kept = static_cast<KeptPrices*>(sqlite3_get_auxdata(ctx, slot_of(binding)));
        if (!kept) return nullptr;
        state.recent_ctx_ = ctx;
        state.recent_prices_ = &kept->prices;
        return &kept->prices;
    }

    // The merged catalog as of now (for maas_rates); checks for changes.
    std::shared_ptr<const Catalog> current(Failure& failure);

    // The merged catalog last built, without checking (for estimates).
    const Catalog& last() const { return *merged_; }
    const Catalog& builtin() const { return *builtin_; }
    sqlite3* db() const { return db_; }

    // Lays a card file's lines over the loaded cards (same key: the newer
    // load wins).  Nothing changes unless the whole merge succeeds.
    bool load_card_lines(std::vector<CardLine> lines, Failure& failure);

    // The connection's usage reader, with its memory of the last text:
    // SQLite calls one connection's functions one at a time, so one parser,
    // buffer and memo serve them all.
    UsageMemo& usage_memo() { return usage_memo_; }

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

    // What a statement keeps as auxiliary data: its prices, and a reference
    // on this state, which may remember them (kept_prices) until they go.
    struct KeptPrices {
        StatementPrices prices;
        ConnectionState* state;
    };
    static void discard_kept(void* kept);

    StatementPrices* prepare_prices(sqlite3_context* ctx, const Binding& binding, Failure& failure);
    bool rebuild(const UserTablesState& tables, const std::vector<CardLine>& loaded, Failure& failure);

    sqlite3* db_;
    std::shared_ptr<const Catalog> builtin_;
    std::shared_ptr<const Catalog> merged_;  // builtin + loaded cards + user tables
    std::vector<CardLine> loaded_lines_;     // from maas_load_card, in load order
    ChangeSignal last_signal_;
    UserTablesState last_tables_;
    std::optional<Failure> last_refusal_;  // why the user tables were refused (bad_data), if they were
    bool checked_once_ = false;
    UsageMemo usage_memo_;
    std::unique_ptr<StatementPrices> unkept_;   // for a call SQLite keeps no auxiliary data for
    sqlite3_context* recent_ctx_ = nullptr;     // the call context kept_prices last answered
    StatementPrices* recent_prices_ = nullptr;  // ... with these kept prices
    Binding builtin_binding_{this, true};
    Binding merged_binding_{this, false};
    std::atomic<int> refs_{0};
};

}  // namespace maas

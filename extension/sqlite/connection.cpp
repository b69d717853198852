// connection.cpp - the per-connection merge of built-in, loaded and user
// prices, and when it is refreshed (see connection.hpp).
#include "connection.hpp"

#include <algorithm>
#include <mutex>
#include <unordered_set>

#include "ascii.hpp"
#include "card_merge.hpp"

namespace maas {
namespace {

// The connections a ConnectionState lives for.  A state is destroyed when
// SQLite drops its last registration (at the latest when the connection
// closes), so a reused sqlite3* address is never mistaken for a loaded one.
std::mutex& loaded_mutex() {
    static std::mutex m;
    return m;
}
std::unordered_set<sqlite3*>& loaded_connections() {
    static std::unordered_set<sqlite3*> connections;
    return connections;
}

}  // namespace

ConnectionState::ConnectionState(sqlite3* db, std::shared_ptr<const Catalog> builtin)
    : db_(db), builtin_(builtin), merged_(std::move(builtin)) {
    std::lock_guard<std::mutex> lock(loaded_mutex());
    loaded_connections().insert(db_);
}

ConnectionState::~ConnectionState() {
    std::lock_guard<std::mutex> lock(loaded_mutex());
    loaded_connections().erase(db_);
}

bool ConnectionState::loaded_on(sqlite3* db) {
    std::lock_guard<std::mutex> lock(loaded_mutex());
    return loaded_connections().count(db) != 0;
}

void ConnectionState::release_binding(void* binding) {
    ConnectionState* self = static_cast<Binding*>(binding)->state;
    if (self->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete self;
}

void ConnectionState::discard_kept(void* p) {
    auto* kept = static_cast<KeptPrices*>(p);
    ConnectionState* state = kept->state;
    if (state->recent_prices_ == &kept->prices) {
        state->recent_ctx_ = nullptr;
        state->recent_prices_ = nullptr;
    }
    delete kept;
    release_binding(state->binding(false));  // the reference prepare_prices took
}

StatementPrices* ConnectionState::prepare_prices(sqlite3_context* ctx, const Binding& binding, Failure& failure) {
    const int slot = slot_of(binding);
    std::shared_ptr<const Catalog> catalog = binding.builtin_only ? builtin_ : current(failure);
    if (!catalog) return nullptr;
    // SQLite owns the KeptPrices from here on, until the statement is
    // reset; if it cannot keep it (it discards it at once), this call uses
    // a copy the connection holds instead.
    auto* kept = new KeptPrices{StatementPrices(catalog), this};
    retain();  // dropped by discard_kept: this state outlives every statement's prices
    sqlite3_set_auxdata(ctx, slot, kept, discard_kept);
    if (StatementPrices* prices = kept_prices(ctx, binding)) return prices;
    unkept_.reset(new StatementPrices(std::move(catalog)));
    return unkept_.get();
}

std::shared_ptr<const Catalog> ConnectionState::current(Failure& failure) {
    const ChangeSignal signal = ChangeSignal::read(db_, last_tables_.schema);
    // Nothing can have changed when the signal has not moved, outside any
    // explicit transaction (where ROLLBACK TO would be invisible to it), once
    // the statement has begun reading (so data_version is up to date).
    const bool settled = checked_once_ && signal == last_signal_ && signal.autocommit &&
                         signal.txn_state != SQLITE_TXN_NONE;
    if (!settled) {
        UserTablesState tables;
        if (!read_user_tables_state(db_, tables, failure)) return nullptr;
        // version -1: no counter to trust, so read the tables every time.
        const bool unchanged = checked_once_ && tables == last_tables_ && tables.version >= 0;
        if (!unchanged) {
            // rebuild() may throw std::bad_alloc: then nothing below runs,
            // last_signal_ still differs, and the next call checks again.
            if (!rebuild(tables, loaded_lines_, failure)) {
                if (!failure.remembered()) {
                    checked_once_ = false;  // SQLite failed (out of memory, I/O): check again next time
                    return nullptr;
                }
                checked_once_ = true;  // a bad row: the verdict stands until the tables change
                last_refusal_ = failure;
                last_tables_ = tables;
                last_signal_ = signal;
                return nullptr;
            }
            checked_once_ = true;
            last_refusal_.reset();
            last_tables_ = tables;
        }
        last_signal_ = signal;  // only now do the prices match it
    }
    if (last_refusal_) {
        failure = *last_refusal_;
        return nullptr;
    }
    return merged_;
}

bool ConnectionState::rebuild(const UserTablesState& tables, const std::vector<CardLine>& loaded, Failure& failure) {
    UserTables user;
    if (!read_user_tables(db_, tables, user, failure)) return false;
    const std::vector<AliasLine>& user_aliases = user.aliases;

    if (user.empty() && loaded.empty()) {
        merged_ = builtin_;  // nothing to lay over the built-in card: share it
        return true;
    }
    std::vector<CardLine> lines = builtin_->lines();
    overlay_lines(lines, loaded);
    overlay_lines(lines, user.lines);
    // A user alias replaces a built-in alias of the same name.
    std::vector<AliasLine> aliases;
    for (const AliasLine& a : builtin_->aliases()) {
        const bool replaced = std::any_of(user_aliases.begin(), user_aliases.end(), [&](const AliasLine& u) {
            return equal_ignoring_ascii_case(u.alias, a.alias);
        });
        if (!replaced) aliases.push_back(a);
    }
    aliases.insert(aliases.end(), user_aliases.begin(), user_aliases.end());

    std::string contradiction;
    std::shared_ptr<const Catalog> merged = Catalog::build(std::move(lines), std::move(aliases), contradiction,
                                                           std::move(user.fx));
    if (!merged) {
        failure = Failure::bad_data(std::move(contradiction));
        return false;
    }
    merged_ = std::move(merged);
    return true;
}

bool ConnectionState::load_card_lines(std::vector<CardLine> lines, Failure& failure) {
    std::vector<CardLine> loaded = loaded_lines_;
    overlay_lines(loaded, lines);
    // Build with the user tables as they are now; only a complete success is
    // kept: a failure, or std::bad_alloc, leaves loaded_lines_ as it was.
    UserTablesState tables;
    if (!read_user_tables_state(db_, tables, failure) || !rebuild(tables, loaded, failure)) return false;
    loaded_lines_ = std::move(loaded);  // no-throw
    last_tables_ = tables;
    last_signal_ = ChangeSignal::read(db_, last_tables_.schema);
    last_refusal_.reset();
    checked_once_ = true;
    return true;
}

}  // namespace maas

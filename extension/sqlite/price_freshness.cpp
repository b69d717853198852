// price_freshness.cpp - merging the built-in, loaded and user prices, and
// when to do it again (see price_freshness.hpp).
#include "price_freshness.hpp"

#include <algorithm>

#include "ascii.hpp"
#include "card_merge.hpp"

namespace maas {

std::shared_ptr<const Catalog> PriceFreshness::current(Failure& failure) {
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

bool PriceFreshness::rebuild(const UserTablesState& tables, const std::vector<CardLine>& loaded, Failure& failure) {
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
                                                           std::move(user.fx), std::move(user.calendar),
                                                           std::move(user.packs));
    if (!merged) {
        failure = Failure::bad_data(std::move(contradiction));
        return false;
    }
    merged_ = std::move(merged);
    return true;
}

bool PriceFreshness::load_card_lines(std::vector<CardLine> lines, Failure& failure) {
    std::vector<CardLine> loaded = loaded_lines_;
    overlay_lines(loaded, lines);
    // Build with the user tables as they are now; only a complete success is
    // kept: a failure, or std::bad_alloc, leaves loaded_lines_ as it was.
    UserTablesState tables;
    if (!read_user_tables_state(db_, tables, failure) || !rebuild(tables, loaded, failure)) return false;
    loaded_lines_ = std::move(loaded);  // no-throw, as every step below: nothing may fail once merged
    last_tables_ = std::move(tables);
    last_signal_ = ChangeSignal::read(db_, last_tables_.schema);
    last_refusal_.reset();
    checked_once_ = true;
    return true;
}

}  // namespace maas

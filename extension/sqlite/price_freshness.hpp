// price_freshness.hpp - one connection's merged prices (the built-in card,
// cards loaded with maas_load_card(), the user's own tables) and when they
// are rebuilt: only when the user's tables may have changed.
//
//   maas::PriceFreshness prices(db, builtin);
//   maas::Failure failure;
//   std::shared_ptr<const maas::Catalog> now = prices.current(failure);   // nullptr: failure says why
//
// The check: the ChangeSignal; then, if that moved, inside a transaction,
// or before the statement has started reading (when data_version may be
// stale), the counter of the user tables; then, if that moved, the tables.
// A bad row's verdict stands until the tables change.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "catalog.hpp"
#include "failure.hpp"
#include "sqlite_api.hpp"
#include "user_tables.hpp"

namespace maas {

class PriceFreshness {
public:
    PriceFreshness(sqlite3* db, std::shared_ptr<const Catalog> builtin)
        : db_(db), builtin_(builtin), merged_(std::move(builtin)) {}

    // The merged catalog as of now; checks for changes.  nullptr with
    // `failure` set when the user's tables hold a bad row (bad_data) or
    // SQLite could not read them.
    std::shared_ptr<const Catalog> current(Failure& failure);

    // The merged catalog last built, without checking (for estimates).
    const Catalog& last() const { return *merged_; }
    const std::shared_ptr<const Catalog>& builtin() const { return builtin_; }

    // Lays a card file's lines over the loaded cards (same key: the newer
    // load wins).  Nothing changes unless the whole merge succeeds.
    bool load_card_lines(std::vector<CardLine> lines, Failure& failure);

private:
    bool rebuild(const UserTablesState& tables, const std::vector<CardLine>& loaded, Failure& failure);

    sqlite3* db_;
    std::shared_ptr<const Catalog> builtin_;
    std::shared_ptr<const Catalog> merged_;  // builtin + loaded cards + user tables
    std::vector<CardLine> loaded_lines_;     // from maas_load_card, in load order
    ChangeSignal last_signal_;
    UserTablesState last_tables_;
    std::optional<Failure> last_refusal_;  // why the user tables were refused (bad_data), if they were
    bool checked_once_ = false;
};

}  // namespace maas

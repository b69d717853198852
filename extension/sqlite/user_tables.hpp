// user_tables.hpp - reading the user's own prices, aliases, exchange rates,
// calendar and packs from the database (the tables sql/user_tables.sql creates), and
// noticing cheaply when they may have changed.
//
//   maas::UserTablesState state;
//   maas::UserTables tables;
//   maas::Failure failure;
//   if (maas::read_user_tables_state(db, state, failure) && maas::read_user_tables(db, state, tables, failure)) ...
//   // else failure.message: "maas_user_rates rowid 5: price: ..." (bad_data), or SQLite's error
//
// Noticing a change without re-reading on every row: once per statement the
// connection compares a few numbers SQLite keeps anyway (ChangeSignal); only
// when they moved does it read the one-row counter maas_user_changes that
// the tables' triggers raise, and only when that moved are the tables read
// again (see connection.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "failure.hpp"
#include "sqlite_api.hpp"

namespace maas {

// What SQLite tells for free about possible changes: any commit (this
// connection's or another's) moves a database's data_version; any row this
// connection changes moves total_changes; the transaction state says whether
// data_version can be trusted yet (it is refreshed when a read transaction
// starts); and the list of databases changes with ATTACH and DETACH.
// `user_schema` is where the user's tables were found last (or "").
struct ChangeSignal {
    unsigned data_version = 0;       // main's
    unsigned user_data_version = 0;  // the user tables' database, when not main
    int64_t total_changes = -1;
    int autocommit = -1;
    int txn_state = -1;
    uint64_t databases = 0;  // a hash of the names of the connection's databases

    static ChangeSignal read(sqlite3* db, const std::string& user_schema);
    bool operator==(const ChangeSignal& o) const {
        return data_version == o.data_version && user_data_version == o.user_data_version &&
               total_changes == o.total_changes && autocommit == o.autocommit && txn_state == o.txn_state &&
               databases == o.databases;
    }
};

// Where the user tables are, which exist, and how to tell they changed: the
// counter (-1 when it cannot be trusted: no counter table, or a trigger
// missing; then every check re-reads the tables) and a fingerprint of each
// table's rows.
//
// Where they are is one documented rule: the first database, in SQLite's
// order (main, temp, then attached databases in ATTACH order), that holds
// any of maas_user_rates, maas_user_aliases, maas_user_fx,
// maas_user_calendar, maas_user_packs, maas_user_changes.  So a read-only usage database can be priced with the
// user's own prices kept in a database of their own, attached to it (or the
// reverse).  A second database that also holds any of them is an error,
// never silently ignored.
struct UserTablesState {
    std::string schema;  // "" when no database holds them
    bool has_rates = false;
    bool has_aliases = false;
    bool has_fx = false;
    bool has_calendar = false;
    bool has_packs = false;
    int64_t version = -1;
    std::string fingerprint;  // "rows/max rowid;" per table
    bool operator==(const UserTablesState& o) const {
        return schema == o.schema && has_rates == o.has_rates && has_aliases == o.has_aliases && has_fx == o.has_fx &&
               has_calendar == o.has_calendar && has_packs == o.has_packs && version == o.version &&
               fingerprint == o.fingerprint;
    }
};

// What the user's tables hold, checked.
struct UserTables {
    std::vector<CardLine> lines;     // maas_user_rates
    std::vector<AliasLine> aliases;  // maas_user_aliases
    std::vector<FxLine> fx;          // maas_user_fx
    Calendar calendar;               // maas_user_calendar
    std::vector<PackLine> packs;     // maas_user_packs
    bool empty() const {
        return lines.empty() && aliases.empty() && fx.empty() && calendar.size() == 0 && packs.empty();
    }
};

// Reads the current UserTablesState; false on SQLite errors (sqlite_error,
// out_of_memory), or (bad_data) when two databases hold user tables.
bool read_user_tables_state(sqlite3* db, UserTablesState& out, Failure& failure);

// Reads and checks every row of maas_user_rates, maas_user_aliases,
// maas_user_fx, maas_user_calendar and maas_user_packs (those that exist; a maas_user_rates
// made before it had the columns condition and billed_per reads them as
// empty).  The first bad row stops it (bad_data), named by table, rowid
// and column; SQLite's own errors are sqlite_error or out_of_memory.
bool read_user_tables(sqlite3* db, const UserTablesState& state, UserTables& out, Failure& failure);

}  // namespace maas

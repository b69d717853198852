// user_tables.hpp - reading the user's own prices, aliases and exchange
// rates from the database (the tables sql/user_tables.sql creates), and
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
#include <vector>

#include "catalog.hpp"
#include "failure.hpp"
#include "sqlite_api.hpp"

namespace maas {

// What SQLite tells for free about possible changes to the main database:
// any commit (this connection's or another's) moves data_version; any row
// this connection changes moves total_changes; and the transaction state
// says whether data_version can be trusted yet (it is refreshed when a read
// transaction starts).
struct ChangeSignal {
    unsigned data_version = 0;
    int64_t total_changes = -1;
    int autocommit = -1;
    int txn_state = -1;

    static ChangeSignal read(sqlite3* db);
    bool operator==(const ChangeSignal& o) const {
        return data_version == o.data_version && total_changes == o.total_changes && autocommit == o.autocommit &&
               txn_state == o.txn_state;
    }
};

// Which of the user tables exist, and the change counter (-1 when the
// counter table is missing: then every check must re-read the tables).
struct UserTablesState {
    int64_t schema_version = -1;  // a re-created table starts its counter again
    bool has_rates = false;
    bool has_aliases = false;
    bool has_fx = false;
    int64_t version = -1;
    bool operator==(const UserTablesState& o) const {
        return schema_version == o.schema_version && has_rates == o.has_rates && has_aliases == o.has_aliases &&
               has_fx == o.has_fx && version == o.version;
    }
};

// What the user's tables hold, checked.
struct UserTables {
    std::vector<CardLine> lines;    // maas_user_rates
    std::vector<AliasLine> aliases;  // maas_user_aliases
    std::vector<FxLine> fx;          // maas_user_fx
    bool empty() const { return lines.empty() && aliases.empty() && fx.empty(); }
};

// Reads the current UserTablesState; false on SQLite errors (sqlite_error,
// out_of_memory).
bool read_user_tables_state(sqlite3* db, UserTablesState& out, Failure& failure);

// Reads and checks every row of maas_user_rates, maas_user_aliases and
// maas_user_fx (those that exist).  The first bad row stops it (bad_data), named by table, rowid
// and column; SQLite's own errors are sqlite_error or out_of_memory.
bool read_user_tables(sqlite3* db, const UserTablesState& state, UserTables& out, Failure& failure);

}  // namespace maas

// vtab_support.hpp - what the read-only, eponymous virtual tables of
// sqlite-maas (maas_rates, maas_aliases) have in common: connecting as an
// innocuous table bound to the connection's state, and allocating cursors
// without letting an exception or a null pointer reach SQLite.
//
//   struct RatesTable { sqlite3_vtab base; ConnectionState* state; };
//   const sqlite3_module kRatesModule = read_only_module<RatesTable, RatesCursor, kSchema>(
//       {rates_best_index, rates_filter, rates_next, rates_eof, rates_column, rates_rowid});
#pragma once

#include <new>

#include "connection.hpp"
#include "sqlite_api.hpp"

namespace maas {

// Declares `schema`, marks the table innocuous (it only shows prices and
// names and has no side effects, so views and triggers may read it under
// trusted_schema=OFF) and binds it to the state the module was registered
// with.  Table must start with `sqlite3_vtab base` and hold `state`.
template <typename Table, const char* schema>
int connect_table(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
    const int rc = sqlite3_declare_vtab(db, schema);
    if (rc != SQLITE_OK) return rc;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto* table = new (std::nothrow) Table{};
    if (!table) return SQLITE_NOMEM;
    table->state = static_cast<Binding*>(aux)->state;
    *out = &table->base;
    return SQLITE_OK;
}

template <typename Table>
int disconnect_table(sqlite3_vtab* vtab) {
    delete reinterpret_cast<Table*>(vtab);
    return SQLITE_OK;
}

// Cursor must start with `sqlite3_vtab_cursor base`.
template <typename Cursor>
int open_cursor(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
    auto* cursor = new (std::nothrow) Cursor{};
    if (!cursor) return SQLITE_NOMEM;
    *out = &cursor->base;
    return SQLITE_OK;
}

template <typename Cursor>
int close_cursor(sqlite3_vtab_cursor* cur) {
    delete reinterpret_cast<Cursor*>(cur);
    return SQLITE_OK;
}

// The methods that differ from one table to another.
struct TableMethods {
    int (*best_index)(sqlite3_vtab*, sqlite3_index_info*);
    int (*filter)(sqlite3_vtab_cursor*, int, const char*, int, sqlite3_value**);
    int (*next)(sqlite3_vtab_cursor*);
    int (*eof)(sqlite3_vtab_cursor*);
    int (*column)(sqlite3_vtab_cursor*, sqlite3_context*, int);
    int (*rowid)(sqlite3_vtab_cursor*, sqlite3_int64*);
};

// An eponymous-only (no xCreate: it exists in every schema and cannot be
// CREATEd), read-only (no xUpdate) module.
template <typename Table, typename Cursor, const char* schema>
sqlite3_module read_only_module(const TableMethods& methods) {
    sqlite3_module m{};
    m.iVersion = 0;
    m.xCreate = nullptr;
    m.xConnect = connect_table<Table, schema>;
    m.xBestIndex = methods.best_index;
    m.xDisconnect = disconnect_table<Table>;
    m.xDestroy = disconnect_table<Table>;
    m.xOpen = open_cursor<Cursor>;
    m.xClose = close_cursor<Cursor>;
    m.xFilter = methods.filter;
    m.xNext = methods.next;
    m.xEof = methods.eof;
    m.xColumn = methods.column;
    m.xRowid = methods.rowid;
    return m;
}

}  // namespace maas

// aliases_vtab.cpp - maas_aliases, an eponymous read-only virtual table with
// one row per alias: an extra name under which usage may name a model.
//
//   SELECT alias, model, origin FROM maas_aliases;
//   INSERT INTO maas_user_aliases(alias, model) VALUES ('my-r1', 'DeepSeek-R1');
//   SELECT model FROM maas_aliases WHERE alias = 'my-r1';   -- DeepSeek-R1
//
// Columns: alias, model (as published), provider, source, origin ('builtin'
// or 'user').  The list is short, so every query scans it (idxNum 0).
#include "registration.hpp"

#include <cstring>
#include <new>

#include "catalog.hpp"
#include "user_tables.hpp"
#include "sql_args.hpp"

namespace maas {
namespace {

enum Column { kAlias, kModel, kProvider, kSource, kOrigin };
constexpr const char* kSchema = "CREATE TABLE x(alias TEXT, model TEXT, provider TEXT, source TEXT, origin TEXT)";

struct AliasesTable {
    sqlite3_vtab base;  // first, so SQLite's pointer converts to ours
    ConnectionState* state;
};

struct AliasesCursor {
    sqlite3_vtab_cursor base;
    std::shared_ptr<const Catalog> catalog;
    size_t position = 0;
};

int aliases_connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
    const int rc = sqlite3_declare_vtab(db, kSchema);
    if (rc != SQLITE_OK) return rc;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);  // shows names only; no side effects
    auto* table = new (std::nothrow) AliasesTable{};
    if (!table) return SQLITE_NOMEM;
    table->state = static_cast<Binding*>(aux)->state;
    *out = &table->base;
    return SQLITE_OK;
}

int aliases_disconnect(sqlite3_vtab* vtab) {
    delete reinterpret_cast<AliasesTable*>(vtab);
    return SQLITE_OK;
}

int aliases_best_index(sqlite3_vtab* vtab, sqlite3_index_info* info) {
    const double rows = double(reinterpret_cast<AliasesTable*>(vtab)->state->last().alias_rows().size());
    info->idxNum = 0;
    info->estimatedRows = sqlite3_int64(rows < 1 ? 1 : rows);
    info->estimatedCost = rows < 1 ? 1 : rows;
    return SQLITE_OK;
}

int aliases_open(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
    auto* cursor = new (std::nothrow) AliasesCursor{};
    if (!cursor) return SQLITE_NOMEM;
    *out = &cursor->base;
    return SQLITE_OK;
}

int aliases_close(sqlite3_vtab_cursor* cur) {
    delete reinterpret_cast<AliasesCursor*>(cur);
    return SQLITE_OK;
}

int aliases_filter(sqlite3_vtab_cursor* cur, int, const char*, int, sqlite3_value**) {
    auto* c = reinterpret_cast<AliasesCursor*>(cur);
    try {
        std::string error;
        c->catalog = reinterpret_cast<AliasesTable*>(cur->pVtab)->state->current(error);
        if (!c->catalog) {
            // Out of memory while reading the user tables is SQLite's out-of-memory
            // error, as for the functions, not a verdict on the tables.
            if (is_read_failure(error) &&
                sqlite3_errcode(reinterpret_cast<AliasesTable*>(cur->pVtab)->state->db()) == SQLITE_NOMEM)
                return SQLITE_NOMEM;
            sqlite3_free(cur->pVtab->zErrMsg);
            cur->pVtab->zErrMsg = sqlite3_mprintf("maas_aliases: %s", utf8_safe(error).c_str());  // rows may hold any bytes
            return SQLITE_ERROR;
        }
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
    c->position = 0;
    return SQLITE_OK;
}

int aliases_next(sqlite3_vtab_cursor* cur) {
    ++reinterpret_cast<AliasesCursor*>(cur)->position;
    return SQLITE_OK;
}

int aliases_eof(sqlite3_vtab_cursor* cur) {
    auto* c = reinterpret_cast<AliasesCursor*>(cur);
    return c->position >= c->catalog->alias_rows().size();
}

int aliases_column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int column) {
    auto* c = reinterpret_cast<AliasesCursor*>(cur);
    const AliasRow& row = c->catalog->alias_rows()[c->position];
    const Model& model = c->catalog->models()[row.model_index];
    auto text = [ctx](const std::string& s) {
        sqlite3_result_text(ctx, s.data(), int(s.size()), SQLITE_TRANSIENT);  // may outlive the snapshot
    };
    switch (column) {
        case kAlias: text(row.line->alias); break;
        case kModel: text(model.name); break;
        case kProvider: text(model.provider); break;
        case kSource: text(row.line->source); break;
        case kOrigin: sqlite3_result_text(ctx, origin_name(row.line->origin), -1, SQLITE_STATIC); break;
        default: sqlite3_result_null(ctx); break;
    }
    return SQLITE_OK;
}

int aliases_rowid(sqlite3_vtab_cursor* cur, sqlite3_int64* rowid) {
    *rowid = sqlite3_int64(reinterpret_cast<AliasesCursor*>(cur)->position) + 1;
    return SQLITE_OK;
}

sqlite3_module make_module() {
    sqlite3_module m;
    std::memset(&m, 0, sizeof m);
    m.xConnect = aliases_connect;  // no xCreate: eponymous-only
    m.xBestIndex = aliases_best_index;
    m.xDisconnect = aliases_disconnect;
    m.xDestroy = aliases_disconnect;
    m.xOpen = aliases_open;
    m.xClose = aliases_close;
    m.xFilter = aliases_filter;
    m.xNext = aliases_next;
    m.xEof = aliases_eof;
    m.xColumn = aliases_column;
    m.xRowid = aliases_rowid;
    return m;  // no xUpdate: read-only (edit maas_user_aliases instead)
}

const sqlite3_module kAliasesModule = make_module();

}  // namespace

const sqlite3_module* aliases_module() { return &kAliasesModule; }

}  // namespace maas

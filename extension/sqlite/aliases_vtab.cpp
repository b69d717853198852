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

#include <new>

#include "catalog.hpp"
#include "failure.hpp"
#include "vtab_support.hpp"

namespace maas {
namespace {

enum Column { kAlias, kModel, kProvider, kSource, kOrigin };
constexpr char kSchema[] = "CREATE TABLE x(alias TEXT, model TEXT, provider TEXT, source TEXT, origin TEXT)";

struct AliasesTable {
    sqlite3_vtab base;  // first, so SQLite's pointer converts to ours
    ConnectionState* state;
};

struct AliasesCursor {
    sqlite3_vtab_cursor base;
    std::shared_ptr<const Catalog> catalog;
    size_t position = 0;
};

int aliases_best_index(sqlite3_vtab* vtab, sqlite3_index_info* info) {
    const double rows = double(reinterpret_cast<AliasesTable*>(vtab)->state->last().alias_rows().size());
    info->idxNum = 0;
    info->estimatedRows = sqlite3_int64(rows < 1 ? 1 : rows);
    info->estimatedCost = rows < 1 ? 1 : rows;
    return SQLITE_OK;
}

int aliases_filter(sqlite3_vtab_cursor* cur, int, const char*, int, sqlite3_value**) {
    auto* c = reinterpret_cast<AliasesCursor*>(cur);
    try {
        Failure failure;
        c->catalog = reinterpret_cast<AliasesTable*>(cur->pVtab)->state->current(failure);
        if (!c->catalog) {
            return report_vtab_failure(cur->pVtab, "maas_aliases", failure);
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

int aliases_rowid(sqlite3_vtab_cursor* cur, sqlite3_int64* rowid) {
    *rowid = sqlite3_int64(reinterpret_cast<AliasesCursor*>(cur)->position) + 1;
    return SQLITE_OK;
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

}  // namespace

const sqlite3_module* aliases_module() {
    // No xUpdate: read-only (edit maas_user_aliases instead).
    static const sqlite3_module module = read_only_module<AliasesTable, AliasesCursor, kSchema>(
        {aliases_best_index, aliases_filter, aliases_next, aliases_eof, aliases_column, aliases_rowid});
    return &module;
}

}  // namespace maas

// rates_vtab.cpp - maas_rates, an eponymous read-only virtual table with one
// row per price line of the card.
//
//   SELECT model, item, price, unit FROM maas_rates WHERE model = 'Qwen3-8B';
//   SELECT count(*) FROM maas_rates;                          -- 131
//
// Columns: provider, model, service, item, label, price (REAL), price_text
// (the published decimal), unit, currency, effective_from, effective_to (NULL
// for the current version), source, origin ('builtin' or 'user').  Times are
// UTC text in the form of SQLite's datetime(), so they compare correctly with
// it.  The rows are the connection's merged prices: the built-in card,
// loaded cards and the user's tables (see connection.hpp).
//
// A hidden column `lookup` finds a model by any name the pricing functions
// accept (letter case ignored, aliases, provider/model):
//   SELECT * FROM maas_rates WHERE lookup = 'xdeepseekv3';
//   SELECT * FROM maas_rates('qwen3-8b');            -- the same, as a table function
//
// xBestIndex serves equality on `model`, `item` and `lookup` from the
// catalog's indexes instead of a scan.  idxNum is a bit set saying which
// constraints were passed to xFilter, in this argv order:
//   kModelEq  (1)  the model name; rows of that model only
//   kItemEq   (2)  the item; rows of that item only
//   kLookupEq (4)  any name of a model; rows of that model only
// The model is found case-insensitively and SQLite re-checks the `model`
// constraint (omit = 0), so the rows returned are exactly those of the SQL
// semantics, for BINARY and NOCASE collations.  Items are matched exactly,
// so only BINARY item constraints are served, and not re-checked (omit = 1).
// `lookup` is ours alone, so it is not re-checked either.  Other
// collations are left to SQLite.
#include "registration.hpp"

#include <algorithm>
#include <memory>
#include <new>

#include "catalog.hpp"
#include "failure.hpp"
#include "vtab_support.hpp"
#include "statement_prices.hpp"

namespace maas {
namespace {

enum Column {
    kProvider,
    kModel,
    kService,
    kItem,
    kLabel,
    kPrice,
    kPriceText,
    kUnit,
    kCurrency,
    kEffectiveFrom,
    kEffectiveTo,
    kSource,
    kOrigin,
    kCondition,
    kBilledPer,
    kLookup
};
constexpr char kSchema[] =
    "CREATE TABLE x(provider TEXT, model TEXT, service TEXT, item TEXT, label TEXT, price REAL, "
    "price_text TEXT, unit TEXT, currency TEXT, effective_from TEXT, effective_to TEXT, source TEXT, "
    "origin TEXT, condition TEXT, billed_per TEXT, lookup HIDDEN)";

constexpr int kModelEq = 1;
constexpr int kItemEq = 2;
constexpr int kLookupEq = 4;

struct RatesTable {
    sqlite3_vtab base;  // first, so SQLite's pointer converts to ours
    ConnectionState* state;
};

struct RatesCursor {
    sqlite3_vtab_cursor base;
    std::unique_ptr<StatementPrices> prices;      // the snapshot this scan reads, with its name cache
    const Catalog* catalog = nullptr;             // prices->catalog()
    const std::vector<uint32_t>* rows = nullptr;  // a list of row numbers, or all rows when null
    bool filter_item = false;
    Item item = Item::input;
    std::string lookup;  // the name given to `lookup`, shown as its value
    bool has_lookup = false;
    size_t position = 0;  // index into *rows (or into catalog->rows())
    size_t end = 0;

    uint32_t row() const { return rows ? (*rows)[position] : uint32_t(position); }
    bool skip_row() const { return filter_item && catalog->rows()[row()].line->item != item; }
};

bool collation_is(sqlite3_index_info* info, int constraint, const char* name) {
    const char* collation = sqlite3_vtab_collation(info, constraint);
    return sqlite3_stricmp(collation ? collation : "BINARY", name) == 0;
}

int rates_best_index(sqlite3_vtab* vtab, sqlite3_index_info* info) {
    const Catalog& catalog = reinterpret_cast<RatesTable*>(vtab)->state->last();
    int model_constraint = -1, item_constraint = -1, lookup_constraint = -1;
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& c = info->aConstraint[i];
        if (!c.usable || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
        const bool binary = collation_is(info, i, "BINARY");
        if (c.iColumn == kLookup && lookup_constraint < 0) lookup_constraint = i;
        // The model index ignores letter case, so it serves BINARY and NOCASE
        // (SQLite re-checks); items are matched exactly, so BINARY only.
        if (c.iColumn == kModel && model_constraint < 0 && (binary || collation_is(info, i, "NOCASE")))
            model_constraint = i;
        if (c.iColumn == kItem && item_constraint < 0 && binary) item_constraint = i;
    }
    // Honest estimates from the catalog's shape: a model has a handful of
    // lines, an item about a sixth of them.
    const double all = double(catalog.rows().size());
    const double per_model = catalog.models().empty() ? all : all / double(catalog.models().size());
    double rows = all;
    int argv_index = 0;
    info->idxNum = 0;
    if (model_constraint >= 0) {
        info->aConstraintUsage[model_constraint].argvIndex = ++argv_index;
        info->idxNum |= kModelEq;
        rows = per_model;
    }
    if (item_constraint >= 0) {
        info->aConstraintUsage[item_constraint].argvIndex = ++argv_index;
        info->aConstraintUsage[item_constraint].omit = 1;  // exactly the rows of that item
        info->idxNum |= kItemEq;
        rows = model_constraint >= 0 ? 1 : all / kItemCount;
    }
    if (lookup_constraint >= 0) {
        info->aConstraintUsage[lookup_constraint].argvIndex = ++argv_index;
        info->aConstraintUsage[lookup_constraint].omit = 1;
        info->idxNum |= kLookupEq;
        rows = std::min(rows, per_model);
    }
    info->estimatedRows = sqlite3_int64(rows < 1 ? 1 : rows);
    // A lookup costs about as much as reading a row or two; a scan, every row.
    info->estimatedCost = info->idxNum ? 2.0 + rows : all;
    return SQLITE_OK;
}

int rates_next(sqlite3_vtab_cursor* cur) {
    auto* c = reinterpret_cast<RatesCursor*>(cur);
    do ++c->position;
    while (c->position < c->end && c->skip_row());
    return SQLITE_OK;
}

// Rows of the model `name` resolves to (by model name or by any name).
const std::vector<uint32_t>* rows_of(StatementPrices& prices, sqlite3_value* name) {
    static const std::vector<uint32_t> kNoRows;
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(name));
    const Model* model = text ? prices.find(std::string_view(text, size_t(sqlite3_value_bytes(name))), nullptr)
                              : nullptr;
    return model ? &model->rows : &kNoRows;
}

int filter(RatesCursor* c, int idx_num, int argc, sqlite3_value** argv) {
    static const std::vector<uint32_t> kNoRows;
    const Catalog& catalog = *c->catalog;
    c->rows = nullptr;
    c->filter_item = false;
    c->has_lookup = false;
    c->end = catalog.rows().size();
    int arg = 0;
    sqlite3_value* model_value = (idx_num & kModelEq) && arg < argc ? argv[arg++] : nullptr;
    sqlite3_value* item_value = (idx_num & kItemEq) && arg < argc ? argv[arg++] : nullptr;
    sqlite3_value* lookup_value = (idx_num & kLookupEq) && arg < argc ? argv[arg++] : nullptr;
    // In SQL a BLOB or NULL equals no TEXT: such a value finds nothing
    // (the model constraint is re-checked by SQLite anyway).
    auto comparable = [](sqlite3_value* v) {
        const int type = sqlite3_value_type(v);
        return type != SQLITE_BLOB && type != SQLITE_NULL;
    };
    if ((item_value && !comparable(item_value)) || (lookup_value && !comparable(lookup_value))) {
        c->rows = &kNoRows;
        c->end = 0;
        c->position = 0;
        return SQLITE_OK;
    }
    if (model_value) c->rows = rows_of(*c->prices, model_value);
    if (lookup_value) {
        const std::vector<uint32_t>* found = rows_of(*c->prices, lookup_value);
        // With both, the rows must be the same model's: anything else is empty.
        c->rows = c->rows && c->rows != found ? &kNoRows : found;
        const char* text = reinterpret_cast<const char*>(sqlite3_value_text(lookup_value));
        c->lookup.assign(text ? text : "", size_t(sqlite3_value_bytes(lookup_value)));
        c->has_lookup = sqlite3_value_type(lookup_value) != SQLITE_NULL;
    }
    if (item_value) {
        const char* text = reinterpret_cast<const char*>(sqlite3_value_text(item_value));
        const std::string_view given(text ? text : "", size_t(sqlite3_value_bytes(item_value)));
        Item item = Item::input;
        // Item names are exact here, as in any BINARY comparison, bytes and
        // length both ('LORA' and 'input\0x' find nothing).
        bool known = false;
        for (int i = 0; text && i < kItemCount && !known; ++i)
            if (given == item_name(Item(i))) known = true, item = Item(i);
        if (!known) {
            c->rows = &kNoRows;
        } else if (c->rows) {
            c->filter_item = true;
            c->item = item;
        } else {
            c->rows = &catalog.rows_for_item(item);
        }
    }
    if (c->rows) c->end = c->rows->size();
    c->position = 0;
    while (c->position < c->end && c->skip_row()) ++c->position;
    return SQLITE_OK;
}

int rates_filter(sqlite3_vtab_cursor* cur, int idx_num, const char*, int argc, sqlite3_value** argv) {
    auto* c = reinterpret_cast<RatesCursor*>(cur);
    try {
        Failure failure;
        // A join filters the same cursor once per outer row: the prices are
        // chosen once, at the first filter of the statement's scan.
        if (!c->prices) {
            std::shared_ptr<const Catalog> catalog = reinterpret_cast<RatesTable*>(cur->pVtab)->state->current(failure);
            if (!catalog) {
                return report_vtab_failure(cur->pVtab, "maas_rates", failure);
            }
            c->prices.reset(new StatementPrices(std::move(catalog)));
            c->catalog = &c->prices->catalog();
        }
        return filter(c, idx_num, argc, argv);
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
}

int rates_eof(sqlite3_vtab_cursor* cur) {
    auto* c = reinterpret_cast<RatesCursor*>(cur);
    return c->position >= c->end;
}

void result_text(sqlite3_context* ctx, const std::string& s) {
    // Copied: the value may outlive this cursor and the snapshot it holds.
    sqlite3_result_text(ctx, s.data(), int(s.size()), SQLITE_TRANSIENT);
}

int rates_column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int column) {
    auto* c = reinterpret_cast<RatesCursor*>(cur);
    const RateRow& row = c->catalog->rows()[c->row()];
    const CardLine& line = *row.line;
    switch (column) {
        case kProvider: result_text(ctx, line.provider); break;
        case kModel: result_text(ctx, line.model); break;
        case kService: sqlite3_result_text(ctx, service_name(line.service), -1, SQLITE_STATIC); break;
        case kItem: sqlite3_result_text(ctx, item_name(line.item), -1, SQLITE_STATIC); break;
        case kLabel: result_text(ctx, line.label); break;
        case kPrice: sqlite3_result_double(ctx, row.price); break;
        case kPriceText: result_text(ctx, line.price_text); break;
        case kUnit: sqlite3_result_text(ctx, unit_name(line.unit), -1, SQLITE_STATIC); break;
        case kCurrency: result_text(ctx, line.currency); break;
        case kEffectiveFrom: result_text(ctx, row.effective_from); break;
        case kEffectiveTo:
            if (row.effective_to.empty()) sqlite3_result_null(ctx);
            else result_text(ctx, row.effective_to);
            break;
        case kSource: result_text(ctx, line.source); break;
        case kOrigin: sqlite3_result_text(ctx, origin_name(line.origin), -1, SQLITE_STATIC); break;
        case kCondition:  // NULL for a line that always applies
            if (line.condition_text.empty()) sqlite3_result_null(ctx);
            else result_text(ctx, line.condition_text);
            break;
        case kBilledPer:
            if (line.per_started_hour) sqlite3_result_text(ctx, "started_hour", -1, SQLITE_STATIC);
            else sqlite3_result_null(ctx);
            break;
        case kLookup:
            if (c->has_lookup) result_text(ctx, c->lookup);
            else sqlite3_result_null(ctx);
            break;
        default: sqlite3_result_null(ctx); break;
    }
    return SQLITE_OK;
}

int rates_rowid(sqlite3_vtab_cursor* cur, sqlite3_int64* rowid) {
    auto* c = reinterpret_cast<RatesCursor*>(cur);
    *rowid = sqlite3_int64(c->row()) + 1;  // 1-based, in card order
    return SQLITE_OK;
}

// No xUpdate: read-only (edit maas_user_rates instead).
const sqlite3_module kRatesModule = read_only_module<RatesTable, RatesCursor, kSchema>(
    {rates_best_index, rates_filter, rates_next, rates_eof, rates_column, rates_rowid});

}  // namespace

const sqlite3_module* rates_module() { return &kRatesModule; }

}  // namespace maas

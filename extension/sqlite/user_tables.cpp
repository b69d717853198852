// user_tables.cpp - see user_tables.hpp.
#include "user_tables.hpp"

#include <algorithm>
#include <memory>

#include "ascii.hpp"
#include "card_merge.hpp"
#include "time_text.hpp"

namespace maas {
namespace {

constexpr const char* kReading = "cannot read the user tables";

struct StatementCloser {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

bool prepare(sqlite3* db, const std::string& sql, Statement& out, Failure& failure) {
    sqlite3_stmt* stmt = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &stmt, nullptr); rc != SQLITE_OK) {
        failure = Failure::from_sqlite(db, rc, kReading);
        sqlite3_finalize(stmt);
        return false;
    }
    out.reset(stmt);
    return true;
}

std::string_view column_text(sqlite3_stmt* stmt, int i) {
    const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
    return std::string_view(text ? text : "", size_t(sqlite3_column_bytes(stmt, i)));
}

// A time column as text the card checks read: unix seconds (an INTEGER, or
// the digits the column's TEXT affinity made of one) by the same rule as the
// functions' `at`, anything else as written.
std::string instant_text_of(std::string_view value) {
    int64_t unix_ms;
    return instant_from_seconds_text(value, unix_ms) ? format_time(unix_ms) : std::string(value);
}

std::string where(const char* table, sqlite3_stmt* stmt) {
    return std::string(table) + " rowid " + std::to_string(static_cast<long long>(sqlite3_column_int64(stmt, 0)));
}

bool step_error(sqlite3* db, int rc, Failure& failure) {
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return false;
    failure = Failure::from_sqlite(db, rc, kReading);
    return true;
}

// A schema name as an SQL identifier: "name", quotes doubled.
std::string quoted_schema(const std::string& schema) {
    std::string out = "\"";
    for (char c : schema) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Whether a table has a column, from the names a SELECT * would give: no
// pragma, which an authorizer may deny.
bool has_column(sqlite3* db, const std::string& table, const char* column, bool& out, Failure& failure) {
    Statement stmt;
    if (!prepare(db, "SELECT * FROM " + table + " LIMIT 0", stmt, failure)) return false;
    out = false;
    for (int i = 0; i < sqlite3_column_count(stmt.get()); ++i) {
        const char* name = sqlite3_column_name(stmt.get(), i);
        if (!name) {
            failure = Failure::from_sqlite(db, SQLITE_NOMEM, kReading);
            return false;
        }
        out |= equal_ignoring_ascii_case(name, column);
    }
    return true;
}

// The SELECT of maas_user_rates: the columns condition and billed_per
// came later, so a table made before them reads them as empty.
bool rates_select(sqlite3* db, const std::string& schema, std::string& sql, Failure& failure) {
    const std::string table = quoted_schema(schema) + ".maas_user_rates";
    bool has_condition, has_billed_per;
    if (!has_column(db, table, "condition", has_condition, failure) ||
        !has_column(db, table, "billed_per", has_billed_per, failure))
        return false;
    sql = "SELECT rowid, provider, model, service, item, label, price, unit, currency, effective_from, source, " +
          std::string(has_condition ? "condition" : "NULL") + ", " + (has_billed_per ? "billed_per" : "NULL") +
          " FROM " + table + " ORDER BY rowid";
    return true;
}

bool read_rates(sqlite3* db, const std::string& schema, std::vector<CardLine>& lines, Failure& failure) {
    std::string sql;
    Statement stmt;
    if (!rates_select(db, schema, sql, failure) || !prepare(db, sql, stmt, failure)) return false;
    DuplicateFinder seen;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        const std::string effective_from = instant_text_of(column_text(s, 9));
        const CardFields fields{column_text(s, 1), column_text(s, 2),  column_text(s, 3),  column_text(s, 4),
                                column_text(s, 5), column_text(s, 6),  column_text(s, 7),  column_text(s, 8),
                                effective_from,    column_text(s, 10), column_text(s, 11), column_text(s, 12)};
        CardLine line;
        std::string column, message;
        if (!check_card_line(fields, line, column, message)) {
            failure = Failure::bad_data(where("maas_user_rates", s) + ": " + column + ": " + message);
            return false;
        }
        line.origin = Origin::user;
        line.where = where("maas_user_rates", s);
        std::string duplicate;
        if (!seen.add(line, duplicate)) {
            failure = Failure::bad_data(std::move(duplicate));
            return false;
        }
        lines.push_back(std::move(line));
    }
    return !step_error(db, rc, failure);
}

// maas_user_calendar: a day marked both holiday and workday is a bad row.
bool read_calendar(sqlite3* db, const std::string& schema, Calendar& calendar, Failure& failure) {
    Statement stmt;
    if (!prepare(db, "SELECT rowid, date, kind FROM " + quoted_schema(schema) + ".maas_user_calendar ORDER BY rowid",
                 stmt, failure))
        return false;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        CalendarMark mark;
        std::string column, message;
        if (!check_calendar_row(column_text(s, 1), column_text(s, 2), mark, column, message)) {
            failure = Failure::bad_data(where("maas_user_calendar", s) + ": " + column + ": " + message);
            return false;
        }
        if (!calendar.add(mark)) {
            failure = Failure::bad_data(where("maas_user_calendar", s) + ": kind: " + std::string(column_text(s, 1)) +
                                        " is marked both holiday and workday");
            return false;
        }
    }
    return !step_error(db, rc, failure);
}

bool read_aliases(sqlite3* db, const std::string& schema, std::vector<AliasLine>& aliases, Failure& failure) {
    Statement stmt;
    if (!prepare(db,
                 "SELECT rowid, alias, model, source FROM " + quoted_schema(schema) +
                     ".maas_user_aliases ORDER BY rowid",
                 stmt, failure))
        return false;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        if (sqlite3_column_type(s, 1) != SQLITE_TEXT || column_text(s, 1).empty()) {
            failure = Failure::bad_data(where("maas_user_aliases", s) + ": alias: must be a non-empty TEXT");
            return false;
        }
        if (sqlite3_column_type(s, 2) != SQLITE_TEXT) {
            failure = Failure::bad_data(where("maas_user_aliases", s) + ": model: must be TEXT");
            return false;
        }
        aliases.push_back(AliasLine{std::string(column_text(s, 1)), std::string(column_text(s, 2)),
                                    std::string(column_text(s, 3)), Origin::user, where("maas_user_aliases", s)});
    }
    return !step_error(db, rc, failure);
}

bool read_fx(sqlite3* db, const std::string& schema, std::vector<FxLine>& rates, Failure& failure) {
    Statement stmt;
    if (!prepare(db,
                 "SELECT rowid, currency, to_currency, rate, effective_from, source FROM " + quoted_schema(schema) +
                     ".maas_user_fx ORDER BY rowid",
                 stmt, failure))
        return false;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        const std::string effective_from = instant_text_of(column_text(s, 4));
        const FxFields fields{column_text(s, 1), column_text(s, 2), column_text(s, 3), effective_from,
                              column_text(s, 5)};
        FxLine line;
        std::string column, message;
        if (!check_fx_line(fields, line, column, message)) {
            failure = Failure::bad_data(where("maas_user_fx", s) + ": " + column + ": " + message);
            return false;
        }
        line.where = where("maas_user_fx", s);
        rates.push_back(std::move(line));
    }
    return !step_error(db, rc, failure);
}

bool read_packs(sqlite3* db, const std::string& schema, std::vector<PackLine>& packs, Failure& failure) {
    Statement stmt;
    if (!prepare(db,
                 "SELECT rowid, pack, provider, models, items, size, unit, currency, valid_from, valid_until, "
                 "priority, source FROM " +
                     quoted_schema(schema) + ".maas_user_packs ORDER BY rowid",
                 stmt, failure))
        return false;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        const std::string from = instant_text_of(column_text(s, 8)), until = instant_text_of(column_text(s, 9));
        const PackFields fields{column_text(s, 1),
                                column_text(s, 2),
                                column_text(s, 3),
                                column_text(s, 4),
                                column_text(s, 5),
                                column_text(s, 6),
                                column_text(s, 7),
                                from,
                                until,
                                column_text(s, 10),
                                column_text(s, 11)};
        PackLine line;
        std::string column, message;
        if (!check_pack_line(fields, line, column, message)) {
            failure = Failure::bad_data(where("maas_user_packs", s) + ": " + column + ": " + message);
            return false;
        }
        line.where = where("maas_user_packs", s);
        packs.push_back(std::move(line));
    }
    return !step_error(db, rc, failure);
}

// The tables of the user's prices and the triggers that raise the counter
// (sql/user_tables.sql).  The counter is trusted only while every trigger of
// the tables present is there; otherwise the tables are read every time.
// The tables that hold data first, then the counter.
constexpr const char* kTables[] = {"maas_user_rates",    "maas_user_aliases", "maas_user_fx",
                                   "maas_user_calendar", "maas_user_packs",   "maas_user_changes"};
constexpr int kDataTables = 5;
constexpr int kCounter = 5;
constexpr const char* kTriggerSuffixes[] = {"_insert", "_update", "_delete"};

// The names SQLite lists for the connection's databases, in its order:
// main, temp, then the attached ones in the order they were attached.
bool schema_names(sqlite3* db, std::vector<std::string>& out, Failure& failure) {
    // sqlite3_db_name (3.39.0) needs no statement, so no authorizer that
    // denies pragmas can stand in the way; pragma_database_list before that.
    if (sqlite3_libversion_number() >= 3039000) {
        for (int i = 0;; ++i) {
            const char* name = sqlite3_db_name(db, i);
            if (!name) return true;
            out.emplace_back(name);
        }
    }
    Statement stmt;
    if (!prepare(db, "SELECT name FROM pragma_database_list ORDER BY seq", stmt, failure)) return false;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) out.emplace_back(column_text(stmt.get(), 0));
    return !step_error(db, rc, failure);
}

// Which of our tables and triggers one schema holds.  Only tables count: a
// view of the same name (a hostile file's way to run a function while we
// read) is not a user table (tests/robust/test_security.cpp).
struct SchemaContents {
    bool tables[kDataTables + 1] = {};  // kTables order
    int triggers = 0;                   // of ours, for the tables present
    bool any() const { return std::find(std::begin(tables), std::end(tables), true) != std::end(tables); }
};

// What each schema holds, in one statement over all of them (a UNION ALL
// of their sqlite_master): this runs at a connection's first pricing
// statement, and each statement prepared costs more than reading the rows.
bool read_schema_contents(sqlite3* db, const std::vector<std::string>& schemas, std::vector<SchemaContents>& out,
                          Failure& failure) {
    out.assign(schemas.size(), SchemaContents{});
    if (schemas.empty()) return true;
    std::string sql;
    for (size_t i = 0; i < schemas.size(); ++i)
        sql += (i ? " UNION ALL " : "") +
               ("SELECT " + std::to_string(i) + ", type, name FROM " + quoted_schema(schemas[i]) +
                ".sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE "
                "'maas\\_user\\_%' ESCAPE '\\'");
    Statement stmt;
    if (!prepare(db, sql, stmt, failure)) return false;
    std::vector<std::vector<std::string>> triggers(schemas.size());
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        const size_t schema = size_t(sqlite3_column_int64(stmt.get(), 0));
        if (schema >= schemas.size()) continue;  // cannot happen: the numbers are ours
        const std::string_view type = column_text(stmt.get(), 1), name = column_text(stmt.get(), 2);
        if (type == "trigger") {
            triggers[schema].emplace_back(name);
            continue;
        }
        for (int t = 0; t <= kCounter; ++t) out[schema].tables[t] |= name == kTables[t];
    }
    if (step_error(db, rc, failure)) return false;
    for (size_t schema = 0; schema < schemas.size(); ++schema)
        for (int t = 0; t < kDataTables; ++t)  // the counter table has no triggers of its own
            for (const char* suffix : kTriggerSuffixes)
                if (out[schema].tables[t] && std::find(triggers[schema].begin(), triggers[schema].end(),
                                                       std::string(kTables[t]) + suffix) != triggers[schema].end())
                    ++out[schema].triggers;
    return true;
}

}  // namespace

ChangeSignal ChangeSignal::read(sqlite3* db, const std::string& user_schema) {
    ChangeSignal s;
    sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &s.data_version);
    s.total_changes = sqlite3_total_changes64(db);
    s.autocommit = sqlite3_get_autocommit(db);
    s.txn_state = sqlite3_txn_state(db, "main");
    if (!user_schema.empty() && user_schema != "main") {
        // The user's tables live in another database: its commits move its
        // own counter, which is current only inside a read transaction on it.
        sqlite3_file_control(db, user_schema.c_str(), SQLITE_FCNTL_DATA_VERSION, &s.user_data_version);
        const int user_txn = sqlite3_txn_state(db, user_schema.c_str());
        if (user_txn == SQLITE_TXN_NONE) s.txn_state = SQLITE_TXN_NONE;  // not settled: check again
    }
    // ATTACH and DETACH move none of the numbers above: the list of
    // databases is part of the signal.  sqlite3_db_name is 3.39.0's; on an
    // older SQLite the signal never settles, and the (cheap) check runs once
    // per statement.
    if (sqlite3_libversion_number() >= 3039000) {
        for (int i = 0;; ++i) {
            const char* name = sqlite3_db_name(db, i);
            if (!name) break;
            for (const char* p = name; *p; ++p) s.databases = s.databases * 131 + uint64_t(uint8_t(*p));
            s.databases = s.databases * 131 + 1;
        }
    } else {
        s.txn_state = SQLITE_TXN_NONE;
    }
    return s;
}

bool read_user_tables_state(sqlite3* db, UserTablesState& out, Failure& failure) {
    out = UserTablesState{};
    std::vector<std::string> schemas;
    if (!schema_names(db, schemas, failure)) return false;
    // The rule: the user's tables are read from the first database, in
    // SQLite's order (main, temp, then attached in the order of ATTACH),
    // that holds any of them.  A second database holding any of them is an
    // error, never silently ignored.
    std::vector<SchemaContents> contents_of;
    if (!read_schema_contents(db, schemas, contents_of, failure)) return false;
    SchemaContents chosen;
    for (size_t i = 0; i < schemas.size(); ++i) {
        const std::string& schema = schemas[i];
        const SchemaContents& contents = contents_of[i];
        if (!contents.any()) continue;
        if (out.schema.empty()) {
            out.schema = schema;
            chosen = contents;
            continue;
        }
        failure = Failure::bad_data("the user tables are in two databases, '" + out.schema + "' and '" + schema +
                                    "': they are read from the first that has them (main, temp, then attached "
                                    "ones in ATTACH order); keep them in one (DETACH or drop the others)");
        return false;
    }
    if (out.schema.empty()) return true;
    out.has_rates = chosen.tables[0];
    out.has_aliases = chosen.tables[1];
    out.has_fx = chosen.tables[2];
    out.has_calendar = chosen.tables[3];
    out.has_packs = chosen.tables[4];
    const bool has_counter = chosen.tables[kCounter];
    const int triggers_needed = 3 * (int(out.has_rates) + int(out.has_aliases) + int(out.has_fx) +
                                     int(out.has_calendar) + int(out.has_packs));
    // A fingerprint of each table (rows and the largest rowid) catches a
    // table dropped and made again between two checks, which leaves the
    // counter where it was.
    const std::string from = quoted_schema(out.schema) + ".";
    std::string sql = "SELECT " +
                      std::string(has_counter ? "(SELECT max(version) FROM " + from + "maas_user_changes)" : "NULL");
    for (int t = 0; t < kDataTables; ++t)
        sql += chosen.tables[t] ? ", (SELECT count(*) || '/' || ifnull(max(rowid), 0) FROM " + from + kTables[t] + ")"
                                : std::string(", ''");
    Statement stmt;
    if (!prepare(db, sql, stmt, failure)) return false;
    const int rc = sqlite3_step(stmt.get());
    if (step_error(db, rc, failure)) return false;
    if (rc != SQLITE_ROW) return true;
    if (has_counter && chosen.triggers == triggers_needed && sqlite3_column_type(stmt.get(), 0) == SQLITE_INTEGER)
        out.version = sqlite3_column_int64(stmt.get(), 0);
    for (int t = 0; t < kDataTables; ++t) out.fingerprint += std::string(column_text(stmt.get(), t + 1)) + ";";
    return true;
}

bool read_user_tables(sqlite3* db, const UserTablesState& state, UserTables& out, Failure& failure) {
    return (!state.has_rates || read_rates(db, state.schema, out.lines, failure)) &&
           (!state.has_aliases || read_aliases(db, state.schema, out.aliases, failure)) &&
           (!state.has_fx || read_fx(db, state.schema, out.fx, failure)) &&
           (!state.has_calendar || read_calendar(db, state.schema, out.calendar, failure)) &&
           (!state.has_packs || read_packs(db, state.schema, out.packs, failure));
}

}  // namespace maas

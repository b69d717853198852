// user_tables.cpp - see user_tables.hpp.
#include "user_tables.hpp"

#include <memory>

#include "card_merge.hpp"
#include "time_text.hpp"

namespace maas {
namespace {

constexpr const char* kReading = "cannot read the user tables";

struct StatementCloser {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

bool prepare(sqlite3* db, const char* sql, Statement& out, Failure& failure) {
    sqlite3_stmt* stmt = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr); rc != SQLITE_OK) {
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

bool read_rates(sqlite3* db, std::vector<CardLine>& lines, Failure& failure) {
    Statement stmt;
    if (!prepare(db,
                 "SELECT rowid, provider, model, service, item, label, price, unit, currency, effective_from, "
                 "source FROM main.maas_user_rates ORDER BY rowid",
                 stmt, failure))
        return false;
    DuplicateFinder seen;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        const std::string effective_from = instant_text_of(column_text(s, 9));
        const CardFields fields{column_text(s, 1), column_text(s, 2), column_text(s, 3), column_text(s, 4),
                                column_text(s, 5), column_text(s, 6), column_text(s, 7), column_text(s, 8),
                                effective_from,    column_text(s, 10)};
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

bool read_aliases(sqlite3* db, std::vector<AliasLine>& aliases, Failure& failure) {
    Statement stmt;
    if (!prepare(db, "SELECT rowid, alias, model, source FROM main.maas_user_aliases ORDER BY rowid", stmt, failure))
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

bool read_fx(sqlite3* db, std::vector<FxLine>& rates, Failure& failure) {
    Statement stmt;
    if (!prepare(db, "SELECT rowid, currency, to_currency, rate, effective_from, source FROM main.maas_user_fx "
                     "ORDER BY rowid",
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

}  // namespace

ChangeSignal ChangeSignal::read(sqlite3* db) {
    ChangeSignal s;
    sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &s.data_version);
    s.total_changes = sqlite3_total_changes64(db);
    s.autocommit = sqlite3_get_autocommit(db);
    s.txn_state = sqlite3_txn_state(db, "main");
    return s;
}

bool read_user_tables_state(sqlite3* db, UserTablesState& out, Failure& failure) {
    out = UserTablesState{};
    Statement names;
    if (!prepare(db,
                 "SELECT name, (SELECT schema_version FROM main.pragma_schema_version) "
                 "FROM main.sqlite_master WHERE type = 'table' AND name IN "
                 "('maas_user_rates', 'maas_user_aliases', 'maas_user_fx', 'maas_user_changes')",
                 names, failure))
        return false;
    bool has_counter = false;
    int rc;
    while ((rc = sqlite3_step(names.get())) == SQLITE_ROW) {
        const std::string_view name = column_text(names.get(), 0);
        out.has_rates |= name == "maas_user_rates";
        out.has_aliases |= name == "maas_user_aliases";
        out.has_fx |= name == "maas_user_fx";
        has_counter |= name == "maas_user_changes";
        out.schema_version = sqlite3_column_int64(names.get(), 1);
    }
    if (step_error(db, rc, failure)) return false;
    if (!has_counter || !(out.has_rates || out.has_aliases || out.has_fx)) return true;
    Statement counter;
    if (!prepare(db, "SELECT max(version) FROM main.maas_user_changes", counter, failure)) return false;
    rc = sqlite3_step(counter.get());
    if (step_error(db, rc, failure)) return false;
    if (rc == SQLITE_ROW && sqlite3_column_type(counter.get(), 0) == SQLITE_INTEGER)
        out.version = sqlite3_column_int64(counter.get(), 0);
    return true;
}

bool read_user_tables(sqlite3* db, const UserTablesState& state, UserTables& out, Failure& failure) {
    return (!state.has_rates || read_rates(db, out.lines, failure)) &&
           (!state.has_aliases || read_aliases(db, out.aliases, failure)) &&
           (!state.has_fx || read_fx(db, out.fx, failure));
}

}  // namespace maas

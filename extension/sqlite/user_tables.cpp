// user_tables.cpp - see user_tables.hpp.
#include "user_tables.hpp"

#include <memory>

#include "time_text.hpp"

namespace maas {
namespace {

constexpr const char* kReadFailure = "cannot read the user tables: ";

struct StatementCloser {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

bool prepare(sqlite3* db, const char* sql, Statement& out, std::string& error) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        error = std::string(kReadFailure) + sqlite3_errmsg(db);
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

std::string where(const char* table, sqlite3_stmt* stmt) {
    return std::string(table) + " rowid " + std::to_string(static_cast<long long>(sqlite3_column_int64(stmt, 0)));
}

bool step_error(sqlite3* db, int rc, std::string& error) {
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return false;
    error = std::string(kReadFailure) + sqlite3_errmsg(db);
    return true;
}

bool read_rates(sqlite3* db, std::vector<CardLine>& lines, std::string& error) {
    Statement stmt;
    if (!prepare(db,
                 "SELECT rowid, provider, model, service, item, label, price, unit, currency, effective_from, "
                 "source FROM main.maas_user_rates ORDER BY rowid",
                 stmt, error))
        return false;
    DuplicateFinder seen;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        // Unix seconds: an INTEGER, or the digits the column's TEXT affinity
        // made of one (no date form is digits alone, so nothing is ambiguous).
        std::string effective_from(column_text(s, 9));
        const bool digits_only = !effective_from.empty() && effective_from.size() <= 12 &&
                                 effective_from.find_first_not_of("0123456789") == std::string::npos;
        if (digits_only || sqlite3_column_type(s, 9) == SQLITE_INTEGER) {
            const int64_t seconds = sqlite3_column_int64(s, 9);
            if (seconds > -62135596800LL && seconds < 253402300800LL)  // years 0001..9999
                effective_from = format_time(seconds * 1000);
        }
        const CardFields fields{column_text(s, 1), column_text(s, 2), column_text(s, 3), column_text(s, 4),
                                column_text(s, 5), column_text(s, 6), column_text(s, 7), column_text(s, 8),
                                effective_from,    column_text(s, 10)};
        CardLine line;
        std::string column, message;
        if (!check_card_line(fields, line, column, message)) {
            error = where("maas_user_rates", s) + ": " + column + ": " + message;
            return false;
        }
        line.origin = Origin::user;
        line.where = where("maas_user_rates", s);
        if (!seen.add(line, error)) return false;
        lines.push_back(std::move(line));
    }
    return !step_error(db, rc, error);
}

bool read_aliases(sqlite3* db, std::vector<AliasLine>& aliases, std::string& error) {
    Statement stmt;
    if (!prepare(db, "SELECT rowid, alias, model, source FROM main.maas_user_aliases ORDER BY rowid", stmt, error))
        return false;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = stmt.get();
        if (sqlite3_column_type(s, 1) != SQLITE_TEXT || column_text(s, 1).empty()) {
            error = where("maas_user_aliases", s) + ": alias: must be a non-empty TEXT";
            return false;
        }
        if (sqlite3_column_type(s, 2) != SQLITE_TEXT) {
            error = where("maas_user_aliases", s) + ": model: must be TEXT";
            return false;
        }
        aliases.push_back(AliasLine{std::string(column_text(s, 1)), std::string(column_text(s, 2)),
                                    std::string(column_text(s, 3)), Origin::user, where("maas_user_aliases", s)});
    }
    return !step_error(db, rc, error);
}

}  // namespace

bool is_read_failure(const std::string& error) { return error.rfind(kReadFailure, 0) == 0; }

ChangeSignal ChangeSignal::read(sqlite3* db) {
    ChangeSignal s;
    sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &s.data_version);
    s.total_changes = sqlite3_total_changes64(db);
    s.autocommit = sqlite3_get_autocommit(db);
    s.txn_state = sqlite3_txn_state(db, "main");
    return s;
}

bool read_user_tables_state(sqlite3* db, UserTablesState& out, std::string& error) {
    out = UserTablesState{};
    Statement names;
    if (!prepare(db,
                 "SELECT name, (SELECT schema_version FROM main.pragma_schema_version) "
                 "FROM main.sqlite_master WHERE type = 'table' AND name IN "
                 "('maas_user_rates', 'maas_user_aliases', 'maas_user_changes')",
                 names, error))
        return false;
    bool has_counter = false;
    int rc;
    while ((rc = sqlite3_step(names.get())) == SQLITE_ROW) {
        const std::string_view name = column_text(names.get(), 0);
        out.has_rates |= name == "maas_user_rates";
        out.has_aliases |= name == "maas_user_aliases";
        has_counter |= name == "maas_user_changes";
        out.schema_version = sqlite3_column_int64(names.get(), 1);
    }
    if (step_error(db, rc, error)) return false;
    if (!has_counter || !(out.has_rates || out.has_aliases)) return true;
    Statement counter;
    if (!prepare(db, "SELECT max(version) FROM main.maas_user_changes", counter, error)) return false;
    rc = sqlite3_step(counter.get());
    if (step_error(db, rc, error)) return false;
    if (rc == SQLITE_ROW && sqlite3_column_type(counter.get(), 0) == SQLITE_INTEGER)
        out.version = sqlite3_column_int64(counter.get(), 0);
    return true;
}

bool read_user_tables(sqlite3* db, const UserTablesState& state, std::vector<CardLine>& lines,
                      std::vector<AliasLine>& aliases, std::string& error) {
    return (!state.has_rates || read_rates(db, lines, error)) &&
           (!state.has_aliases || read_aliases(db, aliases, error));
}

}  // namespace maas

// fuzz_sql.cpp - every SQL function of sqlite-maas called with fuzzed
// arguments through a real SQLite connection (the extension compiled in
// with SQLITE_CORE and registered with sqlite3_maas_init).
//
// An input is text, one item a line:
//   maas_cost                    the function to call (one of the extension's;
//                                'rates [column ...]' and 'aliases' query the
//                                virtual tables, one equality per argument)
//   n | i<int64> | r<strtod> | d<16 hex digits: a double's bits>
//     | t<text> | b<bytes>       an argument: NULL, INTEGER, REAL, REAL by
//                                bits (NaN, Inf), TEXT, BLOB; text and bytes
//                                take \n \0 \\ and \xHH escapes
//   !rate p,m,s,i,l,price,u,c,e  a row for maas_user_rates (before the call)
//   !alias a,m                   a row for maas_user_aliases
//   !fx c,t,rate,e               a row for maas_user_fx
//   !card                        the rest of the input is a card file, loaded
//                                with maas_load_card (through a memfd)
// Several calls may follow one another: a new function line starts a call.
//
// Properties: no crash, no sanitizer report; an error from a maas function
// starts with its own name and ": " (never "maas: internal error"); costs are
// finite REALs or NULL, maas_model TEXT or NULL, maas_usage_tokens a
// non-negative INTEGER or NULL (maas_usage_problem NULL exactly when it reads the
// text, else the text of its error), maas_load_card a positive INTEGER; maas_total
// a finite REAL or NULL, maas_total_text and maas_round_text the same TEXT of
// one value (or NULL); the built-in and total functions answer the same twice; with no user rows, maas_rates
// with equality constraints counts exactly what a plain copy of it counts; maas_instant NULL or the text
// 'YYYY-MM-DD HH:MM:SS[.SSS]', which it reads back as itself; maas_exec a non-negative INTEGER or NULL.
//
// maas_exec runs its TEXT as SQL, so a fuzzed argument is fuzzed SQL: it
// runs under an authorizer that allows reading and calling functions only
// (no ATTACH, no VACUUM INTO, no write: the fuzzer writes no file), with
// values held to 1 MiB and a budget of virtual machine steps (no endless
// recursive CTE or cross join).  Nesting (SQL that runs maas_exec again, as
// a user row can hold) is bounded by maas_exec itself, 16 deep.
#include <sqlite3.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "fuzz_sql_functions.hpp"
#include "maas.h"

namespace {

struct Arg {
    char kind = 'n';
    int64_t i = 0;
    double d = 0;
    std::string s;
};

struct Call {
    std::string function;
    std::vector<Arg> args;
};

std::string unescape(std::string_view s) {
    std::string out;
    for (size_t k = 0; k < s.size(); ++k) {
        if (s[k] != '\\' || k + 1 >= s.size()) {
            out += s[k];
            continue;
        }
        const char c = s[++k];
        if (c == 'n') out += '\n';
        else if (c == '0') out += '\0';
        else if (c == 'x' && k + 2 < s.size()) {
            out += char(std::strtol(std::string(s.substr(k + 1, 2)).c_str(), nullptr, 16));
            k += 2;
        } else out += c;
    }
    return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

sqlite3* g_db = nullptr;
bool g_dirty = true;  // user rows or a loaded card: start the next input afresh

void exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(g_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::fprintf(stderr, "setup failed: %s\n", message ? message : "?");
        std::abort();
    }
}

void fresh_connection() {
    if (g_db) sqlite3_close(g_db);
    FUZZ_CHECK(sqlite3_open(":memory:", &g_db) == SQLITE_OK, "open");
    char* message = nullptr;
    FUZZ_CHECK(sqlite3_maas_init(g_db, &message, nullptr) == SQLITE_OK, message ? message : "init");
    static const std::string user_tables = [] {
        std::ifstream in(MAAS_SOURCE_DIR "/sql/user_tables.sql");
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    exec(user_tables.c_str());
    exec("CREATE TEMP TABLE rates_copy AS SELECT * FROM maas_rates");
    g_dirty = false;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

void bind(sqlite3_stmt* stmt, int index, const Arg& a) {
    switch (a.kind) {
        case 'i': sqlite3_bind_int64(stmt, index, a.i); break;
        case 'r':
        case 'd': sqlite3_bind_double(stmt, index, a.d); break;
        case 't': sqlite3_bind_text(stmt, index, a.s.data(), int(a.s.size()), SQLITE_TRANSIENT); break;
        case 'b': sqlite3_bind_blob(stmt, index, a.s.data(), int(a.s.size()), SQLITE_TRANSIENT); break;
        default: sqlite3_bind_null(stmt, index); break;
    }
}

// Runs sql with args; returns the step's result code, the error message or
// the values' types and numbers.
struct Result {
    int rc = SQLITE_OK;
    std::string error;
    std::vector<int> types;
    std::vector<double> reals;
    std::vector<int64_t> ints;
    std::vector<std::string> texts;
};

Result query(const std::string& sql, const std::vector<Arg>& args) {
    Result r;
    sqlite3_stmt* stmt = nullptr;
    r.rc = sqlite3_prepare_v2(g_db, sql.c_str(), -1, &stmt, nullptr);
    if (r.rc != SQLITE_OK) {
        r.error = sqlite3_errmsg(g_db);
        return r;
    }
    for (size_t k = 0; k < args.size(); ++k) bind(stmt, int(k + 1), args[k]);
    r.rc = sqlite3_step(stmt);
    if (r.rc == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
            r.types.push_back(sqlite3_column_type(stmt, c));
            r.reals.push_back(sqlite3_column_double(stmt, c));
            r.ints.push_back(sqlite3_column_int64(stmt, c));
            const unsigned char* t = sqlite3_column_text(stmt, c);
            r.texts.emplace_back(t ? reinterpret_cast<const char*>(t) : "", size_t(sqlite3_column_bytes(stmt, c)));
        }
    } else if (r.rc != SQLITE_DONE) {
        r.error = sqlite3_errmsg(g_db);
    }
    sqlite3_finalize(stmt);
    return r;
}

// maas_exec's fences (see the top of the file).  Reading a table and calling
// a function are allowed; so is SQLite's own update of sqlite_schema when an
// eponymous virtual table (maas_aliases, a pragma function) first connects.
int read_only(void*, int action, const char* table, const char*, const char*, const char*) {
    if (action == SQLITE_UPDATE && table && std::strcmp(table, "sqlite_master") == 0) return SQLITE_OK;
    return action == SQLITE_SELECT || action == SQLITE_READ || action == SQLITE_FUNCTION ? SQLITE_OK : SQLITE_DENY;
}

long g_progress_calls = 0;  // progress callbacks (every 1,000 steps) in this maas_exec call
int step_budget(void*) { return ++g_progress_calls > 200 ? 1 : 0; }

struct ExecFences {
    int length;
    ExecFences() : length(sqlite3_limit(g_db, SQLITE_LIMIT_LENGTH, 1 << 20)) {
        g_progress_calls = 0;
        sqlite3_set_authorizer(g_db, read_only, nullptr);
        sqlite3_progress_handler(g_db, 1000, step_budget, nullptr);
    }
    ~ExecFences() {
        sqlite3_progress_handler(g_db, 0, nullptr, nullptr);
        sqlite3_set_authorizer(g_db, nullptr, nullptr);
        sqlite3_limit(g_db, SQLITE_LIMIT_LENGTH, length);
        g_dirty = true;  // the SQL may have loaded a card: the next input starts afresh
    }
};

// 'YYYY-MM-DD HH:MM:SS' with '.SSS' only when the milliseconds are not 000.
bool is_instant_text(const std::string& t) {
    static const char kShape[] = "dddd-dd-dd dd:dd:dd.ddd";
    if (t.size() != 19 && t.size() != 23) return false;
    for (size_t k = 0; k < t.size(); ++k)
        if (kShape[k] == 'd' ? !std::isdigit(static_cast<unsigned char>(t[k])) : t[k] != kShape[k]) return false;
    return t.size() == 19 || t.compare(20, 3, "000") != 0;
}

// The functions of the extension (fuzz_sql_functions.hpp); any other name
// line is skipped (the name is written into the SQL, so only these are ever run).
bool known_function(const std::string& f) {
    for (const char* name : fuzz_sql::kFunctions)
        if (f == name) return true;
    for (const char* name : fuzz_sql::kTables)
        if (f == name) return true;
    // "rates" followed by column names of maas_rates
    if (!starts_with(f, "rates ")) return false;
    for (const std::string& c : split(f.substr(6), ' '))
        if (!c.empty() && c != "model" && c != "item" && c != "lookup" && c != "provider" && c != "unit" &&
            c != "service" && c != "currency" && c != "origin")
            return false;
    return true;
}

bool is_cost(const std::string& f) {
    return f.find("_cost") != std::string::npos || f == "maas_price" || f == "maas_builtin_price";
}

void check_call(const Call& call) {
    const std::string& f = call.function;
    if (!known_function(f)) return;
    if (starts_with(f, "rates") || f == "aliases") {
        // Equality constraints, one per argument, on the columns the line
        // names ("rates item model"), by default model, item and lookup.
        std::vector<std::string> columns = split(f, ' ');
        columns.erase(columns.begin());
        columns.erase(std::remove(columns.begin(), columns.end(), std::string()), columns.end());
        if (columns.empty()) columns = {"model", "item", "lookup"};
        std::string where;
        bool uses_lookup = false;
        for (size_t k = 0; k < call.args.size() && k < columns.size(); ++k) {
            where += (k ? " AND " : " WHERE ") + columns[k] + " = ?" + std::to_string(k + 1);
            uses_lookup |= columns[k] == "lookup";
        }
        const size_t used = std::min<size_t>(call.args.size(), f == "aliases" ? 1 : columns.size());
        std::vector<Arg> args(call.args.begin(), call.args.begin() + used);
        const std::string table = f == "aliases" ? "maas_aliases" : "maas_rates";
        const std::string sql = "SELECT count(*), total(rowid) FROM " + table +
                                (f != "aliases" ? where
                                 : args.empty() ? ""
                                                : " WHERE alias = ?1");
        const Result r = query(sql, args);
        if (r.rc != SQLITE_ROW) {
            FUZZ_CHECK(starts_with(r.error, table + ": "), sql + ": " + r.error);
            return;
        }
        // maas_rates against a plain copy, when nothing changed the prices
        // and no lookup (a column of the virtual table alone) is asked for.
        if (f != "aliases" && !g_dirty && !uses_lookup) {
            std::string plain = "SELECT count(*), total(rowid) FROM rates_copy" + where;
            const Result p = query(plain, args);
            FUZZ_CHECK(p.rc == SQLITE_ROW && p.ints[0] == r.ints[0],
                       sql + ": maas_rates counts " + std::to_string(r.ints[0]) + ", a plain copy " +
                           (p.ints.empty() ? p.error : std::to_string(p.ints[0])));
        }
        return;
    }

    std::string sql = "SELECT " + f + "(";
    for (size_t k = 0; k < call.args.size(); ++k) sql += (k ? ", ?" : "?") + std::to_string(k + 1);
    sql += ")";
    const bool totals = f == "maas_total" || f == "maas_total_text" || f == "maas_round_text";
    const bool builtin = starts_with(f, "maas_builtin_") || f == "maas_usage_tokens" || f == "maas_usage_problem" ||
                         f == "maas_version" || f == "maas_month" || f == "maas_instant" || totals;
    if (builtin) sql += ", " + sql.substr(7);  // the same call twice: a pure function answers the same
    Result r;
    if (f == "maas_exec") {
        const ExecFences fences;
        r = query(sql, call.args);
    } else {
        r = query(sql, call.args);
    }
    if (r.rc == SQLITE_DONE) return;
    if (r.rc != SQLITE_ROW) {
        // (This also rules out "maas: internal error", an unexpected exception.)
        FUZZ_CHECK(starts_with(r.error, f + ": "), sql + " failed with: " + r.error);
        return;
    }
    const int type = r.types[0];
    if (is_cost(f)) {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_FLOAT && std::isfinite(r.reals[0]) && r.reals[0] >= 0),
                   sql + " answered type " + std::to_string(type) + " " + r.texts[0]);
    } else if (f == "maas_model" || f == "maas_builtin_model") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_TEXT && !r.texts[0].empty()), sql);
    } else if (f == "maas_usage_tokens") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_INTEGER && r.ints[0] >= 0), sql);
    } else if (f == "maas_usage_problem") {
        // NULL exactly when maas_usage_tokens reads the text; else the text of its error.
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_TEXT && !r.texts[0].empty()), sql);
        const Result t = query("SELECT maas_usage_tokens(?1, 'input')", call.args);
        if (type == SQLITE_NULL)
            FUZZ_CHECK(t.rc == SQLITE_ROW, sql + " is NULL, but maas_usage_tokens failed with: " + t.error);
        else  // (an error message ends at a NUL the text may quote)
            FUZZ_CHECK(
                t.rc != SQLITE_ROW && t.error == "maas_usage_tokens: " + r.texts[0].substr(0, r.texts[0].find('\0')),
                sql + " gave " + r.texts[0] + ", maas_usage_tokens " + (t.rc == SQLITE_ROW ? "read it" : t.error));
    } else if (f == "maas_total") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_FLOAT && std::isfinite(r.reals[0])), sql);
    } else if (f == "maas_total_text" || f == "maas_round_text") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_TEXT && !r.texts[0].empty()), sql);
        // One value: the aggregate and the scalar write the same text.
        const std::string other = f == "maas_total_text" ? "maas_round_text" : "maas_total_text";
        std::string twin = "SELECT " + other + "(";
        for (size_t k = 0; k < call.args.size(); ++k) twin += (k ? ", ?" : "?") + std::to_string(k + 1);
        const Result t = query(twin + ")", call.args);
        if (t.rc == SQLITE_ROW && t.types[0] != SQLITE_NULL && type != SQLITE_NULL)
            FUZZ_CHECK(t.texts[0] == r.texts[0], sql + " gave " + r.texts[0] + ", " + other + " " + t.texts[0]);
    } else if (f == "maas_currency") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_TEXT && r.texts[0].size() == 3), sql);
    } else if (f == "maas_unpriced") {
        static const std::set<std::string> kCodes = {"unknown_model", "other_product", "no_token_price",
                                                     "before_first_price", "mixed_currency"};
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_TEXT && kCodes.count(r.texts[0])), sql + " " + r.texts[0]);
    } else if (f == "maas_convert") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_FLOAT && std::isfinite(r.reals[0])), sql);
    } else if (f == "maas_load_card") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_INTEGER && r.ints[0] >= 1), sql);
        g_dirty = true;
    } else if (f == "maas_month") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_TEXT && r.texts[0].size() == 7 && r.texts[0][4] == '-'),
                   sql + " " + r.texts[0]);
    } else if (f == "maas_instant") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_TEXT && is_instant_text(r.texts[0])), sql + " " + r.texts[0]);
        if (type == SQLITE_TEXT) {
            // The text it writes is a time it reads, as itself.
            const Result again = query("SELECT maas_instant(?1)", {Arg{'t', 0, 0, r.texts[0]}});
            FUZZ_CHECK(again.rc == SQLITE_ROW && again.types[0] == SQLITE_TEXT && again.texts[0] == r.texts[0],
                       r.texts[0] + " read back as " + (again.texts.empty() ? again.error : again.texts[0]));
        }
    } else if (f == "maas_exec") {
        FUZZ_CHECK(type == SQLITE_NULL || (type == SQLITE_INTEGER && r.ints[0] >= 0), sql);
    }
    if (builtin)
        FUZZ_CHECK(r.types[0] == r.types[1] && r.texts[0] == r.texts[1],
                   sql + ": a pure function answered twice differently");
}

void load_card(const std::string& text) {
    const int fd = memfd_create("fuzz-card", 0);
    if (fd < 0) return;
    if (::write(fd, text.data(), text.size()) == ssize_t(text.size())) {
        Call call{"maas_load_card", {Arg{'t', 0, 0, "/proc/self/fd/" + std::to_string(fd)}}};
        const Result r = query("SELECT maas_load_card(?1)", call.args);
        if (r.rc == SQLITE_ROW) {
            FUZZ_CHECK(r.types[0] == SQLITE_INTEGER && r.ints[0] >= 1, "maas_load_card answered " + r.texts[0]);
            g_dirty = true;
        } else {
            FUZZ_CHECK(starts_with(r.error, "maas_load_card: "), r.error);
        }
    }
    ::close(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (g_dirty) fresh_connection();
    const std::string input(reinterpret_cast<const char*>(data), size);
    size_t pos = 0;
    Call call;
    bool have_call = false;
    int calls = 0;
    while (pos <= input.size() && calls < 16) {
        size_t end = input.find('\n', pos);
        if (end == std::string::npos) end = input.size();
        const std::string line = input.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) continue;
        if (line == "!card") {
            load_card(pos < input.size() ? input.substr(pos) : "");
            break;
        }
        if (starts_with(line, "!rate ") || starts_with(line, "!alias ") || starts_with(line, "!fx ")) {
            const char which = line[1];  // r, a or f
            std::vector<std::string> f = split(unescape(line.substr(which == 'r' ? 6 : which == 'a' ? 7 : 4)), ',');
            f.resize(which == 'r' ? 9 : which == 'a' ? 2 : 4);
            const std::string sql = which == 'r'
                                        ? "INSERT INTO maas_user_rates(provider, model, service, item, label, price, "
                                          "unit, currency, effective_from) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"
                                    : which == 'a'
                                        ? "INSERT INTO maas_user_aliases(alias, model) VALUES (?1, ?2)"
                                        : "INSERT INTO maas_user_fx(currency, to_currency, rate, effective_from) "
                                          "VALUES (?1, ?2, ?3, ?4)";
            std::vector<Arg> args;
            for (const std::string& v : f) args.push_back(Arg{'t', 0, 0, v});
            query(sql, args);
            g_dirty = true;
            continue;
        }
        const char kind = line[0];
        const std::string rest = line.substr(1);
        if (kind == 'n' && rest.empty()) {
            call.args.push_back(Arg{});
        } else if (kind == 'i' && !rest.empty() &&
                   (std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == '-')) {
            call.args.push_back(Arg{'i', std::strtoll(rest.c_str(), nullptr, 10), 0, ""});
        } else if (kind == 'r' && !rest.empty() &&
                   rest.find_first_not_of("0123456789.eE+-infatyINFATY") == std::string::npos) {
            call.args.push_back(Arg{'r', 0, std::strtod(rest.c_str(), nullptr), ""});
        } else if (kind == 'd' && rest.size() == 16) {
            const uint64_t bits = std::strtoull(rest.c_str(), nullptr, 16);
            double d;
            std::memcpy(&d, &bits, 8);
            call.args.push_back(Arg{'d', 0, d, ""});
        } else if (kind == 't' || kind == 'b') {
            call.args.push_back(Arg{kind, 0, 0, unescape(rest)});
        } else {
            // A function name: the previous call runs first.
            if (have_call) {
                check_call(call);
                ++calls;
            }
            call = Call{line, {}};
            have_call = true;
            continue;
        }
        if (call.args.size() > 8) call.args.resize(8);
    }
    if (have_call && calls < 16) check_call(call);
    return 0;
}

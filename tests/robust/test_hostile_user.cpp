// test_hostile_user.cpp - the extension where untrusted people type the SQL.
//
// A host such as a Datasette-style tool, a notebook server or a BI tool over
// ODBC loads the module, then locks the connection down before handing it
// to users: extension loading off, trusted_schema=OFF, and an authorizer
// that denies ATTACH and every write.  This suite is that host.  It plays
// the hostile user against both modules: build/maas.so, whose one
// file-reading function (maas_load_card) must read regular files only,
// within a size limit, and never leak a file's bytes; and build/maas_nofs.so,
// which has no way to touch the filesystem at all.
//
// The bounds stated here, and documented in docs/functions/maas_load_card.md,
// docs/functions/maas_exec.md and docs/install-and-clients.md:
//   - maas_load_card reads at most 16 MiB, regular files only, and fails at
//     once on anything else (a FIFO, a device, a directory);
//   - maas_exec runs its statements through the host's authorizer (ATTACH
//     through it is refused as when typed), and SQLITE_DIRECTONLY keeps it
//     out of a crafted database's views and triggers (not out of its CHECK
//     constraints, in SQLite 3.40: there the authorizer is what stops it);
//   - a call's memory is bounded by its arguments: pricing keeps no
//     per-row state, and the usage-JSON reader reuses one buffer per
//     connection (checked below: 2,000 calls with 1 MiB arguments leave the
//     heap within 8 MiB of where it started).
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <malloc.h>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "robust_support.hpp"

namespace {

// SQLite's authorizer: reads and functions are allowed, ATTACH and every
// write are denied, as a read-only analytics host would.  One exception:
// SQLite itself asks for SQLITE_UPDATE of sqlite_master's columns when an
// eponymous virtual table (its own pragma_* functions, maas_rates) is first
// connected; a host that denies that breaks SQLite's table-valued pragmas
// as much as this extension, so hosts allow it.
int deny_writes_and_attach(void*, int action, const char* table, const char*, const char*, const char*) {
    if (action == SQLITE_UPDATE && table && std::string(table) == "sqlite_master") return SQLITE_OK;
    switch (action) {
        case SQLITE_ATTACH:
        case SQLITE_DETACH:
        case SQLITE_INSERT:
        case SQLITE_UPDATE:
        case SQLITE_DELETE:
        case SQLITE_CREATE_TABLE:
        case SQLITE_CREATE_VIEW:
        case SQLITE_CREATE_TRIGGER:
        case SQLITE_CREATE_INDEX:
        case SQLITE_CREATE_TEMP_TABLE:
        case SQLITE_CREATE_TEMP_VIEW:
        case SQLITE_CREATE_TEMP_TRIGGER:
        case SQLITE_CREATE_VTABLE:
        case SQLITE_DROP_TABLE:
        case SQLITE_DROP_VIEW:
        case SQLITE_DROP_TRIGGER:
        case SQLITE_ALTER_TABLE:
        case SQLITE_PRAGMA: return SQLITE_DENY;
        default: return SQLITE_OK;
    }
}

// A connection set up the way such a host sets it up.
class Host {
public:
    // `prepare` runs before the lock-down (the host's own schema and data).
    Host(const char* module, const std::string& database = ":memory:", const std::string& prepare = "") {
        REQUIRE(sqlite3_open(database.c_str(), &db_) == SQLITE_OK);
        sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, nullptr);
        char* message = nullptr;
        if (sqlite3_load_extension(db_, module, nullptr, &message) != SQLITE_OK) {
            const std::string text = message ? message : "?";
            sqlite3_free(message);
            FAIL("load failed: " << text);
        }
        if (!prepare.empty()) REQUIRE(sqlite3_exec(db_, prepare.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
        sqlite3_enable_load_extension(db_, 0);
        REQUIRE(sqlite3_exec(db_, "PRAGMA trusted_schema = OFF", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_set_authorizer(db_, deny_writes_and_attach, nullptr);
    }
    ~Host() { sqlite3_close(db_); }
    Host(const Host&) = delete;
    Host& operator=(const Host&) = delete;

    // The first column of the first row as text ("NULL"), or "error: message".
    std::string answer(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            return std::string("error: ") + sqlite3_errmsg(db_);
        std::string out = "NULL";
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
            out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        else if (rc != SQLITE_ROW && rc != SQLITE_DONE) out = std::string("error: ") + sqlite3_errmsg(db_);
        sqlite3_finalize(stmt);
        return out;
    }
    std::set<std::string> maas_functions() {
        std::set<std::string> names;
        sqlite3_stmt* stmt = nullptr;
        sqlite3_set_authorizer(db_, nullptr, nullptr);  // pragma_function_list is a PRAGMA
        REQUIRE(sqlite3_prepare_v2(db_, "SELECT DISTINCT name FROM pragma_function_list WHERE name LIKE 'maas%'", -1,
                                   &stmt, nullptr) == SQLITE_OK);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            names.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        sqlite3_set_authorizer(db_, deny_writes_and_attach, nullptr);
        return names;
    }

private:
    sqlite3* db_ = nullptr;
};

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// How long a call took, in milliseconds: a hang guard, not a speed test.
template <typename F>
double elapsed_ms(F f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

const std::set<std::string> kPricing = {"maas_builtin_cost",
                                        "maas_builtin_cost_cached",
                                        "maas_bill_json",
                                        "maas_builtin_deployment_cost",
                                        "maas_builtin_model",
                                        "maas_builtin_price",
                                        "maas_builtin_training_cost",
                                        "maas_convert",
                                        "maas_cost",
                                        "maas_cost_cached",
                                        "maas_currency",
                                        "maas_debug",
                                        "maas_deployment_cost",
                                        "maas_exec",
                                        "maas_instant",
                                        "maas_model",
                                        "maas_month",
                                        "maas_price",
                                        "maas_round_text",
                                        "maas_total",
                                        "maas_total_text",
                                        "maas_training_cost",
                                        "maas_unpriced",
                                        "maas_usage_cost",
                                        "maas_usage_problem",
                                        "maas_usage_tokens",
                                        "maas_version"};

}  // namespace

TEST_CASE("hostile user: maas_nofs has every pricing function and nothing that reads files", "[robust][hostile]") {
    Host nofs(MAAS_NOFS_MODULE_PATH);
    CHECK(nofs.maas_functions() == kPricing);
    CHECK(nofs.answer("SELECT maas_load_card('/etc/passwd')") == "error: no such function: maas_load_card");
    // It prices exactly like maas.so.
    Host full(MAAS_MODULE_PATH);
    std::set<std::string> with_files = kPricing;
    with_files.insert("maas_load_card");
    CHECK(full.maas_functions() == with_files);
    for (const char* sql :
         {"SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)", "SELECT maas_cost('Qwen3-8B', 230, 300, '2026-01-01')",
          "SELECT maas_training_cost('Qwen3-8B', 'lora', 1000000, 3)",
          "SELECT maas_deployment_cost('DeepSeek-V3', 24, 2)", "SELECT count(*) || '|' || sum(price) FROM maas_rates",
          "SELECT count(*) FROM maas_aliases", "SELECT maas_unpriced('Spark-Max')"}) {
        INFO(sql);
        CHECK(nofs.answer(sql) == full.answer(sql));
    }
    CHECK(nofs.answer("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)") == "20.0");
    // Locked down as the host meant: no loading, no ATTACH, no writes.
    CHECK(nofs.answer("SELECT load_extension('" MAAS_MODULE_PATH "')") == "error: not authorized");
    CHECK(nofs.answer("ATTACH '/tmp/x.db' AS x") == "error: not authorized");
}

TEST_CASE("hostile user: maas_load_card refuses devices, FIFOs and directories at once", "[robust][hostile]") {
    robust::TempDir dir;
    const std::string fifo = dir.file("card.fifo");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    Host host(MAAS_MODULE_PATH);
    for (const std::string& path :
         {std::string("/dev/zero"), std::string("/dev/urandom"), fifo, std::string("/tmp"), std::string("/")}) {
        INFO(path);
        std::string got;
        const double ms = elapsed_ms([&] { got = host.answer("SELECT maas_load_card(" + quoted(path) + ")"); });
        CHECK(got == "error: maas_load_card: '" + path + "' is not a regular file (a card is a CSV file)");
        CHECK(ms < 1000);
    }
    unlink(fifo.c_str());
}

TEST_CASE("hostile user: maas_load_card never quotes a file that is not a card", "[robust][hostile]") {
    robust::TempDir dir;
    Host host(MAAS_MODULE_PATH);
    const std::string expected_header =
        ":1: column 1 of the header is not one of provider, model, service, item, label, price, unit, currency, "
        "effective_from, source, condition, billed_per";
    // /proc files are regular files that say their size is 0.
    for (const char* path : {"/proc/self/maps", "/proc/self/status", "/proc/self/environ", "/etc/passwd"}) {
        INFO(path);
        CHECK(host.answer(std::string("SELECT maas_load_card('") + path + "')") ==
              std::string("error: maas_load_card: ") + path + expected_header);
    }
    const std::string secret = dir.write("secret.txt", "password=SECRET-7f3a9\nmore\n");
    CHECK(host.answer("SELECT maas_load_card(" + quoted(secret) + ")") ==
          "error: maas_load_card: " + secret + expected_header);
    const std::string binary = dir.write("blob.bin", std::string("\x7f"
                                                                 "ELF\x02\x01\x01\0\0\0SECRET",
                                                                 16));
    const std::string got = host.answer("SELECT maas_load_card(" + quoted(binary) + ")");
    CHECK(got.find("SECRET") == std::string::npos);
    CHECK(got.rfind("error: maas_load_card: " + binary + ":1: ", 0) == 0);
    // A real card's line errors stay as precise as before.
    const std::string card = dir.write("card.csv",
                                       "provider,model,service,item,label,price,unit,currency,effective_from,source\n"
                                       "acme,Hostile-1,inference,input,in,0.0x,k_tokens,CNY,2025-01-01,test\n");
    CHECK(host.answer("SELECT maas_load_card(" + quoted(card) + ")") ==
          "error: maas_load_card: " + card + ":2: price: '0.0x' is not a non-negative decimal such as 0.00075");
    // Larger than the limit: refused from its size, without reading it.
    const std::string big = dir.file("big.csv");
    { std::ofstream out(big); }
    REQUIRE(truncate(big.c_str(), (16 << 20) + 1) == 0);
    std::string refused;
    const double ms = elapsed_ms([&] { refused = host.answer("SELECT maas_load_card(" + quoted(big) + ")"); });
    CHECK(refused == "error: maas_load_card: '" + big + "' is larger than 16 MiB, the limit for a card file");
    CHECK(ms < 1000);
    CHECK(host.answer("SELECT maas_load_card('/nonexistent/card.csv')") ==
          "error: maas_load_card: cannot read '/nonexistent/card.csv'");
}

TEST_CASE("hostile user: huge values, deep JSON and odd types answer, never crash", "[robust][hostile]") {
    Host host(MAAS_NOFS_MODULE_PATH);
    const std::string mega = "printf('%.*c', 1048576, 'x')";
    CHECK(host.answer("SELECT maas_cost(" + mega + ", 1, 1)") == "NULL");
    CHECK(host.answer("SELECT maas_unpriced(" + mega + ")") == "unknown_model");
    CHECK(host.answer("SELECT maas_cost('Qwen3-8B', 9223372036854775807, 9223372036854775807)") == "50728546202701.3");
    CHECK(host.answer("SELECT maas_deployment_cost('DeepSeek-V3', 1e300, 9223372036854775807)") ==
          "error: maas_deployment_cost: the cost is too large to compute exactly");
    // 100,000 nested arrays: refused as JSON, no stack overflow.
    const std::string deep = "'" + std::string(100000, '[') + std::string(100000, ']') + "'";
    CHECK(host.answer("SELECT maas_usage_cost('Qwen3-8B', " + deep + ")")
              .rfind("error: maas_usage_cost: usage is not valid JSON (", 0) == 0);
    CHECK(host.answer("SELECT maas_convert(1e308, 'USD', 'USD')") == "1.0e+308");
    CHECK(host.answer("SELECT maas_convert(x'00', 'USD', 'CNY')") ==
          "error: maas_convert: amount must be a finite number, got a BLOB");
    CHECK(host.answer("SELECT maas_rates.price FROM maas_rates WHERE lookup = " + mega) == "NULL");
}

TEST_CASE("hostile user: crafted user tables cannot make the extension read a file or write", "[robust][hostile]") {
    robust::TempDir dir;
    const std::string database = dir.file("crafted.db");
    // The file's owner made maas_user_rates a view that calls maas_load_card,
    // and maas_user_fx a view over another function.
    const std::string crafted =
        "CREATE VIEW maas_user_rates(provider, model, service, item, label, price, unit, currency, effective_from, "
        "source) AS SELECT 'acme', 'X', 'inference', 'input', maas_load_card('/etc/passwd'), '1', 'k_tokens', 'CNY', "
        "'2025-01-01', 's';"
        "CREATE TABLE maas_user_changes(version INTEGER); INSERT INTO maas_user_changes VALUES (0);"
        "CREATE VIEW maas_user_fx(currency, to_currency, rate, effective_from, source) AS "
        "SELECT 'USD', 'CNY', maas_cost('Qwen3-8B', 1, 1), '2025-01-01', 's';";
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(database.c_str(), &db) == SQLITE_OK);
        // Written without the module: SQLite does not check function names in a view body.
        REQUIRE(sqlite3_exec(db, crafted.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    Host host(MAAS_MODULE_PATH, database);
    // Views are not user tables: nothing of them runs, the built-in card prices.
    CHECK(host.answer("SELECT maas_cost('Qwen3-8B', 1, 1)") == "5.5e-06");
    CHECK(host.answer("SELECT maas_convert(1, 'USD', 'CNY')") == "NULL");
    CHECK(host.answer("SELECT count(*) FROM maas_rates WHERE origin = 'user'") == "0");
    // The built-in card alone still works: its functions read no table.
    CHECK(host.answer("SELECT maas_builtin_cost('Qwen3-8B', 230, 300)") == "0.001615");
    CHECK(host.answer("SELECT count(*) FROM maas_user_changes") == "1");
}

TEST_CASE("hostile user: maas_exec runs its statements under the host's authorizer", "[robust][hostile][exec]") {
    robust::TempDir dir;
    const std::string attached = dir.file("attached.db"), vacuumed = dir.file("vacuumed.db");
    for (const char* module : {MAAS_MODULE_PATH, MAAS_NOFS_MODULE_PATH}) {
        INFO(module);
        Host host(module);
        const std::string refused = "error: maas_exec: statement 1: not authorized";
        // What the host denies typed directly, it denies through maas_exec.
        CHECK(host.answer("ATTACH " + quoted(attached) + " AS x") == "error: not authorized");
        CHECK(host.answer("SELECT maas_exec(" + quoted("ATTACH " + quoted(attached) + " AS x") + ")") == refused);
        // (VACUUM cannot run inside a statement at all, authorized or not.)
        CHECK(host.answer("SELECT maas_exec(" + quoted("VACUUM INTO " + quoted(vacuumed)) + ")") ==
              "error: maas_exec: statement 1: cannot VACUUM - SQL statements in progress");
        CHECK(host.answer("SELECT maas_exec('CREATE TEMP TABLE t(x)')") == refused);
        CHECK(host.answer("SELECT maas_exec('PRAGMA writable_schema = ON')") == refused);
        CHECK(host.answer("SELECT maas_exec('SELECT 1; DETACH main')") ==
              "error: maas_exec: statement 2: not authorized");
        const std::string inner = "SELECT maas_exec(" + quoted("ATTACH " + quoted(attached) + " AS x") + ")";
        CHECK(host.answer("SELECT maas_exec(" + quoted(inner) + ")") ==
              "error: maas_exec: statement 1: maas_exec: statement 1: not authorized");
        CHECK(host.answer("SELECT maas_exec('SELECT load_extension(''" MAAS_MODULE_PATH "'')')") == refused);
        // What it allows runs.
        CHECK(host.answer(
                  "SELECT maas_exec('SELECT count(*) FROM maas_rates; SELECT maas_cost(''Qwen3-8B'', 1, 1)')") == "2");
        struct stat st;
        CHECK(stat(attached.c_str(), &st) != 0);
        CHECK(stat(vacuumed.c_str(), &st) != 0);
    }
}

// Denies ATTACH and DETACH only: a host that lets users write.
static int deny_attach(void*, int action, const char*, const char*, const char*, const char*) {
    return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

TEST_CASE("hostile user: a crafted view, trigger or CHECK cannot use maas_exec to attach a file",
          "[robust][hostile][exec]") {
    robust::TempDir dir;
    const std::string database = dir.file("crafted.db"), attached = dir.file("attached.db");
    const std::string attach = quoted("ATTACH " + quoted(attached) + " AS pwned");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(database.c_str(), &db) == SQLITE_OK);
        // A view and a trigger, written without the module: SQLite does not
        // check the function names of their bodies.
        const std::string crafted = "CREATE VIEW innocent AS SELECT maas_exec(" + attach +
                                    ") AS n;"
                                    "CREATE TABLE logs(x);"
                                    "CREATE TRIGGER logs_exec AFTER INSERT ON logs BEGIN SELECT maas_exec(" +
                                    attach + "); END;";
        REQUIRE(sqlite3_exec(db, crafted.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        // A CHECK constraint names a function that must exist when it is created.
        sqlite3_enable_load_extension(db, 1);
        REQUIRE(sqlite3_load_extension(db, MAAS_MODULE_PATH, nullptr, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE checked(s TEXT CHECK (maas_exec(s) >= 0))", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
        sqlite3_close(db);
    }
    Host host(MAAS_MODULE_PATH, database);
    CHECK(host.answer("SELECT n FROM innocent") == "error: unsafe use of maas_exec()");
    // SQLite 3.40 runs a CHECK constraint's SQLITE_DIRECTONLY function (see
    // below): maas_exec refuses to run under a statement that writes.
    const std::string refused =
        "maas_exec: refused while a statement that writes is running (a CHECK constraint, DEFAULT or generated column): call it from a top-level query, SELECT maas_exec(...)";
    CHECK(host.answer("INSERT INTO checked VALUES (" + attach + ")") == "error: not authorized");

    // SQLITE_DIRECTONLY holds without the host's lock-down too: trusted_schema
    // on (SQLite's default), writes allowed.
    sqlite3* open = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &open) == SQLITE_OK);
    sqlite3_enable_load_extension(open, 1);
    REQUIRE(sqlite3_load_extension(open, MAAS_MODULE_PATH, nullptr, nullptr) == SQLITE_OK);
    auto error_of = [&](const std::string& sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(open, sql.c_str(), nullptr, nullptr, &message);
        const std::string text = rc == SQLITE_OK ? "" : message ? message : "?";
        sqlite3_free(message);
        return text;
    };
    CHECK(error_of("SELECT n FROM innocent") == "unsafe use of maas_exec()");
    CHECK(error_of("INSERT INTO logs VALUES (1)") == "unsafe use of maas_exec()");
    // A CHECK constraint read from the file is another matter: SQLite 3.40
    // runs SQLITE_DIRECTONLY functions there (the sqlite3 shell's writefile()
    // as much as maas_exec), even with trusted_schema off.  maas_exec refuses
    // to run while a statement that writes is stepped, which is when every
    // CHECK, DEFAULT and generated column is evaluated, with or without an
    // authorizer.  (An SQLite that refuses the call itself is fine too.)
    const std::string checked = error_of("INSERT INTO checked VALUES (" + attach + ")");
    CHECK((checked == refused || checked == "unsafe use of maas_exec()"));
    sqlite3_set_authorizer(open, deny_attach, nullptr);
    CHECK(error_of("SELECT * FROM pwned.sqlite_schema") == "no such table: pwned.sqlite_schema");
    sqlite3_close(open);
    struct stat st;
    CHECK(stat(attached.c_str(), &st) != 0);
}

TEST_CASE("hostile user: memory stays bounded over many calls with 1 MiB arguments", "[robust][hostile][heavy]") {
#if defined(__SANITIZE_ADDRESS__)
    SUCCEED("the sanitizer's allocator keeps freed memory in quarantine: measured in the plain build");
#else
    Host host(MAAS_NOFS_MODULE_PATH);
    const std::string usage =
        "'{\"usage\":{\"prompt_tokens\":230,\"completion_tokens\":300},\"pad\":\"' || printf('%.*c', 1048576, 'x') || "
        "'\"}'";
    CHECK(host.answer("SELECT maas_usage_cost('Qwen3-8B', " + usage + ")") == "0.001615");  // warm the reader
    const size_t before = mallinfo2().uordblks;
    for (int i = 0; i < 1000; ++i) {
        host.answer("SELECT maas_usage_cost('Qwen3-8B', " + usage + ")");
        host.answer("SELECT maas_cost(printf('%.*c', 1048576, 'y'), 1, 1)");
    }
    const size_t after = mallinfo2().uordblks;
    INFO("heap in use before " << before << ", after " << after);
    CHECK(after < before + (8u << 20));
#endif
}

// --- price rules (issue 26): conditions, billed_per, maas_user_calendar ---

namespace {

// A DeepSeek-style timed card: peak 09:00-12:00 Beijing time on workdays.
const std::string kPeakRates =
    "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, condition) "
    "VALUES ('acme', 'Peak', 'inference', 'input', '1', 'm_tokens', 'CNY', '2026-08-16', NULL),"
    "('acme', 'Peak', 'inference', 'output', '4', 'm_tokens', 'CNY', '2026-08-16', NULL),"
    "('acme', 'Peak', 'inference', 'input', '2', 'm_tokens', 'CNY', '2026-08-16', "
    "'day is workday @+08:00 and time in 09:00-12:00 @+08:00');";
const std::string kPeakCall = "SELECT maas_cost('Peak', 1000000, 0, '2026-10-01 10:00:00+08:00')";  // a Thursday

bool valid_utf8(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += n;
    }
    return true;
}

std::string user_tables_sql() { return robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"); }

}  // namespace

TEST_CASE("hostile user: maas_user_calendar as a view is not a user table", "[robust][hostile][conditions]") {
    robust::TempDir dir;
    const std::string database = dir.file("calendar-view.db");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(database.c_str(), &db) == SQLITE_OK);
        // The file's owner replaced the calendar by a view that would read a
        // file, and would make 2026-10-01 a holiday.  Written without the module.
        const std::string crafted = user_tables_sql() + kPeakRates +
                                    "DROP TABLE maas_user_calendar;"
                                    "CREATE VIEW maas_user_calendar(date, kind, source) AS "
                                    "SELECT '2026-10-01', 'holiday', maas_load_card('/etc/passwd');";
        REQUIRE(sqlite3_exec(db, crafted.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    Host host(MAAS_MODULE_PATH, database);
    // The view is not read: 2026-10-01 is an ordinary Thursday, at peak.
    CHECK(host.answer(kPeakCall) == "2.0");
    CHECK(host.answer("SELECT maas_cost('Peak', 1000000, 0, '2026-10-01 13:00:00+08:00')") == "1.0");
    CHECK(host.answer("SELECT count(*) FROM maas_rates WHERE model = 'Peak'") == "3");
    // maas_nofs reads the tables the same way (it has no maas_load_card to run).
    Host trusting(MAAS_NOFS_MODULE_PATH, database);
    CHECK(trusting.answer(kPeakCall) == "2.0");
}

TEST_CASE("hostile user: huge, invalid UTF-8 and odd-typed values in condition, billed_per and the calendar",
          "[robust][hostile][conditions]") {
    const std::string one_row =
        "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, "
        "condition, billed_per) VALUES ('acme', 'H', 'inference', 'input', '1', 'm_tokens', 'CNY', '2026-01-01', ";
    struct Hostile {
        std::string values;  // the row's condition and billed_per, or a calendar row
        std::string error;   // the start of the message; empty: accepted
        bool short_message = true;
    };
    const std::string rates = "error: maas_cost: maas_user_rates rowid 1: ";
    const std::string calendar = "error: maas_cost: maas_user_calendar rowid 1: ";
    const std::vector<Hostile> cases = {
        {one_row + "'input > 1 and ' || printf('%.*c', 1048576, 'x'), NULL)",
         rates + "condition: clause 2 '" + std::string(80, 'x') + "...': expected input, output"},
        {one_row + "printf('%.*c', 1048576, ' '), NULL)", rates + "condition: clause 1 '"},
        {one_row + "'variant = ' || printf('%.*c', 1048576, 'b'), NULL)",
         rates + "condition: clause 1 'variant = " + std::string(70, 'b')},
        {one_row + "'input > 1 and ' || printf('%.*c', 100000, 'a'), NULL)", rates + "condition: clause 2 'aaaa"},
        {one_row + "CAST(x'696e707574203e2031ff' AS TEXT), NULL)",
         rates + "condition: clause 1 'input > 1?': expected a number such as 32k, 1.5m or 16000, got '1?'"},
        {one_row + "CAST(x'76617269616e74203d2062c3' AS TEXT), NULL)", rates + "condition: clause 1 'variant = b?'"},
        {one_row + "x'ff00', NULL)", rates + "condition: clause 1 '?"},
        {one_row + "3.5, NULL)", rates + "condition: clause 1 '3.5': expected input, output"},
        // A card field's value is quoted whole (price, unit, billed_per, ...): a
        // megabyte of message, bounded by the value, never a crash.
        {one_row + "NULL, printf('%.*c', 1048576, 'h'))", rates + "billed_per: '" + std::string(20, 'h'), false},
        {one_row + "NULL, CAST(x'ff' AS TEXT))", rates + "billed_per: '?' is not started_hour (or empty)"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES (printf('%.*c', 1048576, '2'), 'holiday')",
         calendar + "date: '" + std::string(20, '2')},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-01', CAST(x'686f6c69646179ff' AS TEXT))",
         calendar + "kind: expected 'holiday' or 'workday', got 'holiday?'"},
        // A BLOB holding a date's bytes reads as that text, as in every user table.
        {"INSERT INTO maas_user_calendar(date, kind) VALUES (x'323032362d31302d3031', 'holiday')", ""},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES (CAST(x'323032362d31302d303100' AS TEXT), 'holiday')",
         calendar + "date: '2026-10-01"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES ('9999-12-31', 'workday'), ('0000-01-01', 'holiday')", ""},
    };
    for (const Hostile& h : cases) {
        Host host(MAAS_NOFS_MODULE_PATH, ":memory:", user_tables_sql() + h.values);
        INFO(h.values.substr(0, 200));
        std::string answer;
        const double ms = elapsed_ms([&] { answer = host.answer(kPeakCall); });
        INFO(answer.substr(0, 300));
        CHECK(ms < 5000);  // a hang guard
        CHECK(valid_utf8(answer));
        if (h.short_message) CHECK(answer.size() < 400);  // a megabyte of condition is quoted short
        if (h.error.empty()) {
            CHECK(answer == "NULL");  // Peak is not in these tables: unknown, nothing wrong
        } else {
            CHECK(answer.rfind(h.error, 0) == 0);
        }
        // The built-in card never reads the user's tables.
        CHECK(host.answer("SELECT maas_builtin_cost('Qwen3-8B', 230, 300, 'now', 'batch')") == "0.001615");
    }
}

// A calendar table without the triggers of sql/user_tables.sql (made by hand,
// or its triggers dropped): the change counter is not raised by its changes,
// so it must not be trusted; each change is seen by the next statement, even
// one that keeps the row count and the largest rowid.
TEST_CASE("hostile user: a calendar without triggers is still read afresh", "[robust][hostile][conditions]") {
    robust::TempDir dir;
    const std::string database = dir.file("no-triggers.db");
    sqlite3* writer = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &writer) == SQLITE_OK);
    const std::string setup = user_tables_sql() + kPeakRates +
                              "DROP TRIGGER maas_user_calendar_insert; DROP TRIGGER maas_user_calendar_update; "
                              "DROP TRIGGER maas_user_calendar_delete;";
    REQUIRE(sqlite3_exec(writer, setup.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    Host host(MAAS_MODULE_PATH, database);
    const auto write = [&](const std::string& sql) {
        REQUIRE(sqlite3_exec(writer, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    };
    CHECK(host.answer(kPeakCall) == "2.0");
    write("INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-01', 'holiday')");
    CHECK(host.answer(kPeakCall) == "1.0");
    write("UPDATE maas_user_calendar SET date = '2026-10-02'");  // same count, same rowid
    CHECK(host.answer(kPeakCall) == "2.0");
    write("UPDATE maas_user_calendar SET date = '2026-10-01'");
    CHECK(host.answer(kPeakCall) == "1.0");
    write("UPDATE maas_user_calendar SET kind = 'workday'");  // a Thursday marked workday: peak again
    CHECK(host.answer(kPeakCall) == "2.0");
    write("UPDATE maas_user_calendar SET kind = 'weekend'");
    CHECK(host.answer(kPeakCall) ==
          "error: maas_cost: maas_user_calendar rowid 1: kind: expected 'holiday' or 'workday', got 'weekend'");
    write("DELETE FROM maas_user_calendar");
    CHECK(host.answer(kPeakCall) == "2.0");
    // The counter itself raised by hand, without a change: nothing else moves.
    write("UPDATE maas_user_changes SET version = version + 1000");
    CHECK(host.answer(kPeakCall) == "2.0");
    sqlite3_close(writer);
}

// A NUL byte inside a quoted row value once ended the error message there,
// so the reason after it was lost ("... condition: clause 1 'input > 1");
// it is shown as '?', as a function argument's is.
TEST_CASE("hostile user: a NUL byte in a condition does not cut the message short", "[robust][hostile][conditions]") {
    Host host(MAAS_NOFS_MODULE_PATH, ":memory:",
              user_tables_sql() +
                  "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, "
                  "effective_from, condition) VALUES ('acme', 'H', 'inference', 'input', '1', 'm_tokens', 'CNY', "
                  "'2026-01-01', CAST(x'696e707574203e20310061' AS TEXT))");
    const std::string answer = host.answer("SELECT maas_cost('H', 1, 1)");
    CHECK(answer.rfind("error: maas_cost: maas_user_rates rowid 1: condition: clause 1 'input > 1?a': ", 0) == 0);
}

// --- prepaid packs (issue 27): maas_user_packs and maas_bill_json ---

namespace {

const char* kPackInsert =
    "INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, valid_from, valid_until, "
    "priority, source) VALUES ";

// One pack row as SQL values: the good token pack 'free' (1,000 tokens of
// Qwen3-8B, March 2026), with some columns replaced by SQL expressions.
std::string pack_values(const std::map<std::string, std::string>& with = {}) {
    const char* columns[] = {"pack",     "provider",   "models",      "items",    "size",  "unit",
                             "currency", "valid_from", "valid_until", "priority", "source"};
    const std::map<std::string, std::string> good = {{"pack", "'free'"},
                                                     {"provider", "'iflytek-xingchen'"},
                                                     {"models", "'Qwen3-8B'"},
                                                     {"items", "'*'"},
                                                     {"size", "'1000'"},
                                                     {"unit", "'tokens'"},
                                                     {"currency", "NULL"},
                                                     {"valid_from", "'2026-03-01'"},
                                                     {"valid_until", "'2026-04-01'"},
                                                     {"priority", "NULL"},
                                                     {"source", "'s'"}};
    std::string out = "(";
    for (const char* column : columns) {
        const auto replaced = with.find(column);
        out += (out.size() > 1 ? ", " : "") + (replaced != with.end() ? replaced->second : good.at(column));
    }
    return out + ")";
}

// Two calls of Qwen3-8B (0.0000005 per input token, 0.000005 per output
// token): 600 input and 200 output, then 300 and 100.
const std::string kBillCalls =
    "CREATE TABLE calls(at, model, input, cached_input, cache_write, output);"
    "INSERT INTO calls VALUES ('2026-03-02', 'Qwen3-8B', 600, 0, 0, 200), ('2026-03-03', 'Qwen3-8B', 300, 0, 0, 100);";

std::string bill_sql(const std::string& from = "2026-03-01", const std::string& until = "2026-04-01",
                     const std::string& order = "at") {
    return "SELECT maas_bill_json('" + from + "', '" + until +
           "', at, model, input, cached_input, cache_write, output) FROM (SELECT * FROM calls ORDER BY " + order + ")";
}

std::string json_line(const std::string& item, const std::string& unit_price, int64_t quantity, const std::string& list,
                      const std::string& due, const std::string& covered) {
    return "{\"model\":\"iflytek-xingchen/Qwen3-8B\",\"item\":\"" + item + "\",\"currency\":\"CNY\",\"unit_price\":\"" +
           unit_price + "\",\"period\":null,\"quantity\":" + std::to_string(quantity) + ",\"list\":\"" + list +
           "\",\"due\":\"" + due + "\",\"covered\":[" + covered + "]}";
}

// `name` is the pack's JSON string, quotes included.
std::string json_covered(const std::string& name, int64_t tokens, const std::string& amount) {
    return "{\"pack\":" + name + ",\"tokens\":" + std::to_string(tokens) + ",\"amount\":\"" + amount + "\"}";
}

std::string json_pack(const std::string& name, const std::string& unit_currency, const std::string& size,
                      const std::string& used, const std::string& covered, const std::string& expired,
                      const std::string& left) {
    return "{\"pack\":" + name + "," + unit_currency + ",\"size\":\"" + size + "\",\"used\":\"" + used +
           "\",\"covered\":\"" + covered + "\",\"expired\":\"" + expired + "\",\"left\":\"" + left + "\"}";
}
const std::string kTokens = "\"unit\":\"tokens\",\"currency\":null";

std::string json_bill(const std::string& lines, const std::string& packs, int calls, int unpriced) {
    return "{\"lines\":[" + lines + "],\"packs\":[" + packs + "],\"calls\":" + std::to_string(calls) +
           ",\"unpriced\":" + std::to_string(unpriced) + "}";
}

// The two calls and a pack of 1,000 tokens: it covers the first call (800
// tokens) and 200 input tokens of the second; 100 input tokens (0.00005)
// and 100 output tokens (0.0005) are due.
std::string standard_bill(const std::string& name) {
    return json_bill(json_line("input", "0.0000005", 900, "0.00045", "0.00005", json_covered(name, 800, "0.0004")) +
                         "," +
                         json_line("output", "0.000005", 300, "0.0015", "0.0005", json_covered(name, 200, "0.001")),
                     json_pack(name, kTokens, "1000", "1000", "0.0014", "0", "0"), 2, 0);
}

// The two calls with no pack applied: everything due.
std::string unpacked_lines() {
    return json_line("input", "0.0000005", 900, "0.00045", "0.00045", "") + "," +
           json_line("output", "0.000005", 300, "0.0015", "0.0015", "");
}

}  // namespace

TEST_CASE("hostile user: maas_user_packs as a view is not a user table", "[robust][hostile][packs]") {
    robust::TempDir dir;
    const std::string database = dir.file("packs-view.db");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(database.c_str(), &db) == SQLITE_OK);
        // The file's owner replaced the packs by a view that would read a file
        // and give away every token.  Written without the module.
        const std::string crafted = user_tables_sql() + kBillCalls +
                                    "DROP TABLE maas_user_packs;"
                                    "CREATE VIEW maas_user_packs(pack, provider, models, items, size, unit, currency, "
                                    "valid_from, valid_until, priority, source) AS SELECT 'free', 'iflytek-xingchen', "
                                    "'*', '*', '9223372036854775807', 'tokens', NULL, '2026-03-01', '2026-04-01', "
                                    "NULL, maas_load_card('/etc/passwd');";
        REQUIRE(sqlite3_exec(db, crafted.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    // The view is not read: no pack, everything due, as for the calendar.
    const std::string no_packs = json_bill(unpacked_lines(), "", 2, 0);
    Host host(MAAS_MODULE_PATH, database);
    CHECK(host.answer(bill_sql()) == no_packs);
    CHECK(host.answer("SELECT maas_cost('Qwen3-8B', 230, 300)") == "0.001615");
    Host trusting(MAAS_NOFS_MODULE_PATH, database);
    CHECK(trusting.answer(bill_sql()) == no_packs);
}

// A packs table without the triggers of sql/user_tables.sql: as for the
// calendar, the change counter is not trusted, and each change is seen by
// the next statement, even one that keeps the row count and the rowid.
TEST_CASE("hostile user: packs without triggers are still read afresh", "[robust][hostile][packs]") {
    robust::TempDir dir;
    const std::string database = dir.file("packs-no-triggers.db");
    sqlite3* writer = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &writer) == SQLITE_OK);
    const std::string setup = user_tables_sql() + kBillCalls +
                              "DROP TRIGGER maas_user_packs_insert; DROP TRIGGER maas_user_packs_update; "
                              "DROP TRIGGER maas_user_packs_delete;";
    REQUIRE(sqlite3_exec(writer, setup.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    Host host(MAAS_MODULE_PATH, database);
    const auto write = [&](const std::string& sql) {
        REQUIRE(sqlite3_exec(writer, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    };
    // The first pack's use, the input and the output due.
    const std::string summary_sql = "SELECT ifnull(json_extract(j, '$.packs[0].used'), '-') || '|' || "
                                    "json_extract(j, '$.lines[0].due') || '|' || json_extract(j, '$.lines[1].due') "
                                    "FROM (SELECT maas_bill_json('2026-03-01', '2026-04-01', at, model, input, "
                                    "cached_input, cache_write, output) AS j FROM (SELECT * FROM calls ORDER BY at))";
    CHECK(host.answer(summary_sql) == "-|0.00045|0.0015");
    write(kPackInsert + pack_values());
    CHECK(host.answer(bill_sql()) == standard_bill("\"free\""));
    // 500 tokens: 500 of the first call's 600 input tokens; 400 input
    // (0.0002) and all output (0.0015) due.  Same count, same rowid.
    write("UPDATE maas_user_packs SET size = '500'");
    CHECK(host.answer(summary_sql) == "500|0.0002|0.0015");
    // 0.001 CNY: the first call's input (0.0003) and 0.0007 of its output.
    write("UPDATE maas_user_packs SET unit = 'money', currency = 'CNY', size = '0.001'");
    CHECK(host.answer(summary_sql) == "0.001|0.00015|0.0008");
    write("UPDATE maas_user_packs SET currency = 'USD'");  // no price of its models is in USD
    CHECK(host.answer(summary_sql) == "error: maas_bill_json: maas_user_packs rowid 1: currency: 'USD' is not a "
                                      "currency the models it covers are priced in (CNY)");
    write("UPDATE maas_user_packs SET size = '-1'");
    CHECK(host.answer(summary_sql) ==
          "error: maas_bill_json: maas_user_packs rowid 1: size: '-1' is not a non-negative decimal");
    write("DELETE FROM maas_user_packs");
    CHECK(host.answer(summary_sql) == "-|0.00045|0.0015");
    // The counter itself raised by hand, without a change: nothing else moves.
    write("UPDATE maas_user_changes SET version = version + 1000");
    CHECK(host.answer(summary_sql) == "-|0.00045|0.0015");
    sqlite3_close(writer);
}

TEST_CASE("hostile user: huge, invalid UTF-8, NUL and odd-typed values in a pack row", "[robust][hostile][packs]") {
    const std::string mega = "printf('%.*c', 1048576, '";  // + letter + "')"
    const std::string row = "error: maas_bill_json: maas_user_packs rowid 1: ";
    const std::string not_model = "' is not a model of 'iflytek-xingchen' that the card or its aliases name";
    const std::string not_items = "' is not '*' or a comma-separated list of inference items";
    const std::string not_tokens = "' is not a non-negative whole number of tokens";
    const std::string not_money = "' is not a non-negative decimal";
    const std::string priority = "' is not a whole number from -999999999 to 999999999";
    const std::string money = "\"unit\":\"money\",\"currency\":\"CNY\"";
    const std::string free = "\"free\"";
    // No pack applied: everything due; the pack ends with its size expired.
    const auto unused = [&](const std::string& size) {
        return json_bill(unpacked_lines(), json_pack(free, kTokens, size, "0", "0", size, "0"), 2, 0);
    };
    // A pack that covers everything: nothing due.
    const auto all_covered = [&](const std::string& input_tokens, const std::string& output_tokens,
                                 const std::string& pack) {
        return json_bill(json_line("input", "0.0000005", 900, "0.00045", "0",
                                   json_covered(free, std::stoll(input_tokens), "0.00045")) +
                             "," +
                             json_line("output", "0.000005", 300, "0.0015", "0",
                                       json_covered(free, std::stoll(output_tokens), "0.0015")),
                         pack, 2, 0);
    };
    struct Hostile {
        std::map<std::string, std::string> with;  // columns replaced in the good row
        std::string answer;                       // the exact answer of the bill
    };
    const std::vector<Hostile> cases = {
        // The pack id is free text, shown in the JSON escaped and as valid UTF-8.
        {{{"pack", mega + "p')"}}, standard_bill("\"" + std::string(1048576, 'p') + "\"")},
        {{{"pack", "CAST(x'610062' AS TEXT)"}}, standard_bill("\"a\\u0000b\"")},
        {{{"pack", "CAST(x'6672ff22' AS TEXT)"}}, standard_bill("\"fr?\\\"\"")},
        {{{"pack", "x'00ff'"}}, standard_bill("\"\\u0000?\"")},
        {{{"pack", "42"}}, standard_bill("\"42\"")},
        {{{"pack", "4.5"}}, standard_bill("\"4.5\"")},
        {{{"pack", "''"}}, row + "pack: is empty; a pack needs an id"},
        // Models: a megabyte, invalid UTF-8, a NUL, a number: quoted short; a BLOB reads as its bytes.
        {{{"models", mega + "m')"}}, row + "models: '" + std::string(80, 'm') + "..." + not_model},
        {{{"models", "'qwen3-8b, ' || CAST(x'5177656e33ff' AS TEXT)"}}, row + "models: 'Qwen3?" + not_model},
        {{{"models", "CAST(x'5177656e332d384200' AS TEXT)"}}, row + "models: 'Qwen3-8B?" + not_model},
        {{{"models", "x'5177656e332d3842'"}}, standard_bill(free)},
        {{{"models", "7"}}, row + "models: '7" + not_model},
        {{{"models", "' , '"}}, row + "models: ' , ' is not '*' or a comma-separated list of model names"},
        {{{"items", mega + "i')"}}, row + "items: '" + std::string(80, 'i') + "..." + not_items},
        {{{"items", "CAST(x'696e7075740078' AS TEXT)"}}, row + "items: 'input?x" + not_items},
        {{{"items", "3.5"}}, row + "items: '3.5" + not_items},
        {{{"items", "'output, input'"}}, standard_bill(free)},
        {{{"unit", mega + "u')"}}, row + "unit: '" + std::string(80, 'u') + "...' is not 'tokens' or 'money'"},
        // Another provider's pack covers nothing of these calls, however long its name.
        {{{"provider", mega + "v')"}, {"models", "'*'"}}, unused("1000")},
        {{{"provider", mega + "v')"}},
         row + "models: 'Qwen3-8B' is not a model of '" + std::string(80, 'v') +
             "...' that the card or its aliases name"},
        {{{"source", mega + "s')"}}, standard_bill(free)},
        // Sizes at the edges: 0, the largest int64, one more, exponents, signs, fractions.
        {{{"size", "'0'"}}, unused("0")},
        {{{"size", "'9223372036854775807'"}},
         all_covered("900", "300",
                     json_pack(free, kTokens, "9223372036854775807", "1200", "0.00195", "9223372036854774607", "0"))},
        {{{"size", "'9223372036854775808'"}}, row + "size: '9223372036854775808" + not_tokens},
        {{{"size", "'1e400'"}}, row + "size: '1e400" + not_tokens},
        {{{"size", "1e400"}}, row + "size: 'Inf" + not_tokens},  // a REAL literal: SQLite's infinity
        {{{"size", "'" + std::string(38, '9') + "'"}}, row + "size: '" + std::string(38, '9') + not_tokens},
        {{{"size", "'-0'"}}, row + "size: '-0" + not_tokens},
        {{{"size", "'0.1'"}}, row + "size: '0.1" + not_tokens},
        {{{"size", "' 1000'"}}, row + "size: ' 1000" + not_tokens},
        {{{"size", mega + "9')"}}, row + "size: '" + std::string(80, '9') + "..." + not_tokens},
        {{{"size", "1000"}}, standard_bill(free)},
        {{{"size", "1000.0"}}, standard_bill(free)},  // stored as the TEXT '1000.0': a whole number
        {{{"size", "x'31303030'"}}, standard_bill(free)},
        {{{"size", "'-0'"}, {"unit", "'money'"}, {"currency", "'CNY'"}}, row + "size: '-0" + not_money},
        {{{"size", "'1e400'"}, {"unit", "'money'"}, {"currency", "'CNY'"}}, row + "size: '1e400" + not_money},
        // 0.1 CNY covers both calls (0.00195); 0.09805 expires.
        {{{"size", "'0.1'"}, {"unit", "'money'"}, {"currency", "'CNY'"}},
         json_bill(json_line("input", "0.0000005", 900, "0.00045", "0", json_covered(free, 0, "0.00045")) + "," +
                       json_line("output", "0.000005", 300, "0.0015", "0", json_covered(free, 0, "0.0015")),
                   json_pack(free, money, "0.1", "0.00195", "0.00195", "0.09805", "0"), 2, 0)},
        // 38 digits of money pass the row check; applying them to a call
        // overflows exact arithmetic: an error naming the row and the column.
        {{{"size", "'" + std::string(38, '9') + "'"}, {"unit", "'money'"}, {"currency", "'CNY'"}},
         row + "size: '" + std::string(38, '9') +
             "' is too large to apply exactly (an amount is too large for exact arithmetic)"},
        // Times: unix seconds as an INTEGER; not as a REAL (the TEXT column keeps '….5').
        {{{"valid_from", "1772323200"}}, standard_bill(free)},
        {{{"valid_from", "1772323200.5"}},
         row + "valid_from: '1772323200.5' is not a time such as 2026-03-01T00:00:00+08:00"},
        {{{"valid_until", "x'ff'"}}, row + "valid_until: '?' is not a time such as 2026-04-01T00:00:00+08:00"},
        {{{"valid_until", mega + "2')"}},
         row + "valid_until: '" + std::string(80, '2') + "...' is not a time such as 2026-04-01T00:00:00+08:00"},
        // Priority: INTEGER affinity; a whole number of at most 9 digits.
        {{{"priority", "'high'"}}, row + "priority: 'high" + priority},
        {{{"priority", "1.5"}}, row + "priority: '1.5" + priority},
        {{{"priority", "9223372036854775807"}}, row + "priority: '9223372036854775807" + priority},
        {{{"priority", "x'35'"}}, standard_bill(free)},
        {{{"priority", "'-999999999'"}}, standard_bill(free)},
        // Currency: checked whenever given; a token pack ignores a good one.
        {{{"currency", "x'ff'"}}, row + "currency: '?' is not a 3-letter code such as CNY"},
        {{{"currency", "'CNY'"}}, standard_bill(free)},
        {{{"unit", "'money'"}, {"currency", mega + "c')"}},
         row + "currency: '" + std::string(80, 'c') + "...' is not a 3-letter code such as CNY"},
    };
    for (const Hostile& h : cases) {
        const std::string insert = kPackInsert + pack_values(h.with);
        Host host(MAAS_NOFS_MODULE_PATH, ":memory:", user_tables_sql() + kBillCalls + insert);
        INFO(insert.substr(0, 300));
        std::string answer;
        const double ms = elapsed_ms([&] { answer = host.answer(bill_sql()); });
        INFO(answer.substr(0, 400));
        CHECK(ms < 5000);  // a hang guard
        CHECK(valid_utf8(answer));
        CHECK(answer == h.answer);
        // A bad row stops every pricing function with the same message.
        if (h.answer.rfind("error: ", 0) == 0 && h.answer.find("too large to apply") == std::string::npos)
            CHECK(host.answer("SELECT maas_cost('Qwen3-8B', 1, 1)") ==
                  "error: maas_cost: " + h.answer.substr(std::string("error: maas_bill_json: ").size()));
        CHECK(host.answer("SELECT maas_builtin_cost('Qwen3-8B', 230, 300)") == "0.001615");
    }
}

TEST_CASE("hostile user: calls at a pack's edges, out of order, far apart, and from after until",
          "[robust][hostile][packs]") {
    // A pack in force for one day, [2026-03-01, 2026-03-02) UTC.
    const std::string day = pack_values({{"pack", "'day'"}, {"valid_until", "'2026-03-02'"}});
    const std::string calls =
        "CREATE TABLE calls(at, model, input, cached_input, cache_write, output);"
        "INSERT INTO calls VALUES ('2026-03-01T08:00:00+08:00', 'Qwen3-8B', 100, 0, 0, 0),"  // valid_from exactly
        "('2026-03-01 23:59:59.999', 'Qwen3-8B', 100, 0, 0, 0),"                             // its last millisecond
        "('2026-03-02 00:00:00', 'Qwen3-8B', 100, 0, 0, 0);";                                // valid_until: outside
    Host host(MAAS_NOFS_MODULE_PATH, ":memory:", user_tables_sql() + calls + kPackInsert + day);
    const std::string name = "\"day\"";
    // Ordered by instant (maas_instant's UTC text sorts in time order):
    // 200 tokens covered (0.0001), the third call's 100 due (0.00005); at
    // valid_until the 800 left expire.
    const std::string in_time = "maas_instant(at)";
    CHECK(host.answer(bill_sql("2026-03-01", "2026-04-01", in_time)) ==
          json_bill(json_line("input", "0.0000005", 300, "0.00015", "0.00005", json_covered(name, 200, "0.0001")),
                    json_pack(name, kTokens, "1000", "200", "0.0001", "800", "0"), 3, 0));
    // The period's edges: `from` inside, `until` outside, the packs fed all the same.
    CHECK(host.answer(bill_sql("2026-03-01 23:59:59.999", "2026-03-02", in_time)) ==
          json_bill(json_line("input", "0.0000005", 100, "0.00005", "0", json_covered(name, 100, "0.00005")),
                    json_pack(name, kTokens, "1000", "200", "0.0001", "800", "0"), 1, 0));
    // Out of order: an error naming the function and both instants, never a
    // silent misapplication.  Ordered as text, the '+08:00' form of the
    // first call sorts after the second ('T' after ' ').
    CHECK(host.answer(bill_sql("2026-03-01", "2026-04-01", in_time + " DESC")) ==
          "error: maas_bill_json: calls must come in time order (at 2026-03-01 23:59:59.999 after 2026-03-02 "
          "00:00:00): feed them from a subquery ordered by at");
    CHECK(host.answer(bill_sql()) ==
          "error: maas_bill_json: calls must come in time order (at 2026-03-01 00:00:00 after 2026-03-01 "
          "23:59:59.999): feed them from a subquery ordered by at");
    // from after until (or equal): an empty period.  The call before until
    // still feeds the pack, which, in force at until, holds the rest.
    const std::string empty = json_bill("", json_pack(name, kTokens, "1000", "100", "0.00005", "0", "900"), 0, 0);
    CHECK(host.answer(bill_sql("2026-03-02", "2026-03-01 12:00:00", in_time)) == empty);
    CHECK(host.answer(bill_sql("2026-03-01 12:00:00", "2026-03-01 12:00:00", in_time)) == empty);
    // Instants far apart: a pack over the whole range of times, calls at its
    // ends (the first before any price: unpriced, covered by nothing).
    Host wide(MAAS_NOFS_MODULE_PATH, ":memory:",
              user_tables_sql() + kPackInsert +
                  pack_values({{"valid_from", "'0000-01-01'"}, {"valid_until", "'9999-12-31 23:59:59.999'"}}) +
                  ";CREATE TABLE calls(at, model, input, cached_input, cache_write, output);"
                  "INSERT INTO calls VALUES ('0000-01-01', 'Qwen3-8B', 1, 0, 0, 1), "
                  "('2026-03-02', 'Qwen3-8B', 1, 0, 0, 1), ('9999-12-31 23:59:59.998', 'Qwen3-8B', 1, 0, 0, 1);");
    const std::string free = "\"free\"";
    CHECK(wide.answer(bill_sql("0000-01-01", "9999-12-31 23:59:59.999")) ==
          json_bill(json_line("input", "0.0000005", 2, "0.000001", "0", json_covered(free, 2, "0.000001")) + "," +
                        json_line("output", "0.000005", 2, "0.00001", "0", json_covered(free, 2, "0.00001")),
                    json_pack(free, kTokens, "1000", "4", "0.000011", "996", "0"), 2, 1));
    CHECK(wide.answer(bill_sql("0000-01-01", "10000-01-01")) ==
          "error: maas_bill_json: until must be a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or "
          "unix seconds, got '10000-01-01'");
}

// 5,000 packs of 10 tokens, each ending a second before the one of the
// previous row, so they apply in reverse row order (pk5000 first); 3,000
// calls of 10 input and 5 output tokens use the first 4,500 of them up,
// token by token: the pack at position a takes 10 input tokens when a % 3
// is 0, else 5 output and 5 input tokens.  The last 500 expire.
TEST_CASE("hostile user: 5,000 packs and 3,000 calls give the exact bill in bounded time",
          "[robust][hostile][packs][heavy]") {
    const std::string setup =
        user_tables_sql() +
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 5000) "
        "INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, valid_from, valid_until, "
        "priority, source) SELECT printf('pk%04d', k), 'iflytek-xingchen', 'Qwen3-8B', '*', '10', 'tokens', NULL, "
        "'2026-03-01', strftime('%Y-%m-%d %H:%M:%S', '2026-03-20', '+' || (5000 - k) || ' seconds'), NULL, NULL "
        "FROM n;"
        "CREATE TABLE calls(at, model, input, cached_input, cache_write, output);"
        "WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 2999) INSERT INTO calls SELECT "
        "strftime('%Y-%m-%d %H:%M:%S', '2026-03-02', '+' || k || ' seconds'), 'Qwen3-8B', 10, 0, 0, 5 FROM n;";
    Host host(MAAS_NOFS_MODULE_PATH, ":memory:", setup);
    std::string input_covered, output_covered, packs;
    for (int a = 0; a < 5000; ++a) {
        char id[16];
        std::snprintf(id, sizeof id, "\"pk%04d\"", 5000 - a);
        const bool used = a < 4500, whole_input = a % 3 == 0;
        if (used) {
            input_covered += (a ? "," : "") +
                             json_covered(id, whole_input ? 10 : 5, whole_input ? "0.000005" : "0.0000025");
            if (!whole_input) output_covered += (output_covered.empty() ? "" : ",") + json_covered(id, 5, "0.000025");
        }
        packs += (a ? "," : "") + json_pack(id, kTokens, "10", used ? "10" : "0",
                                            !used         ? "0"
                                            : whole_input ? "0.000005"
                                                          : "0.0000275",
                                            used ? "0" : "10", "0");
    }
    const std::string expected = json_bill(json_line("input", "0.0000005", 30000, "0.015", "0", input_covered) + "," +
                                               json_line("output", "0.000005", 15000, "0.075", "0", output_covered),
                                           packs, 3000, 0);
    std::string answer;
    const double ms = elapsed_ms([&] { answer = host.answer(bill_sql()); });
    INFO("5,000 packs x 3,000 calls: " << ms << " ms, " << answer.size() << " bytes");
    CHECK(answer.size() == expected.size());
    CHECK(answer == expected);
    CHECK(ms < 30000);  // a hang guard (about 0.3 s in a Release build)
}

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
#include <fstream>
#include <malloc.h>
#include <set>
#include <string>

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

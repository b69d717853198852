// test_low_memory.cpp - out of memory at every allocation, in turn.
//
// The extension allocates in two ways: through SQLite (statements, values,
// results) and with C++ operator new (its catalogs, strings, the JSON
// parser).  This test fails both: it installs an SQLite allocator
// (SQLITE_CONFIG_MALLOC) and replaces the global operator new of the process,
// counting allocations from the moment
// it is armed and failing the Nth (once, or the Nth and every later one).
// For N = 0, 1, 2, ... until a run sees no failure it checks that a
// statement calling every function either answers exactly what it answers
// with memory to spare, or fails with SQLite's out-of-memory error
// (SQLITE_NOMEM, "out of memory"): never a crash, never another error, never
// a wrong or partial result; and that the same connection answers correctly
// once memory is back.  Loading the module is tried the same way.
//
// The module is maas.so's shared-runtime twin (tests/robust/CMakeLists.txt):
// the same code, calling libstdc++.so, so that the operator new replaced here
// is the one it allocates with (the shipped maas.so links its own runtime).
//
// Its own executable: it must configure SQLite before anything else in the
// process uses it, and its operator new must not fail Catch2's allocations
// (the checks run only while disarmed).
#include <catch2/catch.hpp>
#include <sqlite3.h>

// GCC inlines the replaced operator delete into std::allocator and then
// sees free() of memory from "new": here both are malloc/free, on purpose.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "robust_support.hpp"

namespace {

// --- the fault injector -------------------------------------------------
long g_countdown = -1;      // allocations still allowed; -1: disarmed
bool g_persistent = false;  // after the first failure, fail every allocation
long g_failures = 0;        // failures injected since arming

bool inject_failure() {
    if (g_countdown < 0) return false;
    if (g_countdown == 0) {
        ++g_failures;
        if (!g_persistent) g_countdown = -1;
        return true;
    }
    --g_countdown;
    return false;
}

void arm(long n, bool persistent) {
    g_failures = 0;
    g_persistent = persistent;
    g_countdown = n;
}
void disarm() { g_countdown = -1; }

sqlite3_mem_methods g_default;

void* fault_malloc(int n) { return inject_failure() ? nullptr : g_default.xMalloc(n); }
void* fault_realloc(void* p, int n) { return inject_failure() ? nullptr : g_default.xRealloc(p, n); }

// Installs the failing SQLite allocator once, before SQLite is used.
void install_allocator() {
    static bool installed = false;
    if (installed) return;
    sqlite3_shutdown();
    REQUIRE(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_default) == SQLITE_OK);
    sqlite3_mem_methods methods = g_default;
    methods.xMalloc = fault_malloc;
    methods.xRealloc = fault_realloc;
    REQUIRE(sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) == SQLITE_OK);
    // Every allocation through xMalloc: no per-connection lookaside.
    REQUIRE(sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) == SQLITE_OK);
    REQUIRE(sqlite3_initialize() == SQLITE_OK);
    installed = true;
}

// Under AddressSanitizer (a Debug build, ten times slower) the long loops
// try every 4th allocation; elsewhere every one.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kStride = 4;
#else
constexpr long kStride = 1;
#endif

// --- one statement, run with the injector armed ---------------------------
struct Outcome {
    bool nomem = false;  // SQLite's out-of-memory error
    bool ok = false;     // rows came
    std::string text;    // the rows ("a|b|c;..."), or the error message
};

std::string column_text(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_NULL: return "NULL";
        case SQLITE_FLOAT: {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(stmt, i));
            return buf;
        }
        default: {
            const unsigned char* t = sqlite3_column_text(stmt, i);
            return t ? std::string(reinterpret_cast<const char*>(t), size_t(sqlite3_column_bytes(stmt, i))) : "?";
        }
    }
}

// Runs every statement of `sql` (one after another) with the Nth allocation
// failing (n < 0: no failure).  Reading a row and the error message pauses
// the injector, so only SQLite and the extension meet the failures.
Outcome run(sqlite3* db, const std::string& sql, long n, bool persistent) {
    Outcome out;
    std::string rows;
    const char* tail = sql.c_str();
    if (n >= 0) arm(n, persistent);
    while (tail && *tail) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(db, tail, -1, &stmt, &tail);
        if (rc != SQLITE_OK) {
            disarm();
            out.nomem = rc == SQLITE_NOMEM;
            out.text = std::string("prepare: ") + sqlite3_errmsg(db);
            sqlite3_finalize(stmt);
            return out;
        }
        if (!stmt) break;  // only whitespace was left
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const long saved = g_countdown;
            g_countdown = -1;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) rows += (i ? "|" : "") + column_text(stmt, i);
            rows += ";";
            g_countdown = saved;
        }
        const long saved = g_countdown;
        g_countdown = -1;
        if (rc != SQLITE_DONE) {
            out.nomem = rc == SQLITE_NOMEM || sqlite3_errcode(db) == SQLITE_NOMEM;
            out.text = sqlite3_errmsg(db);
            sqlite3_finalize(stmt);
            return out;
        }
        sqlite3_finalize(stmt);
        g_countdown = saved;
    }
    disarm();
    out.ok = true;
    out.text = rows;
    return out;
}

// --- what is checked -------------------------------------------------------
const char* kUsage = R"({"usage":{"prompt_tokens":230,"completion_tokens":300}})";

std::vector<std::string> statements(const std::string& card) {
    const std::string u = std::string("'") + kUsage + "'";
    return {
        // Every pricing function in one statement, with the user's prices.
        "SELECT maas_cost('Qwen3-8B', 230, 300), maas_cost('xop3qwen8b', '230', 300.0, '2026-01-01'), "
        "maas_cost('Oom-1', 1000, 1000), maas_training_cost('Qwen3-8B', 'LORA', 1000000, 3), "
        "maas_deployment_cost('DeepSeek-V3', 0.1, 2, 1767225600), maas_price('Oom-1', 'input'), "
        "maas_model('our-oom'), maas_usage_cost('Oom-1', " +
            u + "), maas_usage_tokens(" + u +
            ", 'output'), "
            "maas_usage_problem('{\"prompt_tokens\":5}'), maas_usage_problem('{''input'':1,''total'':2}'), "
            "maas_builtin_cost('Qwen3-8B', 230, 300), maas_builtin_training_cost('Qwen3-8B', 'lora', 1000), "
            "maas_builtin_deployment_cost('DeepSeek-V3', 24), maas_builtin_price('Qwen3-8B', '输入'), "
            "maas_builtin_model('QWEN3-8B'), maas_version(), length(maas_debug()) > 100",
        // The tables.
        "SELECT count(*), sum(price) FROM maas_rates; "
        "SELECT model, item, price_text FROM maas_rates WHERE lookup = 'our-oom' ORDER BY item; "
        "SELECT alias, model, origin FROM maas_aliases WHERE origin = 'user'",
        // Many rows: the per-statement cache and the quick path.
        "SELECT sum(maas_cost(model, i, o)), count(maas_model(model)), sum(maas_usage_tokens(u, 'input')) FROM usage; "
        // The usage functions on each row's text (the memo), half of them cut short (a problem).
        "SELECT group_concat(DISTINCT p), sum(t) FROM (SELECT maas_usage_problem(v) AS p, CASE WHEN "
        "maas_usage_problem(v) IS NULL THEN maas_usage_tokens(v, 'input') END AS t FROM (SELECT substr(u, 1, "
        "length(u) - rowid % 2) AS v FROM usage))",
        // Bad input: the exact error, or out of memory.
        "SELECT maas_cost('Qwen3-8B', -1, 0)",
        "SELECT maas_usage_cost('Oom-1', '{\"prompt_tokens\":-1}')",
        "SELECT maas_training_cost('Qwen3-8B', 'lora', 9223372036854775807, 9223372036854775807)",
        // Exact totals: aggregates, a window frame, the scalar.
        "SELECT maas_total(maas_cost(model, i, o)), maas_total_text(maas_cost(model, i, o), 6), "
        "maas_total_text(maas_cost(model, i, o)), maas_round_text(0.0025, 3), maas_round_text('7.14426475') FROM usage",
        "SELECT group_concat(t, ' ') FROM (SELECT maas_total_text(maas_cost(model, i, o)) "
        "OVER (ORDER BY rowid ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS t FROM usage)",
        // Currencies, conversion, the reasons for no price.
        "SELECT maas_currency('Oom-1'), maas_currency('our-oom', 1767225600), maas_unpriced('Spark-Max'), "
        "maas_unpriced('gpt-4o-mini'), maas_unpriced('Spark Mini'), maas_unpriced('our-oom'), "
        "maas_convert(0.5, 'USD', 'CNY', '2026-01-01'), maas_convert(0.5, 'CNY', 'USD')",
        // Cached input: both paths, many rows, and the consistency error.
        "SELECT maas_cost_cached('Qwen3-8B', 1230, 1000, 300), maas_cost_cached('our-oom', '1230', 1000, 300, 30, 2, "
        "'2026-01-01'), maas_builtin_cost_cached('xop3qwen8b', 1230, 1000, 300), "
        "(SELECT sum(maas_cost_cached(model, i, i / 2, o, i / 4, 1)) FROM usage)",
        "SELECT maas_cost_cached('Qwen3-8B', 10, 11, 0)",
        // Instants in every form; SQL run by maas_exec (a schema change, rows,
        // a nested call that prices), and their errors.
        "SELECT maas_instant('2026-03-01 12:00:00.5+08'), maas_instant(1754006399123, 'ms'), "
        "maas_instant('1754006399123456789', 'ns'), maas_instant(-1.5), maas_instant('not a time'), "
        "maas_exec('CREATE TEMP TABLE IF NOT EXISTS oom_exec(x); INSERT INTO oom_exec SELECT i FROM usage; "
        "DELETE FROM oom_exec'), maas_exec('SELECT maas_exec(''SELECT maas_cost(''''Qwen3-8B'''', i, o) FROM usage'')'), "
        "maas_exec('-- nothing')",
        "SELECT maas_exec('SELECT 1; SELECT nope')",  // kNestedError below
        "SELECT maas_instant(1, 'days')",
        // A card file.
        "SELECT maas_load_card('" + card + "'), maas_cost('Card-1', 1000, 1000)",
    };
}

const char* kSetup =
    "CREATE TABLE usage(model TEXT, i INTEGER, o INTEGER, u TEXT);"
    "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 60) "
    "INSERT INTO usage SELECT CASE k % 3 WHEN 0 THEN 'Qwen3-8B' WHEN 1 THEN 'our-oom' ELSE 'DeepSeek-R1' END, "
    "  k * 100, k * 7, '{\"prompt_tokens\":' || k || '}' FROM n;";

std::string card_text() {
    return "provider,model,service,item,label,price,unit,currency,effective_from,source\n"
           "acme,Card-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,t\n"
           "acme,Card-1,inference,output,out,0.002,k_tokens,CNY,2025-01-01,t\n";
}

sqlite3* open_loaded(const std::string& path = ":memory:") {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_enable_load_extension(db, 1);
    char* message = nullptr;
    const int rc = sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    REQUIRE(rc == SQLITE_OK);
    return db;
}

// The user's tables, with a price for Oom-1 that a step flips between two values.
void setup_user_tables(sqlite3* db) {
    const std::string sql = robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql") +
                            "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, "
                            "effective_from) VALUES ('acme', 'Oom-1', 'inference', 'input', '0.001', 'k_tokens', "
                            "'CNY', '2025-01-01'), ('acme', 'Oom-1', 'inference', 'output', '0.004', 'k_tokens', "
                            "'CNY', '2025-01-01');"
                            "INSERT INTO maas_user_aliases(alias, model) VALUES ('our-oom', 'Oom-1');"
                            "INSERT INTO maas_user_fx VALUES ('USD', 'CNY', '7.1', '2025-01-01', 'oom');" +
                            kSetup;
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
}

void set_price_state(sqlite3* db, int state) {
    const std::string sql = std::string("UPDATE maas_user_rates SET price = '") + (state ? "0.002" : "0.001") +
                            "' WHERE model = 'Oom-1' AND item = 'input'";
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
}

struct Tally {
    long steps = 0, nomem = 0, answered = 0, generic = 0;
};

// The statement whose error follows a nested statement's (maas_exec's).  The
// nested prepare leaves the connection's error text in a buffer just its
// size; SQLite then copies the longer outer message into it with a "benign"
// allocation (sqlite3VdbeTransferError), and when that one fails it reports
// SQLITE_ERROR with its generic text, "SQL logic error", not SQLITE_NOMEM.
// SQLite's choice, no wrong answer: accepted for this statement alone.
constexpr size_t kNestedError = 12;

}  // namespace

// Replaceable global allocation functions: the failing ones.
void* operator new(std::size_t n) {
    if (inject_failure()) throw std::bad_alloc();
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return ::operator new(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return ::operator new(n, std::nothrow); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

TEST_CASE("loading the module fails cleanly at every allocation, and the connection loads it again", "[robust][oom]") {
    install_allocator();
    std::string expected;
    {
        sqlite3* db = open_loaded();
        const Outcome o = run(db,
                              "SELECT maas_cost('Qwen3-8B', 230, 300), maas_model('xop3qwen8b'), count(*) "
                              "FROM maas_rates",
                              -1, false);
        REQUIRE(o.ok);
        expected = o.text;
        sqlite3_close(db);
    }
    CHECK(expected == "0.0016149999999999999|Qwen3-8B|131;");
    // Every allocation from the Nth first: the one-shot pass ends with a load
    // whose last SQLite allocation fails after the entry point succeeded, and
    // SQLite then keeps the library loaded for the rest of the process.
    for (const bool persistent : {true, false}) {
        long n = 0, steps = 0;
        long failed_loads = 0;
        for (;; n += kStride, ++steps) {
            sqlite3* db = nullptr;
            REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
            sqlite3_enable_load_extension(db, 1);
            char* message = nullptr;
            arm(n, persistent);
            const int rc = sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, &message);
            disarm();
            const long failures = g_failures;
            const std::string text = message ? message : "";
            sqlite3_free(message);
            INFO("allocation " << n << (persistent ? " and every later one" : "") << " failed; load rc " << rc << ": "
                               << text);
            if (rc != SQLITE_OK) {
                ++failed_loads;
                CHECK(failures > 0);
                // A failing entry point is SQLITE_ERROR "error during
                // initialization: ..."; SQLite's own failures are SQLITE_NOMEM.
                CHECK((rc == SQLITE_NOMEM || rc == SQLITE_ERROR));
            }
            if (rc == SQLITE_ERROR) {
                // SQLite unloads the library when the entry point fails:
                // nothing registered may be left pointing into it.
                CHECK(run(db, "SELECT count(*) FROM pragma_function_list WHERE name LIKE 'maas%'", -1, false).text ==
                      "0;");
                CHECK(run(db, "SELECT count(*) FROM pragma_module_list WHERE name LIKE 'maas%'", -1, false).text ==
                      "0;");
            }
            // Memory is back: the same connection loads the module and answers.
            char* again = nullptr;
            const int rc2 = sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, &again);
            INFO("second load: " << (again ? again : ""));
            sqlite3_free(again);
            CHECK(rc2 == SQLITE_OK);
            if (rc2 == SQLITE_OK) {
                const Outcome o = run(db,
                                      "SELECT maas_cost('Qwen3-8B', 230, 300), maas_model('xop3qwen8b'), "
                                      "count(*) FROM maas_rates",
                                      -1, false);
                CHECK(o.text == expected);
            }
            CHECK(sqlite3_close(db) == SQLITE_OK);
            if (failures == 0) break;  // the load needed fewer than n allocations
        }
        std::printf("low memory: loading: %ld steps (%s), %ld loads failed\n", steps + 1,
                    persistent ? "every allocation from the Nth, built-in card parsed"
                               : "the Nth allocation, library resident",
                    failed_loads);
        // The persistent pass goes through the built-in card's parse (about
        // 1,560 allocations at this writing), the one-shot pass only to the
        // library staying resident.
        CHECK(steps > (persistent ? 1000 / kStride : 40 / kStride));
    }
}

// Bug: when registering the functions failed part-way (out of memory),
// sqlite3_maas_init returned the error but left the functions registered
// so far in place; SQLite then unloaded maas.so, so calling one of them,
// or closing the connection (which calls their destructors), jumped into
// unmapped memory: SIGSEGV in sqlite3_close.
TEST_CASE("regression: a load that fails part-way leaves nothing of the module registered",
          "[robust][oom][regression]") {
    install_allocator();
    // How many allocations a load takes (with the module not yet loaded in
    // this process, the built-in card is parsed too).
    long total = 0;
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
        sqlite3_enable_load_extension(db, 1);
        arm(1L << 40, false);
        REQUIRE(sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, nullptr) == SQLITE_OK);
        total = (1L << 40) - g_countdown;
        disarm();
        sqlite3_close(db);
    }
    // Fail one of the last allocations: those of the registrations.
    long stale = 0, tried = 0;
    for (long n = total - 40; n < total - 1; ++n) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
        sqlite3_enable_load_extension(db, 1);
        arm(n, false);
        const int rc = sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, nullptr);
        disarm();
        if (rc == SQLITE_ERROR) {
            ++tried;
            const std::string left = run(db,
                                         "SELECT (SELECT count(*) FROM pragma_function_list WHERE name LIKE 'maas%') + "
                                         "(SELECT count(*) FROM pragma_module_list WHERE name LIKE 'maas%')",
                                         -1, false)
                                         .text;
            INFO("allocation " << n << " of " << total << " failed; maas names left registered: " << left);
            CHECK(left == "0;");
            if (left != "0;") {
                ++stale;
                // Load it again so that closing does not call into unmapped memory.
                REQUIRE(sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, nullptr) == SQLITE_OK);
            }
        }
        sqlite3_close(db);
    }
    std::printf("low memory: %ld failed loads during registration, %ld left stale registrations\n", tried, stale);
    CHECK(tried > 10);
}

TEST_CASE("every function fails with SQLite's out-of-memory error or answers exactly", "[robust][oom]") {
    install_allocator();
    robust::TempDir dir;
    const std::string card = dir.write("card.csv", card_text());
    const std::vector<std::string> all = statements(card);
    sqlite3* db = open_loaded();
    setup_user_tables(db);
    run(db, all.back(), -1, false);  // load the card once: loading it again changes nothing
    // The exact answers, with memory to spare.  (Rebuilding the prices after
    // a change, out of memory, is the regression test further down.)
    std::vector<std::string> expected;
    for (const std::string& sql : all) expected.push_back(run(db, sql, -1, false).text);
    CHECK(expected[3] == "maas_cost: input_tokens must be a non-negative integer, got -1");
    CHECK(expected[5] == "maas_training_cost: the cost is too large to compute exactly");
    CHECK(expected.back() == "2|0.0030000000000000001;");
    CHECK(expected[6] == "0.44139|0.441390|0.44139|0.003|7.14426475;");
    CHECK(expected[7].rfind("0.000128 0.001152 0.001407 0.001791 0.003327 ", 0) == 0);  // 3-row frames
    CHECK(expected[8] == "CNY|CNY|other_product|unknown_model|no_token_price|NULL|3.5499999999999998|NULL;");
    CHECK(expected[9].rfind("0.0021150000000000001|0.0024299999999999999|0.0021150000000000001|", 0) == 0);
    CHECK(expected[10] == "maas_cost_cached: cached_tokens must be at most input_tokens (10), got 11");
    CHECK(
        expected[11] ==
        "2026-03-01 04:00:00.500|2025-07-31 23:59:59.123|2025-07-31 23:59:59.123|1969-12-31 23:59:58.500|NULL|3|1|0;");
    CHECK(expected[kNestedError] == "maas_exec: statement 2: no such column: nope");
    CHECK(expected[13] == "maas_instant: unit must be 's', 'ms', 'us' or 'ns', got 'days'");

    Tally tally;
    for (const bool persistent : {false, true}) {
        for (size_t s = 0; s < all.size(); ++s) {
            for (long n = 0;; n += kStride) {
                const Outcome o = run(db, all[s], n, persistent);
                const long failures = g_failures;
                ++tally.steps;
                INFO("statement " << s << ": " << all[s].substr(0, 80) << "\nallocation " << n
                                  << (persistent ? " and every later one" : "") << " failed");
                INFO("answer: " << o.text.substr(0, 300));
                if (o.nomem) {
                    ++tally.nomem;
                    CHECK(failures > 0);
                } else if (s == kNestedError && o.text == "SQL logic error") {
                    ++tally.generic;
                } else {
                    ++tally.answered;
                    // Not out of memory: exactly the answer (or the exact error) it gives with memory.
                    CHECK(o.text == expected[s]);
                }
                // Memory is back: the same connection answers exactly.
                const Outcome again = run(db, all[s], -1, false);
                INFO("then, with memory: " << again.text.substr(0, 300));
                CHECK(again.text == expected[s]);
                if (failures == 0) break;
            }
        }
    }
    std::printf("low memory: %ld steps over %zu statements: %ld out of memory, %ld exact answers, %ld of SQLite's "
                "generic error\n",
                tally.steps, all.size(), tally.nomem, tally.answered, tally.generic);
    CHECK(tally.steps > 2000 / kStride);
    sqlite3_close(db);
}

// Bug: load_card_lines() installed the new lines before rebuilding the
// prices; when the rebuild threw std::bad_alloc they stayed, and the next
// rebuild (any change to the user tables) priced with the card whose load
// had failed.  Also: out of memory while copying the file was reported as
// "cannot read".
TEST_CASE("regression: a maas_load_card that ran out of memory loaded nothing", "[robust][oom][regression]") {
    install_allocator();
    robust::TempDir dir;
    const std::string card = dir.write("card.csv", card_text());
    long n = 0, failed = 0, steps = 0;
    for (;; n += kStride, ++steps) {
        sqlite3* db = open_loaded();
        setup_user_tables(db);
        const Outcome o = run(db, "SELECT maas_load_card('" + card + "')", n, false);
        const long failures = g_failures;
        INFO("allocation " << n << " failed: " << o.text);
        CHECK((o.nomem || o.text == "2;"));
        if (o.nomem) ++failed;
        // A change to the user tables makes the connection rebuild its prices
        // from everything loaded: a failed load must not show up then.
        set_price_state(db, 1);
        const Outcome model = run(db, "SELECT maas_model('Card-1')", -1, false);
        CHECK(model.text == (o.nomem ? "NULL;" : "Card-1;"));
        sqlite3_close(db);
        if (failures == 0) break;
    }
    std::printf("low memory: maas_load_card: %ld steps, %ld out of memory\n", steps + 1, failed);
    CHECK(steps > 20);
}

// In a UTF-16 database the functions' TEXT arguments arrive as UTF-16 and
// sqlite3_value_text() converts them, which allocates and may fail (it then
// returns NULL).
std::string utf16_database(robust::TempDir& dir, const std::string& card) {
    const std::string path = dir.file("utf16.db");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "PRAGMA encoding = 'UTF-16le'; CREATE TABLE args(usage TEXT, which TEXT, path TEXT, "
                         "model TEXT, item TEXT, at TEXT, hours TEXT)",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    const std::string insert = std::string("INSERT INTO args VALUES ('") + kUsage + "', 'output', '" + card +
                               "', 'Qwen3-8B', 'input', '2026-01-01', '2.5')";
    REQUIRE(sqlite3_exec(db, insert.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    return path;
}

// Runs sql over the UTF-16 database with each allocation failing in turn.
void check_utf16(const std::string& path, const std::string& sql) {
    sqlite3* db = open_loaded(path);
    const Outcome want = run(db, sql, -1, false);
    REQUIRE(want.ok);
    long steps = 0, nomem = 0;
    for (long n = 0;; n += kStride) {
        const Outcome o = run(db, sql, n, false);
        const long failures = g_failures;
        ++steps;
        INFO(sql << "\nallocation " << n << " failed: " << o.text);
        if (o.nomem) ++nomem;
        else CHECK(o.text == want.text);
        CHECK(run(db, sql, -1, false).text == want.text);
        if (failures == 0) break;
    }
    std::printf("low memory: UTF-16 database: %ld steps, %ld out of memory: %s\n", steps, nomem, sql.c_str());
    INFO(sql);
    CHECK(nomem > 0);  // failures were injected and reached the statement: a loop that injects nothing fails
    sqlite3_close(db);
}

TEST_CASE("a UTF-16 database: every function when converting its text runs out of memory", "[robust][oom]") {
    install_allocator();
    robust::TempDir dir;
    const std::string path = utf16_database(dir, dir.write("card.csv", card_text()));
    check_utf16(path, "SELECT maas_model(model), maas_price(model, item, at), maas_cost(model, 230, 300, at), "
                      "maas_training_cost(model, 'lora', 1000, 1, at), maas_deployment_cost('DeepSeek-V3', hours), "
                      "maas_usage_cost(model, usage, at), maas_builtin_model(model) FROM args");
    check_utf16(path, "SELECT count(*) FROM maas_rates WHERE lookup = (SELECT model FROM args) AND "
                      "item = (SELECT item FROM args)");
    check_utf16(path, "SELECT maas_load_card(path) FROM args");
    check_utf16(path, "SELECT maas_instant(at), maas_instant(at, 'ms'), maas_instant('1754006399123', 'ms'), "
                      "maas_exec('SELECT ' || hours || '; SELECT maas_instant(' || quote(at) || ')') FROM args");
}

// Bug: maas_usage_tokens passed sqlite3_value_text(which) straight to a
// std::string_view (strlen): NULL when the conversion ran out of memory,
// so SIGSEGV.
TEST_CASE("regression: a UTF-16 database: maas_usage_tokens out of memory", "[robust][oom][regression]") {
    install_allocator();
    robust::TempDir dir;
    check_utf16(utf16_database(dir, dir.write("card.csv", card_text())),
                "SELECT maas_usage_tokens(usage, which) FROM args");
}

// Bugs: (1) when reading the user tables failed for want of memory, the
// connection remembered the error ("cannot read the user tables: out of
// memory") and repeated it on every later call, with memory back, until the
// tables changed; (2) when rebuilding the prices threw std::bad_alloc after
// the change signal had been recorded, later calls took the old prices as
// current: a wrong price, silently; (3) that failure was an ordinary
// SQLITE_ERROR, not SQLite's out-of-memory error.
TEST_CASE("regression: running out of memory while the user prices are read is not remembered",
          "[robust][oom][regression]") {
    install_allocator();
    sqlite3* db = open_loaded();
    setup_user_tables(db);
    // Reading a table first: the statement then holds a read transaction, so
    // the connection may trust its change signal (a statement that reads no
    // table never does, and would hide a stale catalog).
    const std::string sql = "SELECT maas_price('Oom-1', 'input'), maas_model('our-oom') FROM usage LIMIT 1";
    long n = 0, nomem = 0, steps = 0;
    for (;; n += kStride, ++steps) {
        const int state = int(steps % 2);
        set_price_state(db, state);
        const std::string want = state ? "0.002|Oom-1;" : "0.001|Oom-1;";
        const Outcome o = run(db, sql, n, false);
        const long failures = g_failures;
        INFO("allocation " << n << " failed: " << o.text);
        if (o.nomem) ++nomem;
        else CHECK(o.text == want);
        const Outcome again = run(db, sql, -1, false);
        INFO("then, with memory: " << again.text);
        CHECK(again.text == want);
        if (failures == 0) break;
    }
    std::printf("low memory: user prices: %ld steps, %ld out of memory\n", steps + 1, nomem);
    CHECK(nomem > 0);  // failures were injected and reached the statement: a loop that injects nothing fails
    sqlite3_close(db);
}

// Bug: the JSON parser of the time (simdjson) allocated with new(std::nothrow)
// and reported a failure as an error code, which the usage reader passed on as
// "usage is not valid JSON (...)": valid JSON reported invalid when memory
// ran out.
TEST_CASE("regression: the usage parser out of memory is out of memory, not invalid JSON",
          "[robust][oom][regression]") {
    install_allocator();
    long n = 0, nomem = 0;
    for (;; ++n) {
        sqlite3* db = open_loaded();  // a new connection: its parser has not allocated yet
        const Outcome o = run(db, std::string("SELECT maas_usage_tokens('") + kUsage + "', 'input')", n, false);
        const long failures = g_failures;
        INFO("allocation " << n << " failed: " << o.text);
        if (o.nomem) ++nomem;
        else CHECK(o.text == "230;");
        sqlite3_close(db);
        if (failures == 0) break;
    }
    std::printf("low memory: usage parser: %ld steps, %ld out of memory\n", n + 1, nomem);
    CHECK(nomem > 0);  // failures were injected and reached the statement: a loop that injects nothing fails
}

TEST_CASE("sqlite3_hard_heap_limit64: every limit gives out of memory or the exact answer", "[robust][oom]") {
    install_allocator();
    robust::TempDir dir;
    const std::string card = dir.write("card.csv", card_text());
    const std::vector<std::string> all = statements(card);
    sqlite3* db = open_loaded();
    setup_user_tables(db);
    run(db, all.back(), -1, false);  // load the card once: loading it again changes nothing
    set_price_state(db, 0);
    std::vector<std::string> expected;
    for (const std::string& sql : all) expected.push_back(run(db, sql, -1, false).text);
    long steps = 0, nomem = 0;
    const sqlite3_int64 base = sqlite3_memory_used();
    for (sqlite3_int64 extra = 0; extra <= 64 * 1024; extra += 512) {
        set_price_state(db, int(extra / 512 % 2));
        const int state = int(extra / 512 % 2);
        std::vector<std::string> want;
        for (const std::string& sql : all) want.push_back(run(db, sql, -1, false).text);
        if (state == 0) CHECK(want == expected);
        set_price_state(db, 1 - state);
        set_price_state(db, state);  // a change under the limit: rebuilt under the limit
        sqlite3_hard_heap_limit64(base + extra);
        for (size_t s = 0; s < all.size(); ++s) {
            const Outcome o = run(db, all[s], -1, false);
            ++steps;
            INFO("limit " << base + extra << ": " << all[s].substr(0, 60) << "\n" << o.text.substr(0, 200));
            if (o.nomem) ++nomem;
            else {
                sqlite3_hard_heap_limit64(0);
                CHECK(o.text == want[s]);
                sqlite3_hard_heap_limit64(base + extra);
            }
        }
        sqlite3_hard_heap_limit64(0);
        for (size_t s = 0; s < all.size(); ++s) CHECK(run(db, all[s], -1, false).text == want[s]);
    }
    std::printf("low memory: hard heap limit: %ld statements under 129 limits, %ld out of memory\n", steps, nomem);
    CHECK(nomem > 0);
    sqlite3_close(db);
}

// Price rules (issue 26): a card with conditions loaded, and a conditional
// card priced with a calendar, with each allocation failing in turn.  Every
// step first changes the calendar (its source only), so the prices, the
// conditions and the calendar are read again under the injector.
TEST_CASE("conditions and the calendar: out of memory or the exact answer", "[robust][oom][conditions]") {
    install_allocator();
    robust::TempDir dir;
    const std::string card = dir.write(
        "conditions.csv",
        "provider,model,service,item,label,price,unit,currency,effective_from,source,condition,billed_per\n"
        "acme,Cond-1,inference,input,,1,m_tokens,CNY,2026-01-01,t,input <= 32k,\n"
        "acme,Cond-1,inference,input,,2,m_tokens,CNY,2026-01-01,t,input > 32k and input <= 128k,\n"
        "acme,Cond-1,inference,input,,0.5,m_tokens,CNY,2026-01-01,t,variant = batch and input <= 128k,\n"
        "acme,Cond-1,inference,output,,4,m_tokens,CNY,2026-01-01,t,,\n"
        "acme,Cond-1,inference,deployment,,20,node_hour,CNY,2026-01-01,t,,started_hour\n");
    sqlite3* db = open_loaded();
    const std::string setup =
        robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql") +
        "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, "
        "condition) VALUES "
        "('acme', 'Peak', 'inference', 'input', '1', 'm_tokens', 'CNY', '2026-08-16', NULL),"
        "('acme', 'Peak', 'inference', 'output', '4', 'm_tokens', 'CNY', '2026-08-16', NULL),"
        "('acme', 'Peak', 'inference', 'input', '2', 'm_tokens', 'CNY', '2026-08-16', "
        "'day is workday @+08:00 and time in 09:00-12:00 @+08:00'),"
        "('acme', 'Peak', 'inference', 'input', '0.5', 'm_tokens', 'CNY', '2026-08-16', 'variant = flex'),"
        "('acme', 'Peak', 'inference', 'input', '3', 'm_tokens', 'CNY', '2026-08-16', 'input > 1m and input <= 2m');"
        "INSERT INTO maas_user_calendar(date, kind, source) VALUES ('2026-10-01', 'holiday', 's'), "
        "('2026-10-10', 'workday', 's');" +
        kSetup;
    REQUIRE(sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    const std::vector<std::pair<std::string, std::string>> checks = {
        {"SELECT maas_load_card('" + card +
             "'), maas_cost('Cond-1', 100000, 1000, '2026-09-01'), maas_cost('Cond-1', 32000, 0, '2026-09-01', "
             "'batch'), maas_cost('Cond-1', 200000, 0, '2026-09-01') IS NULL, maas_deployment_cost('Cond-1', 0.25, 2)",
         "5|0.20399999999999999|0.016|1|40;"},
        {"SELECT maas_cost('Peak', 1000000, 0, '2026-09-01 10:00:00+08:00'), "
         "maas_cost('Peak', 1000000, 0, '2026-10-01 10:00:00+08:00'), "
         "maas_cost('Peak', 1000000, 0, '2026-10-10 10:00:00+08:00'), "
         "maas_cost_cached('Peak', 1500000, 1000000, 0, 0, 1, '2026-09-01', 'flex'), "
         "maas_usage_cost('Peak', '{\"service_tier\":\"flex\",\"usage\":{\"prompt_tokens\":1000000}}', "
         "'2026-09-05'), maas_unpriced('Peak', '2026-09-01', 1500000, 0, 'flex'), "
         "(SELECT sum(maas_cost('Peak', i, o, '2026-09-01 10:00:00+08:00')) FROM usage) FROM usage LIMIT 1",
         "2|1|2|4.5|0.5|NULL|0.41724000000000006;"},
    };
    long steps = 0, nomem = 0;
    for (const auto& check : checks) {
        const std::string& sql = check.first;
        REQUIRE(run(db, sql, -1, false).text == check.second);
        long bump = 0;
        for (long n = 0;; n += kStride) {
            const std::string touch = "UPDATE maas_user_calendar SET source = 's" + std::to_string(++bump) + "'";
            REQUIRE(sqlite3_exec(db, touch.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
            const Outcome o = run(db, sql, n, false);
            const long failures = g_failures;
            ++steps;
            INFO(sql.substr(0, 120) << "\nallocation " << n << " failed: " << o.text);
            if (o.nomem) {
                ++nomem;
                CHECK(failures > 0);
            } else {
                CHECK(o.text == check.second);
            }
            CHECK(run(db, sql, -1, false).text == check.second);
            if (failures == 0) break;
        }
    }
    std::printf("low memory: conditions and calendar: %ld steps, %ld out of memory\n", steps, nomem);
    CHECK(nomem > 0);  // failures were injected and reached the statement: a loop that injects nothing fails
    sqlite3_close(db);
}

// Prepaid packs (issue 27): maas_bill_json with a token pack and a money
// pack over calls before, in and after the period, one of them unpriced.
namespace {

const char* kPackSetup =
    "INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, valid_from, valid_until, "
    "priority, source) VALUES ('free', 'iflytek-xingchen', 'Qwen3-8B', '*', '1000', 'tokens', NULL, '2026-03-01', "
    "'2026-04-01', 1, 's'), ('voucher', 'iflytek-xingchen', '*', 'output', '0.001', 'money', 'CNY', '2026-03-01', "
    "'2026-03-15', NULL, 's');"
    "CREATE TABLE bill_calls(at, model, input, cached_input, cache_write, output);"
    "INSERT INTO bill_calls VALUES ('2026-02-27', 'Qwen3-8B', 100, 0, 0, 100), "
    "('2026-03-02', 'Qwen3-8B', 600, 0, 0, 200), ('2026-03-03', 'Qwen3-8B', 300, 0, 0, 100), "
    "('2026-03-20', 'DeepSeek-R1', 1000, 0, 0, 1000), ('2026-03-21', 'Qwen3-8B', 100, 50, 0, 10), "
    "('2026-03-22', 'no-such-model', 1, 0, 0, 1), ('2026-04-02', 'Qwen3-8B', 1, 0, 0, 1);";

const char* kBillSql = "SELECT maas_bill_json('2026-03-01', '2026-04-01', at, model, input, cached_input, "
                       "cache_write, output) FROM (SELECT * FROM bill_calls ORDER BY at)";

// Worked by hand: 'free' (priority 1) covers the 2 March call (600 + 200
// tokens) and 200 input tokens of the 3 March one, whose 100 output tokens
// (0.0005) the voucher pays; the voucher's other 0.0005 expires on 15
// March.  Due: 100 + 50 input tokens (0.000075), 50 cached (0.000025, at
// the input price), 10 output (0.00005) and DeepSeek-R1's 0.004 + 0.016.
// The 27 February call feeds no pack in force and is before the period,
// the 2 April one after it; the unknown model is unpriced.
const std::string kBillJson =
    R"({"lines":[{"model":"iflytek-xingchen/DeepSeek-R1","item":"input","currency":"CNY","unit_price":"0.000004","period":null,)"
    R"("quantity":1000,"list":"0.004","due":"0.004","covered":[]},{"model":"iflytek-xingchen/DeepSeek-R1",)"
    R"("item":"output","currency":"CNY","unit_price":"0.000016","period":null,"quantity":1000,"list":"0.016","due":"0.016",)"
    R"("covered":[]},{"model":"iflytek-xingchen/Qwen3-8B","item":"cached_input","currency":"CNY",)"
    R"("unit_price":"0.0000005","period":null,"quantity":50,"list":"0.000025","due":"0.000025","covered":[]},)"
    R"({"model":"iflytek-xingchen/Qwen3-8B","item":"input","currency":"CNY","unit_price":"0.0000005","period":null,)"
    R"("quantity":950,"list":"0.000475","due":"0.000075","covered":[{"pack":"free","tokens":800,"amount":"0.0004"}]},)"
    R"({"model":"iflytek-xingchen/Qwen3-8B","item":"output","currency":"CNY","unit_price":"0.000005","period":null,)"
    R"("quantity":310,"list":"0.00155","due":"0.00005","covered":[{"pack":"free","tokens":200,"amount":"0.001"},)"
    R"({"pack":"voucher","tokens":0,"amount":"0.0005"}]}],"packs":[{"pack":"free","unit":"tokens","currency":null,)"
    R"("size":"1000","used":"1000","covered":"0.0014","expired":"0","left":"0"},{"pack":"voucher","unit":"money",)"
    R"("currency":"CNY","size":"0.001","used":"0.0005","covered":"0.0005","expired":"0.0005","left":"0"}],)"
    R"("calls":4,"unpriced":1})";

sqlite3* open_with_packs() {
    sqlite3* db = open_loaded();
    const std::string setup = robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql") + kPackSetup;
    REQUIRE(sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    return db;
}

// A change to the packs (their source only), so that the next statement
// reads them again and rebuilds the prices.
void touch_packs(sqlite3* db, long bump) {
    const std::string sql = "UPDATE maas_user_packs SET source = 's" + std::to_string(bump) + "'";
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
}

}  // namespace

// Each step first changes the packs, so the user tables, the packs and the
// catalog are read again under the injector, then the aggregate runs.
TEST_CASE("prepaid packs: maas_bill_json out of memory or the exact JSON", "[robust][oom][packs]") {
    install_allocator();
    sqlite3* db = open_with_packs();
    const std::string want = kBillJson + ";";
    REQUIRE(run(db, kBillSql, -1, false).text == want);
    long steps = 0, nomem = 0, bump = 0;
    for (const bool persistent : {false, true}) {
        for (long n = 0;; n += kStride) {
            touch_packs(db, ++bump);
            const Outcome o = run(db, kBillSql, n, persistent);
            const long failures = g_failures;
            ++steps;
            INFO("allocation " << n << (persistent ? " and every later one" : "")
                               << " failed: " << o.text.substr(0, 300));
            if (o.nomem) {
                ++nomem;
                CHECK(failures > 0);
            } else {
                CHECK(o.text == want);
            }
            // Memory is back: the same connection answers exactly.
            CHECK(run(db, kBillSql, -1, false).text == want);
            if (failures == 0) break;
        }
    }
    std::printf("low memory: maas_bill_json with packs: %ld steps, %ld out of memory\n", steps, nomem);
    CHECK(nomem > 0);  // failures were injected and reached the statement: a loop that injects nothing fails
    CHECK(steps > 100 / kStride);
    sqlite3_close(db);
}

TEST_CASE("prepaid packs: sqlite3_hard_heap_limit64 gives out of memory or the exact JSON", "[robust][oom][packs]") {
    install_allocator();
    sqlite3* db = open_with_packs();
    const std::string want = kBillJson + ";";
    REQUIRE(run(db, kBillSql, -1, false).text == want);
    long steps = 0, nomem = 0;
    const sqlite3_int64 base = sqlite3_memory_used();
    for (sqlite3_int64 extra = 0; extra <= 64 * 1024; extra += 256) {
        touch_packs(db, long(extra));  // a change under the limit: read and rebuilt under the limit
        sqlite3_hard_heap_limit64(base + extra);
        const Outcome o = run(db, kBillSql, -1, false);
        sqlite3_hard_heap_limit64(0);
        ++steps;
        INFO("limit " << base + extra << ": " << o.text.substr(0, 300));
        if (o.nomem) ++nomem;
        else CHECK(o.text == want);
        CHECK(run(db, kBillSql, -1, false).text == want);
    }
    std::printf("low memory: maas_bill_json under a hard heap limit: %ld limits, %ld out of memory\n", steps, nomem);
    CHECK(nomem > 0);
    sqlite3_close(db);
}

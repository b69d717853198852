// test_threads.cpp - many connections pricing one database while another
// changes the prices, and many connections loading the module.
//
// Readers: 8 threads, each with its own connection to one WAL database,
// each loading maas.so and pricing the same 20,000 usage rows again and
// again (SUM(maas_cost(...)), with maas_price() and maas_rates read in the
// same statement).  Writer: one more connection flipping a user price of
// model Thread-1 between two known values, in committed transactions.
// Both totals are computed first, single-threaded; every statement a reader
// runs must give exactly one of them, with the price it read in the same
// statement matching: a statement sees one state of the prices, never a mix.
//
// MAAS_THREAD_ROUNDS (default 20) sets how many statements each reader runs
// at least (valgrind and ThreadSanitizer runs may lower it).
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <new>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "robust_support.hpp"

namespace {

constexpr int kReaders = 8;
constexpr int kRows = 20000;
const char* kPrices[2] = {"0.001", "0.0025"};  // Thread-1 input price, per 1,000 tokens

int rounds() {
    const char* v = std::getenv("MAAS_THREAD_ROUNDS");
    const int n = v ? std::atoi(v) : 20;
    return n > 0 ? n : 20;
}

sqlite3* open_connection(const std::string& path, bool load) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    if (load) {
        sqlite3_enable_load_extension(db, 1);
        char* message = nullptr;
        const int rc = sqlite3_load_extension(db, MAAS_MODULE_PATH, nullptr, &message);
        sqlite3_free(message);
        REQUIRE(rc == SQLITE_OK);
    }
    return db;
}

void exec(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const std::string text = message ? message : "";
    sqlite3_free(message);
    INFO(sql.substr(0, 80) << ": " << text);
    REQUIRE(rc == SQLITE_OK);
}

// One statement's answer: the total, and the input price of Thread-1 read
// by maas_price() and by maas_rates in the same statement.
struct Answer {
    bool ok = false;
    double total = 0, price_function = 0, price_table = 0;
    std::string error;
};

const char* kQuery = "SELECT sum(maas_cost(model, input_tokens, output_tokens)), maas_price('Thread-1', 'input'), "
                     "(SELECT price FROM maas_rates WHERE model = 'Thread-1' AND item = 'input') FROM usage";

Answer price_all(sqlite3* db) {
    Answer a;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, kQuery, -1, &stmt, nullptr) != SQLITE_OK) {
        a.error = sqlite3_errmsg(db);
        return a;
    }
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        a.ok = true;
        a.total = sqlite3_column_double(stmt, 0);
        a.price_function = sqlite3_column_double(stmt, 1);
        a.price_table = sqlite3_column_double(stmt, 2);
    } else {
        a.error = sqlite3_errmsg(db);
    }
    sqlite3_finalize(stmt);
    return a;
}

void set_price(sqlite3* db, int state) {
    exec(db, std::string("BEGIN IMMEDIATE; UPDATE maas_user_rates SET price = '") + kPrices[state] +
                 "' WHERE model = 'Thread-1' AND item = 'input'; COMMIT");
}

}  // namespace

TEST_CASE("8 connections price one WAL database while another flips the prices: never a mix", "[robust][threads]") {
    robust::TempDir dir;
    const std::string path = dir.file("usage.db");
    sqlite3* setup = open_connection(path, true);
    exec(setup, "PRAGMA journal_mode = WAL");
    exec(setup, robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
    exec(setup, "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) "
                "VALUES ('acme', 'Thread-1', 'inference', 'input', '0.001', 'k_tokens', 'CNY', '2025-01-01'), "
                "('acme', 'Thread-1', 'inference', 'output', '0.003', 'k_tokens', 'CNY', '2025-01-01');"
                "INSERT INTO maas_user_aliases(alias, model) VALUES ('t1', 'Thread-1')");
    exec(setup, "CREATE TABLE usage(model TEXT, input_tokens INTEGER, output_tokens INTEGER);"
                "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < " +
                    std::to_string(kRows) +
                    ") INSERT INTO usage SELECT CASE k % 5 WHEN 0 THEN 'Thread-1' WHEN 1 THEN 't1' "
                    "WHEN 2 THEN 'Qwen3-8B' WHEN 3 THEN 'DeepSeek-R1' ELSE 'no such model' END, "
                    "k % 997 * 13, k % 331 * 7 FROM n");
    // The two exact answers, single-threaded.
    Answer expected[2];
    for (int state : {0, 1}) {
        set_price(setup, state);
        expected[state] = price_all(setup);
        INFO(expected[state].error);
        REQUIRE(expected[state].ok);
    }
    REQUIRE(expected[0].total != expected[1].total);
    CHECK(expected[0].price_function == 0.001);
    CHECK(expected[1].price_function == 0.0025);
    set_price(setup, 0);
    sqlite3_close(setup);

    const int min_rounds = rounds();
    std::atomic<bool> writer_done{false};
    std::atomic<long> statements{0}, calls{0}, flips{0};
    std::atomic<long> seen[2] = {{0}, {0}};
    std::mutex failures_lock;
    std::vector<std::string> failures;
    auto fail = [&](const std::string& what) {
        std::lock_guard<std::mutex> lock(failures_lock);
        if (failures.size() < 20) failures.push_back(what);
    };

    std::vector<std::thread> readers;
    for (int r = 0; r < kReaders; ++r) {
        readers.emplace_back([&, r] {
            sqlite3* db = nullptr;
            if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
                return fail("reader " + std::to_string(r) + ": cannot open");
            sqlite3_busy_timeout(db, 10000);
            sqlite3_enable_load_extension(db, 1);
            if (sqlite3_load_extension(db, MAAS_MODULE_PATH, nullptr, nullptr) != SQLITE_OK) {
                sqlite3_close(db);
                return fail("reader " + std::to_string(r) + ": cannot load the module");
            }
            for (int i = 0; i < min_rounds || !writer_done.load(); ++i) {
                const Answer a = price_all(db);
                ++statements;
                calls += kRows + 1;
                if (!a.ok) {
                    fail("reader " + std::to_string(r) + ": " + a.error);
                    continue;
                }
                int state = -1;
                for (int s : {0, 1})
                    if (a.total == expected[s].total && a.price_function == expected[s].price_function &&
                        a.price_table == expected[s].price_table)
                        state = s;
                if (state < 0) {
                    char buf[200];
                    std::snprintf(buf, sizeof buf, "reader %d: total %.17g, price %.17g, maas_rates %.17g", r, a.total,
                                  a.price_function, a.price_table);
                    fail(buf);
                } else {
                    ++seen[state];
                }
            }
            sqlite3_close(db);
        });
    }
    std::thread writer([&] {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            writer_done = true;
            return fail("writer: cannot open");
        }
        sqlite3_busy_timeout(db, 10000);
        // Flip until every reader has run its rounds (at least 2 * rounds flips).
        for (int i = 1; i <= 2 * min_rounds || statements.load() < long(kReaders) * min_rounds; ++i) {
            const std::string sql = std::string("BEGIN IMMEDIATE; UPDATE maas_user_rates SET price = '") +
                                    kPrices[i % 2] + "' WHERE model = 'Thread-1' AND item = 'input'; COMMIT";
            char* message = nullptr;
            if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
                fail(std::string("writer: ") + (message ? message : "?"));
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            } else {
                ++flips;
            }
            sqlite3_free(message);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        sqlite3_close(db);
        writer_done = true;
    });
    writer.join();
    for (std::thread& t : readers) t.join();

    std::printf("threads: %d readers + 1 writer, %ld statements, %ld function calls, %ld price flips; "
                "saw price %s %ld times, %s %ld times\n",
                kReaders, statements.load(), calls.load(), flips.load(), kPrices[0], seen[0].load(), kPrices[1],
                seen[1].load());
    for (const std::string& f : failures) FAIL_CHECK(f);
    CHECK(failures.empty());
    CHECK(statements.load() >= long(kReaders) * min_rounds);
    CHECK(seen[0].load() + seen[1].load() == statements.load());
    CHECK(flips.load() >= 2 * min_rounds);
    CHECK(seen[0].load() > 0);
    CHECK(seen[1].load() > 0);
}

namespace {

// Live C++ allocations of the whole process (maas.so binds to this
// executable's operator new: see -rdynamic in CMakeLists.txt), exact, so
// that a leak of even one object per connection shows.
std::atomic<long> g_live_objects{0};
std::atomic<long> g_live_bytes{0};

std::string one_value(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out = "error";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return out;
}

}  // namespace

void* operator new(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    ++g_live_objects;
    g_live_bytes += long(malloc_usable_size(p));
    return p;
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
void operator delete(void* p) noexcept {
    if (!p) return;
    --g_live_objects;
    g_live_bytes -= long(malloc_usable_size(p));
    std::free(p);
}
void operator delete[](void* p) noexcept { ::operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { ::operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { ::operator delete(p); }

TEST_CASE("loading into 100 connections, twice each, costs nothing extra and leaks nothing", "[robust][threads]") {
    for (int round = 0; round < 3; ++round) {
        // Nothing of Catch2's runs between the two counts: results are kept
        // in storage reserved beforehand and checked afterwards.
        std::vector<sqlite3*> dbs;
        dbs.reserve(100);
        std::vector<char> loaded(100), same_functions(100), same_objects(100), priced(100), rows(100), closed(100);
        const long objects_before = g_live_objects, bytes_before = g_live_bytes;
        const sqlite3_int64 sqlite_before = sqlite3_memory_used();
        long first_connection = 0;
        for (int i = 0; i < 100; ++i) {
            sqlite3* db = nullptr;
            sqlite3_open(":memory:", &db);
            sqlite3_enable_load_extension(db, 1);
            // The shared-runtime twin: its operator new is the one counted here.
            loaded[i] = sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, nullptr) == SQLITE_OK;
            if (i == 0) first_connection = g_live_bytes - bytes_before;  // with the built-in card, parsed once
            const std::string functions = one_value(db, "SELECT count(*) FROM pragma_function_list");
            const long objects = g_live_objects;
            loaded[i] &= sqlite3_load_extension(db, MAAS_SHARED_RUNTIME_MODULE_PATH, nullptr, nullptr) ==
                         SQLITE_OK;  // again
            // Loading again replaces: no function added, no state kept twice.
            same_functions[i] = one_value(db, "SELECT count(*) FROM pragma_function_list") == functions;
            same_objects[i] = g_live_objects == objects;
            priced[i] = one_value(db, "SELECT maas_cost('Qwen3-8B', 230, 300)") == "0.001615";
            rows[i] = one_value(db, "SELECT count(*) FROM maas_rates") == "131";
            dbs.push_back(db);
        }
        const long per_connection = (g_live_bytes - bytes_before - first_connection) / 99;
        for (int i = 0; i < 100; ++i) closed[i] = sqlite3_close(dbs[i]) == SQLITE_OK;
        const long objects_left = g_live_objects - objects_before, bytes_left = g_live_bytes - bytes_before;
        const sqlite3_int64 sqlite_left = sqlite3_memory_used() - sqlite_before;

        std::printf("threads: round %d: 100 connections, module loaded twice in each: the first %ld bytes of C++ "
                    "heap (the built-in card), each further one %ld bytes; after closing: %ld objects, %ld bytes, "
                    "%lld SQLite bytes left\n",
                    round, first_connection, per_connection, objects_left, bytes_left, (long long)sqlite_left);
        for (int i = 0; i < 100; ++i) {
            INFO("connection " << i);
            CHECK(loaded[i]);
            CHECK(same_functions[i]);
            CHECK(same_objects[i]);
            CHECK(priced[i]);
            CHECK(rows[i]);
            CHECK(closed[i]);
        }
        // Closing the last connection gives everything back, to the byte.
        CHECK(objects_left == 0);
        CHECK(bytes_left == 0);
        CHECK(sqlite_left == 0);
        // The built-in card is parsed once and shared; a connection costs a little state.
        CHECK(first_connection > 100 * 1024);
        CHECK(per_connection < 16 * 1024);
    }
}

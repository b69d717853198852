// price_usage.cpp - a program that links SQLite and the static sqlite-maas
// library itself, so every connection it opens has maas_cost() & co. without
// loading any extension file (extension loading stays off).
//
//   cmake -S examples/clients/cpp -B /tmp/cpp-example -DCMAKE_PREFIX_PATH=/usr/local
//   cmake --build /tmp/cpp-example && /tmp/cpp-example/price_usage
//   # or, with pkg-config:  make -C examples/clients/cpp
//
// It prices a few requests, each at the prices in force when it was made.
#include <maas.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

namespace {

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        std::exit(1);
    }
}

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "%s\n", error);
        sqlite3_free(error);
        std::exit(1);
    }
}

// Prints each row as col|col|..., NULL as an empty field, like the sqlite3 shell.
void print_rows(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db, sql);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const unsigned char* text = sqlite3_column_text(stmt, i);
            std::printf("%s%s", i ? "|" : "", text ? reinterpret_cast<const char*>(text) : "");
        }
        std::printf("\n");
    }
    check(rc, db, sql);
    sqlite3_finalize(stmt);
}

}  // namespace

int main(int argc, char** argv) {
    // Once, before opening connections: every connection opened afterwards
    // gets the maas_* functions and the maas_rates table.
    check(sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(sqlite3_maas_init)), nullptr,
          "sqlite3_auto_extension");

    sqlite3* db = nullptr;
    check(sqlite3_open(argc > 1 ? argv[1] : ":memory:", &db), db, "sqlite3_open");

    std::printf("sqlite-maas %s, SQLite %s\n", MAAS_VERSION, sqlite3_libversion());
    print_rows(db, "SELECT 'DeepSeek-R1, 1M in + 1M out', maas_cost('DeepSeek-R1', 1000000, 1000000)");
    print_rows(db, "SELECT 'price lines', count(*) FROM maas_rates");

    exec(db, "CREATE TEMP TABLE usage(at TEXT, model TEXT, input_tokens INTEGER, output_tokens INTEGER);"
             "INSERT INTO usage VALUES"
             " ('2025-09-01 10:00:00', 'DeepSeek-R1', 1200, 3400),"
             " ('2025-09-01 10:05:00', 'qwen3-8b', 230, 300),"
             " ('2025-09-02 08:00:00', 'xdeepseekv3', 5000, 800),"
             " ('2025-09-02 09:00:00', 'gpt-4o-mini', 100, 100);");
    std::printf("model|requests|input_tokens|output_tokens|cost_cny\n");
    print_rows(db, "SELECT coalesce(maas_model(model), model), count(*), sum(input_tokens), sum(output_tokens),"
                   "       sum(maas_cost(model, input_tokens, output_tokens, at))"
                   "  FROM usage GROUP BY 1 ORDER BY 1");
    print_rows(db, "SELECT 'total', sum(maas_cost(model, input_tokens, output_tokens, at)),"
                   "       'unpriced requests', sum(maas_cost(model, input_tokens, output_tokens, at) IS NULL)"
                   "  FROM usage");
    sqlite3_close(db);
    sqlite3_reset_auto_extension();
    return 0;
}

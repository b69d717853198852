// count_calls.cpp - a test module that loads build/maas.so and counts how
// often each of its SQL functions is called, so a test can say how many times
// a report priced a usage row.
//
//   sqlite3 -cmd '.load build/tests/maas_counting' usage.db
//   sqlite> .read sql/reports/llm.sql
//   sqlite> SELECT counted_calls('maas_cost');   -- calls so far on this connection
//   sqlite> SELECT counted_calls();              -- 'maas_cost 20' ... one line per function called
//   sqlite> SELECT counted_calls_reset();
//
// How: SQLite hands a loadable module its routine table (sqlite3ext.h) and the
// module makes every call through it.  This module loads maas.so itself
// (MAAS_COUNTED_MODULE, else the build's maas.so) and calls its entry point
// with a copy of the table in which the three ways to register a function are
// replaced: each function maas registers is registered with a record as its
// user data and a trampoline that counts the call, then calls maas's own
// callback; sqlite3_user_data is replaced to hand maas its own user data back.
// Nothing of maas is changed or rebuilt: the counts are of the module the
// tests load, called by the sqlite3 shell a user runs.
//
// Only for tests: the records are never freed (they hold the counts), and
// maas.so must not already be loaded in the process (it keeps the first
// routine table it is given).
#include <dlfcn.h>
#include <sqlite3ext.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

SQLITE_EXTENSION_INIT1

namespace {

using ScalarFn = void (*)(sqlite3_context*, int, sqlite3_value**);
using FinalFn = void (*)(sqlite3_context*);
using DestroyFn = void (*)(void*);

// One function as maas registered it, and how often SQLite called it.
struct Counted {
    std::string name;
    void* app = nullptr;
    ScalarFn func = nullptr, step = nullptr, inverse = nullptr;
    FinalFn final = nullptr, value = nullptr;
    DestroyFn destroy = nullptr;
    std::atomic<long long> calls{0};
};

std::mutex records_mutex;
std::vector<Counted*> records;  // every registration; kept for the counts

const sqlite3_api_routines* real = nullptr;  // SQLite's table
sqlite3_api_routines seen;                   // the copy maas.so is given

Counted* record_of(sqlite3_context* ctx) { return static_cast<Counted*>(real->user_data(ctx)); }

void count_scalar(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    Counted* c = record_of(ctx);
    c->calls.fetch_add(1, std::memory_order_relaxed);
    c->func(ctx, argc, argv);
}
// An aggregate's call is its step: once per row it adds up.
void count_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    Counted* c = record_of(ctx);
    c->calls.fetch_add(1, std::memory_order_relaxed);
    c->step(ctx, argc, argv);
}
void pass_inverse(sqlite3_context* ctx, int argc, sqlite3_value** argv) { record_of(ctx)->inverse(ctx, argc, argv); }
void pass_final(sqlite3_context* ctx) { record_of(ctx)->final(ctx); }
void pass_value(sqlite3_context* ctx) { record_of(ctx)->value(ctx); }
void pass_destroy(void* p) {
    Counted* c = static_cast<Counted*>(p);
    if (c->destroy) c->destroy(c->app);
    c->destroy = nullptr;
}

void* own_user_data(sqlite3_context* ctx) { return record_of(ctx)->app; }

Counted* add_record(const char* name, void* app, DestroyFn destroy) {
    auto* c = new Counted;
    c->name = name ? name : "";
    std::transform(c->name.begin(), c->name.end(), c->name.begin(),
                   [](unsigned char ch) { return char(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch); });
    c->app = app;
    c->destroy = destroy;
    std::lock_guard<std::mutex> lock(records_mutex);
    records.push_back(c);
    return c;
}

int register_v2(sqlite3* db, const char* name, int n, int flags, void* app, ScalarFn func, ScalarFn step, FinalFn final,
                DestroyFn destroy) {
    if (!func && !step && !final)  // a deletion: nothing to count
        return real->create_function_v2(db, name, n, flags, app, func, step, final, destroy);
    Counted* c = add_record(name, app, destroy);
    c->func = func;
    c->step = step;
    c->final = final;
    return real->create_function_v2(db, name, n, flags, c, func ? count_scalar : nullptr, step ? count_step : nullptr,
                                    final ? pass_final : nullptr, pass_destroy);
}

int register_v1(sqlite3* db, const char* name, int n, int flags, void* app, ScalarFn func, ScalarFn step,
                FinalFn final) {
    return register_v2(db, name, n, flags, app, func, step, final, nullptr);
}

int register_window(sqlite3* db, const char* name, int n, int flags, void* app, ScalarFn step, FinalFn final,
                    FinalFn value, ScalarFn inverse, DestroyFn destroy) {
    if (!step && !final && !value && !inverse)
        return real->create_window_function(db, name, n, flags, app, step, final, value, inverse, destroy);
    Counted* c = add_record(name, app, destroy);
    c->step = step;
    c->final = final;
    c->value = value;
    c->inverse = inverse;
    return real->create_window_function(db, name, n, flags, c, step ? count_step : nullptr,
                                        final ? pass_final : nullptr, value ? pass_value : nullptr,
                                        inverse ? pass_inverse : nullptr, pass_destroy);
}

// counted_calls(name): the calls of that function (any letter case) so far;
// counted_calls(): 'name count' lines, sorted by name, of every function
// called at least once.
void counted_calls(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    std::lock_guard<std::mutex> lock(records_mutex);
    if (argc == 1) {
        const unsigned char* text = sqlite3_value_text(argv[0]);
        std::string name = text ? reinterpret_cast<const char*>(text) : "";
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char ch) { return char(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch); });
        long long total = 0;
        for (const Counted* c : records)
            if (c->name == name) total += c->calls.load(std::memory_order_relaxed);
        sqlite3_result_int64(ctx, total);
        return;
    }
    std::vector<std::pair<std::string, long long>> totals;
    for (const Counted* c : records) {
        auto it = std::find_if(totals.begin(), totals.end(), [c](const auto& t) { return t.first == c->name; });
        if (it == totals.end()) it = totals.insert(totals.end(), {c->name, 0});
        it->second += c->calls.load(std::memory_order_relaxed);
    }
    std::sort(totals.begin(), totals.end());
    std::string out;
    for (const auto& [name, calls] : totals)
        if (calls > 0) out += (out.empty() ? "" : "\n") + name + " " + std::to_string(calls);
    sqlite3_result_text(ctx, out.c_str(), int(out.size()), SQLITE_TRANSIENT);
}

void counted_calls_reset(sqlite3_context* ctx, int, sqlite3_value**) {
    std::lock_guard<std::mutex> lock(records_mutex);
    for (Counted* c : records) c->calls.store(0, std::memory_order_relaxed);
    sqlite3_result_null(ctx);
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int sqlite3_maascounting_init(sqlite3* db, char** error_out,
                                                                                const sqlite3_api_routines* api) {
    SQLITE_EXTENSION_INIT2(api);
    static std::once_flag once;
    std::call_once(once, [api] {
        real = api;
        seen = *api;
        seen.create_function = register_v1;
        seen.create_function_v2 = register_v2;
        seen.create_window_function = register_window;
        seen.user_data = own_user_data;
    });
    const char* path = std::getenv("MAAS_COUNTED_MODULE");
    if (!path || !*path) path = MAAS_MODULE_FILE;
    void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        *error_out = sqlite3_mprintf("maas_counting: cannot load %s: %s", path, dlerror());
        return SQLITE_ERROR;
    }
    using Init = int (*)(sqlite3*, char**, const sqlite3_api_routines*);
    auto init = reinterpret_cast<Init>(dlsym(handle, "sqlite3_maas_init"));
    if (!init) {
        *error_out = sqlite3_mprintf("maas_counting: %s has no sqlite3_maas_init", path);
        return SQLITE_ERROR;
    }
    if (const int rc = init(db, error_out, &seen); rc != SQLITE_OK) return rc;
    int rc = sqlite3_create_function_v2(db, "counted_calls", -1, SQLITE_UTF8, nullptr, counted_calls, nullptr, nullptr,
                                        nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "counted_calls_reset", 0, SQLITE_UTF8, nullptr, counted_calls_reset,
                                        nullptr, nullptr, nullptr);
    return rc;
}

// maas_bench.cpp - how fast sqlite-maas prices usage rows, against what a user
// would otherwise write.  Run it through bench/run.sh; see bench/README.md.
//
//   maas_bench --n N --so build/maas.so --dir build/bench [--reps R]
//              [--python /usr/bin/python3 --py-script bench/python_udf.py] [--revision TEXT]
//
// The program is the SQLite host: it links libsqlite3 and loads maas.so with
// sqlite3_load_extension.  It
//   1. builds (or reuses) build/bench/usage-v2-N.db: a new-api-like `logs` table
//      of N rows, `responses` (their stored JSON bodies), `alias_probe`, N
//      narrow rows whose names are all aliases, and one table per other usage
//      shape (usage_*, the first min(N, 1M) rows' tokens again);
//   2. times every variant, round-robin, R times each, and reports the median
//      ns per row, the ratio to its floor (over the same table), and the SUMs,
//      which must equal their table's reference; then times each target's
//      variant and base back to back in max(R, 5) paired rounds, whose median
//      ratio is the target's verdict (a VM's speed drifts within a run);
//   3. times load-to-first-result and measures peak memory in child processes
//      (it runs itself with --child-first-result / --child-mem);
//   4. prints the targets, each with its verdict, and the tables, also
//      written to build/bench/result-N.md; its first part, between
//      results markers, is what scripts/bench_results.py writes to
//      bench/RESULTS.md.
// Exit status: 0, or 1 when a variant fails or the sums disagree.  Never
// because of timing.
#include <sqlite3.h>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <ctime>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace {

// Bump when the generated data changes, so that old databases are rebuilt.
constexpr int kGeneratorVersion = 6;
// Rows of each usage-shape table beyond `responses` (the first rows of
// `logs`): all of them up to 1M, so 1M of the 10M at full size (N/10), which
// keeps the database and its build time within reach (see bench/README.md).
constexpr int64_t kShapeRowsMax = 1000000;
constexpr int64_t kStart = 1752019200;  // 2025-07-09 00:00:00 UTC
constexpr int64_t kYear = 365 * 86400;
constexpr double kAgree = 1e-9;  // relative difference allowed between sums

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// --- SQLite helpers ---------------------------------------------------------

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void check(sqlite3* db, int rc, const std::string& what) {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        throw Error(what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

void exec(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "?";
        sqlite3_free(message);
        throw Error(sql.substr(0, 60) + ": " + text);
    }
}

struct Stmt {
    sqlite3* db;
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* d, const std::string& sql) : db(d) {
        check(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), "prepare " + sql);
    }
    ~Stmt() { sqlite3_finalize(s); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    bool step() {
        const int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw Error(std::string(sqlite3_errmsg(db)));
    }
    void reset() { sqlite3_reset(s); }
};

sqlite3* open_db(const std::string& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        throw Error("open " + path + ": " + message);
    }
    return db;
}

void load_module(sqlite3* db, const std::string& so) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, nullptr);
    char* message = nullptr;
    if (sqlite3_load_extension(db, so.c_str(), nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "?";
        sqlite3_free(message);
        throw Error("load " + so + ": " + text);
    }
}

std::string query_text(sqlite3* db, const std::string& sql) {
    Stmt st(db, sql);
    if (!st.step()) return "";
    const unsigned char* t = sqlite3_column_text(st.s, 0);
    return t ? reinterpret_cast<const char*>(t) : "";
}

int64_t query_int(sqlite3* db, const std::string& sql) {
    Stmt st(db, sql);
    return st.step() ? sqlite3_column_int64(st.s, 0) : 0;
}

// --- small utilities ----------------------------------------------------------

std::string with_commas(int64_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string fmt(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* format, ...) {
    char buffer[512];
    va_list args;
    va_start(args, format);
    vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    return buffer;
}

double median(std::vector<double> v) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

double relative_difference(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return INFINITY;
    const double scale = std::max({std::fabs(a), std::fabs(b), 1e-300});
    return std::fabs(a - b) / scale;
}

bool file_exists(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

int64_t file_size(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 ? int64_t(st.st_size) : -1;
}

// kB from a "VmHWM:   1234 kB" line of /proc/self/status.
int64_t proc_status_kb(const char* key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    const size_t n = std::strlen(key);
    while (std::getline(status, line))
        if (line.compare(0, n, key) == 0 && line.size() > n && line[n] == ':') return std::atoll(line.c_str() + n + 1);
    return -1;
}

std::string cpu_model() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
        if (line.rfind("model name", 0) == 0) {
            const size_t colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    return "unknown CPU";
}

// Runs argv[0] with argv, returns its exit status and stdout.
int run_capture(const std::vector<std::string>& args, std::string& out) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw Error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (rc != 0) {
        close(pipe_fds[0]);
        throw Error("cannot run " + args[0] + ": " + std::strerror(rc));
    }
    out.clear();
    char buffer[4096];
    ssize_t got;
    while ((got = read(pipe_fds[0], buffer, sizeof buffer)) > 0) out.append(buffer, size_t(got));
    close(pipe_fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// "key=value" lines, as the children and python_udf.py print them.
std::string value_of(const std::string& text, const std::string& key) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
    return "";
}

// --- the usage data -----------------------------------------------------------

struct ModelMix {
    const char* name;
    double weight;   // share of traffic, relative
    bool reasoning;  // long completions with reasoning tokens
};

// 20 models priced for input and output, few of them carrying most traffic.
constexpr ModelMix kModels[] = {
    {"DeepSeek-V3", 24, false},
    {"DeepSeek-R1", 18, true},
    {"Qwen3-8B", 10, true},
    {"Spark Max", 8, false},
    {"Qwen3-32B", 6, true},
    {"Spark Lite", 5, false},
    {"Qwen3-235B-A22B", 4, true},
    {"Qwen_v2.5_7b_Instruct", 3.5, false},
    {"Qwen3-30B-A3B", 3, true},
    {"DeepSeek-R1-Distill-Qwen-32B", 2.5, true},
    {"Qwen3-14B", 2, true},
    {"Qwen_v2.5_14b_Instruct", 1.8, false},
    {"Spark Lite Instruct", 1.5, false},
    {"Qwen3-4B", 1.2, true},
    {"DeepSeek-R1-Distill-Llama-70B", 1, true},
    {"Llama3_8b_Instruct", 0.8, false},
    {"DeepSeek-R1-Distill-Qwen-7B", 0.6, true},
    {"Qwen3-1.7B", 0.5, true},
    {"Qwen_v2.5_3b_Instruct", 0.4, false},
    {"Qwen3-0.6B", 0.3, true},
};

struct AliasMix {
    const char* alias;
    const char* model;  // what it names (for the tokens' shape)
    double weight;
};

constexpr AliasMix kAliases[] = {
    {"xdeepseekv3", "DeepSeek-V3", 40}, {"xdeepseekr1", "DeepSeek-R1", 28},
    {"xop3qwen8b", "Qwen3-8B", 10},     {"xsparkprox", "Spark Max", 10},
    {"xspark13b6k", "Spark Lite", 6},   {"xqwen257bchat", "Qwen_v2.5_7b_Instruct", 6},
};

constexpr const char* kUnknown[] = {"gpt-4o-mini", "gpt-4o-mini", "gpt-4o-mini", "xdeepseekv32"};

// Shares of rows by how the model is named.
constexpr double kShareUnknown = 0.010;
constexpr double kShareAlias = 0.035;
constexpr double kShareCase = 0.015;  // letter-case variants of names and aliases

class Generator {
public:
    Generator() : rng_(20250709) {
        double total = 0;
        for (const ModelMix& m : kModels) model_cdf_.push_back(total += m.weight);
        for (double& c : model_cdf_) c /= total;
        total = 0;
        for (const AliasMix& a : kAliases) alias_cdf_.push_back(total += a.weight);
        for (double& c : alias_cdf_) c /= total;
        // Words for the assistant's answers: a long text to take slices of.
        static const char* kWords[] = {"the",     "model",   "answer", "data",   "price", "token",  "of",
                                       "and",     "to",      "in",     "is",     "for",   "a",      "this",
                                       "that",    "with",    "as",     "we",     "can",   "use",    "function",
                                       "result",  "value",   "query",  "table",  "first", "then",   "each",
                                       "when",    "not",     "it",     "will",   "be",    "by",     "step",
                                       "here",    "example", "code",   "number", "input", "output", "cost",
                                       "request", "user",    "list",   "time",   "more",  "one",    "two"};
        const size_t word_count = sizeof kWords / sizeof *kWords;
        while (corpus_.size() < 65536) {
            corpus_ += kWords[rng_() % word_count];
            const uint64_t r = rng_() % 16;
            corpus_ += r == 0 ? ". " : r == 1 ? ", " : " ";
        }
    }

    double uniform() { return double(rng_() >> 11) * 0x1.0p-53; }
    double normal() {  // Box-Muller; deterministic, unlike std::normal_distribution across libraries
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * M_PI * u2);
    }
    int64_t lognormal(double median, double sigma, int64_t lo, int64_t hi) {
        const double x = median * std::exp(sigma * normal());
        return std::clamp(int64_t(std::llround(x)), lo, hi);
    }
    size_t pick(const std::vector<double>& cdf) {
        const double u = uniform();
        return size_t(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin()) % cdf.size();
    }
    uint64_t bits() { return rng_(); }
    const std::string& corpus() const { return corpus_; }

    struct Row {
        std::string name;       // as the usage row names it
        std::string canonical;  // the published name, for the response body
        bool reasoning = false;
        int kind = 0;  // 0 canonical, 1 alias, 2 case variant, 3 unknown
        int64_t prompt = 0, completion = 0, reasoning_tokens = 0, cached = 0;
    };

    void next_row(Row& row) {
        const double u = uniform();
        if (u < kShareUnknown) {
            row.kind = 3;
            row.name = kUnknown[bits() % 4];
            row.canonical = row.name;
            row.reasoning = false;
        } else if (u < kShareUnknown + kShareAlias) {
            row.kind = 1;
            const AliasMix& a = kAliases[pick(alias_cdf_)];
            row.name = a.alias;
            set_model(row, a.model);
        } else if (u < kShareUnknown + kShareAlias + kShareCase) {
            row.kind = 2;
            if (bits() % 4 == 0) {  // an alias as some clients spell it
                const AliasMix& a = kAliases[pick(alias_cdf_)];
                row.name = a.alias;
                set_model(row, a.model);
                row.name[0] = char(std::toupper(row.name[0]));
                row.name[1] = char(std::toupper(row.name[1]));
            } else {
                set_model(row, kModels[pick(model_cdf_)].name);
                row.name = row.canonical;
                const bool upper = bits() % 3 == 0;
                for (char& c : row.name) c = char(upper ? std::toupper(c) : std::tolower(c));
                if (row.name == row.canonical) row.name[0] ^= 0x20;  // always a real variant
            }
        } else {
            row.kind = 0;
            set_model(row, kModels[pick(model_cdf_)].name);
            row.name = row.canonical;
        }
        // Prompts: mostly 200-4000 tokens, a long-context tail to 128k.
        row.prompt = uniform() < 0.035 ? lognormal(16000, 0.9, 1000, 131072) : lognormal(1000, 0.85, 8, 131072);
        // Completions: 50-2000 for chat; longer for reasoning models, whose
        // completion includes the reasoning tokens.  Tail to 32k.
        if (row.reasoning) {
            row.completion = lognormal(900, 1.0, 1, 32768);
            row.reasoning_tokens = int64_t(double(row.completion) * (0.45 + 0.4 * uniform()));
        } else {
            row.completion = lognormal(300, 0.9, 1, 32768);
            row.reasoning_tokens = 0;
        }
        row.cached = uniform() < 0.3 ? int64_t(double(row.prompt) * 0.6 * uniform()) : 0;
    }

    // An OpenAI-style response body holding the usage.
    void response(const Row& row, int64_t created, std::string& out) {
        static const char kHex[] = "0123456789abcdef";
        out.assign("{\"id\":\"chatcmpl-");
        uint64_t id = bits();
        for (int i = 0; i < 16; ++i, id >>= 4) out += kHex[id & 15];
        id = bits();
        for (int i = 0; i < 13; ++i, id >>= 4) out += kHex[id & 15];
        out += "\",\"object\":\"chat.completion\",\"created\":";
        out += std::to_string(created);
        out += ",\"model\":\"";
        out += row.canonical;
        out += "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"";
        const size_t length = 20 + size_t(bits() % 170);
        const size_t offset = size_t(bits() % (corpus_.size() - length));
        out.append(corpus_, offset, length);
        out += "\"},\"finish_reason\":\"";
        out += bits() % 20 == 0 ? "length" : "stop";
        out += "\"}],\"usage\":{\"prompt_tokens\":";
        out += std::to_string(row.prompt);
        out += ",\"completion_tokens\":";
        out += std::to_string(row.completion);
        out += ",\"total_tokens\":";
        out += std::to_string(row.prompt + row.completion);
        out += ",\"prompt_tokens_details\":{\"cached_tokens\":";
        out += std::to_string(row.cached);
        out += "},\"completion_tokens_details\":{\"reasoning_tokens\":";
        out += std::to_string(row.reasoning_tokens);
        out += "}}}";
    }

private:
    void set_model(Row& row, const char* model) {
        row.canonical = model;
        row.reasoning = false;
        for (const ModelMix& m : kModels)
            if (std::strcmp(m.name, model) == 0) row.reasoning = m.reasoning;
    }

    std::mt19937_64 rng_;  // fully specified by the standard: the same rows everywhere
    std::vector<double> model_cdf_, alias_cdf_;
    std::string corpus_;
};

// --- the usage shapes beyond chat completions ---------------------------------

// Each shape maas_usage_cost reads (extension/core/usage_json.hpp), as the
// tool that keeps it stores it, in a table of its own: usage_*(id, model_name,
// body), row i holding the tokens of `logs` row i.  `extract` is the same
// pricing done with SQLite's JSON functions, as a user would write it without
// the extension (none for the ClickHouse map text, which is not JSON).
struct Shape {
    const char* id;
    const char* table;
    const char* label;
    const char* extract;
};

constexpr Shape kShapes[] = {
    {"6r", "usage_responses_api", "OpenAI Responses API response",
     "maas_cost(model_name, json_extract(body, '$.usage.input_tokens'), json_extract(body, '$.usage.output_tokens'))"},
    {"6m", "usage_anthropic", "Anthropic message (input_tokens excludes the cache)",
     "maas_cost(model_name, json_extract(body, '$.usage.input_tokens') + json_extract(body, "
     "'$.usage.cache_read_input_tokens') + json_extract(body, '$.usage.cache_creation_input_tokens'), "
     "json_extract(body, '$.usage.output_tokens'))"},
    {"6w", "usage_openwebui", "Open WebUI merged usage object",
     "maas_cost(model_name, json_extract(body, '$.input_tokens'), json_extract(body, '$.output_tokens'))"},
    {"6l", "usage_langfuse_json", "Langfuse usage_details, JSON",
     "maas_cost(model_name, json_extract(body, '$.input') + json_extract(body, '$.input_cached_tokens'), "
     "json_extract(body, '$.output') + json_extract(body, '$.output_reasoning_tokens'))"},
    {"6k", "usage_langfuse_map", "Langfuse usage_details, ClickHouse map text", nullptr},
    {"6s", "usage_spark", "Spark WebSocket final frame",
     "maas_cost(model_name, json_extract(body, '$.payload.usage.text.prompt_tokens'), "
     "json_extract(body, '$.payload.usage.text.completion_tokens'))"},
};
constexpr size_t kShapeCount = sizeof kShapes / sizeof *kShapes;

// The speed targets (bench/README.md): `id` over `base` at most `limit`, or
// (faster) base over id at least `limit`.  One list: the paired rounds time these
// pairs, and the report gives their verdicts.
struct RatioTarget {
    std::string what, id, base;
    double limit;
    bool faster;
    bool target = true;  // false: a calibration pair, timed the same way and reported, without a verdict
};

std::vector<RatioTarget> ratio_targets() {
    std::vector<RatioTarget> t = {
        {"(4) `SUM(maas_cost(model, in, out))` ≤ 1.10× the floor (1)", "4", "1", 1.10, false},
        {"(5) the same with `at = created_at` ≤ 1.20× the floor (1)", "5", "1", 1.20, false},
        {"(4t) `maas_total(maas_cost(…))` ≤ 1.10× `SUM(maas_cost(…))` (4)", "4t", "4", 1.10, false},
        {"(4c) cached input, `maas_cost_cached(…)` ≤ 1.10× its floor (1c)", "4c", "1c", 1.10, false},
        {"(5k) over a card of bands and hours, `maas_cost(…, at)` ≤ 1.30× its calibration (1k)", "5k", "1k", 1.30,
         false},
        {"(5p) three packs applied to every call, `maas_bill_json(…)` ≤ 2.0× pricing each item exactly (5c)", "5p",
         "5c", 2.0, false},
        {"(6a) `maas_usage_cost(model, body)`, OpenAI chat completions ≤ 2.0× its floor (6f)", "6a", "6f", 2.0, false},
        {"(6a) at least 2× faster than (6b), `json_extract`", "6a", "6b", 2.0, true},
    };
    for (const Shape& shape : kShapes) {
        const std::string id = shape.id;
        t.push_back(
            {"(" + id + ".a) " + shape.label + " ≤ 2.0× its floor (" + id + ".f)", id + ".a", id + ".f", 2.0, false});
        if (shape.extract)
            t.push_back({"(" + id + ".a) at least 2× faster than (" + id + ".b), `json_extract`", id + ".a", id + ".b",
                         2.0, true});
    }
    // What any per-row function costs SQLite, and what maas_cost adds to it
    // (read_arguments below): no targets, the reason why (4)
    // and (5) cannot reach theirs.
    t.push_back({"(1a) over (1)", "1a", "1", 0, false, false});
    t.push_back({"(4) over (1a)", "4", "1a", 0, false, false});
    t.push_back({"(1b) over (1)", "1b", "1", 0, false, false});
    t.push_back({"(5) over (1b)", "5", "1b", 0, false, false});
    // The bill against the quick path, which prices in doubles what has
    // input and output prices only (no verdict: a bill needs each item exact).
    t.push_back({"(5p) over (5)", "5p", "5", 0, false, false});
    return t;
}

// The calibration function read_arguments(model, in, out [, at]): reads its
// arguments as maas_cost's quick path does (each type, the name's bytes,
// the integers) and returns a double made of them, pricing nothing.  No
// function called once a row can cost SQLite less; the benchmark registers
// it itself (direct calls into libsqlite3, where maas.so calls through
// sqlite3_api: a few instructions in its favour).
void read_arguments(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    double x = 0;
    if ((argc == 3 || argc == 4) && sqlite3_value_type(argv[0]) == SQLITE_TEXT &&
        sqlite3_value_type(argv[1]) == SQLITE_INTEGER && sqlite3_value_type(argv[2]) == SQLITE_INTEGER) {
        const void* name = sqlite3_value_blob(argv[0]);
        x = double(sqlite3_value_int64(argv[1]) * 2 + sqlite3_value_int64(argv[2]) * 8 + sqlite3_value_bytes(argv[0]) +
                   (name ? 1 : 0));
        if (argc == 4 && sqlite3_value_type(argv[3]) == SQLITE_INTEGER) x += double(sqlite3_value_int64(argv[3]) & 1);
    }
    sqlite3_result_double(ctx, x / 1e6);
}

// Writes the bodies of kShapes from a row's tokens.  Its own random stream,
// so that `logs` and `responses` are the rows they were before the shapes.
class ShapeBodies {
public:
    explicit ShapeBodies(const std::string& corpus) : rng_(20250710), corpus_(corpus) {}

    void write(size_t shape, const Generator::Row& row, int64_t created, std::string& out) {
        out.clear();
        switch (shape) {
            case 0: responses_api(row, created, out); break;
            case 1: anthropic(row, out); break;
            case 2: openwebui(row, out); break;
            case 3: langfuse(row, '"', out); break;
            case 4: langfuse(row, '\'', out); break;
            default: spark(row, out); break;
        }
    }

private:
    void hex(std::string& out, int digits) {
        static const char kHex[] = "0123456789abcdef";
        uint64_t bits = 0;
        for (int i = 0; i < digits; ++i, bits >>= 4) {
            if (i % 16 == 0) bits = rng_();
            out += kHex[bits & 15];
        }
    }
    void base62(std::string& out, int digits) {
        static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < digits; ++i) out += kDigits[rng_() % 62];
    }
    void text(std::string& out, size_t lo, size_t hi) {
        const size_t length = lo + size_t(rng_() % (hi - lo + 1));
        out.append(corpus_, size_t(rng_() % (corpus_.size() - length)), length);
    }
    static void number(std::string& out, const char* key, int64_t value, char quote = '"') {
        out += quote;
        out += key;
        out += quote;
        out += ':';
        out += std::to_string(value);
    }

    // A whole response of the Responses API, as OpenAI returns (and a proxy stores) it.
    void responses_api(const Generator::Row& row, int64_t created, std::string& out) {
        out += "{\"id\":\"resp_";
        hex(out, 48);
        out += "\",\"object\":\"response\",\"created_at\":";
        out += std::to_string(created);
        out += ",\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
               "\"max_output_tokens\":null,\"model\":\"";
        out += row.canonical;
        out += "\",\"output\":[{\"type\":\"message\",\"id\":\"msg_";
        hex(out, 48);
        out += "\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"";
        text(out, 20, 190);
        out += "\",\"annotations\":[]}]}],\"parallel_tool_calls\":true,\"previous_response_id\":null,"
               "\"reasoning\":{\"effort\":null,\"summary\":null},\"store\":true,\"temperature\":1.0,"
               "\"text\":{\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,"
               "\"truncation\":\"disabled\",\"usage\":{";
        number(out, "input_tokens", row.prompt);
        out += ",\"input_tokens_details\":{";
        number(out, "cached_tokens", row.cached);
        out += "},";
        number(out, "output_tokens", row.completion);
        out += ",\"output_tokens_details\":{";
        number(out, "reasoning_tokens", row.reasoning_tokens);
        out += "},";
        number(out, "total_tokens", row.prompt + row.completion);
        out += "},\"user\":null,\"metadata\":{}}";
    }

    // A whole Messages API response.  Anthropic's input_tokens leaves out the
    // cache: the row's cached tokens are cache reads, and some rows without
    // them write part of the prompt to the cache instead.
    void anthropic(const Generator::Row& row, std::string& out) {
        const int64_t write = row.cached == 0 && rng_() % 8 == 0 ? row.prompt * int64_t(1 + rng_() % 5) / 10 : 0;
        out += "{\"id\":\"msg_01";
        base62(out, 22);
        out += "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"";
        out += row.canonical;
        out += "\",\"content\":[{\"type\":\"text\",\"text\":\"";
        text(out, 20, 190);
        out += "\"}],\"stop_reason\":\"";
        out += rng_() % 20 == 0 ? "max_tokens" : "end_turn";
        out += "\",\"stop_sequence\":null,\"usage\":{";
        number(out, "input_tokens", row.prompt - row.cached - write);
        out += ',';
        number(out, "cache_creation_input_tokens", write);
        out += ',';
        number(out, "cache_read_input_tokens", row.cached);
        out += ',';
        number(out, "output_tokens", row.completion);
        out += ",\"service_tier\":\"standard\"}}";
    }

    // The usage object Open WebUI keeps on a chat message: the provider's keys
    // (the last call's) plus input_tokens / output_tokens (the turn's totals,
    // which are billed).  Some turns made tool calls, so the last call is a
    // part of the turn.
    void openwebui(const Generator::Row& row, std::string& out) {
        int64_t prompt = row.prompt, completion = row.completion;
        if (rng_() % 7 == 0) {  // a turn with tool calls: the last call saw part of it
            prompt -= prompt / 3;
            completion -= completion / 3;
        }
        out += '{';
        number(out, "prompt_tokens", prompt);
        out += ',';
        number(out, "completion_tokens", completion);
        out += ',';
        number(out, "total_tokens", prompt + completion);
        out += ",\"prompt_tokens_details\":{";
        number(out, "cached_tokens", std::min(row.cached, prompt));
        out += ",\"audio_tokens\":0},\"completion_tokens_details\":{";
        number(out, "reasoning_tokens", std::min(row.reasoning_tokens, completion));
        out += ",\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0},";
        number(out, "input_tokens", row.prompt);
        out += ',';
        number(out, "output_tokens", row.completion);
        out += '}';
    }

    // Langfuse v3's usage_details as its OpenAI transform writes it (disjoint
    // buckets: the cached and reasoning tokens split off input and output),
    // as JSON (quote ") or as ClickHouse prints a Map(String, UInt64) (quote ').
    static void langfuse(const Generator::Row& row, char quote, std::string& out) {
        out += '{';
        number(out, "input", row.prompt - row.cached, quote);
        out += ',';
        number(out, "input_cached_tokens", row.cached, quote);
        out += ',';
        number(out, "output", row.completion - row.reasoning_tokens, quote);
        out += ',';
        number(out, "output_reasoning_tokens", row.reasoning_tokens, quote);
        out += ',';
        number(out, "total", row.prompt + row.completion, quote);
        out += '}';
    }

    // The last frame of a Spark WebSocket answer (status 2), which carries the
    // usage; its text is the answer's last piece.  prompt_tokens is billed,
    // question_tokens (the question without the history) is a part of it.
    void spark(const Generator::Row& row, std::string& out) {
        out += "{\"header\":{\"code\":0,\"message\":\"Success\",\"sid\":\"cht000";
        hex(out, 4);
        out += "@dx";
        hex(out, 18);
        out += "\",\"status\":2},\"payload\":{\"choices\":{\"status\":2,";
        number(out, "seq", 1 + row.completion / 12);
        out += ",\"text\":[{\"content\":\"";
        text(out, 0, 40);
        out += "\",\"role\":\"assistant\",\"index\":0}]},\"usage\":{\"text\":{";
        number(out, "question_tokens", std::min<int64_t>(row.prompt, 4 + int64_t(rng_() % 60)));
        out += ',';
        number(out, "prompt_tokens", row.prompt);
        out += ',';
        number(out, "completion_tokens", row.completion);
        out += ',';
        number(out, "total_tokens", row.prompt + row.completion);
        out += "}}}}";
    }

    std::mt19937_64 rng_;
    const std::string& corpus_;
};

struct DataInfo {
    int64_t rows = 0, alias_rows = 0, case_rows = 0, unknown_rows = 0, shape_rows = 0;
    double avg_response_bytes = 0, build_seconds = 0;
    double avg_shape_bytes[kShapeCount] = {};
    bool reused = false;
};

int64_t shape_rows_for(int64_t n) { return std::min(n, kShapeRowsMax); }

bool read_meta(const std::string& path, int64_t n, DataInfo& info) {
    if (!file_exists(path)) return false;
    sqlite3* db = nullptr;
    try {
        db = open_db(path, SQLITE_OPEN_READONLY);
        Stmt st(db, "SELECT key, value FROM bench_meta");
        int64_t version = -1, rows = -1, complete = 0;
        while (st.step()) {
            const std::string key = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0));
            const double value = sqlite3_column_double(st.s, 1);
            if (key == "generator_version") version = int64_t(value);
            if (key == "rows") rows = int64_t(value);
            if (key == "complete") complete = int64_t(value);
            if (key == "alias_rows") info.alias_rows = int64_t(value);
            if (key == "case_rows") info.case_rows = int64_t(value);
            if (key == "unknown_rows") info.unknown_rows = int64_t(value);
            if (key == "avg_response_bytes") info.avg_response_bytes = value;
            if (key == "build_seconds") info.build_seconds = value;
            if (key == "shape_rows") info.shape_rows = int64_t(value);
            for (size_t k = 0; k < kShapeCount; ++k)
                if (key == std::string("avg_bytes_") + kShapes[k].table) info.avg_shape_bytes[k] = value;
        }
        sqlite3_close(db);
        info.rows = rows;
        return version == kGeneratorVersion && rows == n && info.shape_rows == shape_rows_for(n) && complete == 1;
    } catch (const Error&) {
        sqlite3_close(db);
        return false;
    }
}

// Builds the usage database in one transaction with prepared statements,
// written to a temporary file and renamed when complete.
void build_database(const std::string& path, int64_t n, DataInfo& info) {
    const std::string tmp = path + ".tmp";
    std::remove(tmp.c_str());
    const Clock::time_point t0 = Clock::now();
    sqlite3* db = open_db(tmp);
    exec(db, "PRAGMA page_size=4096; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
             "PRAGMA locking_mode=EXCLUSIVE;"
             // new-api's logs, the columns that matter here plus a few for width.
             "CREATE TABLE logs(id INTEGER PRIMARY KEY, user_id INTEGER, created_at INTEGER, type INTEGER,"
             " model_name TEXT, prompt_tokens INTEGER, completion_tokens INTEGER, use_time INTEGER,"
             " is_stream INTEGER, channel_id INTEGER);"
             // The stored response bodies of the same calls, in their own table
             // (as a proxy keeps them): so that scans of `logs` read log rows, not
             // half a kilobyte of JSON each, and (6) reads only the JSON.
             "CREATE TABLE responses(id INTEGER PRIMARY KEY, model_name TEXT, body TEXT);"
             // (5b): the same tokens, every name an alias, next to its published name.
             "CREATE TABLE alias_probe(id INTEGER PRIMARY KEY, alias TEXT, model TEXT,"
             " prompt_tokens INTEGER, completion_tokens INTEGER);"
             "CREATE TABLE bench_meta(key TEXT PRIMARY KEY, value);");
    // Each other usage shape: the first rows' tokens again, stored as that tool stores them.
    for (const Shape& shape : kShapes)
        exec(db, std::string("CREATE TABLE ") + shape.table + "(id INTEGER PRIMARY KEY, model_name TEXT, body TEXT);");
    exec(db, "BEGIN;");
    const int64_t shape_rows = shape_rows_for(n);
    Generator gen;
    ShapeBodies shape_bodies(gen.corpus());
    Generator::Row row;
    std::string body;
    double shape_bytes[kShapeCount] = {};
    std::vector<uint32_t> tokens;  // prompt, completion per row, for alias_probe
    tokens.reserve(size_t(n) * 2);
    double response_bytes = 0;
    {
        Stmt insert(db, "INSERT INTO logs(user_id, created_at, type, model_name, prompt_tokens, completion_tokens,"
                        " use_time, is_stream, channel_id) VALUES (?1, ?2, 2, ?3, ?4, ?5, ?6, ?7, ?8)");
        Stmt insert_response(db, "INSERT INTO responses(model_name, body) VALUES (?1, ?2)");
        std::vector<std::unique_ptr<Stmt>> insert_shape;
        for (const Shape& shape : kShapes)
            insert_shape.push_back(std::make_unique<Stmt>(db, std::string("INSERT INTO ") + shape.table +
                                                                  "(model_name, body) VALUES (?1, ?2)"));
        for (int64_t i = 0; i < n; ++i) {
            gen.next_row(row);
            const int64_t created = kStart + int64_t((double(i) + gen.uniform()) * double(kYear) / double(n));
            gen.response(row, created, body);
            response_bytes += double(body.size());
            info.alias_rows += row.kind == 1;
            info.case_rows += row.kind == 2;
            info.unknown_rows += row.kind == 3;
            // a few heavy users, many light ones
            const int64_t user = 1 + int64_t(std::pow(gen.uniform(), 3.0) * 500);
            sqlite3_bind_int64(insert.s, 1, user);
            sqlite3_bind_int64(insert.s, 2, created);
            sqlite3_bind_text(insert.s, 3, row.name.data(), int(row.name.size()), SQLITE_STATIC);
            sqlite3_bind_int64(insert.s, 4, row.prompt);
            sqlite3_bind_int64(insert.s, 5, row.completion);
            sqlite3_bind_int64(insert.s, 6, 1 + row.completion / 40);
            sqlite3_bind_int64(insert.s, 7, int64_t(gen.bits() % 3 != 0));
            sqlite3_bind_int64(insert.s, 8, 1 + int64_t(gen.bits() % 8));
            insert.step();
            insert.reset();
            sqlite3_bind_text(insert_response.s, 1, row.name.data(), int(row.name.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert_response.s, 2, body.data(), int(body.size()), SQLITE_STATIC);
            insert_response.step();
            insert_response.reset();
            for (size_t k = 0; i < shape_rows && k < kShapeCount; ++k) {
                shape_bodies.write(k, row, created, body);
                shape_bytes[k] += double(body.size());
                Stmt& insert_body = *insert_shape[k];
                sqlite3_bind_text(insert_body.s, 1, row.name.data(), int(row.name.size()), SQLITE_STATIC);
                sqlite3_bind_text(insert_body.s, 2, body.data(), int(body.size()), SQLITE_STATIC);
                insert_body.step();
                insert_body.reset();
            }
            tokens.push_back(uint32_t(row.prompt));
            tokens.push_back(uint32_t(row.completion));
            if ((i + 1) % 1000000 == 0)
                std::printf("  ... %s rows, %.0f s\n", with_commas(i + 1).c_str(), seconds_since(t0)),
                    std::fflush(stdout);
        }
    }
    {
        // Every alias, some spelled in other letter case, in its own table so
        // that `logs` stays what it is.
        static const char* kProbe[][2] = {
            {"xdeepseekv3", "DeepSeek-V3"}, {"xdeepseekr1", "DeepSeek-R1"},
            {"xop3qwen8b", "Qwen3-8B"},     {"xqwen257bchat", "Qwen_v2.5_7b_Instruct"},
            {"xsparkprox", "Spark Max"},    {"xspark13b6k", "Spark Lite"},
            {"XDeepSeekV3", "DeepSeek-V3"}, {"XDEEPSEEKR1", "DeepSeek-R1"},
        };
        Stmt insert(db,
                    "INSERT INTO alias_probe(alias, model, prompt_tokens, completion_tokens) VALUES (?1, ?2, ?3, ?4)");
        for (int64_t i = 0; i < n; ++i) {
            const auto& probe = kProbe[gen.bits() % 8];
            sqlite3_bind_text(insert.s, 1, probe[0], -1, SQLITE_STATIC);
            sqlite3_bind_text(insert.s, 2, probe[1], -1, SQLITE_STATIC);
            sqlite3_bind_int64(insert.s, 3, tokens[size_t(i) * 2]);
            sqlite3_bind_int64(insert.s, 4, tokens[size_t(i) * 2 + 1]);
            insert.step();
            insert.reset();
        }
    }
    info.rows = n;
    info.avg_response_bytes = n ? response_bytes / double(n) : 0;
    info.shape_rows = shape_rows;
    for (size_t k = 0; k < kShapeCount; ++k) info.avg_shape_bytes[k] = shape_bytes[k] / double(shape_rows);
    info.build_seconds = seconds_since(t0);
    {
        Stmt meta(db, "INSERT INTO bench_meta VALUES (?1, ?2)");
        std::vector<std::pair<std::string, double>> values = {
            {"generator_version", kGeneratorVersion},    {"rows", double(n)},
            {"alias_rows", double(info.alias_rows)},     {"case_rows", double(info.case_rows)},
            {"unknown_rows", double(info.unknown_rows)}, {"avg_response_bytes", info.avg_response_bytes},
            {"shape_rows", double(shape_rows)},          {"build_seconds", info.build_seconds}};
        for (size_t k = 0; k < kShapeCount; ++k)
            values.emplace_back(std::string("avg_bytes_") + kShapes[k].table, info.avg_shape_bytes[k]);
        values.emplace_back("complete", 1);
        for (const auto& [key, value] : values) {
            sqlite3_bind_text(meta.s, 1, key.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_double(meta.s, 2, value);
            meta.step();
            meta.reset();
        }
    }
    exec(db, "COMMIT");
    check(db, sqlite3_close(db), "close");
    if (std::rename(tmp.c_str(), path.c_str()) != 0) throw Error("rename " + tmp + " failed");
}

// --- the variants ---------------------------------------------------------------

struct Variant {
    std::string id, label, sql;
    std::string table;      // the table it scans: its rows, and the reference its sum must equal
    std::string floor;      // the id of the floor it is a ratio to ("" for none)
    bool is_floor = false;  // a floor: its sum is not a cost and is not checked
    bool exact = true;      // its sum must equal the reference bit for bit; else within kAgree
    std::vector<double> ns_per_row;
    double sum = NAN;
    bool sum_changed = false;
    std::string error;
};

const char* kFloorSql = "SELECT SUM(prompt_tokens * 0.000002 + completion_tokens * 0.000008) FROM logs";
// (4c)'s own floor: the same scan with the cached share computed, so that
// (4c) is held to what the function adds, as (4) is to (1).
const char* kCachedFloorSql =
    "SELECT SUM(prompt_tokens * 0.000002 + (prompt_tokens / 4) * 0.0000005 + completion_tokens * 0.000008) FROM logs";
const char* kPlainJoinSql = "SELECT SUM(l.prompt_tokens * r.input / 1000 + l.completion_tokens * r.output / 1000) "
                            "FROM logs l JOIN plain_rates r ON r.model = l.model_name";
const char* kAliasFloorSql = "SELECT SUM(prompt_tokens * 0.000002 + completion_tokens * 0.000008) FROM alias_probe";
const char* kRatesJoinSql =
    "SELECT SUM(l.prompt_tokens * i.price / 1000 + l.completion_tokens * o.price / 1000) FROM logs l "
    "JOIN maas_rates i ON i.lookup = l.model_name AND i.item = 'input' "
    "JOIN maas_rates o ON o.lookup = l.model_name AND o.item = 'output'";
// The floor of a table of stored usage, as the targets name it: the same scan,
// each row's model name and body read by a built-in that looks at every
// byte (length() of TEXT counts its characters), as any function that reads
// the usage must.  (6f.r) is the scan alone: length() of a BLOB is the size
// SQLite already has (the CAST only relabels the value), so it reads the
// rows but none of the bodies' bytes; shown for information.
std::string body_floor_sql(const std::string& table) {
    return "SELECT SUM(length(model_name) + length(body)) FROM " + table;
}

std::vector<Variant> make_variants() {
    std::vector<Variant> v;
    auto add = [&](const std::string& id, const std::string& label, const std::string& sql, const std::string& table,
                   const std::string& floor) -> Variant& {
        Variant x;
        x.id = id;
        x.label = label;
        x.sql = sql;
        x.table = table;
        x.floor = floor;
        v.push_back(std::move(x));
        return v.back();
    };
    add("1", "floor: SUM(tokens × constants)", kFloorSql, "logs", "").is_floor = true;
    // Hand-written pricing in floats: information, held to kAgree.
    add("2", "JOIN plain_rates (NOCASE PK + alias rows)", kPlainJoinSql, "logs", "1").exact = false;
    add("3", "JOIN maas_rates ×2 on lookup+item", kRatesJoinSql, "logs", "1").exact = false;
    // Calibration: a function that only reads maas_cost's arguments (read_arguments).
    add("1a", "calibration: SUM(read_arguments(model, in, out)), a function that prices nothing",
        "SELECT SUM(read_arguments(model_name, prompt_tokens, completion_tokens)) FROM logs", "logs", "1")
        .is_floor = true;
    add("1b", "calibration: the same with created_at",
        "SELECT SUM(read_arguments(model_name, prompt_tokens, completion_tokens, created_at)) FROM logs", "logs", "1")
        .is_floor = true;
    add("4", "maas_cost(model, in, out)",
        "SELECT SUM(maas_cost(model_name, prompt_tokens, completion_tokens)) FROM logs", "logs", "1");
    add("5", "maas_cost(model, in, out, created_at)",
        "SELECT SUM(maas_cost(model_name, prompt_tokens, completion_tokens, created_at)) FROM logs", "logs", "1");
    // The exact decimal total of the same costs; (4)'s SUM adds doubles, so
    // the two differ by SUM's rounding (kAgree).
    add("4t", "maas_total(maas_cost(model, in, out)): exact total",
        "SELECT maas_total(maas_cost(model_name, prompt_tokens, completion_tokens)) FROM logs", "logs", "1")
        .exact = false;
    // A quarter of the input read from the prompt cache.  The built-in card
    // has no cached-input price, so its sum must equal (4)'s: cached tokens
    // at the input price, once.
    add("1c", "floor with the cached share: SUM(tokens × constants, in / 4 too)", kCachedFloorSql, "logs", "")
        .is_floor = true;
    add("4c", "maas_cost_cached(model, in, in / 4, out)",
        "SELECT SUM(maas_cost_cached(model_name, prompt_tokens, prompt_tokens / 4, completion_tokens)) FROM logs",
        "logs", "1c");
    // OpenAI chat completions, whole responses, over `responses` (every row).
    add("6f", "`responses` floor: SUM(length(model_name) + length(body))", body_floor_sql("responses"), "responses", "")
        .is_floor = true;
    add("6f.r", "`responses`, the rows alone: SUM(length(CAST(model_name / body AS BLOB)))",
        "SELECT SUM(length(CAST(model_name AS BLOB)) + length(CAST(body AS BLOB))) FROM responses", "responses", "6f")
        .is_floor = true;
    add("6a", "maas_usage_cost(model, body): OpenAI chat completion",
        "SELECT SUM(maas_usage_cost(model_name, body)) FROM responses", "responses", "6f");
    add("6b", "maas_cost(model, json_extract(body, …) ×2): the same",
        "SELECT SUM(maas_cost(model_name, json_extract(body, '$.usage.prompt_tokens'), "
        "json_extract(body, '$.usage.completion_tokens'))) FROM responses",
        "responses", "6f");
    // Every other shape, each over its own table with its own floor.
    for (const Shape& shape : kShapes) {
        const std::string id = shape.id;
        add(id + ".f", std::string("`") + shape.table + "` floor", body_floor_sql(shape.table), shape.table, "")
            .is_floor = true;
        add(id + ".a", std::string("maas_usage_cost(model, body): ") + shape.label,
            std::string("SELECT SUM(maas_usage_cost(model_name, body)) FROM ") + shape.table, shape.table, id + ".f");
        if (shape.extract)
            add(id + ".b", "maas_cost(model, json_extract(…)): the same",
                std::string("SELECT SUM(") + shape.extract + ") FROM " + shape.table, shape.table, id + ".f");
    }
    // A card whose every model bills by context band and hour (load_tiered_card).
    add("1k", "calibration: read_arguments('T-' || model, in, out, created_at)",
        "SELECT SUM(read_arguments('T-' || model_name, prompt_tokens, completion_tokens, created_at)) FROM logs",
        "logs", "1")
        .is_floor = true;
    add("5k", "maas_cost('T-' || model, in, out, created_at), a card of bands and off-peak hours",
        "SELECT SUM(maas_cost('T-' || model_name, prompt_tokens, completion_tokens, created_at)) FROM logs",
        "logs-tiered", "1k");
    // What a bill prices per call: each item exactly at the call's time, as
    // the usage layer does (sql/usage/priced.sql): the general path.
    add("5c", "maas_cost_cached(model, in, 0, out, 0, 1, created_at): each item exactly, as the usage layer prices",
        "SELECT SUM(maas_cost_cached(model_name, prompt_tokens, 0, completion_tokens, 0, 1, created_at)) FROM logs",
        "logs", "1");
    // The user's prepaid packs (add_bench_packs) applied to every call in
    // time order (rowid order is time order), the bill's list total as the
    // result: the exact total of (5)'s costs, so within kAgree of its SUM.
    add("5p", "maas_bill_json(…) over every call, three packs (a Token Plan, a free quota, a voucher)",
        "SELECT (SELECT maas_total(json_extract(l.value, '$.list')) FROM json_each(b.bill, '$.lines') AS l) FROM "
        "(SELECT maas_bill_json('2025-01-01', '2030-01-01', created_at, model_name, prompt_tokens, 0, 0, "
        "completion_tokens) AS bill FROM (SELECT created_at, model_name, prompt_tokens, completion_tokens FROM logs "
        "ORDER BY id)) AS b",
        "logs", "5c")
        .exact = false;
    add("5b.0", "alias_probe floor: SUM(tokens × constants)", kAliasFloorSql, "alias_probe", "").is_floor = true;
    add("5b.1", "alias_probe: maas_cost(published name, …)",
        "SELECT SUM(maas_cost(model, prompt_tokens, completion_tokens)) FROM alias_probe", "alias_probe", "5b.0");
    add("5b.2", "alias_probe: maas_cost(alias, …)",
        "SELECT SUM(maas_cost(alias, prompt_tokens, completion_tokens)) FROM alias_probe", "alias_probe", "5b.0");
    return v;
}

std::vector<std::string> query_plan(sqlite3* db, const std::string& sql) {
    Stmt st(db, "EXPLAIN QUERY PLAN " + sql);
    std::vector<std::string> lines;
    while (st.step()) lines.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st.s, 3)));
    return lines;
}

// Runs one full query; returns seconds, and its single result in `sum` (NaN for NULL).
double run_once(Stmt& st, double& sum) {
    const Clock::time_point t0 = Clock::now();
    if (!st.step()) throw Error("no row");
    sum = sqlite3_column_type(st.s, 0) == SQLITE_NULL ? NAN : sqlite3_column_double(st.s, 0);
    while (st.step()) {
    }
    const double s = seconds_since(t0);
    st.reset();
    return s;
}

// --- child processes ------------------------------------------------------------

// Load to first result, in a process that has not loaded maas.so yet.
int child_first_result(const std::string& so) {
    const Clock::time_point t0 = Clock::now();
    sqlite3* db = open_db(":memory:");
    const Clock::time_point t1 = Clock::now();
    load_module(db, so);
    const Clock::time_point t2 = Clock::now();
    double value;
    {
        Stmt st(db, "SELECT maas_cost('DeepSeek-R1', 1000, 1000)");
        st.step();
        value = sqlite3_column_double(st.s, 0);
    }
    const Clock::time_point t3 = Clock::now();
    sqlite3_close(db);
    auto us = [](Clock::time_point a, Clock::time_point b) {
        return std::chrono::duration<double, std::micro>(b - a).count();
    };
    std::printf("total_us=%.1f\nopen_us=%.1f\nload_us=%.1f\nquery_us=%.1f\nvalue=%.17g\n", us(t0, t3), us(t0, t1),
                us(t1, t2), us(t2, t3), value);
    return value == 0.02 ? 0 : 1;
}

// Peak memory of one pricing query over the first `limit` rows.
int child_mem(const std::string& db_path, const std::string& so, int64_t limit, const std::string& which) {
    const int64_t start_hwm = proc_status_kb("VmHWM");
    sqlite3* db = open_db(db_path, SQLITE_OPEN_READONLY);
    load_module(db, so);
    const std::string sql = which == "6a"
                                ? "SELECT SUM(maas_usage_cost(model_name, body)) FROM responses WHERE rowid <= ?1"
                                : "SELECT SUM(maas_cost(model_name, prompt_tokens, completion_tokens)) FROM logs "
                                  "WHERE rowid <= ?1";
    Stmt st(db, sql);
    sqlite3_bind_int64(st.s, 1, limit);
    const int64_t loaded_hwm = proc_status_kb("VmHWM");
    double sum;
    run_once(st, sum);
    const int64_t end_hwm = proc_status_kb("VmHWM");
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    std::printf("start_kb=%lld\nloaded_kb=%lld\npeak_kb=%lld\nmaxrss_kb=%ld\nsum=%.17g\n", (long long)start_hwm,
                (long long)loaded_hwm, (long long)end_hwm, usage.ru_maxrss, sum);
    return 0;
}

// --- the run --------------------------------------------------------------------

struct Options {
    int64_t n = 10000000;
    int reps = 0;
    std::string so = "build/maas.so", dir = "build/bench", python = "/usr/bin/python3",
                py_script = "bench/python_udf.py";
    std::string revision;  // of the sources, for the report (run.sh passes git describe)
};

std::string load_average() {
    std::ifstream f("/proc/loadavg");
    double one = 0, five = 0;
    f >> one >> five;
    return fmt("%.2f (1 min), %.2f (5 min)", one, five);
}

std::string self_path() {
    char buffer[4096];
    const ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (n <= 0) throw Error("cannot find /proc/self/exe");
    return std::string(buffer, size_t(n));
}

std::string absolute(const std::string& path) {
    if (!path.empty() && path[0] == '/') return path;
    char cwd[4096];
    return std::string(getcwd(cwd, sizeof cwd) ? cwd : ".") + "/" + path;
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
    return buffer;
}

const char* verdict(bool met) { return met ? "met" : "**NOT met**"; }

// What a run is given and works out before it measures anything, and the
// problems it finds on the way.
struct Run {
    Options o;
    std::string db_path, so;
    int reps = 0;
    int64_t shape_rows = 0;
    std::string started, load_at_start;
    std::string maas_build = "?";  // from maas_debug()
    DataInfo info;
    std::vector<std::string> problems;  // each fails the run (exit status 1); timing never does

    // The rows a variant over `table` reads.
    int64_t rows_of(const std::string& table) const {
        return table == "logs" || table == "logs-tiered" || table == "responses" || table == "alias_probe" ? o.n
                                                                                                           : shape_rows;
    }
};

const Variant& find_variant(const std::vector<Variant>& variants, const std::string& id) {
    auto it = std::find_if(variants.begin(), variants.end(), [&](const Variant& x) { return x.id == id; });
    if (it == variants.end()) throw Error("no variant " + id);
    return *it;
}

// The median ns per row of a variant; NaN when it failed.
double ns_of(const std::vector<Variant>& variants, const std::string& id) {
    const Variant& v = find_variant(variants, id);
    return v.error.empty() ? median(v.ns_per_row) : NAN;
}

using PairedRounds = std::map<std::string, std::vector<double>>;  // "id/base": the ratio of each paired round

double paired_ratio(const PairedRounds& paired, const std::string& id, const std::string& base) {
    const auto rounds_of = paired.find(id + "/" + base);
    return rounds_of == paired.end() || rounds_of->second.empty() ? NAN : median(rounds_of->second);
}

struct PythonResult {
    bool ran = false;
    std::string note;
    int64_t rows = 0;
    double ns = NAN, floor_ns = NAN, sum = NAN, reference = NAN, min = NAN, max = NAN;
    std::string version;
};

// Load to first result, in µs: in fresh processes (cold) and in further
// connections of this one (warm).
struct LoadTimes {
    std::vector<double> cold_total, cold_load, cold_query, warm_total, warm_load, warm_query;
};

struct Mem {
    int64_t rows;
    std::string which;
    int64_t loaded_kb = -1, peak_kb = -1;
};

struct MemoryPeaks {
    int64_t small_rows = 0;  // N/10: the peak over N is held to the peak over these
    std::vector<Mem> queries;
};

// Everything a run measured, for the verdicts and the report.
struct Measured {
    std::vector<Variant> variants;
    std::string rates_plan;  // (3)'s query plan
    std::vector<RatioTarget> ratios;
    int rounds = 0;
    PairedRounds paired;
    double shape_reference = NAN;
    double tiered_reference = NAN;
    PythonResult py;
    LoadTimes load;
    MemoryPeaks memory;
};

// 1. the usage database: reused when its bench_meta says it is this N and
// generator, else built.
DataInfo prepare_data(const Run& r) {
    DataInfo info;
    if (read_meta(r.db_path, r.o.n, info)) {
        info.reused = true;
        std::printf("reusing %s (built in %.0f s)\n", r.db_path.c_str(), info.build_seconds);
    } else {
        info = DataInfo{};
        std::printf("building %s ...\n", r.db_path.c_str());
        std::fflush(stdout);
        build_database(r.db_path, r.o.n, info);
        std::printf("built in %.1f s\n", info.build_seconds);
    }
    const double n = double(r.o.n);
    std::printf("  %.1f MB, average response %.0f bytes; names: %.2f%% aliases, %.2f%% letter-case variants, "
                "%.2f%% unknown\n",
                double(file_size(r.db_path)) / 1e6, info.avg_response_bytes, 100.0 * double(info.alias_rows) / n,
                100.0 * double(info.case_rows) / n, 100.0 * double(info.unknown_rows) / n);
    std::printf("  usage shapes: %s rows each:", with_commas(r.shape_rows).c_str());
    for (size_t k = 0; k < kShapeCount; ++k) std::printf(" %s %.0f B", kShapes[k].table, info.avg_shape_bytes[k]);
    std::printf("\n");
    return info;
}

// The usage database with maas.so loaded and read_arguments registered; sets
// r.maas_build, and warns when it is not a Release build.
sqlite3* open_bench_db(Run& r) {
    sqlite3* db = open_db(r.db_path);
    load_module(db, r.so);
    if (sqlite3_create_function(db, "read_arguments", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, read_arguments,
                                nullptr, nullptr) != SQLITE_OK)
        throw Error(std::string("read_arguments: ") + sqlite3_errmsg(db));
    const std::string debug = query_text(db, "SELECT maas_debug()");
    const size_t b = debug.find("build: ");
    if (b != std::string::npos) {
        const size_t e = debug.find('\n', b);
        r.maas_build = debug.substr(b + 7, e - b - 7);
    }
    if (r.maas_build.find("Release") == std::string::npos)
        std::printf("WARNING: maas.so is not a Release build (%s): timings are not representative\n",
                    r.maas_build.c_str());
    return db;
}

// (5k)'s card: each of kModels again as 'T-<name>', its input and output
// priced in three context bands (to 32k, to 128k, beyond), each band also
// with an off-peak line (00:30-08:30 Beijing): six lines an item, the
// tiers and hours providers bill by (docs/user-prices.md#conditions).
void load_tiered_card(sqlite3* db, const std::string& dir) {
    const char* bands[] = {"", "input > 32k and input <= 128k", "input > 128k and input <= 1000000m"};
    const char* off_peak = "time in 00:30-08:30 @+08:00";
    std::ostringstream card;
    card << "provider,model,service,item,label,price,unit,currency,effective_from,source,condition\n";
    for (const ModelMix& model : kModels) {
        for (const char* item : {"input", "output"}) {
            for (int band = 0; band < 3; ++band) {
                const std::string base = std::string(item) == "input" ? "0.00" : "0.0";
                const std::string price = base + std::to_string(2 + band), cond = bands[band];
                const std::string timed = cond.empty() ? off_peak : cond + " and " + off_peak;
                card << "bench,T-" << model.name << ",inference," << item << ",," << price
                     << ",k_tokens,CNY,2025-01-01,bench," << cond << "\n";
                card << "bench,T-" << model.name << ",inference," << item << ",," << price
                     << "5,k_tokens,CNY,2025-01-01,bench," << timed << "\n";
            }
        }
    }
    const std::string path = dir + "/tiered-card.csv";
    std::ofstream(path) << card.str();
    query_text(db, "SELECT maas_load_card('" + path + "')");
}

// (5p)'s packs: the user tables of sql/user_tables.sql in the usage
// database (as a user keeps them), with a Token Plan's allowance (first, by
// priority), a month's free quota and a voucher for two models, so that
// calls are covered whole, in part (a pack's last tokens) and not at all.
void add_bench_packs(sqlite3* db) {
    std::ifstream file("sql/user_tables.sql");
    if (!file) throw Error("sql/user_tables.sql: run the benchmark from the repository root (bench/run.sh does)");
    std::ostringstream text;
    text << file.rdbuf();
    exec(db, text.str());
    exec(db, "DELETE FROM maas_user_packs;"
             "INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, valid_from, valid_until,"
             " priority, source) VALUES"
             " ('plan', 'iflytek-xingchen', '*', '*', '3000000000', 'tokens', NULL, '2025-07-01', '2026-07-01', 1,"
             " 'bench'),"
             " ('free', 'iflytek-xingchen', '*', 'input,output', '50000000', 'tokens', NULL, '2025-07-01',"
             " '2025-08-01', NULL, 'bench'),"
             " ('voucher', 'iflytek-xingchen', 'DeepSeek-V3, DeepSeek-R1', '*', '2000', 'money', 'CNY', '2025-07-01',"
             " '2027-01-01', NULL, 'bench')");
}

// (5k)'s reference: the same calls on the general path (a count as TEXT).
double tiered_reference(sqlite3* db) {
    double sum = NAN;
    Stmt st(db, "SELECT SUM(maas_cost('T-' || model_name, CAST(prompt_tokens AS TEXT), completion_tokens, created_at)) "
                "FROM logs");
    run_once(st, sum);
    return sum;
}

// (2)'s table: the same prices as maas_rates, keyed case-insensitively,
// with one extra row per alias.
void make_plain_rates(sqlite3* db) {
    exec(db, "DROP TABLE IF EXISTS plain_rates;"
             "CREATE TABLE plain_rates(model TEXT COLLATE NOCASE PRIMARY KEY, input REAL, output REAL);"
             "INSERT INTO plain_rates SELECT model, max(CASE item WHEN 'input' THEN price END),"
             " max(CASE item WHEN 'output' THEN price END) FROM maas_rates WHERE effective_to IS NULL"
             " GROUP BY model HAVING count(CASE WHEN item IN ('input', 'output') THEN 1 END) = 2;"
             "INSERT INTO plain_rates SELECT a.alias, p.input, p.output FROM maas_aliases a"
             " JOIN plain_rates p ON p.model = a.model;");
    const int64_t plain_rows = query_int(db, "SELECT count(*) FROM plain_rates");
    std::printf("\nplain_rates: %lld rows (models priced for input and output, plus their aliases)\n",
                (long long)plain_rows);
}

// Prints the query plans of the JOINs (2) and (3); returns (3)'s, for the report.
std::string print_join_plans(sqlite3* db, const std::vector<Variant>& variants) {
    std::string rates_plan;
    for (const char* which : {"2", "3"}) {
        const Variant& v = find_variant(variants, which);
        std::printf("query plan of (%s):\n", which);
        std::vector<std::string> plan = query_plan(db, v.sql);
        int index6 = 0;
        for (const std::string& line : plan) {
            std::printf("  %s\n", line.c_str());
            if (line.find("VIRTUAL TABLE INDEX 6:") != std::string::npos) ++index6;
            if (v.id == "3") rates_plan += (rates_plan.empty() ? "" : "; ") + line;
        }
        if (v.id == "3" && index6 != 2)
            std::printf("WARNING: (3) does not look up maas_rates by INDEX 6 (lookup + item) twice\n");
    }
    return rates_plan;
}

using Statements = std::vector<std::unique_ptr<Stmt>>;  // one per variant; null once it has failed

// 2. timing: one warm-up pass of each table (its floor), then round-robin runs.
// Returns the prepared statements, for the paired rounds.
Statements time_round_robin(sqlite3* db, std::vector<Variant>& variants, const Run& r) {
    std::printf("\nwarming up ...\n");
    std::fflush(stdout);
    for (const Variant& v : variants)
        if (v.is_floor && v.floor.empty()) {
            double ignored;
            Stmt st(db, v.sql);
            run_once(st, ignored);
        }
    Statements statements;
    for (Variant& v : variants) {
        try {
            statements.push_back(std::make_unique<Stmt>(db, v.sql));
        } catch (const Error& e) {
            v.error = e.what();
            statements.push_back(nullptr);
        }
    }
    for (int rep = 0; rep < r.reps; ++rep) {
        std::printf("run %d/%d:", rep + 1, r.reps);
        for (size_t i = 0; i < variants.size(); ++i) {
            Variant& v = variants[i];
            if (!statements[i]) continue;
            try {
                double sum;
                const double s = run_once(*statements[i], sum);
                v.ns_per_row.push_back(s * 1e9 / double(r.rows_of(v.table)));
                if (rep > 0 && !(sum == v.sum || (std::isnan(sum) && std::isnan(v.sum)))) v.sum_changed = true;
                v.sum = sum;
                std::printf(" (%s) %.0f", v.id.c_str(), v.ns_per_row.back());
            } catch (const Error& e) {
                v.error = e.what();
                statements[i].reset();
                std::printf(" (%s) ERROR", v.id.c_str());
            }
            std::fflush(stdout);
        }
        std::printf(" ns/row\n");
    }
    return statements;
}

// Paired rounds for the ratio targets: each round times a target's
// variant and its base back to back (in alternating order), so that the
// ratio is taken between two runs seconds apart.  On a shared VM the
// speed drifts by 20% and more within a run; the round-robin above puts
// minutes between a variant and its floor.  A target's verdict is the
// median of its rounds' ratios.
PairedRounds time_paired_rounds(const std::vector<Variant>& variants, Statements& statements,
                                const std::vector<RatioTarget>& ratios, int rounds) {
    PairedRounds paired;
    for (int round = 0; round < rounds; ++round) {
        std::printf("paired round %d/%d:", round + 1, rounds);
        for (const RatioTarget& pair : ratios) {
            const std::string &id = pair.id, &base = pair.base;
            const size_t a = size_t(&find_variant(variants, id) - variants.data()),
                         b = size_t(&find_variant(variants, base) - variants.data());
            if (!statements[a] || !statements[b]) continue;
            double sum, ta, tb;
            if (round % 2 == 0) {
                tb = run_once(*statements[b], sum);
                ta = run_once(*statements[a], sum);
            } else {
                ta = run_once(*statements[a], sum);
                tb = run_once(*statements[b], sum);
            }
            paired[id + "/" + base].push_back(ta / tb);
            std::printf(" %s/%s %.2f", id.c_str(), base.c_str(), ta / tb);
            std::fflush(stdout);
        }
        std::printf("\n");
    }
    return paired;
}

// SUM(maas_cost(…)) over the first `rows` rows of `logs`, untimed: the
// reference of the shape tables and of (7).
double logs_reference(sqlite3* db, int64_t rows) {
    double sum = NAN;
    Stmt st(db, "SELECT SUM(maas_cost(model_name, prompt_tokens, completion_tokens)) FROM logs WHERE rowid <= ?1");
    sqlite3_bind_int64(st.s, 1, rows);
    run_once(st, sum);
    return sum;
}

// The same prices, as (2) has them, for the script's dict.
void write_prices(sqlite3* db, const std::string& path) {
    std::ofstream prices(path);
    Stmt st(db, "SELECT model, input, output FROM plain_rates ORDER BY model");
    prices << "{";
    bool first = true;
    while (st.step()) {
        prices << (first ? "" : ",") << "\n  \"" << sqlite3_column_text(st.s, 0) << "\": ["
               << fmt("%.17g", sqlite3_column_double(st.s, 1)) << ", " << fmt("%.17g", sqlite3_column_double(st.s, 2))
               << "]";
        first = false;
    }
    prices << "\n}\n";
}

// (7): the Python UDF on a sample, bench/python_udf.py in a child process.
PythonResult run_python_udf(sqlite3* db, Run& r) {
    PythonResult py;
    const Options& o = r.o;
    const int64_t sample = std::min<int64_t>(o.n, 200000);
    if (o.python.empty() || access(o.python.c_str(), X_OK) != 0) {
        py.note = o.python + " not found: (7) skipped";
        return py;
    }
    const std::string prices_path = o.dir + "/prices.json";
    write_prices(db, prices_path);
    py.reference = logs_reference(db, sample);
    std::printf("(7) %s %s on the first %s rows ...\n", o.python.c_str(), o.py_script.c_str(),
                with_commas(sample).c_str());
    std::fflush(stdout);
    std::string out;
    const int status = run_capture({o.python, o.py_script, "--db", r.db_path, "--limit", std::to_string(sample),
                                    "--reps", std::to_string(r.reps), "--prices", prices_path},
                                   out);
    if (status == 3) {
        py.note = value_of(out, "skipped");
    } else if (status != 0) {
        py.note = "python_udf.py failed (exit " + std::to_string(status) + ")";
        r.problems.push_back("(7) " + py.note);
    } else {
        py.ran = true;
        py.rows = std::atoll(value_of(out, "rows").c_str());
        py.ns = std::atof(value_of(out, "ns_per_row").c_str());
        py.floor_ns = std::atof(value_of(out, "floor_ns_per_row").c_str());
        py.min = std::atof(value_of(out, "min_ns_per_row").c_str());
        py.max = std::atof(value_of(out, "max_ns_per_row").c_str());
        const std::string s = value_of(out, "sum");
        py.sum = s == "None" || s.empty() ? NAN : std::atof(s.c_str());
        py.version = value_of(out, "python");
    }
    return py;
}

// 3. load to first result: 30 fresh processes (this program, --child-first-result),
// then 50 further connections in this one.
LoadTimes time_first_result(Run& r) {
    std::printf("load to first result: 30 fresh processes, 50 fresh connections ...\n");
    std::fflush(stdout);
    const std::string self = self_path();
    LoadTimes t;
    for (int i = 0; i < 30; ++i) {
        std::string out;
        if (run_capture({self, "--child-first-result", r.so}, out) != 0) {
            r.problems.push_back("first-result child failed: " + out);
            break;
        }
        t.cold_total.push_back(std::atof(value_of(out, "total_us").c_str()));
        t.cold_load.push_back(std::atof(value_of(out, "load_us").c_str()));
        t.cold_query.push_back(std::atof(value_of(out, "query_us").c_str()));
    }
    for (int i = 0; i < 50; ++i) {
        const Clock::time_point t0 = Clock::now();
        sqlite3* fresh = open_db(":memory:");
        const Clock::time_point t1 = Clock::now();
        load_module(fresh, r.so);
        const Clock::time_point t2 = Clock::now();
        t.warm_load.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
        double value = 0;
        {
            Stmt st(fresh, "SELECT maas_cost('DeepSeek-R1', 1000, 1000)");
            st.step();
            value = sqlite3_column_double(st.s, 0);
        }
        t.warm_query.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t2).count());
        sqlite3_close(fresh);
        t.warm_total.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        if (value != 0.02) r.problems.push_back("maas_cost('DeepSeek-R1', 1000, 1000) gave " + fmt("%.17g", value));
    }
    return t;
}

// Peak memory of (4) and (6a) over N/10 and N rows, each in a fresh process
// (this program, --child-mem).
MemoryPeaks measure_memory(Run& r) {
    const std::string self = self_path();
    MemoryPeaks peaks;
    peaks.small_rows = std::max<int64_t>(r.o.n / 10, 1);
    for (const char* which : {"4", "6a"})
        for (int64_t rows : {peaks.small_rows, r.o.n}) peaks.queries.push_back({rows, which});
    std::printf("peak memory: a fresh process per query ...\n");
    std::fflush(stdout);
    for (Mem& m : peaks.queries) {
        std::string out;
        if (run_capture({self, "--child-mem", r.db_path, r.so, std::to_string(m.rows), m.which}, out) != 0) {
            r.problems.push_back("memory child failed: " + out);
            continue;
        }
        m.loaded_kb = std::atoll(value_of(out, "loaded_kb").c_str());
        m.peak_kb = std::atoll(value_of(out, "peak_kb").c_str());
    }
    return peaks;
}

// The sum each variant must equal: (4)'s for `logs` and `responses`, (5b.1)'s
// for `alias_probe`, maas_cost over the same first rows of `logs` for the shapes.
struct References {
    double logs, alias, shapes, tiered;

    double of(const Variant& v) const {
        if (v.table == "logs-tiered") return tiered;
        return v.table == "alias_probe" ? alias : v.table == "logs" || v.table == "responses" ? logs : shapes;
    }
    bool agrees(const Variant& v) const {
        const double ref = of(v);
        if (std::isnan(v.sum) || std::isnan(ref)) return false;
        return v.exact ? v.sum == ref : relative_difference(v.sum, ref) <= kAgree;
    }
};

struct SumCheck {
    int checked = 0, agreeing = 0;
};

// Agreement of the sums: every variant that prices against the reference
// of its table, bit for bit (the same costs added in the same order); the
// hand-written float pricing and the exact total within kAgree.
SumCheck check_sums(const Measured& m, const References& refs, Run& r) {
    SumCheck c;
    for (const Variant& v : m.variants) {
        if (!v.error.empty()) {
            r.problems.push_back("(" + v.id + ") failed: " + v.error);
            continue;
        }
        if (v.sum_changed) r.problems.push_back("(" + v.id + ") gave different sums on different runs");
        if (v.is_floor) continue;
        ++c.checked;
        if (refs.agrees(v)) {
            ++c.agreeing;
        } else {
            r.problems.push_back(fmt("(%s) SUM %.17g disagrees with %.17g%s", v.id.c_str(), v.sum, refs.of(v),
                                     v.exact ? " (must be equal)" : ""));
        }
    }
    if (!(refs.logs > 0)) r.problems.push_back("(4) priced nothing");
    if (m.py.ran) {
        ++c.checked;
        if (relative_difference(m.py.sum, m.py.reference) <= kAgree) {
            ++c.agreeing;
        } else {
            r.problems.push_back(
                fmt("(7) SUM %.10f disagrees with maas_cost's %.10f on the same rows", m.py.sum, m.py.reference));
        }
    }
    return c;
}

struct Target {
    std::string what, measured;
    bool met;
};

// The verdicts: each ratio target from its paired rounds, load to first
// result, memory, and the sums.
std::vector<Target> judge_targets(const Measured& m, const SumCheck& sums) {
    std::vector<Target> targets;
    for (const RatioTarget& t : m.ratios) {
        if (!t.target) continue;
        const double a = ns_of(m.variants, t.id), b = ns_of(m.variants, t.base);
        const double ratio = paired_ratio(m.paired, t.id, t.base);  // id over base, round by round
        if (std::isnan(a) || std::isnan(b) || std::isnan(ratio)) {
            targets.push_back({t.what, "not measured (an error)", false});
            continue;
        }
        const double r = t.faster ? 1 / ratio : ratio;
        targets.push_back({t.what, fmt("%.2f× (medians %.0f / %.0f ns/row)", r, t.faster ? b : a, t.faster ? a : b),
                           t.faster ? r >= t.limit : r <= t.limit});
    }
    const double cold_us = median(m.load.cold_total);
    targets.push_back(
        {"load to first result < 1 ms (median of 30 fresh processes)", fmt("%.0f µs", cold_us), cold_us < 1000});
    // Flat: the peak after the query over N rows is within 1 MB of the peak over N/10.
    for (const char* which : {"4", "6a"}) {
        const Mem *small = nullptr, *large = nullptr;
        for (const Mem& q : m.memory.queries)
            if (q.which == which) (q.rows == m.memory.small_rows && !small ? small : large) = &q;
        if (!small || !large || small->peak_kb < 0 || large->peak_kb < 0) {
            targets.push_back({std::string("(") + which + ") memory flat", "not measured", false});
            continue;
        }
        const double grew_mb = double(large->peak_kb - small->peak_kb) / 1024;
        targets.push_back(
            {fmt("(%s) memory flat from %s to %s rows (peaks within 1 MB)", which, with_commas(small->rows).c_str(),
                 with_commas(large->rows).c_str()),
             fmt("%.2f → %.2f MB (%+.2f MB)", double(small->peak_kb) / 1024, double(large->peak_kb) / 1024, grew_mb),
             std::fabs(grew_mb) < 1.0});
    }
    targets.push_back({"the sums of every variant agree exactly (the rule; not timing)",
                       fmt("%d of %d", sums.agreeing, sums.checked), sums.agreeing == sums.checked});
    return targets;
}

// The report's paragraphs under the tables: the calibration pairs, then the
// comparisons that are no longer targets.
void write_comparisons(std::ostream& md, const Measured& m) {
    const PairedRounds& p = m.paired;
    const PythonResult& py = m.py;
    auto ns = [&](const std::string& id) { return ns_of(m.variants, id); };
    md << "\nCalibration, paired the same way: a function that reads maas_cost's arguments and prices nothing, "
          "`read_arguments` (1a), takes "
       << fmt("%.2f× the floor (1); (4) takes %.2f× (1a). With created_at, (1b) takes %.2f× (1) and (5) %.2f× (1b).",
              paired_ratio(p, "1a", "1"), paired_ratio(p, "4", "1a"), paired_ratio(p, "1b", "1"),
              paired_ratio(p, "5", "1b"))
       << " What maas_cost adds to SQLite's call is the second ratio of each.";
    // Said only when this run's figures show it.
    for (const RatioTarget& t : m.ratios)
        if ((t.id == "4" || t.id == "5") && t.base == "1") {
            const std::string calibration = t.id == "4" ? "1a" : "1b";
            const double alone = paired_ratio(p, calibration, "1");
            if (alone > t.limit)
                md << fmt(" (%s)'s target, %.2f× the floor, is below what reading its arguments alone takes (%s: "
                          "%.2f×).",
                          t.id.c_str(), t.limit, calibration.c_str(), alone);
        }
    md << "\n";
    md << "\nBeside the targets, for comparison: ";
    const double t1 = ns("1"), t2 = ns("2"), t3 = ns("3"), t4 = ns("4");
    // Time added over the floor is printed as such, not as a ratio: when
    // (4) adds next to nothing, a ratio of the two is noise.
    md << fmt("(4) is %.1f× faster than the hand-written JOIN (2) (over the floor, (2) adds %+.0f ns/row, (4) "
              "%+.0f)",
              t2 / t4, t2 - t1, t4 - t1)
       << fmt("; the JOIN on `maas_rates` (3) takes %.2f× (2)", t3 / t2)
       << fmt("; an alias costs %+.0f ns (5b.2 against 5b.1)", ns("5b.2") - ns("5b.1"));
    if (py.ran)
        md << fmt("; the Python UDF (7) takes %.1f× (4)'s time (it adds %+.0f ns/row over its floor)", py.ns / t4,
                  py.ns - py.floor_ns);
    md << fmt("; (6f.r), the scan of `responses` without reading the bodies' bytes, is %.2f× (6f)",
              ns("6f.r") / ns("6f"))
       << ".\n";
}

// 4. the report, first part: what bench/RESULTS.md shows
// (scripts/bench_results.py copies it from between its markers).
void write_results_part(std::ostream& md, const Run& r, const Measured& m, const std::vector<Target>& targets) {
    const Options& o = r.o;
    const std::string run_line = fmt("`bash bench/run.sh %lld`, %s", (long long)o.n, r.started.c_str()) +
                                 (o.revision.empty() ? std::string() : ", revision " + o.revision) + "; " +
                                 std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " CPUs, " + cpu_model() + "; SQLite " +
                                 sqlite3_libversion() + "; maas.so " + r.maas_build + "; load average " +
                                 r.load_at_start + " at the start, " + load_average() + " at the end.";
    int met = 0;
    for (const Target& t : targets) met += t.met;
    md << "<!-- results:begin n=" << o.n << " -->\n";
    md << "Measured by " << run_line << " Medians of " << r.reps << " runs per variant over " << with_commas(o.n)
       << " rows (the usage shapes (6r)–(6s): " << with_commas(r.shape_rows)
       << " rows each); timings on a shared machine vary by ±20%.\n\n";
    md << "The targets, as ratios measured in this run (" << met << " of " << targets.size()
       << " met). Each ratio is the median of " << m.rounds
       << " paired rounds, the variant and its base timed back to back; the ns/row beside it are the medians"
          " of the round-robin runs:\n\n";
    md << "| target | measured | |\n|---|--:|---|\n";
    for (const Target& t : targets) md << "| " << t.what << " | " << t.measured << " | " << verdict(t.met) << " |\n";
    md << "\n| | variant | ns/row | × its floor |\n|---|---|--:|--:|\n";
    for (const Variant& v : m.variants) {
        if (v.table != "logs" && v.table != "responses" && v.table != "alias_probe") continue;
        const double ns = ns_of(m.variants, v.id);
        md << "| (" << v.id << ") | " << v.label << " | " << (std::isnan(ns) ? std::string("ERROR") : fmt("%.0f", ns))
           << " | "
           << (v.floor.empty() || std::isnan(ns) ? std::string("") : fmt("%.2f", ns / ns_of(m.variants, v.floor)))
           << " |\n";
    }
    if (m.py.ran)
        md << "| (7) | Python UDF py_cost(), first " << with_commas(m.py.rows) << " rows | " << fmt("%.0f", m.py.ns)
           << " | " << fmt("%.2f", m.py.ns / m.py.floor_ns) << " |\n";
    write_comparisons(md, m);
    md << "<!-- results:end -->\n\n";
}

// The details' table: every variant with its rows, min–max, sum and
// difference from its reference, and (7).
void write_variant_details(std::ostream& md, const Run& r, const Measured& m, const References& refs) {
    md << "| | variant | rows | ns/row | × its floor | + ns over floor | min–max ns | SUM | rel. diff. |\n";
    md << "|---|---|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const Variant& v : m.variants) {
        if (!v.error.empty()) {
            md << "| (" << v.id << ") | " << v.label << " | | ERROR | | | | | " << v.error << " |\n";
            continue;
        }
        const double ns = median(v.ns_per_row);
        const double f = v.floor.empty() ? NAN : ns_of(m.variants, v.floor);
        std::string diff;
        if (!v.is_floor)
            diff = v.id == "4" || v.id == "5b.1" ? "reference"
                   : std::isnan(v.sum)           ? "NULL"
                   : v.exact ? (refs.agrees(v) ? "equal" : fmt("%.1e", relative_difference(v.sum, refs.of(v))))
                             : fmt("%.1e", relative_difference(v.sum, refs.of(v)));
        const auto [lo, hi] = std::minmax_element(v.ns_per_row.begin(), v.ns_per_row.end());
        md << "| (" << v.id << ") | " << v.label << " | " << with_commas(r.rows_of(v.table)) << " | " << fmt("%.0f", ns)
           << " | " << (std::isnan(f) ? std::string("") : fmt("%.2f", ns / f)) << " | "
           << (std::isnan(f) ? std::string("") : fmt("%+.0f", ns - f)) << " | " << fmt("%.0f–%.0f", *lo, *hi) << " | "
           << (v.is_floor ? fmt("%.0f", v.sum) : fmt("%.6f", v.sum)) << " | " << diff << " |\n";
    }
    const PythonResult& py = m.py;
    if (py.ran) {
        md << "| (7) | Python UDF py_cost(), first " << with_commas(py.rows) << " rows | " << with_commas(py.rows)
           << " | " << fmt("%.0f", py.ns) << " | " << fmt("%.2f", py.ns / py.floor_ns) << " ¹ | "
           << fmt("%+.0f", py.ns - py.floor_ns) << " ¹ | " << fmt("%.0f–%.0f", py.min, py.max) << " | "
           << fmt("%.6f", py.sum) << " | " << fmt("%.1e", relative_difference(py.sum, py.reference))
           << " vs maas_cost on the same rows |\n";
    }
}

// The report's second part, the details: the variants, plans, load and
// memory, the data, the machine.
void write_details(std::ostream& md, const Run& r, const Measured& m, const References& refs) {
    const Options& o = r.o;
    const DataInfo& info = r.info;
    const PythonResult& py = m.py;
    const LoadTimes& load = m.load;
    md << "### Details: sqlite-maas benchmark, " << with_commas(o.n) << " usage rows\n\n";
    md << "Median of " << r.reps << " runs per variant, ns per row; × its floor is the ratio to the floor"
       << " named (over the same table). Sums must equal the reference of their table exactly"
       << " ((4) for `logs` and `responses`, (5b.1) for `alias_probe`, `maas_cost` over the first "
       << with_commas(r.shape_rows) << " rows of `logs` for the shapes: " << fmt("%.6f", refs.shapes)
       << "); (2), (3), (7) (floats) and (4t) (the exact total, against SUM's rounding) within " << fmt("%.0e", kAgree)
       << ".\n\n";
    write_variant_details(md, r, m, refs);
    md << "\n(3)'s plan: `" << m.rates_plan << "` (INDEX 6 = lookup + item).\n\n";
    if (!py.ran) md << "(7) " << py.note << "\n\n";
    else
        md << "¹ (7) ran in " << py.version << ". Its × floor is to the floor query run in the same"
           << " process over the same sample, alternating with it: " << fmt("%.0f", py.floor_ns) << " ns/row"
           << fmt(" (to (1): %.2f).\n\n", py.ns / ns_of(m.variants, "1"));
    md << "Load to first result (`sqlite3_open` + `sqlite3_load_extension` + `SELECT maas_cost('DeepSeek-R1', 1000, 1000)`): "
       << fmt("%.0f µs", median(load.cold_total)) << " median in a fresh process (loading "
       << fmt("%.0f µs", median(load.cold_load)) << ", the first query " << fmt("%.0f µs", median(load.cold_query))
       << "); " << fmt("%.0f µs", median(load.warm_total)) << " for a further connection in the same process (loading "
       << fmt("%.0f µs", median(load.warm_load)) << ", the first query " << fmt("%.0f µs", median(load.warm_query))
       << ").\n\n";
    md << "Peak memory (VmHWM, a fresh process per query, `WHERE rowid <= rows`):\n\n";
    md << "| query | rows | after load | after the query |\n|---|--:|--:|--:|\n";
    for (const Mem& q : m.memory.queries)
        md << "| (" << q.which << ") | " << with_commas(q.rows) << " | " << fmt("%.1f MB", double(q.loaded_kb) / 1024)
           << " | " << fmt("%.1f MB", double(q.peak_kb) / 1024) << " |\n";
    md << "\nData: "
       << fmt("%.2f%% aliases, %.2f%% letter-case variants, %.2f%% unknown names",
              100.0 * double(info.alias_rows) / double(o.n), 100.0 * double(info.case_rows) / double(o.n),
              100.0 * double(info.unknown_rows) / double(o.n))
       << fmt("; average body: `responses` %.0f bytes", info.avg_response_bytes);
    for (size_t k = 0; k < kShapeCount; ++k) md << fmt(", `%s` %.0f", kShapes[k].table, info.avg_shape_bytes[k]);
    md << fmt("; database %.0f MB", double(file_size(r.db_path)) / 1e6)
       << (info.reused ? "" : fmt(", built in %.0f s", info.build_seconds)) << ".\n\n";
    md << "Machine: " << sysconf(_SC_NPROCESSORS_ONLN) << " CPUs (nproc), " << cpu_model() << "; SQLite "
       << sqlite3_libversion() << "; maas.so " << r.maas_build << "; bench g++ " << __VERSION__ << " -O2."
       << " Load average at the start " << r.load_at_start << ", at the end " << load_average() << ".\n";
}

// The whole run: the data, the timings, the child processes, the verdicts,
// then the report (printed, and written to DIR/result-N.md).
int run(const Options& o) {
    Run r;
    r.o = o;
    // v2: response bodies in their own table.
    r.db_path = o.dir + "/usage-v2-" + std::to_string(o.n) + ".db";
    r.so = absolute(o.so);
    r.reps = o.reps > 0 ? o.reps : (o.n >= 5000000 ? 3 : 5);
    const Clock::time_point t_all = Clock::now();
    r.load_at_start = load_average();
    r.started = utc_now();
    r.shape_rows = shape_rows_for(o.n);

    std::printf("# sqlite-maas benchmark, N = %s rows, %d runs per variant\n\n", with_commas(o.n).c_str(), r.reps);
    r.info = prepare_data(r);
    sqlite3* db = open_bench_db(r);
    make_plain_rates(db);
    load_tiered_card(db, o.dir);
    add_bench_packs(db);

    Measured m;
    m.variants = make_variants();
    m.rates_plan = print_join_plans(db, m.variants);
    Statements statements = time_round_robin(db, m.variants, r);
    m.ratios = ratio_targets();
    m.rounds = std::max(r.reps, 5);
    m.paired = time_paired_rounds(m.variants, statements, m.ratios, m.rounds);
    statements.clear();
    m.shape_reference = logs_reference(db, r.shape_rows);
    m.tiered_reference = tiered_reference(db);
    m.py = run_python_udf(db, r);
    m.load = time_first_result(r);
    m.memory = measure_memory(r);
    sqlite3_close(db);

    const References refs{find_variant(m.variants, "4").sum, find_variant(m.variants, "5b.1").sum, m.shape_reference,
                          m.tiered_reference};
    const SumCheck sums = check_sums(m, refs, r);
    const std::vector<Target> targets = judge_targets(m, sums);

    std::ostringstream md;
    write_results_part(md, r, m, targets);
    write_details(md, r, m, refs);
    const std::string report = md.str();
    std::printf("\n%s", report.c_str());
    std::ofstream(o.dir + "/result-" + std::to_string(o.n) + ".md") << report;
    std::printf("\nwhole run: %.0f s\n", seconds_since(t_all));
    if (!r.problems.empty()) {
        std::printf("\nFAILED:\n");
        for (const std::string& p : r.problems) std::printf("  %s\n", p.c_str());
        return 1;
    }
    std::printf("all sums agree\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 3 && std::strcmp(argv[1], "--child-first-result") == 0) return child_first_result(argv[2]);
        if (argc == 6 && std::strcmp(argv[1], "--child-mem") == 0)
            return child_mem(argv[2], argv[3], std::atoll(argv[4]), argv[5]);
        Options o;
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            auto next = [&]() -> std::string {
                if (i + 1 >= argc) throw Error("missing value after " + a);
                return argv[++i];
            };
            if (a == "--n") o.n = std::atoll(next().c_str());
            else if (a == "--reps") o.reps = std::atoi(next().c_str());
            else if (a == "--so") o.so = next();
            else if (a == "--dir") o.dir = next();
            else if (a == "--python") o.python = next();
            else if (a == "--py-script") o.py_script = next();
            else if (a == "--revision") o.revision = next();
            else throw Error("unknown argument " + a);
        }
        if (o.n < 10) throw Error("--n must be at least 10");
        return run(o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "maas_bench: %s\n", e.what());
        return 1;
    }
}

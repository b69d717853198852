// usage_functions.cpp - what the stored usage of a call holds, without
// prices: its token counts by kind, and what keeps it from being read.
//
//   SELECT maas_usage_tokens('{"prompt_tokens": 1200, "completion_tokens": 300}', 'input');   -- 1200
//   SELECT maas_usage_problem('{''input'':1000,''output'':500,''total'':1000}');
//     -- 'usage: usage_details.total (1000) is not the sum of the other keys (1500)'
//   SELECT CASE WHEN maas_usage_problem(u) IS NULL THEN maas_usage_tokens(u, 'input') END FROM t;
//
// Both read the usage through usage_args.hpp (the connection's UsageMemo:
// the calls of one row on one text parse it once), and maas_usage_problem
// answers with the very text maas_usage_tokens's error carries after its
// name: the rules and their words live in the reader alone.  Deterministic
// and innocuous: no prices are read.
#include "guarded.hpp"
#include "sql_args.hpp"
#include "registration.hpp"

#include <string>
#include <string_view>

#include "ascii.hpp"
#include "sql_args.hpp"
#include "token_counts.hpp"
#include "usage_args.hpp"
#include "utf8_text.hpp"

namespace maas {
namespace {

// The kinds maas_usage_tokens shows, one per field of TokenCounts.
struct TokenKind {
    const char* name;
    int64_t (*count)(const TokenCounts&);
};
constexpr TokenKind kTokenKinds[] = {
    {"input", [](const TokenCounts& t) { return t.input; }},
    {"output", [](const TokenCounts& t) { return t.output; }},
    {"cached_input", [](const TokenCounts& t) { return t.cached_input; }},
    {"cache_write", [](const TokenCounts& t) { return t.cache_write; }},
    {"uncached_input", [](const TokenCounts& t) { return t.uncached_input(); }},
    {"reasoning", [](const TokenCounts& t) { return t.reasoning; }},
};
constexpr const char* kTokenKindsText =
    "'input', 'output', 'cached_input', 'cache_write', 'uncached_input' or 'reasoning'";

void maas_usage_tokens(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_usage_tokens";
    if (!begin_call(ctx, argc, argv, kName, 2, 2, "(usage, kind)")) return;
    // The type first: sqlite3_value_text would make a BLOB look like TEXT.
    const bool is_text = sqlite3_value_type(argv[1]) == SQLITE_TEXT;
    const char* which = is_text ? reinterpret_cast<const char*>(sqlite3_value_text(argv[1])) : nullptr;
    const TokenKind* kind = nullptr;
    if (which) {
        const std::string_view name(which, size_t(sqlite3_value_bytes(argv[1])));
        for (const TokenKind& k : kTokenKinds)
            if (equal_ignoring_ascii_case(name, k.name)) kind = &k;
    }
    if (!kind) return report_bad_argument(ctx, {kName, "kind"}, kTokenKindsText, argv[1]);
    TokenCounts tokens;
    bool found;
    if (!read_usage(ctx, argv[0], kName, tokens, found)) return;
    if (!found) return sqlite3_result_null(ctx);
    sqlite3_result_int64(ctx, kind->count(tokens));
}

// NULL when maas_usage_tokens reads the text without an error (usage or
// none), else the reason its error gives.  A BLOB is the caller's error,
// as it is maas_usage_tokens's: an argument of the wrong type, not data.
void maas_usage_problem(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_usage_problem";
    if (!begin_call(ctx, argc, argv, kName, 1, 1, "(usage)")) return;
    Usage outcome;
    TokenCounts tokens;
    std::string why;
    if (!read_usage_outcome(ctx, argv[0], kName, outcome, tokens, why)) return;
    if (outcome == Usage::found || outcome == Usage::missing) return sqlite3_result_null(ctx);
    const std::string problem = utf8_safe(usage_problem(outcome, why));
    sqlite3_result_text(ctx, problem.c_str(), int(problem.size()), SQLITE_TRANSIENT);
}

constexpr FunctionSpec kUsageFunctions[] = {
    {"maas_usage_tokens", kPure, true, guarded<maas_usage_tokens>},
    {"maas_usage_problem", kPure, true, guarded<maas_usage_problem>},
};

}  // namespace

FunctionList usage_functions() { return {kUsageFunctions, sizeof kUsageFunctions / sizeof kUsageFunctions[0]}; }

}  // namespace maas

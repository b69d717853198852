// usage_args.cpp - reading a usage argument and wording its problems (see
// usage_args.hpp).
#include "usage_args.hpp"

#include <string_view>

#include "failure.hpp"
#include "registration.hpp"
#include "sql_args.hpp"

namespace maas {

std::string usage_problem(Usage outcome, const std::string& why) {
    switch (outcome) {
        case Usage::malformed: return "usage is not valid JSON (" + why + ")";
        case Usage::malformed_map: return "usage is not a valid ClickHouse map (" + why + ")";
        case Usage::bad_value: return "usage: " + why;
        case Usage::found:
        case Usage::missing:
        case Usage::out_of_memory: break;
    }
    return std::string();
}

bool read_usage_outcome(sqlite3_context* ctx, sqlite3_value* value, const char* function, Usage& outcome,
                        TokenCounts& tokens, std::string& why) {
    std::string_view text;
    if (!read_usage_text(ctx, value, {function, "usage"}, text)) return false;
    outcome = binding_of(ctx).state->usage_memo().read(text, tokens, why);
    if (outcome != Usage::out_of_memory) return true;
    sqlite3_result_error_nomem(ctx);
    return false;
}

bool read_usage(sqlite3_context* ctx, sqlite3_value* value, const char* function, TokenCounts& tokens, bool& found) {
    found = false;
    Usage outcome;
    std::string why;
    if (!read_usage_outcome(ctx, value, function, outcome, tokens, why)) return false;
    if (outcome == Usage::found || outcome == Usage::missing) {
        found = outcome == Usage::found;
        return true;
    }
    report_error(ctx, std::string(function) + ": " + usage_problem(outcome, why));
    return false;
}

}  // namespace maas

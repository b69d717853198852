// usage_args.hpp - the usage argument of maas_usage_cost, maas_usage_tokens
// and maas_usage_problem: read through the connection's UsageMemo (so the
// calls of one row on one text parse it once), and what is wrong with it
// worded in one place.
//
//   TokenCounts tokens;
//   bool found;
//   if (!maas::read_usage(ctx, argv[1], "maas_usage_cost", tokens, found)) return;   // reported
//   // found false: the text holds no usage
//
// A problem of the text is reported as "function: " + usage_problem(...):
//   maas_usage_tokens: usage: usage_details.total (1500) is not the sum of the other keys (2300)
#pragma once

#include <string>

#include "sqlite_api.hpp"
#include "token_counts.hpp"
#include "usage_json.hpp"

namespace maas {

// What is wrong with usage the reader answered `outcome` for (malformed,
// malformed_map or bad_value), without the function's name: "usage is not
// valid JSON (expected a value at byte 1)", "usage: <why>".  Not yet made
// valid UTF-8 (report_error does that; maas_usage_problem too).
std::string usage_problem(Usage outcome, const std::string& why);

// Reads the usage TEXT at value (a number is read as its text) through the
// connection's memo.  False after reporting an error that is not the
// text's: a BLOB (named as `function`'s usage argument) or out of memory.
// Else the outcome, with tokens (found) or why (a problem) filled in.
bool read_usage_outcome(sqlite3_context* ctx, sqlite3_value* value, const char* function, Usage& outcome,
                        TokenCounts& tokens, std::string& why);

// The same, with the text's problem reported as the error: false after
// reporting one; found false (and no error) when the text holds no usage.
bool read_usage(sqlite3_context* ctx, sqlite3_value* value, const char* function, TokenCounts& tokens, bool& found);

}  // namespace maas

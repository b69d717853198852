// total_functions.cpp - exact totals of costs in SQL.
//
//   SELECT maas_total(maas_cost('Qwen3-8B', 230, 300)) FROM generate_series(1, 1000);  -- 1.615
//   SELECT maas_total_text(cost), maas_total_text(cost, 6) FROM usage;   -- '7.14426475', '7.144265'
//   SELECT maas_total(cost) OVER (ORDER BY at ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM usage;
//   SELECT maas_round_text(0.0025, 3);                                    -- '0.003'
//
// sum() adds REALs in binary floating point, so a thousand costs of 0.001615
// come to 1.61499999999998.  These functions take each value as the decimal
// it stands for (a REAL as its shortest round-trip decimal, what
// maas_cost's exact result printed as; an INTEGER exactly; TEXT holding a
// decimal exactly), add them exactly (exact_sum.hpp) and round once at the
// end: maas_total to the nearest REAL, maas_total_text and maas_round_text
// to decimal text, optionally rounded half away from zero.
//
// As aggregates they skip NULL values, and a sum of no values is NULL, as
// with sum(); maas_total and maas_total_text are also window functions
// (xValue, and xInverse subtracting exactly).  Conventions of every
// function: docs/conventions.md.
//
// Speed: the per-row conversion of a REAL is the fast path of
// double_to_decimal.hpp with the scale kept in the aggregate context, so a
// row costs a few ns over sum()'s.
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>

#include "decimal.hpp"
#include "double_to_decimal.hpp"
#include "exact_sum.hpp"
#include "registration.hpp"
#include "sql_args.hpp"
#include "guarded.hpp"
#include "sql_args.hpp"

namespace maas {
namespace {

constexpr int kMaxDecimals = 18;
const char* const kDecimalsWhat = "an integer from 0 to 18";
const char* const kNumberWhat = "a finite number";

// The aggregate context.  sqlite3_aggregate_context hands out zeroed
// memory, which is the empty state: nothing to construct or destroy.
struct TotalState {
    ExactSum sum;
    int64_t count;              // non-NULL values in the sum (in the frame, for a window)
    int32_t scale;              // where the fast conversion starts (double_to_decimal.hpp)
    int32_t decimals_plus_one;  // maas_total_text(x, decimals): 0 until the first row
};
static_assert(std::is_trivial<TotalState>::value, "TotalState lives in zeroed memory");

enum class Read { number, null, bad, nomem };

// x as an exact decimal.  `scale` is the fast conversion's hint.
Read read_number(sqlite3_value* value, int32_t& scale, Decimal& out) {
    switch (sqlite3_value_type(value)) {
        case SQLITE_FLOAT:
            return decimal_value_from_double(sqlite3_value_double(value), scale, out) ? Read::number : Read::bad;
        case SQLITE_INTEGER: out = Decimal::from_int(sqlite3_value_int64(value)); return Read::number;
        case SQLITE_NULL: return Read::null;
        case SQLITE_TEXT: {
            const char* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
            if (!text) return Read::nomem;
            return parse_decimal(std::string_view(text, size_t(sqlite3_value_bytes(value))), out) ? Read::number
                                                                                                  : Read::bad;
        }
        default: return Read::bad;
    }
}

// decimals: a whole number 0..18 as INTEGER, whole REAL or integer TEXT
// (the way token counts are read).  False after reporting an error.
bool read_decimals(sqlite3_context* ctx, sqlite3_value* value, const char* function, int& out) {
    int64_t n;
    if (whole_number_of(value, n) && n >= 0 && n <= kMaxDecimals) {
        out = int(n);
        return true;
    }
    report_bad_argument(ctx, {function, "decimals"}, kDecimalsWhat, value);
    return false;
}

void report(sqlite3_context* ctx, const char* function, const char* what) {
    const std::string message = std::string(function) + ": " + what;
    sqlite3_result_error(ctx, message.c_str(), int(message.size()));
}

void report_too_large(sqlite3_context* ctx, const char* function) {
    report(ctx, function, "the sum is too large to compute exactly");
}

// Adds (or, for xInverse, subtracts) argv[0]; false after reporting an error.
bool accumulate(sqlite3_context* ctx, TotalState& state, sqlite3_value* x, const char* function, bool inverse) {
    Decimal v;
    const Read read = read_number(x, state.scale, v);
    if (read == Read::null) return true;  // skipped, like sum()
    if (read == Read::nomem) {
        sqlite3_result_error_nomem(ctx);
        return false;
    }
    if (read == Read::bad) {
        report_bad_argument(ctx, {function, "x"}, kNumberWhat, x);
        return false;
    }
    if (!(inverse ? state.sum.subtract(v) : state.sum.add(v))) {
        report_too_large(ctx, function);
        return false;
    }
    state.count += inverse ? -1 : 1;
    return true;
}

// SQLite's aggregate memory is only 8-byte aligned, and an int128 needs 16
// (the compiler uses aligned SSE moves for it): ask for enough to place the
// state on the next 16-byte boundary.  The block is the same on every call,
// so the state is always found at the same place.
constexpr size_t kAlign = alignof(TotalState);
constexpr int kContextBytes = int(sizeof(TotalState) + kAlign - 1);

TotalState* aligned_state(void* memory) {
    if (!memory) return nullptr;
    const uintptr_t p = reinterpret_cast<uintptr_t>(memory);
    return reinterpret_cast<TotalState*>((p + kAlign - 1) & ~uintptr_t(kAlign - 1));
}

TotalState* state_for_step(sqlite3_context* ctx) {
    TotalState* state = aligned_state(sqlite3_aggregate_context(ctx, kContextBytes));
    if (!state) sqlite3_result_error_nomem(ctx);
    return state;
}

// The state for xFinal / xValue, or nullptr when no value was summed.
const TotalState* state_for_result(sqlite3_context* ctx) {
    const TotalState* state = aligned_state(sqlite3_aggregate_context(ctx, 0));
    return state && state->count > 0 ? state : nullptr;
}

// --- maas_total(x) ------------------------------------------------------------

constexpr const char* kTotal = "maas_total";

void total_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc != 1) return (void)check_arity(ctx, argc, kTotal, 1, 1, "(x)");  // its message; not a call per row
    TotalState* state = state_for_step(ctx);
    if (state) accumulate(ctx, *state, argv[0], kTotal, false);
}

void total_inverse(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc < 1) return;  // never: xStep refused the call
    TotalState* state = state_for_step(ctx);
    if (state) accumulate(ctx, *state, argv[0], kTotal, true);
}

void total_result(sqlite3_context* ctx) {
    const TotalState* state = state_for_result(ctx);
    if (!state) return sqlite3_result_null(ctx);
    const double value = to_double(state->sum.value());  // rounded once
    if (std::isinf(value)) return report(ctx, kTotal, "the sum is beyond the largest REAL");
    sqlite3_result_double(ctx, value);
}

// --- maas_total_text(x [, decimals]) -----------------------------------------

constexpr const char* kTotalText = "maas_total_text";

void total_text_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc != 1 && argc != 2) return (void)check_arity(ctx, argc, kTotalText, 1, 2, "(x [, decimals])");
    TotalState* state = state_for_step(ctx);
    if (!state) return;
    if (argc == 2) {
        int decimals;
        if (!read_decimals(ctx, argv[1], kTotalText, decimals)) return;
        if (state->decimals_plus_one == 0) {
            state->decimals_plus_one = decimals + 1;
        } else if (state->decimals_plus_one != decimals + 1) {
            const std::string what = "decimals must be the same in every row, got " + std::to_string(decimals) +
                                     " after " + std::to_string(state->decimals_plus_one - 1);
            return report(ctx, kTotalText, what.c_str());
        }
    }
    accumulate(ctx, *state, argv[0], kTotalText, false);
}

void total_text_inverse(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc < 1) return;
    TotalState* state = state_for_step(ctx);
    if (state) accumulate(ctx, *state, argv[0], kTotalText, true);
}

void result_text(sqlite3_context* ctx, const std::string& text) {
    sqlite3_result_text(ctx, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

// Plain text of the exact value, or rounded to `decimals` places (-1: not).
std::string decimal_text(const Decimal& value, int decimals) {
    return decimals < 0 ? to_string(normalized(value)) : to_fixed_string(value, decimals);
}

void total_text_result(sqlite3_context* ctx) {
    const TotalState* state = state_for_result(ctx);
    if (!state) return sqlite3_result_null(ctx);
    result_text(ctx, decimal_text(state->sum.value(), state->decimals_plus_one - 1));
}

// --- maas_round_text(x [, decimals]) -----------------------------------------

constexpr const char* kRoundText = "maas_round_text";

void round_text(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (!check_arity(ctx, argc, kRoundText, 1, 2, "(x [, decimals])")) return;
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    int decimals = -1;
    if (argc == 2 && !read_decimals(ctx, argv[1], kRoundText, decimals)) return;
    int32_t scale = 8;  // the finest scale of the built-in prices' costs
    Decimal v;
    switch (read_number(argv[0], scale, v)) {
        case Read::number: return result_text(ctx, decimal_text(v, decimals));
        case Read::null: return sqlite3_result_null(ctx);
        case Read::nomem: return sqlite3_result_error_nomem(ctx);
        case Read::bad: return report_bad_argument(ctx, {kRoundText, "x"}, kNumberWhat, argv[0]);
    }
}

constexpr FunctionSpec kTotals[] = {
    {kTotal, kPure, true, nullptr, guarded<total_step>, guarded_final<total_result>, guarded_final<total_result>,
     guarded<total_inverse>},
    {kTotalText, kPure, true, nullptr, guarded<total_text_step>, guarded_final<total_text_result>,
     guarded_final<total_text_result>, guarded<total_text_inverse>},
    {kRoundText, kPure, true, guarded<round_text>},
};

}  // namespace

FunctionList total_functions() { return {kTotals, sizeof kTotals / sizeof kTotals[0]}; }

}  // namespace maas

// time_functions.cpp - the month of an instant in a zone, for reports that
// bill by calendar month where the provider bills (Beijing time).
//
//   SELECT maas_month(1754006399);                       -- '2025-07' (UTC)
//   SELECT maas_month(1754006399, '+08:00');             -- '2025-08'
//   SELECT maas_month('2025-07-31T20:00:00-05:00', 'Z'); -- '2025-08'
//   SELECT maas_month(created_at, @tz), count(*) FROM logs GROUP BY 1;
//
// `at` is read like every `at` (TEXT in the forms of SQLite's date
// functions, with or without an offset; unix seconds as INTEGER or TEXT
// digits), except 'now': the function is deterministic, and 'now' is not.
// `tz` is a fixed offset ('+08:00', '-0500', '+08', 'Z'; time_text.hpp),
// '+00:00' when absent.  The time rules live in core/time_text.*; this file
// only reads the arguments.
#include "function_support.hpp"
#include "time_text.hpp"

#include <string>

namespace maas {
namespace {

void maas_month(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_month";
    if (!begin_call(ctx, argc, argv, kName, 1, 2, "(at [, tz])")) return;
    if (sqlite3_value_type(argv[0]) == SQLITE_TEXT &&
        std::string_view(reinterpret_cast<const char*>(sqlite3_value_text(argv[0])),
                         size_t(sqlite3_value_bytes(argv[0]))) == "now") {
        report_bad_argument(ctx, {kName, "at"},
                            "a fixed time (maas_month is deterministic; for this month write "
                            "maas_month(strftime('%s', 'now')))",
                            argv[0]);
        return;
    }
    int64_t unix_ms;
    if (!read_instant(ctx, argv[0], {kName, "at"}, unix_ms)) return;
    int offset_minutes = 0;
    if (argc > 1) {
        const bool text = sqlite3_value_type(argv[1]) == SQLITE_TEXT;
        const std::string_view tz = text ? std::string_view(reinterpret_cast<const char*>(sqlite3_value_text(argv[1])),
                                                            size_t(sqlite3_value_bytes(argv[1])))
                                         : std::string_view();
        if (!text || !parse_utc_offset(tz, offset_minutes)) {
            report_bad_argument(ctx, {kName, "tz"}, "a UTC offset such as '+08:00', '-05:00', '+0800', '+08' or 'Z'",
                                argv[1]);
            return;
        }
    }
    std::string month;
    if (!format_month(unix_ms, offset_minutes, month)) {
        report_bad_argument(ctx, {kName, "at"}, "a time whose local date in tz is in the years 0000 to 9999", argv[0]);
        return;
    }
    sqlite3_result_text(ctx, month.data(), int(month.size()), SQLITE_TRANSIENT);
}

constexpr FunctionSpec kTimeFunctions[] = {
    {"maas_month", kPure, true, guarded<maas_month>},
};

}  // namespace

FunctionList time_functions() { return {kTimeFunctions, sizeof kTimeFunctions / sizeof kTimeFunctions[0]}; }

}  // namespace maas

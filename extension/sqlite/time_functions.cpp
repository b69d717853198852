// time_functions.cpp - the month of an instant in a zone, for reports that
// bill by calendar month where the provider bills (Beijing time); and an
// instant as the tools store it, written as one UTC text form.
//
//   SELECT maas_instant('2026-03-01 12:00:00.5+08');    -- '2026-03-01 04:00:00.500'
//   SELECT maas_instant(1754006399);                     -- '2025-07-31 23:59:59'
//   SELECT maas_instant(1754006399123, 'ms');            -- '2025-07-31 23:59:59.123'
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
#include "guarded.hpp"
#include "sql_args.hpp"
#include "time_text.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

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

// How many of a count's units make a second, for maas_instant's `unit`.
struct EpochUnit {
    const char* name;
    int64_t per_second;
};
constexpr EpochUnit kEpochUnits[] = {{"s", 1}, {"ms", 1000}, {"us", 1000000}, {"ns", 1000000000}};

// A TEXT value's bytes; false when converting it (from UTF-16) ran out of memory.
bool text_of(sqlite3_value* value, std::string_view& text) {
    const char* bytes = reinterpret_cast<const char*>(sqlite3_value_text(value));
    if (!bytes) return false;
    text = std::string_view(bytes, size_t(sqlite3_value_bytes(value)));
    return true;
}

// A whole count written as TEXT: an optional '-' and at most 19 digits that
// fit in 64 bits (unix nanoseconds of today have 19).
bool count_of_text(std::string_view text, int64_t& count) {
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    if (text.empty() || text.size() > 19) return false;
    uint64_t magnitude = 0;  // below 10^19 < 2^64: no overflow
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        magnitude = magnitude * 10 + uint64_t(c - '0');
    }
    if (magnitude > uint64_t(INT64_MAX) + (negative ? 1 : 0)) return false;
    count = negative ? -int64_t(magnitude - 1) - 1 : int64_t(magnitude);
    return true;
}

// What a stored value holds.
enum class Held { instant, no_time, out_of_memory };

// The instant a stored value holds.  A whole count (INTEGER or TEXT digits)
// is in `unit` since 1970, floored to milliseconds; a REAL is rounded to the
// nearest ms (halves away from zero); other TEXT is any date form `at` reads.
Held instant_of(sqlite3_value* value, const EpochUnit& unit, int64_t& unix_ms) {
    int64_t count;
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER: count = sqlite3_value_int64(value); break;
        case SQLITE_TEXT: {
            std::string_view text;
            if (!text_of(value, text)) return Held::out_of_memory;
            if (parse_time(text, unix_ms)) return Held::instant;
            if (!count_of_text(text, count)) return Held::no_time;
            break;
        }
        case SQLITE_FLOAT: {
            // Rounded before the range check, so that the last ms of 9999 cannot round into year 10000.
            const double ms = std::round(sqlite3_value_double(value) * (1000.0 / double(unit.per_second)));
            if (!(ms >= double(kFirstInstantMs) && ms < double(kAfterLastInstantMs))) return Held::no_time;
            unix_ms = int64_t(ms);
            return Held::instant;
        }
        default: return Held::no_time;
    }
    if (unit.per_second == 1) return instant_from_unix_seconds(count, unix_ms) ? Held::instant : Held::no_time;
    const int64_t per_ms = unit.per_second / 1000;
    unix_ms = count / per_ms - (count % per_ms < 0 ? 1 : 0);  // floor, for instants before 1970
    return instant_in_range(unix_ms) ? Held::instant : Held::no_time;
}

// maas_instant(value [, unit]): the instant as 'YYYY-MM-DD HH:MM:SS[.SSS]'
// UTC, or NULL when the value is not a time (as SQLite's datetime() does:
// it cleans stored data, where a bad time is a fact to report, not an error).
void maas_instant(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_instant";
    if (!begin_call(ctx, argc, argv, kName, 1, 2, "(value [, unit])")) return;
    const EpochUnit* unit = &kEpochUnits[0];
    if (argc > 1) {
        unit = nullptr;
        if (sqlite3_value_type(argv[1]) == SQLITE_TEXT) {
            std::string_view name;
            if (!text_of(argv[1], name)) return sqlite3_result_error_nomem(ctx);
            for (const EpochUnit& u : kEpochUnits)
                if (name == u.name) unit = &u;
        }
        if (!unit) return report_bad_argument(ctx, {kName, "unit"}, "'s', 'ms', 'us' or 'ns'", argv[1]);
    }
    int64_t unix_ms;
    switch (instant_of(argv[0], *unit, unix_ms)) {
        case Held::instant: break;
        case Held::no_time: return sqlite3_result_null(ctx);
        case Held::out_of_memory: return sqlite3_result_error_nomem(ctx);
    }
    const std::string text = format_time(unix_ms);
    sqlite3_result_text(ctx, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

constexpr FunctionSpec kTimeFunctions[] = {
    {"maas_month", kPure, true, guarded<maas_month>},
    {"maas_instant", kPure, true, guarded<maas_instant>},
};

}  // namespace

FunctionList time_functions() { return {kTimeFunctions, sizeof kTimeFunctions / sizeof kTimeFunctions[0]}; }

}  // namespace maas

// time_text.hpp - instants as text, the way SQLite's date functions write them.
//
// Effective times and the optional `at` argument are instants.  They are held
// as milliseconds since 1970-01-01 00:00:00 UTC and shown in the text form of
// SQLite's datetime() ("YYYY-MM-DD HH:MM:SS", UTC), so that
// `effective_from <= datetime(created_at, 'unixepoch')` compares correctly.
//
//   int64_t ms;
//   maas::parse_time("2025-07-08T13:25:00+08:00", ms);   // true
//   maas::format_time(ms);                               // "2025-07-08 05:25:00"
//   int offset;
//   maas::parse_utc_offset("+08:00", offset);            // true, 480
//   std::string month;
//   maas::format_month(ms, offset, month);               // true, "2025-07"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace maas {

// Accepts the date/time forms of SQLite's date functions:
//   YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DD HH:MM:SS, YYYY-MM-DD HH:MM:SS.SSS
// with ' ' or 'T' between date and time, optionally followed by 'Z' or a
// [+-]HH:MM offset (also [+-]HHMM and [+-]HH, as PostgreSQL prints them; the
// time is then local to that offset).  No offset means UTC, as in SQLite.
// Impossible dates (2025-02-30) are rejected.
bool parse_time(std::string_view text, int64_t& unix_ms);

// The one range of valid instants, for TEXT times, unix seconds and the
// user's tables alike: years 0000-9999 in UTC, the years the text form can
// show.  [kFirstInstantMs, kAfterLastInstantMs) in unix ms.
constexpr int64_t kFirstInstantMs = -62167219200000;      // 0000-01-01 00:00:00
constexpr int64_t kAfterLastInstantMs = 253402300800000;  // 10000-01-01 00:00:00
constexpr bool instant_in_range(int64_t unix_ms) { return unix_ms >= kFirstInstantMs && unix_ms < kAfterLastInstantMs; }

// Unix seconds as an instant, when it falls in the valid range.  Inline:
// maas_cost's `at` reads one per row.
inline bool instant_from_unix_seconds(int64_t seconds, int64_t& unix_ms) {
    // Checked before multiplying, so that no value overflows.
    if (seconds < kFirstInstantMs / 1000 || seconds >= kAfterLastInstantMs / 1000) return false;
    unix_ms = seconds * 1000;
    return true;
}

// "Digits mean unix seconds": TEXT of an optional '-' and decimal digits
// alone (as a CSV import or a TEXT column leaves an integer) is unix seconds.
// No date form is digits alone, so nothing is ambiguous.  False for any
// other text, or seconds outside the valid range.
bool instant_from_seconds_text(std::string_view text, int64_t& unix_ms);

// "YYYY-MM-DD HH:MM:SS" in UTC, with ".SSS" only when there are milliseconds.
std::string format_time(int64_t unix_ms);

// The widest zone offset accepted, in minutes either way (UTC+14:00, Kiribati).
constexpr int kMaxOffsetMinutes = 14 * 60;

// A zone as a fixed offset from UTC: 'Z', or [+-]HH:MM, [+-]HHMM, [+-]HH (the
// offsets parse_time reads after a time), at most 14:00 either way.  Minutes
// east of UTC: '+08:00' is 480, '-05:00' is -300.  No names ('Asia/Shanghai'):
// a name's offset changes with daylight saving, and the rules are not here.
bool parse_utc_offset(std::string_view text, int& offset_minutes);

// "YYYY-MM", the month of the instant on the wall clock of that offset: the
// instant 2025-07-31 16:00:00 UTC is in "2025-08" at +08:00.  False when the
// instant or the offset is out of range, or the local time falls outside
// years 0000-9999.
bool format_month(int64_t unix_ms, int offset_minutes, std::string& month);

// True for a whole number of 13 digits or more that is not unix seconds in
// the valid range but is once divided by 1000: unix milliseconds, most
// likely (1751952300000).  Numbers just past the range of seconds are not.
bool looks_like_unix_ms(int64_t value);

}  // namespace maas

// condition.hpp - when a card line applies: the condition grammar of a
// conditional price, parsed once and then checked per call without allocation.
//
// A condition is clauses joined by " and "; the empty text always holds (0 clauses).
//   input > 32k                   the call's counts: `input` (every input token, cached
//   output <= 16000               and cache-write ones included), `output`,
//   cached_input >= 1m            `cached_input`, `cache_write`; > >= < <=
//   time in 00:30-08:30 @+08:00   the time of day of `at` at that UTC offset
//   weekday in sat,sun @+08:00    the weekday of `at` there (mon..sun)
//   day is holiday @+08:00        the local date of `at` in the Calendar
//   day is workday @+08:00        (a make-up working Saturday, or Mon-Fri not a holiday)
//   variant = batch               the call's variant (batch, flex, priority, thinking, ...)
//
//   maas::Condition peak;
//   std::string error;
//   maas::parse_condition("day is workday @+08:00 and time in 09:00-12:00 @+08:00", peak, error);  // true
//   int64_t at = 1788228000000;   // 2026-09-01 10:00 +08:00, a Tuesday
//   maas::CallFacts call;
//   call.at = &at;
//   peak.holds(call);             // true; at 13:00 false
//   peak.clause_count();          // 2: the line with most clauses wins among those that hold
//   peak.text();                  // "day is workday @+08:00 and time in 09:00-12:00 @+08:00"
//   maas::parse_condition("imput > 32k", peak, error);   // false, error:
//     clause 1 'imput > 32k': expected input, output, cached_input or cache_write, time, weekday, day or variant
//
// Syntax, strictly (so that one meaning has one spelling, and `text()` is canonical):
// - words are separated by exactly one space, clauses by " and "; no leading,
//   trailing or double space, no tab.  Keywords, weekday names, the k/m
//   suffix and the offset's Z are case-insensitive; text() writes lower case.
// - a number is digits (no leading zero), an optional fraction, an optional
//   k (x 1,000) or m (x 1,000,000): 32k, 1.5m, 16000.  The product must be a
//   whole number of tokens (1.5k yes, 1.0005k no) and at most 10^18.
// - times are HH:MM, 00:00 to 23:59; a window start-end holds from its start
//   (inside) to its end (outside) and wraps midnight when end < start
//   (22:00-06:00); start == end is an error.
// - an offset is '@' and what maas::parse_utc_offset accepts (Z, +08:00,
//   +0800, +08), required on every clock clause; text() writes +HH:MM.
// - weekdays: mon,tue,wed,thu,fri,sat,sun, comma-separated, no duplicates.
// - a variant name: 1 to 64 letters, digits, '_' and '-' (not "and"),
//   compared case-insensitively, kept lower-case.
// - each kind appears once (one time, weekday, day and variant clause); a
//   count takes at most one lower bound (> >=) and one upper bound (< <=),
//   which make a band: `input > 32k and input <= 128k`; a band that no count
//   can meet is an error.
// Errors name the clause and say what was expected (examples in tests/core/test_condition.cpp).
//
// Meaning when a fact is missing: without `at` (nullptr), or with one outside
// years 0000-9999, no time, weekday or day clause holds; without a calendar,
// `day is holiday` never holds and `day is workday` holds Monday to Friday; a
// call without a variant ("") does not meet `variant = x`.
//
// The calendar is the user table maas_user_calendar (date 'YYYY-MM-DD', kind
// 'holiday' or 'workday', source), read by the SQLite layer a row at a time
// with check_calendar_row into a Calendar.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "time_text.hpp"

namespace maas {

enum class DayMark : uint8_t { none, holiday, workday };

// One row of maas_user_calendar: a local date (days since 1970-01-01) and its mark.
struct CalendarMark {
    int64_t day = 0;
    DayMark mark = DayMark::none;
};

// Checks one row; on failure names the column at fault and says why:
// date "'2026-02-30' is not a date YYYY-MM-DD", kind "expected 'holiday' or 'workday', got 'x'".
bool check_calendar_row(std::string_view date, std::string_view kind, CalendarMark& out, std::string& column,
                        std::string& message);

// Dates marked holiday or workday; unmarked dates are DayMark::none.
class Calendar {
public:
    // False (and unchanged) when the day is already marked the other way,
    // or for DayMark::none; marking a day twice the same way is no change.
    bool add(const CalendarMark& mark);
    DayMark mark_of(int64_t day) const;
    size_t size() const { return marks_.size(); }

private:
    std::vector<std::pair<int64_t, DayMark>> marks_;  // ascending day: binary search, no allocation
};

// What a condition is checked against.
struct CallFacts {
    int64_t input = 0;  // every input token, cached and cache-write ones included
    int64_t output = 0;
    int64_t cached_input = 0;
    int64_t cache_write = 0;
    const int64_t* at = nullptr;         // unix ms; nullptr: no time known
    std::string_view variant;            // "": none
    const Calendar* calendar = nullptr;  // nullptr: no dates marked

    // The local day (days since 1970-01-01) of *at at a UTC offset, and
    // the minute of that day.  The conditions of one call mostly share one
    // offset: the last one asked is remembered.
    int64_t local_day(int offset_minutes, int& minute) const {
        if (offset_minutes != memo_offset_) remember_local_day(offset_minutes);
        minute = memo_minute_;
        return memo_day_;
    }

private:
    void remember_local_day(int offset_minutes) const;
    mutable int memo_offset_ = INT32_MIN;
    mutable int memo_minute_ = 0;
    mutable int64_t memo_day_ = 0;
};

class ConditionSyntax;  // condition.cpp: reads and writes clauses

class Condition {
public:
    int clause_count() const { return clause_count_; }
    // Inline for the bands of input and output and a time of day, what
    // most conditions are (context tiers, off-peak hours).
    bool holds(const CallFacts& call) const {
        if (call.input < min_[0] || call.input > max_[0] || call.output < min_[1] || call.output > max_[1])
            return false;
        if (!beyond_bands_) return true;
        if (!time_only_) return holds_beyond_bands(call);
        if (!call.at || !instant_in_range(*call.at)) return false;
        int minute;
        call.local_day(time_.offset_minutes, minute);
        return time_.start < time_.end ? minute >= time_.start && minute < time_.end
                                       : minute >= time_.start || minute < time_.end;
    }
    bool uses_time() const { return time_.set || weekdays_.set || day_.set; }
    bool uses_calendar() const { return day_.set; }
    // The canonical text (for maas_rates): clauses in a fixed order (counts
    // input, output, cached_input, cache_write, lower bound first; day;
    // weekday; time; variant), numbers with k or m when whole thousands or
    // millions.  It parses back to an equal Condition.
    std::string text() const;
    bool operator==(const Condition& other) const;
    bool operator!=(const Condition& other) const { return !(*this == other); }

private:
    friend class ConditionSyntax;
    enum class Compare : uint8_t { none, greater, greater_equal, less, less_equal };
    struct Bound {
        Compare op = Compare::none;
        int64_t number = 0;
    };
    struct Clock {  // what a time, weekday or day clause shares
        bool set = false;
        int offset_minutes = 0;
    };
    struct TimeClause : Clock {
        int start = 0, end = 0;  // minutes of the day
    };
    struct WeekdayClause : Clock {
        uint8_t days = 0;  // bit 0 Monday .. bit 6 Sunday
    };
    struct DayClause : Clock {
        DayMark kind = DayMark::none;
    };
    static constexpr int kCounts = 4;  // input, output, cached_input, cache_write
    bool holds_beyond_bands(const CallFacts& call) const;
    bool clock_clauses_hold(const CallFacts& call) const;

    int clause_count_ = 0;
    Bound lower_[kCounts], upper_[kCounts];                                // as written, for text()
    int64_t min_[kCounts] = {INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN};  // inclusive band, for holds()
    int64_t max_[kCounts] = {INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX};
    TimeClause time_;
    WeekdayClause weekdays_;
    DayClause day_;
    std::string variant_;  // lower-case; "" when no variant clause
    // A clause beyond the bands of input and output (cached_input,
    // cache_write, a clock clause, a variant); of those, a time of day
    // alone: set once parsed.
    bool beyond_bands_ = false;
    bool time_only_ = false;
};

// A variant's name as a condition and a call give it: 1 to 64 letters,
// digits, '_' and '-'.
bool is_variant_name(std::string_view name);

// Parses text into out; false with error (out unchanged) when it does not parse.
bool parse_condition(std::string_view text, Condition& out, std::string& error);

}  // namespace maas

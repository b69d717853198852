// Unit tests of condition.hpp: the condition grammar, its canonical text,
// every error form, and what holds for a call (bands, windows, weekdays,
// holidays and workdays, variants).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "condition.hpp"
#include "time_text.hpp"

using maas::Calendar;
using maas::CallFacts;
using maas::Condition;
using maas::DayMark;

namespace {

Condition parsed(const std::string& text) {
    Condition c;
    std::string error;
    INFO("condition: '" << text << "'");
    REQUIRE(maas::parse_condition(text, c, error));
    CHECK(error.empty());
    return c;
}

std::string error_of(const std::string& text) {
    Condition c;
    std::string error;
    INFO("condition: '" << text << "'");
    CHECK_FALSE(maas::parse_condition(text, c, error));
    return error;
}

int64_t instant(const std::string& text) {
    int64_t ms = 0;
    INFO("time: '" << text << "'");
    REQUIRE(maas::parse_time(text, ms));
    return ms;
}

// Whether the condition holds for a call at that time (no counts, no variant).
bool holds_at(const Condition& c, const std::string& time, const Calendar* calendar = nullptr) {
    const int64_t at = instant(time);
    CallFacts call;
    call.at = &at;
    call.calendar = calendar;
    return c.holds(call);
}

bool holds_for_input(const Condition& c, int64_t input) {
    CallFacts call;
    call.input = input;
    return c.holds(call);
}

// Marks of the tests' own (not a claim about the official 2026 calendar):
// 2026-10-01 (a Thursday) a holiday, 2026-10-10 (a Saturday) a make-up workday.
Calendar test_calendar() {
    Calendar calendar;
    maas::CalendarMark mark;
    std::string column, message;
    REQUIRE(maas::check_calendar_row("2026-10-01", "holiday", mark, column, message));
    REQUIRE(calendar.add(mark));
    REQUIRE(maas::check_calendar_row("2026-10-10", "workday", mark, column, message));
    REQUIRE(calendar.add(mark));
    return calendar;
}

}  // namespace

TEST_CASE("the empty condition always holds and has no clauses", "[condition]") {
    const Condition c = parsed("");
    CHECK(c.clause_count() == 0);
    CHECK(c.text() == "");
    CHECK_FALSE(c.uses_time());
    CHECK_FALSE(c.uses_calendar());
    CallFacts call;
    call.input = 123456789;
    call.variant = "batch";
    CHECK(c.holds(call));
}

TEST_CASE("conditions are written back in one canonical text that parses to the same condition", "[condition]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"input > 32k", "input > 32k"},
        {"INPUT >= 32000", "input >= 32k"},
        {"output <= 16000", "output <= 16k"},
        {"cached_input >= 1m", "cached_input >= 1m"},
        {"cache_write < 1.5M", "cache_write < 1500k"},
        {"input > 1.5k", "input > 1500"},
        {"input > 0.5k", "input > 500"},
        {"input > 1.000000k", "input > 1k"},
        {"input > 2.0", "input > 2"},
        {"input >= 0", "input >= 0"},
        {"input > 1000000000000m", "input > 1000000000000m"},
        {"time in 00:30-08:30 @+08", "time in 00:30-08:30 @+08:00"},
        {"Time IN 22:00-06:00 @z", "time in 22:00-06:00 @+00:00"},
        {"weekday in SUN,sat @+0800", "weekday in sat,sun @+08:00"},
        {"weekday in mon,tue,wed,thu,fri,sat,sun @-14:00", "weekday in mon,tue,wed,thu,fri,sat,sun @-14:00"},
        {"day is holiday @-05:30", "day is holiday @-05:30"},
        {"DAY IS WORKDAY @+08:00", "day is workday @+08:00"},
        {"variant = Batch", "variant = batch"},
        {"variant = my_tier-2", "variant = my_tier-2"},
        {"input <= 128k and input > 32k", "input > 32k and input <= 128k"},
        {"variant = flex AND time in 09:00-12:00 @+08:00 and day is workday @+08:00 and output > 1k and input > 2k",
         "input > 2k and output > 1k and day is workday @+08:00 and time in 09:00-12:00 @+08:00 and variant = flex"},
    };
    for (const auto& [text, canonical] : cases) {
        INFO("condition: '" << text << "'");
        const Condition c = parsed(text);
        CHECK(c.text() == canonical);
        const Condition again = parsed(c.text());
        CHECK(again == c);
        CHECK(again.text() == canonical);
    }
    CHECK(parsed("input > 32k").clause_count() == 1);
    CHECK(parsed("input > 32k and input <= 128k").clause_count() == 2);
    CHECK(parsed("variant = flex and time in 09:00-12:00 @+08:00 and day is workday @+08:00 and output > 1k")
              .clause_count() == 4);
}

TEST_CASE("equal conditions compare equal; different spellings of one band do not", "[condition]") {
    CHECK(parsed("input > 32000") == parsed("input > 32k"));
    CHECK(parsed("time in 09:00-12:00 @Z") == parsed("time in 09:00-12:00 @+00:00"));
    CHECK(parsed("input > 32k") != parsed("input >= 32001"));
    CHECK(parsed("time in 09:00-12:00 @Z") != parsed("time in 09:00-12:00 @+01:00"));
    CHECK(parsed("weekday in sat @Z") != parsed("weekday in sun @Z"));
    CHECK(parsed("variant = a") != parsed("variant = b"));
    CHECK(parsed("day is holiday @Z") != parsed("day is workday @Z"));
}

TEST_CASE("every error names the clause and says what was expected", "[condition]") {
    const std::string kinds = "expected input, output, cached_input or cache_write, time, weekday, day or variant";
    const std::string spaces = "expected one space between words (no leading, trailing or double space)";
    const std::string number = "expected a number such as 32k, 1.5m or 16000, got ";
    const std::string offset = "expected a UTC offset @Z, @+08:00, @+0800 or @+08 (at most 14:00 either way), got ";
    const std::string bounds = ": a count takes one > or >= and one < or <=";
    const std::string weekdays = "expected weekdays mon, tue, wed, thu, fri, sat, sun separated by commas, got ";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"imput > 32k", "clause 1 'imput > 32k': " + kinds},
        {"input > 1 and imput > 32k", "clause 2 'imput > 32k': " + kinds},
        {"input > 1 and ", "clause 2 '': " + kinds},
        {"and input > 1", "clause 1 'and input > 1': " + kinds},
        {" input > 1", "clause 1 ' input > 1': " + spaces},
        {"input > 1 ", "clause 1 'input > 1 ': " + spaces},
        {"input  > 1", "clause 1 'input  > 1': " + spaces},
        {"input > 1 and  output > 1", "clause 2 ' output > 1': " + spaces},
        {"input\t> 1", "clause 1 'input?> 1': " + kinds},  // a control character shown as '?'
        {"input = 1", "clause 1 'input = 1': expected >, >=, < or <= after 'input', got '='"},
        {"output", "clause 1 'output': expected >, >=, < or <= after 'output', got nothing"},
        {"input >", "clause 1 'input >': " + number + "nothing"},
        {"input > 3x", "clause 1 'input > 3x': " + number + "'3x'"},
        {"input > 032k", "clause 1 'input > 032k': " + number + "'032k'"},
        {"input > -1", "clause 1 'input > -1': " + number + "'-1'"},
        {"input > .5k", "clause 1 'input > .5k': " + number + "'.5k'"},
        {"input > 1.k", "clause 1 'input > 1.k': " + number + "'1.k'"},
        {"input > 1e3", "clause 1 'input > 1e3': " + number + "'1e3'"},
        {"input > 1.0005k", "clause 1 'input > 1.0005k': '1.0005k' is not a whole number of tokens"},
        {"input > 1.5", "clause 1 'input > 1.5': '1.5' is not a whole number of tokens"},
        {"input > 1000000000001m", "clause 1 'input > 1000000000001m': '1000000000001m' is more than 10^18 tokens"},
        {"input > 1000000000000000001",
         "clause 1 'input > 1000000000000000001': '1000000000000000001' is more than 10^18 tokens"},
        {"input > 1k 2", "clause 1 'input > 1k 2': unexpected '2' after 'input > 1k'"},
        {"input > 1 and", "clause 1 'input > 1 and': unexpected 'and' after 'input > 1'"},
        {"input > 1 and input >= 2",
         "clause 2 'input >= 2': a second lower bound on input (after 'input > 1')" + bounds},
        {"output < 9 and output <= 2k",
         "clause 2 'output <= 2k': a second upper bound on output (after 'output < 9')" + bounds},
        {"input > 128k and input <= 32k", "clause 2 'input <= 32k': never holds together with 'input > 128k'"},
        {"input < 6 and input > 5", "clause 2 'input > 5': never holds together with 'input < 6'"},
        {"cache_write < 0", "clause 1 'cache_write < 0': never holds: counts are not negative"},
        {"time at 09:00-10:00 @Z", "clause 1 'time at 09:00-10:00 @Z': expected 'in' after 'time', got 'at'"},
        {"time", "clause 1 'time': expected 'in' after 'time', got nothing"},
        {"time in 9:00-10:00 @Z",
         "clause 1 'time in 9:00-10:00 @Z': expected a window HH:MM-HH:MM (00:00 to 23:59), got '9:00-10:00'"},
        {"time in 09:00-24:00 @Z",
         "clause 1 'time in 09:00-24:00 @Z': expected a window HH:MM-HH:MM (00:00 to 23:59), got '09:00-24:00'"},
        {"time in 09:60-10:00 @Z",
         "clause 1 'time in 09:60-10:00 @Z': expected a window HH:MM-HH:MM (00:00 to 23:59), got '09:60-10:00'"},
        {"time in 09:00-09:00 @Z",
         "clause 1 'time in 09:00-09:00 @Z': the window '09:00-09:00' is empty: its start and end must differ"},
        {"time in 09:00-10:00", "clause 1 'time in 09:00-10:00': " + offset + "nothing"},
        {"time in 09:00-10:00 +08:00", "clause 1 'time in 09:00-10:00 +08:00': " + offset + "'+08:00'"},
        {"time in 09:00-10:00 @+15:00", "clause 1 'time in 09:00-10:00 @+15:00': " + offset + "'@+15:00'"},
        {"time in 09:00-10:00 @ +08:00", "clause 1 'time in 09:00-10:00 @ +08:00': " + offset + "'@'"},
        {"time in 09:00-10:00 @Z x",
         "clause 1 'time in 09:00-10:00 @Z x': unexpected 'x' after 'time in 09:00-10:00 @Z'"},
        {"time in 01:00-02:00 @Z and time in 03:00-04:00 @Z",
         "clause 2 'time in 03:00-04:00 @Z': a second time clause: a condition takes one"},
        {"weekday in sat,sun,sat @Z", "clause 1 'weekday in sat,sun,sat @Z': 'sat' appears twice in 'sat,sun,sat'"},
        {"weekday in sat, sun @Z", "clause 1 'weekday in sat, sun @Z': " + weekdays + "'sat,'"},
        {"weekday in saturday @Z", "clause 1 'weekday in saturday @Z': " + weekdays + "'saturday'"},
        {"weekday is sat @Z", "clause 1 'weekday is sat @Z': expected 'in' after 'weekday', got 'is'"},
        {"weekday in sat @Z and weekday in sun @Z",
         "clause 2 'weekday in sun @Z': a second weekday clause: a condition takes one"},
        {"day is weekend @Z", "clause 1 'day is weekend @Z': expected holiday or workday, got 'weekend'"},
        {"day holiday @Z", "clause 1 'day holiday @Z': expected 'is' after 'day', got 'holiday'"},
        {"day is holiday", "clause 1 'day is holiday': " + offset + "nothing"},
        {"day is holiday @Z and day is workday @Z",
         "clause 2 'day is workday @Z': a second day clause: a condition takes one"},
        {"variant batch", "clause 1 'variant batch': expected '=' after 'variant', got 'batch'"},
        {"variant = a.b",
         "clause 1 'variant = a.b': expected a name of 1 to 64 letters, digits, '_' or '-', got 'a.b'"},
        {"variant =", "clause 1 'variant =': expected a name of 1 to 64 letters, digits, '_' or '-', got nothing"},
        {"variant = AND", "clause 1 'variant = AND': 'and' joins clauses; it cannot be a variant name"},
        {"variant = a b", "clause 1 'variant = a b': unexpected 'b' after 'variant = a'"},
        {"variant = a and variant = b", "clause 2 'variant = b': a second variant clause: a condition takes one"},
        {"imput\xff > 1", "clause 1 'imput? > 1': " + kinds},
        {std::string(100, 'x'), "clause 1 '" + std::string(80, 'x') + "...': " + kinds},
    };
    for (const auto& [text, message] : cases) CHECK(error_of(text) == message);
    const std::string long_name(65, 'v');
    CHECK(error_of("variant = " + long_name) == "clause 1 'variant = " + long_name +
                                                    "': expected a name of 1 to 64 letters, digits, '_' or '-', got '" +
                                                    long_name + "'");
    CHECK(parsed("variant = " + std::string(64, 'v')).text() == "variant = " + std::string(64, 'v'));
}

TEST_CASE("a condition that does not parse leaves the output as it was", "[condition]") {
    Condition c = parsed("input > 1k");
    std::string error;
    CHECK_FALSE(maas::parse_condition("input > 1k and imput > 2", c, error));
    CHECK(c.text() == "input > 1k");
    CHECK(c.clause_count() == 1);
}

TEST_CASE("count bands: > excludes its number, >= includes it, a band has both ends", "[condition]") {
    const Condition over = parsed("input > 32k");
    CHECK_FALSE(holds_for_input(over, 32000));
    CHECK(holds_for_input(over, 32001));
    // Bailian's middle band: 32K < T <= 128K, and its own example of 100K.
    const Condition middle = parsed("input > 32k and input <= 128k");
    CHECK_FALSE(holds_for_input(middle, 32000));
    CHECK(holds_for_input(middle, 32001));
    CHECK(holds_for_input(middle, 100000));
    CHECK(holds_for_input(middle, 128000));
    CHECK_FALSE(holds_for_input(middle, 128001));
    const Condition first = parsed("input <= 32k");
    CHECK(holds_for_input(first, 32000));
    CHECK(holds_for_input(first, 0));
    CHECK_FALSE(holds_for_input(first, 32001));
    const Condition million = parsed("input >= 1m");
    CHECK_FALSE(holds_for_input(million, 999999));
    CHECK(holds_for_input(million, 1000000));
    const Condition below = parsed("input < 1.5k");
    CHECK(holds_for_input(below, 1499));
    CHECK_FALSE(holds_for_input(below, 1500));
    const Condition point = parsed("input >= 5 and input <= 5");
    CHECK(holds_for_input(point, 5));
    CHECK_FALSE(holds_for_input(point, 4));
    CHECK_FALSE(holds_for_input(point, 6));
}

TEST_CASE("each count clause reads its own count of the call", "[condition]") {
    CallFacts call;
    call.input = 100;
    call.output = 20;
    call.cached_input = 10;
    call.cache_write = 5;
    CHECK(parsed("cached_input >= 10").holds(call));
    CHECK_FALSE(parsed("cached_input > 10").holds(call));
    CHECK(parsed("cache_write < 6").holds(call));
    CHECK_FALSE(parsed("cache_write < 5").holds(call));
    CHECK(parsed("output <= 20").holds(call));
    CHECK_FALSE(parsed("output < 20").holds(call));
    CHECK(parsed("input >= 100 and output > 19 and cached_input <= 10 and cache_write >= 5").holds(call));
    CHECK_FALSE(parsed("input > 100 and output > 19").holds(call));
}

TEST_CASE("time windows: start inside, end outside, wrapping midnight", "[condition]") {
    const Condition night = parsed("time in 00:30-08:30 @+08:00");
    CHECK_FALSE(holds_at(night, "2026-09-01T00:29:59.999+08:00"));
    CHECK(holds_at(night, "2026-09-01T00:30:00+08:00"));
    CHECK(holds_at(night, "2026-09-01T08:29:59.999+08:00"));
    CHECK_FALSE(holds_at(night, "2026-09-01T08:30:00+08:00"));
    CHECK(holds_at(night, "2026-08-31T16:30:00Z"));  // 00:30 in Beijing
    CHECK_FALSE(holds_at(night, "2026-09-01T00:30:00Z"));

    const Condition wrap = parsed("time in 22:00-06:00 @+08:00");
    CHECK_FALSE(holds_at(wrap, "2026-09-01T21:59:59+08:00"));
    CHECK(holds_at(wrap, "2026-09-01T22:00:00+08:00"));
    CHECK(holds_at(wrap, "2026-09-01T23:59:59+08:00"));
    CHECK(holds_at(wrap, "2026-09-02T00:00:00+08:00"));
    CHECK(holds_at(wrap, "2026-09-02T05:59:59+08:00"));
    CHECK_FALSE(holds_at(wrap, "2026-09-02T06:00:00+08:00"));
    CHECK_FALSE(holds_at(wrap, "2026-09-02T12:00:00+08:00"));

    const Condition to_midnight = parsed("time in 22:00-00:00 @-05:00");
    CHECK(holds_at(to_midnight, "2026-09-01T23:59:00-05:00"));
    CHECK_FALSE(holds_at(to_midnight, "2026-09-02T00:00:00-05:00"));
    CHECK_FALSE(holds_at(to_midnight, "2026-09-01T21:59:00-05:00"));
    CHECK(holds_at(to_midnight, "2026-09-02T03:30:00Z"));  // 22:30 the day before at -05:00
    // Before 1970: the day and minute are counted down correctly.
    CHECK(holds_at(parsed("time in 23:00-23:30 @Z"), "1969-12-31T23:15:00Z"));
    CHECK_FALSE(holds_at(parsed("time in 23:00-23:30 @Z"), "1969-12-31T23:45:00Z"));
}

TEST_CASE("clock clauses do not hold without a time, or with one out of range", "[condition]") {
    CallFacts call;
    for (const char* text : {"time in 00:00-23:59 @Z", "weekday in mon,tue,wed,thu,fri,sat,sun @Z", "day is workday @Z",
                             "day is holiday @Z"}) {
        INFO(text);
        const Condition c = parsed(text);
        CHECK(c.uses_time());
        call.at = nullptr;
        CHECK_FALSE(c.holds(call));
        for (int64_t far : {INT64_MIN, INT64_MAX, maas::kAfterLastInstantMs, maas::kFirstInstantMs - 1}) {
            call.at = &far;
            CHECK_FALSE(c.holds(call));
        }
    }
    const int64_t first = maas::kFirstInstantMs;  // 0000-01-01 00:00 UTC, a Saturday
    call.at = &first;
    CHECK(parsed("weekday in sat @Z").holds(call));
    CHECK(parsed("weekday in fri @-01:00").holds(call));
}

TEST_CASE("weekdays are those of the local date at the offset", "[condition]") {
    const Condition weekend = parsed("weekday in sat,sun @+08:00");
    // 2026-09-05 is a Saturday; 2026-09-04T17:00Z is Saturday 01:00 in Beijing.
    CHECK(holds_at(weekend, "2026-09-04T17:00:00Z"));
    CHECK_FALSE(holds_at(weekend, "2026-09-04T15:59:59Z"));                          // Friday 23:59:59 in Beijing
    CHECK(holds_at(weekend, "2026-09-06T15:59:59Z"));                                // Sunday 23:59:59 in Beijing
    CHECK_FALSE(holds_at(weekend, "2026-09-06T16:00:00Z"));                          // Monday 00:00 in Beijing
    CHECK_FALSE(holds_at(parsed("weekday in sat,sun @Z"), "2026-09-04T17:00:00Z"));  // still Friday in UTC
    CHECK(holds_at(parsed("weekday in fri @Z"), "2026-09-04T17:00:00Z"));
    CHECK(holds_at(parsed("weekday in sun @Z"), "1969-12-28T12:00:00Z"));  // before 1970
    CHECK(holds_at(parsed("weekday in tue @+08:00"), "2026-09-01T10:00:00+08:00"));
    CHECK_FALSE(holds_at(parsed("weekday in mon,wed,thu,fri,sat,sun @+08:00"), "2026-09-01T10:00:00+08:00"));
}

TEST_CASE("holidays and workdays from the calendar, at the local date", "[condition]") {
    const Calendar calendar = test_calendar();
    const Condition holiday = parsed("day is holiday @+08:00");
    const Condition workday = parsed("day is workday @+08:00");
    CHECK(holiday.uses_calendar());
    CHECK(holds_at(holiday, "2026-10-01T00:30:00+08:00", &calendar));
    CHECK(holds_at(holiday, "2026-09-30T16:00:00Z", &calendar));  // 2026-10-01 00:00 in Beijing
    CHECK_FALSE(holds_at(holiday, "2026-09-30T15:59:59Z", &calendar));
    CHECK_FALSE(holds_at(parsed("day is holiday @Z"), "2026-09-30T16:30:00Z", &calendar));
    CHECK_FALSE(holds_at(holiday, "2026-10-03T10:00:00+08:00", &calendar));  // a Saturday, not marked

    CHECK_FALSE(holds_at(workday, "2026-10-01T10:00:00+08:00", &calendar));  // Thursday, a holiday
    CHECK(holds_at(workday, "2026-09-30T10:00:00+08:00", &calendar));        // Wednesday
    CHECK(holds_at(workday, "2026-10-10T10:00:00+08:00", &calendar));        // Saturday, marked workday
    CHECK_FALSE(holds_at(workday, "2026-10-11T10:00:00+08:00", &calendar));  // Sunday
    CHECK_FALSE(holds_at(workday, "2026-09-05T10:00:00+08:00", &calendar));  // Saturday

    // Without a calendar: no holidays, and Monday to Friday are workdays.
    CHECK_FALSE(holds_at(holiday, "2026-10-01T10:00:00+08:00"));
    CHECK(holds_at(workday, "2026-10-01T10:00:00+08:00"));
    CHECK_FALSE(holds_at(workday, "2026-10-10T10:00:00+08:00"));
}

TEST_CASE("DeepSeek-style peak hours: workdays 09:00-12:00 in Beijing", "[condition]") {
    const Calendar calendar = test_calendar();
    const Condition peak = parsed("day is workday @+08:00 and time in 09:00-12:00 @+08:00");
    CHECK(peak.clause_count() == 2);
    CHECK(peak.text() == "day is workday @+08:00 and time in 09:00-12:00 @+08:00");
    CHECK(holds_at(peak, "2026-09-01T10:00:00+08:00", &calendar));
    CHECK(instant("2026-09-01T10:00:00+08:00") == 1788228000000);  // the header's example
    CHECK_FALSE(holds_at(peak, "2026-09-01T13:00:00+08:00", &calendar));
    CHECK_FALSE(holds_at(peak, "2026-09-05T10:00:00+08:00", &calendar));  // Saturday
    CHECK_FALSE(holds_at(peak, "2026-10-01T10:00:00+08:00", &calendar));  // holiday
    CHECK(holds_at(peak, "2026-10-10T10:00:00+08:00", &calendar));        // make-up workday Saturday
}

TEST_CASE("variants compare without case; a call without one meets no variant clause", "[condition]") {
    const Condition batch = parsed("variant = Batch");
    CallFacts call;
    CHECK_FALSE(batch.holds(call));
    call.variant = "batch";
    CHECK(batch.holds(call));
    call.variant = "BATCH";
    CHECK(batch.holds(call));
    call.variant = "flex";
    CHECK_FALSE(batch.holds(call));
    call.variant = "batch2";
    CHECK_FALSE(batch.holds(call));
    CHECK(parsed("input >= 0").holds(call));  // no variant clause: any variant
    CHECK_FALSE(batch.uses_time());
}

TEST_CASE("calendar rows are checked, and a date is marked one way only", "[condition]") {
    maas::CalendarMark mark;
    std::string column, message;
    REQUIRE(maas::check_calendar_row("2026-10-01", "holiday", mark, column, message));
    CHECK(mark.day == 20727);  // days from 1970-01-01
    CHECK(mark.mark == DayMark::holiday);
    REQUIRE(maas::check_calendar_row("1969-12-31", "workday", mark, column, message));
    CHECK(mark.day == -1);
    CHECK(mark.mark == DayMark::workday);

    const std::vector<std::pair<std::string, std::string>> bad_dates = {
        {"2026-02-30", "'2026-02-30' is not a date YYYY-MM-DD"},
        {"2026-10-01 00:00", "'2026-10-01 00:00' is not a date YYYY-MM-DD"},
        {"2026-1-01", "'2026-1-01' is not a date YYYY-MM-DD"},
        {"2026/10/01", "'2026/10/01' is not a date YYYY-MM-DD"},
        {"", "'' is not a date YYYY-MM-DD"},
    };
    for (const auto& [date, why] : bad_dates) {
        CHECK_FALSE(maas::check_calendar_row(date, "holiday", mark, column, message));
        CHECK(column == "date");
        CHECK(message == why);
    }
    CHECK_FALSE(maas::check_calendar_row("2026-10-01", "Holiday", mark, column, message));
    CHECK(column == "kind");
    CHECK(message == "expected 'holiday' or 'workday', got 'Holiday'");

    Calendar calendar;
    CHECK(calendar.add({20727, DayMark::holiday}));
    CHECK(calendar.add({20727, DayMark::holiday}));
    CHECK_FALSE(calendar.add({20727, DayMark::workday}));
    CHECK_FALSE(calendar.add({20728, DayMark::none}));
    CHECK(calendar.add({20000, DayMark::workday}));
    CHECK(calendar.size() == 2);
    CHECK(calendar.mark_of(20727) == DayMark::holiday);
    CHECK(calendar.mark_of(20000) == DayMark::workday);
    CHECK(calendar.mark_of(20728) == DayMark::none);
}

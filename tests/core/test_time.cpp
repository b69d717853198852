// Unit tests of time_text.hpp: parse_time and format_time.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "time_text.hpp"

namespace {

constexpr int64_t kDay = 86400000;

// 2025-07-08T13:25:00+08:00 (`date -u -d 2025-07-08T13:25:00+08:00 +%s` = 1751952300).
constexpr int64_t kPublished = 1751952300000;

int64_t parsed(const std::string& text) {
    int64_t ms = -424242;
    INFO("text: '" << text << "'");
    REQUIRE(maas::parse_time(text, ms));
    return ms;
}

bool parses(const std::string& text) {
    int64_t ms = 0;
    return maas::parse_time(text, ms);
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int month_length(int y, int m) {
    const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : lengths[m - 1];
}

std::string date_text(int y, int m, int d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

}  // namespace

TEST_CASE("parse_time: the card's effective time in every accepted form", "[time]") {
    CHECK(parsed("2025-07-08T13:25:00+08:00") == kPublished);
    CHECK(parsed("2025-07-08 13:25:00+08:00") == kPublished);
    CHECK(parsed("2025-07-08T13:25+08:00") == kPublished);
    CHECK(parsed("2025-07-08 13:25:00 +08:00") == kPublished);
    CHECK(parsed("2025-07-08 05:25:00") == kPublished);
    CHECK(parsed("2025-07-08 05:25") == kPublished);
    CHECK(parsed("2025-07-08T05:25") == kPublished);
    CHECK(parsed("2025-07-08T05:25:00") == kPublished);
    CHECK(parsed("2025-07-08T05:25:00Z") == kPublished);
    CHECK(parsed("2025-07-08T05:25Z") == kPublished);
    CHECK(parsed("2025-07-08 05:25:00.000") == kPublished);
    CHECK(parsed("2025-07-08 05:25:00.000Z") == kPublished);
    CHECK(parsed("2025-07-08 05:25:00+00:00") == kPublished);
    CHECK(parsed("2025-07-08 05:25:00-00:00") == kPublished);
    CHECK(parsed("  2025-07-08 05:25:00  ") == kPublished);
    CHECK(parsed("2025-07-08T00:25:00-05:00") == kPublished);
    CHECK(parsed("2025-07-07T23:55:00-05:30") == kPublished);
}

TEST_CASE("parse_time: known unix times (checked with date -u -d)", "[time]") {
    CHECK(parsed("1970-01-01") == 0);
    CHECK(parsed("1970-01-01 00:00:00") == 0);
    CHECK(parsed("2025-07-08") == 1751932800000);
    CHECK(parsed("2025-07-08T00:00:00-05:30") == 1751952600000);
    CHECK(parsed("2025-07-08T13:25:00+14:00") == 1751930700000);
    CHECK(parsed("2025-07-08T13:25:00-12:00") == 1752024300000);
    CHECK(parsed("2024-02-29 12:00:00") == 1709208000000);
    CHECK(parsed("2000-02-29") == 951782400000);
    CHECK(parsed("2038-01-19 03:14:08") == 2147483648000);
    CHECK(parsed("2025-12-31 23:59:59") == 1767225599000);
    CHECK(parsed("1969-12-31 23:59:59") == -1000);
    CHECK(parsed("1969-12-31 23:59:59.999") == -1);
    CHECK(parsed("1900-03-01") == -2203891200000);
    CHECK(parsed("1600-01-01") == -11676096000000);
    CHECK(parsed("0001-01-01") == -62135596800000);
    CHECK(parsed("0000-01-01") == -62167219200000);  // year 0 is a leap year: 366 days earlier
    CHECK(parsed("9999-12-31 23:59:59") == 253402300799000);
    CHECK(parsed("9999-12-31 23:59:59.999") == 253402300799999);
}

TEST_CASE("parse_time: fractions of a second keep milliseconds", "[time]") {
    const int64_t base = parsed("2025-07-08 05:25:00");
    CHECK(parsed("2025-07-08 05:25:00.5") == base + 500);
    CHECK(parsed("2025-07-08 05:25:00.05") == base + 50);
    CHECK(parsed("2025-07-08 05:25:00.123") == base + 123);
    CHECK(parsed("2025-07-08 05:25:00.999") == base + 999);
    CHECK(parsed("2025-07-08 13:25:00.250+08:00") == base + 250);
    CHECK_FALSE(parses("2025-07-08 05:25:00."));
    CHECK_FALSE(parses("2025-07-08 05:25:00.Z"));
    CHECK_FALSE(parses("2025-07-08 05:25.5"));
}

TEST_CASE("parse_time: leap years and impossible dates", "[time]") {
    CHECK(parses("2024-02-29"));
    CHECK(parses("2000-02-29"));
    CHECK(parses("1600-02-29"));
    CHECK(parses("2025-02-28"));
    CHECK(parses("2025-12-31"));
    CHECK(parses("2025-04-30"));
    CHECK_FALSE(parses("2025-02-29"));
    CHECK_FALSE(parses("2025-02-29 00:00:00"));
    CHECK_FALSE(parses("1900-02-29"));
    CHECK_FALSE(parses("2100-02-29"));
    CHECK_FALSE(parses("2024-02-30"));
    CHECK_FALSE(parses("2025-04-31"));
    CHECK_FALSE(parses("2025-06-31"));
    CHECK_FALSE(parses("2025-09-31"));
    CHECK_FALSE(parses("2025-11-31"));
    CHECK_FALSE(parses("2025-01-32"));
    CHECK_FALSE(parses("2025-13-01"));
    CHECK_FALSE(parses("2025-00-10"));
    CHECK_FALSE(parses("2025-01-00"));
    CHECK_FALSE(parses("2025-99-99"));
}

TEST_CASE("parse_time: impossible times of day and offsets", "[time]") {
    CHECK(parses("2025-07-08 23:59:59"));
    CHECK(parses("2025-07-08 00:00"));
    CHECK_FALSE(parses("2025-07-08 24:00"));
    CHECK_FALSE(parses("2025-07-08 24:00:00"));
    CHECK_FALSE(parses("2025-07-08 23:60"));
    CHECK_FALSE(parses("2025-07-08 23:59:60"));
    CHECK_FALSE(parses("2025-07-08 99:00"));
    CHECK(parses("2025-07-08 12:00+14:00"));
    CHECK(parses("2025-07-08 12:00-14:00"));
    CHECK_FALSE(parses("2025-07-08 12:00+15:00"));
    CHECK_FALSE(parses("2025-07-08 12:00+08:60"));
    // PostgreSQL's forms: +HHMM and +HH.
    CHECK(parsed("2025-07-08 12:00+0800") == parsed("2025-07-08 04:00"));
    CHECK(parsed("2025-07-08 12:00+08") == parsed("2025-07-08 04:00"));
    CHECK(parsed("2025-07-08 12:00-0530") == parsed("2025-07-08 17:30"));
    CHECK_FALSE(parses("2025-07-08 12:00+080"));
    // Found by fuzzing: the instant must fall in years 0000-9999 in UTC too.
    CHECK(parses("9999-12-31 23:59:59.999"));
    CHECK_FALSE(parses("9999-12-31 23:59:59.999-14:59"));
    CHECK_FALSE(parses("0000-01-01 00:00+00:01"));
    CHECK_FALSE(parses("2025-07-08 12:00+08:0"));
    CHECK_FALSE(parses("2025-07-08 12:00+8:00"));
    CHECK_FALSE(parses("2025-07-08 12:00+08:00Z"));
    CHECK_FALSE(parses("2025-07-08 12:00ZZ"));
    CHECK_FALSE(parses("2025-07-08 12:00 UTC"));
}

TEST_CASE("parse_time rejects malformed text", "[time]") {
    for (const char* text : {"",
                             " ",
                             "2025",
                             "2025-07",
                             "2025-07-8",
                             "2025-7-8",
                             "25-07-08",
                             "2025/07/08",
                             "2025-07-08X",
                             "2025-07-08T",
                             "2025-07-08 5:25",
                             "2025-07-08 05",
                             "2025-07-08 05:",
                             "2025-07-08 05:2",
                             "2025-07-08 05:25:",
                             "2025-07-08 05:25:0",
                             "2025-07-08 05:25:00 junk",
                             "x2025-07-08",
                             "2025-07-08T05:25:00+08:00:00",
                             "1751952300"}) {
        int64_t ms = 77;
        INFO("text: '" << text << "'");
        CHECK_FALSE(maas::parse_time(text, ms));
    }
    // Spaces around the text are trimmed: this is the date alone.
    CHECK(parsed(" 2025-07-08 ") == 1751932800000);
}

TEST_CASE("format_time writes SQLite's datetime() form in UTC", "[time]") {
    CHECK(maas::format_time(kPublished) == "2025-07-08 05:25:00");
    CHECK(maas::format_time(kPublished + 123) == "2025-07-08 05:25:00.123");
    CHECK(maas::format_time(kPublished + 100) == "2025-07-08 05:25:00.100");
    CHECK(maas::format_time(kPublished + 1) == "2025-07-08 05:25:00.001");
    CHECK(maas::format_time(0) == "1970-01-01 00:00:00");
    CHECK(maas::format_time(-1) == "1969-12-31 23:59:59.999");
    CHECK(maas::format_time(-1000) == "1969-12-31 23:59:59");
    CHECK(maas::format_time(-kDay) == "1969-12-31 00:00:00");
    CHECK(maas::format_time(-kDay - 1) == "1969-12-30 23:59:59.999");
    CHECK(maas::format_time(951782400000) == "2000-02-29 00:00:00");
    CHECK(maas::format_time(1709208000000) == "2024-02-29 12:00:00");
    CHECK(maas::format_time(2147483648000) == "2038-01-19 03:14:08");
    CHECK(maas::format_time(-2203891200000) == "1900-03-01 00:00:00");
    CHECK(maas::format_time(-2203891200000 - 1) == "1900-02-28 23:59:59.999");
    CHECK(maas::format_time(-62135596800000) == "0001-01-01 00:00:00");
    CHECK(maas::format_time(-62167219200000) == "0000-01-01 00:00:00");
    CHECK(maas::format_time(253402300799999) == "9999-12-31 23:59:59.999");
}

TEST_CASE("format_time and parse_time round-trip", "[time]") {
    // Deterministic instants spread over years 0000..9999, with and without milliseconds.
    const int64_t first = -62167219200000, last = 253402300799999;
    uint64_t state = 12345;
    int failures = 0;
    std::string first_failure;
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        int64_t ms = first + int64_t((state >> 11) % uint64_t(last - first + 1));
        if (i % 3 == 0) ms -= ((ms % 1000) + 1000) % 1000;  // whole seconds too
        const std::string text = maas::format_time(ms);
        int64_t back = 0;
        if (!maas::parse_time(text, back) || back != ms || text.size() != (ms % 1000 == 0 ? 19u : 23u)) {
            if (failures++ == 0) first_failure = std::to_string(ms) + " -> " + text;
        }
    }
    INFO(first_failure);
    CHECK(failures == 0);
}

TEST_CASE("parse_time and format_time agree with a day-by-day calendar walk", "[time]") {
    // An independent calendar: count days from 0000-01-01 month by month.
    int64_t day = -719528;  // 0000-01-01, days before 1970-01-01
    int failures = 0, days = 0;
    std::string first_failure;
    for (int y = 0; y <= 9999; ++y) {
        for (int m = 1; m <= 12; ++m) {
            for (int d = 1; d <= month_length(y, m); ++d, ++day, ++days) {
                // Check every day in 1900..2100 and every 7th day elsewhere.
                if ((y < 1900 || y > 2100) && day % 7 != 0) continue;
                const std::string date = date_text(y, m, d);
                int64_t ms = 0;
                const bool ok = maas::parse_time(date, ms) && ms == day * kDay &&
                                maas::format_time(day * kDay) == date + " 00:00:00" &&
                                maas::format_time(day * kDay + kDay - 1) == date + " 23:59:59.999";
                if (!ok && failures++ == 0) first_failure = date;
            }
            // The day after the month's last is not a date.
            if (parses(date_text(y, m, month_length(y, m) + 1)) && failures++ == 0)
                first_failure = date_text(y, m, month_length(y, m) + 1) + " accepted";
        }
    }
    INFO(first_failure);
    CHECK(failures == 0);
    CHECK(days == 3652425);  // 10000 Gregorian years
    CHECK(day == 2932897);   // 10000-01-01
}

TEST_CASE("parse_utc_offset reads the offsets parse_time reads, at most 14:00", "[time][month]") {
    int minutes = -1;
    const std::pair<const char*, int> good[] = {{"Z", 0},        {"z", 0},        {"+00:00", 0},    {"+08:00", 480},
                                                {"+0800", 480},  {"+08", 480},    {"-05:00", -300}, {"-0530", -330},
                                                {"+05:45", 345}, {"+14:00", 840}, {"-14:00", -840}};
    for (const auto& [text, expected] : good) {
        INFO(text);
        CHECK(maas::parse_utc_offset(text, minutes));
        CHECK(minutes == expected);
    }
    for (const char* bad : {"", "08:00", "+8", "+8:00", "+08:0", "+08:60", "+14:01", "+15", "-15:00", " +08:00",
                            "+08:00 ", "UTC", "Asia/Shanghai", "+08:00:00", "++08", "+0800Z"}) {
        INFO(bad);
        CHECK_FALSE(maas::parse_utc_offset(bad, minutes));
    }
}

TEST_CASE("format_month is the month on the wall clock of the offset", "[time][month]") {
    int64_t ms = 0;
    std::string month;
    // 2025-07-31 16:00:00 UTC is 2025-08-01 00:00 in Beijing, 2025-07-31 11:00 in New York (EST).
    REQUIRE(maas::parse_time("2025-07-31 16:00:00", ms));
    CHECK((maas::format_month(ms, 0, month) && month == "2025-07"));
    CHECK((maas::format_month(ms, 480, month) && month == "2025-08"));
    CHECK((maas::format_month(ms - 1, 480, month) && month == "2025-07"));  // 23:59:59.999 Beijing
    CHECK((maas::format_month(ms, -300, month) && month == "2025-07"));
    // 2025-08-01 04:59:59 UTC is still July at -05:00; 05:00:00 is August.
    REQUIRE(maas::parse_time("2025-08-01 05:00:00", ms));
    CHECK((maas::format_month(ms - 1000, -300, month) && month == "2025-07"));
    CHECK((maas::format_month(ms, -300, month) && month == "2025-08"));
    // Year ends, leap days, and the edges of the range.
    REQUIRE(maas::parse_time("2025-12-31 16:00:00", ms));
    CHECK((maas::format_month(ms, 480, month) && month == "2026-01"));
    REQUIRE(maas::parse_time("2024-02-29 23:00:00", ms));
    CHECK((maas::format_month(ms, 0, month) && month == "2024-02"));
    CHECK((maas::format_month(ms, 60, month) && month == "2024-03"));
    CHECK((maas::format_month(maas::kFirstInstantMs, 0, month) && month == "0000-01"));
    CHECK_FALSE(maas::format_month(maas::kFirstInstantMs, -1, month));         // year -1 on that clock
    CHECK_FALSE(maas::format_month(maas::kAfterLastInstantMs - 1, 1, month));  // year 10000
    CHECK((maas::format_month(maas::kAfterLastInstantMs - 1, 0, month) && month == "9999-12"));
    CHECK_FALSE(maas::format_month(maas::kAfterLastInstantMs, 0, month));
    CHECK_FALSE(maas::format_month(0, 15 * 60, month));
    // Every digit of the year and the month, as written.
    int wrong = 0;
    for (const int year : {0, 1, 9, 10, 99, 100, 999, 1000, 1969, 1970, 2025, 5678, 9999}) {
        for (int m = 1; m <= 12; ++m) {
            char text[24];
            std::snprintf(text, sizeof text, "%04d-%02d-15 12:00:00", year, m);
            if (!maas::parse_time(text, ms) || !maas::format_month(ms, 0, month) || month != std::string(text, 7))
                ++wrong;
        }
    }
    CHECK(wrong == 0);
}

TEST_CASE("looks_like_unix_ms: too large for seconds, right for milliseconds", "[time][month]") {
    CHECK(maas::looks_like_unix_ms(1751952300000));       // 2025-07-08 05:25:00 in ms
    CHECK(maas::looks_like_unix_ms(-62167219200000));     // 0000-01-01 in ms
    CHECK_FALSE(maas::looks_like_unix_ms(1751952300));    // seconds: fine as they are
    CHECK_FALSE(maas::looks_like_unix_ms(253402300800));  // one second past 9999: not ms
    CHECK_FALSE(maas::looks_like_unix_ms(-253402300800));
    CHECK_FALSE(maas::looks_like_unix_ms(1751952300000000));  // microseconds: out of range either way
    CHECK_FALSE(maas::looks_like_unix_ms(INT64_MAX));
    CHECK_FALSE(maas::looks_like_unix_ms(INT64_MIN));
}

// time_text.cpp - parse and format instants (see time_text.hpp).
//
// Days are counted with the proleptic Gregorian calendar, the one SQLite's
// date functions use; the conversion is the classic era-based civil-date
// algorithm (400-year eras of 146097 days); instants are kept to years
// 0000-9999 (instant_in_range).
#include "time_text.hpp"

#include <cstdio>

namespace maas {
namespace {

constexpr int64_t kMsPerDay = 86400000;

int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;                                    // [0, 399]
    const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
    return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int64_t& y, int64_t& m, int64_t& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = yoe + era * 400 + (m <= 2);
}

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int64_t y, int64_t m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at text[pos].
bool digits(std::string_view text, size_t& pos, int width, int64_t& out) {
    if (pos + size_t(width) > text.size()) return false;
    out = 0;
    for (int i = 0; i < width; ++i) {
        char c = text[pos + size_t(i)];
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    pos += size_t(width);
    return true;
}

bool expect(std::string_view text, size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

// A signed offset at text[pos], to the end of text: +HH:MM as SQLite writes
// it; also +HHMM and +HH, as PostgreSQL and ISO 8601 basic format write it.
// Hours up to 14, minutes up to 59, as parse_time has always read them.
bool read_offset(std::string_view text, size_t& pos, int64_t& offset_minutes) {
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return false;
    const int64_t sign = text[pos++] == '-' ? -1 : 1;
    int64_t oh, om = 0;
    if (!digits(text, pos, 2, oh)) return false;
    if (expect(text, pos, ':')) {
        if (!digits(text, pos, 2, om)) return false;
    } else if (pos < text.size() && !digits(text, pos, 2, om)) {
        return false;
    }
    if (oh > 14 || om > 59) return false;
    offset_minutes = sign * (oh * 60 + om);
    return true;
}

}  // namespace

bool parse_utc_offset(std::string_view text, int& offset_minutes) {
    if (text == "Z" || text == "z") {
        offset_minutes = 0;
        return true;
    }
    size_t pos = 0;
    int64_t minutes = 0;
    if (!read_offset(text, pos, minutes) || pos != text.size() || minutes < -kMaxOffsetMinutes ||
        minutes > kMaxOffsetMinutes)
        return false;
    offset_minutes = int(minutes);
    return true;
}

bool format_month(int64_t unix_ms, int offset_minutes, std::string& month) {
    if (!instant_in_range(unix_ms) || offset_minutes < -kMaxOffsetMinutes || offset_minutes > kMaxOffsetMinutes)
        return false;
    // The wall clock in that zone; it must still be a year the form can show.
    const int64_t local_ms = unix_ms + int64_t(offset_minutes) * 60000;
    if (!instant_in_range(local_ms)) return false;
    int64_t days = local_ms / kMsPerDay;
    if (local_ms % kMsPerDay < 0) --days;
    int64_t y, m, d;
    civil_from_days(days, y, m, d);
    // The digits written directly, not by snprintf: a report calls this once
    // a row, and snprintf was two thirds of its cost.  The range checks above
    // hold y to 0..9999, and m is 1..12.
    const char text[7] = {
        char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
        char('0' + m / 10),   char('0' + m % 10)};
    month.assign(text, sizeof text);
    return true;
}

bool looks_like_unix_ms(int64_t value) {
    // 13 digits or more: unix ms since 2001-09-09.  A number just past the
    // range of seconds (253402300800, year 10000) is not milliseconds.
    constexpr int64_t kThirteenDigits = 1000000000000;
    int64_t ms;
    return (value >= kThirteenDigits || value <= -kThirteenDigits) && !instant_from_unix_seconds(value, ms) &&
           instant_from_unix_seconds(value / 1000, ms);
}

bool parse_time(std::string_view text, int64_t& unix_ms) {
    size_t pos = 0;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);

    int64_t year, month, day, hour = 0, minute = 0, second = 0, ms = 0;
    if (!digits(text, pos, 4, year) || !expect(text, pos, '-') || !digits(text, pos, 2, month) ||
        !expect(text, pos, '-') || !digits(text, pos, 2, day))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return false;

    if (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) {
        ++pos;
        if (!digits(text, pos, 2, hour) || !expect(text, pos, ':') || !digits(text, pos, 2, minute)) return false;
        if (expect(text, pos, ':')) {
            if (!digits(text, pos, 2, second)) return false;
            if (expect(text, pos, '.')) {
                // SQLite reads any number of fraction digits; we keep milliseconds
                // and require at least one digit.
                int64_t scale = 100;
                size_t start = pos;
                while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                    ms += (text[pos] - '0') * scale;
                    scale /= 10;
                    ++pos;
                }
                if (pos == start) return false;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) return false;
    }

    int64_t offset_minutes = 0;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos < text.size()) {
        if (text[pos] == 'Z' || text[pos] == 'z') {
            ++pos;
        } else if (!read_offset(text, pos, offset_minutes)) {
            return false;
        }
    }
    if (pos != text.size()) return false;

    const int64_t local_ms = days_from_civil(year, month, day) * kMsPerDay +
                             ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    unix_ms = local_ms - offset_minutes * 60000;  // local = UTC + offset
    // The instant itself must be in the valid range in UTC, so that it can
    // be shown in the same form ('9999-12-31 23:00-14:00' is year 10000).
    return instant_in_range(unix_ms);
}

bool instant_from_seconds_text(std::string_view text, int64_t& unix_ms) {
    std::string_view digits_part = text;
    if (!digits_part.empty() && digits_part.front() == '-') digits_part.remove_prefix(1);
    if (digits_part.empty() || digits_part.size() > 18) return false;  // 18 digits fit in int64
    int64_t seconds = 0;
    for (char c : digits_part) {
        if (c < '0' || c > '9') return false;
        seconds = seconds * 10 + (c - '0');
    }
    return instant_from_unix_seconds(text.front() == '-' ? -seconds : seconds, unix_ms);
}

std::string format_time(int64_t unix_ms) {
    int64_t days = unix_ms / kMsPerDay, rest = unix_ms % kMsPerDay;
    if (rest < 0) {
        rest += kMsPerDay;
        --days;
    }
    int64_t y, m, d;
    civil_from_days(days, y, m, d);
    const int64_t ms = rest % 1000, secs = rest / 1000;
    // The digits written directly, not by snprintf (as in format_month):
    // maas_instant calls this once a usage row.  Out of the valid range the
    // year may not have four digits: snprintf writes that rare case.
    if (y < 0 || y > 9999) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld.%03lld", (long long)y, (long long)m,
                      (long long)d, (long long)(secs / 3600), (long long)(secs / 60 % 60), (long long)(secs % 60),
                      (long long)ms);
        std::string text(buf);
        if (ms == 0) text.resize(text.size() - 4);
        return text;
    }
    const auto two = [](int64_t v, char* at) {
        at[0] = char('0' + v / 10);
        at[1] = char('0' + v % 10);
    };
    char text[23] = {char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-'};
    two(m, text + 5);
    text[7] = '-';
    two(d, text + 8);
    text[10] = ' ';
    two(secs / 3600, text + 11);
    text[13] = ':';
    two(secs / 60 % 60, text + 14);
    text[16] = ':';
    two(secs % 60, text + 17);
    if (ms == 0) return std::string(text, 19);
    text[19] = '.';
    text[20] = char('0' + ms / 100);
    two(ms % 100, text + 21);
    return std::string(text, 23);
}

}  // namespace maas

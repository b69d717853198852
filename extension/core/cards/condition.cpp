// condition.cpp - parsing, checking and writing conditions (see condition.hpp).
//
// Parsing splits the text at " and ", each clause into its words, and each
// clause kind reads a fixed number of words; everything holds() needs is
// precomputed (inclusive count bands, minutes, a weekday bitmask), so that
// a check is a few comparisons and, for a clock clause, one division.
#include "condition.hpp"

#include <algorithm>

#include "ascii.hpp"
#include "field_problem.hpp"
#include "time_text.hpp"
#include "utf8_text.hpp"

namespace maas {
namespace {

constexpr int64_t kMaxNumber = 1000000000000000000;  // 10^18: far above any call, and +1 never overflows
constexpr int64_t kMsPerMinute = 60000;
constexpr int64_t kMsPerDay = 1440 * kMsPerMinute;
constexpr size_t kMaxVariant = 64;
constexpr size_t kMaxShown = 80;  // a message quotes at most this much of a clause
constexpr std::string_view kCountNames[] = {"input", "output", "cached_input", "cache_write"};
constexpr std::string_view kWeekdayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::string_view kKinds =
    "expected input, output, cached_input or cache_write, time, weekday, day or variant";

// Text as a message quotes it: valid UTF-8, cut short when long.
std::string shown(std::string_view text) {
    if (text.size() <= kMaxShown) return quoted(utf8_safe(text));
    return quoted(utf8_safe(text.substr(0, valid_utf8_prefix(text, kMaxShown))) + "...");
}

bool is_keyword(std::string_view word, std::string_view lower) { return equal_ignoring_ascii_case(word, lower); }

// Where the next " and " (any case) starts, or npos.
size_t find_and(std::string_view text, size_t from) {
    for (size_t i = from; i + 5 <= text.size(); ++i)
        if (text[i] == ' ' && text[i + 4] == ' ' && is_keyword(text.substr(i + 1, 3), "and")) return i;
    return std::string_view::npos;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// value * 10 + digit, unless that passes kMaxNumber.
bool append_digit(int64_t& value, char digit) {
    if (value > (kMaxNumber - (digit - '0')) / 10) return false;
    value = value * 10 + (digit - '0');
    return true;
}

// A count as written: digits, an optional fraction, an optional k or m; the
// product a whole number of tokens.  On failure, why says what was wrong,
// or is empty when the word is not a number at all.
bool parse_number(std::string_view word, int64_t& out, std::string& why) {
    std::string_view digits = word;
    size_t scale = 0;  // the suffix's zeros
    const char last = digits.empty() ? '\0' : char(ascii_lower(static_cast<unsigned char>(digits.back())));
    if (last == 'k' || last == 'm') {
        scale = last == 'k' ? 3 : 6;
        digits.remove_suffix(1);
    }
    const size_t point = digits.find('.');
    const std::string_view whole = digits.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? "" : digits.substr(point + 1);
    if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(fraction)) ||
        (whole.size() > 1 && whole[0] == '0')) {
        why.clear();  // the caller says what was expected
        return false;
    }
    if (fraction.size() > scale) {
        if (fraction.find_first_not_of('0', scale) != std::string_view::npos) {
            why = shown(word) + " is not a whole number of tokens";
            return false;
        }
        fraction = fraction.substr(0, scale);
    }
    int64_t value = 0;
    bool fits = true;
    for (char c : whole) fits = fits && append_digit(value, c);
    for (char c : fraction) fits = fits && append_digit(value, c);
    for (size_t i = fraction.size(); i < scale; ++i) fits = fits && append_digit(value, '0');
    if (!fits) {
        why = shown(word) + " is more than 10^18 tokens";
        return false;
    }
    out = value;
    return true;
}

// HH:MM, 00:00 to 23:59, as minutes of the day.
bool parse_minutes(std::string_view text, int& minutes) {
    if (text.size() != 5 || text[2] != ':' || !all_digits(text.substr(0, 2)) || !all_digits(text.substr(3)))
        return false;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0'), rest = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || rest > 59) return false;
    minutes = hours * 60 + rest;
    return true;
}

// mon,...,sun as a bitmask; false with why when a name is repeated, or with
// an empty why when the list is not one of names.
bool parse_weekdays(std::string_view list, uint8_t& days, std::string& why) {
    days = 0;
    for (size_t start = 0;;) {
        const size_t comma = list.find(',', start);
        const std::string_view name = list.substr(start, comma == std::string_view::npos ? comma : comma - start);
        const auto* found = std::find_if(std::begin(kWeekdayNames), std::end(kWeekdayNames),
                                         [name](std::string_view day) { return is_keyword(name, day); });
        if (found == std::end(kWeekdayNames)) {
            why.clear();  // the caller says what was expected
            return false;
        }
        const uint8_t bit = uint8_t(1u << (found - std::begin(kWeekdayNames)));
        if (days & bit) {
            why = shown(name) + " appears twice in " + shown(list);
            return false;
        }
        days |= bit;
        if (comma == std::string_view::npos) return true;
        start = comma + 1;
    }
}

std::string format_number(int64_t n) {
    if (n != 0 && n % 1000000 == 0) return std::to_string(n / 1000000) + "m";
    if (n != 0 && n % 1000 == 0) return std::to_string(n / 1000) + "k";
    return std::to_string(n);
}

std::string two_digits(int n) { return {char('0' + n / 10), char('0' + n % 10)}; }

std::string format_minutes(int minutes) { return two_digits(minutes / 60) + ":" + two_digits(minutes % 60); }

std::string format_offset(int offset_minutes) {
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return (offset_minutes < 0 ? "@-" : "@+") + format_minutes(magnitude);
}

// The local date (days since 1970-01-01) and minute of the day of an
// instant in range, at an offset.
int64_t local_day(int64_t at, int offset_minutes, int& minute) {
    const int64_t local = at + offset_minutes * kMsPerMinute;
    int64_t day = local / kMsPerDay;
    if (local % kMsPerDay < 0) --day;
    minute = int((local - day * kMsPerDay) / kMsPerMinute);
    return day;
}

// 0 Monday .. 6 Sunday; 1970-01-01 was a Thursday.
int weekday_of(int64_t day) { return int(((day + 3) % 7 + 7) % 7); }

bool day_is(DayMark kind, int64_t day, const Calendar* calendar) {
    const DayMark mark = calendar ? calendar->mark_of(day) : DayMark::none;
    if (kind == DayMark::holiday) return mark == DayMark::holiday;
    return mark == DayMark::workday || (weekday_of(day) < 5 && mark != DayMark::holiday);
}

}  // namespace

bool is_variant_name(std::string_view name) {
    return !name.empty() && name.size() <= kMaxVariant && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool check_calendar_row(std::string_view date, std::string_view kind, CalendarMark& out, std::string& column,
                        std::string& message) {
    const FieldProblem fail{column, message};
    int64_t ms = 0;
    const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' && all_digits(date.substr(0, 4)) &&
                        all_digits(date.substr(5, 2)) && all_digits(date.substr(8, 2));
    if (!shaped || !parse_time(date, ms)) return fail("date", shown(date) + " is not a date YYYY-MM-DD");
    if (kind != "holiday" && kind != "workday")
        return fail("kind", "expected 'holiday' or 'workday', got " + shown(kind));
    out.day = ms / kMsPerDay;  // midnight UTC: an exact multiple
    out.mark = kind == "holiday" ? DayMark::holiday : DayMark::workday;
    return true;
}

bool Calendar::add(const CalendarMark& mark) {
    if (mark.mark == DayMark::none) return false;
    const auto at = std::lower_bound(marks_.begin(), marks_.end(), mark.day,
                                     [](const std::pair<int64_t, DayMark>& m, int64_t day) { return m.first < day; });
    if (at != marks_.end() && at->first == mark.day) return at->second == mark.mark;
    marks_.insert(at, {mark.day, mark.mark});
    return true;
}

DayMark Calendar::mark_of(int64_t day) const {
    const auto at = std::lower_bound(marks_.begin(), marks_.end(), day,
                                     [](const std::pair<int64_t, DayMark>& m, int64_t d) { return m.first < d; });
    return at != marks_.end() && at->first == day ? at->second : DayMark::none;
}

void CallFacts::remember_local_day(int offset_minutes) const {
    memo_day_ = maas::local_day(*at, offset_minutes, memo_minute_);
    memo_offset_ = offset_minutes;
}

// The clauses holds() leaves: the cached and cache-write bands, the
// variant, the clock.
bool Condition::holds_beyond_bands(const CallFacts& call) const {
    if (call.cached_input < min_[2] || call.cached_input > max_[2] || call.cache_write < min_[3] ||
        call.cache_write > max_[3])
        return false;
    if (!variant_.empty() && !equal_ignoring_ascii_case(call.variant, variant_)) return false;
    if (!uses_time()) return true;
    return call.at && instant_in_range(*call.at) && clock_clauses_hold(call);
}

bool Condition::clock_clauses_hold(const CallFacts& call) const {
    int minute = 0;
    if (time_.set) {
        call.local_day(time_.offset_minutes, minute);
        const bool inside = time_.start < time_.end ? minute >= time_.start && minute < time_.end
                                                    : minute >= time_.start || minute < time_.end;
        if (!inside) return false;
    }
    if (weekdays_.set && !(weekdays_.days >> weekday_of(call.local_day(weekdays_.offset_minutes, minute)) & 1))
        return false;
    return !day_.set || day_is(day_.kind, call.local_day(day_.offset_minutes, minute), call.calendar);
}

// The grammar both ways: reads clauses into one Condition (saying what is
// wrong with the first that does not parse) and writes a Condition's text.
class ConditionSyntax {
public:
    ConditionSyntax(Condition& out, std::string& error) : c_(out), error_(error) {}
    bool clause(int index, std::string_view text);
    // Sets what holds() derives from the clauses read.
    void finish() {
        const bool other_counts = c_.min_[2] != INT64_MIN || c_.max_[2] != INT64_MAX || c_.min_[3] != INT64_MIN ||
                                  c_.max_[3] != INT64_MAX;
        c_.beyond_bands_ = other_counts || !c_.variant_.empty() || c_.uses_time();
        c_.time_only_ = c_.time_.set && !other_counts && c_.variant_.empty() && !c_.weekdays_.set && !c_.day_.set;
    }
    static std::string write(const Condition& c);

private:
    using Compare = Condition::Compare;
    static constexpr size_t kMaxWords = 5;  // one more than the longest clause, to name the extra word
    static std::string bound_text(int kind, const Condition::Bound& bound);
    bool fail(std::string_view why);
    std::string got(size_t i) const { return i < words_.size() ? "got " + shown(words_[i]) : "got nothing"; }
    std::string_view word(size_t i) const { return i < words_.size() ? words_[i] : std::string_view(); }
    bool split_words();
    bool expect(size_t i, std::string_view keyword);
    bool ends_after(size_t n);
    bool offset(size_t i, Condition::Clock& clock);
    bool count_clause(int kind);
    bool add_bound(int kind, Compare op, int64_t number);
    bool time_clause();
    bool weekday_clause();
    bool day_clause();
    bool variant_clause();

    Condition& c_;
    std::string& error_;
    int index_ = 0;
    std::string_view text_;
    std::vector<std::string_view> words_;
};

bool ConditionSyntax::fail(std::string_view why) {
    error_ = "clause " + std::to_string(index_) + " " + shown(text_) + ": " + std::string(why);
    return false;
}

// Words at single spaces, at most kMaxWords; false when a space is
// leading, trailing or doubled (an empty word).
bool ConditionSyntax::split_words() {
    words_.clear();
    for (size_t start = 0; words_.size() < kMaxWords;) {
        const size_t space = text_.find(' ', start);
        const std::string_view w = text_.substr(start, space == std::string_view::npos ? space : space - start);
        if (w.empty()) return false;
        words_.push_back(w);
        if (space == std::string_view::npos) break;
        start = space + 1;
    }
    return true;
}

bool ConditionSyntax::expect(size_t i, std::string_view keyword) {
    if (is_keyword(word(i), keyword)) return true;
    return fail("expected " + quoted(keyword) + " after " + shown(word(i - 1)) + ", " + got(i));
}

bool ConditionSyntax::ends_after(size_t n) {
    if (words_.size() <= n) return true;
    const size_t end = size_t(words_[n].data() - text_.data()) - 1;
    return fail("unexpected " + shown(words_[n]) + " after " + shown(text_.substr(0, end)));
}

bool ConditionSyntax::offset(size_t i, Condition::Clock& clock) {
    const std::string_view w = word(i);
    if (w.empty() || w[0] != '@' || !parse_utc_offset(w.substr(1), clock.offset_minutes))
        return fail("expected a UTC offset @Z, @+08:00, @+0800 or @+08 (at most 14:00 either way), " + got(i));
    clock.set = true;
    return true;
}

bool ConditionSyntax::clause(int index, std::string_view text) {
    index_ = index;
    text_ = text;
    if (text.empty()) return fail(kKinds);
    if (!split_words()) return fail("expected one space between words (no leading, trailing or double space)");
    bool ok = false;
    const std::string_view first = words_[0];
    const auto* count = std::find_if(std::begin(kCountNames), std::end(kCountNames),
                                     [first](std::string_view name) { return is_keyword(first, name); });
    if (count != std::end(kCountNames)) ok = count_clause(int(count - std::begin(kCountNames)));
    else if (is_keyword(first, "time")) ok = time_clause();
    else if (is_keyword(first, "weekday")) ok = weekday_clause();
    else if (is_keyword(first, "day")) ok = day_clause();
    else if (is_keyword(first, "variant")) ok = variant_clause();
    else return fail(kKinds);
    if (ok) ++c_.clause_count_;
    return ok;
}

bool ConditionSyntax::count_clause(int kind) {
    const std::string_view op = word(1);
    const Compare compare = op == ">"    ? Compare::greater
                            : op == ">=" ? Compare::greater_equal
                            : op == "<"  ? Compare::less
                            : op == "<=" ? Compare::less_equal
                                         : Compare::none;
    if (compare == Compare::none)
        return fail("expected >, >=, < or <= after " + shown(kCountNames[kind]) + ", " + got(1));
    int64_t number = 0;
    std::string why;
    if (!parse_number(word(2), number, why))
        return fail(why.empty() ? "expected a number such as 32k, 1.5m or 16000, " + got(2) : why);
    return ends_after(3) && add_bound(kind, compare, number);
}

// One bound of a count's band; the band must stay one some count can meet.
bool ConditionSyntax::add_bound(int kind, Compare op, int64_t number) {
    const bool lower = op == Compare::greater || op == Compare::greater_equal;
    Condition::Bound& bound = lower ? c_.lower_[kind] : c_.upper_[kind];
    if (bound.op != Compare::none)
        return fail(std::string("a second ") + (lower ? "lower" : "upper") + " bound on " +
                    std::string(kCountNames[kind]) + " (after " + quoted(bound_text(kind, bound)) +
                    "): a count takes one > or >= and one < or <=");
    bound = {op, number};
    (lower ? c_.min_ : c_.max_)[kind] = op == Compare::greater ? number + 1 : op == Compare::less ? number - 1 : number;
    if (c_.max_[kind] < 0) return fail("never holds: counts are not negative");
    const Condition::Bound& other = lower ? c_.upper_[kind] : c_.lower_[kind];
    if (c_.min_[kind] > c_.max_[kind]) return fail("never holds together with " + quoted(bound_text(kind, other)));
    return true;
}

bool ConditionSyntax::time_clause() {
    if (c_.time_.set) return fail("a second time clause: a condition takes one");
    if (!expect(1, "in")) return false;
    const std::string_view window = word(2);
    int start = 0, end = 0;
    if (window.size() != 11 || window[5] != '-' || !parse_minutes(window.substr(0, 5), start) ||
        !parse_minutes(window.substr(6), end))
        return fail("expected a window HH:MM-HH:MM (00:00 to 23:59), " + got(2));
    if (start == end) return fail("the window " + shown(window) + " is empty: its start and end must differ");
    if (!offset(3, c_.time_) || !ends_after(4)) return false;
    c_.time_.start = start;
    c_.time_.end = end;
    return true;
}

bool ConditionSyntax::weekday_clause() {
    if (c_.weekdays_.set) return fail("a second weekday clause: a condition takes one");
    if (!expect(1, "in")) return false;
    std::string why;
    if (!parse_weekdays(word(2), c_.weekdays_.days, why))
        return fail(why.empty() ? "expected weekdays mon, tue, wed, thu, fri, sat, sun separated by commas, " + got(2)
                                : why);
    return offset(3, c_.weekdays_) && ends_after(4);
}

bool ConditionSyntax::day_clause() {
    if (c_.day_.set) return fail("a second day clause: a condition takes one");
    if (!expect(1, "is")) return false;
    const std::string_view kind = word(2);
    if (is_keyword(kind, "holiday")) c_.day_.kind = DayMark::holiday;
    else if (is_keyword(kind, "workday")) c_.day_.kind = DayMark::workday;
    else return fail("expected holiday or workday, " + got(2));
    return offset(3, c_.day_) && ends_after(4);
}

bool ConditionSyntax::variant_clause() {
    if (!c_.variant_.empty()) return fail("a second variant clause: a condition takes one");
    if (!expect(1, "=")) return false;
    const std::string_view name = word(2);
    // "and" joins clauses: as a name it would not survive being followed by another clause.
    if (is_keyword(name, "and")) return fail("'and' joins clauses; it cannot be a variant name");
    if (!is_variant_name(name)) return fail("expected a name of 1 to 64 letters, digits, '_' or '-', " + got(2));
    if (!ends_after(3)) return false;
    c_.variant_.assign(name);
    for (char& c : c_.variant_) c = char(ascii_lower(static_cast<unsigned char>(c)));
    return true;
}

std::string ConditionSyntax::bound_text(int kind, const Condition::Bound& bound) {
    const char* op = bound.op == Compare::greater         ? " > "
                     : bound.op == Compare::greater_equal ? " >= "
                     : bound.op == Compare::less          ? " < "
                                                          : " <= ";
    return std::string(kCountNames[kind]) + op + format_number(bound.number);
}

std::string ConditionSyntax::write(const Condition& c) {
    std::string out;
    const auto add = [&out](const std::string& clause) { out += (out.empty() ? "" : " and ") + clause; };
    for (int k = 0; k < Condition::kCounts; ++k) {
        if (c.lower_[k].op != Compare::none) add(bound_text(k, c.lower_[k]));
        if (c.upper_[k].op != Compare::none) add(bound_text(k, c.upper_[k]));
    }
    if (c.day_.set)
        add(std::string("day is ") + (c.day_.kind == DayMark::holiday ? "holiday " : "workday ") +
            format_offset(c.day_.offset_minutes));
    if (c.weekdays_.set) {
        std::string list;
        for (int d = 0; d < 7; ++d)
            if (c.weekdays_.days >> d & 1) list += (list.empty() ? "" : ",") + std::string(kWeekdayNames[d]);
        add("weekday in " + list + " " + format_offset(c.weekdays_.offset_minutes));
    }
    if (c.time_.set)
        add("time in " + format_minutes(c.time_.start) + "-" + format_minutes(c.time_.end) + " " +
            format_offset(c.time_.offset_minutes));
    if (!c.variant_.empty()) add("variant = " + c.variant_);
    return out;
}

std::string Condition::text() const { return ConditionSyntax::write(*this); }

bool Condition::operator==(const Condition& o) const {
    for (int k = 0; k < kCounts; ++k)
        if (lower_[k].op != o.lower_[k].op || lower_[k].number != o.lower_[k].number ||
            upper_[k].op != o.upper_[k].op || upper_[k].number != o.upper_[k].number)
            return false;
    const auto same_clock = [](const Clock& a, const Clock& b) {
        return a.set == b.set && a.offset_minutes == b.offset_minutes;
    };
    return clause_count_ == o.clause_count_ && same_clock(time_, o.time_) && time_.start == o.time_.start &&
           time_.end == o.time_.end && same_clock(weekdays_, o.weekdays_) && weekdays_.days == o.weekdays_.days &&
           same_clock(day_, o.day_) && day_.kind == o.day_.kind && variant_ == o.variant_;
}

bool parse_condition(std::string_view text, Condition& out, std::string& error) {
    Condition parsed;
    ConditionSyntax syntax(parsed, error);
    for (size_t start = 0, index = 1; !text.empty(); ++index) {
        const size_t split = find_and(text, start);
        const std::string_view clause = text.substr(start, split == std::string_view::npos ? split : split - start);
        if (!syntax.clause(int(index), clause)) return false;
        if (split == std::string_view::npos) break;
        start = split + 5;
    }
    syntax.finish();
    out = std::move(parsed);
    return true;
}

}  // namespace maas

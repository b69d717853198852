// fuzz_condition.cpp - the condition grammar (maas::parse_condition) and
// Condition::holds on fuzzed calls.
//
// Input: the condition text up to the first newline; the bytes after it are
// the call (four counts, an instant, flags, then the variant).
// Properties: a refused text has a message "clause N '...': ..." in valid
// UTF-8; an accepted one writes a canonical text() that parses back to an
// equal condition with the same text and as many clauses as " and " joins;
// the text in upper case parses to the same condition (keywords and names
// compare without case); holds() answers the same twice, is false for a
// clock clause without an instant, and is the conjunction of its clauses,
// each parsed alone.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "condition.hpp"
#include "fuzz_check.hpp"
#include "time_text.hpp"
#include "utf8_text.hpp"

namespace {

constexpr int64_t kMsPerDay = 86400000;

struct Call {
    maas::CallFacts facts;
    int64_t at = 0;
    maas::Calendar calendar;
};

int64_t read_int64(std::string_view bytes, size_t offset) {
    unsigned char b[8] = {};
    for (size_t i = 0; i < 8 && offset + i < bytes.size(); ++i) b[i] = static_cast<unsigned char>(bytes[offset + i]);
    uint64_t v;
    std::memcpy(&v, b, 8);
    return static_cast<int64_t>(v);
}

// The call the bytes after the newline describe: counts, then `at` (kept in
// the valid range when flag 2 is set, so clock clauses are reached), then
// flags: 1 `at` given, 4 a calendar marking that UTC day and its neighbours
// with kinds from flags 8, 16, 32; the rest is the variant.
void read_call(std::string_view bytes, Call& call) {
    maas::CallFacts& f = call.facts;
    f.input = read_int64(bytes, 0);
    f.output = read_int64(bytes, 8);
    f.cached_input = read_int64(bytes, 16);
    f.cache_write = read_int64(bytes, 24);
    call.at = read_int64(bytes, 32);
    const unsigned flags = bytes.size() > 40 ? static_cast<unsigned char>(bytes[40]) : 0;
    if (flags & 2) {
        const uint64_t span = uint64_t(maas::kAfterLastInstantMs - maas::kFirstInstantMs);
        call.at = maas::kFirstInstantMs + int64_t(uint64_t(call.at) % span);
    }
    f.at = flags & 1 ? &call.at : nullptr;
    if (flags & 4 && maas::instant_in_range(call.at)) {
        const int64_t day = call.at / kMsPerDay - (call.at % kMsPerDay < 0);
        for (int k = -1; k <= 1; ++k)
            call.calendar.add({day + k, flags & (8u << (k + 1)) ? maas::DayMark::holiday : maas::DayMark::workday});
        f.calendar = &call.calendar;
    }
    f.variant = bytes.size() > 41 ? bytes.substr(41) : std::string_view();
}

std::vector<std::string> clauses_of(const std::string& text) {
    std::vector<std::string> out;
    for (size_t start = 0; !text.empty();) {
        const size_t split = text.find(" and ", start);
        out.push_back(text.substr(start, split == std::string::npos ? split : split - start));
        if (split == std::string::npos) break;
        start = split + 5;
    }
    return out;
}

void check_refused(std::string_view text, const std::string& error) {
    FUZZ_CHECK(error.compare(0, 7, "clause ") == 0, std::string(text) + " -> " + error);
    FUZZ_CHECK(maas::utf8_safe(error) == error, error);
    FUZZ_CHECK(error.size() < 400, error);  // quotes are cut short
}

void check_accepted(std::string_view text, const maas::Condition& c) {
    const std::string canonical = c.text();
    maas::Condition again;
    std::string error;
    FUZZ_CHECK(maas::parse_condition(canonical, again, error), std::string(text) + " -> " + canonical + ": " + error);
    FUZZ_CHECK(again == c && again.text() == canonical, std::string(text) + " -> " + canonical);
    FUZZ_CHECK(clauses_of(canonical).size() == size_t(c.clause_count()), canonical);
    std::string upper(text);
    for (char& ch : upper)
        if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    maas::Condition shouted;
    FUZZ_CHECK(maas::parse_condition(upper, shouted, error) && shouted == c, upper + ": " + error);
}

void check_holds(const maas::Condition& c, const Call& call) {
    const bool holds = c.holds(call.facts);
    FUZZ_CHECK(holds == c.holds(call.facts), c.text());
    if (c.uses_time() && call.facts.at == nullptr) FUZZ_CHECK(!holds, c.text());
    bool all = true;
    for (const std::string& clause : clauses_of(c.text())) {
        maas::Condition one;
        std::string error;
        FUZZ_CHECK(maas::parse_condition(clause, one, error) && one.clause_count() == 1, clause + ": " + error);
        all = all && one.holds(call.facts);
    }
    FUZZ_CHECK(holds == all, c.text());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t newline = input.find('\n');
    const std::string_view text = input.substr(0, newline);
    maas::Condition c;
    std::string error;
    if (!maas::parse_condition(text, c, error)) {
        check_refused(text, error);
        return 0;
    }
    check_accepted(text, c);
    Call call;
    read_call(newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1), call);
    check_holds(c, call);
    return 0;
}

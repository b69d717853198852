// flat_counts.cpp - a flat JSON object of counts in one pass (see flat_counts.hpp).
#include "flat_counts.hpp"

#include "json_reader.hpp"  // is_json_space
#include "json_runs.hpp"
#include "token_counts.hpp"

namespace maas {
namespace {

// Past JSON white space; compact JSON has none, so the first test ends it.
inline void skip_space(std::string_view text, size_t& at) {
    while (at < text.size() && static_cast<unsigned char>(text[at]) <= ' ' && is_json_space(text[at])) ++at;
}

}  // namespace

int read_flat_counts(std::string_view text, FlatCount* members, int capacity, int (*tag_of)(std::string_view key)) {
    const char* p = text.data();
    const size_t n = text.size();
    size_t at = 0;
    skip_space(text, at);
    if (at >= n || p[at] != '{') return -1;
    ++at;
    for (int count = 0; count < capacity; ++count) {
        skip_space(text, at);
        if (at >= n || p[at] != '"') return -1;  // `{}` too: parse() answers it
        const size_t key_at = ++at;
        // The key's plain bytes up to its quote; anything else, an escape or
        // UTF-8 included, is left to parse().
        at = json_runs::plain_end(p, at, n);
        if (at >= n || p[at] != '"') return -1;
        const size_t key_end = at;
        ++at;
        skip_space(text, at);
        if (at >= n || p[at] != ':') return -1;
        ++at;
        skip_space(text, at);
        // A value that is no count ends it before the key is asked about:
        // a response's first member ("id":"...") costs no lookup.
        if (at >= n || static_cast<unsigned>(p[at] - '0') > 9) return -1;
        FlatCount& member = members[count];
        member.key = std::string_view(p + key_at, key_end - key_at);
        if ((member.tag = tag_of(member.key)) < 0) return -1;
        const size_t digits_at = at;
        at = json_runs::digits_end(p, at, n);
        // JSON has no leading zero; a count beyond int64_t is parse()'s and
        // the caller's to report.
        if (at == digits_at || (p[digits_at] == '0' && at - digits_at > 1) ||
            !count_from_digits(std::string_view(p + digits_at, at - digits_at), member.count))
            return -1;
        skip_space(text, at);
        if (at >= n) return -1;
        if (p[at] == ',') {
            ++at;
            continue;
        }
        if (p[at] != '}') return -1;  // a fraction, an exponent, a nested value, ...
        ++at;
        skip_space(text, at);
        return at == n ? count + 1 : -1;
    }
    return -1;  // more members than `capacity`
}

}  // namespace maas

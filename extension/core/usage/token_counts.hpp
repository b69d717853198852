// token_counts.hpp - the tokens of one or more calls, by kind, in one
// normalized form that every usage shape is read into and every price
// applies to.
//
// The rule that keeps each token counted once: `input` is every input token
// of the call(s), cached reads and cache writes included; `cached_input` and
// `cache_write` say how many of those were read from or written to the
// prompt cache.  `output` is every output token, reasoning included;
// `reasoning` says how many of those were reasoning (never billed again).
// Shapes that report input without the cached part (Anthropic's
// input_tokens) are added up into `input` when they are read.
//
//   input 1000, cached_input 800, output 500:
//     200 x input price + 800 x cached-input price (the input price when the
//     card has none) + 500 x output price
//
//   maas::TokenCounts t;
//   t.input = 1000; t.cached_input = 800; t.output = 500;
//   t.uncached_input();   // 200
#pragma once

#include <cstdint>
#include <string_view>

namespace maas {

struct TokenCounts {
    int64_t input = 0;         // every input token, cached ones included
    int64_t cached_input = 0;  // of which read from the prompt cache
    int64_t cache_write = 0;   // of which written to the prompt cache
    int64_t output = 0;        // every output token, reasoning included
    int64_t reasoning = 0;     // of which reasoning tokens
    int64_t requests = 1;      // calls, for a per-request price
    // The service tier a whole response says served it, as a variant
    // ('flex', 'priority', 'scale': OpenAI's service_tier); "" for the
    // standard tier ('default', 'auto') or none.  Always a static string.
    std::string_view tier;
    std::string_view service_tier() const { return tier; }

    // The input billed at the plain input price.  Only meaningful when
    // consistent() holds.
    int64_t uncached_input() const { return input - cached_input - cache_write; }
    // Every count non-negative and the parts within their wholes.
    bool consistent() const {
        return input >= 0 && cached_input >= 0 && cache_write >= 0 && output >= 0 && reasoning >= 0 && requests >= 0 &&
               cached_input <= input && cache_write <= input - cached_input && reasoning <= output;
    }
};

// A count as a tool writes it: decimal digits only (no sign, fraction or
// exponent), fitting int64_t.  The one rule for a count, in JSON
// (json_reader.hpp) and in ClickHouse's map text (usage_json.cpp).
inline bool count_from_digits(std::string_view digits, int64_t& out) {
    if (digits.empty()) return false;
    int64_t n = 0;
    if (digits.size() <= 18) {  // at most 18 digits cannot pass INT64_MAX: no overflow checks
        for (char c : digits) {
            const unsigned d = unsigned(c - '0');
            if (d > 9) return false;
            n = n * 10 + int64_t(d);
        }
    } else {
        for (char c : digits) {
            const unsigned d = unsigned(c - '0');
            if (d > 9) return false;
            if (__builtin_mul_overflow(n, int64_t(10), &n) || __builtin_add_overflow(n, int64_t(d), &n)) return false;
        }
    }
    out = n;
    return true;
}

}  // namespace maas

// json_runs.hpp - the runs of bytes both JSON readers pass over, 16 at a
// time: plain string bytes and ASCII digits.  JsonReader::parse
// (json_reader.cpp) and read_flat_counts (flat_counts.cpp) share them; on
// x86-64 they compare 16 bytes at once (SSE2), elsewhere 8-byte words.
// Internal to those two files: not part of the reader's interface.
//
//   const char* p = R"("input_tokens":1000,)";
//   size_t key_end = maas::json_runs::plain_end(p, 1, 20);        // 13, the closing quote
//   size_t digits = maas::json_runs::digits_end(p, 15, 20);       // 19, the comma
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace maas::json_runs {

// How many of the 16 bytes at p are plain string content: the offset of the
// first quote, backslash, control character or non-ASCII byte, or 16.  This
// is where a reader spends its time (a response is mostly message text), so
// x86-64 compares 16 bytes at once; elsewhere two 8-byte words use the
// "has a byte below n" bit trick, whose lowest flagged byte is exact.
inline unsigned plain_run16(const char* p) {
#if defined(__SSE2__)
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed bytes: below 0x20 covers both the control characters and 0x80-0xFF.
    const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                      _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                         _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
    const unsigned bits = unsigned(_mm_movemask_epi8(special));
    return bits ? unsigned(__builtin_ctz(bits)) : 16;
#else
    constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (unsigned half = 0; half < 16; half += 8) {
        uint64_t w;
        std::memcpy(&w, p + half, 8);
        if (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) w = __builtin_bswap64(w);
        const uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
        const uint64_t flagged = (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                                  ((backslash - ones) & ~backslash) | w) &
                                 highs;
        if (flagged) return half + unsigned(__builtin_ctzll(flagged)) / 8;
    }
    return 16;
#endif
}

// How many of the 16 bytes at p are ASCII digits before the first that is
// not: counts are most of a usage object's bytes outside its keys.
inline unsigned digit_run16(const char* p) {
#if defined(__SSE2__)
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed bytes: 0x80-0xFF are negative, below '0'.
    const __m128i digits = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                         _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    const unsigned others = ~unsigned(_mm_movemask_epi8(digits)) & 0xFFFFu;
    return others ? unsigned(__builtin_ctz(others)) : 16;
#else
    unsigned run = 0;
    while (run < 16 && static_cast<unsigned>(p[run] - '0') <= 9) ++run;
    return run;
#endif
}

// The end of the run of plain string bytes (those plain_run16 passes) that
// starts at p[at], at most n: 16 bytes at a time, then byte by byte.
// (JsonReader::parse reads a padded copy, with loops that need no end.)
inline size_t plain_end(const char* p, size_t at, size_t n) {
    while (at + 16 <= n) {
        const unsigned plain = plain_run16(p + at);
        at += plain;
        if (plain < 16) return at;
    }
    while (at < n && static_cast<unsigned char>(p[at]) >= 0x20 && static_cast<unsigned char>(p[at]) < 0x80 &&
           p[at] != '"' && p[at] != '\\')
        ++at;
    return at;
}

// The end of the run of ASCII digits that starts at p[at], at most n.
inline size_t digits_end(const char* p, size_t at, size_t n) {
    while (at + 16 <= n) {
        const unsigned run = digit_run16(p + at);
        at += run;
        if (run < 16) return at;
    }
    while (at < n && static_cast<unsigned>(p[at] - '0') <= 9) ++at;
    return at;
}

}  // namespace maas::json_runs

// ascii.hpp - the one ASCII case fold of sqlite-maas.
//
// Model names, aliases and items match when they are equal after folding
// ASCII letters A-Z to a-z; every other byte (UTF-8 included) must be equal.
// This is SQLite's own NOCASE rule, so `maas_rates WHERE model = ?` and the
// pricing functions agree on what "the same name" means.
//
//   maas::ascii_lower('Q');                                  // 'q'
//   maas::ascii_lower8(0x4243);                              // 0x6263: "BC" -> "bc", eight bytes at a time
//   maas::equal_ignoring_ascii_case("Qwen3-8B", "qwen3-8b"); // true
#pragma once

#include <cstdint>
#include <string_view>

namespace maas {

constexpr unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

// ascii_lower of each of the eight bytes of w, all at once: the same rule
// for a name read a word at a time (name_index.cpp hashes every name of a
// catalog at each load).  Per byte, bit 7 of (b & 0x7F) + 0x3F says b & 0x7F
// >= 'A', of (b & 0x7F) + 0x25 that it is > 'Z' (no sum carries into the
// next byte); a byte from 0x80 up is left alone, as ascii_lower leaves it.
constexpr uint64_t ascii_lower8(uint64_t w) {
    constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kHigh = 0x8080808080808080ull;
    const uint64_t low = w & kLow7;
    const uint64_t upper = (low + 0x3F3F3F3F3F3F3F3Full) & ~(low + 0x2525252525252525ull) & ~w & kHigh;
    return w | (upper >> 2);  // bit 7 of each upper-case byte becomes its bit 5, 'a' - 'A'
}

inline bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(static_cast<unsigned char>(a[i])) != ascii_lower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

}  // namespace maas

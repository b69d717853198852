// ascii.hpp - the one ASCII case fold of sqlite-maas.
//
// Model names, aliases and items match when they are equal after folding
// ASCII letters A-Z to a-z; every other byte (UTF-8 included) must be equal.
// This is SQLite's own NOCASE rule, so `maas_rates WHERE model = ?` and the
// pricing functions agree on what "the same name" means.
//
//   maas::ascii_lower('Q');                                  // 'q'
//   maas::equal_ignoring_ascii_case("Qwen3-8B", "qwen3-8b"); // true
#pragma once

#include <string_view>

namespace maas {

constexpr unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

inline bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(static_cast<unsigned char>(a[i])) != ascii_lower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

}  // namespace maas

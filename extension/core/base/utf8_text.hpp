// utf8_text.hpp - keeping messages valid UTF-8.
//
// Error messages quote file names, field values and arguments, which may hold
// any bytes; SQLite passes messages on as UTF-8 text, so every byte that is
// not part of a valid UTF-8 character is replaced before a message leaves.
//
//   maas::utf8_safe("caf\xC3");               // "caf?"
//   maas::valid_utf8_prefix("日本", 4);        // 3: never half a character
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace maas {

// Length of the longest prefix of text (at most limit bytes) made of whole,
// valid UTF-8 characters.
size_t valid_utf8_prefix(std::string_view text, size_t limit);

// The text with every byte that is not part of valid UTF-8 replaced by '?'.
std::string utf8_safe(std::string_view text);

}  // namespace maas

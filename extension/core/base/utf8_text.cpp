// utf8_text.cpp - see utf8_text.hpp.
#include "utf8_text.hpp"

namespace maas {

size_t valid_utf8_prefix(std::string_view s, size_t limit) {
    size_t i = 0, good = 0;
    while (i < s.size() && i < limit) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size() || i + len > limit) break;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return good;
        i += len;
        good = i;
    }
    return good;
}

std::string utf8_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const size_t good = valid_utf8_prefix(text, text.size());
        out.append(text.substr(0, good));
        text.remove_prefix(good);
        if (!text.empty()) {
            out += '?';
            text.remove_prefix(1);
        }
    }
    return out;
}

}  // namespace maas

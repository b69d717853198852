// usage_memo.cpp - reading a text the memo does not hold (see usage_memo.hpp).
#include "usage_memo.hpp"

#include <algorithm>
#include <new>

namespace maas {

void UsageMemo::read_afresh(std::string_view text) {
    // Forgotten first: if the reader throws, nothing half-written is taken
    // for the answer to the old text.
    remembered_ = false;
    tokens_ = TokenCounts{};
    outcome_ = reader_.read(text, tokens_, why_);
    if (outcome_ == Usage::out_of_memory || text.size() > kLongestRemembered) return;
    if (text.size() > capacity_ || !text_) {
        const size_t capacity = std::min(std::max({text.size(), 2 * capacity_, size_t(256)}), kLongestRemembered);
        char* grown = new (std::nothrow) char[capacity];
        if (!grown) return;  // not remembered; this call's answer stands
        text_.reset(grown);
        capacity_ = capacity;
    }
    if (!text.empty()) std::memcpy(text_.get(), text.data(), text.size());
    size_ = text.size();
    remembered_ = true;
}

}  // namespace maas

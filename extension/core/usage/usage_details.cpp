// usage_details.cpp - adding up Langfuse's usage_details (see usage_details.hpp).
#include "usage_details.hpp"

#include <algorithm>

namespace maas {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// a += b, remembering an overflow instead of wrapping.
void add_to(int64_t& a, int64_t b, bool& overflow) {
    if (__builtin_add_overflow(a, b, &a)) overflow = true;
}

}  // namespace

void UsageDetailsSum::clear() {
    keys_.clear();
    input_ = cached_ = write_ = output_ = reasoning_ = total_ = 0;
    has_total_ = overflow_ = false;
}

bool UsageDetailsSum::add(std::string_view key, int64_t count, std::string& why) {
    keys_.push_back(key);
    if (key == "total") {
        has_total_ = true;
        total_ = count;
        return true;
    }
    // The keys nearly every row holds, placed without the general rules
    // below (which place them the same way: tests/core/test_usage_json.cpp).
    if (key == "input" || key == "output") {
        add_to(key[0] == 'i' ? input_ : output_, count, overflow_);
        return true;
    }
    if (key == "input_cached_tokens") {
        add_to(input_, count, overflow_);
        add_to(cached_, count, overflow_);
        return true;
    }
    if (key == "output_reasoning_tokens") {
        add_to(output_, count, overflow_);
        add_to(reasoning_, count, overflow_);
        return true;
    }
    if (starts_with(key, "input_priority") || starts_with(key, "output_priority")) return true;
    const bool input = key == "input" || starts_with(key, "input_") || key == "cache_read_input_tokens" ||
                       key == "cache_creation_input_tokens" || starts_with(key, "cached_");
    const bool output = key == "output" || starts_with(key, "output_");
    if (input) {
        add_to(input_, count, overflow_);
        if (contains(key, "cached") || contains(key, "cache_read")) add_to(cached_, count, overflow_);
        else if (contains(key, "cache_creation") || contains(key, "cache_write")) add_to(write_, count, overflow_);
        return true;
    }
    if (output) {
        add_to(output_, count, overflow_);
        if (contains(key, "reasoning")) add_to(reasoning_, count, overflow_);
        return true;
    }
    why = "usage_details." + std::string(key) + " is not a token kind this reader knows";
    return false;
}

bool UsageDetailsSum::finish(TokenCounts& out, bool& found, std::string& why) {
    found = !keys_.empty();
    if (!found) return true;
    // A key given twice.  A map has a handful of keys: comparing each pair
    // costs less than sorting them, up to a dozen or so.
    const std::string_view* twice = nullptr;
    if (keys_.size() <= 12) {
        for (size_t i = 0; i < keys_.size() && !twice; ++i)
            for (size_t j = 0; j < i; ++j)
                if (keys_[i] == keys_[j]) {
                    twice = &keys_[i];
                    break;
                }
    } else {
        std::sort(keys_.begin(), keys_.end());
        const auto it = std::adjacent_find(keys_.begin(), keys_.end());
        if (it != keys_.end()) twice = &*it;
    }
    if (twice) {
        why = "usage_details." + std::string(*twice) + " is given twice";
        return false;
    }
    int64_t sum = input_;
    add_to(sum, output_, overflow_);
    if (overflow_) {
        why = "usage_details: the counts add up to more than 9223372036854775807";
        return false;
    }
    if (has_total_ && total_ != sum) {
        why = "usage_details.total (" + std::to_string(total_) + ") is not the sum of the other keys (" +
              std::to_string(sum) + ")";
        return false;
    }
    out = TokenCounts{};
    out.input = input_;
    out.cached_input = cached_;
    out.cache_write = write_;
    out.output = output_;
    out.reasoning = reasoning_;
    return true;
}

}  // namespace maas

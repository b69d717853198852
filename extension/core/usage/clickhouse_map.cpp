// clickhouse_map.cpp - reading ClickHouse's Map text (see clickhouse_map.hpp).
#include "clickhouse_map.hpp"

#include "json_reader.hpp"

namespace maas {

bool looks_like_clickhouse_map(std::string_view text) {
    size_t i = 0;
    while (i < text.size() && is_json_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '{') return false;
    ++i;
    while (i < text.size() && is_json_space(text[i])) ++i;
    return i < text.size() && text[i] == '\'';
}

bool ClickHouseMapReader::fail(const char* what) {
    *why_ = std::string(what) + " at byte " + std::to_string(at_ + 1);
    return false;
}

bool ClickHouseMapReader::next_entry(std::string_view& key, std::string_view& value) {
    skip_space();
    if (at_ < text_.size() && text_[at_] == '}') {
        ++at_;
        skip_space();
        if (at_ != text_.size()) return fail("unexpected text after the map");
        done_ = true;
        return true;
    }
    if (!first_) {
        if (at_ >= text_.size() || text_[at_] != ',') return fail("expected ',' or '}'");
        ++at_;
        skip_space();
    }
    first_ = false;
    if (at_ >= text_.size() || text_[at_] != '\'') return fail("expected a key in single quotes");
    const size_t start = ++at_;
    // memchr, not a loop of three tests a byte: keys are most of the text.
    const size_t close = text_.find('\'', start);
    const size_t backslash = text_.substr(start, close - start).find('\\');  // to the end when there is no quote
    if (backslash != text_.npos) {
        at_ = start + backslash;
        return fail("a backslash in a key (no token kind has one)");
    }
    if (close == text_.npos) {
        at_ = text_.size();
        return fail("unterminated key");
    }
    at_ = close;
    key = text_.substr(start, at_ - start);
    ++at_;
    skip_space();
    if (at_ >= text_.size() || text_[at_] != ':') return fail("expected ':' after a key");
    ++at_;
    skip_space();
    const size_t value_start = at_;
    while (at_ < text_.size() && static_cast<unsigned>(text_[at_] - '0') <= 9) ++at_;  // a count: the usual value
    while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '}' && !is_json_space(text_[at_])) ++at_;
    if (at_ == value_start) return fail("expected a value");
    value = text_.substr(value_start, at_ - value_start);
    return true;
}

}  // namespace maas

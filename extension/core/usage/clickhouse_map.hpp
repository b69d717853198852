// clickhouse_map.hpp - the text ClickHouse writes for a Map(String, integer)
// column, as Langfuse v3's `usage_details` is exported:
//
//   {'input':1000,'output':500,'total':1500}
//
// It is not JSON (keys in single quotes), so json_reader.hpp cannot read it.  The
// grammar accepted, and nothing else:
//
//   map   := ws '{' ws [ entry ws (',' ws entry ws)* ] '}' ws
//   entry := key ws ':' ws value
//   key   := a single quote, bytes other than a single quote or backslash, a single quote
//   value := a run of bytes other than , } and white space
//   ws    := spaces, tabs, CR and LF
//
// Values are handed over as written, so that the caller applies the same
// rule to a count here as in JSON ("1.5" or "-1" is a bad count, not bad
// syntax).  ClickHouse escapes a quote or backslash in a key with a
// backslash; no token kind holds either, so such a key is refused rather
// than decoded, and every key and value handed over is a view of the text.
//
//   maas::ClickHouseMapReader reader;
//   std::string why;
//   reader.parse("{'input':1000,'output':500}", [](std::string_view key, std::string_view value) {
//       return true;  // false stops the parse (parse then returns ClickHouseMap::stopped)
//   }, why);           // ClickHouseMap::ok
#pragma once

#include <string>
#include <string_view>

#include "json_reader.hpp"  // is_json_space

namespace maas {

enum class ClickHouseMap { ok, stopped, malformed };

// True when `text` starts (after white space) like a ClickHouse map, `{'`,
// which JSON never does: the cue to parse it here rather than as JSON.
bool looks_like_clickhouse_map(std::string_view text);

class ClickHouseMapReader {
public:
    // Calls entry(key, value) for each entry in order; `why` says where the
    // text breaks the grammar when it returns malformed.
    template <typename Entry>
    ClickHouseMap parse(std::string_view text, Entry entry, std::string& why);

private:
    // The next entry, or done_ at the closing brace; false after setting why.
    bool next_entry(std::string_view& key, std::string_view& value);
    bool fail(const char* what);
    // Inline, and one test when there is no space (ClickHouse writes none).
    void skip_space() {
        while (at_ < text_.size() && static_cast<unsigned char>(text_[at_]) <= ' ' && is_json_space(text_[at_])) ++at_;
    }

    std::string_view text_;
    size_t at_ = 0;
    bool first_ = true;
    bool done_ = false;
    std::string* why_ = nullptr;
};

template <typename Entry>
ClickHouseMap ClickHouseMapReader::parse(std::string_view text, Entry entry, std::string& why) {
    text_ = text;
    at_ = 0;
    first_ = true;
    done_ = false;
    why_ = &why;
    skip_space();
    if (at_ >= text_.size() || text_[at_] != '{') {
        fail("expected '{'");
        return ClickHouseMap::malformed;
    }
    ++at_;
    std::string_view key, value;
    while (true) {
        if (!next_entry(key, value)) return ClickHouseMap::malformed;
        if (done_) return ClickHouseMap::ok;
        if (!entry(key, value)) return ClickHouseMap::stopped;
    }
}

}  // namespace maas

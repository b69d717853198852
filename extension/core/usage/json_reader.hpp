// json_reader.hpp - a validating JSON reader built for stored usage: one
// pass over the text checks it is JSON (RFC 8259) and records every value in
// a flat index, so that the few fields a usage row needs are found without
// copying or decoding the rest (a response body is mostly message content).
//
// What it checks, so that malformed text is reported and never half-read:
// the grammar (objects, arrays, strings, numbers, true, false, null, white
// space of space, tab, CR and LF, nothing after the value), strings (no raw
// control characters, only the escapes JSON has, \u escapes with surrogates
// in pairs), and UTF-8 inside strings (no overlong forms, no surrogates,
// nothing past U+10FFFF).  Nesting is limited to 1024 levels, as simdjson's
// default, with no recursion: a hostile document cannot exhaust the stack.
// Numbers are checked against the grammar and kept as written; only counts
// are ever converted (count_of).  tests/core/test_json_reader.cpp and
// fuzz/fuzz_usage_json.cpp hold its verdicts against simdjson's.
//
// Why not simdjson, which this replaced: its DOM parse builds a tape of the
// whole document and cost about 4,200 instructions for a 485-byte response,
// more than SQLite's own reading of the row; this reader skips string
// content 16 bytes at a time and indexes only values (about 20 for a chat
// completion), and it leaves the module without a shared C++ library to
// load (see CMakeLists.txt: load time).  It reads a copy of the text with
// NUL bytes after it, so that no step tests for the end of the text.
//
// A flat object of counts alone (Langfuse's `usage_details`) has a quicker
// reader of its own, with no index: read_flat_counts (flat_counts.hpp).
//
//   maas::JsonReader json;
//   std::string why;
//   if (json.parse(R"({"usage":{"prompt_tokens":10}})", why)) {
//       maas::JsonValue usage = json.root().member("usage");        // kind() == JsonKind::object
//       int64_t n;
//       usage.member("prompt_tokens").count(n);                      // true, n == 10
//   }
//   json.parse("{\"a\":", why);  // false, why == "expected a value at byte 6"
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "token_counts.hpp"

namespace maas {

// The text of a JSON string's inside with its escapes decoded (the text was
// checked by JsonReader::parse).
void decode_json_string(std::string_view inside, std::string& out);

// Whether the n bytes at a and at b are the same.  Inline, in words: a
// usage row compares a dozen short keys with names, and a call to memcmp
// costs more than such a comparison.
inline bool same_bytes(const char* a, const char* b, size_t n) {
    const auto word8 = [](const char* p) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    };
    const auto word4 = [](const char* p) {
        uint32_t w;
        std::memcpy(&w, p, 4);
        return w;
    };
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8)
            if (word8(a + i) != word8(b + i)) return false;
        return word8(a + n - 8) == word8(b + n - 8);  // the last 8, which may overlap the word before
    }
    if (n >= 4) return word4(a) == word4(b) && word4(a + n - 4) == word4(b + n - 4);
    for (size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// JSON's white space: space, tab, LF and CR (ClickHouse's map text and the
// \N of a NULL map around it use the same).
inline bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

enum class JsonKind : uint8_t { absent, null, boolean, number, string, array, object };

// One value in the index.  Offsets are into the parsed text.
struct JsonNode {
    JsonKind kind = JsonKind::absent;
    bool key_escaped = false;           // the member's key holds a backslash escape
    bool text_escaped = false;          // (strings) the value holds a backslash escape
    uint32_t key_at = 0, key_size = 0;  // a member's key, inside its quotes
    uint32_t at = 0, size = 0;          // a string inside its quotes; other values as written
    uint32_t end = 0;                   // the index just past this value and all inside it
};

class JsonReader;

// A value of the last parsed document, or an absent one (a missing member).
// Valid until the reader parses again.
class JsonValue {
public:
    JsonValue() = default;
    JsonKind kind() const { return node_ ? node_->kind : JsonKind::absent; }
    bool present() const { return node_ != nullptr; }
    bool is_null() const { return kind() == JsonKind::null; }
    bool is_number() const { return kind() == JsonKind::number; }
    bool is_object() const { return kind() == JsonKind::object; }
    // The first member named `key` of an object (JSON allows a key twice;
    // the first one is taken, as simdjson and SQLite's json_extract do);
    // absent when there is none or this is not an object.
    inline JsonValue member(std::string_view key) const;
    // A number written as a non-negative integer that fits int64_t: digits
    // only (no sign, fraction or exponent).  False for anything else.
    bool count(int64_t& out) const;
    // A string equal to `text` once its escapes are decoded.
    bool string_equals(std::string_view text) const;

    // Members of an object, in order:  for (JsonMember m = v.first_member(); m.present(); m = m.next()) ...
    class Member;
    inline Member first_member() const;
    // Elements of an array, in order, the same way (their keys are empty).
    inline Member first_element() const;

private:
    friend class JsonReader;
    JsonValue(const JsonReader* reader, uint32_t index);
    JsonValue(const JsonReader* reader, const JsonNode* node, uint32_t index)
        : reader_(reader), node_(node), index_(index) {}
    inline Member first_child(JsonKind container) const;
    const JsonReader* reader_ = nullptr;
    const JsonNode* node_ = nullptr;
    uint32_t index_ = 0;
};

class JsonValue::Member {
public:
    bool present() const { return value_.present(); }
    // The key, its escapes decoded (into `scratch` when it has any).
    inline std::string_view key(std::string& scratch) const;
    // The key compared with `name`, with no copy unless the key has escapes.
    // Inline: finding a member compares most keys by their length alone.
    bool key_is(std::string_view name) const {
        const JsonNode& node = *value_.node_;
        if (node.key_escaped) return escaped_key_is(name);
        if (node.key_size != name.size() || name.empty()) return node.key_size == name.size();
        const char* key = key_text();
        return key[0] == name[0] && same_bytes(key, name.data(), name.size());
    }
    const JsonValue& value() const { return value_; }
    inline Member next() const;

private:
    friend class JsonValue;
    bool escaped_key_is(std::string_view name) const;
    const char* key_text() const;
    explicit Member(JsonValue value, uint32_t parent_end) : value_(value), parent_end_(parent_end) {}
    JsonValue value_;
    uint32_t parent_end_ = 0;
};

class JsonReader {
public:
    // Reads `text`; false with `why` ("<what> at byte N", N counted from 1)
    // when it is not JSON.  Throws std::bad_alloc only when its storage (the
    // index, the padded copy of the text) cannot grow.  Storage is kept for
    // the next document.
    bool parse(std::string_view text, std::string& why);
    JsonValue root() const { return used_ == 0 ? JsonValue() : JsonValue(this, 0); }

    static constexpr size_t kMaxDepth = 1024;

private:
    friend class JsonValue;
    friend class JsonValue::Member;
    struct Pass;  // one run of parse(), in named steps (json_reader.cpp)
    bool fail(const char* what, size_t at);
    struct StringEnd {
        size_t at = 0;  // just past the closing quote
        bool ok = false;
        bool escaped = false;  // the string holds a backslash escape
    };
    StringEnd scan_string_rest(size_t open, size_t at);
    bool scan_escape(size_t& at);
    bool scan_utf8(size_t& at);
    JsonNode* grow_nodes();

    std::string_view text_;
    std::vector<JsonNode> nodes_;  // the index: the first used_ entries, kept for the next document
    size_t used_ = 0;
    std::vector<uint32_t> open_;            // parse()'s stack of open containers (kMaxDepth entries), kept
    static constexpr size_t kPadding = 64;  // NUL bytes after the copy (at least the 16 a run reads)
    std::vector<char> padded_;              // parse()'s copy of the text, then kPadding NULs, kept
    std::string* why_ = nullptr;
};

inline JsonValue::JsonValue(const JsonReader* reader, uint32_t index)
    : reader_(reader), node_(&reader->nodes_[index]), index_(index) {}

// A container's values follow it in the index, up to its `end`.
inline JsonValue::Member JsonValue::first_child(JsonKind container) const {
    if (kind() != container || node_->end == index_ + 1) return Member(JsonValue(), 0);
    return Member(JsonValue(reader_, index_ + 1), node_->end);
}
inline JsonValue::Member JsonValue::first_member() const { return first_child(JsonKind::object); }

inline JsonValue::Member JsonValue::first_element() const { return first_child(JsonKind::array); }

inline JsonValue::Member JsonValue::Member::next() const {
    const uint32_t after = value_.node_->end;
    if (after >= parent_end_) return Member(JsonValue(), 0);
    // From this node, not from the reader's storage, which the compiler
    // would read again after every store of a caller's loop.
    return Member(JsonValue(value_.reader_, value_.node_ + (after - value_.index_), after), parent_end_);
}

inline std::string_view JsonValue::Member::key(std::string& scratch) const {
    const JsonNode& node = *value_.node_;
    // Offsets the parse recorded: no bounds check (substr's) is needed.
    const std::string_view raw(value_.reader_->text_.data() + node.key_at, node.key_size);
    if (!node.key_escaped) return raw;
    scratch.clear();
    decode_json_string(raw, scratch);
    return scratch;
}

// Inline: a usage row looks up a few members of small objects, and a call
// cost as much as the search.
inline JsonValue JsonValue::member(std::string_view key) const {
    for (Member m = first_member(); m.present(); m = m.next())
        if (m.key_is(key)) return m.value();
    return JsonValue();
}

// Inline: a usage row reads a handful of counts.
inline bool JsonValue::count(int64_t& out) const {
    return kind() == JsonKind::number &&
           count_from_digits(std::string_view(reader_->text_.data() + node_->at, node_->size), out);
}

inline const char* JsonValue::Member::key_text() const { return value_.reader_->text_.data() + value_.node_->key_at; }

}  // namespace maas

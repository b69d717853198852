// json_reader.cpp - one validating pass over JSON text (see json_reader.hpp).
#include "json_reader.hpp"

#include <cstring>

#include "json_runs.hpp"
#include "token_counts.hpp"

namespace maas {
namespace {

int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The four hex digits at text[at..at+4), or -1.
int hex4(std::string_view text, size_t at) {
    if (at + 4 > text.size()) return -1;
    int v = 0;
    for (size_t i = 0; i < 4; ++i) {
        const int h = hex_value(static_cast<unsigned char>(text[at + i]));
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

// --- over the padded copy parse() reads ----------------------------------------
// parse() reads a copy of the text followed by kPadding NUL bytes.  A NUL
// continues nothing in JSON (a raw one is an error anywhere, in a string
// too), so the end of the text needs no test of its own: every test of the
// next byte fails there as it would on a wrong byte, and the 16-byte runs
// below may read past the end into the padding.

// Past JSON white space.
inline const char* skip_space_padded(const char* s) {
    while (is_json_space(*s)) ++s;
    return s;
}

// The end of the run of plain string bytes from s (the NUL after the text ends one).
inline const char* plain_end_padded(const char* s) {
    for (;;) {
        const unsigned plain = json_runs::plain_run16(s);
        s += plain;
        if (plain < 16) return s;
    }
}

// The end of the run of ASCII digits from s.
inline const char* digits_end_padded(const char* s) {
    for (;;) {
        const unsigned run = json_runs::digit_run16(s);
        s += run;
        if (run < 16) return s;
    }
}

inline bool is_digit(char c) { return static_cast<unsigned>(c - '0') <= 9; }

// The rest of a number after its integer part, from s: a fraction and an
// exponent, either optional.  Null when they are not JSON's.
const char* number_rest_padded(const char* s) {
    if (*s == '.') {
        if (!is_digit(*++s)) return nullptr;
        s = digits_end_padded(s);
    }
    if (*s == 'e' || *s == 'E') {
        ++s;
        if (*s == '+' || *s == '-') ++s;
        if (!is_digit(*s)) return nullptr;
        s = digits_end_padded(s);
    }
    return s;
}

void append_utf8(uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

}  // namespace

// --- the pass -------------------------------------------------------------------

bool JsonReader::fail(const char* what, size_t at) {
    *why_ = std::string(what) + " at byte " + std::to_string(at + 1);
    return false;
}

// After a backslash at text_[at]: one of JSON's escapes; \u escapes of
// surrogates come in pairs, a high one then a low one.
bool JsonReader::scan_escape(size_t& at) {
    const size_t start = at;
    if (at + 1 >= text_.size()) return fail("unterminated string", start);
    switch (text_[at + 1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't': at += 2; return true;
        case 'u': break;
        default: return fail("invalid escape in a string", start);
    }
    const int unit = hex4(text_, at + 2);
    if (unit < 0) return fail("expected four hex digits after \\u", start);
    at += 6;
    if (unit >= 0xDC00 && unit <= 0xDFFF) return fail("a low surrogate \\u escape without a high one before it", start);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        const int low = at + 1 < text_.size() && text_[at] == '\\' && text_[at + 1] == 'u' ? hex4(text_, at + 2) : -1;
        if (low < 0xDC00 || low > 0xDFFF) return fail("a high surrogate \\u escape without a low one after it", start);
        at += 6;
    }
    return true;
}

// A UTF-8 sequence starting at the non-ASCII byte text_[at] (RFC 3629).
bool JsonReader::scan_utf8(size_t& at) {
    const auto byte = [&](size_t i) -> unsigned { return i < text_.size() ? static_cast<unsigned char>(text_[i]) : 0; };
    const unsigned lead = byte(at);
    unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
    size_t length;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) lo = 0xA0;       // no overlong forms
        else if (lead == 0xED) hi = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) lo = 0x90;
        else if (lead == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
    } else return fail("invalid UTF-8 in a string", at);
    const unsigned second = byte(at + 1);
    if (second < lo || second > hi) return fail("invalid UTF-8 in a string", at);
    for (size_t i = 2; i < length; ++i)
        if ((byte(at + i) & 0xC0) != 0x80) return fail("invalid UTF-8 in a string", at);
    at += length;
    return true;
}

// The rest of a string from text_[at], after `open`, its opening quote:
// escapes, UTF-8, the last bytes of the text.  Out of line, and by value:
// parse() keeps its cursor in a register, which a reference would spill.
JsonReader::StringEnd JsonReader::scan_string_rest(size_t open, size_t at) {
    const char* p = text_.data();
    const size_t n = text_.size();
    StringEnd end;
    for (;;) {
        at = json_runs::plain_end(p, at, n);
        if (at >= n) {
            fail("unterminated string", open);
            return end;
        }
        const unsigned char c = static_cast<unsigned char>(p[at]);
        if (c == '"') {
            end.at = at + 1;
            end.ok = true;
            return end;
        }
        if (c == '\\') {
            end.escaped = true;
            if (!scan_escape(at)) return end;
        } else if (c < 0x20) {
            fail("a control character in a string (JSON needs it escaped)", at);
            return end;
        } else {  // c >= 0x80, all plain_end stops at besides
            // Text in most languages but English: a run of multi-byte characters.
            do {
                if (!scan_utf8(at)) return end;
            } while (at < n && static_cast<unsigned char>(p[at]) >= 0x80);
        }
    }
}

// Grows the index when it is full; storage is kept for the next document.
// Out of line: it happens a few times per connection.
JsonNode* JsonReader::grow_nodes() {
    nodes_.resize(nodes_.empty() ? 64 : nodes_.size() * 2);
    return nodes_.data();
}

// One pass, as a small state machine (no recursion), one step per state:
// `value` reads a value (opening a container pushes it on the stack of open
// ones), `after_value` expects a ',' or the innermost container's closing
// bracket, `close` ends that container, `member` reads a key and ':',
// `element` starts a value with no key.  The key goes straight into the node
// of the value due, so that nothing about it is carried from one state to
// the next.  Every step is forced inline into run() (always_inline: the
// larger ones would otherwise be called), so that the Pass is no object in
// memory but parse()'s locals, kept in registers: the cursor s, the index's
// size, the stack's depth.
// Most strings (keys, ids, English text) are plain bytes up to the quote:
// that case is read inline; the rest (escapes, UTF-8) by scan_string_rest.
struct JsonReader::Pass {
    enum class Step : uint8_t { element, value, member, after_value, close, done, failed };

    JsonReader& reader;
    const char* const p;  // the padded copy of the text
    const char* const e;  // the end of the text in it
    const char* s;        // the cursor
    JsonNode* nodes;      // the index: its first `used` nodes are written
    size_t used = 0, capacity;
    // The open containers, innermost last: each one's index times 2, plus 1
    // for an object, so that closing one tells what the next is at once.
    uint32_t* const open;
    size_t depth = 0;
    bool in_object = false;  // the innermost open container is an object

    Pass(JsonReader& r, std::string_view text)
        : reader(r),
          p(padded_copy(r, text)),
          e(p + text.size()),
          s(p),
          nodes(r.nodes_.data()),
          capacity(r.nodes_.size()),
          open(r.open_.data()) {}

    // The text, then kPadding NULs, in storage kept for the next document;
    // the stack of open containers sized.  The copy costs a memcpy; the end
    // tests it saves cost more (see skip_space_padded).
    static const char* padded_copy(JsonReader& r, std::string_view text) {
        if (r.open_.size() < kMaxDepth) r.open_.resize(kMaxDepth);
        if (r.padded_.size() < text.size() + kPadding) r.padded_.resize(text.size() + kPadding);
        if (!text.empty()) std::memcpy(r.padded_.data(), text.data(), text.size());
        std::memset(r.padded_.data() + text.size(), 0, kPadding);
        return r.padded_.data();
    }

    // Each step is followed by a jump to the step it returns; inlined, each
    // `return Step::...` becomes a jump straight to that label.  (A loop
    // over one switch of the step cost ~110 instructions more per chat
    // completion, callgrind: the compiler kept the dispatch.)
    [[gnu::always_inline]] bool run() {
#define MAAS_GO_TO(next)                                   \
    switch (next) {                                        \
        case Step::element: goto element;                  \
        case Step::value: goto value;                      \
        case Step::member: goto member;                    \
        case Step::after_value: goto after_value;          \
        case Step::close: goto close;                      \
        case Step::done: reader.used_ = used; return true; \
        case Step::failed: return false;                   \
    }
    element:
        start_element();
    value:
        MAAS_GO_TO(read_value());
    member:
        MAAS_GO_TO(read_key());
    after_value:
        MAAS_GO_TO(after_value());
    close:
        MAAS_GO_TO(close());
#undef MAAS_GO_TO
        return false;
    }

    uint32_t offset(const char* at) const { return uint32_t(at - p); }
    Step fail(const char* what, const char* at) {
        reader.fail(what, offset(at));
        return Step::failed;
    }

    [[gnu::always_inline]] void make_room() {
        if (used == capacity) {
            nodes = reader.grow_nodes();
            capacity = reader.nodes_.size();
        }
    }

    // The root, or a value in an array: the node due has no key.
    [[gnu::always_inline]] void start_element() {
        make_room();
        nodes[used].key_at = nodes[used].key_size = 0;
        nodes[used].key_escaped = false;
    }

    // A value into nodes[used], its key (if any) written.
    [[gnu::always_inline]] Step read_value() {
        if (static_cast<unsigned char>(*s) <= ' ') s = skip_space_padded(s);
        JsonNode& node = nodes[used++];
        node.text_escaped = false;
        node.at = offset(s);
        switch (*s) {
            case '{':
            case '[': return open_container(node);
            case '"': return read_string(node);
            // The padding is NUL: the four or five bytes can be compared at once.
            case 't': return read_word(node, JsonKind::boolean, "true", 4);
            case 'f': return read_word(node, JsonKind::boolean, "false", 5);
            case 'n': return read_word(node, JsonKind::null, "null", 4);
            default: return read_number(node);
        }
    }

    [[gnu::always_inline]] Step open_container(JsonNode& node) {
        if (depth >= kMaxDepth) return fail("nested deeper than 1024 levels", s);
        in_object = *s == '{';
        node.kind = in_object ? JsonKind::object : JsonKind::array;
        open[depth++] = uint32_t(used - 1) * 2 + in_object;
        ++s;
        if (static_cast<unsigned char>(*s) <= ' ') s = skip_space_padded(s);
        if (*s == (in_object ? '}' : ']')) {
            ++s;
            return Step::close;
        }
        return in_object ? Step::member : Step::element;
    }

    [[gnu::always_inline]] Step read_string(JsonNode& node) {
        const char* const start = s;
        node.kind = JsonKind::string;
        const char* q = plain_end_padded(s + 1);
        if (*q == '"') {
            s = q + 1;
        } else {
            const StringEnd end = reader.scan_string_rest(offset(start), offset(q));
            if (!end.ok) return Step::failed;
            // scan_string_rest never grows the index: `node` is still valid.
            node.text_escaped = end.escaped;
            s = p + end.at;
        }
        node.at = offset(start) + 1;
        node.size = uint32_t(s - start) - 2;
        node.end = uint32_t(used);
        return Step::after_value;
    }

    // true, false or null: `word`, `size` bytes.
    [[gnu::always_inline]] Step read_word(JsonNode& node, JsonKind kind, const char* word, uint32_t size) {
        node.kind = kind;
        if (!same_bytes(s, word, size)) return fail("expected a value", s);
        s += size;
        node.size = size;
        node.end = uint32_t(used);
        return Step::after_value;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    [[gnu::always_inline]] Step read_number(JsonNode& node) {
        const char* const start = s;
        node.kind = JsonKind::number;
        if (*s == '-') {
            if (!is_digit(*++s)) return fail("invalid number", start);
        } else if (!is_digit(*s)) {
            return fail("expected a value", s);  // at the end of the text too
        }
        if (*s++ != '0') s = digits_end_padded(s);
        if (*s == '.' || *s == 'e' || *s == 'E') {  // not an integer, the usual case
            s = number_rest_padded(s);
            if (!s) return fail("invalid number", start);
        }
        node.size = uint32_t(s - start);
        node.end = uint32_t(used);
        return Step::after_value;
    }

    // The end of the text, or a ',' or the innermost container's bracket.
    [[gnu::always_inline]] Step after_value() {
        if (static_cast<unsigned char>(*s) <= ' ') s = skip_space_padded(s);
        if (depth == 0) {
            if (s != e) return fail("unexpected text after the JSON value", s);
            return Step::done;
        }
        if (*s == ',') {
            ++s;
            return in_object ? Step::member : Step::element;
        }
        if (*s == (in_object ? '}' : ']')) {
            ++s;
            return Step::close;
        }
        return fail(in_object ? "expected ',' or '}'" : "expected ',' or ']'", s);
    }

    // The innermost container ends at the bracket just passed.
    [[gnu::always_inline]] Step close() {
        JsonNode& container = nodes[open[--depth] / 2];
        container.size = offset(s) - container.at;
        container.end = uint32_t(used);
        in_object = depth > 0 && (open[depth - 1] & 1);
        return Step::after_value;
    }

    // A member's key and its ':', written into the node of the value due.
    [[gnu::always_inline]] Step read_key() {
        // Compact JSON (as tools store it) has no space around keys: look first.
        if (*s != '"') {
            s = skip_space_padded(s);
            if (*s != '"') return fail("expected a key in double quotes", s);
        }
        // The same two steps as read_string's, written out again: a shared
        // inline helper returning the end as a StringEnd cost ~240
        // instructions more per chat completion (callgrind).
        const char* const open_quote = s;
        const char* q = plain_end_padded(s + 1);
        bool escaped = false;
        if (*q == '"') {
            s = q + 1;
        } else {
            const StringEnd end = reader.scan_string_rest(offset(open_quote), offset(q));
            if (!end.ok) return Step::failed;
            escaped = end.escaped;
            s = p + end.at;
        }
        make_room();
        JsonNode& due = nodes[used];
        due.key_at = offset(open_quote) + 1;
        due.key_size = uint32_t(s - open_quote) - 2;
        due.key_escaped = escaped;
        if (*s != ':') {
            s = skip_space_padded(s);
            if (*s != ':') return fail("expected ':' after a key", s);
        }
        ++s;
        return Step::value;
    }
};

bool JsonReader::parse(std::string_view text, std::string& why) {
    text_ = text;
    why_ = &why;
    used_ = 0;
    if (text.size() > UINT32_MAX) return fail("a document over 4 GB", 0);
    Pass pass(*this, text);
    return pass.run();
}

// --- reading the index ------------------------------------------------------------

bool JsonValue::Member::escaped_key_is(std::string_view name) const {
    std::string scratch;
    return key(scratch) == name;
}

bool JsonValue::string_equals(std::string_view text) const {
    if (kind() != JsonKind::string) return false;
    const std::string_view raw = reader_->text_.substr(node_->at, node_->size);
    if (!node_->text_escaped) return raw == text;
    std::string decoded;
    decode_json_string(raw, decoded);
    return decoded == text;
}

void decode_json_string(std::string_view inside, std::string& out) {
    for (size_t i = 0; i < inside.size(); ++i) {
        const char c = inside[i];
        if (c != '\\' || i + 1 >= inside.size()) {
            out += c;
            continue;
        }
        const char e = inside[++i];
        switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                uint32_t cp = uint32_t(hex4(inside, i + 1));
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {  // parse() saw the low half follow
                    const uint32_t low = uint32_t(hex4(inside, i + 3));
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
                append_utf8(cp, out);
                break;
            }
            default: out += e;  // " \ /
        }
    }
}

}  // namespace maas

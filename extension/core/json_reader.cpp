// json_reader.cpp - one validating pass over JSON text (see json_reader.hpp).
#include "json_reader.hpp"

#include <cstring>

#include "token_counts.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace maas {
namespace {

// Past JSON white space; compact JSON has none, so the first test ends it.
inline void skip_space(std::string_view text, size_t& at) {
    while (at < text.size() && static_cast<unsigned char>(text[at]) <= ' ' && is_json_space(text[at])) ++at;
}

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

// How many of the 16 bytes at p are plain string content: the offset of the
// first quote, backslash, control character or non-ASCII byte, or 16.  This
// is where a reader spends its time (a response is mostly message text), so
// x86-64 compares 16 bytes at once; elsewhere two 8-byte words use the
// "has a byte below n" bit trick, whose lowest flagged byte is exact.
inline unsigned plain_run16(const char* p) {
#if defined(__SSE2__)
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed bytes: below 0x20 covers both the control characters and 0x80-0xFF.
    const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                      _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                         _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
    const unsigned bits = unsigned(_mm_movemask_epi8(special));
    return bits ? unsigned(__builtin_ctz(bits)) : 16;
#else
    constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (unsigned half = 0; half < 16; half += 8) {
        uint64_t w;
        std::memcpy(&w, p + half, 8);
        if (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) w = __builtin_bswap64(w);
        const uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
        const uint64_t flagged = (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                                  ((backslash - ones) & ~backslash) | w) &
                                 highs;
        if (flagged) return half + unsigned(__builtin_ctzll(flagged)) / 8;
    }
    return 16;
#endif
}

// How many of the 16 bytes at p are ASCII digits before the first that is
// not: counts are most of a usage object's bytes outside its keys.
inline unsigned digit_run16(const char* p) {
#if defined(__SSE2__)
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed bytes: 0x80-0xFF are negative, below '0'.
    const __m128i digits = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                         _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    const unsigned others = ~unsigned(_mm_movemask_epi8(digits)) & 0xFFFFu;
    return others ? unsigned(__builtin_ctz(others)) : 16;
#else
    unsigned run = 0;
    while (run < 16 && static_cast<unsigned>(p[run] - '0') <= 9) ++run;
    return run;
#endif
}

// The end of the run of plain string bytes (those plain_run16 passes) that
// starts at p[at], at most n: 16 bytes at a time, then byte by byte.
// (parse() reads a padded copy, with the loops below that need no end.)
inline size_t plain_end(const char* p, size_t at, size_t n) {
    while (at + 16 <= n) {
        const unsigned plain = plain_run16(p + at);
        at += plain;
        if (plain < 16) return at;
    }
    while (at < n && static_cast<unsigned char>(p[at]) >= 0x20 && static_cast<unsigned char>(p[at]) < 0x80 &&
           p[at] != '"' && p[at] != '\\')
        ++at;
    return at;
}

// The end of the run of ASCII digits that starts at p[at], at most n.
inline size_t digits_end(const char* p, size_t at, size_t n) {
    while (at + 16 <= n) {
        const unsigned run = digit_run16(p + at);
        at += run;
        if (run < 16) return at;
    }
    while (at < n && static_cast<unsigned>(p[at] - '0') <= 9) ++at;
    return at;
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
        const unsigned plain = plain_run16(s);
        s += plain;
        if (plain < 16) return s;
    }
}

// The end of the run of ASCII digits from s.
inline const char* digits_end_padded(const char* s) {
    for (;;) {
        const unsigned run = digit_run16(s);
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
        at = plain_end(p, at, n);
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

// One pass, as a small state machine (no recursion): `value` reads a value
// (opening a container pushes it on the stack of open ones), `after_value`
// expects a ',' or the innermost container's closing bracket, `member`
// reads a key and ':', `element` starts a value with no key.  The key goes
// straight into the node of the value due, so that nothing about it is
// carried from one state to the next.  Everything else the pass updates is
// a local, so that it stays in registers: the cursor s, the index's size,
// the stack's depth.
// Most strings (keys, ids, English text) are plain bytes up to the quote:
// that case is read inline; the rest (escapes, UTF-8) by scan_string_rest.
bool JsonReader::parse(std::string_view text, std::string& why) {
    text_ = text;
    why_ = &why;
    used_ = 0;
    if (text.size() > UINT32_MAX) return fail("a document over 4 GB", 0);
    if (open_.size() < kMaxDepth) open_.resize(kMaxDepth);
    // The copy costs a memcpy; the end tests it saves cost more (see
    // skip_space_padded).
    if (padded_.size() < text.size() + kPadding) padded_.resize(text.size() + kPadding);
    if (!text.empty()) std::memcpy(padded_.data(), text.data(), text.size());
    std::memset(padded_.data() + text.size(), 0, kPadding);
    const char* const p = padded_.data();
    const char* const e = p + text.size();
    const char* s = p;
    const auto offset = [p](const char* at) { return uint32_t(at - p); };
    JsonNode* nodes = nodes_.data();
    size_t used = 0, capacity = nodes_.size();
    // The open containers, innermost last: each one's index times 2, plus 1
    // for an object, so that closing one tells what the next is at once.
    uint32_t* const open = open_.data();
    size_t depth = 0;
    bool in_object = false;  // the innermost open container is an object

element:
    // The root, or a value in an array: the node due has no key.
    if (used == capacity) {
        nodes = grow_nodes();
        capacity = nodes_.size();
    }
    nodes[used].key_at = nodes[used].key_size = 0;
    nodes[used].key_escaped = false;

value:
    // nodes[used], its key (if any) written.
    if (static_cast<unsigned char>(*s) <= ' ') s = skip_space_padded(s);
    {
        JsonNode& node = nodes[used++];
        node.text_escaped = false;
        node.at = offset(s);
        const char* const start = s;
        switch (*s) {
            case '{':
            case '[':
                if (depth >= kMaxDepth) return fail("nested deeper than 1024 levels", offset(s));
                in_object = *s == '{';
                node.kind = in_object ? JsonKind::object : JsonKind::array;
                open[depth++] = uint32_t(used - 1) * 2 + in_object;
                ++s;
                if (static_cast<unsigned char>(*s) <= ' ') s = skip_space_padded(s);
                if (*s == (in_object ? '}' : ']')) {
                    ++s;
                    goto close;
                }
                if (in_object) goto member;
                goto element;
            case '"': {
                node.kind = JsonKind::string;
                const char* q = plain_end_padded(s + 1);
                if (*q == '"') {
                    s = q + 1;
                } else {
                    const StringEnd end = scan_string_rest(offset(start), offset(q));
                    if (!end.ok) return false;
                    // scan_string_rest never grows the index: `node` is still valid.
                    node.text_escaped = end.escaped;
                    s = p + end.at;
                }
                node.at = offset(start) + 1;
                node.size = uint32_t(s - start) - 2;
                node.end = uint32_t(used);
                goto after_value;
            }
            // The padding is NUL: the four or five bytes can be compared at once.
            case 't':
                node.kind = JsonKind::boolean;
                if (!same_bytes(s, "true", 4)) return fail("expected a value", offset(s));
                s += 4;
                break;
            case 'f':
                node.kind = JsonKind::boolean;
                if (!same_bytes(s, "false", 5)) return fail("expected a value", offset(s));
                s += 5;
                break;
            case 'n':
                node.kind = JsonKind::null;
                if (!same_bytes(s, "null", 4)) return fail("expected a value", offset(s));
                s += 4;
                break;
            default:
                // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
                node.kind = JsonKind::number;
                if (*s == '-') {
                    if (!is_digit(*++s)) return fail("invalid number", offset(start));
                } else if (!is_digit(*s)) {
                    return fail("expected a value", offset(s));  // at the end of the text too
                }
                if (*s++ != '0') s = digits_end_padded(s);
                if (*s == '.' || *s == 'e' || *s == 'E') {  // not an integer, the usual case
                    s = number_rest_padded(s);
                    if (!s) return fail("invalid number", offset(start));
                }
        }
        node.size = uint32_t(s - start);
        node.end = uint32_t(used);
    }

after_value:
    if (static_cast<unsigned char>(*s) <= ' ') s = skip_space_padded(s);
    if (depth == 0) {
        if (s != e) return fail("unexpected text after the JSON value", offset(s));
        used_ = used;
        return true;
    }
    if (*s == ',') {
        ++s;
        if (in_object) goto member;
        goto element;
    }
    if (*s == (in_object ? '}' : ']')) {
        ++s;
        goto close;
    }
    return fail(in_object ? "expected ',' or '}'" : "expected ',' or ']'", offset(s));

close:
    // The innermost container ends at the bracket just passed.
    {
        JsonNode& container = nodes[open[--depth] / 2];
        container.size = offset(s) - container.at;
        container.end = uint32_t(used);
        in_object = depth > 0 && (open[depth - 1] & 1);
    }
    goto after_value;

member:
    // Compact JSON (as tools store it) has no space around keys: look first.
    if (*s != '"') {
        s = skip_space_padded(s);
        if (*s != '"') return fail("expected a key in double quotes", offset(s));
    }
    {
        // The same two steps as a string value's, written out again: a
        // shared inline helper returning the end as a StringEnd cost ~240
        // instructions more per chat completion (callgrind).
        const char* const open_quote = s;
        const char* q = plain_end_padded(s + 1);
        bool escaped = false;
        if (*q == '"') {
            s = q + 1;
        } else {
            const StringEnd end = scan_string_rest(offset(open_quote), offset(q));
            if (!end.ok) return false;
            escaped = end.escaped;
            s = p + end.at;
        }
        if (used == capacity) {
            nodes = grow_nodes();
            capacity = nodes_.size();
        }
        JsonNode& due = nodes[used];
        due.key_at = offset(open_quote) + 1;
        due.key_size = uint32_t(s - open_quote) - 2;
        due.key_escaped = escaped;
    }
    if (*s != ':') {
        s = skip_space_padded(s);
        if (*s != ':') return fail("expected ':' after a key", offset(s));
    }
    ++s;
    goto value;
}

// --- a flat object of counts ------------------------------------------------------

int read_flat_counts(std::string_view text, FlatCount* members, int capacity, int (*tag_of)(std::string_view key)) {
    const char* p = text.data();
    const size_t n = text.size();
    size_t at = 0;
    skip_space(text, at);
    if (at >= n || p[at] != '{') return -1;
    ++at;
    for (int count = 0; count < capacity; ++count) {
        skip_space(text, at);
        if (at >= n || p[at] != '"') return -1;  // `{}` too: parse() answers it
        const size_t key_at = ++at;
        // The key's plain bytes up to its quote; anything else, an escape or
        // UTF-8 included, is left to parse().
        at = plain_end(p, at, n);
        if (at >= n || p[at] != '"') return -1;
        const size_t key_end = at;
        ++at;
        skip_space(text, at);
        if (at >= n || p[at] != ':') return -1;
        ++at;
        skip_space(text, at);
        // A value that is no count ends it before the key is asked about:
        // a response's first member ("id":"...") costs no lookup.
        if (at >= n || static_cast<unsigned>(p[at] - '0') > 9) return -1;
        FlatCount& member = members[count];
        member.key = std::string_view(p + key_at, key_end - key_at);
        if ((member.tag = tag_of(member.key)) < 0) return -1;
        const size_t digits_at = at;
        at = digits_end(p, at, n);
        // JSON has no leading zero; a count beyond int64_t is parse()'s and
        // the caller's to report.
        if (at == digits_at || (p[digits_at] == '0' && at - digits_at > 1) ||
            !count_from_digits(std::string_view(p + digits_at, at - digits_at), member.count))
            return -1;
        skip_space(text, at);
        if (at >= n) return -1;
        if (p[at] == ',') {
            ++at;
            continue;
        }
        if (p[at] != '}') return -1;  // a fraction, an exponent, a nested value, ...
        ++at;
        skip_space(text, at);
        return at == n ? count + 1 : -1;
    }
    return -1;  // more members than `capacity`
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

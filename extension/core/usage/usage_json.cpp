// usage_json.cpp - finding the tokens in stored usage: its shape detected, then read by that
// shape's row of a dispatch table (see usage_json.hpp).
#include "usage_json.hpp"

#include <cstring>
#include <deque>
#include <iterator>
#include <new>

#include "clickhouse_map.hpp"
#include "flat_counts.hpp"
#include "json_reader.hpp"
#include "usage_details.hpp"

namespace maas {
namespace {

// Names are built only when a message needs them: a good row costs no string.
std::string name_of(std::string_view path, std::string_view field, std::string_view sub = {}) {
    std::string name = std::string(path) + "." + std::string(field);
    if (!sub.empty()) name += "." + std::string(sub);
    return name;
}

Usage bad_count(std::string name, std::string& why) {
    why = std::move(name) + " must be a non-negative integer";
    return Usage::bad_value;
}

// Out of line, so that the readers below, which call it only for a bad
// row, are small enough to be inlined where every row calls them.
[[gnu::noinline, gnu::cold]] Usage bad_count_at(const char* path, const char* field, std::string_view sub,
                                                std::string& why) {
    return bad_count(name_of(path, field, sub), why);
}

// Which of a fixed list of names a key is, by one table lookup and one
// comparison: every usage row asks this of each member of two or three
// objects, so it must not compare a key with every name in turn.  The
// table is built at compile time, and a static_assert at each use proves
// that no two names share a slot.
template <size_t N>
class NameTable {
public:
    constexpr explicit NameTable(const std::string_view (&names)[N]) : names_(), slots_() {
        for (size_t i = 0; i < kSlots; ++i) slots_[i] = -1;
        for (size_t i = 0; i < N; ++i) {
            names_[i] = names[i];
            if (names[i].size() < 64) lengths_ |= uint64_t(1) << names[i].size();
            int& slot = slots_[slot_of(names[i])];
            if (slot >= 0) collision_ = true;
            slot = int(i);
        }
    }
    constexpr bool collision_free() const { return !collision_; }
    int find(std::string_view key) const {
        // No name has this length (most keys of a response: "id", "created",
        // "metadata", ...): no slot to compute.
        if (key.size() >= 64 || !(lengths_ >> key.size() & 1)) return -1;
        const int i = slots_[slot_of(key)];
        return i >= 0 && names_[i].size() == key.size() && same_bytes(names_[i].data(), key.data(), key.size()) ? i
                                                                                                                : -1;
    }

private:
    static constexpr size_t kSlots = 64;
    static constexpr size_t slot_of(std::string_view key) {
        const auto byte = [&](size_t i) { return size_t(static_cast<unsigned char>(key[i])); };
        return (key.size() * 5 + (byte(0) + byte(key.size() / 2)) * 3) % kSlots;
    }
    std::string_view names_[N];
    int slots_[kSlots];
    uint64_t lengths_ = 0;  // bit n set: some name is n bytes long (none is empty)
    bool collision_ = false;
};

// The first value of each name of `table` among the members of `object`,
// in one pass over them.  JSON allows a key twice; the first is taken, as
// SQLite's json_extract does.
template <size_t N>
void find_members(const JsonValue& object, const NameTable<N>& table, JsonValue (&found)[N]) {
    std::string scratch;  // a key with escapes, decoded (rare; no allocation otherwise)
    for (JsonValue::Member m = object.first_member(); m.present(); m = m.next()) {
        const int i = table.find(m.key(scratch));
        if (i >= 0 && !found[i].present()) found[i] = m.value();
    }
}

// A count field.  A missing field is not an error: `present` says whether
// it was there, and `out` is 0 without it.
inline Usage read_count_field(const JsonValue& value, const char* field, const char* path, int64_t& out, bool& present,
                              std::string& why) {
    out = 0;
    present = value.present();
    if (present && !value.count(out)) return bad_count_at(path, field, {}, why);
    return Usage::found;
}

// usage.<details>.<field>, as OpenAI nests cached and reasoning counts.  A
// missing or null details object, or a missing or null field in it (Langfuse
// and the OpenAI SDKs write null for counts a provider left out), is 0.
// `field` a string_view: member() takes one, and a pointer would cost a strlen per row.
Usage read_detail(const JsonValue& holder, const char* details, std::string_view field, const char* path, int64_t& out,
                  std::string& why) {
    out = 0;
    if (!holder.present() || holder.is_null()) return Usage::found;
    if (!holder.is_object()) {
        why = name_of(path, details) + " must be an object";
        return Usage::bad_value;
    }
    const JsonValue value = holder.member(field);
    if (!value.present() || value.is_null()) return Usage::found;
    if (!value.count(out)) return bad_count_at(path, details, field, why);
    return Usage::found;
}

// A part is never more than its whole: a count that claims otherwise would
// bill tokens twice or below zero.  The names are built only for the message.
Usage part_within(int64_t part, const std::string& part_name, int64_t whole, const std::string& whole_name,
                  std::string& why) {
    if (part <= whole) return Usage::found;
    why = part_name + " (" + std::to_string(part) + ") is more than " + whole_name + " (" + std::to_string(whole) + ")";
    return Usage::bad_value;
}

// The cached part of `input` and the reasoning part of `output`, OpenAI style.
Usage read_openai_details(const JsonValue& input_holder, const JsonValue& output_holder, const char* path,
                          const char* input_field, const char* input_details, const char* output_field,
                          const char* output_details, TokenCounts& out, std::string& why) {
    Usage u = read_detail(input_holder, input_details, "cached_tokens", path, out.cached_input, why);
    if (u != Usage::found) return u;
    u = read_detail(output_holder, output_details, "reasoning_tokens", path, out.reasoning, why);
    if (u != Usage::found) return u;
    if (out.cached_input > out.input)
        return part_within(out.cached_input, name_of(path, input_details, "cached_tokens"), out.input,
                           name_of(path, input_field), why);
    if (out.reasoning > out.output)
        return part_within(out.reasoning, name_of(path, output_details, "reasoning_tokens"), out.output,
                           name_of(path, output_field), why);
    return Usage::found;
}

// Every name the reader looks for, in a usage object and in the object
// around one: one table, so that a top object that is itself the usage
// (Open WebUI's, a bare usage object) is gone through once.
enum Field {
    prompt_f,
    completion_f,
    input_f,
    output_f,
    cache_read_f,
    cache_creation_f,
    prompt_details_f,
    completion_details_f,
    input_details_f,
    output_details_f,
    usage_f,  // the names of the object around a usage object
    type_f,
    langfuse_input_f,
    langfuse_output_f,
    langfuse_total_f,
    text_f,
    payload_f,
    service_tier_f,
    field_count
};
constexpr std::string_view kFieldNames[field_count] = {"prompt_tokens",
                                                       "completion_tokens",
                                                       "input_tokens",
                                                       "output_tokens",
                                                       "cache_read_input_tokens",
                                                       "cache_creation_input_tokens",
                                                       "prompt_tokens_details",
                                                       "completion_tokens_details",
                                                       "input_tokens_details",
                                                       "output_tokens_details",
                                                       "usage",
                                                       "type",
                                                       "input",
                                                       "output",
                                                       "total",
                                                       "text",
                                                       "payload",
                                                       "service_tier"};
constexpr NameTable kFields(kFieldNames);
static_assert(kFields.collision_free(), "two field names share a slot: change NameTable::slot_of");
using Fields = JsonValue[field_count];

Usage finish_details(UsageDetailsSum& sum, TokenCounts& out, std::string& why) {
    bool found = false;
    if (!sum.finish(out, found, why)) return Usage::bad_value;
    return found ? Usage::found : Usage::missing;
}

// The text without surrounding white space, for the \N check.
std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_json_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_json_space(text.back())) text.remove_suffix(1);
    return text;
}

// --- detection: which shape a text is, and where its counts are -----------

// The shapes, one row each in kShapeRows below.
enum class Shape { openai_chat, responses_api, anthropic, open_webui, langfuse_details, spark };

// Where Langfuse's usage_details buckets come from: the ClickHouse map text,
// the members read_flat_counts found (JSON without the index), or the top
// object of the indexed JSON.
enum class Buckets { map, flat, json };

// The six counts of a usage object, read (and checked) before its shape is
// chosen, so that a bad count is reported whatever the shape.
struct UsageCounts {
    int64_t prompt, completion, input, output, cache_read, cache_creation;
};

// What detection found, for the shape's reader: each member is set by the
// detection of the shapes that use it (no row pays to initialise the rest).
struct Detected {
    Shape shape;
    const char* path;       // the usage object's name in messages (Spark: its text object's)
    const Fields* fields;   // the usage object's members (the four usage-object shapes)
    UsageCounts counts;     // their counts
    JsonValue object;       // Spark: its text object; Langfuse JSON: the top object
    Buckets buckets;        // Langfuse: where its buckets are
    int flat_members;       // Langfuse read by read_flat_counts: how many
    std::string_view text;  // Langfuse's ClickHouse map text
    std::string_view tier;  // a whole response's service tier (TokenCounts::tier)
};

// Langfuse writes one member per token kind it saw: a handful.  A longer
// flat object is read the general way.
constexpr int kFlatCapacity = 32;

// What a UsageReader keeps from row to row, so that a row allocates nothing.
struct ReaderState {
    JsonReader json;
    Fields fields;                         // the members of the top object or of its usage object
    std::deque<std::string> decoded_keys;  // a Langfuse key with escapes, decoded; stable while summed
    UsageDetailsSum details;
    ClickHouseMapReader map;
    FlatCount flat[kFlatCapacity];  // a flat object's members (kept here: no row pays to construct them)
};

// A usage object of the OpenAI, Anthropic and Open WebUI shapes (Spark's is
// OpenAI chat's), by the fields find_members found in it (d.fields, named
// d.path): its counts, then its shape; missing when it has none of
// prompt_/completion_/input_/output_tokens.  `is_message` says the response
// around it is Anthropic's.
Usage detect_usage_object(Detected& d, bool is_message, std::string& why) {
    const Fields& f = *d.fields;
    UsageCounts& c = d.counts;
    const char* path = d.path;
    bool has_prompt, has_completion, has_input, has_output, has_cache_read, has_cache_creation;
    Usage u;
    if ((u = read_count_field(f[prompt_f], "prompt_tokens", path, c.prompt, has_prompt, why)) != Usage::found ||
        (u = read_count_field(f[completion_f], "completion_tokens", path, c.completion, has_completion, why)) !=
            Usage::found ||
        (u = read_count_field(f[input_f], "input_tokens", path, c.input, has_input, why)) != Usage::found ||
        (u = read_count_field(f[output_f], "output_tokens", path, c.output, has_output, why)) != Usage::found ||
        (u = read_count_field(f[cache_read_f], "cache_read_input_tokens", path, c.cache_read, has_cache_read, why)) !=
            Usage::found ||
        (u = read_count_field(f[cache_creation_f], "cache_creation_input_tokens", path, c.cache_creation,
                              has_cache_creation, why)) != Usage::found)
        return u;
    if (has_input || has_output) {
        if (has_prompt || has_completion) d.shape = Shape::open_webui;
        else if (has_cache_read || has_cache_creation || is_message) d.shape = Shape::anthropic;
        else d.shape = Shape::responses_api;
    } else if (has_prompt || has_completion) {
        d.shape = Shape::openai_chat;
    } else {
        return Usage::missing;
    }
    return Usage::found;
}

Usage detect_spark(Detected& d, const JsonValue& text_object, const char* path) {
    d.shape = Shape::spark;
    d.object = text_object;
    d.path = path;
    return Usage::found;
}

// The members of `object` into `f`, afresh.
void find_fields(const JsonValue& object, Fields& f) {
    for (JsonValue& v : f) v = JsonValue();
    find_members(object, kFields, f);
}

// A response's service_tier as a variant: the tiers that are not the
// standard one, as static strings; "" for 'default', 'auto', none or any
// other value (priced as the standard tier).
std::string_view tier_of(const JsonValue& service_tier) {
    if (!service_tier.present()) return std::string_view();  // most responses: no call at all
    for (std::string_view tier : {"flex", "priority", "scale"})
        if (service_tier.string_equals(tier)) return tier;
    return std::string_view();
}

// The shape of a JSON text, by the members of its top object (and of its
// usage object): the rules of usage_json.hpp, in the order they are asked.
Usage detect_json(ReaderState& state, std::string_view text, Detected& d, std::string& why) {
    try {
        if (!state.json.parse(text, why)) return Usage::malformed;
    } catch (const std::bad_alloc&) {
        return Usage::out_of_memory;
    }
    const JsonValue top = state.json.root();
    if (!top.is_object()) return Usage::missing;

    Fields& f = state.fields;
    find_fields(top, f);
    const bool is_message = f[type_f].string_equals("message");  // Anthropic's response
    d.fields = &f;
    d.path = "usage";
    // The usage object itself.
    if (f[prompt_f].present() || f[completion_f].present() || f[input_f].present() || f[output_f].present())
        return detect_usage_object(d, is_message, why);
    if (f[usage_f].is_object()) {
        d.tier = tier_of(f[service_tier_f]);
        // One pass over the usage object finds Spark's "text" beside the counts.
        const JsonValue usage = f[usage_f];
        find_fields(usage, f);
        if (f[text_f].is_object()) return detect_spark(d, f[text_f], "usage.text");
        return detect_usage_object(d, is_message, why);  // a whole response
    }
    // Langfuse usage_details as JSON: every key a bucket.
    if (!f[usage_f].present() &&
        (f[langfuse_input_f].is_number() || f[langfuse_output_f].is_number() || f[langfuse_total_f].is_number())) {
        d.shape = Shape::langfuse_details;
        d.buckets = Buckets::json;
        d.object = top;
        return Usage::found;
    }
    if (f[text_f].is_object()) return detect_spark(d, f[text_f], "text");
    const JsonValue payload_text = f[payload_f].member("usage").member("text");
    if (payload_text.is_object()) return detect_spark(d, payload_text, "payload.usage.text");
    return Usage::missing;
}

// A top-level key of a flat object of counts, as read_flat_counts asks:
// -1 for one that makes it another shape than Langfuse's usage_details (a
// usage object's field, or the usage of a whole response), 1 for input,
// output or total, which make it one, 0 for any other.
int langfuse_key_tag(std::string_view key) {
    const int name = kFields.find(key);
    if (name == prompt_f || name == completion_f || name == input_f || name == output_f || name == usage_f) return -1;
    return name == langfuse_input_f || name == langfuse_output_f || name == langfuse_total_f ? 1 : 0;
}

// The shape of a stored usage text: found, with `d` saying which and where
// its counts are, or the outcome (missing, malformed, ...) when there is none.
// The text forms first (no JSON index): ClickHouse's \N and map text, and
// Langfuse's usage_details as a flat JSON object of counts, taken only when
// the JSON rules would take it (input, output or total present; no usage
// object or usage-object field).  Anything else is read the general way.
Usage detect(ReaderState& state, std::string_view text, Detected& d, std::string& why) {
    if (trimmed(text) == "\\N") return Usage::missing;  // ClickHouse's export of a NULL map
    if (looks_like_clickhouse_map(text)) {
        d.shape = Shape::langfuse_details;
        d.buckets = Buckets::map;
        d.text = text;
        return Usage::found;
    }
    if (const int members = read_flat_counts(text, state.flat, kFlatCapacity, langfuse_key_tag); members > 0) {
        bool langfuse = false;
        for (int i = 0; i < members; ++i) langfuse |= state.flat[i].tag == 1;
        if (langfuse) {
            d.shape = Shape::langfuse_details;
            d.buckets = Buckets::flat;
            d.flat_members = members;
            return Usage::found;
        }
    }
    return detect_json(state, text, d, why);
}

// --- the readers: one per shape ---------------------------------------------

// OpenAI chat completions (and Spark's text object).
Usage read_openai_chat(ReaderState&, const Detected& d, TokenCounts& out, std::string& why) {
    out = TokenCounts{};
    out.input = d.counts.prompt;
    out.output = d.counts.completion;
    return read_openai_details((*d.fields)[prompt_details_f], (*d.fields)[completion_details_f], d.path,
                               "prompt_tokens", "prompt_tokens_details", "completion_tokens",
                               "completion_tokens_details", out, why);
}

// OpenAI Responses API.
Usage read_responses_api(ReaderState&, const Detected& d, TokenCounts& out, std::string& why) {
    out = TokenCounts{};
    out.input = d.counts.input;
    out.output = d.counts.output;
    return read_openai_details((*d.fields)[input_details_f], (*d.fields)[output_details_f], d.path, "input_tokens",
                               "input_tokens_details", "output_tokens", "output_tokens_details", out, why);
}

// Anthropic: input_tokens is the uncached rest of the input.
Usage read_anthropic(ReaderState&, const Detected& d, TokenCounts& out, std::string& why) {
    const UsageCounts& c = d.counts;
    out = TokenCounts{};
    out.cached_input = c.cache_read;
    out.cache_write = c.cache_creation;
    out.output = c.output;
    if (__builtin_add_overflow(c.input, c.cache_read, &out.input) ||
        __builtin_add_overflow(out.input, c.cache_creation, &out.input)) {
        why = name_of(d.path, "input_tokens") +
              " + cache_read_input_tokens + cache_creation_input_tokens is more than 9223372036854775807";
        return Usage::bad_value;
    }
    return Usage::found;
}

// Open WebUI: input_/output_tokens are the turn's totals, billed;
// prompt_/completion_tokens and their details the last call's.
Usage read_open_webui(ReaderState&, const Detected& d, TokenCounts& out, std::string& why) {
    const UsageCounts& c = d.counts;
    const char* path = d.path;
    out = TokenCounts{};
    if (c.prompt > c.input)
        return part_within(c.prompt, name_of(path, "prompt_tokens") + " (the last call)", c.input,
                           name_of(path, "input_tokens") + " (the whole turn)", why);
    if (c.completion > c.output)
        return part_within(c.completion, name_of(path, "completion_tokens") + " (the last call)", c.output,
                           name_of(path, "output_tokens") + " (the whole turn)", why);
    out.input = c.input;
    out.output = c.output;
    TokenCounts last;
    last.input = c.prompt;
    last.output = c.completion;
    if (const Usage u = read_openai_details((*d.fields)[prompt_details_f], (*d.fields)[completion_details_f], path,
                                            "prompt_tokens", "prompt_tokens_details", "completion_tokens",
                                            "completion_tokens_details", last, why);
        u != Usage::found)
        return u;
    out.cached_input = last.cached_input;
    out.reasoning = last.reasoning;
    return Usage::found;
}

// Langfuse's ClickHouse map text, each value checked as a count.
Usage add_map_buckets(ReaderState& state, std::string_view text, std::string& why) {
    Usage bad = Usage::found;
    const ClickHouseMap parsed = state.map.parse(
        text,
        [&](std::string_view key, std::string_view value) {
            int64_t count = 0;
            if (!count_from_digits(value, count)) {
                bad = bad_count("usage_details." + std::string(key), why);
                return false;
            }
            if (!state.details.add(key, count, why)) {
                bad = Usage::bad_value;
                return false;
            }
            return true;
        },
        why);
    if (parsed == ClickHouseMap::malformed) return Usage::malformed_map;
    return parsed == ClickHouseMap::stopped ? bad : Usage::found;
}

// Every member of the indexed top object, each a count; a key with escapes
// is decoded into storage that lasts while the sum holds it.
[[gnu::noinline]] Usage add_json_buckets(ReaderState& state, const JsonValue& top, std::string& why) {
    if (!state.decoded_keys.empty()) state.decoded_keys.clear();
    std::string scratch;
    for (JsonValue::Member m = top.first_member(); m.present(); m = m.next()) {
        std::string_view key = m.key(scratch);
        if (key.data() == scratch.data()) key = state.decoded_keys.emplace_back(scratch);
        int64_t count = 0;
        if (!m.value().count(count)) return bad_count("usage_details." + std::string(key), why);
        if (!state.details.add(key, count, why)) return Usage::bad_value;
    }
    return Usage::found;
}

// The members read_flat_counts found, each already a count.
Usage add_flat_buckets(ReaderState& state, int members, std::string& why) {
    for (const FlatCount *m = state.flat, *end = m + members; m != end; ++m)
        if (!state.details.add(m->key, m->count, why)) return Usage::bad_value;
    return Usage::found;
}

// Langfuse usage_details, from whichever text it was found in: every key a
// bucket, added up by the rule of usage_details.hpp.
Usage read_langfuse_details(ReaderState& state, const Detected& d, TokenCounts& out, std::string& why) {
    state.details.clear();
    const Usage u = d.buckets == Buckets::flat  ? add_flat_buckets(state, d.flat_members, why)
                    : d.buckets == Buckets::map ? add_map_buckets(state, d.text, why)
                                                : add_json_buckets(state, d.object, why);
    if (u != Usage::found) return u;
    return finish_details(state.details, out, why);
}

Usage read_shape(ReaderState& state, const Detected& d, TokenCounts& out, std::string& why);

// Spark: its text object is a usage object of OpenAI chat's shape, read by
// that shape's row.
Usage read_spark(ReaderState& state, const Detected& d, TokenCounts& out, std::string& why) {
    Fields f;
    find_members(d.object, kFields, f);
    Detected text;
    text.fields = &f;
    text.path = d.path;
    const Usage u = detect_usage_object(text, false, why);
    if (u != Usage::found) return u;
    return read_shape(state, text, out, why);
}

// --- the dispatch table: one row per shape ----------------------------------

struct ShapeRow {
    Shape shape;
    Usage (*read)(ReaderState& state, const Detected& d, TokenCounts& out, std::string& why);
};
constexpr ShapeRow kShapeRows[] = {
    {Shape::openai_chat, read_openai_chat},
    {Shape::responses_api, read_responses_api},
    {Shape::anthropic, read_anthropic},
    {Shape::open_webui, read_open_webui},
    {Shape::langfuse_details, read_langfuse_details},
    {Shape::spark, read_spark},
};
constexpr bool rows_in_shape_order() {
    for (size_t i = 0; i < std::size(kShapeRows); ++i)
        if (int(kShapeRows[i].shape) != int(i)) return false;
    return true;
}
static_assert(rows_in_shape_order(), "kShapeRows must list the shapes in the order of enum Shape");

Usage read_shape(ReaderState& state, const Detected& d, TokenCounts& out, std::string& why) {
    return kShapeRows[int(d.shape)].read(state, d, out, why);
}

}  // namespace

struct UsageReader::Impl : ReaderState {};

UsageReader::UsageReader() : impl_(new Impl) {}
UsageReader::~UsageReader() = default;

Usage UsageReader::read(std::string_view text, TokenCounts& out, std::string& why) {
    Detected d;
    d.tier = std::string_view();
    const Usage u = detect(*impl_, text, d, why);
    if (u != Usage::found) return u;
    const Usage read = read_shape(*impl_, d, out, why);
    out.tier = d.tier;
    return read;
}

}  // namespace maas

// usage_json.cpp - finding the tokens in stored usage (see usage_json.hpp).
#include "usage_json.hpp"

#include <cstring>
#include <deque>
#include <iterator>
#include <new>

#include "clickhouse_map.hpp"
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
    static constexpr size_t kSlots = 32;
    static constexpr size_t slot_of(std::string_view key) {
        const auto byte = [&](size_t i) { return size_t(static_cast<unsigned char>(key[i])); };
        return (key.size() * 3 + (byte(0) + byte(key.size() / 2)) * 2) % kSlots;
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
inline Usage read_count(const JsonValue& value, const char* field, const char* path, int64_t& out, bool& present,
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
                                                       "payload"};
constexpr NameTable kFields(kFieldNames);
static_assert(kFields.collision_free(), "two field names share a slot: change NameTable::slot_of");
using Fields = JsonValue[field_count];

// A usage object of any of the OpenAI, Anthropic, Open WebUI and Spark
// shapes, by the fields find_members found in it; `is_message` says the
// response around it is Anthropic's.
Usage read_usage_fields(const Fields& f, const char* path, bool is_message, TokenCounts& out, std::string& why) {
    int64_t prompt, completion, input, output, cache_read, cache_creation;
    bool has_prompt, has_completion, has_input, has_output, has_cache_read, has_cache_creation;
    Usage u;
    if ((u = read_count(f[prompt_f], "prompt_tokens", path, prompt, has_prompt, why)) != Usage::found ||
        (u = read_count(f[completion_f], "completion_tokens", path, completion, has_completion, why)) != Usage::found ||
        (u = read_count(f[input_f], "input_tokens", path, input, has_input, why)) != Usage::found ||
        (u = read_count(f[output_f], "output_tokens", path, output, has_output, why)) != Usage::found ||
        (u = read_count(f[cache_read_f], "cache_read_input_tokens", path, cache_read, has_cache_read, why)) !=
            Usage::found ||
        (u = read_count(f[cache_creation_f], "cache_creation_input_tokens", path, cache_creation, has_cache_creation,
                        why)) != Usage::found)
        return u;
    out = TokenCounts{};
    if (has_input || has_output) {
        if (has_prompt || has_completion) {
            // Open WebUI: input_/output_tokens are the turn's totals, billed;
            // prompt_/completion_tokens and their details the last call's.
            if (prompt > input)
                return part_within(prompt, name_of(path, "prompt_tokens") + " (the last call)", input,
                                   name_of(path, "input_tokens") + " (the whole turn)", why);
            if (completion > output)
                return part_within(completion, name_of(path, "completion_tokens") + " (the last call)", output,
                                   name_of(path, "output_tokens") + " (the whole turn)", why);
            out.input = input;
            out.output = output;
            TokenCounts last;
            last.input = prompt;
            last.output = completion;
            if ((u = read_openai_details(f[prompt_details_f], f[completion_details_f], path, "prompt_tokens",
                                         "prompt_tokens_details", "completion_tokens", "completion_tokens_details",
                                         last, why)) != Usage::found)
                return u;
            out.cached_input = last.cached_input;
            out.reasoning = last.reasoning;
            return Usage::found;
        }
        if (has_cache_read || has_cache_creation || is_message) {
            // Anthropic: input_tokens is the uncached rest of the input.
            out.cached_input = cache_read;
            out.cache_write = cache_creation;
            out.output = output;
            if (__builtin_add_overflow(input, cache_read, &out.input) ||
                __builtin_add_overflow(out.input, cache_creation, &out.input)) {
                why = name_of(path, "input_tokens") +
                      " + cache_read_input_tokens + cache_creation_input_tokens is more than 9223372036854775807";
                return Usage::bad_value;
            }
            return Usage::found;
        }
        // OpenAI Responses API.
        out.input = input;
        out.output = output;
        return read_openai_details(f[input_details_f], f[output_details_f], path, "input_tokens",
                                   "input_tokens_details", "output_tokens", "output_tokens_details", out, why);
    }
    if (has_prompt || has_completion) {
        // OpenAI chat completions (and Spark, which has no details).
        out.input = prompt;
        out.output = completion;
        return read_openai_details(f[prompt_details_f], f[completion_details_f], path, "prompt_tokens",
                                   "prompt_tokens_details", "completion_tokens", "completion_tokens_details", out, why);
    }
    return Usage::missing;
}

Usage read_usage_object(const JsonValue& usage, const char* path, bool is_message, TokenCounts& out, std::string& why) {
    Fields f;
    find_members(usage, kFields, f);
    return read_usage_fields(f, path, is_message, out, why);
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

}  // namespace

// Langfuse writes one member per token kind it saw: a handful.  A longer
// flat object is read the general way.
constexpr int kFlatCapacity = 32;

struct UsageReader::Impl {
    JsonReader json;
    std::deque<std::string> decoded_keys;  // a Langfuse key with escapes, decoded; stable while summed
    UsageDetailsSum details;
    ClickHouseMapReader map;
    FlatCount flat[kFlatCapacity];  // a flat object's members (kept here: no row pays to construct them)
};

UsageReader::UsageReader() : impl_(new Impl) {}
UsageReader::~UsageReader() = default;

Usage UsageReader::read(std::string_view text, TokenCounts& out, std::string& why) {
    // ClickHouse's export of a NULL map, and the map text itself: not JSON.
    if (trimmed(text) == "\\N") return Usage::missing;
    if (looks_like_clickhouse_map(text)) {
        UsageDetailsSum& sum = impl_->details;
        sum.clear();
        Usage bad = Usage::found;
        const ClickHouseMap parsed = impl_->map.parse(
            text,
            [&](std::string_view key, std::string_view value) {
                int64_t count = 0;
                if (!count_from_digits(value, count)) {
                    bad = bad_count("usage_details." + std::string(key), why);
                    return false;
                }
                if (!sum.add(key, count, why)) {
                    bad = Usage::bad_value;
                    return false;
                }
                return true;
            },
            why);
        if (parsed == ClickHouseMap::malformed) return Usage::malformed_map;
        if (parsed == ClickHouseMap::stopped) return bad;
        return finish_details(sum, out, why);
    }

    // Langfuse's usage_details as JSON, a flat object of counts, without
    // the index: the same answer as the Langfuse branch below, which it
    // takes only when the shape rules below would (input, output or total
    // present; no usage object or usage-object field).  Anything else is
    // read from the start by the general way.
    FlatCount* flat = impl_->flat;
    if (const int members = read_flat_counts(text, flat, kFlatCapacity, langfuse_key_tag); members > 0) {
        bool langfuse = false;
        for (int i = 0; i < members; ++i) langfuse |= flat[i].tag == 1;
        if (langfuse) {
            UsageDetailsSum& sum = impl_->details;
            sum.clear();
            for (int i = 0; i < members; ++i)
                if (!sum.add(flat[i].key, flat[i].count, why)) return Usage::bad_value;
            return finish_details(sum, out, why);
        }
    }

    try {
        if (!impl_->json.parse(text, why)) return Usage::malformed;
    } catch (const std::bad_alloc&) {
        return Usage::out_of_memory;
    }
    const JsonValue top = impl_->json.root();
    if (!top.is_object()) return Usage::missing;

    Fields f;
    find_members(top, kFields, f);
    const bool is_message = f[type_f].string_equals("message");  // Anthropic's response

    // The usage object itself.
    if (f[prompt_f].present() || f[completion_f].present() || f[input_f].present() || f[output_f].present())
        return read_usage_fields(f, "usage", is_message, out, why);
    if (f[usage_f].is_object()) {
        // One pass over the usage object finds Spark's "text" beside the counts.
        Fields u;
        find_members(f[usage_f], kFields, u);
        if (u[text_f].is_object()) return read_usage_object(u[text_f], "usage.text", false, out, why);
        return read_usage_fields(u, "usage", is_message, out, why);  // a whole response
    }
    // Langfuse usage_details as JSON: every key a bucket.
    if (!f[usage_f].present() &&
        (f[langfuse_input_f].is_number() || f[langfuse_output_f].is_number() || f[langfuse_total_f].is_number())) {
        UsageDetailsSum& sum = impl_->details;
        sum.clear();
        if (!impl_->decoded_keys.empty()) impl_->decoded_keys.clear();
        std::string scratch;
        for (JsonValue::Member m = top.first_member(); m.present(); m = m.next()) {
            std::string_view key = m.key(scratch);
            if (key.data() == scratch.data()) key = impl_->decoded_keys.emplace_back(scratch);
            int64_t count = 0;
            if (!m.value().count(count)) return bad_count("usage_details." + std::string(key), why);
            if (!sum.add(key, count, why)) return Usage::bad_value;
        }
        return finish_details(sum, out, why);
    }
    if (f[text_f].is_object()) return read_usage_object(f[text_f], "text", false, out, why);
    const JsonValue payload_usage = f[payload_f].member("usage");
    const JsonValue payload_text = payload_usage.member("text");
    if (payload_text.is_object()) return read_usage_object(payload_text, "payload.usage.text", false, out, why);
    return Usage::missing;
}

}  // namespace maas

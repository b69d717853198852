// usage_json.cpp - finding the tokens in stored usage (see usage_json.hpp).
#include "usage_json.hpp"

#include <simdjson.h>

#include <cstring>

#include "clickhouse_map.hpp"
#include "usage_details.hpp"

namespace maas {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Names are built only when a message needs them: a good row costs no string.
std::string name_of(const char* path, const char* field, const char* sub = nullptr) {
    std::string name = std::string(path) + "." + field;
    if (sub) name += std::string(".") + sub;
    return name;
}

Usage bad_count(std::string name, std::string& why) {
    why = std::move(name) + " must be a non-negative integer";
    return Usage::bad_value;
}

// The count in `value`, if it is a non-negative integer that fits int64_t.
bool count_of(const element& value, int64_t& out) {
    uint64_t count = 0;
    if (value.get_uint64().get(count) != simdjson::SUCCESS || count > uint64_t(INT64_MAX)) return false;
    out = int64_t(count);
    return true;
}

// A count field of `usage`.  A missing field is not an error: `present`
// says whether it was there, and `out` is 0 without it.
Usage read_count(const object& usage, const char* field, const char* path, int64_t& out, bool& present,
                 std::string& why) {
    element value;
    out = 0;
    present = false;
    const auto lookup = usage[field].get(value);
    if (lookup == simdjson::NO_SUCH_FIELD) return Usage::found;
    present = true;
    if (lookup != simdjson::SUCCESS || !count_of(value, out)) return bad_count(name_of(path, field), why);
    return Usage::found;
}

// usage.<details>.<field>, as OpenAI nests cached and reasoning counts.  A
// missing or null details object, or a missing or null field in it (Langfuse
// and the OpenAI SDKs write null for counts a provider left out), is 0.
Usage read_detail(const object& usage, const char* details, const char* field, const char* path, int64_t& out,
                  std::string& why) {
    out = 0;
    element holder, value;
    if (usage[details].get(holder) != simdjson::SUCCESS || holder.is_null()) return Usage::found;
    object inner;
    if (holder.get_object().get(inner) != simdjson::SUCCESS) {
        why = name_of(path, details) + " must be an object";
        return Usage::bad_value;
    }
    if (inner[field].get(value) != simdjson::SUCCESS || value.is_null()) return Usage::found;
    if (!count_of(value, out)) return bad_count(name_of(path, details, field), why);
    return Usage::found;
}

// A part is never more than its whole: a count that claims otherwise would
// bill tokens twice or below zero.
Usage part_within(int64_t part, std::string part_name, int64_t whole, std::string whole_name, std::string& why) {
    if (part <= whole) return Usage::found;
    why = part_name + " (" + std::to_string(part) + ") is more than " + whole_name + " (" + std::to_string(whole) + ")";
    return Usage::bad_value;
}

// The cached part of `input` and the reasoning part of `output`, OpenAI style.
Usage read_openai_details(const object& usage, const char* path, const char* input_field, const char* input_details,
                          const char* output_field, const char* output_details, TokenCounts& out, std::string& why) {
    Usage u = read_detail(usage, input_details, "cached_tokens", path, out.cached_input, why);
    if (u != Usage::found) return u;
    u = read_detail(usage, output_details, "reasoning_tokens", path, out.reasoning, why);
    if (u != Usage::found) return u;
    if (out.cached_input)
        u = part_within(out.cached_input, name_of(path, input_details, "cached_tokens"), out.input,
                        name_of(path, input_field), why);
    if (u == Usage::found && out.reasoning)
        u = part_within(out.reasoning, name_of(path, output_details, "reasoning_tokens"), out.output,
                        name_of(path, output_field), why);
    return u;
}

// A usage object of any of the OpenAI, Anthropic, Open WebUI and Spark
// shapes; `is_message` says the response around it is Anthropic's.
Usage read_usage_object(const object& usage, const char* path, bool is_message, TokenCounts& out, std::string& why) {
    int64_t prompt, completion, input, output, cache_read, cache_creation;
    bool has_prompt, has_completion, has_input, has_output, has_cache_read, has_cache_creation;
    Usage u;
    if ((u = read_count(usage, "prompt_tokens", path, prompt, has_prompt, why)) != Usage::found ||
        (u = read_count(usage, "completion_tokens", path, completion, has_completion, why)) != Usage::found ||
        (u = read_count(usage, "input_tokens", path, input, has_input, why)) != Usage::found ||
        (u = read_count(usage, "output_tokens", path, output, has_output, why)) != Usage::found ||
        (u = read_count(usage, "cache_read_input_tokens", path, cache_read, has_cache_read, why)) != Usage::found ||
        (u = read_count(usage, "cache_creation_input_tokens", path, cache_creation, has_cache_creation, why)) !=
            Usage::found)
        return u;
    out = TokenCounts{};
    if (has_input || has_output) {
        if (has_prompt || has_completion) {
            // Open WebUI: input_/output_tokens are the turn's totals, billed;
            // prompt_/completion_tokens and their details the last call's.
            if ((u = part_within(prompt, name_of(path, "prompt_tokens") + " (the last call)", input,
                                 name_of(path, "input_tokens") + " (the whole turn)", why)) != Usage::found ||
                (u = part_within(completion, name_of(path, "completion_tokens") + " (the last call)", output,
                                 name_of(path, "output_tokens") + " (the whole turn)", why)) != Usage::found)
                return u;
            out.input = input;
            out.output = output;
            TokenCounts last;
            last.input = prompt;
            last.output = completion;
            if ((u = read_openai_details(usage, path, "prompt_tokens", "prompt_tokens_details", "completion_tokens",
                                         "completion_tokens_details", last, why)) != Usage::found)
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
        return read_openai_details(usage, path, "input_tokens", "input_tokens_details", "output_tokens",
                                   "output_tokens_details", out, why);
    }
    if (has_prompt || has_completion) {
        // OpenAI chat completions (and Spark, which has no details).
        out.input = prompt;
        out.output = completion;
        return read_openai_details(usage, path, "prompt_tokens", "prompt_tokens_details", "completion_tokens",
                                   "completion_tokens_details", out, why);
    }
    return Usage::missing;
}

bool has_any(const object& o, std::initializer_list<const char*> fields) {
    element e;
    for (const char* f : fields)
        if (o[f].get(e) == simdjson::SUCCESS) return true;
    return false;
}

bool has_number(const object& o, const char* field) {
    element e;
    return o[field].get(e) == simdjson::SUCCESS && e.is_number();
}

// The object at `key` of `parent`, if there is one.
bool child_object(const object& parent, const char* key, object& out) {
    element e;
    return parent[key].get(e) == simdjson::SUCCESS && e.get_object().get(out) == simdjson::SUCCESS;
}

bool is_anthropic_message(const object& top) {
    element type;
    std::string_view text;
    return top["type"].get(type) == simdjson::SUCCESS && type.get_string().get(text) == simdjson::SUCCESS &&
           text == "message";
}

// Digits only, as ClickHouse writes a UInt64; the same rule as a JSON count.
bool count_of_text(std::string_view text, int64_t& out) {
    if (text.empty()) return false;
    int64_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        if (__builtin_mul_overflow(n, int64_t(10), &n) || __builtin_add_overflow(n, int64_t(c - '0'), &n)) return false;
    }
    out = n;
    return true;
}

Usage finish_details(UsageDetailsSum& sum, TokenCounts& out, std::string& why) {
    bool found = false;
    if (!sum.finish(out, found, why)) return Usage::bad_value;
    return found ? Usage::found : Usage::missing;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The text without surrounding white space, for the \N check.
std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace

struct UsageReader::Impl {
    simdjson::dom::parser parser;
    std::string buffer;  // the text plus SIMDJSON_PADDING bytes, reused
    UsageDetailsSum details;
    ClickHouseMapReader map;
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
                if (!count_of_text(value, count)) {
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

    // simdjson reads up to SIMDJSON_PADDING bytes past the end; SQLite's
    // buffers promise nothing, so copy into our own padded one.
    if (impl_->buffer.size() < text.size() + simdjson::SIMDJSON_PADDING)
        impl_->buffer.resize(text.size() + simdjson::SIMDJSON_PADDING);
    if (!text.empty()) std::memcpy(&impl_->buffer[0], text.data(), text.size());
    element root;
    const auto parsed =
        impl_->parser.parse(reinterpret_cast<const uint8_t*>(impl_->buffer.data()), text.size(), false).get(root);
    if (parsed == simdjson::MEMALLOC) return Usage::out_of_memory;
    if (parsed != simdjson::SUCCESS) {
        why = simdjson::error_message(parsed);
        return Usage::malformed;
    }
    object top;
    if (root.get_object().get(top) != simdjson::SUCCESS) return Usage::missing;

    // The usage object itself.
    if (has_any(top, {"prompt_tokens", "completion_tokens", "input_tokens", "output_tokens"}))
        return read_usage_object(top, "usage", is_anthropic_message(top), out, why);
    object usage, text_counts, payload;
    if (child_object(top, "usage", usage)) {
        if (child_object(usage, "text", text_counts))
            return read_usage_object(text_counts, "usage.text", false, out, why);
        return read_usage_object(usage, "usage", is_anthropic_message(top), out, why);  // a whole response
    }
    // Langfuse usage_details as JSON: every key a bucket.
    if (!has_any(top, {"usage"}) &&
        (has_number(top, "input") || has_number(top, "output") || has_number(top, "total"))) {
        UsageDetailsSum& sum = impl_->details;
        sum.clear();
        for (const auto field : top) {
            int64_t count = 0;
            const std::string_view key = field.key;
            if (!count_of(field.value, count)) return bad_count("usage_details." + std::string(key), why);
            if (!sum.add(key, count, why)) return Usage::bad_value;
        }
        return finish_details(sum, out, why);
    }
    if (child_object(top, "text", text_counts)) return read_usage_object(text_counts, "text", false, out, why);
    if (child_object(top, "payload", payload) && child_object(payload, "usage", usage) &&
        child_object(usage, "text", text_counts))
        return read_usage_object(text_counts, "payload.usage.text", false, out, why);
    return Usage::missing;
}

}  // namespace maas

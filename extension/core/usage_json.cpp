// usage_json.cpp - finding the billed tokens in usage JSON (see usage_json.hpp).
#include "usage_json.hpp"

#include <simdjson.h>

#include <cstring>

namespace maas {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Reads a token count field of `usage` (path is for messages).  A missing
// field is not an error: `present` says whether it was there.
Usage read_count(const object& usage, const char* field, const char* path, int64_t& out, bool& present,
                 std::string& why) {
    element value;
    present = false;
    const auto lookup = usage[field].get(value);
    if (lookup == simdjson::NO_SUCH_FIELD) return Usage::found;
    present = true;
    uint64_t count = 0;
    if (lookup != simdjson::SUCCESS || value.get_uint64().get(count) != simdjson::SUCCESS || count > INT64_MAX) {
        why = std::string(path) + "." + field + " must be a non-negative integer";
        return Usage::bad_value;
    }
    out = int64_t(count);
    return Usage::found;
}

// prompt_tokens and completion_tokens of a usage object.
Usage read_counts(const object& usage, const char* path, UsageTokens& out, std::string& why) {
    bool has_input = false, has_output = false;
    Usage u = read_count(usage, "prompt_tokens", path, out.input, has_input, why);
    if (u != Usage::found) return u;
    u = read_count(usage, "completion_tokens", path, out.output, has_output, why);
    if (u != Usage::found) return u;
    if (!has_input && !has_output) return Usage::missing;
    if (!has_output) out.output = 0;  // an embedding call: input only
    if (!has_input) out.input = 0;
    return Usage::found;
}

// The object at `key` of `parent`, if there is one.
bool child_object(const object& parent, const char* key, object& out) {
    element e;
    return parent[key].get(e) == simdjson::SUCCESS && e.get_object().get(out) == simdjson::SUCCESS;
}

}  // namespace

struct UsageReader::Impl {
    simdjson::dom::parser parser;
    std::string buffer;  // the text plus SIMDJSON_PADDING bytes, reused
};

UsageReader::UsageReader() : impl_(new Impl) {}
UsageReader::~UsageReader() = default;

Usage UsageReader::read(std::string_view json, UsageTokens& out, std::string& why) {
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; SQLite's
    // buffers promise nothing, so copy into our own padded one.
    if (impl_->buffer.size() < json.size() + simdjson::SIMDJSON_PADDING)
        impl_->buffer.resize(json.size() + simdjson::SIMDJSON_PADDING);
    if (!json.empty()) std::memcpy(&impl_->buffer[0], json.data(), json.size());
    element root;
    const auto parsed =
        impl_->parser.parse(reinterpret_cast<const uint8_t*>(impl_->buffer.data()), json.size(), false).get(root);
    if (parsed == simdjson::MEMALLOC) return Usage::out_of_memory;
    if (parsed != simdjson::SUCCESS) {
        why = simdjson::error_message(parsed);
        return Usage::malformed;
    }
    object top;
    if (root.get_object().get(top) != simdjson::SUCCESS) return Usage::missing;

    object usage, text, payload;
    // The usage object itself.
    Usage u = read_counts(top, "usage", out, why);
    if (u != Usage::missing) return u;
    if (child_object(top, "usage", usage)) {
        if (child_object(usage, "text", text)) return read_counts(text, "usage.text", out, why);  // Spark
        return read_counts(usage, "usage", out, why);  // OpenAI-compatible response
    }
    if (child_object(top, "text", text)) return read_counts(text, "text", out, why);
    if (child_object(top, "payload", payload) && child_object(payload, "usage", usage) &&
        child_object(usage, "text", text))
        return read_counts(text, "payload.usage.text", out, why);
    return Usage::missing;
}

}  // namespace maas

// usage_json.hpp - the tokens of a call, by kind, from the usage a tool
// stored: JSON text (the usage object or the whole response) or the
// ClickHouse map text of Langfuse's usage_details.
//
// Every shape is read into one maas::TokenCounts (token_counts.hpp): input
// includes cached reads and cache writes, output includes reasoning, and
// requests is 1.  The shapes and their rules (the fields were checked in the
// tools' public source, cited where it matters):
//
//   OpenAI chat completions (Xingchen MaaS HTTP, new-api, LiteLLM, ...): the
//     usage object or a response holding it.
//       {"prompt_tokens":1000,"completion_tokens":500,
//        "prompt_tokens_details":{"cached_tokens":800},"completion_tokens_details":{"reasoning_tokens":300}}
//     input = prompt_tokens, which already includes cached_tokens (cached_input);
//     output = completion_tokens, which already includes reasoning_tokens
//     (reasoning).  prompt_tokens without completion_tokens (an embedding
//     call) is 0 output.
//   OpenAI Responses API: {"object":"response", ..., "usage":{...}} or the usage.
//       {"input_tokens":1000,"output_tokens":500,
//        "input_tokens_details":{"cached_tokens":800},"output_tokens_details":{"reasoning_tokens":300}}
//     input = input_tokens (cached_tokens inside), output = output_tokens
//     (reasoning_tokens inside).
//   Anthropic messages: {"type":"message", ..., "usage":{...}} or the usage.
//       {"input_tokens":200,"cache_read_input_tokens":700,"cache_creation_input_tokens":100,"output_tokens":500}
//     Anthropic's input_tokens EXCLUDES the cache: input = input_tokens +
//     cache_read_input_tokens + cache_creation_input_tokens (1000),
//     cached_input = cache_read_input_tokens, cache_write =
//     cache_creation_input_tokens, output = output_tokens.  Told from the
//     Responses API by either cache field or "type":"message" beside the
//     usage.  A bare {"input_tokens":..,"output_tokens":..} has neither, and
//     needs no choice: both readings give the same counts.
//   Open WebUI merged usage: one object with both input_tokens/output_tokens
//     and prompt_tokens/completion_tokens.  Open WebUI's normalize_usage
//     (open_webui/utils/misc.py) keeps the provider's keys and adds
//     input_tokens/output_tokens; over a turn with tool calls those are the
//     turn's totals while prompt_/completion_tokens are the last call's.  The
//     totals are billed: input = input_tokens, output = output_tokens (OpenAI
//     meaning, cached inside); the last call's prompt_tokens_details.cached_tokens
//     and completion_tokens_details.reasoning_tokens are the known parts (a
//     lower bound when the turn made several calls).  The last call cannot
//     exceed the turn: prompt_tokens > input_tokens is an error.
//   Langfuse v3 usage_details, JSON {"input":800,"input_cached_tokens":200,"output":500,"total":1500}
//     or ClickHouse map text {'input':800,'input_cached_tokens':200,'output':500,'total':1500}
//     (clickhouse_map.hpp); the export's NULL, \N, is no usage.  Disjoint
//     buckets, added up by the rule of usage_details.hpp.  Recognised when
//     the top object has "input", "output" or "total" holding a number (a
//     Responses API response's "output" is an array) and no "usage".
//   Spark WebSocket final frame:  {"payload":{"usage":{"text":{"question_tokens":4,
//       "prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}}}
//     or {"usage":{"text":{...}}} or {"text":{...}}.  prompt_tokens is the
//     billed input; question_tokens (the question without history) is not.
//
// When a shape carries totals and a last call's copy, the totals are billed;
// no token is ever counted twice.  Counts must be non-negative integers and
// parts within their wholes (cached_tokens > prompt_tokens is an error naming
// both); the error names the field.
//
// How a text is read: first its shape is detected (the ClickHouse map and
// flat JSON forms of Langfuse's usage_details before any index; then the
// members of the top object and of its usage object), then the reader of
// that shape, one row of a dispatch table in usage_json.cpp: OpenAI chat,
// Responses API, Anthropic, Open WebUI merged, Langfuse usage_details (one
// entry for its JSON and map forms), Spark.
//
// Parsed by json_reader.hpp, which checks the whole document is JSON
// (malformed text is reported, never half-read) in one pass and finds each
// field without decoding the rest; a flat object of counts (Langfuse's JSON)
// is read with no index at all (read_flat_counts).  One UsageReader per
// connection reuses its index, so reading a row allocates nothing once
// warmed up.
//
//   maas::UsageReader reader;
//   maas::TokenCounts tokens;
//   std::string why;
//   reader.read(R"({"usage":{"prompt_tokens":10,"completion_tokens":3}})", tokens, why);  // Usage::found
//   reader.read("{'input':1000,'output':500,'total':1500}", tokens, why);                  // Usage::found
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "token_counts.hpp"

namespace maas {

enum class Usage {
    found,          // tokens filled in
    missing,        // valid JSON (or \N) without a usage the reader knows
    malformed,      // not JSON; `why` says where
    malformed_map,  // starts like a ClickHouse map but is not one; `why` says where
    bad_value,      // a count that is not a non-negative integer, or a part beyond its whole; `why` names it
    out_of_memory,  // the parser could not allocate: not the text's fault
};

class UsageReader {
public:
    UsageReader();
    ~UsageReader();
    UsageReader(const UsageReader&) = delete;
    UsageReader& operator=(const UsageReader&) = delete;

    Usage read(std::string_view text, TokenCounts& out, std::string& why);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace maas

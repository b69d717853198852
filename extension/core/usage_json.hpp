// usage_json.hpp - the billed token counts in a stored API response.
//
// Gateways and proxies keep the usage of each call as JSON text, either the
// usage object or the whole response body.  Two shapes are understood:
//
//   OpenAI-compatible (Xingchen MaaS HTTP):  {"usage": {"prompt_tokens": 1000,
//       "completion_tokens": 2000, "completion_tokens_details": {"reasoning_tokens": 1500}}}
//     or the usage object itself.  completion_tokens already includes the
//     reasoning tokens, which the provider bills as output: they are never
//     added again.  prompt_tokens_details.cached_tokens are part of
//     prompt_tokens and the price list has no cached price, so they are billed
//     as input.  A usage with prompt_tokens but no completion_tokens (an
//     embedding call) has 0 output tokens.
//   Spark WebSocket final frame:  {"payload": {"usage": {"text": {"question_tokens": 4,
//       "prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12}}}}
//     or {"usage": {"text": {...}}} or {"text": {...}}.  prompt_tokens is the
//     billed input; question_tokens (the question without history) is not.
//
// Parsed with simdjson (Debian libsimdjson-dev): the fastest well-kept JSON
// parser packaged for Debian, validating the whole document (malformed JSON
// is reported, never half-read) at gigabytes per second.  One UsageReader
// per connection reuses its parser and padded buffer, so reading a row
// allocates nothing once warmed up.
//
//   maas::UsageReader reader;
//   maas::UsageTokens tokens;
//   std::string why;
//   reader.read(R"({"usage":{"prompt_tokens":10,"completion_tokens":3}})", tokens, why);  // Usage::found
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace maas {

struct UsageTokens {
    int64_t input = 0;
    int64_t output = 0;
};

enum class Usage {
    found,      // tokens filled in
    missing,    // valid JSON without a usage the reader knows
    malformed,  // not JSON; `why` says where
    bad_value,  // a token count that is not a non-negative integer; `why` names it
    out_of_memory,  // the parser could not allocate: not the JSON's fault
};

class UsageReader {
public:
    UsageReader();
    ~UsageReader();
    UsageReader(const UsageReader&) = delete;
    UsageReader& operator=(const UsageReader&) = delete;

    Usage read(std::string_view json, UsageTokens& out, std::string& why);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace maas

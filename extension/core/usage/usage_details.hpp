// usage_details.hpp - Langfuse v3's usage_details (a map of token kind to
// count) added up into one TokenCounts, each token once.
//
// What Langfuse writes, as checked in its source (langfuse/langfuse
// packages/shared/src/server/ingestion/types.ts: the OpenAI usage
// transforms; otel/OtelIngestionProcessor.ts; worker IngestionService, where
// a missing total is the sum of every other key; and langfuse/langfuse-python
// langchain/CallbackHandler.py _parse_usage_model): the keys are disjoint
// buckets that add up to the total.  When a detail is split off, Langfuse
// subtracts it from "input" or "output": prompt_tokens_details.cached_tokens
// becomes "input_cached_tokens" and "input" is prompt_tokens minus it;
// LangChain's cache_read / cache_creation become "input_cache_read" /
// "input_cache_creation"; reasoning becomes "output_reasoning_tokens" (or
// "output_reasoning") and leaves "output".  Instrumentors that send
// Anthropic's names send "cache_read_input_tokens" and
// "cache_creation_input_tokens", which Anthropic already keeps out of its
// input count.  So:
//
//   input        = "input" + every "input_*" key + cache_read_input_tokens
//                  + cache_creation_input_tokens + every "cached_*" key (Vertex's cached modalities)
//   cached_input = the input keys naming a cache read: containing "cached" or "cache_read"
//   cache_write  = the input keys naming a cache write: containing "cache_creation" or "cache_write"
//   output       = "output" + every "output_*" key
//   reasoning    = the output keys containing "reasoning"
//   total        = must equal input + output when present (a bucket counted
//                  twice, Langfuse issue #10592, shows up as a sum above it)
//
// "input_priority*" / "output_priority*" keys are service-tier notes that the
// LangChain handler does not subtract (not disjoint buckets), so they are
// left out.  Any other key is an error: a kind this reader cannot place
// would otherwise go unbilled.  A key given twice is an error.
//
//   maas::UsageDetailsSum sum;
//   std::string why;
//   sum.add("input", 800, why); sum.add("input_cached_tokens", 200, why); sum.add("output", 500, why);
//   maas::TokenCounts t;
//   sum.finish(t, why);   // true: input 1000, cached_input 200, output 500
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "token_counts.hpp"

namespace maas {

class UsageDetailsSum {
public:
    // Starts a new map; keeps the key list's storage.
    void clear();
    // One key and its count (already checked to be a non-negative integer).
    // False, with `why` naming the key, for a key that is no token kind.
    bool add(std::string_view key, int64_t count, std::string& why);
    // The counts of the whole map; false, with `why`, for a key given twice,
    // a sum too large, or a total that is not the sum.  `found` is false for
    // a map with no key at all.
    bool finish(TokenCounts& out, bool& found, std::string& why);

private:
    std::vector<std::string_view> keys_;  // views of the text being read, for the duplicate check
    int64_t input_ = 0, cached_ = 0, write_ = 0, output_ = 0, reasoning_ = 0, total_ = 0;
    bool has_total_ = false, overflow_ = false;
};

}  // namespace maas

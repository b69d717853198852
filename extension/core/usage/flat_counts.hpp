// flat_counts.hpp - read_flat_counts: a flat JSON object of counts, the
// whole of Langfuse's `usage_details` ({"input": 800, "output": 500}), read
// in one pass with no index.  Why it exists beside json_reader.hpp's
// JsonReader: it reads such an object in a third of parse()'s time; every
// text it accepts parse() accepts with the same members, which
// tests/core/test_json_reader.cpp and fuzz/fuzz_usage_json.cpp check.
//
//   maas::FlatCount members[8];
//   const auto any = [](std::string_view) { return 0; };
//   maas::read_flat_counts(R"({"input":800,"output":500})", members, 8, any);  // 2
//   maas::read_flat_counts(R"({"input":8.5})", members, 8, any);               // -1: parse() it
#pragma once

#include <cstdint>
#include <string_view>

namespace maas {

// One member of a flat object of counts (read_flat_counts).
struct FlatCount {
    std::string_view key;  // inside its quotes, a view of the text
    int64_t count = 0;
    int tag = 0;  // what the caller's tag_of said of the key
};

// Reads `text` when it is a flat JSON object of counts, the whole of
// Langfuse's usage_details ({"input": 800, "output": 500, "total": 1300}):
// one to `capacity` members, each key plain (printable ASCII, no escape),
// each value a count (count_from_digits), JSON white space anywhere between.
// Returns the number of members, in order, or -1 for any other text, which
// says nothing about that text (it may still be JSON: parse() it).
// `tag_of(key)` is asked of each key as it is read and kept in its member; a
// negative tag ends the reading at once with -1: the caller knows the object
// is not the one it wants, and other shapes should pay as little as can be
// for being tried.
int read_flat_counts(std::string_view text, FlatCount* members, int capacity, int (*tag_of)(std::string_view key));

}  // namespace maas

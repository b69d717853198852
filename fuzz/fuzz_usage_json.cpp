// fuzz_usage_json.cpp - the usage reader (maas::UsageReader): every JSON
// shape, Langfuse's ClickHouse map text (clickhouse_map.hpp) and its bucket
// sum (usage_details.hpp).
//
// A connection keeps one reader and reuses its parser, padded buffer and key
// list for every row, so a document may be read right after a longer one.
// The properties: the reused reader answers exactly as a fresh one does, and
// found counts are consistent (TokenCounts::consistent: non-negative, parts
// within their wholes, one request); no crash, no sanitizer report.  And
// the JSON reader (json_reader.hpp) calls a text JSON exactly when simdjson
// does, but for numbers simdjson cannot hold (NUMBER_ERROR: beyond a double or 64 bits),
// which JSON allows; and then its index holds what simdjson's DOM does
// (kinds, keys, strings, counts, in order).  What read_flat_counts accepts,
// parse() accepts with the same members.
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "clickhouse_map.hpp"
#include "fuzz_check.hpp"
#include "flat_counts.hpp"
#include "json_reader.hpp"
#include "usage_json.hpp"

namespace {

// Whether the reader's index holds the document simdjson's DOM holds: the
// same kinds, keys, strings (decoded) and counts, in the same order.
bool same_tree(const maas::JsonValue& ours, simdjson::dom::element theirs, std::string& scratch) {
    using simdjson::dom::element_type;
    switch (theirs.type()) {
        case element_type::OBJECT: {
            maas::JsonValue::Member m = ours.first_member();
            if (!ours.is_object()) return false;
            for (const simdjson::dom::key_value_pair field : simdjson::dom::object(theirs)) {
                if (!m.present() || m.key(scratch) != field.key || !same_tree(m.value(), field.value, scratch))
                    return false;
                m = m.next();
            }
            return !m.present();
        }
        case element_type::ARRAY: {
            maas::JsonValue::Member m = ours.first_element();
            if (ours.kind() != maas::JsonKind::array) return false;
            for (const simdjson::dom::element element : simdjson::dom::array(theirs)) {
                if (!m.present() || !same_tree(m.value(), element, scratch)) return false;
                m = m.next();
            }
            return !m.present();
        }
        case element_type::STRING: return ours.string_equals(std::string_view(theirs));
        case element_type::INT64:
        case element_type::UINT64:
        case element_type::DOUBLE: {
            int64_t count = 0;
            if (!ours.is_number()) return false;
            // A count is plain digits: simdjson reads those as an INT64 of the same value.
            return !ours.count(count) || (theirs.type() == element_type::INT64 && int64_t(theirs) == count);
        }
        case element_type::BOOL: return ours.kind() == maas::JsonKind::boolean;
        case element_type::NULL_VALUE: return ours.is_null();
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static maas::UsageReader* reused = new maas::UsageReader();  // lives as long as the process
    const std::string_view json(reinterpret_cast<const char*>(data), size);

    maas::TokenCounts a, b;
    std::string why_a, why_b;
    const maas::Usage ua = reused->read(json, a, why_a);
    maas::UsageReader fresh;
    const maas::Usage ub = fresh.read(json, b, why_b);

    FUZZ_CHECK(ua == ub, "a reused reader answers like a fresh one: " + why_a + " / " + why_b);
    FUZZ_CHECK(why_a == why_b, why_a + " / " + why_b);
    if (ua == maas::Usage::found) {
        FUZZ_CHECK(a.input == b.input && a.output == b.output && a.cached_input == b.cached_input &&
                       a.cache_write == b.cache_write && a.reasoning == b.reasoning && a.requests == b.requests,
                   "same counts");
        FUZZ_CHECK(a.consistent(), "counts are consistent: each token once");
        FUZZ_CHECK(a.requests == 1, "one request per usage");
    }
    if (ua == maas::Usage::malformed || ua == maas::Usage::malformed_map || ua == maas::Usage::bad_value)
        FUZZ_CHECK(!why_a.empty(), "a reason is given");
    // Map text is told from JSON by its first bytes alone.
    if (ua == maas::Usage::malformed_map)
        FUZZ_CHECK(maas::looks_like_clickhouse_map(json), "map errors only for map text");

    // The reader's verdict against simdjson's.
    static maas::JsonReader* reader = new maas::JsonReader();
    static simdjson::dom::parser* oracle = new simdjson::dom::parser();
    std::string json_why;
    const bool ours = reader->parse(json, json_why);
    simdjson::dom::element root;
    const simdjson::error_code theirs = oracle->parse(simdjson::padded_string(json)).get(root);
    if (theirs != simdjson::NUMBER_ERROR && theirs != simdjson::MEMALLOC)
        FUZZ_CHECK(ours == (theirs == simdjson::SUCCESS), std::string("JsonReader says ") + (ours ? "JSON" : json_why) +
                                                              ", simdjson " + simdjson::error_message(theirs));
    if (ours && theirs == simdjson::SUCCESS) {
        std::string scratch;
        FUZZ_CHECK(same_tree(reader->root(), root, scratch), "the index holds what simdjson's DOM holds");
    }

    // A flat object of counts that read_flat_counts accepts, parse() accepts
    // with the same members in the same order (UsageReader trusts it so).
    maas::FlatCount flat[8];
    const int members = maas::read_flat_counts(json, flat, 8, [](std::string_view) { return 0; });
    if (members >= 0) {
        FUZZ_CHECK(ours, "a flat object of counts is JSON: " + json_why);
        std::string scratch;
        int i = 0;
        for (maas::JsonValue::Member m = reader->root().first_member(); m.present(); m = m.next(), ++i) {
            int64_t count = -1;
            FUZZ_CHECK(i < members && m.key(scratch) == flat[i].key && m.value().count(count) && count == flat[i].count,
                       "the same member " + std::to_string(i));
        }
        FUZZ_CHECK(i == members && members > 0, "the same number of members");
    }

    // The same document again, now that the buffer may hold a longer one's tail.
    maas::TokenCounts c;
    std::string why_c;
    FUZZ_CHECK(reused->read(json, c, why_c) == ua && why_c == why_a, "a second read answers the same");
    return 0;
}

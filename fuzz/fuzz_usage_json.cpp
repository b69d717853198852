// fuzz_usage_json.cpp - the usage JSON reader (maas::UsageReader).
//
// A connection keeps one reader and reuses its parser and padded buffer for
// every row, so a document may be read right after a longer one.  The
// property: the reused reader answers exactly as a fresh one does, and
// found token counts are non-negative; no crash, no sanitizer report.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "usage_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static maas::UsageReader* reused = new maas::UsageReader();  // lives as long as the process
    const std::string_view json(reinterpret_cast<const char*>(data), size);

    maas::UsageTokens a, b;
    std::string why_a, why_b;
    const maas::Usage ua = reused->read(json, a, why_a);
    maas::UsageReader fresh;
    const maas::Usage ub = fresh.read(json, b, why_b);

    FUZZ_CHECK(ua == ub, "a reused reader answers like a fresh one: " + why_a + " / " + why_b);
    FUZZ_CHECK(why_a == why_b, why_a + " / " + why_b);
    if (ua == maas::Usage::found) {
        FUZZ_CHECK(a.input == b.input && a.output == b.output, "same counts");
        FUZZ_CHECK(a.input >= 0 && a.output >= 0, "counts are non-negative");
    }
    if (ua == maas::Usage::malformed || ua == maas::Usage::bad_value) FUZZ_CHECK(!why_a.empty(), "a reason is given");

    // The same document again, now that the buffer may hold a longer one's tail.
    maas::UsageTokens c;
    std::string why_c;
    FUZZ_CHECK(reused->read(json, c, why_c) == ua && why_c == why_a, "a second read answers the same");
    return 0;
}

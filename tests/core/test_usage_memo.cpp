// Unit tests of usage_memo.hpp: the memo answers what the reader answers,
// for the very bytes it remembers and no others.
#include <catch2/catch.hpp>

#include <string>

#include "token_counts.hpp"
#include "usage_json.hpp"
#include "usage_memo.hpp"

using maas::TokenCounts;
using maas::Usage;
using maas::UsageMemo;

namespace {

// "outcome input output" or "outcome: why", through memo.read.
std::string read(UsageMemo& memo, const std::string& text, bool once = false) {
    TokenCounts t;
    std::string why;
    const Usage u = once ? memo.read_once(text, t, why) : memo.read(text, t, why);
    if (u == Usage::found) return "found " + std::to_string(t.input) + " " + std::to_string(t.output);
    if (u == Usage::missing) return "missing";
    return std::to_string(int(u)) + ": " + why;
}

}  // namespace

TEST_CASE("the memo remembers the last text, by its bytes", "[usage_memo]") {
    UsageMemo memo;
    const std::string a = R"({"prompt_tokens":12,"completion_tokens":3})";
    const std::string b = R"({"prompt_tokens":34,"completion_tokens":3})";  // same length
    CHECK_FALSE(memo.remembers(a));
    CHECK(read(memo, a) == "found 12 3");
    CHECK(memo.remembers(a));
    CHECK_FALSE(memo.remembers(b));
    CHECK(read(memo, b) == "found 34 3");
    CHECK(memo.remembers(b));
    CHECK_FALSE(memo.remembers(a));
    CHECK(read(memo, a) == "found 12 3");
    // A prefix, and the text with one more byte.
    CHECK_FALSE(memo.remembers(a.substr(0, a.size() - 1)));
    CHECK_FALSE(memo.remembers(a + " "));
    CHECK(read(memo, a.substr(0, a.size() - 1)).rfind(std::to_string(int(Usage::malformed)) + ": ", 0) == 0);
    CHECK(read(memo, a + " ") == "found 12 3");
    // The empty text, and bytes past a NUL.
    CHECK(read(memo, "").rfind(std::to_string(int(Usage::malformed)) + ": expected a value", 0) == 0);
    CHECK(memo.remembers(""));
    CHECK(read(memo, std::string("{}\0x", 4)).rfind(std::to_string(int(Usage::malformed)), 0) == 0);
    CHECK_FALSE(memo.remembers("{}"));
    CHECK(read(memo, "{}") == "missing");
}

TEST_CASE("a problem is remembered with its reason; every text still gets its own", "[usage_memo]") {
    UsageMemo memo;
    const std::string bad = "{'input':1000,'output':500,'total':1000}";
    const std::string good = "{'input':1000,'output':500,'total':1500}";
    const std::string reason = std::to_string(int(Usage::bad_value)) +
                               ": usage_details.total (1000) is not the sum of the other keys (1500)";
    for (int i = 0; i < 3; ++i) {
        CHECK(read(memo, bad) == reason);
        CHECK(read(memo, bad) == reason);
        CHECK(read(memo, good) == "found 1000 500");
        CHECK(read(memo, good) == "found 1000 500");
    }
}

TEST_CASE("read_once answers without remembering, and keeps what was remembered", "[usage_memo]") {
    UsageMemo memo;
    const std::string a = R"({"prompt_tokens":1})";
    const std::string b = R"({"prompt_tokens":2})";
    CHECK(read(memo, a) == "found 1 0");
    CHECK(read(memo, b, true) == "found 2 0");
    CHECK(memo.remembers(a));
    CHECK_FALSE(memo.remembers(b));
    CHECK(read(memo, a, true) == "found 1 0");
}

TEST_CASE("texts over the longest remembered are read every time", "[usage_memo]") {
    UsageMemo memo;
    const std::string pad(UsageMemo::kLongestRemembered, ' ');
    const std::string big = R"({"prompt_tokens":7})" + pad;
    const std::string fits = R"({"prompt_tokens":8})" + pad.substr(0, UsageMemo::kLongestRemembered - 19);
    REQUIRE(fits.size() == UsageMemo::kLongestRemembered);
    CHECK(read(memo, fits) == "found 8 0");
    CHECK(memo.remembers(fits));
    CHECK(read(memo, big) == "found 7 0");
    CHECK_FALSE(memo.remembers(big));
    CHECK_FALSE(memo.remembers(fits));  // forgotten: the memo holds one text's answer
    CHECK(read(memo, fits) == "found 8 0");
}

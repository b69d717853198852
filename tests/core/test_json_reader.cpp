// test_json_reader.cpp - maas::JsonReader: what it accepts, where it says a
// text breaks JSON, how values are found; and its verdicts held against
// simdjson's (Debian libsimdjson-dev, a test dependency only) on a table of
// documents chosen to sit on each rule's edge.
//
//   build/tests/core_tests "[json_reader]"
#include <catch2/catch.hpp>
#include <simdjson.h>

#include <string>

#include "flat_counts.hpp"
#include "json_reader.hpp"

namespace {

// "ok" or the reader's message.
std::string verdict(std::string_view text) {
    maas::JsonReader reader;
    std::string why;
    return reader.parse(text, why) ? "ok" : why;
}

bool simdjson_accepts(std::string_view text) {
    simdjson::dom::parser parser;
    simdjson::padded_string padded(text);
    simdjson::dom::element root;
    return parser.parse(padded).get(root) == simdjson::SUCCESS;
}

}  // namespace

TEST_CASE("where a text breaks JSON, by byte", "[json_reader]") {
    CHECK(verdict("") == "expected a value at byte 1");
    CHECK(verdict("   ") == "expected a value at byte 4");
    CHECK(verdict("{\"a\":") == "expected a value at byte 6");
    CHECK(verdict("{\"usage\":") == "expected a value at byte 10");
    CHECK(verdict("{\"a\":1,}") == "expected a key in double quotes at byte 8");
    CHECK(verdict("{\"a\" 1}") == "expected ':' after a key at byte 6");
    CHECK(verdict("{\"a\":1 \"b\":2}") == "expected ',' or '}' at byte 8");
    CHECK(verdict("[1 2]") == "expected ',' or ']' at byte 4");
    CHECK(verdict("[1,]") == "expected a value at byte 4");
    CHECK(verdict("{\"a\":1}}") == "unexpected text after the JSON value at byte 8");
    CHECK(verdict("{} {}") == "unexpected text after the JSON value at byte 4");
    CHECK(verdict("\"abc") == "unterminated string at byte 1");
    CHECK(verdict("[\"" + std::string(40, 'x')) == "unterminated string at byte 2");
    CHECK(verdict("\"a\tb\"") == "a control character in a string (JSON needs it escaped) at byte 3");
    CHECK(verdict("\"\\x\"") == "invalid escape in a string at byte 2");
    CHECK(verdict("\"\\u12g4\"") == "expected four hex digits after \\u at byte 2");
    CHECK(verdict("\"\\ud800\"") == "a high surrogate \\u escape without a low one after it at byte 2");
    CHECK(verdict("\"\\udc00\"") == "a low surrogate \\u escape without a high one before it at byte 2");
    CHECK(verdict("\"\xff\"") == "invalid UTF-8 in a string at byte 2");
    CHECK(verdict("\"\xc0\xaf\"") == "invalid UTF-8 in a string at byte 2");          // overlong '/'
    CHECK(verdict("\"\xed\xa0\x80\"") == "invalid UTF-8 in a string at byte 2");      // a surrogate
    CHECK(verdict("\"\xf4\x90\x80\x80\"") == "invalid UTF-8 in a string at byte 2");  // past U+10FFFF
    CHECK(verdict("\"\xe4\xb8\"") == "invalid UTF-8 in a string at byte 2");          // cut short
    CHECK(verdict("01") == "unexpected text after the JSON value at byte 2");
    CHECK(verdict("-") == "invalid number at byte 1");
    CHECK(verdict("1.") == "invalid number at byte 1");
    CHECK(verdict("1e") == "invalid number at byte 1");
    CHECK(verdict("tru") == "expected a value at byte 1");
    CHECK(verdict("truex") == "unexpected text after the JSON value at byte 5");
    CHECK(verdict(std::string(1024, '[') + std::string(1024, ']')) == "ok");
    CHECK(verdict(std::string(1025, '[') + std::string(1025, ']')) == "nested deeper than 1024 levels at byte 1025");
    CHECK(verdict(std::string(100000, '[')) == "nested deeper than 1024 levels at byte 1025");

    // The text ends where its view ends, whatever the bytes after it would
    // make of it; a NUL byte inside it ends nothing.
    const std::string more = R"({"a":[1,2,"xy"]}   true)";
    CHECK(verdict(std::string_view(more.data(), 16)) == "ok");
    CHECK(verdict(std::string_view(more.data(), 15)) == "expected ',' or '}' at byte 16");
    CHECK(verdict(std::string_view(more.data(), 13)) == "unterminated string at byte 11");
    CHECK(verdict(std::string_view(more.data(), 6)) == "expected a value at byte 7");
    CHECK(verdict(std::string_view(more.data() + 19, 3)) == "expected a value at byte 1");  // "tru"
    CHECK(verdict(std::string_view("[1]\0", 4)) == "unexpected text after the JSON value at byte 4");
    CHECK(verdict(std::string_view("[\0]", 3)) == "expected a value at byte 2");
    CHECK(verdict(std::string_view("[1\0]", 4)) == "expected ',' or ']' at byte 3");
    CHECK(verdict(std::string_view("\"a\0b\"", 5)) ==
          "a control character in a string (JSON needs it escaped) at byte 3");
}

TEST_CASE("what it accepts", "[json_reader]") {
    CHECK(verdict("{}") == "ok");
    CHECK(verdict("[]") == "ok");
    CHECK(verdict(" \t\r\n{ \"a\" : [ 1 , -0.5e+3 , true , false , null , \"\" ] } \n") == "ok");
    CHECK(verdict("{\"choices\":[],\"usage\":{}}") == "ok");
    CHECK(verdict("[[],{},[{}],{\"a\":[]}]") == "ok");
    CHECK(verdict("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"") == "ok");
    CHECK(verdict("\"\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80\"") == "ok");  // 中文 and an emoji
    CHECK(verdict(std::string(1 << 16, '1')) == "ok");                        // JSON sets no limit on a number's length
    CHECK(verdict("18446744073709551616") == "ok");
    CHECK(verdict("1e400") == "ok");
}

TEST_CASE("members, counts and strings", "[json_reader]") {
    maas::JsonReader reader;
    std::string why;
    REQUIRE(reader.parse(R"({"a":1,"a":2,"b":{"c":[1,2],"d":"x"},"e":null,"f":-1,"g":1.0,"h":1e3,)"
                         R"("i":9223372036854775807,"j":9223372036854775808,"k\u005fl":7,"m":"mes\u0073age"})",
                         why));
    const maas::JsonValue root = reader.root();
    int64_t n = 0;
    CHECK(root.member("a").count(n));
    CHECK(n == 1);  // the first of a key given twice
    CHECK(root.member("b").is_object());
    CHECK(root.member("b").member("c").kind() == maas::JsonKind::array);
    CHECK(root.member("b").member("d").string_equals("x"));
    CHECK_FALSE(root.member("b").member("d").string_equals("y"));
    CHECK(root.member("e").is_null());
    CHECK_FALSE(root.member("f").count(n));  // a sign: no count
    CHECK_FALSE(root.member("g").count(n));  // a fraction: no count
    CHECK_FALSE(root.member("h").count(n));  // an exponent: no count
    CHECK(root.member("i").count(n));
    CHECK(n == INT64_MAX);
    CHECK_FALSE(root.member("j").count(n));  // past int64_t
    CHECK(root.member("k_l").count(n));      // a key with an escape, decoded
    CHECK(n == 7);
    CHECK(root.member("m").string_equals("message"));
    CHECK_FALSE(root.member("zz").present());
    CHECK_FALSE(root.member("a").member("x").present());  // not an object
    std::string keys, scratch;
    for (maas::JsonValue::Member m = root.first_member(); m.present(); m = m.next())
        keys += std::string(m.key(scratch)) + " ";
    CHECK(keys == "a a b e f g h i j k_l m ");

    // A reused reader: a short document after a long one sees only itself.
    REQUIRE(reader.parse(R"({"x":")" + std::string(5000, 'x') + R"(","y":[1,2,3]})", why));
    REQUIRE(reader.parse(R"({"y":5})", why));
    CHECK(reader.root().member("y").count(n));
    CHECK(n == 5);
    CHECK_FALSE(reader.root().member("x").present());

    // Elements of an array, in order; a member's value has none.
    REQUIRE(reader.parse(R"([7,"x",[],{"a":8}])", why));
    std::string kinds;
    for (maas::JsonValue::Member m = reader.root().first_element(); m.present(); m = m.next())
        kinds += std::to_string(int(m.value().kind())) + " ";
    CHECK(kinds == "3 4 5 6 ");  // number, string, array, object
    CHECK_FALSE(reader.root().first_member().present());
    CHECK_FALSE(reader.root().member("a").first_element().present());

    std::string decoded;
    maas::decode_json_string(R"(a\"b\\c\/d\n\u00e9\ud83d\ude00)", decoded);
    CHECK(decoded == "a\"b\\c/d\n\xc3\xa9\xf0\x9f\x98\x80");
}

namespace {

// read_flat_counts' members as "key=count key=count", or its -1.
std::string flat(std::string_view text, int capacity = 8) {
    maas::FlatCount members[8];
    const int n = maas::read_flat_counts(text, members, capacity,
                                         [](std::string_view key) { return key == "stop" ? -1 : 0; });
    if (n < 0) return "-1";
    std::string out;
    for (int i = 0; i < n; ++i)
        out += (i ? " " : "") + std::string(members[i].key) + "=" + std::to_string(members[i].count);
    return out;
}

}  // namespace

TEST_CASE("a flat object of counts, read without the index", "[json_reader]") {
    CHECK(flat(R"({"input":800,"input_cached_tokens":200,"output":500,"total":1500})") ==
          "input=800 input_cached_tokens=200 output=500 total=1500");
    // PostgreSQL's jsonb text (Langfuse's usage_details) puts spaces after ':' and ','.
    CHECK(flat(" {\"input\": 10, \"output\": 0}\n") == "input=10 output=0");
    CHECK(flat(R"({"a":1,"a":2})") == "a=1 a=2");  // a key twice: both, in order, as parse() gives them
    CHECK(flat(R"({"":9223372036854775807})") == "=9223372036854775807");
    CHECK(flat(R"({"k":1,"k2":2,"k3":3})", 2) == "-1");  // more than the capacity
    // Anything else is left to parse(), valid JSON or not.
    for (const char* other :
         {"{}", "[1]", "1", R"({"a":-1})", R"({"a":1.5})", R"({"a":1e3})", R"({"a":01})", R"({"a":"1"})",
          R"({"a":null})", R"({"a":{"b":1}})", R"({"a\u0062":1})", "{\"\xc3\xa9\":1}", R"({"a":9223372036854775808})",
          R"({"a":1,})", R"({"a":1}x)", R"({"a":1)", R"({"a" 1})", R"({"stop":1})", R"({"a":1,"stop":2})"})
        CHECK(flat(other) == "-1");
    // What it accepts, parse() accepts with the same members.
    for (const char* text : {R"({"input":1,"output":2})", " {\"a\" : 0 ,\t\"b\":12345678901234567}\r\n",
                             R"({"a_key_longer_than_sixteen_bytes":1,"x":2})"}) {
        maas::FlatCount members[8];
        const int n = maas::read_flat_counts(text, members, 8, [](std::string_view) { return 0; });
        REQUIRE(n == 2);
        maas::JsonReader reader;
        std::string why, scratch;
        REQUIRE(reader.parse(text, why));
        int i = 0;
        for (maas::JsonValue::Member m = reader.root().first_member(); m.present(); m = m.next(), ++i) {
            int64_t count = -1;
            CHECK(m.key(scratch) == members[i].key);
            CHECK(m.value().count(count));
            CHECK(count == members[i].count);
        }
        CHECK(i == n);
    }
}

TEST_CASE("same_bytes, at every length", "[json_reader]") {
    const std::string a = "prompt_tokens_details_cached_tokens";
    for (size_t n = 0; n <= a.size(); ++n) {
        std::string b = a.substr(0, n);
        CHECK(maas::same_bytes(a.data(), b.data(), n));
        for (size_t i = 0; i < n; ++i) {
            std::string c = b;
            c[i] ^= 1;
            CHECK_FALSE(maas::same_bytes(a.data(), c.data(), n));
        }
    }
}

TEST_CASE("its verdicts agree with simdjson's", "[json_reader]") {
    // Each rule's edge.  Where they differ by design (numbers beyond a
    // double or 64 bits, which JSON allows and simdjson refuses), the case
    // is in "what it accepts" above instead.
    const char* documents[] = {
        "",
        " ",
        "{}",
        "[]",
        "{",
        "}",
        "[",
        "]",
        "{]",
        "[}",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "[1,]",
        "[,1]",
        "{,}",
        "{\"a\":1 \"b\":2}",
        "{} {}",
        "{}x",
        "null",
        "nul",
        "nulll",
        "true",
        "false",
        "tRue",
        "0",
        "-0",
        "01",
        "-01",
        "1.",
        ".1",
        "1.5",
        "1e5",
        "1E+5",
        "1e-5",
        "1e",
        "1e+",
        "-",
        "--1",
        "+1",
        "0x10",
        "\"\"",
        "\"a",
        "\"\\\"",
        "\"\\\\\"",
        "\"\\/\"",
        "\"\\x\"",
        "\"\\u00e9\"",
        "\"\\u00E9\"",
        "\"\\u00g9\"",
        "\"\\u00\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83d\\u0041\"",
        "\"\\ud83dx\"",
        "\"\t\"",
        "\"\x01\"",
        "\"\x7f\"",
        "\"\xc3\xa9\"",
        "\"\xc3\"",
        "\"\xc0\x80\"",
        "\"\xc1\xbf\"",
        "\"\xe0\x80\x80\"",
        "\"\xe0\xa0\x80\"",
        "\"\xed\x9f\xbf\"",
        "\"\xed\xa0\x80\"",
        "\"\xef\xbf\xbf\"",
        "\"\xf0\x8f\xbf\xbf\"",
        "\"\xf0\x90\x80\x80\"",
        "\"\xf4\x8f\xbf\xbf\"",
        "\"\xf4\x90\x80\x80\"",
        "\"\xf5\x80\x80\x80\"",
        "\"\x80\"",
        "\"\xff\"",
        "\xc3\xa9",
        "[1,2,3]",
        "[[[]]]",
        "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}",
        " [ 1 , 2 ] ",
        "\v[]",
        "[]\f",
        "{\"a\" : 1}",
        "{'a':1}",
        "[\"a\",]",
        "[1 2]",
        "{\"a\":1,\"a\":2}",
        "{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3}}",
        "{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"\xe4\xb8\xad\xe6\x96\x87\"}}],\"usage\":{}}",
    };
    for (const char* d : documents) {
        const std::string text(d);
        INFO("document: " << text);
        CHECK((verdict(text) == "ok") == simdjson_accepts(text));
    }
    // With a NUL byte, which a C string cannot hold.
    for (const std::string& text : {std::string("\"a\0b\"", 5), std::string("[1]\0", 4), std::string("\0", 1)}) {
        INFO("document with a NUL, " << text.size() << " bytes");
        CHECK((verdict(text) == "ok") == simdjson_accepts(text));
    }
    // Nesting at simdjson's limit and one past it.
    CHECK((verdict(std::string(1024, '[') + std::string(1024, ']')) == "ok") ==
          simdjson_accepts(std::string(1024, '[') + std::string(1024, ']')));
    CHECK((verdict(std::string(1025, '[') + std::string(1025, ']')) == "ok") ==
          simdjson_accepts(std::string(1025, '[') + std::string(1025, ']')));
}

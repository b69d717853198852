// Unit tests of card.hpp: the rate-card CSV parser and its checks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "card.hpp"
#include "decimal.hpp"
#include "time_text.hpp"

using maas::CardLine;
using maas::Item;
using maas::Service;
using maas::Unit;

namespace {

const std::string kHeader = "provider,model,service,item,label,price,unit,currency,effective_from,source";
const std::string kWhen = "2025-07-08T13:25:00+08:00";
constexpr int64_t kWhenMs = 1751952300000;  // date -u -d 2025-07-08T13:25:00+08:00 +%s

// One CSV line with every field given.
struct Fields {
    std::string provider = "acme";
    std::string model = "M1";
    std::string service = "inference";
    std::string item = "input";
    std::string label = "in";
    std::string price = "0.001";
    std::string unit = "k_tokens";
    std::string currency = "CNY";
    std::string effective_from = kWhen;
    std::string source = "https://example.com/prices";

    std::string csv() const {
        return provider + "," + model + "," + service + "," + item + "," + label + "," + price + "," + unit + "," +
               currency + "," + effective_from + "," + source;
    }
};

std::string card(const std::vector<std::string>& lines) {
    std::string text = kHeader + "\n";
    for (const std::string& l : lines) text += l + "\n";
    return text;
}

std::vector<CardLine> parse_ok(const std::string& csv) {
    std::vector<CardLine> lines;
    std::string error;
    INFO("card:\n" << csv);
    const bool ok = maas::parse_card(csv, "t.csv", maas::Origin::builtin, lines, error);
    INFO("error: " << error);
    REQUIRE(ok);
    return lines;
}

// The message of a card that must not parse; the output stays untouched.
std::string error_of(const std::string& csv) {
    std::vector<CardLine> lines(1);
    lines[0].model = "untouched";
    std::string error;
    INFO("card:\n" << csv);
    REQUIRE_FALSE(maas::parse_card(csv, "t.csv", maas::Origin::builtin, lines, error));
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].model == "untouched");
    return error;
}

std::string error_of_line(const Fields& f) { return error_of(card({Fields{}.csv(), f.csv()})); }

}  // namespace

// ------------------------------------------------------------- valid cards --

TEST_CASE("parse_card reads a small valid card field by field", "[card]") {
    Fields input, output, deployment, lora, full, merge, hourly;
    output.item = "output";
    output.label = "输出";
    output.price = "0.0075";
    deployment.item = "deployment";
    deployment.label = "独立部署";
    deployment.price = "150";
    deployment.unit = "node_hour";
    lora.service = "training";
    lora.item = "lora";
    lora.label = "LORA";
    lora.price = "0.7";
    full.service = "training";
    full.item = "full";
    full.label = "全量更新";
    full.price = "0.006";
    merge.service = "training";
    merge.item = "lora_merge";
    merge.label = "LoRA合并";
    merge.price = "0.03";
    merge.effective_from = "2025-07-08 05:25:00";
    hourly.model = "Spark Mini";
    hourly.item = "deployment";
    hourly.label = "独立部署";
    hourly.price = "10";
    hourly.unit = "hour";
    hourly.source = "";
    input.price = "0.00075";
    input.label = "输入";

    const auto lines = parse_ok(
        card({input.csv(), output.csv(), deployment.csv(), lora.csv(), full.csv(), merge.csv(), hourly.csv()}));
    REQUIRE(lines.size() == 7u);

    const CardLine& a = lines[0];
    CHECK(a.provider == "acme");
    CHECK(a.model == "M1");
    CHECK(a.service == Service::inference);
    CHECK(a.item == Item::input);
    CHECK(a.label == "输入");
    CHECK(a.price_text == "0.00075");
    CHECK(maas::to_string(a.price) == "0.00075");
    CHECK(a.price.exponent == -5);
    CHECK(maas::to_double(a.price) == 0.00075);
    CHECK(a.unit == Unit::k_tokens);
    CHECK(a.currency == "CNY");
    CHECK(a.effective_from_ms == kWhenMs);
    CHECK(a.source == "https://example.com/prices");
    CHECK(a.where == "t.csv:2");

    CHECK(lines[1].item == Item::output);
    CHECK(lines[1].price_text == "0.0075");
    CHECK(lines[1].where == "t.csv:3");
    CHECK(lines[2].item == Item::deployment);
    CHECK(lines[2].unit == Unit::node_hour);
    CHECK(maas::to_double(lines[2].price) == 150.0);
    CHECK(lines[3].service == Service::training);
    CHECK(lines[3].item == Item::lora);
    CHECK(lines[3].label == "LORA");
    CHECK(lines[4].item == Item::full);
    CHECK(lines[5].item == Item::lora_merge);
    CHECK(lines[5].label == "LoRA合并");
    CHECK(lines[5].effective_from_ms == kWhenMs);
    CHECK(lines[6].model == "Spark Mini");
    CHECK(lines[6].unit == Unit::hour);
    CHECK(lines[6].source == "");
    CHECK(lines[6].where == "t.csv:8");
}

TEST_CASE("parse_card reads cached input, cache write and request prices in their units", "[card][cached]") {
    // As the provider's newer catalog publishes them: per million tokens and
    // per call.
    Fields input, cached, write, output, request, lora_m;
    input.price = "2";
    input.unit = "m_tokens";
    cached.item = "cached_input";
    cached.label = "cacheTokensPrice";
    cached.price = "0.5";
    cached.unit = "m_tokens";
    write.item = "cache_write";
    write.label = "";
    write.price = "0.0025";
    write.unit = "k_tokens";
    output.item = "output";
    output.price = "8";
    output.unit = "m_tokens";
    request.item = "request";
    request.label = "requestPrice";
    request.price = "0.01";
    request.unit = "request";
    lora_m.service = "training";
    lora_m.item = "lora";
    lora_m.price = "700";
    lora_m.unit = "m_tokens";
    const auto lines = parse_ok(
        card({input.csv(), cached.csv(), write.csv(), output.csv(), request.csv(), lora_m.csv()}));
    REQUIRE(lines.size() == 6u);
    CHECK(lines[0].item == Item::input);
    CHECK(lines[0].unit == Unit::m_tokens);
    CHECK(lines[0].price_text == "2");
    CHECK(lines[1].item == Item::cached_input);
    CHECK(lines[1].service == Service::inference);
    CHECK(lines[1].unit == Unit::m_tokens);
    CHECK(lines[1].label == "cacheTokensPrice");
    CHECK(maas::to_string(lines[1].price) == "0.5");
    CHECK(lines[2].item == Item::cache_write);
    CHECK(lines[2].unit == Unit::k_tokens);
    CHECK(lines[3].item == Item::output);
    CHECK(lines[4].item == Item::request);
    CHECK(lines[4].unit == Unit::request);
    CHECK(lines[4].price_text == "0.01");
    CHECK(lines[5].item == Item::lora);
    CHECK(lines[5].unit == Unit::m_tokens);
}

TEST_CASE("parse_card: a unit must be one of the item's kind", "[card][cached][errors]") {
    struct Case {
        const char* service;
        const char* item;
        const char* unit;
        const char* only;  // nullptr: accepted
    };
    const char* tokens = "k_tokens or m_tokens";
    const Case cases[] = {
        {"inference", "cached_input", "k_tokens", nullptr},
        {"inference", "cached_input", "m_tokens", nullptr},
        {"inference", "cached_input", "request", tokens},
        {"inference", "cached_input", "node_hour", tokens},
        {"inference", "cached_input", "hour", tokens},
        {"inference", "cache_write", "m_tokens", nullptr},
        {"inference", "cache_write", "request", tokens},
        {"inference", "input", "request", tokens},
        {"inference", "output", "request", tokens},
        {"inference", "output", "m_tokens", nullptr},
        {"inference", "request", "request", nullptr},
        {"inference", "request", "k_tokens", "request"},
        {"inference", "request", "m_tokens", "request"},
        {"inference", "request", "node_hour", "request"},
        {"inference", "request", "hour", "request"},
        {"inference", "deployment", "m_tokens", "node_hour or hour"},
        {"inference", "deployment", "request", "node_hour or hour"},
        {"training", "lora", "m_tokens", nullptr},
        {"training", "full", "request", tokens},
        {"training", "lora_merge", "m_tokens", nullptr},
    };
    for (const Case& c : cases) {
        INFO(c.item << " per " << c.unit);
        Fields f;
        f.service = c.service;
        f.item = c.item;
        f.unit = c.unit;
        if (!c.only) {
            CHECK(parse_ok(card({f.csv()})).size() == 1u);
            continue;
        }
        CHECK(error_of_line(f) == std::string("t.csv:3: unit: item ") + c.item + " cannot be priced per " + c.unit +
                                      " (only " + c.only + ")");
    }
    // The new items belong to inference.
    for (const char* item : {"cached_input", "cache_write", "request"}) {
        Fields f;
        f.service = "training";
        f.item = item;
        f.unit = std::string(item) == "request" ? "request" : "k_tokens";
        CHECK(error_of_line(f) == std::string("t.csv:3: service: item ") + item + " belongs to service inference");
    }
    // Item and unit names are exact: no plural, no case, no published unit text.
    Fields f;
    f.item = "Cached_Input";
    CHECK(error_of_line(f) == "t.csv:3: item: 'Cached_Input' is not input, output, cached_input, cache_write, "
                              "request, deployment, lora, full or lora_merge");
    f = Fields{};
    f.unit = "元/百万tokens";
    CHECK(error_of_line(f) == "t.csv:3: unit: '元/百万tokens' is not k_tokens, m_tokens, request, node_hour or hour");
    f.unit = "requests";
    CHECK(error_of_line(f) == "t.csv:3: unit: 'requests' is not k_tokens, m_tokens, request, node_hour or hour");
}

TEST_CASE("parse_card: columns may come in any order", "[card]") {
    const std::string csv = "source,effective_from,currency,unit,price,label,item,service,model,provider\n"
                            "https://x,2025-07-08,USD,node_hour,2.5,dep,deployment,inference,Big Model,other\n";
    const auto lines = parse_ok(csv);
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].provider == "other");
    CHECK(lines[0].model == "Big Model");
    CHECK(lines[0].item == Item::deployment);
    CHECK(lines[0].unit == Unit::node_hour);
    CHECK(lines[0].currency == "USD");
    CHECK(lines[0].price_text == "2.5");
    CHECK(lines[0].effective_from_ms == 1751932800000);
    CHECK(lines[0].source == "https://x");
}

TEST_CASE("parse_card: RFC 4180 quoting", "[card][csv]") {
    Fields f;
    f.model = "\"Spark, Max\"";
    f.label = "\"say \"\"hi\"\"\"";
    f.source = "\"https://example.com/a,b?c=\"\"d\"\"\"";
    f.currency = "\"CNY\"";
    f.price = "\"0.5\"";
    const auto lines = parse_ok(card({f.csv()}));
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].model == "Spark, Max");
    CHECK(lines[0].label == "say \"hi\"");
    CHECK(lines[0].source == "https://example.com/a,b?c=\"d\"");
    CHECK(lines[0].currency == "CNY");
    CHECK(lines[0].price_text == "0.5");

    // A quoted header works too, and "" inside quotes is one quote.
    const auto quoted_header = parse_ok(
        "\"provider\",\"model\",service,item,label,price,unit,currency,effective_from,source\n"
        "acme,\"\"\"quoted\"\" name\",inference,input,in,1,k_tokens,CNY,2025-07-08,\n");
    REQUIRE(quoted_header.size() == 1u);
    CHECK(quoted_header[0].model == "\"quoted\" name");
    CHECK(quoted_header[0].source == "");
}

TEST_CASE("parse_card: quotes where RFC 4180 puts none are read as text", "[card][csv]") {
    // Text after a closing quote joins the field; a quote inside an unquoted
    // field is a plain character; a field may begin with an escaped quote.
    Fields f;
    f.label = "\"in\"put";
    f.source = "see \"the\" list";
    f.model = "\"\"\"M\"\"\"";
    const auto lines = parse_ok(card({f.csv()}));
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].label == "input");
    CHECK(lines[0].source == "see \"the\" list");
    CHECK(lines[0].model == "\"M\"");
    // A field copied for one record (a doubled quote) is a view again in the next.
    Fields plain;
    plain.item = "output";
    const auto two = parse_ok(card({f.csv(), plain.csv()}));
    REQUIRE(two.size() == 2u);
    CHECK(two[1].model == "M1");
    CHECK(two[1].label == "in");
    CHECK(two[1].source == "https://example.com/prices");
}

TEST_CASE("parse_card: CRLF line ends, BOM, blank lines, no final newline", "[card][csv]") {
    Fields a, b;
    b.item = "output";
    const std::string crlf = kHeader + "\r\n" + a.csv() + "\r\n" + b.csv() + "\r\n";
    auto lines = parse_ok(crlf);
    REQUIRE(lines.size() == 2u);
    CHECK(lines[0].source == "https://example.com/prices");  // no '\r' left behind
    CHECK(lines[1].source == "https://example.com/prices");
    CHECK(lines[1].where == "t.csv:3");

    lines = parse_ok("\xEF\xBB\xBF" + crlf);
    REQUIRE(lines.size() == 2u);
    CHECK(lines[0].provider == "acme");
    CHECK(lines[0].where == "t.csv:2");

    lines = parse_ok(kHeader + "\n" + a.csv());  // no newline at the end
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].source == "https://example.com/prices");

    lines = parse_ok(kHeader + "\n\n" + a.csv() + "\n   \n\r\n\n" + b.csv() + "\n\n");
    REQUIRE(lines.size() == 2u);
    CHECK(lines[0].where == "t.csv:3");
    CHECK(lines[1].where == "t.csv:7");

    // Trailing spaces after header names are forgiven.
    lines = parse_ok("provider ,model,service,item,label,price,unit,currency,effective_from,source  \n" + a.csv());
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].source == "https://example.com/prices");
}

TEST_CASE("parse_card: line numbers stay right after quoted fields spanning lines", "[card][csv]") {
    Fields multi, next;
    multi.label = "\"two\nlines\"";
    next.item = "output";
    auto lines = parse_ok(card({multi.csv(), next.csv()}));
    REQUIRE(lines.size() == 2u);
    CHECK(lines[0].label == "two\nlines");
    CHECK(lines[0].where == "t.csv:2");
    CHECK(lines[1].where == "t.csv:4");

    // Three physical lines in one field (LF and CRLF inside the quotes).
    multi.label = "\"a\r\nb\nc\"";
    lines = parse_ok(card({multi.csv(), next.csv()}));
    REQUIRE(lines.size() == 2u);
    CHECK(lines[0].label == "a\r\nb\nc");
    CHECK(lines[1].where == "t.csv:5");

    // Errors after such a record name the physical line.
    Fields bad;
    bad.item = "outputs";
    CHECK(
        error_of(card({multi.csv(), bad.csv()})) ==
        "t.csv:5: item: 'outputs' is not input, output, cached_input, cache_write, request, deployment, lora, full or lora_merge");
    CHECK(
        error_of(card({multi.csv(), "", next.csv(), bad.csv()})) ==
        "t.csv:7: item: 'outputs' is not input, output, cached_input, cache_write, request, deployment, lora, full or lora_merge");
}

// ---------------------------------------------------------- header errors --

TEST_CASE("parse_card: header problems", "[card][errors]") {
    CHECK(error_of("") == "t.csv:1: empty file (expected a header line)");
    CHECK(error_of("\xEF\xBB\xBF") == "t.csv:1: empty file (expected a header line)");
    CHECK(error_of(kHeader) == "t.csv:2: no price lines");
    CHECK(error_of(kHeader + "\n") == "t.csv:2: no price lines");
    CHECK(error_of(kHeader + "\n\n\n") == "t.csv:4: no price lines");
    CHECK(error_of("\"provider,model") == "t.csv:1: unterminated quote");
    CHECK(
        error_of("provider,model,service,item,label,price_cny,unit,currency,effective_from,source\n") ==
        "t.csv:1: column 6 of the header is not one of provider, model, service, item, label, price, unit, currency, effective_from, source, condition, billed_per");
    CHECK(
        error_of("Provider,model,service,item,label,price,unit,currency,effective_from,source\n") ==
        "t.csv:1: column 1 of the header is not one of provider, model, service, item, label, price, unit, currency, effective_from, source, condition, billed_per");
    CHECK(
        error_of(" provider,model,service,item,label,price,unit,currency,effective_from,source\n") ==
        "t.csv:1: column 1 of the header is not one of provider, model, service, item, label, price, unit, currency, effective_from, source, condition, billed_per");
    CHECK(error_of(kHeader + ",model\n") == "t.csv:1: model: column appears twice in header");
    // What was found is never shown (the file may be no card at all): only what was expected.
    CHECK(
        error_of(kHeader + ",note\n") ==
        "t.csv:1: column 11 of the header is not one of provider, model, service, item, label, price, unit, currency, effective_from, source, condition, billed_per");
    CHECK(
        error_of(kHeader + ",\n") ==
        "t.csv:1: column 11 of the header is not one of provider, model, service, item, label, price, unit, currency, effective_from, source, condition, billed_per");
    CHECK(error_of("provider,model,service,item,label,price,unit,currency,effective_from\n") ==
          "t.csv:1: source: column missing from header");
    CHECK(error_of("provider,model,service,item,price,unit,currency,effective_from\n") ==
          "t.csv:1: label: column missing from header");
    CHECK(error_of("model\n") == "t.csv:1: provider: column missing from header");
}

// ------------------------------------------------------------ line errors --

TEST_CASE("parse_card: record shape problems", "[card][errors]") {
    Fields f;
    CHECK(error_of(card({"acme,M1,inference,input,in,0.001,k_tokens,CNY," + kWhen})) ==
          "t.csv:2: expected 10 fields, found 9");
    CHECK(error_of(card({f.csv() + ",extra"})) == "t.csv:2: expected 10 fields, found 11");
    CHECK(error_of(card({f.csv(), "only one field"})) == "t.csv:3: expected 10 fields, found 1");
    CHECK(error_of(card({"acme,\"M1,inference,input,in,0.001,k_tokens,CNY," + kWhen + ",x"})) ==
          "t.csv:2: unterminated quote");
    Fields other;
    other.item = "output";
    CHECK(error_of(card({f.csv(), other.csv(), "acme,\"M2"})) == "t.csv:4: unterminated quote");
}

TEST_CASE("parse_card: field checks give exact messages", "[card][errors]") {
    Fields f;

    f = Fields{};
    f.provider = "";
    CHECK(error_of_line(f) == "t.csv:3: provider: empty");
    f.provider = "\"\"";
    CHECK(error_of_line(f) == "t.csv:3: provider: empty");

    f = Fields{};
    f.model = "";
    CHECK(error_of_line(f) == "t.csv:3: model: empty");
    f.model = " M1";
    CHECK(error_of_line(f) == "t.csv:3: model: leading or trailing space in ' M1'");
    f.model = "\"M1 \"";
    CHECK(error_of_line(f) == "t.csv:3: model: leading or trailing space in 'M1 '");

    f = Fields{};
    f.service = "Inference";
    CHECK(error_of_line(f) == "t.csv:3: service: 'Inference' is not inference or training");
    f.service = "";
    CHECK(error_of_line(f) == "t.csv:3: service: '' is not inference or training");
    f.service = "模型推理";
    CHECK(error_of_line(f) == "t.csv:3: service: '模型推理' is not inference or training");

    const std::string items =
        " is not input, output, cached_input, cache_write, request, deployment, lora, full or lora_merge";
    f = Fields{};
    for (const char* item : {"Input", "INPUT", "输入", "LORA", "LoRA合并", "", "inputs", "lora merge"}) {
        f.item = item;
        CHECK(error_of_line(f) == "t.csv:3: item: '" + std::string(item) + "'" + items);
    }

    f = Fields{};
    f.service = "training";
    CHECK(error_of_line(f) == "t.csv:3: service: item input belongs to service inference");
    f.item = "deployment";
    f.unit = "node_hour";
    CHECK(error_of_line(f) == "t.csv:3: service: item deployment belongs to service inference");
    f = Fields{};
    f.item = "lora";
    CHECK(error_of_line(f) == "t.csv:3: service: item lora belongs to service training");
    f.item = "lora_merge";
    CHECK(error_of_line(f) == "t.csv:3: service: item lora_merge belongs to service training");

    f = Fields{};
    for (const char* price :
         {"", "-1", "+1", ".5", "5.", "1e3", " 1", "1 ", "0x10", "1.2.3", "abc", "0.00075元", "-0", "\"1,5\"",
          "123456789012345678901234567890123456789", "1.23456789012345678901234567890123456789"}) {
        f.price = price;
        std::string shown = price;
        if (shown == "\"1,5\"") shown = "1,5";
        CHECK(error_of_line(f) == "t.csv:3: price: '" + shown + "' is not a non-negative decimal such as 0.00075");
    }

    f = Fields{};
    f.unit = "tokens";
    CHECK(error_of_line(f) == "t.csv:3: unit: 'tokens' is not k_tokens, m_tokens, request, node_hour or hour");
    f.unit = "K_TOKENS";
    CHECK(error_of_line(f) == "t.csv:3: unit: 'K_TOKENS' is not k_tokens, m_tokens, request, node_hour or hour");
    f.unit = "元/千tokens";
    CHECK(error_of_line(f) == "t.csv:3: unit: '元/千tokens' is not k_tokens, m_tokens, request, node_hour or hour");
    f.unit = "node_hour";
    CHECK(error_of_line(f) == "t.csv:3: unit: item input cannot be priced per node_hour (only k_tokens or m_tokens)");
    f.unit = "hour";
    CHECK(error_of_line(f) == "t.csv:3: unit: item input cannot be priced per hour (only k_tokens or m_tokens)");
    f = Fields{};
    f.item = "deployment";
    CHECK(error_of_line(f) == "t.csv:3: unit: item deployment cannot be priced per k_tokens (only node_hour or hour)");
    f = Fields{};
    f.service = "training";
    f.item = "full";
    f.unit = "node_hour";
    CHECK(error_of_line(f) == "t.csv:3: unit: item full cannot be priced per node_hour (only k_tokens or m_tokens)");

    f = Fields{};
    for (const char* currency : {"cny", "CN", "CNYY", "", "元", "C1Y", " CN"}) {
        f.currency = currency;
        CHECK(error_of_line(f) ==
              "t.csv:3: currency: '" + std::string(currency) + "' is not a 3-letter code such as CNY");
    }

    f = Fields{};
    for (const char* when :
         {"2025-02-29", "2025-13-01", "2025-07-08 24:00", "2025-7-8 13:25", "", "now", "2025-07-08T13:25:00+8:00"}) {
        f.effective_from = when;
        CHECK(error_of_line(f) ==
              "t.csv:3: effective_from: '" + std::string(when) + "' is not a time such as 2025-07-08T13:25:00+08:00");
    }
}

TEST_CASE("parse_card: valid edge values of checked fields", "[card]") {
    Fields f;
    f.price = "0";
    f.currency = "USD";
    f.effective_from = "2024-02-29";
    auto lines = parse_ok(card({f.csv()}));
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].price.is_zero());
    CHECK(lines[0].effective_from_ms == 1709164800000);  // date -u -d 2024-02-29 +%s
    f.price = "00.50";
    f.model = "\"a model, with \"\"everything\"\"\"";
    lines = parse_ok(card({f.csv()}));
    CHECK(lines[0].price_text == "00.50");
    CHECK(maas::to_string(lines[0].price) == "0.50");
    CHECK(lines[0].model == "a model, with \"everything\"");
    f.price = std::string(38, '9');
    lines = parse_ok(card({f.csv()}));
    CHECK(maas::to_string(lines[0].price) == std::string(38, '9'));
}

TEST_CASE("parse_card: duplicates", "[card][errors]") {
    Fields a, b;
    CHECK(error_of(card({a.csv(), b.csv()})) ==
          "t.csv:3: effective_from: a second line for acme M1 input from 2025-07-08 05:25:00 (the first is t.csv:2)");
    // The same instant written another way is still the same effective_from.
    b.effective_from = "2025-07-08 05:25:00";
    b.price = "0.002";
    CHECK(error_of(card({a.csv(), b.csv()})) ==
          "t.csv:3: effective_from: a second line for acme M1 input from 2025-07-08 05:25:00 (the first is t.csv:2)");
    b.effective_from = "2025-07-08T05:25:00Z";
    Fields c;
    c.item = "output";
    CHECK(error_of(card({a.csv(), c.csv(), b.csv()})) ==
          "t.csv:4: effective_from: a second line for acme M1 input from 2025-07-08 05:25:00 (the first is t.csv:2)");
    // The line numbers count physical lines, after a multi-line field too.
    Fields multi;
    multi.item = "output";
    multi.label = "\"x\ny\"";
    CHECK(error_of(card({multi.csv(), a.csv(), b.csv()})) ==
          "t.csv:5: effective_from: a second line for acme M1 input from 2025-07-08 05:25:00 (the first is t.csv:4)");

    // Not duplicates: another item, another time, another provider, another model.
    Fields later, other_provider, other_model;
    later.effective_from = "2025-08-01";
    other_provider.provider = "other";
    other_model.model = "M2";
    const auto lines = parse_ok(card({a.csv(), c.csv(), later.csv(), other_provider.csv(), other_model.csv()}));
    CHECK(lines.size() == 5u);
}

TEST_CASE("parse_card reports the first problem only", "[card][errors]") {
    Fields bad_price, bad_unit;
    bad_price.price = "x";
    bad_unit.unit = "y";
    bad_unit.item = "output";
    CHECK(error_of(card({bad_unit.csv(), bad_price.csv()})) ==
          "t.csv:2: unit: 'y' is not k_tokens, m_tokens, request, node_hour or hour");
    // Within a line, fields are checked in column order of the format.
    Fields both;
    both.price = "x";
    both.currency = "y";
    CHECK(error_of(card({both.csv()})) == "t.csv:2: price: 'x' is not a non-negative decimal such as 0.00075");
}

TEST_CASE("parse_card: a duplicate is the first problem when it comes first", "[card][errors]") {
    // card.hpp: parse_card "either returns all lines or the first problem".
    // Duplicates are looked for only after every line has been checked, so a
    // bad field further down is reported instead of the earlier duplicate.
    Fields a, bad;
    bad.item = "output";
    bad.price = "x";
    CHECK(error_of(card({a.csv(), a.csv(), bad.csv()})) ==
          "t.csv:3: effective_from: a second line for acme M1 input from 2025-07-08 05:25:00 (the first is t.csv:2)");
}

TEST_CASE("parse_card: the card name is used verbatim", "[card][errors]") {
    std::vector<CardLine> lines;
    std::string error;
    CHECK_FALSE(maas::parse_card("", "data/some card.csv", maas::Origin::user, lines, error));
    CHECK(error == "data/some card.csv:1: empty file (expected a header line)");
    CHECK_FALSE(maas::parse_card(kHeader + "\nx", "", maas::Origin::user, lines, error));
    CHECK(error == ":2: expected 10 fields, found 1");
}

// ------------------------------------------------ origin, single lines --

TEST_CASE("parse_card: origin and where of each line", "[card]") {
    Fields a, b;
    b.item = "output";
    std::vector<CardLine> lines;
    std::string error;
    REQUIRE(maas::parse_card(card({a.csv(), b.csv()}), "mine.csv", maas::Origin::user, lines, error));
    REQUIRE(lines.size() == 2u);
    CHECK(lines[0].origin == maas::Origin::user);
    CHECK(lines[1].origin == maas::Origin::user);
    CHECK(lines[0].where == "mine.csv:2");
    CHECK(lines[1].where == "mine.csv:3");
    REQUIRE(maas::parse_card(card({a.csv()}), "data/x.csv", maas::Origin::builtin, lines, error));
    REQUIRE(lines.size() == 1u);
    CHECK(lines[0].origin == maas::Origin::builtin);
    CHECK(lines[0].where == "data/x.csv:2");
    CHECK(std::string(maas::origin_name(maas::Origin::builtin)) == "builtin");
    CHECK(std::string(maas::origin_name(maas::Origin::user)) == "user");
}

TEST_CASE("check_card_line checks one line's fields", "[card][errors]") {
    const std::string when = kWhen;
    maas::CardFields f{"acme", "M1", "training", "lora_merge", "LoRA合并", "0.03", "k_tokens", "CNY", when, "src"};
    CardLine line;
    line.where = "kept";
    line.origin = maas::Origin::user;
    std::string column = "unchanged", message = "unchanged";
    REQUIRE(maas::check_card_line(f, line, column, message));
    CHECK(line.provider == "acme");
    CHECK(line.model == "M1");
    CHECK(line.service == Service::training);
    CHECK(line.item == Item::lora_merge);
    CHECK(line.label == "LoRA合并");
    CHECK(line.price_text == "0.03");
    CHECK(maas::to_string(line.price) == "0.03");
    CHECK(line.unit == Unit::k_tokens);
    CHECK(line.currency == "CNY");
    CHECK(line.effective_from_ms == kWhenMs);
    CHECK(line.source == "src");
    CHECK(line.where == "kept");  // not filled by check_card_line
    CHECK(line.origin == maas::Origin::user);

    struct Case {
        maas::CardFields fields;
        const char* column;
        const char* message;
    };
    const Case cases[] = {
        {{"", "M1", "inference", "input", "in", "1", "k_tokens", "CNY", when, ""}, "provider", "empty"},
        {{"acme", "", "inference", "input", "in", "1", "k_tokens", "CNY", when, ""}, "model", "empty"},
        {{"acme", "M1 ", "inference", "input", "in", "1", "k_tokens", "CNY", when, ""},
         "model",
         "leading or trailing space in 'M1 '"},
        {{"acme", "M1", "Training", "lora", "in", "1", "k_tokens", "CNY", when, ""},
         "service",
         "'Training' is not inference or training"},
        {{"acme", "M1", "training", "LoRA", "in", "1", "k_tokens", "CNY", when, ""},
         "item",
         "'LoRA' is not input, output, cached_input, cache_write, request, deployment, lora, full or lora_merge"},
        {{"acme", "M1", "training", "output", "in", "1", "k_tokens", "CNY", when, ""},
         "service",
         "item output belongs to service inference"},
        {{"acme", "M1", "inference", "input", "in", "1.", "k_tokens", "CNY", when, ""},
         "price",
         "'1.' is not a non-negative decimal such as 0.00075"},
        {{"acme", "M1", "inference", "input", "in", "1", "node_hours", "CNY", when, ""},
         "unit",
         "'node_hours' is not k_tokens, m_tokens, request, node_hour or hour"},
        {{"acme", "M1", "inference", "deployment", "in", "1", "k_tokens", "CNY", when, ""},
         "unit",
         "item deployment cannot be priced per k_tokens (only node_hour or hour)"},
        {{"acme", "M1", "inference", "input", "in", "1", "k_tokens", "Cny", when, ""},
         "currency",
         "'Cny' is not a 3-letter code such as CNY"},
        {{"acme", "M1", "inference", "input", "in", "1", "k_tokens", "CNY", "2025-02-30", ""},
         "effective_from",
         "'2025-02-30' is not a time such as 2025-07-08T13:25:00+08:00"},
    };
    for (const Case& c : cases) {
        INFO(c.column << ": " << c.message);
        CardLine out;
        std::string col, msg;
        CHECK_FALSE(maas::check_card_line(c.fields, out, col, msg));
        CHECK(col == c.column);
        CHECK(msg == c.message);
    }
}

// Unit tests of pricing.hpp: every price line of the built-in card priced
// through its function, against values computed here with plain integers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "builtin_card.hpp"
#include "card.hpp"
#include "catalog.hpp"
#include "decimal.hpp"
#include "pricing.hpp"
#include "time_text.hpp"

using maas::Catalog;
using maas::Decimal;
using maas::int128;
using maas::Item;
using maas::Model;
using maas::Priced;
using maas::Unit;

namespace {

using uint128 = unsigned __int128;

// An exact value numerator / 10^scale, computed by the test alone.
struct Exact {
    int128 numerator = 0;
    int scale = 0;
};

int128 pow10(int n) {
    int128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

// "0.00075" -> 75 / 10^5, by hand (no parse_decimal).
Exact from_text(const std::string& text) {
    Exact e;
    bool after_point = false;
    for (char c : text) {
        if (c == '.') {
            REQUIRE_FALSE(after_point);
            after_point = true;
            continue;
        }
        REQUIRE((c >= '0' && c <= '9'));
        e.numerator = e.numerator * 10 + (c - '0');
        if (after_point) ++e.scale;
    }
    return e;
}

std::string str128(int128 v) {
    if (v == 0) return "0";
    const bool negative = v < 0;
    uint128 u = negative ? uint128(0) - uint128(v) : uint128(v);
    std::string s;
    while (u != 0) {
        s.insert(s.begin(), char('0' + int(u % 10)));
        u /= 10;
    }
    return negative ? "-" + s : s;
}

// Canonical "digits e exponent" with no trailing zeros in the digits.
std::string canonical(int128 mantissa, int64_t exponent) {
    if (mantissa == 0) return "0e0";
    while (mantissa % 10 == 0) {
        mantissa /= 10;
        ++exponent;
    }
    return str128(mantissa) + "e" + std::to_string(exponent);
}

std::string canonical(const Exact& e) { return canonical(e.numerator, -int64_t(e.scale)); }
std::string canonical(const Decimal& d) { return canonical(d.mantissa, d.exponent); }

// The correctly rounded double of the exact value (glibc strtod).
double nearest(const Exact& e) {
    const std::string text = str128(e.numerator) + "e-" + std::to_string(e.scale);
    return std::strtod(text.c_str(), nullptr);
}

std::shared_ptr<const Catalog> builtin() {
    std::string error;
    auto catalog = maas::builtin_catalog(error);
    INFO("error: " << error);
    REQUIRE(catalog);
    return catalog;
}

const Model& model_named(const Catalog& catalog, const char* name) {
    const Model* m = catalog.find_model(name, nullptr);
    INFO(name);
    REQUIRE(m);
    return *m;
}

std::shared_ptr<const Catalog> catalog_of(const std::string& body) {
    std::vector<maas::CardLine> lines;
    std::string error;
    const bool ok = maas::parse_card(
        "provider,model,service,item,label,price,unit,currency,effective_from,source\n" + body, "t.csv", maas::Origin::user, lines, error);
    INFO("error: " << error);
    REQUIRE(ok);
    auto catalog = Catalog::build(std::move(lines), {}, error);
    REQUIRE(catalog);
    return catalog;
}

void check_cost(Priced priced, const Decimal& cost, const Exact& expected) {
    REQUIRE(priced == Priced::ok);
    CHECK(canonical(cost) == canonical(expected));
    CHECK(maas::to_double(cost) == nearest(expected));
}

const int64_t kTokenCounts[] = {0, 1, 3, 7, 999, 1000, 1001, 12345, 1000000, 3000000, 1234567, 987654321,
                                1000000000000, INT64_MAX};

}  // namespace

TEST_CASE("pricing: the examples of the documentation", "[pricing]") {
    const auto catalog = builtin();
    Decimal cost;
    REQUIRE(maas::inference_cost(model_named(*catalog, "DeepSeek-R1"), 1000000, 1000000, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 20.0);
    REQUIRE(maas::training_cost(model_named(*catalog, "Qwen3-8B"), Item::lora, 1000000, 3, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 18.0);
    REQUIRE(maas::deployment_cost(model_named(*catalog, "DeepSeek-V3"), Decimal::from_int(24), 2, nullptr, cost) ==
            Priced::ok);
    CHECK(maas::to_double(cost) == 7200.0);
    // Token prices where naive double arithmetic would be off in the last bit.
    REQUIRE(maas::inference_cost(model_named(*catalog, "Qwen3-4B"), 3000000, 0, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 0.9);
    CHECK(maas::to_string(cost) == "0.9000000");
    REQUIRE(maas::training_cost(model_named(*catalog, "DeepSeek-V3"), Item::lora, 3, 1, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 0.0021);
    REQUIRE(maas::deployment_cost(model_named(*catalog, "Spark Lite Instruct"), Decimal::from_int(11), 1, nullptr, cost) ==
            Priced::ok);
    CHECK(maas::to_double(cost) == 70.29);
}

TEST_CASE("pricing: every input and output line through inference_cost", "[pricing][builtin]") {
    const auto catalog = builtin();
    int lines_priced = 0;
    for (const auto& row : catalog->rows()) {
        const maas::CardLine& line = *row.line;
        if (line.item != Item::input && line.item != Item::output) continue;
        const Model& model = catalog->models()[row.model_index];
        const Exact price = from_text(line.price_text);
        for (int64_t tokens : kTokenCounts) {
            INFO(line.model << " " << maas::item_name(line.item) << " " << line.price_text << " x " << tokens);
            Decimal cost;
            const Priced priced = line.item == Item::input ? maas::inference_cost(model, tokens, 0, nullptr, cost)
                                                           : maas::inference_cost(model, 0, tokens, nullptr, cost);
            // tokens x price / 1000
            check_cost(priced, cost, Exact{int128(tokens) * price.numerator, price.scale + 3});
        }
        ++lines_priced;
    }
    CHECK(lines_priced == 50);
}

TEST_CASE("pricing: input and output together", "[pricing][builtin]") {
    const auto catalog = builtin();
    int models_priced = 0;
    for (const Model& model : catalog->models()) {
        const auto* in = model.price(Item::input, nullptr);
        const auto* out = model.price(Item::output, nullptr);
        CHECK((in == nullptr) == (out == nullptr));  // the page always gives both
        if (!in || !out) continue;
        const Exact pin = from_text(in->line->price_text), pout = from_text(out->line->price_text);
        const int scale = std::max(pin.scale, pout.scale);
        const std::pair<int64_t, int64_t> uses[] = {
            {1000, 1000}, {1234567, 7654321}, {1, 1}, {3, 7}, {0, 0}, {INT64_MAX, INT64_MAX}, {987654321, 1}};
        for (const auto& use : uses) {
            INFO(model.name << " " << use.first << " in, " << use.second << " out");
            Decimal cost;
            const Priced priced = maas::inference_cost(model, use.first, use.second, nullptr, cost);
            // (in x pin + out x pout) / 1000 over a common scale
            const int128 numerator = int128(use.first) * pin.numerator * pow10(scale - pin.scale) +
                                     int128(use.second) * pout.numerator * pow10(scale - pout.scale);
            check_cost(priced, cost, Exact{numerator, scale + 3});
        }
        ++models_priced;
    }
    CHECK(models_priced == 25);
}

TEST_CASE("pricing: every training line through training_cost", "[pricing][builtin]") {
    const auto catalog = builtin();
    int lines_priced = 0;
    const std::pair<int64_t, int64_t> uses[] = {{1000, 1},       {1000003, 3},        {1, 1},
                                                {0, 5},          {7, 0},              {INT64_MAX, 1},
                                                {1000000000, 100}, {123456789, 17}, {4294967296, 4294967296}};
    for (const auto& row : catalog->rows()) {
        const maas::CardLine& line = *row.line;
        if (maas::item_service(line.item) != maas::Service::training) continue;
        const Model& model = catalog->models()[row.model_index];
        const Exact price = from_text(line.price_text);
        for (const auto& use : uses) {
            INFO(line.model << " " << maas::item_name(line.item) << " " << line.price_text << ": " << use.first
                            << " tokens x " << use.second << " epochs");
            Decimal cost;
            const Priced priced = maas::training_cost(model, line.item, use.first, use.second, nullptr, cost);
            // tokens x epochs x price / 1000
            check_cost(priced, cost, Exact{int128(use.first) * use.second * price.numerator, price.scale + 3});
        }
        ++lines_priced;
    }
    CHECK(lines_priced == 46);  // 23 lora + 17 full + 6 lora_merge
}

TEST_CASE("pricing: every deployment line through deployment_cost", "[pricing][builtin]") {
    const auto catalog = builtin();
    struct Hours {
        const char* text;
        Exact exact;
    };
    const Hours hours[] = {{"1", {1, 0}},          {"2.5", {25, 1}}, {"24", {24, 0}},     {"0.1", {1, 1}},
                           {"0.0001", {1, 4}},     {"1e3", {1000, 0}}, {"720", {720, 0}}, {"0", {0, 0}},
                           {"1234.5678", {12345678, 4}}};
    const int64_t nodes_list[] = {1, 2, 3, 16, 0, 1000000};
    int lines_priced = 0, hourly_lines = 0;
    for (const auto& row : catalog->rows()) {
        const maas::CardLine& line = *row.line;
        if (line.item != Item::deployment) continue;
        const Model& model = catalog->models()[row.model_index];
        const Exact price = from_text(line.price_text);
        hourly_lines += line.unit == Unit::hour;
        for (const Hours& h : hours) {
            Decimal hours_value;
            REQUIRE(maas::parse_decimal(h.text, hours_value));
            for (int64_t nodes : nodes_list) {
                INFO(line.model << " " << line.price_text << " per " << maas::unit_name(line.unit) << ": "
                                << h.text << " hours x " << nodes << " nodes");
                Decimal cost;
                const Priced priced = maas::deployment_cost(model, hours_value, nodes, nullptr, cost);
                if (line.unit == Unit::hour && nodes != 1) {
                    // A per-hour price is for one node; more nodes have no price.
                    CHECK(priced == Priced::no_price);
                    continue;
                }
                // hours x nodes x price
                check_cost(priced, cost,
                           Exact{h.exact.numerator * nodes * price.numerator, h.exact.scale + price.scale});
            }
        }
        // Hours given as a double (as SQL passes a REAL) price the same.
        Decimal tenth;
        REQUIRE(maas::decimal_from_double(0.1, tenth));
        Decimal cost;
        check_cost(maas::deployment_cost(model, tenth, 1, nullptr, cost), cost, Exact{price.numerator, price.scale + 1});
        ++lines_priced;
    }
    CHECK(lines_priced == 35);
    CHECK(hourly_lines == 3);
}

TEST_CASE("pricing: per-hour deployment prices only one node", "[pricing][builtin]") {
    const auto catalog = builtin();
    for (const char* name : {"Spark Mini", "Spark Mini Instruct", "Spark Tiny"}) {
        INFO(name);
        const Model& m = model_named(*catalog, name);
        REQUIRE(m.price(Item::deployment, nullptr));
        CHECK(m.price(Item::deployment, nullptr)->line->unit == Unit::hour);
        Decimal cost;
        REQUIRE(maas::deployment_cost(m, Decimal::from_int(5), 1, nullptr, cost) == Priced::ok);
        CHECK(maas::to_double(cost) == 50.0);
        CHECK(maas::deployment_cost(m, Decimal::from_int(5), 2, nullptr, cost) == Priced::no_price);
        CHECK(maas::deployment_cost(m, Decimal::from_int(5), 0, nullptr, cost) == Priced::no_price);
        CHECK(maas::deployment_cost(m, Decimal::from_int(5), -1, nullptr, cost) == Priced::no_price);
    }
    // The same price per node-hour scales with nodes.
    const Model& lite = model_named(*catalog, "Spark Lite");
    Decimal cost;
    REQUIRE(maas::deployment_cost(lite, Decimal::from_int(5), 2, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 100.0);
}

TEST_CASE("pricing: models without such a price have none", "[pricing][builtin]") {
    const auto catalog = builtin();
    Decimal cost;
    // Only deployment and training are published for these.
    for (const char* name : {"Spark Mini", "Spark Tiny", "internlm2.5_7b_chat", "Qwen_v2.5_1.5b_base",
                             "Starcode2_3b", "Gemma2_9b_it", "Spark Character"}) {
        INFO(name);
        CHECK(maas::inference_cost(model_named(*catalog, name), 1000, 1000, nullptr, cost) == Priced::no_price);
    }
    // Inference only.
    const Model& qwen = model_named(*catalog, "Qwen3-30B-A3B");
    for (Item method : {Item::lora, Item::full, Item::lora_merge}) {
        INFO(maas::item_name(method));
        CHECK(maas::training_cost(qwen, method, 1000, 1, nullptr, cost) == Priced::no_price);
    }
    CHECK(maas::deployment_cost(qwen, Decimal::from_int(1), 1, nullptr, cost) == Priced::no_price);
    CHECK(maas::deployment_cost(model_named(*catalog, "Qwen3-8B"), Decimal::from_int(1), 1, nullptr, cost) ==
          Priced::no_price);
    CHECK(maas::deployment_cost(model_named(*catalog, "Gemma2_9b_it"), Decimal::from_int(1), 1, nullptr, cost) ==
          Priced::no_price);
    // A training method the model does not offer.
    CHECK(maas::training_cost(model_named(*catalog, "Spark Max"), Item::full, 1000, 1, nullptr, cost) == Priced::no_price);
    CHECK(maas::training_cost(model_named(*catalog, "Spark Mini"), Item::lora, 1000, 1, nullptr, cost) ==
          Priced::no_price);
    CHECK(maas::training_cost(model_named(*catalog, "Qwen3-0.6B"), Item::lora_merge, 1000, 1, nullptr, cost) ==
          Priced::no_price);
    REQUIRE(maas::training_cost(model_named(*catalog, "Qwen3-0.6B"), Item::full, 1000, 1, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 0.006);

    // Every model / method pair: a price exactly when the card has that line.
    for (const Model& m : catalog->models()) {
        for (Item method : {Item::lora, Item::full, Item::lora_merge}) {
            INFO(m.name << " " << maas::item_name(method));
            const bool listed = m.price(method, nullptr) != nullptr;
            CHECK((maas::training_cost(m, method, 1, 1, nullptr, cost) == Priced::ok) == listed);
        }
        INFO(m.name);
        CHECK((maas::deployment_cost(m, Decimal::from_int(1), 1, nullptr, cost) == Priced::ok) ==
              (m.price(Item::deployment, nullptr) != nullptr));
    }
}

TEST_CASE("pricing: overflow instead of wrong numbers", "[pricing][overflow]") {
    const auto catalog = builtin();
    const Model& r1 = model_named(*catalog, "DeepSeek-R1");
    const Model& q8 = model_named(*catalog, "Qwen3-8B");
    Decimal cost;
    // (2^63-1)^2 fits in int128, times the price mantissa does not.
    CHECK(maas::training_cost(r1, Item::lora, INT64_MAX, INT64_MAX, nullptr, cost) == Priced::overflow);
    CHECK(maas::training_cost(q8, Item::lora, INT64_MAX, INT64_MAX, nullptr, cost) == Priced::overflow);
    CHECK(maas::training_cost(q8, Item::lora, INT64_MIN, INT64_MIN, nullptr, cost) == Priced::overflow);
    CHECK(maas::training_cost(q8, Item::lora, INT64_MAX, INT64_MAX / 2, nullptr, cost) == Priced::overflow);
    // Just inside: (2^63-1) tokens x 2^61 epochs x 6 < 2^127; with 2^62 epochs it is beyond.
    REQUIRE(maas::training_cost(q8, Item::lora, INT64_MAX, int64_t(1) << 61, nullptr, cost) == Priced::ok);
    CHECK(canonical(cost) == canonical(Exact{int128(INT64_MAX) * (int128(1) << 61) * 6, 6}));
    CHECK(maas::training_cost(q8, Item::lora, INT64_MAX, int64_t(1) << 62, nullptr, cost) == Priced::overflow);

    // Deployment: hours x nodes x price beyond int128.
    const Decimal huge_hours{int128(INT64_MAX) * INT64_MAX, 0};
    CHECK(maas::deployment_cost(r1, huge_hours, 2, nullptr, cost) == Priced::overflow);
    CHECK(maas::deployment_cost(r1, huge_hours, INT64_MAX, nullptr, cost) == Priced::overflow);
    Decimal many_hours;
    REQUIRE(maas::parse_decimal("99999999999999999999999999999999999999", many_hours));
    CHECK(maas::deployment_cost(r1, many_hours, 1, nullptr, cost) == Priced::overflow);
    // Spark Mini's 10/hour is 1e1 once normalized, so 38 nines x 10 is exact and fits.
    REQUIRE(maas::deployment_cost(model_named(*catalog, "Spark Mini"), many_hours, 1, nullptr, cost) == Priced::ok);
    CHECK(maas::to_string(cost) == "999999999999999999999999999999999999990");
    REQUIRE(maas::deployment_cost(r1, many_hours, 0, nullptr, cost) == Priced::ok);
    CHECK(cost.is_zero());

    // Inference on a card with an extreme (but valid) price: the product overflows,
    // and so does the alignment of the two terms when they add.
    const auto extreme = catalog_of(
        "x,Huge,inference,input,in,99999999999999999999999999999999999999,k_tokens,CNY,2025-07-08,s\n"
        "x,Huge,inference,output,out,0.5,k_tokens,CNY,2025-07-08,s\n");
    const Model& huge = extreme->models()[0];
    CHECK(maas::inference_cost(huge, 2, 0, nullptr, cost) == Priced::overflow);
    CHECK(maas::inference_cost(huge, INT64_MAX, 0, nullptr, cost) == Priced::overflow);
    REQUIRE(maas::inference_cost(huge, 1, 0, nullptr, cost) == Priced::ok);
    CHECK(maas::to_string(cost) == "99999999999999999999999999999999999.999");
    CHECK(maas::inference_cost(huge, 1, 1, nullptr, cost) == Priced::overflow);  // 10 x (10^38 - 1) does not fit
    REQUIRE(maas::inference_cost(huge, 0, 3, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 0.0015);
}

TEST_CASE("pricing: the newest version of a price is the current one", "[pricing]") {
    const auto catalog = catalog_of(
        "x,M,inference,input,in,0.002,k_tokens,CNY,2025-09-01,s\n"
        "x,M,inference,input,in,0.001,k_tokens,CNY,2025-01-01,s\n"
        "x,M,inference,output,out,0.01,k_tokens,CNY,2025-01-01,s\n"
        "x,M,training,lora,LORA,0.5,k_tokens,CNY,2025-01-01,s\n"
        "x,M,training,lora,LORA,0.25,k_tokens,CNY,2024-01-01,s\n");
    const Model& m = catalog->models()[0];
    Decimal cost;
    REQUIRE(maas::inference_cost(m, 1000, 0, nullptr, cost) == Priced::ok);
    CHECK(canonical(cost) == "2e-3");
    REQUIRE(maas::inference_cost(m, 1000, 1000, nullptr, cost) == Priced::ok);
    CHECK(canonical(cost) == "12e-3");
    REQUIRE(maas::training_cost(m, Item::lora, 1000, 2, nullptr, cost) == Priced::ok);
    CHECK(canonical(cost) == "1e0");
    // Without an output price there is no inference price, even with an input price.
    const auto input_only = catalog_of("x,N,inference,input,in,0.002,k_tokens,CNY,2025-09-01,s\n");
    CHECK(maas::inference_cost(input_only->models()[0], 1000, 0, nullptr, cost) == Priced::no_price);
    const auto output_only = catalog_of("x,N,inference,output,out,0.002,k_tokens,CNY,2025-09-01,s\n");
    CHECK(maas::inference_cost(output_only->models()[0], 0, 1000, nullptr, cost) == Priced::no_price);
}

TEST_CASE("pricing: `at` picks the prices in force then", "[pricing][at]") {
    const auto catalog = catalog_of(
        "x,M,inference,input,in,0.001,k_tokens,CNY,2025-01-01,s\n"
        "x,M,inference,output,out,0.01,k_tokens,CNY,2025-01-01,s\n"
        "x,M,inference,input,in,0.002,k_tokens,CNY,2025-06-01,s\n"
        "x,M,inference,output,out,0.02,k_tokens,CNY,2025-09-01,s\n"
        "x,M,training,lora,LORA,0.5,k_tokens,CNY,2025-03-01,s\n"
        "x,M,inference,deployment,dep,10,node_hour,CNY,2025-01-01,s\n"
        "x,M,inference,deployment,dep,12.5,node_hour,CNY,2025-07-01,s\n");
    const Model& m = catalog->models()[0];
    auto ms = [](const char* when) {
        int64_t v = 0;
        REQUIRE(maas::parse_time(when, v));
        return v;
    };
    Decimal cost;
    const int64_t before = ms("2024-12-31 23:59:59.999"), jan = ms("2025-01-01"), july = ms("2025-07-01"),
                  october = ms("2025-10-01");

    CHECK(maas::inference_cost(m, 1000, 1000, &before, cost) == Priced::no_price);
    REQUIRE(maas::inference_cost(m, 1000, 1000, &jan, cost) == Priced::ok);
    CHECK(canonical(cost) == "11e-3");  // 0.001 + 0.01
    REQUIRE(maas::inference_cost(m, 1000, 1000, &july, cost) == Priced::ok);
    CHECK(canonical(cost) == "12e-3");  // 0.002 + 0.01: each item has its own versions
    REQUIRE(maas::inference_cost(m, 1000, 1000, &october, cost) == Priced::ok);
    CHECK(canonical(cost) == "22e-3");
    REQUIRE(maas::inference_cost(m, 1000, 1000, nullptr, cost) == Priced::ok);
    CHECK(canonical(cost) == "22e-3");

    CHECK(maas::training_cost(m, Item::lora, 1000, 1, &jan, cost) == Priced::no_price);  // not yet offered
    REQUIRE(maas::training_cost(m, Item::lora, 1000, 1, &july, cost) == Priced::ok);
    CHECK(canonical(cost) == "5e-1");

    CHECK(maas::deployment_cost(m, Decimal::from_int(2), 3, &before, cost) == Priced::no_price);
    REQUIRE(maas::deployment_cost(m, Decimal::from_int(2), 3, &jan, cost) == Priced::ok);
    CHECK(canonical(cost) == "6e1");
    REQUIRE(maas::deployment_cost(m, Decimal::from_int(2), 3, &july, cost) == Priced::ok);
    CHECK(canonical(cost) == "75e0");
}

TEST_CASE("pricing: input and output in different currencies have no single cost", "[pricing]") {
    const auto catalog = catalog_of(
        "x,M,inference,input,in,0.001,k_tokens,CNY,2025-01-01,s\n"
        "x,M,inference,output,out,0.01,k_tokens,USD,2025-01-01,s\n"
        "x,M,inference,output,out,0.02,k_tokens,CNY,2025-06-01,s\n");
    const Model& m = catalog->models()[0];
    int64_t march = 0;
    REQUIRE(maas::parse_time("2025-03-01", march));
    Decimal cost;
    CHECK(maas::inference_cost(m, 1000, 1000, &march, cost) == Priced::mixed_currency);
    CHECK(maas::inference_cost(m, 1000, 0, &march, cost) == Priced::mixed_currency);
    REQUIRE(maas::inference_cost(m, 1000, 1000, nullptr, cost) == Priced::ok);
    CHECK(canonical(cost) == "21e-3");
}

TEST_CASE("pricing: the built-in card has one version, in force from 2025-07-08 05:25 UTC", "[pricing][at]") {
    const auto catalog = builtin();
    const Model& r1 = model_named(*catalog, "DeepSeek-R1");
    const int64_t published = 1751952300000, just_before = published - 1;
    Decimal cost;
    CHECK(maas::inference_cost(r1, 1000, 1000, &just_before, cost) == Priced::no_price);
    CHECK(maas::training_cost(r1, Item::lora, 1000, 1, &just_before, cost) == Priced::no_price);
    CHECK(maas::deployment_cost(r1, Decimal::from_int(1), 1, &just_before, cost) == Priced::no_price);
    REQUIRE(maas::inference_cost(r1, 1000, 1000, &published, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 0.02);
}

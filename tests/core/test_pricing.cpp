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
    const bool ok = maas::parse_card("provider,model,service,item,label,price,unit,currency,effective_from,source\n" +
                                         body,
                                     "t.csv", maas::Origin::user, lines, error);
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

const int64_t kTokenCounts[] = {0,     1,       3,       7,       999,       1000,          1001,
                                12345, 1000000, 3000000, 1234567, 987654321, 1000000000000, INT64_MAX};

}  // namespace

TEST_CASE("pricing: the examples of the documentation", "[pricing]") {
    const auto catalog = builtin();
    Decimal cost;
    REQUIRE(maas::inference_cost(model_named(*catalog, "DeepSeek-R1"), 1000000, 1000000, nullptr, cost) == Priced::ok);
    CHECK(maas::to_double(cost) == 20.0);
    REQUIRE(maas::training_cost(model_named(*catalog, "Qwen3-8B"), Item::lora, 1000000, 3, nullptr, cost) ==
            Priced::ok);
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
    REQUIRE(maas::deployment_cost(model_named(*catalog, "Spark Lite Instruct"), Decimal::from_int(11), 1, nullptr,
                                  cost) == Priced::ok);
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
        const std::pair<int64_t, int64_t> uses[] = {{1000, 1000}, {1234567, 7654321},     {1, 1},        {3, 7},
                                                    {0, 0},       {INT64_MAX, INT64_MAX}, {987654321, 1}};
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
    const std::pair<int64_t, int64_t> uses[] = {{1000, 1},
                                                {1000003, 3},
                                                {1, 1},
                                                {0, 5},
                                                {7, 0},
                                                {INT64_MAX, 1},
                                                {1000000000, 100},
                                                {123456789, 17},
                                                {4294967296, 4294967296}};
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
    const Hours hours[] = {{"1", {1, 0}},     {"2.5", {25, 1}},   {"24", {24, 0}},
                           {"0.1", {1, 1}},   {"0.0001", {1, 4}}, {"1e3", {1000, 0}},
                           {"720", {720, 0}}, {"0", {0, 0}},      {"1234.5678", {12345678, 4}}};
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
                INFO(line.model << " " << line.price_text << " per " << maas::unit_name(line.unit) << ": " << h.text
                                << " hours x " << nodes << " nodes");
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
        check_cost(maas::deployment_cost(model, tenth, 1, nullptr, cost), cost,
                   Exact{price.numerator, price.scale + 1});
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
    for (const char* name : {"Spark Mini", "Spark Tiny", "internlm2.5_7b_chat", "Qwen_v2.5_1.5b_base", "Starcode2_3b",
                             "Gemma2_9b_it", "Spark Character"}) {
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
    CHECK(maas::training_cost(model_named(*catalog, "Spark Max"), Item::full, 1000, 1, nullptr, cost) ==
          Priced::no_price);
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
    const auto catalog = catalog_of("x,M,inference,input,in,0.002,k_tokens,CNY,2025-09-01,s\n"
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
    const auto catalog = catalog_of("x,M,inference,input,in,0.001,k_tokens,CNY,2025-01-01,s\n"
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
    const auto catalog = catalog_of("x,M,inference,input,in,0.001,k_tokens,CNY,2025-01-01,s\n"
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

// ------------------------------------------- cached input, cache writes, requests --

namespace {

maas::TokenCounts counts(int64_t input, int64_t cached, int64_t write, int64_t output, int64_t requests = 1) {
    maas::TokenCounts t;
    t.input = input;
    t.cached_input = cached;
    t.cache_write = write;
    t.output = output;
    t.requests = requests;
    return t;
}

// Prices as the provider's newer catalog publishes them, per million tokens
// and per call, and the same prices per 1,000 tokens.
const char* kPerMillion = "x,C,inference,input,in,2,m_tokens,CNY,2025-01-01,s\n"
                          "x,C,inference,cached_input,c,0.5,m_tokens,CNY,2025-01-01,s\n"
                          "x,C,inference,cache_write,w,2.5,m_tokens,CNY,2025-01-01,s\n"
                          "x,C,inference,output,out,8,m_tokens,CNY,2025-01-01,s\n"
                          "x,C,inference,request,r,0.01,request,CNY,2025-01-01,s\n";
const char* kPerThousand = "x,C,inference,input,in,0.002,k_tokens,CNY,2025-01-01,s\n"
                           "x,C,inference,cached_input,c,0.0005,k_tokens,CNY,2025-01-01,s\n"
                           "x,C,inference,cache_write,w,0.0025,k_tokens,CNY,2025-01-01,s\n"
                           "x,C,inference,output,out,0.008,k_tokens,CNY,2025-01-01,s\n"
                           "x,C,inference,request,r,0.01,request,CNY,2025-01-01,s\n";

}  // namespace

TEST_CASE("pricing: each token once, cached reads and cache writes at their own prices", "[pricing][cached]") {
    const auto catalog = catalog_of(kPerMillion);
    const Model& m = catalog->models()[0];
    Decimal cost;
    // 100 uncached x 2/M + 800 cached x 0.5/M + 100 written x 2.5/M + 500 out x 8/M + 1 call x 0.01
    //   = 0.0002 + 0.0004 + 0.00025 + 0.004 + 0.01
    check_cost(maas::inference_cost(m, counts(1000, 800, 100, 500), nullptr, cost), cost, Exact{1485, 5});
    // Were the cached tokens also billed at the input price, it would be 0.01645.
    CHECK(maas::to_double(cost) != 0.01645);
    // Nothing cached: all input at the input price.
    check_cost(maas::inference_cost(m, counts(1000, 0, 0, 500), nullptr, cost), cost, Exact{1600, 5});
    // All cached: none at the input price.
    check_cost(maas::inference_cost(m, counts(1000, 1000, 0, 0), nullptr, cost), cost, Exact{105, 4});
    // Requests are counted: 3 calls, and 0 calls (an export row with no call count).
    check_cost(maas::inference_cost(m, counts(0, 0, 0, 0, 3), nullptr, cost), cost, Exact{3, 2});
    check_cost(maas::inference_cost(m, counts(1000000, 0, 0, 0, 0), nullptr, cost), cost, Exact{2, 0});
    // The (input, output) form is one call, nothing cached.
    check_cost(maas::inference_cost(m, 1000, 500, nullptr, cost), cost, Exact{1600, 5});
}

TEST_CASE("pricing: a price per m_tokens costs what the same price per k_tokens does", "[pricing][cached]") {
    const auto million = catalog_of(kPerMillion);
    const auto thousand = catalog_of(kPerThousand);
    const Model& m = million->models()[0];
    const Model& k = thousand->models()[0];
    const int64_t some[] = {0, 1, 7, 999, 1000, 123457, 1000000, 987654321, 1000000000000};
    for (int64_t input : some)
        for (int64_t cached : some)
            for (int64_t output : {int64_t(0), int64_t(3), int64_t(1000001)}) {
                if (cached > input) continue;
                const int64_t write = (input - cached) / 3;
                INFO(input << " in, " << cached << " cached, " << write << " written, " << output << " out");
                Decimal a, b;
                REQUIRE(maas::inference_cost(m, counts(input, cached, write, output), nullptr, a) == Priced::ok);
                REQUIRE(maas::inference_cost(k, counts(input, cached, write, output), nullptr, b) == Priced::ok);
                CHECK(canonical(a) == canonical(b));
                // By hand, in units of 10^-7: 20, 5, 25, 80 per token; 100000 per call.
                const int128 n = int128(input - cached - write) * 20 + int128(cached) * 5 + int128(write) * 25 +
                                 int128(output) * 80 + 100000;
                check_cost(Priced::ok, a, Exact{n, 7});
            }
    // Training per m_tokens too: 700 per million = 0.7 per thousand.
    const auto lora = catalog_of("x,T,training,lora,LORA,700,m_tokens,CNY,2025-01-01,s\n");
    Decimal cost;
    check_cost(maas::training_cost(lora->models()[0], Item::lora, 1000, 3, nullptr, cost), cost, Exact{21, 1});
}

TEST_CASE("pricing: without a cached-input price, cached tokens are at the input price", "[pricing][cached]") {
    // The 2025-07-08 page publishes no cached price: splitting the input changes nothing.
    const auto catalog = builtin();
    int models_priced = 0;
    for (const Model& model : catalog->models()) {
        CHECK(model.tokens_only);
        if (!model.price(Item::input, nullptr)) continue;
        for (const auto& t : {counts(1000, 800, 0, 500), counts(1000, 0, 1000, 0), counts(1234567, 1000, 7, 3),
                              counts(INT64_MAX, INT64_MAX / 2, INT64_MAX / 4, INT64_MAX)}) {
            INFO(model.name << " " << t.input << " in, " << t.cached_input << " cached");
            Decimal split, whole;
            const Priced a = maas::inference_cost(model, t, nullptr, split);
            const Priced b = maas::inference_cost(model, t.input, t.output, nullptr, whole);
            REQUIRE(a == b);
            if (a == Priced::ok) CHECK(canonical(split) == canonical(whole));
        }
        ++models_priced;
    }
    CHECK(models_priced == 25);
    // A user's card: a cache-write price but no cached-input price.
    const auto catalog2 = catalog_of("x,W,inference,input,in,0.002,k_tokens,CNY,2025-01-01,s\n"
                                     "x,W,inference,output,out,0.008,k_tokens,CNY,2025-01-01,s\n"
                                     "x,W,inference,cache_write,w,0.0025,k_tokens,CNY,2025-01-01,s\n");
    Decimal cost;
    // 200 x 0.002 + 800 cached x 0.002 (input price) + 0 written + 500 x 0.008, / 1000
    check_cost(maas::inference_cost(catalog2->models()[0], counts(1000, 800, 0, 500), nullptr, cost), cost,
               Exact{6, 3});
    // 100 x 0.002 + 900 written x 0.0025, / 1000
    check_cost(maas::inference_cost(catalog2->models()[0], counts(1000, 0, 900, 0), nullptr, cost), cost,
               Exact{24500, 7});
}

TEST_CASE("pricing: a cached-input price counts from its own effective_from", "[pricing][cached][at]") {
    const auto catalog = catalog_of("x,M,inference,input,in,0.002,k_tokens,CNY,2025-01-01,s\n"
                                    "x,M,inference,output,out,0.008,k_tokens,CNY,2025-01-01,s\n"
                                    "x,M,inference,cached_input,c,0.2,m_tokens,CNY,2025-06-01,s\n"
                                    "x,M,inference,request,r,0.001,request,CNY,2025-09-01,s\n");
    const Model& m = catalog->models()[0];
    CHECK_FALSE(m.tokens_only);
    int64_t at;
    Decimal cost;
    REQUIRE(maas::parse_time("2025-03-01", at));
    // Before the cached price: 1000 x 0.002 / 1000.
    check_cost(maas::inference_cost(m, counts(1000, 900, 0, 0), &at, cost), cost, Exact{2, 3});
    REQUIRE(maas::parse_time("2025-07-01", at));
    // 100 x 0.002/1000 + 900 x 0.2/10^6 = 0.0002 + 0.00018
    check_cost(maas::inference_cost(m, counts(1000, 900, 0, 0), &at, cost), cost, Exact{38, 5});
    REQUIRE(maas::parse_time("2025-10-01", at));
    check_cost(maas::inference_cost(m, counts(1000, 900, 0, 0, 2), &at, cost), cost, Exact{238, 5});
    check_cost(maas::inference_cost(m, counts(1000, 900, 0, 0, 2), nullptr, cost), cost, Exact{238, 5});
    REQUIRE(maas::parse_time("2024-12-31", at));
    CHECK(maas::inference_cost(m, counts(1000, 900, 0, 0), &at, cost) == Priced::no_price);
}

TEST_CASE("pricing: inconsistent counts are refused, never priced", "[pricing][cached][errors]") {
    const auto catalog = catalog_of(kPerMillion);
    const Model& m = catalog->models()[0];
    Decimal cost;
    for (const auto& t : {counts(100, 101, 0, 0), counts(100, 0, 101, 0), counts(100, 60, 41, 0), counts(-1, 0, 0, 0),
                          counts(0, -1, 0, 0), counts(0, 0, -1, 0), counts(0, 0, 0, -1), counts(0, 0, 0, 0, -1)}) {
        INFO(t.input << " " << t.cached_input << " " << t.cache_write << " " << t.output << " " << t.requests);
        CHECK(maas::inference_cost(m, t, nullptr, cost) == Priced::inconsistent_counts);
    }
    maas::TokenCounts reasoning = counts(0, 0, 0, 10);
    reasoning.reasoning = 11;
    CHECK(maas::inference_cost(m, reasoning, nullptr, cost) == Priced::inconsistent_counts);
    reasoning.reasoning = 10;  // reasoning is inside output: billed once, as output
    check_cost(maas::inference_cost(m, reasoning, nullptr, cost), cost, Exact{10080, 6});
}

TEST_CASE("pricing: a request price alone prices no tokens; currencies must agree", "[pricing][cached]") {
    Decimal cost;
    const auto request_only = catalog_of("x,R,inference,request,r,0.05,request,CNY,2025-01-01,s\n");
    CHECK(maas::inference_cost(request_only->models()[0], counts(0, 0, 0, 0), nullptr, cost) == Priced::no_price);
    CHECK(maas::inference_cost(request_only->models()[0], 10, 10, nullptr, cost) == Priced::no_price);
    maas::InferencePrices prices;
    CHECK(maas::inference_prices(request_only->models()[0], nullptr, prices) == Priced::no_price);

    const auto mixed = catalog_of("x,M,inference,input,in,0.002,k_tokens,CNY,2025-01-01,s\n"
                                  "x,M,inference,output,out,0.008,k_tokens,CNY,2025-01-01,s\n"
                                  "x,M,inference,cached_input,c,0.1,m_tokens,USD,2025-01-01,s\n");
    const Model& m = mixed->models()[0];
    CHECK(maas::inference_prices(m, nullptr, prices) == Priced::mixed_currency);
    CHECK(maas::inference_cost(m, counts(1000, 800, 0, 500), nullptr, cost) == Priced::mixed_currency);
    CHECK(maas::inference_cost(m, 1000, 500, nullptr, cost) == Priced::mixed_currency);
    CHECK_FALSE(m.quick.valid);
    const auto usd_request = catalog_of("x,M,inference,input,in,0.002,k_tokens,CNY,2025-01-01,s\n"
                                        "x,M,inference,output,out,0.008,k_tokens,CNY,2025-01-01,s\n"
                                        "x,M,inference,request,r,0.1,request,USD,2025-01-01,s\n");
    CHECK(maas::inference_cost(usd_request->models()[0], 1000, 500, nullptr, cost) == Priced::mixed_currency);
    const auto fine = catalog_of(kPerMillion);
    REQUIRE(maas::inference_prices(fine->models()[0], nullptr, prices) == Priced::ok);
    CHECK(prices.cached_input->line->price_text == "0.5");
    CHECK(prices.cache_write->line->price_text == "2.5");
    CHECK(prices.request->line->price_text == "0.01");
}

TEST_CASE("pricing: the quick form agrees with the exact cost, per k_tokens and per m_tokens",
          "[pricing][cached][quick]") {
    // Without a request price the quick form is prepared; with one it is not.
    const auto with_request = catalog_of(kPerMillion);
    CHECK_FALSE(with_request->models()[0].quick.valid);
    std::string without(kPerMillion);
    without = without.substr(0, without.find("x,C,inference,request"));
    for (const std::string& body :
         {without, std::string(kPerThousand).substr(0, std::string(kPerThousand).find("x,C,inference,request")),
          std::string("x,Q,inference,input,in,0.0006,k_tokens,CNY,2025-01-01,s\n"
                      "x,Q,inference,output,out,6,m_tokens,CNY,2025-01-01,s\n")}) {
        const auto catalog = catalog_of(body);
        const Model& m = catalog->models()[0];
        INFO(body);
        REQUIRE(m.quick.valid);
        const int64_t some[] = {0, 1, 3, 999, 1000, 12345, 1000000, 987654321};
        for (int64_t input : some)
            for (int64_t cached : some)
                for (int64_t output : some) {
                    if (cached > input) continue;
                    const int64_t write = (input - cached) / 2;
                    INFO(input << " " << cached << " " << write << " " << output);
                    Decimal exact;
                    REQUIRE(maas::inference_cost(m, counts(input, cached, write, output), nullptr, exact) ==
                            Priced::ok);
                    double quick;
                    REQUIRE(maas::quick_cached_cost(m.quick, input, cached, write, output, quick));
                    CHECK(quick == maas::to_double(exact));
                    REQUIRE(maas::inference_cost(m, input, output, nullptr, exact) == Priced::ok);
                    REQUIRE(maas::quick_inference_cost(m.quick, input, output, quick));
                    CHECK(quick == maas::to_double(exact));
                }
        double unused;
        CHECK_FALSE(maas::quick_cached_cost(m.quick, 10, 11, 0, 0, unused));  // the general path names it
        CHECK_FALSE(maas::quick_cached_cost(m.quick, 10, 5, 6, 0, unused));
        CHECK_FALSE(maas::quick_cached_cost(m.quick, 10, -1, 0, 0, unused));
    }
}

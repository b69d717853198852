// Unit tests of vocabulary.hpp: names and labels of services, items and units.
#include <catch2/catch.hpp>

#include <string>

#include "vocabulary.hpp"

using maas::Item;
using maas::Service;
using maas::Unit;

// ------------------------------------------------------------------ names --

TEST_CASE("names of services, items and units", "[card][names]") {
    CHECK(std::string(maas::service_name(Service::inference)) == "inference");
    CHECK(std::string(maas::service_name(Service::training)) == "training");
    const char* items[] = {"input", "output", "deployment", "lora", "full", "lora_merge"};
    const Service services[] = {Service::inference, Service::inference, Service::inference,
                                Service::training,  Service::training,  Service::training};
    REQUIRE(maas::kItemCount == 6);
    for (int i = 0; i < maas::kItemCount; ++i) {
        CHECK(std::string(maas::item_name(Item(i))) == items[i]);
        CHECK(maas::item_service(Item(i)) == services[i]);
    }
    CHECK(std::string(maas::unit_name(Unit::k_tokens)) == "k_tokens");
    CHECK(std::string(maas::unit_name(Unit::node_hour)) == "node_hour");
    CHECK(std::string(maas::unit_name(Unit::hour)) == "hour");
}

TEST_CASE("item_from_text takes names and published labels, ASCII case-insensitively", "[card][names]") {
    struct Case {
        const char* text;
        Item item;
    };
    const Case cases[] = {
        {"input", Item::input},          {"INPUT", Item::input},           {"输入", Item::input},
        {"output", Item::output},        {"Output", Item::output},         {"输出", Item::output},
        {"deployment", Item::deployment}, {"独立部署", Item::deployment},  {"lora", Item::lora},
        {"LORA", Item::lora},            {"LoRA", Item::lora},             {"full", Item::full},
        {"FULL", Item::full},            {"全量更新", Item::full},         {"lora_merge", Item::lora_merge},
        {"LORA_MERGE", Item::lora_merge}, {"LoRA合并", Item::lora_merge},  {"lora合并", Item::lora_merge},
        {"LORA合并", Item::lora_merge},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Item out = Item(5 - int(c.item));  // something else
        REQUIRE(maas::item_from_text(c.text, out));
        CHECK(out == c.item);
    }
    for (const char* text : {"", "inputs", "in", "lora-merge", "loramerge", "输入 ", " input", "合并", "全量",
                             "deploy"}) {
        INFO(text);
        Item out = Item::full;
        CHECK_FALSE(maas::item_from_text(text, out));
        CHECK(out == Item::full);
    }
}

TEST_CASE("service_from_text and unit_from_text are exact", "[card][names]") {
    Service s = Service::training;
    CHECK(maas::service_from_text("inference", s));
    CHECK(s == Service::inference);
    CHECK(maas::service_from_text("training", s));
    CHECK(s == Service::training);
    CHECK_FALSE(maas::service_from_text("Training", s));
    CHECK_FALSE(maas::service_from_text("", s));
    CHECK_FALSE(maas::service_from_text("模型训练", s));

    Unit u = Unit::hour;
    CHECK(maas::unit_from_text("k_tokens", u));
    CHECK(u == Unit::k_tokens);
    CHECK(maas::unit_from_text("node_hour", u));
    CHECK(u == Unit::node_hour);
    CHECK(maas::unit_from_text("hour", u));
    CHECK(u == Unit::hour);
    CHECK_FALSE(maas::unit_from_text("HOUR", u));
    CHECK_FALSE(maas::unit_from_text("hours", u));
    CHECK_FALSE(maas::unit_from_text("", u));
}

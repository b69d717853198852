// Unit tests of card_merge.hpp: laying cards over each other, repeated lines.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "card.hpp"
#include "card_merge.hpp"
#include "decimal.hpp"
#include "time_text.hpp"

using maas::CardLine;
using maas::Item;
using maas::Unit;

// -------------------------------------------- overlays and duplicates --

namespace {

CardLine make_line(const std::string& model, Item item, const std::string& when, const std::string& price,
                   const std::string& where) {
    CardLine line;
    line.provider = "p";
    line.model = model;
    line.service = maas::item_service(item);
    line.item = item;
    line.label = maas::item_name(item);
    line.price_text = price;
    REQUIRE(maas::parse_decimal(price, line.price));
    line.unit = item == Item::deployment ? Unit::node_hour : Unit::k_tokens;
    line.currency = "CNY";
    REQUIRE(maas::parse_time(when, line.effective_from_ms));
    line.where = where;
    return line;
}

}  // namespace

TEST_CASE("overlay_lines replaces same-key lines in place and appends the rest", "[card][overlay]") {
    std::vector<CardLine> base = {make_line("m", Item::input, "2025-01-01", "1", "b:2"),
                                  make_line("m", Item::output, "2025-01-01", "2", "b:3"),
                                  make_line("n", Item::input, "2025-01-01", "3", "b:4")};
    std::vector<CardLine> overlay = {make_line("m", Item::output, "2025-01-01T08:00:00+08:00", "20", "u:1"),
                                     make_line("m", Item::output, "2025-02-01", "21", "u:2"),
                                     make_line("M", Item::input, "2025-01-01", "10", "u:3"),
                                     make_line("n", Item::lora, "2025-01-01", "30", "u:4")};
    overlay[0].origin = maas::Origin::user;
    maas::overlay_lines(base, overlay);
    REQUIRE(base.size() == 6u);
    // The same instant (written differently) replaces the base line in place.
    CHECK(base[1].where == "u:1");
    CHECK(base[1].price_text == "20");
    CHECK(base[1].origin == maas::Origin::user);
    CHECK(base[0].where == "b:2");
    CHECK(base[2].where == "b:4");
    // Another instant, another spelling of the model, another item: appended in order.
    CHECK(base[3].where == "u:2");
    CHECK(base[4].where == "u:3");
    CHECK(base[5].where == "u:4");

    // An overlay line replaces one appended by an earlier overlay line with its key.
    std::vector<CardLine> twice = {make_line("x", Item::input, "2025-01-01", "1", "u:1"),
                                   make_line("x", Item::input, "2025-01-01", "2", "u:2")};
    std::vector<CardLine> empty;
    maas::overlay_lines(empty, twice);
    REQUIRE(empty.size() == 1u);
    CHECK(empty[0].where == "u:2");

    // An empty overlay changes nothing.
    maas::overlay_lines(base, {});
    CHECK(base.size() == 6u);
}

TEST_CASE("DuplicateFinder names the second line and the first", "[card][overlay][errors]") {
    const std::vector<CardLine> lines = {make_line("m", Item::lora, "2025-01-01", "1", "u:3"),
                                         make_line("m", Item::full, "2025-01-01", "1", "u:4"),
                                         make_line("M", Item::lora, "2025-01-01", "1", "u:5"),
                                         make_line("m", Item::lora, "2025-06-01", "1", "u:6")};
    maas::DuplicateFinder seen;
    std::string error;
    for (const CardLine& line : lines) CHECK(seen.add(line, error));
    CHECK_FALSE(
        seen.add(make_line("m", Item::lora, "2025-01-01T08:00:00+08:00", "2", "maas_user_rates rowid 9"), error));
    CHECK(error == "maas_user_rates rowid 9: effective_from: a second line for p m lora from 2025-01-01 00:00:00 "
                   "(the first is u:3)");
}

TEST_CASE("DuplicateFinder tells identities apart by each part, past its table's growth", "[card][overlay][errors]") {
    maas::DuplicateFinder seen;
    std::string error;
    // The same bytes split differently between provider and model are two identities.
    CardLine ab_c = make_line("c", Item::input, "2025-01-01", "1", "u:2");
    ab_c.provider = "ab";
    CardLine a_bc = make_line("bc", Item::input, "2025-01-01", "1", "u:3");
    a_bc.provider = "a";
    CHECK(seen.add(ab_c, error));
    CHECK(seen.add(a_bc, error));
    // 300 more lines: the table grows several times and still finds the first ones.
    for (int i = 0; i < 300; ++i)
        CHECK(seen.add(
            make_line("m" + std::to_string(i), Item::output, "2025-01-01", "1", "u:" + std::to_string(i + 4)), error));
    CHECK(error.empty());
    CardLine again = make_line("bc", Item::input, "2025-01-01", "2", "u:304");
    again.provider = "a";
    CHECK_FALSE(seen.add(again, error));
    CHECK(error == "u:304: effective_from: a second line for a bc input from 2025-01-01 00:00:00 (the first is u:3)");
    CHECK_FALSE(seen.add(make_line("m299", Item::output, "2025-01-01", "1", "u:305"), error));
    CHECK(error ==
          "u:305: effective_from: a second line for p m299 output from 2025-01-01 00:00:00 (the first is u:303)");
}

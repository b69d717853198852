// Unit tests of the user's packs (packs.hpp: the row check and the order of
// application) and of applying them to calls (pack_ledger.hpp), with every
// figure computed by hand in the comments.  Prices: input 0.004 and output
// 0.016 per k_tokens, so 0.000004 and 0.000016 per token.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "decimal.hpp"
#include "pack_ledger.hpp"
#include "packs.hpp"
#include "time_text.hpp"

using maas::Decimal;
using maas::Item;

namespace {

std::string text(const Decimal& d) { return maas::to_string(maas::normalized(d)); }

Decimal dec(const char* s) {
    Decimal d;
    REQUIRE(maas::parse_decimal(s, d));
    return d;
}

int64_t at(const char* s) {
    int64_t ms = 0;
    REQUIRE(maas::parse_time(s, ms));
    return ms;
}

// A checked pack of model 0; fields as in maas_user_packs.
maas::PackLine pack(const char* id, const char* items, const char* size, const char* unit, const char* currency,
                    const char* until, const char* priority = "") {
    maas::PackLine line;
    std::string column, message;
    REQUIRE(maas::check_pack_line(maas::PackFields{id, "p", "*", items, size, unit, currency, "2026-03-01", until,
                                                   priority, ""},
                                  line, column, message));
    line.model_ids = {0};
    line.where = id;
    return line;
}

std::vector<maas::PackLine> table(std::vector<maas::PackLine> lines) {
    maas::PackTable t;
    std::string error;
    REQUIRE(t.build(std::move(lines), error));
    return t.packs();
}

maas::BillCall call(const char* when, int64_t input, int64_t output, const char* currency = "CNY") {
    maas::BillCall c;
    c.at_ms = at(when);
    c.currency = currency;
    c.add(Item::input, input, dec("0.000004"));
    c.add(Item::output, output, dec("0.000016"));
    return c;
}

std::string check_row(maas::PackFields f) {
    maas::PackLine line;
    std::string column, message;
    if (maas::check_pack_line(f, line, column, message)) return "ok";
    return column + ": " + message;
}

}  // namespace

TEST_CASE("a bad pack row names its column and says why", "[packs]") {
    const maas::PackFields good{"a", "p", "*", "*", "10", "money", "CNY", "2026-03-01", "2026-04-01", "", ""};
    CHECK(check_row(good) == "ok");
    auto f = good;
    f.size = "-5";
    CHECK(check_row(f) == "size: '-5' is not a non-negative decimal");
    f = good, f.valid_until = "2026-02-01";
    CHECK(check_row(f) == "valid_until: is before valid_from");
    f = good, f.currency = "yuan";
    CHECK(check_row(f) == "currency: 'yuan' is not a 3-letter code such as CNY");
    f = good, f.currency = "";
    CHECK(check_row(f) == "currency: a money pack needs a currency");
    f = good, f.unit = "credits";
    CHECK(check_row(f) == "unit: 'credits' is not 'tokens' or 'money'");
    f = good, f.items = "input,,output";
    CHECK(check_row(f) == "items: 'input,,output' is not '*' or a comma-separated list of inference items");
    f = good, f.models = "a,";
    CHECK(check_row(f) == "models: 'a,' is not '*' or a comma-separated list of model names");
    f = good, f.unit = "tokens", f.size = "1.5";
    CHECK(check_row(f) == "size: '1.5' is not a non-negative whole number of tokens");
    f = good, f.priority = "first";
    CHECK(check_row(f) == "priority: 'first' is not a whole number from -999999999 to 999999999");
}

TEST_CASE("a call straddling a token pack's exhaustion pays the rest at list price", "[packs]") {
    const auto packs = table({pack("t", "*", "1000", "tokens", "", "2026-04-01")});
    maas::PackLedger ledger(packs);
    maas::CallBill bill;
    std::string error;
    // 600 input + 200 output = 800 of 1000 tokens: nothing to pay.
    REQUIRE(ledger.apply(call("2026-03-02", 600, 200), bill, error));
    CHECK(text(bill.list[0]) == "0.0024");  // 600 x 0.000004
    CHECK(text(bill.list[1]) == "0.0032");  // 200 x 0.000016
    CHECK(text(bill.due[0]) == "0");
    CHECK(text(bill.due[1]) == "0");
    // 300 input + 100 output: the last 200 tokens cover input, 100 input and
    // 100 output are paid: 100 x 0.000004 = 0.0004 and 100 x 0.000016 = 0.0016.
    REQUIRE(ledger.apply(call("2026-03-03", 300, 100), bill, error));
    REQUIRE(bill.deductions.size() == 1);
    CHECK(bill.deductions[0].tokens == 200);
    CHECK(text(bill.deductions[0].amount) == "0.0008");
    CHECK(text(bill.due[0]) == "0.0004");
    CHECK(text(bill.due[1]) == "0.0016");
    CHECK(text(ledger.balances()[0].left) == "0");
    CHECK(text(ledger.balances()[0].used) == "1000");
    CHECK(text(ledger.balances()[0].covered) == "0.0064");  // 0.0024 + 0.0032 + 0.0008
}

TEST_CASE("a pack that ends with tokens left reports them expired, never used", "[packs]") {
    const auto packs = table({pack("e", "*", "5000", "tokens", "", "2026-03-10")});
    maas::PackLedger ledger(packs);
    maas::CallBill bill;
    std::string error;
    REQUIRE(ledger.apply(call("2026-03-05", 1000, 0), bill, error));
    CHECK(text(bill.due[0]) == "0");
    REQUIRE(ledger.apply(call("2026-03-12", 100, 0), bill, error));
    CHECK(bill.deductions.empty());
    CHECK(text(bill.due[0]) == "0.0004");  // 100 x 0.000004
    CHECK(text(ledger.balances()[0].expired) == "4000");
    CHECK(text(ledger.balances()[0].left) == "0");
    CHECK(ledger.balances()[0].ended);
    // A call out of time order is an error, not a silent misapplication.
    CHECK_FALSE(ledger.apply(call("2026-03-11", 1, 0), bill, error));
    CHECK(error.find("time order") != std::string::npos);
}

TEST_CASE("packs apply by priority, then earliest valid_until", "[packs]") {
    const auto packs = table({pack("p1", "*", "100", "tokens", "", "2026-04-30", "2"),
                              pack("p2", "*", "100", "tokens", "", "2026-05-31", "1"),
                              pack("p3", "*", "100", "tokens", "", "2026-03-20"),
                              pack("p4", "*", "100", "tokens", "", "2026-03-15")});
    REQUIRE(packs.size() == 4);
    CHECK(packs[0].pack == "p2");
    CHECK(packs[1].pack == "p1");
    CHECK(packs[2].pack == "p4");
    CHECK(packs[3].pack == "p3");
    maas::PackLedger ledger(packs);
    maas::CallBill bill;
    std::string error;
    // 350 input tokens: p2 100, p1 100, p4 100, p3 50.
    REQUIRE(ledger.apply(call("2026-03-02", 350, 0), bill, error));
    REQUIRE(bill.deductions.size() == 4);
    CHECK(bill.deductions[3].pack == 3);
    CHECK(bill.deductions[3].tokens == 50);
    CHECK(text(ledger.balances()[3].left) == "50");
}

TEST_CASE("a money pack takes the call's list cost in its currency", "[packs]") {
    const auto packs = table({pack("m", "*", "0.005", "money", "CNY", "2026-04-01")});
    maas::PackLedger ledger(packs);
    maas::CallBill bill;
    std::string error;
    // A USD call is not covered by a CNY pack.
    REQUIRE(ledger.apply(call("2026-03-02", 1000, 0, "USD"), bill, error));
    CHECK(bill.deductions.empty());
    // input 1000 x 0.000004 = 0.004, output 500 x 0.000016 = 0.008: the pack's
    // 0.005 takes 0.004 of input and 0.001 of output; 0.007 is due.
    REQUIRE(ledger.apply(call("2026-03-03", 1000, 500), bill, error));
    REQUIRE(bill.deductions.size() == 2);
    CHECK(text(bill.deductions[1].amount) == "0.001");
    CHECK(text(bill.due[0]) == "0");
    CHECK(text(bill.due[1]) == "0.007");
    CHECK(text(ledger.balances()[0].left) == "0");
}

TEST_CASE("one call covered by a token pack and then a money pack", "[packs]") {
    const auto packs = table({pack("t", "input", "500", "tokens", "", "2026-04-01", "1"),
                              pack("m", "*", "1", "money", "CNY", "2026-04-01", "2")});
    maas::PackLedger ledger(packs);
    maas::CallBill bill;
    std::string error;
    // 800 input: t takes 500 (0.002); 300 input (0.0012) and 100 output
    // (0.0016) go to m: 0.0028 of its 1.
    REQUIRE(ledger.apply(call("2026-03-02", 800, 100), bill, error));
    REQUIRE(bill.deductions.size() == 3);
    CHECK(bill.deductions[0].tokens == 500);
    CHECK(text(bill.deductions[0].amount) == "0.002");
    CHECK(text(bill.deductions[1].amount) == "0.0012");
    CHECK(text(bill.deductions[2].amount) == "0.0016");
    CHECK(text(bill.due[0]) == "0");
    CHECK(text(bill.due[1]) == "0");
    CHECK(text(ledger.balances()[1].left) == "0.9972");
    CHECK(text(ledger.balances()[1].used) == "0.0028");
}

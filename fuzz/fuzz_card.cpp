// fuzz_card.cpp - the card file parser (maas::parse_card), the alias file
// parser, and the catalog built from what they accept.
//
// Properties: no crash or sanitizer report; a card is either refused with a
// message "fuzz.csv:LINE: ..." or accepted whole, never empty; every
// accepted line's price is non-negative and re-parses from its text to the
// same value; its time formats and re-parses to the same instant; its item
// belongs to its service; laid over the built-in card, its models are found
// by name and priced without overflow surprises.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aliases.hpp"
#include "builtin_card.hpp"
#include "card.hpp"
#include "card_merge.hpp"
#include "catalog.hpp"
#include "decimal.hpp"
#include "fuzz_check.hpp"
#include "pricing.hpp"
#include "time_text.hpp"

namespace {

bool same_value(const maas::Decimal& a, const maas::Decimal& b) {
    maas::Decimal difference;
    maas::Decimal minus_b{-b.mantissa, b.exponent};
    return maas::add(a, minus_b, difference) && difference.is_zero();
}

void check_catalog(const std::vector<maas::CardLine>& lines) {
    std::string error;
    std::shared_ptr<const maas::Catalog> builtin = maas::builtin_catalog(error);
    FUZZ_CHECK(builtin != nullptr, error);
    std::vector<maas::CardLine> merged = builtin->lines();
    maas::overlay_lines(merged, lines);
    std::shared_ptr<const maas::Catalog> catalog = maas::Catalog::build(merged, builtin->aliases(), error);
    if (!catalog) {
        FUZZ_CHECK(!error.empty(), "Catalog::build failed without a message");
        return;
    }
    FUZZ_CHECK(catalog->rows().size() == merged.size(), "one maas_rates row per line");
    for (const maas::CardLine& line : lines) {
        bool ambiguous = false;
        const maas::Model* model = catalog->find_model(line.provider + "/" + line.model, &ambiguous);
        FUZZ_CHECK(model != nullptr && !ambiguous, "provider/model of an accepted line is found: " + line.where);
        FUZZ_CHECK(model->name == line.model && model->provider == line.provider, line.where);
        const maas::PriceVersion* version = model->price(line.item, &line.effective_from_ms);
        FUZZ_CHECK(version != nullptr, "the line's own price is in force at its effective_from: " + line.where);
        maas::Decimal cost;
        // Whatever the price, pricing never wraps: ok, no price, overflow or mixed currency.
        maas::inference_cost(*model, INT64_MAX, 1, nullptr, cost);
        maas::training_cost(*model, maas::Item::lora, INT64_MAX, INT64_MAX, nullptr, cost);
        maas::deployment_cost(*model, maas::Decimal{1, -3}, 3, &line.effective_from_ms, cost);
        double quick = 0;
        if (maas::quick_inference_cost(model->quick, 1000, 2000, quick)) {
            maas::Decimal exact;
            FUZZ_CHECK(maas::inference_cost(*model, 1000, 2000, nullptr, exact) == maas::Priced::ok, line.where);
            FUZZ_CHECK(maas::to_double(exact) == quick, "the quick path gives the exact path's double: " + line.where);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<maas::CardLine> lines;
    std::string error;
    if (maas::parse_card(text, "fuzz.csv", maas::Origin::user, lines, error)) {
        FUZZ_CHECK(!lines.empty(), "an accepted card has lines");
        for (const maas::CardLine& line : lines) {
            FUZZ_CHECK(!line.price.is_negative(), line.where);
            maas::Decimal again;
            FUZZ_CHECK(maas::parse_decimal(line.price_text, again) && same_value(again, line.price), line.where);
            FUZZ_CHECK(maas::item_service(line.item) == line.service, line.where);
            // Deployment by the (node-)hour, a request price per request, tokens per
            // 1,000 or per million (m_tokens, which the first form of this check missed).
            FUZZ_CHECK((line.item == maas::Item::deployment) ==
                           (line.unit == maas::Unit::node_hour || line.unit == maas::Unit::hour),
                       line.where);
            FUZZ_CHECK((line.item == maas::Item::request) == (line.unit == maas::Unit::request), line.where);
            FUZZ_CHECK(line.currency.size() == 3, line.where);
            int64_t ms = 0;
            const std::string shown = maas::format_time(line.effective_from_ms);
            FUZZ_CHECK(maas::parse_time(shown, ms) && ms == line.effective_from_ms, line.where + " " + shown);
            FUZZ_CHECK(line.where.rfind("fuzz.csv:", 0) == 0, line.where);
        }
        check_catalog(lines);
    } else {
        FUZZ_CHECK(error.rfind("fuzz.csv:", 0) == 0, "a refusal names the file and line: " + error);
    }

    std::vector<maas::AliasLine> aliases;
    std::string alias_error;
    if (maas::parse_aliases(text, "fuzz.csv", maas::Origin::user, aliases, alias_error)) {
        for (const maas::AliasLine& a : aliases) FUZZ_CHECK(!a.alias.empty() && !a.model.empty(), a.where);
    } else {
        FUZZ_CHECK(alias_error.rfind("fuzz.csv:", 0) == 0, alias_error);
    }
    return 0;
}

// catalog.hpp - the price lines of a card, indexed for pricing.
//
// A Catalog is built once from checked card lines and never changes
// afterwards, so any number of statements and threads may read it at once.
// Models are found by name (see name_index.hpp); each model keeps, per item,
// its price versions ordered by effective_from.
//
//   std::string error;
//   auto catalog = maas::Catalog::build(lines, error);
//   const maas::Model* m = catalog->find_model("deepseek-r1", nullptr);
//   const maas::PriceVersion* p = m->current(maas::Item::output);  // 0.016 per k_tokens
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "card.hpp"
#include "name_index.hpp"

namespace maas {

constexpr int64_t kForever = INT64_MAX;  // effective_to of a current price

struct PriceVersion {
    const CardLine* line = nullptr;
    Decimal price;
    int64_t effective_from_ms = 0;
    int64_t effective_to_ms = kForever;  // exclusive
    uint32_t row = 0;                    // index into Catalog::lines()
};

struct Model {
    std::string provider;
    std::string name;
    std::vector<PriceVersion> versions[kItemCount];  // ascending effective_from
    std::vector<uint32_t> rows;                      // this model's rows, card order

    // The newest version of an item, or nullptr when the model has no such price.
    const PriceVersion* current(Item item) const {
        const auto& v = versions[int(item)];
        return v.empty() ? nullptr : &v.back();
    }
};

// One row of maas_rates, with text prepared once so scans do no formatting.
struct RateRow {
    const CardLine* line;
    uint32_t model_index;
    double price;                 // nearest double to the published decimal
    std::string effective_from;   // "YYYY-MM-DD HH:MM:SS" UTC
    std::string effective_to;     // same form; empty for the current version
};

class Catalog {
public:
    // Builds the index; false (with a message) if the lines contradict each
    // other in a way parse_card cannot see on its own.
    static std::shared_ptr<const Catalog> build(std::vector<CardLine> lines, std::string& error);

    // Exact, case-insensitive; also accepts "provider/model".  Sets *ambiguous
    // (when given) if the name belongs to models of several providers.
    const Model* find_model(std::string_view name, bool* ambiguous) const;

    const std::vector<Model>& models() const { return models_; }
    const std::vector<RateRow>& rows() const { return rows_; }
    const std::vector<uint32_t>& rows_for_item(Item item) const { return rows_by_item_[int(item)]; }

private:
    std::vector<CardLine> lines_;
    std::vector<Model> models_;
    std::vector<RateRow> rows_;
    std::vector<uint32_t> rows_by_item_[kItemCount];
    NameIndex names_;
};

}  // namespace maas

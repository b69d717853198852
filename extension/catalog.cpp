// catalog.cpp - building the pricing index from card lines.
#include "catalog.hpp"

#include <algorithm>

#include "time_text.hpp"

namespace maas {

std::shared_ptr<const Catalog> Catalog::build(std::vector<CardLine> lines, std::string& error) {
    auto catalog = std::make_shared<Catalog>();
    catalog->lines_ = std::move(lines);
    NameIndex by_provider_and_name;  // "provider/model" -> model index, for grouping
    for (uint32_t row = 0; row < catalog->lines_.size(); ++row) {
        const CardLine& line = catalog->lines_[row];
        const std::string qualified = line.provider + "/" + line.model;
        int32_t index = by_provider_and_name.find(qualified);
        if (index == NameIndex::kMissing) {
            index = int32_t(catalog->models_.size());
            catalog->models_.push_back(Model{line.provider, line.model, {}, {}});
            by_provider_and_name.add(qualified, index);
            catalog->names_.add(qualified, index);
            catalog->names_.add(line.model, index);
        }
        Model& model = catalog->models_[size_t(index)];
        if (model.name != line.model) {
            // Same name up to letter case: two spellings of one model would make
            // lookups depend on the order of lines.
            error = "card line " + std::to_string(line.line_number) + ": model '" + line.model +
                    "' differs only in letter case from '" + model.name + "'";
            return nullptr;
        }
        model.versions[int(line.item)].push_back(PriceVersion{&line, line.price, line.effective_from_ms, kForever, row});
        model.rows.push_back(row);
        catalog->rows_by_item_[int(line.item)].push_back(row);
        catalog->rows_.push_back(RateRow{&line, uint32_t(index), to_double(line.price),
                                         format_time(line.effective_from_ms), std::string()});
    }
    for (Model& model : catalog->models_) {
        for (auto& versions : model.versions) {
            std::sort(versions.begin(), versions.end(), [](const PriceVersion& a, const PriceVersion& b) {
                return a.effective_from_ms < b.effective_from_ms;
            });
            for (size_t i = 0; i + 1 < versions.size(); ++i) {
                versions[i].effective_to_ms = versions[i + 1].effective_from_ms;
                catalog->rows_[versions[i].row].effective_to = format_time(versions[i].effective_to_ms);
            }
        }
    }
    return catalog;
}

const Model* Catalog::find_model(std::string_view name, bool* ambiguous) const {
    const int32_t index = names_.find(name);
    if (ambiguous) *ambiguous = index == NameIndex::kAmbiguous;
    return index >= 0 ? &models_[size_t(index)] : nullptr;
}

}  // namespace maas

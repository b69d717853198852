// catalog_packs.cpp - which models each of the user's packs covers, found by
// the catalog's own lookup (Catalog::build; the packs are packs.hpp's).
//
//   pack provider 'iflytek-xingchen', models 'deepseek-r1, my-alias'
//     -> model_ids: the index of each model found (an alias counts)
//   models '*' -> every model of the provider
#include <algorithm>
#include <set>

#include "ascii.hpp"
#include "catalog.hpp"
#include "field_problem.hpp"

namespace maas {
namespace {

// The currencies the prices of these models are in, "CNY, USD".
std::string currencies_of(const std::vector<uint32_t>& model_ids, const std::vector<Model>& models,
                          const std::vector<RateRow>& rows) {
    std::set<std::string> seen;
    for (uint32_t m : model_ids)
        for (uint32_t r : models[m].rows) seen.insert(rows[r].line->currency);
    std::string out;
    for (const std::string& c : seen) out += (out.empty() ? "" : ", ") + c;
    return out;
}

}  // namespace

bool Catalog::resolve_packs(std::vector<PackLine>& packs, std::string& error) const {
    for (PackLine& pack : packs) {
        pack.model_ids.clear();
        if (pack.all_models) {
            for (uint32_t m = 0; m < models_.size(); ++m)
                if (equal_ignoring_ascii_case(models_[m].provider, pack.provider)) pack.model_ids.push_back(m);
        }
        for (const std::string& name : pack.model_names) {
            // The provider's model of that name first, as 'provider/model' finds it.
            const Model* model = find_model(pack.provider + "/" + name, nullptr);
            if (!model) model = find_model(name, nullptr);
            if (!model || !equal_ignoring_ascii_case(model->provider, pack.provider)) {
                error = pack.where + ": models: " + quoted(name) + " is not a model of " + quoted(pack.provider) +
                        " that the card or its aliases name";
                return false;
            }
            pack.model_ids.push_back(index_of(*model));
        }
        std::sort(pack.model_ids.begin(), pack.model_ids.end());
        // A money pack in a currency none of its models is priced in would
        // never pay anything: its whole size would expire unnoticed.
        if (pack.unit == PackUnit::money) {
            const std::string priced_in = currencies_of(pack.model_ids, models_, rows_);
            if (priced_in.empty() || (", " + priced_in + ", ").find(", " + pack.currency + ", ") == std::string::npos) {
                error = pack.where + ": currency: " + quoted(pack.currency) +
                        " is not a currency the models it covers are priced in (" +
                        (priced_in.empty() ? std::string("it covers none") : priced_in) + ")";
                return false;
            }
        }
    }
    return true;
}

}  // namespace maas

// catalog_packs.cpp - which models each of the user's packs covers, found by
// the catalog's own lookup (Catalog::build; the packs are packs.hpp's).
//
//   pack provider 'iflytek-xingchen', models 'deepseek-r1, my-alias'
//     -> model_ids: the index of each model found (an alias counts)
//   models '*' -> every model of the provider
#include <algorithm>

#include "ascii.hpp"
#include "catalog.hpp"
#include "field_problem.hpp"

namespace maas {

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
    }
    return true;
}

}  // namespace maas

// catalog.cpp - building the pricing index from card lines and aliases.
#include "catalog.hpp"

#include <algorithm>

#include "time_text.hpp"

namespace maas {
namespace {

// A price per token: the published price with its unit's power of ten.
Decimal per_token(const PriceVersion& v) { return shifted(v.price, token_unit_exponent(v.line->unit)); }

// The quick path (quick_prices.hpp) prices the versions in force at *at
// (the newest when at is null): it needs both token prices, no per-request
// price (a call count is not among its arguments' fast forms), and one
// currency across every token price it multiplies.  A missing cached-input
// or cache-write price is the input price, as in pricing.cpp.
QuickTokenPrices quick_prices_of(const Model& model, const int64_t* at) {
    const PriceVersion* in = model.price(Item::input, at);
    const PriceVersion* out = model.price(Item::output, at);
    if (!in || !out || model.price(Item::request, at)) return QuickTokenPrices{};
    const PriceVersion* cached = model.price(Item::cached_input, at);
    const PriceVersion* write = model.price(Item::cache_write, at);
    if (!cached) cached = in;
    if (!write) write = in;
    const std::string& currency = in->line->currency;
    if (out->line->currency != currency || cached->line->currency != currency || write->line->currency != currency)
        return QuickTokenPrices{};
    return prepare_quick_prices(PerTokenPrices{per_token(*in), per_token(*out), per_token(*cached), per_token(*write)});
}

}  // namespace

const PriceVersion* Model::price_at(const std::vector<PriceVersion>& versions, int64_t at_ms) {
    // The last version starting at or before the instant.
    auto after = std::upper_bound(versions.begin(), versions.end(), at_ms,
                                  [](int64_t t, const PriceVersion& p) { return t < p.effective_from_ms; });
    return after == versions.begin() ? nullptr : &*(after - 1);
}

PriceChoice Model::choose_among_conditions(Item item, const CallFacts& call, uint64_t holding_bits) const {
    // The chains come most clauses first (order_versions), so the first
    // that holds wins, unless a later one of as many clauses holds too.
    PriceChoice best;
    int best_clauses = -1;
    for (const ConditionalChain& chain : conditional[int(item)]) {
        const int clauses = chain.condition->clause_count();
        if (clauses < best_clauses) break;
        const bool holds = chain.bit < kUnmasked ? (holding_bits >> chain.bit & 1) : chain.condition->holds(call);
        if (!holds) continue;
        const PriceVersion* version = in_force(chain.versions, call.at);
        if (!version) continue;
        if (clauses == best_clauses) {
            best.tied = version;
            return best;
        }
        best = PriceChoice{version, nullptr};
        best_clauses = clauses;
    }
    if (best_clauses < 0) best.version = price(item, call.at);  // none holds: the line without a condition
    return best;
}

bool Model::any_in_force(Item item, const int64_t* at_ms) const {
    if (price(item, at_ms)) return true;
    for (const ConditionalChain& chain : conditional[int(item)])
        if (in_force(chain.versions, at_ms)) return true;
    return false;
}

const QuickTokenPrices* Model::quick_epoch_at(int64_t at_ms) const {
    auto after = std::upper_bound(quick_epochs.begin(), quick_epochs.end(), at_ms,
                                  [](int64_t t, const QuickEpoch& e) { return t < e.from_ms; });
    return &(after - 1)->prices;  // quick_at has ruled out an instant before the first
}

namespace {

// The stretches of time in which the model's inference versions (input,
// output, cached input, cache write, request) stay the same: one starts
// wherever any of them changes.
std::vector<QuickEpoch> quick_epochs_of(const Model& model) {
    std::vector<int64_t> starts;
    for (Item item : {Item::input, Item::output, Item::cached_input, Item::cache_write, Item::request})
        for (const PriceVersion& v : model.versions[int(item)]) starts.push_back(v.effective_from_ms);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    std::vector<QuickEpoch> epochs;
    for (int64_t start : starts) {
        // Before both token prices exist there is no token cost: the first
        // stretch starts later, and the general path says NULL before it.
        if (!model.price(Item::input, &start) || !model.price(Item::output, &start)) continue;
        epochs.push_back(QuickEpoch{start, quick_prices_of(model, &start)});
    }
    return epochs;
}

}  // namespace

std::shared_ptr<const Catalog> Catalog::build(std::vector<CardLine> lines, std::vector<AliasLine> aliases,
                                              std::string& error, std::vector<FxLine> fx, Calendar calendar,
                                              std::vector<PackLine> packs) {
    auto catalog = std::make_shared<Catalog>();
    if (!catalog->fx_.build(std::move(fx), error)) return nullptr;
    catalog->calendar_ = std::move(calendar);
    catalog->lines_ = std::move(lines);
    catalog->aliases_ = std::move(aliases);
    if (!catalog->index_lines(error)) return nullptr;
    catalog->order_versions();
    std::vector<bool> adds_name;
    if (!catalog->check_aliases(adds_name, error)) return nullptr;
    catalog->add_alias_names(adds_name);
    if (!catalog->resolve_packs(packs, error) || !catalog->packs_.build(std::move(packs), error)) return nullptr;
    return catalog;
}

// Every line into its model (found or created by "provider/model"), its
// item's versions and rows, in card order; the first line that spells a
// known model another way is the error.
bool Catalog::index_lines(std::string& error) {
    std::string last_from_text;
    int64_t last_from_ms = 0;
    std::string qualified;  // one buffer for every line's "provider/model" (this runs at every load)
    rows_.reserve(lines_.size());
    for (uint32_t row = 0; row < lines_.size(); ++row) {
        const CardLine& line = lines_[row];
        qualified.assign(line.provider).append(1, '/').append(line.model);
        const int32_t index = model_index_of(line, qualified);
        Model& model = models_[size_t(index)];
        if (model.name != line.model || model.provider != line.provider) {
            // Same name up to letter case: two spellings of one model would make
            // lookups depend on the order of lines.
            error = line.where + ": model: '" + line.provider + "/" + line.model +
                    "' differs only in letter case from '" + model.provider + "/" + model.name + "'";
            return false;
        }
        if (!model.rows.empty() && lines_[model.rows.front()].currency != line.currency) model.one_currency = false;
        index_version(model, line, row);
        model.rows.push_back(row);
        rows_by_item_[int(line.item)].push_back(row);
        // Most lines share a few dates: format each once (this runs at every load).
        if (line.effective_from_ms != last_from_ms || last_from_text.empty()) {
            last_from_ms = line.effective_from_ms;
            last_from_text = format_time(line.effective_from_ms);
        }
        rows_.push_back(RateRow{&line, uint32_t(index), to_double(line.price), last_from_text, std::string()});
    }
    return true;
}

// A line as a version of its item: of the unconditional versions, or of
// the chain of its condition (found by the condition's canonical text).
void Catalog::index_version(Model& model, const CardLine& line, uint32_t row) {
    const PriceVersion version{&line, line.price, line.effective_from_ms, kForever, row};
    model.calendar = &calendar_;
    if (line.condition.clause_count() == 0) return model.versions[int(line.item)].push_back(version);
    model.has_conditions = true;
    std::vector<ConditionalChain>& chains = model.conditional[int(line.item)];
    for (ConditionalChain& chain : chains) {
        if (*chain.condition == line.condition) return chain.versions.push_back(version);
    }
    chains.push_back(ConditionalChain{&line.condition, {version}, condition_bit(model, line.condition)});
}

// The condition's place among the model's distinct conditions, added when new.
uint32_t Catalog::condition_bit(Model& model, const Condition& condition) {
    for (size_t i = 0; i < model.conditions.size(); ++i)
        if (*model.conditions[i] == condition) return uint32_t(std::min<size_t>(i, Model::kUnmasked));
    model.conditions.push_back(&condition);
    return uint32_t(std::min<size_t>(model.conditions.size() - 1, Model::kUnmasked));
}

// The model a line's "provider/model" (`qualified`) names, added (under
// that name and its bare model name) when it is the first line of it.
int32_t Catalog::model_index_of(const CardLine& line, const std::string& qualified) {
    int32_t index = qualified_.find(qualified);
    if (index != NameIndex::kMissing) return index;
    index = int32_t(models_.size());
    Model model;
    model.provider = line.provider;
    model.name = line.model;
    models_.push_back(std::move(model));
    qualified_.add(qualified, index);
    names_.add(line.model, index);
    return index;
}

// Each model's versions by effective_from, each in force until the next
// one; then what the quick paths need of them.
// A model with conditions has no quick prices: its general path chooses
// among the lines for each call.
void Catalog::order_versions() {
    for (Model& model : models_) {
        for (auto& versions : model.versions) order_chain(versions);
        for (auto& chains : model.conditional) {
            for (ConditionalChain& chain : chains) order_chain(chain.versions);
            std::stable_sort(chains.begin(), chains.end(), [](const ConditionalChain& a, const ConditionalChain& b) {
                return a.condition->clause_count() > b.condition->clause_count();
            });
        }
        model.tokens_only = true;
        for (Item item : {Item::cached_input, Item::cache_write, Item::request})
            model.tokens_only &= model.versions[int(item)].empty() && model.conditional[int(item)].empty();
        if (model.has_conditions) {
            tabulate_winners(model);
            prepare_quick_pairs(model);
            continue;
        }
        model.quick = quick_prices_of(model, nullptr);
        model.quick_epochs = quick_epochs_of(model);
    }
}

// The chain choose_among_conditions takes when the conditions of `holding`
// hold and every chain is in force: its index, kNoChain or kTied.
static int16_t winner_for(const std::vector<ConditionalChain>& chains, uint64_t holding) {
    int best = Model::kNoChain, best_clauses = -1;
    for (size_t i = 0; i < chains.size(); ++i) {
        const int clauses = chains[i].condition->clause_count();
        if (clauses < best_clauses) break;
        if (!(holding >> chains[i].bit & 1)) continue;
        if (clauses == best_clauses) return Model::kTied;
        best = int(i);
        best_clauses = clauses;
    }
    return int16_t(best);
}

// Each item's winners by the set of holding conditions (Model::winners),
// for a model with few distinct conditions.
void Catalog::tabulate_winners(Model& model) {
    if (model.conditions.size() > Model::kTabulated) return;
    model.chains_from_ms = INT64_MIN;
    const uint64_t sets = uint64_t(1) << model.conditions.size();
    for (int item = 0; item < kItemCount; ++item) {
        const std::vector<ConditionalChain>& chains = model.conditional[item];
        if (chains.empty()) continue;
        for (const ConditionalChain& chain : chains)
            model.chains_from_ms = std::max(model.chains_from_ms, chain.versions.front().effective_from_ms);
        model.winners[item].resize(sets);
        for (uint64_t holding = 0; holding < sets; ++holding)
            model.winners[item][holding] = winner_for(chains, holding);
    }
}

// Every version of an item, with a condition or without, numbered.
std::vector<PriceVersion*> numbered_versions(Model& model, Item item) {
    std::vector<PriceVersion*> all;
    for (PriceVersion& v : model.versions[int(item)]) all.push_back(&v);
    for (ConditionalChain& chain : model.conditional[int(item)])
        for (PriceVersion& v : chain.versions) all.push_back(&v);
    for (size_t i = 0; i < all.size(); ++i) all[i]->quick_slot = uint32_t(i);
    return all;
}

// The quick prices of each input and output pair a call of a model with
// conditions may choose (one currency; no per-request or cache prices).
void Catalog::prepare_quick_pairs(Model& model) {
    constexpr size_t kMaxPairs = 4096;  // a card of many versions is priced the general way
    if (!model.tokens_only) return;
    const std::vector<PriceVersion*> inputs = numbered_versions(model, Item::input);
    const std::vector<PriceVersion*> outputs = numbered_versions(model, Item::output);
    if (inputs.size() * outputs.size() > kMaxPairs) return;
    model.quick_outputs = uint32_t(outputs.size());
    for (const PriceVersion* in : inputs) {
        for (const PriceVersion* out : outputs) {
            const Decimal input = per_token(*in);
            model.quick_pairs.push_back(in->line->currency == out->line->currency
                                            ? prepare_quick_prices(PerTokenPrices{input, per_token(*out), input, input})
                                            : QuickTokenPrices{});
        }
    }
}

// One chain by effective_from, each version in force until the next one.
void Catalog::order_chain(std::vector<PriceVersion>& versions) {
    std::sort(versions.begin(), versions.end(),
              [](const PriceVersion& a, const PriceVersion& b) { return a.effective_from_ms < b.effective_from_ms; });
    for (size_t i = 0; i + 1 < versions.size(); ++i) {
        versions[i].effective_to_ms = versions[i + 1].effective_from_ms;
        rows_[versions[i].row].effective_to = format_time(versions[i].effective_to_ms);
    }
}

// Aliases resolve against model names only (never against other aliases),
// so the meaning of an alias cannot depend on the order of the lines:
// every alias is checked against names_ as the models left it (here, which
// also fills alias_rows_ and says which aliases are new names), and only
// then are the new names added (add_alias_names).
bool Catalog::check_aliases(std::vector<bool>& adds_name, std::string& error) {
    NameIndex alias_names;
    adds_name.assign(aliases_.size(), false);
    alias_rows_.reserve(aliases_.size());
    for (uint32_t i = 0; i < aliases_.size(); ++i) {
        const AliasLine& alias = aliases_[i];
        if (alias.alias.empty()) {
            error = alias.where + ": alias: empty";
            return false;
        }
        const int32_t target = index_of_name(alias.model);
        if (target == NameIndex::kAmbiguous) {
            error = alias.where + ": model: '" + alias.model +
                    "' is a model of several providers; write it as 'provider/model'";
            return false;
        }
        if (target < 0) {
            error = alias.where + ": model: '" + alias.model + "' is not a known model";
            return false;
        }
        const int32_t existing = index_of_name(alias.alias);
        if (existing != NameIndex::kMissing && existing != target) {
            error = alias.where + ": alias: '" + alias.alias + "' is already the name of another model";
            return false;
        }
        alias_names.add(alias.alias, target);
        if (alias_names.find(alias.alias) == NameIndex::kAmbiguous) {
            error = alias.where + ": alias: '" + alias.alias + "' already means another model";
            return false;
        }
        adds_name[i] = existing == NameIndex::kMissing;
        alias_rows_.push_back(AliasRow{&alias, uint32_t(target)});
    }
    return true;
}

// The checked aliases' new names into names_, each alias's target kept as
// "provider/model", so that the alias means the same model when this
// catalog's lines are merged with others that add the same model name for
// another provider.
void Catalog::add_alias_names(const std::vector<bool>& adds_name) {
    for (uint32_t i = 0; i < aliases_.size(); ++i) {
        AliasLine& alias = aliases_[i];
        const uint32_t target = alias_rows_[i].model_index;
        if (adds_name[i]) names_.add(alias.alias, int32_t(target));
        const Model& model = models_[target];
        alias.model = model.provider + "/" + model.name;
    }
}

// "provider/model" first: it names one model, even where another
// provider's model is itself named "provider/model" (as gateways name theirs:
// openrouter's 'deepseek/deepseek-chat'), which its own provider prefix
// then reaches ('openrouter/deepseek/deepseek-chat').  Then the bare names
// and aliases.
int32_t Catalog::index_of_name(std::string_view name) const {
    const int32_t qualified = qualified_.find(name);
    return qualified >= 0 ? qualified : names_.find(name);
}

const Model* Catalog::find_model(std::string_view name, bool* ambiguous) const {
    const int32_t index = index_of_name(name);
    if (ambiguous) *ambiguous = index == NameIndex::kAmbiguous;
    return index >= 0 ? &models_[size_t(index)] : nullptr;
}

}  // namespace maas

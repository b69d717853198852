// catalog.hpp - the price lines and aliases of a card, indexed for pricing.
//
// A Catalog is built once from checked card lines and never changes
// afterwards, so any number of statements and threads may read it at once;
// a change of prices builds a new Catalog.  Models are found by name or alias
// (see name_index.hpp); each model keeps, per item, its price versions
// ordered by effective_from, each in force until the next one starts.
// Lines with a condition (card.hpp) form chains of their own, one per
// condition: the version of each chain in force at `at` competes when its
// condition holds for the call, and the one with the most clauses wins
// (Model::choose).
//
//   std::string error;
//   auto catalog = maas::Catalog::build(lines, aliases, error);
//   const maas::Model* m = catalog->find_model("deepseek-r1", nullptr);
//   m->price(maas::Item::output, nullptr);        // current: 0.016 per k_tokens (line->unit)
//   m->price(maas::Item::output, &instant_ms);    // the one in force then, or nullptr
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aliases.hpp"
#include "card.hpp"
#include "catalog_rows.hpp"
#include "condition.hpp"
#include "fx_rates.hpp"
#include "name_index.hpp"
#include "packs.hpp"
#include "quick_prices.hpp"

namespace maas {

struct PriceVersion {
    const CardLine* line = nullptr;
    Decimal price;
    int64_t effective_from_ms = 0;
    int64_t effective_to_ms = kForever;  // exclusive
    uint32_t row = 0;                    // index into Catalog::rows()
    uint32_t quick_slot = 0;             // with conditions: its place among the item's versions (Model::quick_pair)
};

// The lines of one model, item and condition, as versions in time.
struct ConditionalChain {
    const Condition* condition;          // of the chain's lines (CardLine::condition)
    std::vector<PriceVersion> versions;  // ascending effective_from
    uint32_t bit = 0;                    // its condition's place in Model::conditions (kUnmasked beyond 64)
};

// What Model::choose found: the price that applies to a call, or nullptr;
// `tied` is a second line with as many clauses whose condition holds too,
// so that no single price applies.
struct PriceChoice {
    const PriceVersion* version = nullptr;
    const PriceVersion* tied = nullptr;
};

struct Model {
    std::string provider;
    std::string name;
    std::vector<PriceVersion> versions[kItemCount];         // lines without a condition, ascending effective_from
    std::vector<ConditionalChain> conditional[kItemCount];  // lines with one, a chain per condition, most clauses first
    bool has_conditions = false;                            // any line with a condition
    // Each distinct condition of the model's lines once (input and output
    // bands are mostly the same): a call tests each once, as a bit of
    // holding(), for every item it prices.
    std::vector<const Condition*> conditions;
    static constexpr uint32_t kUnmasked = 64;  // a chain whose condition has no bit: tested itself
    // With at most kTabulated distinct conditions: per item, the chain that
    // wins for each set of holding conditions (kNoChain: none holds, the
    // line without a condition applies; kTied: two tie, the loop says
    // which), so a call looks its choice up.  Valid once every chain has
    // begun (from chains_from_ms on, or with no `at`).
    static constexpr size_t kTabulated = 8;
    static constexpr int16_t kNoChain = -1, kTied = -2;
    std::vector<int16_t> winners[kItemCount];
    int64_t chains_from_ms = 0;
    const Calendar* calendar = nullptr;  // the catalog's, for `day is holiday`
    std::vector<uint32_t> rows;          // this model's rows, card order
    bool one_currency = true;            // every line in the same currency
    // No cached_input, cache_write or request line in any version or under
    // any condition: input and output prices are all there is to inference
    // (the whole built-in card).
    bool tokens_only = true;
    QuickTokenPrices quick;  // the newest token prices, for maas_cost and maas_cost_cached (quick_prices.hpp)
    // The same for every stretch of time in which the inference versions
    // stay the same, ascending: maas_cost with `at` finds its own.
    std::vector<QuickEpoch> quick_epochs;
    // With conditions (and input and output prices alone): the quick prices
    // of every pair of an input and an output version, for the two a call
    // chooses; empty when there are too many pairs.
    std::vector<QuickTokenPrices> quick_pairs;
    uint32_t quick_outputs = 0;  // output versions: the row length of quick_pairs
    const QuickTokenPrices* quick_pair(const PriceVersion& input, const PriceVersion& output) const {
        const size_t i = size_t(input.quick_slot) * quick_outputs + output.quick_slot;
        return i < quick_pairs.size() ? &quick_pairs[i] : nullptr;
    }

    // The price of an item for a call (its counts, `at`, variant; the
    // calendar is the model's): without conditions, price(item, call.at).
    PriceChoice choose(Item item, const CallFacts& call) const {
        if (!has_conditions) return PriceChoice{price(item, call.at), nullptr};
        return choose_among_conditions(item, call, holding(call));
    }
    // The same with the conditions already tested (holding(call)): a call
    // pricing several items tests each condition once.
    PriceChoice choose(Item item, const CallFacts& call, uint64_t holding_bits) const {
        if (!has_conditions) return PriceChoice{price(item, call.at), nullptr};
        const std::vector<int16_t>& table = winners[int(item)];
        if (!table.empty() && (!call.at || *call.at >= chains_from_ms)) {
            const int16_t winner = table[holding_bits];
            if (winner >= 0)
                return PriceChoice{in_force(conditional[int(item)][size_t(winner)].versions, call.at), nullptr};
            if (winner == kNoChain) return PriceChoice{price(item, call.at), nullptr};
        }
        return choose_among_conditions(item, call, holding_bits);  // a tie, or a chain not yet begun
    }
    // Bit i set: conditions[i] holds for the call (the first 64).
    uint64_t holding(const CallFacts& call) const {
        uint64_t bits = 0;
        const size_t masked = conditions.size() < kUnmasked ? conditions.size() : kUnmasked;
        for (size_t i = 0; i < masked; ++i)
            if (conditions[i]->holds(call)) bits |= uint64_t(1) << i;
        return bits;
    }
    // Whether any line of the item (with a condition or without) is in
    // force at *at_ms (the newest when null).
    bool any_in_force(Item item, const int64_t* at_ms) const;

    // The version of an item without a condition in force at *at_ms (unix
    // ms), or the newest one when at_ms is null; nullptr when there is none
    // (no such price, or the instant is before the first version).
    const PriceVersion* price(Item item, const int64_t* at_ms) const {
        const auto& v = versions[int(item)];
        if (v.empty()) return nullptr;
        return at_ms ? price_at(v, *at_ms) : &v.back();
    }

    // The quick prices in force at at_ms, or nullptr before the first token
    // prices (then the general path answers).  Usage rows are nearly always
    // in the newest stretch, which is tried first.
    const QuickTokenPrices* quick_at(int64_t at_ms) const {
        if (quick_epochs.empty()) return nullptr;
        if (at_ms >= quick_epochs.back().from_ms) return &quick_epochs.back().prices;
        if (at_ms < quick_epochs.front().from_ms) return nullptr;
        return quick_epoch_at(at_ms);
    }

private:
    PriceChoice choose_among_conditions(Item item, const CallFacts& call, uint64_t holding_bits) const;
    const QuickTokenPrices* quick_epoch_at(int64_t at_ms) const;
    static const PriceVersion* in_force(const std::vector<PriceVersion>& versions, const int64_t* at_ms) {
        if (versions.empty()) return nullptr;
        if (!at_ms) return &versions.back();
        if (versions.size() == 1) return *at_ms >= versions[0].effective_from_ms ? &versions[0] : nullptr;
        return price_at(versions, *at_ms);
    }
    static const PriceVersion* price_at(const std::vector<PriceVersion>& versions, int64_t at_ms);
};

class Catalog {
public:
    // Builds the indexes; nullptr and a message naming the offending line
    // when the lines contradict each other (two spellings of one model, an
    // alias of an unknown model, an alias that is another model's name).
    // Lines must already be free of duplicates (DuplicateFinder).
    // `fx` are the user's exchange rates (fx_rates.hpp), carried with the
    // prices so that one snapshot serves a whole statement.
    // `calendar` holds the user's holidays and make-up workdays, for the
    // conditions that ask (condition.hpp).  `packs` are the user's prepaid
    // packs (packs.hpp): each pack's models are found here by the lookup's
    // rules, an unknown one an error naming the pack's row.
    static std::shared_ptr<const Catalog> build(std::vector<CardLine> lines, std::vector<AliasLine> aliases,
                                                std::string& error, std::vector<FxLine> fx = {}, Calendar calendar = {},
                                                std::vector<PackLine> packs = {});

    // Exact, case-insensitive: a model name, "provider/model", or an alias.
    // Sets *ambiguous (when given) if the name is a model of several providers.
    const Model* find_model(std::string_view name, bool* ambiguous) const;

    const std::vector<CardLine>& lines() const { return lines_; }
    const std::vector<AliasLine>& aliases() const { return aliases_; }
    const std::vector<Model>& models() const { return models_; }
    const std::vector<RateRow>& rows() const { return rows_; }
    const std::vector<AliasRow>& alias_rows() const { return alias_rows_; }
    const std::vector<uint32_t>& rows_for_item(Item item) const { return rows_by_item_[int(item)]; }
    const FxTable& fx() const { return fx_; }
    const Calendar& calendar() const { return calendar_; }
    const PackTable& packs() const { return packs_; }
    // The index into models() of a model found by find_model.
    uint32_t index_of(const Model& model) const { return uint32_t(&model - models_.data()); }

private:
    // The steps of build, in order (catalog.cpp).
    bool index_lines(std::string& error);
    int32_t model_index_of(const CardLine& line, const std::string& qualified);
    void index_version(Model& model, const CardLine& line, uint32_t row);
    static uint32_t condition_bit(Model& model, const Condition& condition);
    static void tabulate_winners(Model& model);
    void order_versions();
    void order_chain(std::vector<PriceVersion>& versions);
    static void prepare_quick_pairs(Model& model);
    bool check_aliases(std::vector<bool>& adds_name, std::string& error);
    void add_alias_names(const std::vector<bool>& adds_name);
    bool resolve_packs(std::vector<PackLine>& packs, std::string& error) const;

    std::vector<CardLine> lines_;
    std::vector<AliasLine> aliases_;
    std::vector<Model> models_;
    std::vector<RateRow> rows_;
    std::vector<AliasRow> alias_rows_;
    std::vector<uint32_t> rows_by_item_[kItemCount];
    NameIndex qualified_;  // "provider/model" -> model index
    NameIndex names_;      // bare model names and aliases -> model index
    int32_t index_of_name(std::string_view name) const;
    FxTable fx_;
    Calendar calendar_;
    PackTable packs_;
};

}  // namespace maas

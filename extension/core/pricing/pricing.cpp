// pricing.cpp - billing arithmetic on exact decimals, the currency of a cost,
// and why a model has no price (see pricing.hpp).
#include "pricing.hpp"

#include "other_products.hpp"

namespace maas {
namespace {

// A price per token: the price per unit with its unit's power of ten
// (k_tokens 10^-3, m_tokens 10^-6), exact: only the exponent moves.
Decimal per_token(const PriceVersion& v) { return shifted(v.price, token_unit_exponent(v.line->unit)); }

// count x price, added to sum; false on overflow.
bool add_term(int64_t count, const Decimal& price, Decimal& sum) {
    Decimal product;
    return multiply(Decimal::from_int(count), price, product) && add(sum, product, sum);
}

}  // namespace

CallFacts call_facts(const Model& model, const TokenCounts& tokens, CallTerms terms) {
    CallFacts call;
    call.input = tokens.input;
    call.output = tokens.output;
    call.cached_input = tokens.cached_input;
    call.cache_write = tokens.cache_write;
    call.at = terms.at;
    call.variant = terms.variant;
    call.calendar = model.calendar;
    return call;
}

Priced inference_prices(const Model& model, const CallFacts& call, InferencePrices& out) {
    const uint64_t holding = model.has_conditions ? model.holding(call) : 0;  // each condition tested once
    const PriceChoice input = model.choose(Item::input, call, holding),
                      output = model.choose(Item::output, call, holding);
    out.input = input.version;
    out.output = output.version;
    if (input.tied || output.tied) return Priced::ambiguous;
    if (!out.input || !out.output) return Priced::no_price;
    if (!model.tokens_only) {
        const PriceChoice cached = model.choose(Item::cached_input, call, holding),
                          write = model.choose(Item::cache_write, call, holding),
                          request = model.choose(Item::request, call, holding);
        if (cached.tied || write.tied || request.tied) return Priced::ambiguous;
        out.cached_input = cached.version;
        out.cache_write = write.version;
        out.request = request.version;
    } else {
        out.cached_input = out.cache_write = out.request = nullptr;
    }
    if (model.one_currency) return Priced::ok;
    const std::string& currency = out.input->line->currency;
    for (const PriceVersion* p : {out.output, out.cached_input, out.cache_write, out.request})
        if (p && p->line->currency != currency) return Priced::mixed_currency;
    return Priced::ok;
}

Priced inference_prices(const Model& model, const int64_t* at, InferencePrices& out) {
    return inference_prices(model, call_facts(model, TokenCounts{}, at), out);
}

std::string ambiguity(const Model& model, const CallFacts& call) {
    for (int item = 0; item < kItemCount; ++item) {
        const PriceChoice choice = model.choose(Item(item), call);
        if (choice.tied)
            return std::string(item_name(Item(item))) + ": " + choice.version->line->where + " and " +
                   choice.tied->line->where;
    }
    return std::string();
}

const std::string* currency_of(const Model& model, const int64_t* at) {
    InferencePrices prices;
    switch (inference_prices(model, at, prices)) {
        case Priced::ok: return &prices.input->line->currency;
        case Priced::mixed_currency: return nullptr;
        default: break;
    }
    const std::string* currency = nullptr;
    for (int item = 0; item < kItemCount; ++item) {
        const PriceVersion* version = model.price(Item(item), at);
        if (!version) continue;
        if (currency && *currency != version->line->currency) return nullptr;
        currency = &version->line->currency;
    }
    return currency;
}

namespace {

// Whether the model has lines of an item at all, at any time, under any condition.
bool has_lines(const Model& model, Item item) {
    return !model.versions[int(item)].empty() || !model.conditional[int(item)].empty();
}

}  // namespace

const char* unpriced_reason(const Model* model, std::string_view name, const CallFacts& call) {
    if (!model) return builtin_other_products().find(name) ? "other_product" : "unknown_model";
    if (!has_lines(*model, Item::input) || !has_lines(*model, Item::output)) return "no_token_price";
    InferencePrices prices;
    switch (inference_prices(*model, call, prices)) {
        case Priced::ok: return nullptr;
        case Priced::mixed_currency: return "mixed_currency";
        case Priced::ambiguous: return "ambiguous_condition";
        default: break;
    }
    // Lines in force, but none whose condition holds for this call.
    if (model->any_in_force(Item::input, call.at) && model->any_in_force(Item::output, call.at))
        return "no_condition_holds";
    return "before_first_price";
}

Priced inference_cost(const Model& model, const TokenCounts& tokens, CallTerms terms, Decimal& cost) {
    if (!tokens.consistent()) return Priced::inconsistent_counts;
    InferencePrices p;
    if (const Priced found = inference_prices(model, call_facts(model, tokens, terms), p); found != Priced::ok)
        return found;
    // Each token once: the cached and cache-write parts leave the input at
    // the input price, and take their own price, or the input price when the
    // model has none (then the split changes nothing, as it should).
    const PriceVersion& cached = p.cached_input ? *p.cached_input : *p.input;
    const PriceVersion& write = p.cache_write ? *p.cache_write : *p.input;
    Decimal sum;
    if (!add_term(tokens.uncached_input(), per_token(*p.input), sum) ||
        !add_term(tokens.cached_input, per_token(cached), sum) ||
        !add_term(tokens.cache_write, per_token(write), sum) || !add_term(tokens.output, per_token(*p.output), sum) ||
        (p.request && !add_term(tokens.requests, p.request->price, sum)))
        return Priced::overflow;
    cost = sum;
    return Priced::ok;
}

Priced inference_cost(const Model& model, int64_t input_tokens, int64_t output_tokens, CallTerms terms, Decimal& cost) {
    if (!model.tokens_only) {
        TokenCounts tokens;  // one call: requests = 1
        tokens.input = input_tokens;
        tokens.output = output_tokens;
        return inference_cost(model, tokens, terms, cost);
    }
    // The common case, every model of the built-in card: two prices, as fast
    // as before there were cached prices.  With conditions, the two lines the
    // call chooses.
    const PriceVersion *in, *out;
    if (model.has_conditions) {
        TokenCounts tokens;
        tokens.input = input_tokens;
        tokens.output = output_tokens;
        const CallFacts call = call_facts(model, tokens, terms);
        const PriceChoice input = model.choose(Item::input, call), output = model.choose(Item::output, call);
        if (input.tied || output.tied) return Priced::ambiguous;
        in = input.version;
        out = output.version;
    } else {
        in = model.price(Item::input, terms.at);
        out = model.price(Item::output, terms.at);
    }
    if (!in || !out) return Priced::no_price;
    if (!model.one_currency && in->line->currency != out->line->currency) return Priced::mixed_currency;
    const Decimal in_per_token = per_token(*in), out_per_token = per_token(*out);
    int64_t in_price, out_price;
    int32_t exponent;
    if (align_prices(in_per_token, out_per_token, in_price, out_price, exponent)) {
        // Each product is below 2^126, so their sum fits in 127 bits: exact.
        cost = Decimal{int128(input_tokens) * in_price + int128(output_tokens) * out_price, exponent};
        return Priced::ok;
    }
    Decimal sum;
    if (!add_term(input_tokens, in_per_token, sum) || !add_term(output_tokens, out_per_token, sum))
        return Priced::overflow;
    cost = sum;
    return Priced::ok;
}

Priced training_cost(const Model& model, Item method, int64_t tokens, int64_t epochs, CallTerms terms, Decimal& cost) {
    TokenCounts counts;
    counts.input = tokens;
    const PriceChoice choice = model.choose(method, call_facts(model, counts, terms));
    if (choice.tied) return Priced::ambiguous;
    const PriceVersion* price = choice.version;
    if (!price) return Priced::no_price;
    Decimal billed_tokens;
    if (!multiply(Decimal::from_int(tokens), Decimal::from_int(epochs), billed_tokens) ||
        !multiply(billed_tokens, per_token(*price), cost))
        return Priced::overflow;
    return Priced::ok;
}

Priced deployment_cost(const Model& model, const Decimal& hours, int64_t nodes, CallTerms terms, Decimal& cost) {
    const PriceChoice choice = model.choose(Item::deployment, call_facts(model, TokenCounts{}, terms));
    if (choice.tied) return Priced::ambiguous;
    const PriceVersion* price = choice.version;
    if (!price) return Priced::no_price;
    if (price->line->unit == Unit::hour && nodes != 1) return Priced::no_price;
    Decimal billed_hours = hours;
    if (price->line->per_started_hour && !round_up_to_whole(hours, billed_hours)) return Priced::overflow;
    Decimal per_hour;
    if (!multiply(price->price, Decimal::from_int(nodes), per_hour) || !multiply(per_hour, billed_hours, cost))
        return Priced::overflow;
    return Priced::ok;
}

}  // namespace maas

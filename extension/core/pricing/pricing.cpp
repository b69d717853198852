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

Priced inference_prices(const Model& model, const int64_t* at, InferencePrices& out) {
    out.input = model.price(Item::input, at);
    out.output = model.price(Item::output, at);
    if (!out.input || !out.output) return Priced::no_price;
    if (!model.tokens_only) {
        out.cached_input = model.price(Item::cached_input, at);
        out.cache_write = model.price(Item::cache_write, at);
        out.request = model.price(Item::request, at);
    } else {
        out.cached_input = out.cache_write = out.request = nullptr;
    }
    if (model.one_currency) return Priced::ok;
    const std::string& currency = out.input->line->currency;
    for (const PriceVersion* p : {out.output, out.cached_input, out.cache_write, out.request})
        if (p && p->line->currency != currency) return Priced::mixed_currency;
    return Priced::ok;
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

const char* unpriced_reason(const Model* model, std::string_view name, const int64_t* at) {
    if (!model) return builtin_other_products().find(name) ? "other_product" : "unknown_model";
    if (model->versions[int(Item::input)].empty() || model->versions[int(Item::output)].empty())
        return "no_token_price";
    InferencePrices prices;
    switch (inference_prices(*model, at, prices)) {
        case Priced::ok: return nullptr;
        case Priced::mixed_currency: return "mixed_currency";
        default: return "before_first_price";
    }
}

Priced inference_cost(const Model& model, const TokenCounts& tokens, const int64_t* at, Decimal& cost) {
    if (!tokens.consistent()) return Priced::inconsistent_counts;
    InferencePrices p;
    if (const Priced found = inference_prices(model, at, p); found != Priced::ok) return found;
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

Priced inference_cost(const Model& model, int64_t input_tokens, int64_t output_tokens, const int64_t* at,
                      Decimal& cost) {
    if (!model.tokens_only) {
        TokenCounts tokens;  // one call: requests = 1
        tokens.input = input_tokens;
        tokens.output = output_tokens;
        return inference_cost(model, tokens, at, cost);
    }
    // The common case, every model of the built-in card: two prices, as fast
    // as before there were cached prices.
    const PriceVersion* in = model.price(Item::input, at);
    const PriceVersion* out = model.price(Item::output, at);
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

Priced training_cost(const Model& model, Item method, int64_t tokens, int64_t epochs, const int64_t* at,
                     Decimal& cost) {
    const PriceVersion* price = model.price(method, at);
    if (!price) return Priced::no_price;
    Decimal billed_tokens;
    if (!multiply(Decimal::from_int(tokens), Decimal::from_int(epochs), billed_tokens) ||
        !multiply(billed_tokens, per_token(*price), cost))
        return Priced::overflow;
    return Priced::ok;
}

Priced deployment_cost(const Model& model, const Decimal& hours, int64_t nodes, const int64_t* at, Decimal& cost) {
    const PriceVersion* price = model.price(Item::deployment, at);
    if (!price) return Priced::no_price;
    if (price->line->unit == Unit::hour && nodes != 1) return Priced::no_price;
    Decimal per_hour;
    if (!multiply(price->price, Decimal::from_int(nodes), per_hour) || !multiply(per_hour, hours, cost))
        return Priced::overflow;
    return Priced::ok;
}

}  // namespace maas

// pricing.cpp - billing arithmetic on exact decimals (see pricing.hpp).
#include "pricing.hpp"

namespace maas {
namespace {

// tokens x price / 1000, exact.
bool token_cost(int64_t tokens, const Decimal& price, Decimal& out) {
    if (!multiply(Decimal::from_int(tokens), price, out)) return false;
    out = shifted(out, kPerThousandTokens);
    return true;
}

}  // namespace

Priced inference_cost(const Model& model, int64_t input_tokens, int64_t output_tokens, const int64_t* at,
                      Decimal& cost) {
    const PriceVersion* in = model.price(Item::input, at);
    const PriceVersion* out = model.price(Item::output, at);
    if (!in || !out) return Priced::no_price;
    if (!model.one_currency && in->line->currency != out->line->currency) return Priced::mixed_currency;
    int64_t in_price, out_price;
    int32_t exponent;
    if (align_prices(in->price, out->price, in_price, out_price, exponent)) {
        // Each product is below 2^126, so their sum fits in 127 bits: exact.
        cost = Decimal{int128(input_tokens) * in_price + int128(output_tokens) * out_price, exponent + kPerThousandTokens};
        return Priced::ok;
    }
    Decimal a, b;
    if (!token_cost(input_tokens, in->price, a) || !token_cost(output_tokens, out->price, b) ||
        !add(a, b, cost))
        return Priced::overflow;
    return Priced::ok;
}

Priced training_cost(const Model& model, Item method, int64_t tokens, int64_t epochs, const int64_t* at,
                     Decimal& cost) {
    const PriceVersion* price = model.price(method, at);
    if (!price) return Priced::no_price;
    Decimal billed_tokens;
    if (!multiply(Decimal::from_int(tokens), Decimal::from_int(epochs), billed_tokens) ||
        !multiply(billed_tokens, price->price, cost))
        return Priced::overflow;
    cost = shifted(cost, kPerThousandTokens);
    return Priced::ok;
}

Priced deployment_cost(const Model& model, const Decimal& hours, int64_t nodes, const int64_t* at,
                       Decimal& cost) {
    const PriceVersion* price = model.price(Item::deployment, at);
    if (!price) return Priced::no_price;
    if (price->line->unit == Unit::hour && nodes != 1) return Priced::no_price;
    Decimal per_hour;
    if (!multiply(price->price, Decimal::from_int(nodes), per_hour) || !multiply(per_hour, hours, cost))
        return Priced::overflow;
    return Priced::ok;
}

}  // namespace maas

// pricing.cpp - billing arithmetic on exact decimals (see pricing.hpp).
#include "pricing.hpp"

namespace maas {
namespace {

constexpr int32_t kPerThousand = -3;  // token prices are per 1,000 tokens

// tokens x price / 1000, exact.
bool token_cost(int64_t tokens, const Decimal& price, Decimal& out) {
    if (!multiply(Decimal::from_int(tokens), price, out)) return false;
    out = shifted(out, kPerThousand);
    return true;
}

constexpr int64_t kPow10[] = {1,         10,         100,         1000,         10000,         100000,
                             1000000,   10000000,   100000000,   1000000000,   10000000000,   100000000000,
                             1000000000000, 10000000000000, 100000000000000, 1000000000000000,
                             10000000000000000, 100000000000000000, 1000000000000000000};

// Both prices as int64 mantissas on one exponent, when they fit: the common
// case, which lets inference_cost skip the general checked arithmetic.
bool align(const Decimal& a, const Decimal& b, int64_t& ma, int64_t& mb, int32_t& exponent) {
    if (a.mantissa > INT64_MAX || a.mantissa < 0 || b.mantissa > INT64_MAX || b.mantissa < 0) return false;
    ma = int64_t(a.mantissa);
    mb = int64_t(b.mantissa);
    exponent = a.exponent < b.exponent ? a.exponent : b.exponent;
    const int64_t shift_a = int64_t(a.exponent) - exponent, shift_b = int64_t(b.exponent) - exponent;
    if (shift_a > 18 || shift_b > 18) return false;
    return !__builtin_mul_overflow(ma, kPow10[shift_a], &ma) && !__builtin_mul_overflow(mb, kPow10[shift_b], &mb);
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
    if (align(in->price, out->price, in_price, out_price, exponent)) {
        // Each product is below 2^126, so their sum fits in 127 bits: exact.
        cost = Decimal{int128(input_tokens) * in_price + int128(output_tokens) * out_price, exponent + kPerThousand};
        return Priced::ok;
    }
    Decimal a, b;
    if (!token_cost(input_tokens, in->price, a) || !token_cost(output_tokens, out->price, b) ||
        !add(a, b, cost))
        return Priced::overflow;
    return Priced::ok;
}

void prepare_quick_prices(Model& model) {
    model.quick = QuickTokenPrices{};
    const PriceVersion* in = model.price(Item::input, nullptr);
    const PriceVersion* out = model.price(Item::output, nullptr);
    if (!in || !out || in->line->currency != out->line->currency) return;
    int64_t in_price, out_price;
    int32_t exponent;
    if (!align(in->price, out->price, in_price, out_price, exponent)) return;
    const int32_t k = -(exponent + kPerThousand);  // cost = n / 10^k
    if (k < 0 || k > 22) return;
    double divisor = 1;
    for (int32_t i = 0; i < k; ++i) divisor *= 10;  // exact up to 10^22
    model.quick = QuickTokenPrices{true, in_price, out_price, divisor};
}

Priced training_cost(const Model& model, Item method, int64_t tokens, int64_t epochs, const int64_t* at,
                     Decimal& cost) {
    const PriceVersion* price = model.price(method, at);
    if (!price) return Priced::no_price;
    Decimal billed_tokens;
    if (!multiply(Decimal::from_int(tokens), Decimal::from_int(epochs), billed_tokens) ||
        !multiply(billed_tokens, price->price, cost))
        return Priced::overflow;
    cost = shifted(cost, kPerThousand);
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

// currency_functions.cpp - what a cost is in, converting it, and why a row
// has no cost.
//
//   SELECT maas_currency('DeepSeek-V3');                 -- 'CNY'
//   SELECT maas_convert(0.0057, 'USD', 'CNY', '2025-08-01');  -- with a rate in maas_user_fx
//   SELECT maas_unpriced('Spark-Max');                   -- 'other_product'
//   SELECT maas_unpriced(model_name, created_at), count(*) FROM logs GROUP BY 1;
//
// maas_unpriced's codes are stable; what each means: docs/functions/maas_unpriced.md.
// Conventions of every function: docs/conventions.md.
#include <string>
#include <string_view>

#include "cost_result.hpp"
#include "failure.hpp"
#include "guarded.hpp"
#include "model_lookup.hpp"
#include "pricing.hpp"
#include "registration.hpp"
#include "sql_args.hpp"

namespace maas {
namespace {

// The arguments (model [, at]) of maas_currency and maas_unpriced; false
// when the call is already answered (NULL, or an error).
bool read_model_at(sqlite3_context* ctx, int argc, sqlite3_value** argv, const char* function, int64_t& at_storage,
                   const int64_t*& at, const Model*& model) {
    return begin_call(ctx, argc, argv, function, 1, 2, "(model [, at])") &&
           read_optional_instant(ctx, argc, argv, 1, function, at_storage, at) &&
           find_model(ctx, argv[0], {function, "model"}, model);
}

void maas_currency(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_currency";
    int64_t at_storage;
    const int64_t* at;
    const Model* model;
    if (!read_model_at(ctx, argc, argv, kName, at_storage, at, model)) return;
    const std::string* currency = model ? currency_of(*model, at) : nullptr;
    if (!currency) return sqlite3_result_null(ctx);
    sqlite3_result_text(ctx, currency->data(), int(currency->size()), SQLITE_TRANSIENT);
}

// (model [, at [, input_tokens, output_tokens [, variant]]]): the reason is
// the one maas_cost_cached's call of those counts would have; without
// counts, a call of no tokens.
void maas_unpriced(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_unpriced";
    if (!begin_call(ctx, argc, argv, kName, 1, 5, "(model [, at [, input_tokens, output_tokens [, variant]]])", 4))
        return;
    if (argc == 3) return report_error(ctx, "maas_unpriced: input_tokens needs output_tokens beside it");
    TokenCounts tokens;
    int64_t at_storage;
    const int64_t* at;
    std::string_view variant;
    const Model* model;
    if (!read_optional_instant(ctx, argc, argv, 1, kName, at_storage, at) ||
        (argc >= 4 && (!read_count(ctx, argv[2], {kName, "input_tokens"}, 0, tokens.input) ||
                       !read_count(ctx, argv[3], {kName, "output_tokens"}, 0, tokens.output))) ||
        !read_optional_variant(ctx, argc, argv, 4, kName, variant) ||
        !find_model(ctx, argv[0], {kName, "model"}, model))
        return;
    const std::string_view name(static_cast<const char*>(sqlite3_value_blob(argv[0])),
                                size_t(sqlite3_value_bytes(argv[0])));
    const CallFacts call = model ? call_facts(*model, tokens, CallTerms(at, variant)) : CallFacts{};
    const char* reason = unpriced_reason(model, name, call);
    if (!reason) return sqlite3_result_null(ctx);
    sqlite3_result_text(ctx, reason, -1, SQLITE_STATIC);
}

void maas_convert(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_convert";
    if (!begin_call(ctx, argc, argv, kName, 3, 4, "(amount, from_currency, to_currency [, at])")) return;
    Decimal amount;
    std::string_view from, to;
    int64_t at_storage;
    const int64_t* at;
    if (!read_amount(ctx, argv[0], {kName, "amount"}, amount) ||
        !read_currency(ctx, argv[1], {kName, "from_currency"}, from) ||
        !read_currency(ctx, argv[2], {kName, "to_currency"}, to) ||
        !read_optional_instant(ctx, argc, argv, 3, kName, at_storage, at))
        return;
    if (from == to) return sqlite3_result_double(ctx, to_double(amount));  // the identity, exactly
    StatementPrices* prices = prices_for(ctx, kName);
    if (!prices) return;
    const FxLine* rate = prices->catalog().fx().rate(from, to, at);
    if (!rate) return sqlite3_result_null(ctx);  // no rate in force: never a guess
    Decimal converted;
    report_cost(ctx, multiply(amount, rate->rate, converted) ? Priced::ok : Priced::overflow, converted, kName);
}

constexpr FunctionSpec kCurrencyFunctions[] = {
    {"maas_currency", kReadsDatabase, false, guarded<maas_currency>},
    {"maas_unpriced", kReadsDatabase, false, guarded<maas_unpriced>},
    {"maas_convert", kReadsDatabase, false, guarded<maas_convert>},
};

}  // namespace

FunctionList currency_functions() {
    return {kCurrencyFunctions, sizeof kCurrencyFunctions / sizeof kCurrencyFunctions[0]};
}

}  // namespace maas

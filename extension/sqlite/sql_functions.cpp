// sql_functions.cpp - the scalar SQL functions of sqlite-maas.
//
//   SELECT maas_cost('DeepSeek-R1', 1000000, 1000000);               -- 20.0
//   SELECT maas_cost('DeepSeek-V3', 0, 1000, '2025-12-31 23:59:59'); -- the price then
//   SELECT maas_cost_cached('DeepSeek-V3', 1000, 800, 500);          -- 800 of the 1000 input tokens cached
//   SELECT maas_training_cost('Qwen3-8B', 'lora', 1000000, 3);       -- 18.0
//   SELECT maas_deployment_cost('DeepSeek-V3', 24, 2);               -- 7200.0
//   SELECT maas_price('Qwen3-30B-A3B', 'input');                     -- 0.00075
//   SELECT maas_model('qwen3-8b');                                   -- 'Qwen3-8B'
//   SELECT maas_usage_cost('DeepSeek-R1', response_json);            -- priced from the stored usage
//
// Each maas_* function and its maas_builtin_* twin share one implementation
// (Names, Binding::builtin_only).  Conventions of every function: docs/conventions.md.
#include <cmath>
#include <string>

#include "builtin_card.hpp"
#include "cost_result.hpp"
#include "failure.hpp"
#include "guarded.hpp"
#include "maas_version.h"
#include "model_lookup.hpp"
#include "pricing.hpp"
#include "registration.hpp"
#include "sql_args.hpp"
#include "token_counts.hpp"
#include "usage_args.hpp"
#include "usage_json.hpp"

namespace maas {
namespace {

// Ends a cost function once every other argument is read: finds the model,
// NULL for an unknown one, else the cost `price(model, cost)` computes.
// tokens and terms are the call's, for naming two lines that tie.
template <typename PriceFunction>
void price_model(sqlite3_context* ctx, sqlite3_value* model_argument, const char* function, const TokenCounts& tokens,
                 CallTerms terms, PriceFunction price) {
    const Model* model;
    if (!find_model(ctx, model_argument, {function, "model"}, model)) return;
    if (!model) return sqlite3_result_null(ctx);
    Decimal cost;
    const Priced priced = price(*model, cost);
    report_cost(ctx, priced, cost, function,
                priced == Priced::ambiguous ? ambiguity(*model, call_facts(*model, tokens, terms)) : std::string());
}

// The quick prices in force at the `at` argument (unix seconds as INTEGER,
// or a time as TEXT): those of its stretch of versions; nullptr for
// anything else ('now', a bad value: the general path reports it).
// Inline: both quick paths call it, once a row.
[[gnu::always_inline]] inline const QuickTokenPrices* quick_prices_at(Routines sqlite3_api, const Model& model,
                                                                      sqlite3_value* at) {
    int64_t at_ms;
    return stored_instant(at, at_ms, sqlite3_api) ? model.quick_at(at_ms) : nullptr;
}

// maas_cost(TEXT, INTEGER, INTEGER [, at]) of a known model with conditions
// and input and output prices alone: the two lines the call chooses, at
// their pair's quick prices (Model::quick_pair), which answer exactly what
// the general path does.  False for anything the general path must answer
// (a negative count, an `at` that is not a stored instant, no line or two,
// a cost beyond 53 bits).
[[gnu::noinline]] bool quick_conditional_cost(Routines sqlite3_api, sqlite3_context* ctx, int argc,
                                              sqlite3_value** argv, const Model& model) {
    TokenCounts tokens;
    tokens.input = sqlite3_value_int64(argv[1]);
    tokens.output = sqlite3_value_int64(argv[2]);
    int64_t at_ms;
    if (argc == 4 && !stored_instant(argv[3], at_ms, sqlite3_api)) return false;
    const CallFacts call = call_facts(model, tokens, CallTerms(argc == 4 ? &at_ms : nullptr));
    const uint64_t holding = model.holding(call);  // each distinct condition tested once for both items
    const PriceChoice input = model.choose(Item::input, call, holding),
                      output = model.choose(Item::output, call, holding);
    if (!input.version || !output.version || input.tied || output.tied) return false;
    const QuickTokenPrices* quick = model.quick_pair(*input.version, *output.version);
    double cost;
    if (!quick || !quick_inference_cost(*quick, tokens.input, tokens.output, cost)) return false;
    sqlite3_result_double(ctx, cost);
    return true;
}

// The common call, maas_cost(TEXT, INTEGER, INTEGER [, at]) of a known
// model, without the general checks; true when it answered.  Anything
// unusual (NULL, other types, negative counts, an error, an unknown or
// ambiguous name, a model with a per-request price, a cost beyond 53 bits)
// goes the general way.
[[gnu::always_inline]] inline bool quick_cost([[maybe_unused]] Routines sqlite3_api, sqlite3_context* ctx, int argc,
                                              sqlite3_value** argv) {
    if ((argc != 3 && argc != 4) || sqlite3_value_type(argv[0]) != SQLITE_TEXT ||
        sqlite3_value_type(argv[1]) != SQLITE_INTEGER || sqlite3_value_type(argv[2]) != SQLITE_INTEGER)
        return false;
    const Model* model = quick_model(sqlite3_api, ctx, argv[0]);
    if (!model) return false;
    if (model->has_conditions) return quick_conditional_cost(sqlite3_api, ctx, argc, argv, *model);
    const QuickTokenPrices* quick = argc == 3 ? &model->quick : quick_prices_at(sqlite3_api, *model, argv[3]);
    double cost;
    if (!quick || !quick_inference_cost(*quick, sqlite3_value_int64(argv[1]), sqlite3_value_int64(argv[2]), cost))
        return false;
    sqlite3_result_double(ctx, cost);
    return true;
}

constexpr Names kCost{"maas_cost", "maas_builtin_cost"};

// Every call the quick path leaves: each argument checked and named.  Out
// of line, so that the quick path's frame stays small.
[[gnu::noinline]] void general_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    const char* name = kCost.of(binding_of(ctx));
    if (!begin_call(ctx, argc, argv, name, 3, 5, "(model, input_tokens, output_tokens [, at [, variant]])", 4)) return;
    TokenCounts tokens;
    int64_t at_storage;
    const int64_t* at;
    std::string_view variant;
    if (!read_count(ctx, argv[1], {name, "input_tokens"}, 0, tokens.input) ||
        !read_count(ctx, argv[2], {name, "output_tokens"}, 0, tokens.output) ||
        !read_optional_instant(ctx, argc, argv, 3, name, at_storage, at) ||
        !read_optional_variant(ctx, argc, argv, 4, name, variant))
        return;
    const CallTerms terms(at, variant);
    price_model(ctx, argv[0], name, tokens, terms, [&](const Model& model, Decimal& cost) {
        return inference_cost(model, tokens.input, tokens.output, terms, cost);
    });
}

void maas_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (!quick_cost(routines(), ctx, argc, argv)) general_cost(ctx, argc, argv);
}

// maas_cost_cached(TEXT, INTEGER x 3 [, INTEGER [, INTEGER]]) of a known
// model at its newest prices, the same way: the counts are all INTEGER and
// consistent, and the model has no request price (so `requests`, when
// given, only has to be a valid count).
bool quick_cost_cached(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc < 4 || argc > 6 || sqlite3_value_type(argv[0]) != SQLITE_TEXT) return false;
    for (int i = 1; i < argc; ++i)
        if (sqlite3_value_type(argv[i]) != SQLITE_INTEGER) return false;
    if (argc == 6 && sqlite3_value_int64(argv[5]) < 0) return false;
    const Model* model = quick_model(routines(), ctx, argv[0]);
    double cost;
    if (!model || !quick_cached_cost(model->quick, sqlite3_value_int64(argv[1]), sqlite3_value_int64(argv[2]),
                                     argc >= 5 ? sqlite3_value_int64(argv[4]) : 0, sqlite3_value_int64(argv[3]), cost))
        return false;
    sqlite3_result_double(ctx, cost);
    return true;
}

// "f: part must be at most whole (1000), got 1200"; false after reporting.
bool check_part(sqlite3_context* ctx, const char* function, const char* part, int64_t value, const char* whole,
                int64_t limit) {
    if (value <= limit) return true;
    report_error(ctx, std::string(function) + ": " + part + " must be at most " + whole + " (" + std::to_string(limit) +
                          "), got " + std::to_string(value));
    return false;
}

// input_tokens includes the cached reads and the cache writes (OpenAI's
// convention, TokenCounts'), so each is priced once: see pricing.hpp.
constexpr Names kCostCached{"maas_cost_cached", "maas_builtin_cost_cached"};
void maas_cost_cached(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (quick_cost_cached(ctx, argc, argv)) return;
    const char* name = kCostCached.of(binding_of(ctx));
    if (!begin_call(ctx, argc, argv, name, 4, 8,
                    "(model, input_tokens, cached_tokens, output_tokens [, cache_write_tokens [, requests [, at [, "
                    "variant]]]])",
                    7))
        return;
    TokenCounts tokens;
    int64_t at_storage;
    const int64_t* at;
    std::string_view variant;
    if (!read_count(ctx, argv[1], {name, "input_tokens"}, 0, tokens.input) ||
        !read_count(ctx, argv[2], {name, "cached_tokens"}, 0, tokens.cached_input) ||
        !read_count(ctx, argv[3], {name, "output_tokens"}, 0, tokens.output) ||
        (argc >= 5 && !read_count(ctx, argv[4], {name, "cache_write_tokens"}, 0, tokens.cache_write)) ||
        (argc >= 6 && !read_count(ctx, argv[5], {name, "requests"}, 0, tokens.requests)) ||
        !read_optional_instant(ctx, argc, argv, 6, name, at_storage, at) ||
        !read_optional_variant(ctx, argc, argv, 7, name, variant))
        return;
    // The parts within their whole: a cached count above the input is the
    // sign of a column holding input without the cached part (Anthropic's
    // input_tokens), which would otherwise be billed wrong, not refused.
    if (!check_part(ctx, name, "cached_tokens", tokens.cached_input, "input_tokens", tokens.input) ||
        !check_part(ctx, name, "cache_write_tokens", tokens.cache_write, "input_tokens - cached_tokens",
                    tokens.input - tokens.cached_input))
        return;
    const CallTerms terms(at, variant);
    price_model(ctx, argv[0], name, tokens, terms,
                [&](const Model& model, Decimal& cost) { return inference_cost(model, tokens, terms, cost); });
}

constexpr Names kTraining{"maas_training_cost", "maas_builtin_training_cost"};
void maas_training_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    const char* name = kTraining.of(binding_of(ctx));
    if (!begin_call(ctx, argc, argv, name, 3, 6, "(model, method, tokens [, epochs [, at [, variant]]])", 5)) return;
    const Service training = Service::training;
    Item method;
    TokenCounts counted;  // the dataset's tokens, as conditions see them
    int64_t epochs = 1, at_storage;
    const int64_t* at;
    std::string_view variant;
    if (!read_item(ctx, argv[1], {name, "method"}, &training, method) ||
        !read_count(ctx, argv[2], {name, "tokens"}, 0, counted.input) ||
        (argc >= 4 && !read_count(ctx, argv[3], {name, "epochs"}, 1, epochs)) ||
        !read_optional_instant(ctx, argc, argv, 4, name, at_storage, at) ||
        !read_optional_variant(ctx, argc, argv, 5, name, variant))
        return;
    const CallTerms terms(at, variant);
    price_model(ctx, argv[0], name, counted, terms, [&](const Model& model, Decimal& cost) {
        return training_cost(model, method, counted.input, epochs, terms, cost);
    });
}

constexpr Names kDeployment{"maas_deployment_cost", "maas_builtin_deployment_cost"};
void maas_deployment_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    const char* name = kDeployment.of(binding_of(ctx));
    if (!begin_call(ctx, argc, argv, name, 2, 5, "(model, hours [, nodes [, at [, variant]]])", 4)) return;
    Decimal hours;
    int64_t nodes = 1, at_storage;
    const int64_t* at;
    std::string_view variant;
    if (!read_quantity(ctx, argv[1], {name, "hours"}, hours) ||
        (argc >= 3 && !read_count(ctx, argv[2], {name, "nodes"}, 1, nodes)) ||
        !read_optional_instant(ctx, argc, argv, 3, name, at_storage, at) ||
        !read_optional_variant(ctx, argc, argv, 4, name, variant))
        return;
    const CallTerms terms(at, variant);
    price_model(ctx, argv[0], name, TokenCounts{}, terms,
                [&](const Model& model, Decimal& cost) { return deployment_cost(model, hours, nodes, terms, cost); });
}

constexpr Names kPrice{"maas_price", "maas_builtin_price"};
void maas_price(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    const char* name = kPrice.of(binding_of(ctx));
    if (!begin_call(ctx, argc, argv, name, 2, 3, "(model, item [, at])")) return;
    Item item;
    int64_t at_storage;
    const int64_t* at;
    const Model* model;
    if (!read_item(ctx, argv[1], {name, "item"}, nullptr, item) ||
        !read_optional_instant(ctx, argc, argv, 2, name, at_storage, at) ||
        !find_model(ctx, argv[0], {name, "model"}, model))
        return;
    if (!model) return sqlite3_result_null(ctx);
    // The price a call of no tokens and no variant would pay: with
    // conditions, the line that call chooses.
    const CallFacts call = call_facts(*model, TokenCounts{}, at);
    const PriceChoice choice = model->choose(item, call);
    if (choice.tied) return report_cost(ctx, Priced::ambiguous, Decimal{}, name, ambiguity(*model, call));
    if (!choice.version) return sqlite3_result_null(ctx);
    sqlite3_result_double(ctx, to_double(choice.version->price));
}

constexpr Names kModel{"maas_model", "maas_builtin_model"};
void maas_model(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    const char* name = kModel.of(binding_of(ctx));
    if (!begin_call(ctx, argc, argv, name, 1, 1, "(name)")) return;
    const Model* model;
    if (!find_model(ctx, argv[0], {name, "name"}, model)) return;
    if (!model) return sqlite3_result_null(ctx);
    // Copied: a result may outlive the catalog snapshot it came from.
    sqlite3_result_text(ctx, model->name.c_str(), int(model->name.size()), SQLITE_TRANSIENT);
}

// maas_usage_cost(TEXT, TEXT [, at]) of a known model with quick prices,
// whose text holds consistent usage, priced as quick_cost prices; true when
// it answered.  Anything else (no usage in the text, an error to report, a
// model the quick form cannot price) goes the general way, which reads it
// through the connection's UsageMemo (read_once: priced here, a text is not
// copied into the memo; one remembered is not parsed).  The answer is the general path's:
// inference_cost() and quick_cached_cost() bill the same counts, and a
// consistent TokenCounts is exactly what both accept.
[[gnu::always_inline]] inline bool quick_usage_cost(Routines sqlite3_api, sqlite3_context* ctx, int argc,
                                                    sqlite3_value** argv) {
    if ((argc != 2 && argc != 3) || sqlite3_value_type(argv[0]) != SQLITE_TEXT ||
        sqlite3_value_type(argv[1]) != SQLITE_TEXT)
        return false;
    const Model* model = quick_model(sqlite3_api, ctx, argv[0]);
    if (!model) return false;
    const QuickTokenPrices* quick = argc == 2 ? &model->quick : quick_prices_at(sqlite3_api, *model, argv[2]);
    if (!quick || !quick->valid) return false;
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
    if (!text) return false;
    TokenCounts tokens;
    std::string why;
    double cost;
    if (binding_of(ctx, sqlite3_api)
                .state->usage_memo()
                .read_once(std::string_view(text, size_t(sqlite3_value_bytes(argv[1]))), tokens, why) != Usage::found ||
        !tokens.consistent() ||
        !quick_cached_cost(*quick, tokens.input, tokens.cached_input, tokens.cache_write, tokens.output, cost))
        return false;
    sqlite3_result_double(ctx, cost);
    return true;
}

void maas_usage_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (quick_usage_cost(routines(), ctx, argc, argv)) return;
    constexpr const char* kName = "maas_usage_cost";
    if (!begin_call(ctx, argc, argv, kName, 2, 4, "(model, usage [, at [, variant]])", 3)) return;
    TokenCounts tokens;
    bool found;
    int64_t at_storage;
    const int64_t* at;
    std::string_view variant;
    if (!read_usage(ctx, argv[1], kName, tokens, found) ||
        !read_optional_instant(ctx, argc, argv, 2, kName, at_storage, at) ||
        !read_optional_variant(ctx, argc, argv, 3, kName, variant))
        return;
    // Without a variant argument, the response's own service tier ('flex').
    const CallTerms terms(at, variant.empty() ? tokens.service_tier() : variant);
    price_model(ctx, argv[0], kName, tokens, terms, [&](const Model& model, Decimal& cost) {
        // Usage without tokens has no cost; the model is still checked.  Each
        // token kind at its own price (cached reads, cache writes), once.
        return found ? inference_cost(model, tokens, terms, cost) : Priced::no_price;
    });
}

void maas_version(sqlite3_context* ctx, int argc, sqlite3_value**) {
    if (!check_arity(ctx, argc, "maas_version", 0, 0, "()")) return;
    sqlite3_result_text(ctx, MAAS_VERSION, -1, SQLITE_STATIC);
}

std::string compiler_text() {
#if defined(__clang__)
    return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
    return std::string("gcc ") + __VERSION__;
#else
    return "unknown compiler";
#endif
}

void maas_debug(sqlite3_context* ctx, int argc, sqlite3_value**) {
    if (!check_arity(ctx, argc, "maas_debug", 0, 0, "()")) return;
    const Catalog& builtin = binding_of(ctx).state->builtin();
    std::string text = std::string("sqlite-maas ") + MAAS_VERSION + "\n";
    text += std::string("build: ") + __DATE__ + " " + __TIME__ + ", " + compiler_text() + ", " + MAAS_BUILD_TYPE + "\n";
    text += std::string("sqlite: compiled against ") + SQLITE_VERSION + ", running " + sqlite3_libversion() + "\n";
    text += "card: " + std::string(builtin_card_name()) + ", " + std::to_string(builtin.rows().size()) + " lines, " +
            std::to_string(builtin.models().size()) + " models";
    sqlite3_result_text(ctx, text.c_str(), int(text.size()), SQLITE_TRANSIENT);
}

constexpr FunctionSpec kScalars[] = {
    {"maas_cost", kReadsDatabase, false, guarded<maas_cost>},
    {"maas_training_cost", kReadsDatabase, false, guarded<maas_training_cost>},
    {"maas_deployment_cost", kReadsDatabase, false, guarded<maas_deployment_cost>},
    {"maas_price", kReadsDatabase, false, guarded<maas_price>},
    {"maas_model", kReadsDatabase, false, guarded<maas_model>},
    {"maas_cost_cached", kReadsDatabase, false, guarded<maas_cost_cached>},
    {"maas_builtin_cost", kPure, true, guarded<maas_cost>},
    {"maas_builtin_cost_cached", kPure, true, guarded<maas_cost_cached>},
    {"maas_builtin_training_cost", kPure, true, guarded<maas_training_cost>},
    {"maas_builtin_deployment_cost", kPure, true, guarded<maas_deployment_cost>},
    {"maas_builtin_price", kPure, true, guarded<maas_price>},
    {"maas_builtin_model", kPure, true, guarded<maas_model>},
    {"maas_usage_cost", kReadsDatabase, false, guarded<maas_usage_cost>},
    {"maas_version", kPure, true, guarded<maas_version>},
    {"maas_debug", kPure, true, guarded<maas_debug>},
};

}  // namespace

FunctionList scalar_functions() { return {kScalars, sizeof kScalars / sizeof kScalars[0]}; }

}  // namespace maas

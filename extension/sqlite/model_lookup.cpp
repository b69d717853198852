// model_lookup.cpp - finding a call's model (see model_lookup.hpp).
#include "model_lookup.hpp"

#include "failure.hpp"

namespace maas {

StatementPrices* prices_for(sqlite3_context* ctx, const char* function) {
    const Binding& binding = binding_of(ctx);
    Failure failure;
    StatementPrices* prices = binding.state->prices_for(ctx, binding, failure);
    if (!prices) report_failure(ctx, function, failure);
    return prices;
}

bool find_model(sqlite3_context* ctx, sqlite3_value* name, ArgName arg, const Model*& model) {
    std::string_view text;
    if (!read_model_name(ctx, name, arg, text)) return false;
    StatementPrices* prices = prices_for(ctx, arg.function);
    if (!prices) return false;
    bool ambiguous = false;
    model = prices->find(text, &ambiguous);
    if (!ambiguous) return true;
    report_bad_argument(ctx, arg, "a model of one provider (write it as 'provider/model')", name);
    return false;
}

}  // namespace maas

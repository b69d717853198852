// function_support.cpp - the shared steps of the SQL functions (see function_support.hpp).
#include "function_support.hpp"

#include <cmath>
#include <string>

namespace maas {

bool check_arity(sqlite3_context* ctx, int argc, const char* function, int least, int most, const char* signature) {
    if (argc >= least && argc <= most) return true;
    std::string message = std::string(function) + ": expected ";
    message += least == most ? std::to_string(least) : std::to_string(least) + " to " + std::to_string(most);
    message += std::string(least == 1 && most == 1 ? " argument " : " arguments ") + signature + ", got " +
               std::to_string(argc);
    report_error(ctx, message);
    return false;
}

bool begin_call(sqlite3_context* ctx, int argc, sqlite3_value** argv, const char* function, int least, int most,
                const char* signature) {
    if (!check_arity(ctx, argc, function, least, most, signature)) return false;
    if (!any_null(argc, argv)) return true;
    sqlite3_result_null(ctx);
    return false;
}

StatementPrices* prices_for(sqlite3_context* ctx, const char* function) {
    const Binding& binding = binding_of(ctx);
    Failure failure;
    StatementPrices* prices = binding.state->prices_for(ctx, binding, failure);
    if (!prices) report_failure(ctx, function, failure);
    return prices;
}

bool read_optional_instant(sqlite3_context* ctx, int argc, sqlite3_value** argv, int index, const char* function,
                           int64_t& storage, const int64_t*& at) {
    at = nullptr;
    if (argc <= index) return true;
    if (!read_instant(ctx, argv[index], {function, "at"}, storage)) return false;
    at = &storage;
    return true;
}

void report_cost(sqlite3_context* ctx, Priced priced, const Decimal& cost, const char* function) {
    switch (priced) {
        case Priced::ok: {
            const double value = to_double(cost);
            if (std::isinf(value)) break;  // exact, but beyond any double
            sqlite3_result_double(ctx, value);
            return;
        }
        case Priced::no_price: sqlite3_result_null(ctx); return;
        case Priced::mixed_currency:
            report_error(ctx, std::string(function) + ": the prices in force are in different currencies");
            return;
        case Priced::inconsistent_counts:
            // The readers check the counts first and name the argument; this
            // is a last guard, never a silent double count.
            report_error(ctx, std::string(function) + ": the token counts are inconsistent");
            return;
        case Priced::overflow: break;
    }
    report_error(ctx, std::string(function) + ": the cost is too large to compute exactly");
}

// Reads the model last, after every other argument has been checked, so that
bool find_model(sqlite3_context* ctx, sqlite3_value* value, const char* function, const char* argument,
                const Model*& model) {
    StatementPrices* prices = prices_for(ctx, function);
    return prices && read_model(ctx, value, {function, argument}, *prices, model);
}

}  // namespace maas

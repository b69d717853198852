// cost_result.cpp - a cost as a call's result (see cost_result.hpp).
#include "cost_result.hpp"

#include <cmath>
#include <string>

#include "failure.hpp"

namespace maas {

void report_cost(sqlite3_context* ctx, Priced priced, const Decimal& cost, const char* function,
                 const std::string& ambiguity) {
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
        case Priced::ambiguous:
            report_error(ctx, std::string(function) + ": two prices with as many conditions apply to this call (" +
                                  ambiguity + "): give one of them another clause");
            return;
        case Priced::overflow: break;
    }
    report_error(ctx, std::string(function) + ": the cost is too large to compute exactly");
}

}  // namespace maas

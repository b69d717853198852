// fx_rates.cpp - checking and looking up exchange rates (see fx_rates.hpp).
#include "fx_rates.hpp"

#include <algorithm>

#include "field_problem.hpp"
#include "time_text.hpp"
#include "vocabulary.hpp"

namespace maas {

bool check_fx_line(const FxFields& f, FxLine& line, std::string& column, std::string& message) {
    const FieldProblem fail{column, message};
    if (!is_currency_code(f.currency))
        return fail("currency", quoted(f.currency) + " is not a 3-letter code such as USD");
    if (!is_currency_code(f.to_currency))
        return fail("to_currency", quoted(f.to_currency) + " is not a 3-letter code such as CNY");
    if (f.currency == f.to_currency)
        return fail("to_currency", "is the same currency as currency; a currency converts to itself unchanged");
    line.currency.assign(f.currency);
    line.to_currency.assign(f.to_currency);
    line.rate_text.assign(f.rate);
    if (!is_plain_decimal(f.rate) || !parse_decimal(f.rate, line.rate) || line.rate.is_zero())
        return fail("rate", quoted(f.rate) + " is not a positive decimal such as 7.1");
    if (!parse_time(f.effective_from, line.effective_from_ms))
        return fail("effective_from", quoted(f.effective_from) + " is not a time such as 2025-07-08T13:25:00+08:00");
    line.source.assign(f.source);
    return true;
}

bool FxTable::build(std::vector<FxLine> lines, std::string& error) {
    lines_ = std::move(lines);
    by_pair_.clear();
    for (size_t i = 0; i < lines_.size(); ++i) by_pair_[{lines_[i].currency, lines_[i].to_currency}].push_back(i);
    for (auto& [pair, indexes] : by_pair_) {
        std::stable_sort(indexes.begin(), indexes.end(), [this](size_t a, size_t b) {
            return lines_[a].effective_from_ms < lines_[b].effective_from_ms;
        });
        for (size_t k = 1; k < indexes.size(); ++k) {
            const FxLine& first = lines_[indexes[k - 1]];
            const FxLine& second = lines_[indexes[k]];
            if (first.effective_from_ms == second.effective_from_ms) {
                const FxLine& later = indexes[k - 1] > indexes[k] ? first : second;
                const FxLine& earlier = indexes[k - 1] > indexes[k] ? second : first;
                error = later.where + ": effective_from: a second rate " + pair.first + " -> " + pair.second +
                        " from " + format_time(later.effective_from_ms) + " (the first is " + earlier.where + ")";
                return false;
            }
        }
    }
    return true;
}

const FxLine* FxTable::rate(std::string_view currency, std::string_view to_currency, const int64_t* at_ms) const {
    const auto it = by_pair_.find(std::make_pair(std::string(currency), std::string(to_currency)));
    if (it == by_pair_.end()) return nullptr;
    const std::vector<size_t>& indexes = it->second;
    if (!at_ms) return &lines_[indexes.back()];
    // The last version starting at or before the instant.
    const auto after = std::upper_bound(indexes.begin(), indexes.end(), *at_ms,
                                        [this](int64_t t, size_t i) { return t < lines_[i].effective_from_ms; });
    return after == indexes.begin() ? nullptr : &lines_[*(after - 1)];
}

}  // namespace maas

// card.cpp - reading and checking a rate-card CSV (see card.hpp).
//
// Checks made here, so that nothing downstream has to doubt a line: known
// service, item and unit names; the item belongs to the service; the unit is
// one of the item's kind (vocabulary.hpp: token items per k_tokens or
// m_tokens, request per request, deployment per node_hour or hour); the price is
// a non-negative plain decimal; the currency is a 3-letter code; the time
// parses; no two lines of one card share provider, model, item and
// effective_from.  The same line checks serve the user's own tables.
#include "card.hpp"

#include <algorithm>

#include "card_merge.hpp"
#include "csv_table.hpp"
#include "field_problem.hpp"
#include "time_text.hpp"

namespace maas {

namespace {

// The condition and billed_per columns of a line.
bool check_line_rule(const CardFields& f, CardLine& line, const FieldProblem& fail) {
    std::string error;
    if (!parse_condition(f.condition, line.condition, error)) return fail("condition", error);
    line.condition_text = line.condition.text();
    if (f.billed_per.empty()) return true;
    if (f.billed_per != "started_hour")
        return fail("billed_per", quoted(f.billed_per) + " is not started_hour (or empty)");
    if (line.item != Item::deployment)
        return fail("billed_per", std::string("started_hour bills deployment only, not ") + item_name(line.item));
    line.per_started_hour = true;
    return true;
}

}  // namespace

bool check_card_line(const CardFields& f, CardLine& line, std::string& column, std::string& message) {
    const FieldProblem fail{column, message};
    line.provider.assign(f.provider);
    if (line.provider.empty()) return fail("provider", "empty");
    line.model.assign(f.model);
    if (line.model.empty()) return fail("model", "empty");
    if (line.model.front() == ' ' || line.model.back() == ' ')
        return fail("model", "leading or trailing space in " + quoted(line.model));
    if (!service_from_text(f.service, line.service))
        return fail("service", quoted(f.service) + " is not inference or training");
    if (!item_from_text(f.item, line.item) || f.item != item_name(line.item))
        return fail("item", quoted(f.item) +
                                " is not input, output, cached_input, cache_write, request, deployment, lora, "
                                "full or lora_merge");
    if (item_service(line.item) != line.service)
        return fail("service", std::string("item ") + item_name(line.item) + " belongs to service " +
                                   service_name(item_service(line.item)));
    line.label.assign(f.label);
    line.price_text.assign(f.price);
    if (!is_plain_decimal(line.price_text) || !parse_decimal(line.price_text, line.price))
        return fail("price", quoted(f.price) + " is not a non-negative decimal such as 0.00075");
    if (!unit_from_text(f.unit, line.unit))
        return fail("unit", quoted(f.unit) + " is not k_tokens, m_tokens, request, node_hour or hour");
    if (!unit_fits(line.item, line.unit))
        return fail("unit", std::string("item ") + item_name(line.item) + " cannot be priced per " +
                                unit_name(line.unit) + " (only " + units_of(line.item) + ")");
    line.currency.assign(f.currency);
    if (!is_currency_code(line.currency))
        return fail("currency", quoted(f.currency) + " is not a 3-letter code such as CNY");
    if (!parse_time(f.effective_from, line.effective_from_ms))
        return fail("effective_from", quoted(f.effective_from) + " is not a time such as 2025-07-08T13:25:00+08:00");
    line.source.assign(f.source);
    return check_line_rule(f, line, fail);
}

bool parse_card(std::string_view csv, std::string_view name, Origin origin, std::vector<CardLine>& out,
                std::string& error) {
    enum Column {
        provider,
        model,
        service,
        item,
        label,
        price,
        unit,
        currency,
        effective_from,
        source,
        condition,
        billed_per
    };
    constexpr size_t kRequired = 10;  // condition and billed_per may be left out
    CsvTable table({"provider", "model", "service", "item", "label", "price", "unit", "currency", "effective_from",
                    "source", "condition", "billed_per"},
                   kRequired);
    if (!table.open(csv, name, error)) return false;
    std::vector<CardLine> lines;
    DuplicateFinder seen;
    while (table.next(error)) {
        const CardFields text{table.field(provider), table.field(model),     table.field(service),
                              table.field(item),     table.field(label),     table.field(price),
                              table.field(unit),     table.field(currency),  table.field(effective_from),
                              table.field(source),   table.field(condition), table.field(billed_per)};
        CardLine line;
        std::string column, message;
        if (!check_card_line(text, line, column, message)) {
            error = table.message(table.line(), column, message);
            return false;
        }
        line.origin = origin;
        line.where = std::string(name) + ":" + std::to_string(table.line());
        if (!seen.add(line, error)) return false;
        lines.push_back(std::move(line));
    }
    if (!error.empty()) return false;
    if (lines.empty()) {
        error = table.message(table.line() + 1, "", "no price lines");
        return false;
    }
    out = std::move(lines);
    return true;
}

}  // namespace maas

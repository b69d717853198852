// bill_function.cpp - maas_bill_json: the user's packs (maas_user_packs)
// applied to priced calls in time order, and a period's bill as JSON.
//
//   SELECT maas_bill_json('2026-03-01', '2026-04-01', at, model, input, cached_input, cache_write, output)
//     FROM (SELECT * FROM maas_usage ORDER BY at);
//   -- {"lines":[...],"packs":[...],"calls":3,"unpriced":0}   (bill_summary.hpp)
//   SELECT maas_bill_json(..., output, strftime('%Y-%m-%d %H', at))   -- lines kept apart per hour
//
// An aggregate: every call feeds the packs (calls before `from` use them up
// too, so the balances are right), only calls in [from, until) make the
// bill's lines, calls from `until` on are left out, and the balances are
// those at `until`.  Calls must come in time order (a subquery ordered by
// at: the SQLite this runs on may predate ORDER BY in aggregates); one out
// of order is an error.  A row with a NULL is skipped (as sum() does; no
// row left gives NULL); an unknown model or one without a price in force is
// counted as unpriced and covered by no pack.  Each call is priced with the prices in force at its `at` by
// the rules of maas_cost_cached (pricing.hpp).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bill_summary.hpp"
#include "guarded.hpp"
#include "model_lookup.hpp"
#include "pack_ledger.hpp"
#include "pricing.hpp"
#include "registration.hpp"
#include "sql_args.hpp"

namespace maas {
namespace {

constexpr const char* kBill = "maas_bill_json";
constexpr const char* kSignature = "(from, until, at, model, input, cached_input, cache_write, output[, period])";

struct BillState {
    std::shared_ptr<const Catalog> catalog;  // one snapshot for the whole aggregate
    int64_t from_ms = 0, until_ms = 0;
    std::unique_ptr<PackLedger> ledger;
    BillSummary summary;
    BillCall call;
    CallBill bill;
    std::vector<std::string> model_names;  // 'provider/model' by the catalog's index, made once
};

void report(sqlite3_context* ctx, const std::string& what) {
    const std::string message = std::string(kBill) + ": " + what;
    sqlite3_result_error(ctx, message.c_str(), int(message.size()));
}

// The state, made at the first row (from, until and the snapshot read then).
BillState* state_for(sqlite3_context* ctx, sqlite3_value** argv) {
    auto** slot = static_cast<BillState**>(sqlite3_aggregate_context(ctx, sizeof(BillState*)));
    if (!slot) {
        sqlite3_result_error_nomem(ctx);
        return nullptr;
    }
    if (*slot) return *slot;
    auto state = std::make_unique<BillState>();
    if (!read_instant(ctx, argv[0], {kBill, "from"}, state->from_ms) ||
        !read_instant(ctx, argv[1], {kBill, "until"}, state->until_ms))
        return nullptr;
    StatementPrices* prices = prices_for(ctx, kBill);
    if (!prices) return nullptr;
    state->catalog = prices->snapshot();
    state->ledger = std::make_unique<PackLedger>(state->catalog->packs().packs());
    return *slot = state.release();
}

// The call's items at their prices per token; false when it has no price.
bool price_call(const Model& model, const TokenCounts& t, int64_t at_ms, BillCall& call) {
    InferencePrices p;
    if (inference_prices(model, call_facts(model, t, CallTerms(&at_ms)), p) != Priced::ok) return false;
    auto per_token = [](const PriceVersion* v) { return shifted(v->price, token_unit_exponent(v->line->unit)); };
    call = BillCall{};
    call.at_ms = at_ms;
    call.currency = p.input->line->currency;
    call.add(Item::input, t.uncached_input(), per_token(p.input));
    call.add(Item::cached_input, t.cached_input, per_token(p.cached_input ? p.cached_input : p.input));
    call.add(Item::cache_write, t.cache_write, per_token(p.cache_write ? p.cache_write : p.input));
    call.add(Item::output, t.output, per_token(p.output));
    if (p.request) call.add(Item::request, t.requests, p.request->price);
    return true;
}

// Reads a row's call; false (with nothing reported) when it is unpriced,
// false with `reported` after an error.
bool read_call(sqlite3_context* ctx, sqlite3_value** argv, BillState& s, const Model*& model, bool& reported) {
    reported = true;
    int64_t at_ms;
    TokenCounts t;
    if (!read_instant(ctx, argv[2], {kBill, "at"}, at_ms) || !read_count(ctx, argv[4], {kBill, "input"}, 0, t.input) ||
        !read_count(ctx, argv[5], {kBill, "cached_input"}, 0, t.cached_input) ||
        !read_count(ctx, argv[6], {kBill, "cache_write"}, 0, t.cache_write) ||
        !read_count(ctx, argv[7], {kBill, "output"}, 0, t.output))
        return false;
    reported = false;
    if (!t.consistent()) {
        reported = true;
        report(ctx, "cached_input + cache_write is more than input");
        return false;
    }
    if (!find_model(ctx, argv[3], {kBill, "model"}, model)) {
        reported = true;
        return false;
    }
    return model && price_call(*model, t, at_ms, s.call);
}

const std::string& model_name(BillState& s, const Model& model, uint32_t index) {
    if (index >= s.model_names.size()) s.model_names.resize(size_t(index) + 1);
    std::string& name = s.model_names[index];
    if (name.empty()) name = model.provider + "/" + model.name;
    return name;
}

// The optional period: a label (text or number) that keeps lines apart;
// absent or NULL, none.
bool read_period(sqlite3_context* ctx, int argc, sqlite3_value** argv, std::string_view& period) {
    period = {};
    if (argc < 9 || sqlite3_value_type(argv[8]) == SQLITE_NULL) return true;
    const unsigned char* text = sqlite3_value_text(argv[8]);
    if (!text) {
        sqlite3_result_error_nomem(ctx);
        return false;
    }
    period = std::string_view(reinterpret_cast<const char*>(text), size_t(sqlite3_value_bytes(argv[8])));
    if (period.size() > 64) {
        report(ctx, "period: a label of more than 64 bytes (give an hour, a day or a month, such as '2026-03-01 10')");
        return false;
    }
    return true;
}

void bill_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (!check_arity(ctx, argc, kBill, 8, 9, kSignature)) return;
    if (any_null(8, argv)) return;  // skipped, like sum(): all NULL rows give NULL
    BillState* s = state_for(ctx, argv);
    if (!s) return;
    const Model* model = nullptr;
    bool reported = false;
    if (!read_call(ctx, argv, *s, model, reported)) {
        if (!reported) s->summary.count_unpriced();
        return;
    }
    if (s->call.at_ms >= s->until_ms) return;
    std::string_view period;
    if (!read_period(ctx, argc, argv, period)) return;
    s->call.model = s->catalog->index_of(*model);
    std::string error;
    if (!s->ledger->apply(s->call, s->bill, error)) return report(ctx, error);
    if (s->call.at_ms >= s->from_ms &&
        !s->summary.add(s->call.model, model_name(*s, *model, s->call.model), period, s->call, s->bill))
        return report(ctx, "an amount is too large for exact arithmetic");
}

void bill_final(sqlite3_context* ctx) {
    auto** slot = static_cast<BillState**>(sqlite3_aggregate_context(ctx, 0));
    if (!slot || !*slot) return sqlite3_result_null(ctx);  // no rows
    std::unique_ptr<BillState> state(*slot);
    *slot = nullptr;
    state->ledger->close(state->until_ms);
    const std::string json = state->summary.json(*state->ledger);
    if (json.empty()) return report(ctx, "an amount is too large for exact arithmetic");
    sqlite3_result_text(ctx, json.data(), int(json.size()), SQLITE_TRANSIENT);
}

constexpr FunctionSpec kBillFunctions[] = {
    {kBill, kReadsDatabase, false, nullptr, guarded<bill_step>, guarded_final<bill_final>},
};

}  // namespace

FunctionList bill_functions() { return {kBillFunctions, sizeof kBillFunctions / sizeof kBillFunctions[0]}; }

}  // namespace maas

// sql_functions.cpp - the scalar SQL functions of sqlite-maas.
//
//   SELECT maas_cost('DeepSeek-R1', 1000000, 1000000);            -- 20.0
//   SELECT maas_training_cost('Qwen3-8B', 'lora', 1000000, 3);    -- 18.0
//   SELECT maas_deployment_cost('DeepSeek-V3', 24, 2);            -- 7200.0
//   SELECT maas_price('Qwen3-30B-A3B', 'input');                  -- 0.00075
//   SELECT maas_model('qwen3-8b');                                -- 'Qwen3-8B'
//
// Conventions, the same for every function:
//   - Strict: any NULL argument gives NULL.
//   - An unknown model, or a known model without that price, gives NULL.
//   - Bad input is an error whose message starts with the function's name and
//     names the argument; so is a wrong number of arguments (the functions are
//     registered variadic so that this message is ours, not SQLite's).
//   - Results are the double nearest the exact decimal cost (pricing.hpp);
//     a cost too large for exact arithmetic is an error, never a wrong number.
//   - No C++ exception leaves a callback: guarded() turns bad_alloc into
//     SQLite's out-of-memory error.
#include "sql_functions.hpp"

#include <cmath>
#include <new>
#include <string>

#include "builtin_card.hpp"
#include "pricing.hpp"
#include "sql_args.hpp"
#include "maas_version.h"

namespace maas {
namespace {

using SqlFunction = void (*)(sqlite3_context*, int, sqlite3_value**);

template <SqlFunction F>
void guarded(sqlite3_context* ctx, int argc, sqlite3_value** argv) noexcept {
    try {
        F(ctx, argc, argv);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
    } catch (...) {
        sqlite3_result_error(ctx, "maas: internal error", -1);
    }
}

const Catalog& catalog_of(sqlite3_context* ctx) {
    return static_cast<ConnectionState*>(sqlite3_user_data(ctx))->catalog();
}

// "maas_cost: expected 3 arguments (model, input_tokens, output_tokens), got 2"
bool check_arity(sqlite3_context* ctx, int argc, const char* function, int least, int most,
                 const char* signature) {
    if (argc >= least && argc <= most) return true;
    std::string message = std::string(function) + ": expected ";
    message += least == most ? std::to_string(least) : std::to_string(least) + " to " + std::to_string(most);
    message += std::string(least == 1 && most == 1 ? " argument " : " arguments ") + signature + ", got " +
               std::to_string(argc);
    sqlite3_result_error(ctx, message.c_str(), int(message.size()));
    return false;
}

void report_cost(sqlite3_context* ctx, Priced priced, const Decimal& cost, const char* function) {
    switch (priced) {
        case Priced::ok: {
            const double value = to_double(cost);
            if (std::isinf(value)) break;  // exact, but beyond any double
            sqlite3_result_double(ctx, value);
            return;
        }
        case Priced::no_price:
            sqlite3_result_null(ctx);
            return;
        case Priced::overflow:
            break;
    }
    std::string message = std::string(function) + ": the cost is too large to compute exactly";
    sqlite3_result_error(ctx, message.c_str(), int(message.size()));
}

void maas_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_cost";
    if (!check_arity(ctx, argc, kName, 3, 3, "(model, input_tokens, output_tokens)")) return;
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    int64_t input_tokens, output_tokens;
    const Model* model;
    if (!read_count(ctx, argv[1], {kName, "input_tokens"}, 0, input_tokens) ||
        !read_count(ctx, argv[2], {kName, "output_tokens"}, 0, output_tokens) ||
        !read_model(ctx, argv[0], {kName, "model"}, catalog_of(ctx), model))
        return;
    if (!model) return sqlite3_result_null(ctx);
    Decimal cost;
    report_cost(ctx, inference_cost(*model, input_tokens, output_tokens, cost), cost, kName);
}

void maas_training_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_training_cost";
    if (!check_arity(ctx, argc, kName, 3, 4, "(model, method, tokens [, epochs])")) return;
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    const Service training = Service::training;
    Item method;
    int64_t tokens, epochs = 1;
    const Model* model;
    if (!read_item(ctx, argv[1], {kName, "method"}, &training, method) ||
        !read_count(ctx, argv[2], {kName, "tokens"}, 0, tokens) ||
        (argc == 4 && !read_count(ctx, argv[3], {kName, "epochs"}, 1, epochs)) ||
        !read_model(ctx, argv[0], {kName, "model"}, catalog_of(ctx), model))
        return;
    if (!model) return sqlite3_result_null(ctx);
    Decimal cost;
    report_cost(ctx, training_cost(*model, method, tokens, epochs, cost), cost, kName);
}

void maas_deployment_cost(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_deployment_cost";
    if (!check_arity(ctx, argc, kName, 2, 3, "(model, hours [, nodes])")) return;
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    Decimal hours;
    int64_t nodes = 1;
    const Model* model;
    if (!read_quantity(ctx, argv[1], {kName, "hours"}, hours) ||
        (argc == 3 && !read_count(ctx, argv[2], {kName, "nodes"}, 1, nodes)) ||
        !read_model(ctx, argv[0], {kName, "model"}, catalog_of(ctx), model))
        return;
    if (!model) return sqlite3_result_null(ctx);
    Decimal cost;
    report_cost(ctx, deployment_cost(*model, hours, nodes, cost), cost, kName);
}

void maas_price(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_price";
    if (!check_arity(ctx, argc, kName, 2, 2, "(model, item)")) return;
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    Item item;
    const Model* model;
    if (!read_item(ctx, argv[1], {kName, "item"}, nullptr, item) ||
        !read_model(ctx, argv[0], {kName, "model"}, catalog_of(ctx), model))
        return;
    const PriceVersion* price = model ? model->current(item) : nullptr;
    if (!price) return sqlite3_result_null(ctx);
    sqlite3_result_double(ctx, to_double(price->price));
}

void maas_model(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    constexpr const char* kName = "maas_model";
    if (!check_arity(ctx, argc, kName, 1, 1, "(name)")) return;
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    const Model* model;
    if (!read_model(ctx, argv[0], {kName, "name"}, catalog_of(ctx), model)) return;
    if (!model) return sqlite3_result_null(ctx);
    // Copied: a result may outlive the catalog snapshot it came from.
    sqlite3_result_text(ctx, model->name.c_str(), int(model->name.size()), SQLITE_TRANSIENT);
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
    const Catalog& catalog = catalog_of(ctx);
    std::string text = std::string("sqlite-maas ") + MAAS_VERSION + "\n";
    text += std::string("build: ") + __DATE__ + " " + __TIME__ + ", " + compiler_text() + ", " +
            MAAS_BUILD_TYPE + "\n";
    text += std::string("sqlite: compiled against ") + SQLITE_VERSION + ", running " + sqlite3_libversion() + "\n";
    text += "card: " + std::string(builtin_card_name()) + ", " + std::to_string(catalog.rows().size()) +
            " lines, " + std::to_string(catalog.models().size()) + " models";
    sqlite3_result_text(ctx, text.c_str(), int(text.size()), SQLITE_TRANSIENT);
}

struct FunctionSpec {
    const char* name;
    SqlFunction function;
};

// Pure functions of the built-in card: the same arguments always give the
// same answer in this process, and they read no files and change nothing,
// so they are safe in indexes, generated columns, views and triggers.
constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

constexpr FunctionSpec kFunctions[] = {
    {"maas_cost", guarded<maas_cost>},
    {"maas_training_cost", guarded<maas_training_cost>},
    {"maas_deployment_cost", guarded<maas_deployment_cost>},
    {"maas_price", guarded<maas_price>},
    {"maas_model", guarded<maas_model>},
    {"maas_version", guarded<maas_version>},
    {"maas_debug", guarded<maas_debug>},
};

}  // namespace

int register_functions(sqlite3* db, ConnectionState* state) {
    for (const FunctionSpec& spec : kFunctions) {
        state->retain();
        const int rc = sqlite3_create_function_v2(db, spec.name, -1, kPure, state, spec.function, nullptr,
                                                  nullptr, ConnectionState::release);
        // On failure SQLite has already called the destructor, dropping the reference.
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

}  // namespace maas

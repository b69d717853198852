// registration.cpp - the one list of what sqlite-maas registers on a
// connection, and its all-or-nothing registration (see registration.hpp).
#include "registration.hpp"

namespace maas {
namespace {

// Every function list and virtual table, in registration order.
FunctionList (*const kFunctionLists[])() = {
    scalar_functions, usage_functions, total_functions, currency_functions,
    time_functions,   exec_functions,  bill_functions,
#ifndef MAAS_NO_FILESYSTEM
    file_functions,
#endif
};

const ModuleSpec* module_specs(size_t& count) {
    static const ModuleSpec kModules[] = {
        {"maas_rates", rates_module()},
        {"maas_aliases", aliases_module()},
    };
    count = sizeof kModules / sizeof kModules[0];
    return kModules;
}

int register_function(sqlite3* db, ConnectionState* state, const FunctionSpec& spec) {
    void* binding = state->binding(spec.builtin_only);
    state->retain();  // dropped by SQLite's destructor call, also when registration fails
    if (spec.value && spec.inverse)
        return sqlite3_create_window_function(db, spec.name, -1, spec.flags, binding, spec.step, spec.final, spec.value,
                                              spec.inverse, ConnectionState::release_binding);
    return sqlite3_create_function_v2(db, spec.name, -1, spec.flags, binding, spec.scalar, spec.step, spec.final,
                                      ConnectionState::release_binding);
}

void unregister_everything(sqlite3* db) {
    for (auto list : kFunctionLists)
        for (const FunctionSpec& spec : list())
            sqlite3_create_function_v2(db, spec.name, -1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    size_t count;
    const ModuleSpec* specs = module_specs(count);
    for (size_t i = 0; i < count; ++i) sqlite3_create_module_v2(db, specs[i].name, nullptr, nullptr, nullptr);
}

int register_everything(sqlite3* db, ConnectionState* state) {
    for (auto list : kFunctionLists)
        for (const FunctionSpec& spec : list())
            if (const int rc = register_function(db, state, spec); rc != SQLITE_OK) return rc;
    size_t count;
    const ModuleSpec* specs = module_specs(count);
    for (size_t i = 0; i < count; ++i) {
        state->retain();
        const int rc = sqlite3_create_module_v2(db, specs[i].name, specs[i].module, state->binding(false),
                                                ConnectionState::release_binding);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

}  // namespace

int register_all(sqlite3* db, ConnectionState* state) {
    const int rc = register_everything(db, state);
    if (rc != SQLITE_OK) unregister_everything(db);
    return rc;
}

}  // namespace maas

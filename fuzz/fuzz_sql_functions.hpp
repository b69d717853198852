// fuzz_sql_functions.hpp - the SQL functions fuzz_sql calls, one list.
// fuzz_sql.cpp runs only these names; tests/sqlite/test_fuzz_functions.cpp
// (ctest, no clang needed) holds the list to pragma_function_list of the
// built module, so a new function fails there until it is added here.
#pragma once

namespace fuzz_sql {

inline constexpr const char* kFunctions[] = {"maas_cost",
                                             "maas_builtin_cost",
                                             "maas_cost_cached",
                                             "maas_builtin_cost_cached",
                                             "maas_training_cost",
                                             "maas_builtin_training_cost",
                                             "maas_deployment_cost",
                                             "maas_builtin_deployment_cost",
                                             "maas_price",
                                             "maas_builtin_price",
                                             "maas_model",
                                             "maas_builtin_model",
                                             "maas_usage_cost",
                                             "maas_usage_tokens",
                                             "maas_usage_problem",
                                             "maas_load_card",
                                             "maas_version",
                                             "maas_debug",
                                             "maas_total",
                                             "maas_total_text",
                                             "maas_round_text",
                                             "maas_currency",
                                             "maas_unpriced",
                                             "maas_convert",
                                             "maas_month",
                                             "maas_instant",
                                             "maas_exec",
                                             "maas_bill_json"};

// The virtual tables, queried by the lines 'rates [column ...]' and 'aliases'.
inline constexpr const char* kTables[] = {"rates", "aliases"};

}  // namespace fuzz_sql

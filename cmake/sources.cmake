# sources.cmake - the one list of the extension's sources and embedded data,
# shared by the main build (CMakeLists.txt) and the fuzz build (fuzz/).
#
#   set(MAAS_ROOT ${CMAKE_CURRENT_SOURCE_DIR})   # the checkout
#   include(${MAAS_ROOT}/cmake/sources.cmake)
#   add_library(x STATIC ${MAAS_CORE_SOURCES} ${MAAS_SQLITE_SOURCES})
#
# Defines:
#   MAAS_VERSION_TEXT      the contents of VERSION ("0.1.0"), the one home of the version
#   MAAS_CORE_SOURCES      extension/core/: plain C++, no SQLite, in rooms (MAAS_CORE_ROOMS)
#   MAAS_CORE_INCLUDE_DIRS each room's folder
#   MAAS_CARD_PARSER_SOURCES  the part of it builtin_card_codegen is built from
#   MAAS_SQLITE_SOURCES    extension/sqlite/: everything that talks to SQLite
#   MAAS_SQLITE_FILE_SOURCES  the part of it that reads files (not in maas_nofs)
#   MAAS_EMBEDDED_DATA     pairs "data file;function": each data file becomes
#                          a generated source defining maas::<function>_text()
#   maas_embedded_sources(OUT_VAR GENERATED_DIR)  the build rules for them, and
#                          for builtin_card_lines.cpp: the built-in card and
#                          aliases, checked and compiled by the host tool
#                          builtin_card_codegen (extension/tools/)

# The core's rooms, one folder per concern; each room's files include only
# the rooms cmake/check_layers.cmake allows it.  Every room is on the
# include path, so a file names a header by its name alone.
set(MAAS_CORE_ROOMS base money time bill cards usage pricing)
set(MAAS_CORE_INCLUDE_DIRS)
foreach(room ${MAAS_CORE_ROOMS})
  list(APPEND MAAS_CORE_INCLUDE_DIRS ${MAAS_ROOT}/extension/core/${room})
endforeach()

file(STRINGS ${MAAS_ROOT}/VERSION MAAS_VERSION_TEXT LIMIT_COUNT 1)
if(NOT MAAS_VERSION_TEXT MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "VERSION must hold one version such as 0.1.0, not '${MAAS_VERSION_TEXT}'")
endif()

# The part of the core builtin_card_codegen is built from: the card and
# alias parsers (with the condition grammar card lines carry), and the
# catalog, which checks what no single line shows (an alias of an unknown
# model, two spellings of one name, a pack of an unknown model).
set(MAAS_CARD_PARSER_SOURCES
  ${MAAS_ROOT}/extension/core/base/vocabulary.cpp
  ${MAAS_ROOT}/extension/core/base/utf8_text.cpp
  ${MAAS_ROOT}/extension/core/money/decimal.cpp
  ${MAAS_ROOT}/extension/core/money/double_to_decimal.cpp
  ${MAAS_ROOT}/extension/core/time/time_text.cpp
  ${MAAS_ROOT}/extension/core/cards/condition.cpp
  ${MAAS_ROOT}/extension/core/cards/csv_table.cpp
  ${MAAS_ROOT}/extension/core/cards/card.cpp
  ${MAAS_ROOT}/extension/core/cards/card_merge.cpp
  ${MAAS_ROOT}/extension/core/cards/name_index.cpp
  ${MAAS_ROOT}/extension/core/cards/quick_prices.cpp
  ${MAAS_ROOT}/extension/core/money/fx_rates.cpp
  ${MAAS_ROOT}/extension/core/bill/packs.cpp
  ${MAAS_ROOT}/extension/core/cards/aliases.cpp
  ${MAAS_ROOT}/extension/core/cards/catalog.cpp
  ${MAAS_ROOT}/extension/core/cards/catalog_packs.cpp)

set(MAAS_CORE_SOURCES
  ${MAAS_CARD_PARSER_SOURCES}
  ${MAAS_ROOT}/extension/core/money/exact_sum.cpp
  ${MAAS_ROOT}/extension/core/bill/pack_ledger.cpp
  ${MAAS_ROOT}/extension/core/bill/bill_summary.cpp
  ${MAAS_ROOT}/extension/core/pricing/pricing.cpp
  ${MAAS_ROOT}/extension/core/cards/other_products.cpp
  ${MAAS_ROOT}/extension/core/usage/clickhouse_map.cpp
  ${MAAS_ROOT}/extension/core/usage/usage_details.cpp
  ${MAAS_ROOT}/extension/core/usage/json_reader.cpp
  ${MAAS_ROOT}/extension/core/usage/flat_counts.cpp
  ${MAAS_ROOT}/extension/core/usage/usage_json.cpp
  ${MAAS_ROOT}/extension/core/usage/usage_memo.cpp
  ${MAAS_ROOT}/extension/core/cards/builtin_card.cpp)

set(MAAS_SQLITE_SOURCES
  ${MAAS_ROOT}/extension/sqlite/extension.cpp
  ${MAAS_ROOT}/extension/sqlite/registration.cpp
  ${MAAS_ROOT}/extension/sqlite/failure.cpp
  ${MAAS_ROOT}/extension/sqlite/sql_args.cpp
  ${MAAS_ROOT}/extension/sqlite/model_lookup.cpp
  ${MAAS_ROOT}/extension/sqlite/cost_result.cpp
  ${MAAS_ROOT}/extension/sqlite/sql_functions.cpp
  ${MAAS_ROOT}/extension/sqlite/usage_args.cpp
  ${MAAS_ROOT}/extension/sqlite/usage_functions.cpp
  ${MAAS_ROOT}/extension/sqlite/currency_functions.cpp
  ${MAAS_ROOT}/extension/sqlite/total_functions.cpp
  ${MAAS_ROOT}/extension/sqlite/time_functions.cpp
  ${MAAS_ROOT}/extension/sqlite/exec_function.cpp
  ${MAAS_ROOT}/extension/sqlite/bill_function.cpp
  ${MAAS_ROOT}/extension/sqlite/connection.cpp
  ${MAAS_ROOT}/extension/sqlite/price_freshness.cpp
  ${MAAS_ROOT}/extension/sqlite/statement_cache.cpp
  ${MAAS_ROOT}/extension/sqlite/user_tables.cpp
  ${MAAS_ROOT}/extension/sqlite/rates_vtab.cpp
  ${MAAS_ROOT}/extension/sqlite/aliases_vtab.cpp)

# The one source that touches the filesystem (maas_load_card); the nofs
# module is MAAS_SQLITE_SOURCES without it.
set(MAAS_SQLITE_FILE_SOURCES
  ${MAAS_ROOT}/extension/sqlite/load_card.cpp)

set(MAAS_BUILTIN_CARD data/xingchen_rates.csv)
set(MAAS_BUILTIN_ALIASES data/aliases.csv)
set(MAAS_EMBEDDED_DATA
  "${MAAS_BUILTIN_CARD};builtin_card"
  "${MAAS_BUILTIN_ALIASES};builtin_aliases"
  "data/other_products.csv;builtin_other_products")

function(maas_embedded_sources out_var generated_dir)
  set(outputs)
  set(pairs ${MAAS_EMBEDDED_DATA})
  list(LENGTH pairs count)
  math(EXPR last "${count} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET pairs ${i} data_file)
    list(GET pairs ${j} function)
    set(output ${generated_dir}/${function}_data.cpp)
    add_custom_command(
      OUTPUT ${output}
      COMMAND ${CMAKE_COMMAND} -DINPUT=${MAAS_ROOT}/${data_file} -DNAME=${data_file}
              -DFUNCTION=${function} -DOUTPUT=${output} -P ${MAAS_ROOT}/cmake/embed_file.cmake
      DEPENDS ${MAAS_ROOT}/${data_file} ${MAAS_ROOT}/cmake/embed_file.cmake
      COMMENT "Embedding ${data_file}"
      VERBATIM)
    list(APPEND outputs ${output})
  endforeach()

  # The built-in card's lines, checked at build time: a host tool, built
  # first, parses the files and writes them as constant data.
  add_executable(builtin_card_codegen ${MAAS_ROOT}/extension/tools/builtin_card_codegen.cpp
    ${MAAS_CARD_PARSER_SOURCES})
  target_include_directories(builtin_card_codegen PRIVATE ${MAAS_CORE_INCLUDE_DIRS})
  set(lines_output ${generated_dir}/builtin_card_lines.cpp)
  add_custom_command(
    OUTPUT ${lines_output}
    COMMAND builtin_card_codegen ${MAAS_ROOT}/${MAAS_BUILTIN_CARD} ${MAAS_BUILTIN_CARD}
            ${MAAS_ROOT}/${MAAS_BUILTIN_ALIASES} ${MAAS_BUILTIN_ALIASES} ${lines_output}
    DEPENDS builtin_card_codegen ${MAAS_ROOT}/${MAAS_BUILTIN_CARD} ${MAAS_ROOT}/${MAAS_BUILTIN_ALIASES}
    COMMENT "Checking ${MAAS_BUILTIN_CARD} and ${MAAS_BUILTIN_ALIASES}, compiling their lines"
    VERBATIM)
  list(APPEND outputs ${lines_output})
  set(${out_var} ${outputs} PARENT_SCOPE)
endfunction()

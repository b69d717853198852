# run_builtin_card_codegen.cmake - run the build's card generator
# (extension/tools/builtin_card_codegen.cpp) on a card and an alias file
# that must be refused, and check how:
#
#   cmake -DTOOL=build/builtin_card_codegen -DCARD=tests/tools/codegen/bad_price.csv
#         -DALIASES=data/aliases.csv -DEXPECTED_ERROR=tests/tools/codegen/bad_price.expected
#         -DWORK_DIR=build/tests/tools -P tests/tools/run_builtin_card_codegen.cmake
#
# Refused means: exit status 1, stderr equal to EXPECTED_ERROR byte for
# byte, and no output file (not even a half one the next build could take
# for up to date).  CARD and ALIASES are relative to the project root and
# given to the tool as their own names, so its messages name them.
cmake_minimum_required(VERSION 3.16)
get_filename_component(root ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
foreach(var TOOL CARD ALIASES EXPECTED_ERROR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_builtin_card_codegen.cmake: -D${var}=... is required")
  endif()
endforeach()
get_filename_component(name ${EXPECTED_ERROR} NAME_WE)
set(output ${WORK_DIR}/codegen_${name}.cpp)
file(REMOVE ${output} ${output}.tmp)
execute_process(
  COMMAND ${TOOL} ${root}/${CARD} ${CARD} ${root}/${ALIASES} ${ALIASES} ${output}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${root}/${EXPECTED_ERROR} expected)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "builtin_card_codegen exited with '${status}', not 1; stderr:\n${err}")
endif()
if(NOT err STREQUAL expected)
  message(FATAL_ERROR "stderr differs from ${EXPECTED_ERROR}:\n--- got\n${err}--- expected\n${expected}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "stdout is not empty:\n${out}")
endif()
if(EXISTS ${output} OR EXISTS ${output}.tmp)
  message(FATAL_ERROR "a refused card left ${output}")
endif()

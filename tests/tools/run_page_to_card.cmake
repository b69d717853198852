# run_page_to_card.cmake - run scripts/page_to_card.py on one page and check
# what it does, in one of two ways:
#
#   cmake -DPYTHON=/usr/bin/python3 -DPAGE=data/pages/xingchen_2025-07-08.md \
#         -DEXPECTED_CARD=data/xingchen_rates.csv -P tests/tools/run_page_to_card.cmake
#     The page is accepted: exit status 0, nothing on stderr, and stdout equals
#     EXPECTED_CARD byte for byte.
#
#   cmake -DPYTHON=/usr/bin/python3 -DPAGE=tests/tools/pages/new_service.md \
#         -DEXPECTED_ERROR=tests/tools/pages/new_service.expected -P tests/tools/run_page_to_card.cmake
#     The page is refused: exit status 1, nothing at all on stdout (no half
#     card), and stderr equals EXPECTED_ERROR byte for byte.
#
# The tool runs from the project root with PAGE as given, so relative paths
# are relative to the project root and the messages name the page by that
# path ("page_to_card: tests/tools/pages/new_service.md:8: ...").  Output
# goes to WORK_DIR (default: the current directory) as NAME.stdout and
# NAME.stderr, kept for a look when a test fails.
cmake_minimum_required(VERSION 3.16)
get_filename_component(root ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
foreach(var PYTHON PAGE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_page_to_card.cmake: -D${var}=... is required")
  endif()
endforeach()
if((DEFINED EXPECTED_CARD AND DEFINED EXPECTED_ERROR) OR (NOT DEFINED EXPECTED_CARD AND NOT DEFINED EXPECTED_ERROR))
  message(FATAL_ERROR "run_page_to_card.cmake: give one of -DEXPECTED_CARD=... and -DEXPECTED_ERROR=...")
endif()
if(NOT WORK_DIR)
  set(WORK_DIR ${CMAKE_CURRENT_BINARY_DIR})
endif()

get_filename_component(name ${PAGE} NAME_WE)
set(stdout_file ${WORK_DIR}/${name}.stdout)
set(stderr_file ${WORK_DIR}/${name}.stderr)
execute_process(COMMAND ${PYTHON} ${root}/scripts/page_to_card.py ${PAGE}
  WORKING_DIRECTORY ${root}
  OUTPUT_FILE ${stdout_file}
  ERROR_FILE ${stderr_file}
  RESULT_VARIABLE status)
file(READ ${stdout_file} stdout)
file(READ ${stderr_file} stderr)
file(SIZE ${stdout_file} stdout_size)
set(report "--- exit status: ${status}\n--- stdout (${stdout_file}, ${stdout_size} bytes) ---\n${stdout}--- stderr (${stderr_file}) ---\n${stderr}")

if(DEFINED EXPECTED_CARD)
  get_filename_component(expected ${EXPECTED_CARD} ABSOLUTE BASE_DIR ${root})
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${stdout_file} ${expected}
    RESULT_VARIABLE differs)
  if(NOT status EQUAL 0 OR NOT stderr STREQUAL "" OR differs)
    message("${report}")
    message(FATAL_ERROR "${PAGE} should give ${EXPECTED_CARD} byte for byte, with exit status 0 "
      "and nothing on stderr")
  endif()
else()
  get_filename_component(expected ${EXPECTED_ERROR} ABSOLUTE BASE_DIR ${root})
  file(READ ${expected} expected_error)
  if(NOT status EQUAL 1 OR NOT stdout_size EQUAL 0 OR NOT stderr STREQUAL expected_error)
    message("${report}--- expected stderr (${EXPECTED_ERROR}) ---\n${expected_error}")
    message(FATAL_ERROR "${PAGE} should be refused: exit status 1, nothing on stdout, "
      "stderr exactly ${EXPECTED_ERROR}")
  endif()
endif()

# run_shell_test.cmake - run one SQL file through the sqlite3 shell with the
# module loaded, and compare everything it prints with the expected file.
#
#   cmake -DSHELL=/usr/bin/sqlite3 -DMODULE=build/maas.so -DSQL=tests/shell/x.sql \
#         -DEXPECTED=tests/shell/x.expected [-DWRAPPER="valgrind;-q"] [-DACTUAL_DIR=build/tests] \
#         -P cmake/run_shell_test.cmake
#
# The shell runs from the project root, so files can `.read sql/...` and
# `.read examples/...` by their paths in the repository.
set(command ${SHELL} -batch -cmd ".load ${MODULE}" :memory:)
if(WRAPPER)
  set(command ${WRAPPER} ${command})
endif()
execute_process(COMMAND ${command}
  INPUT_FILE ${SQL}
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output
  RESULT_VARIABLE status)
file(READ ${EXPECTED} expected)
if(NOT output STREQUAL expected)
  get_filename_component(name ${SQL} NAME_WE)
  if(NOT ACTUAL_DIR)
    set(ACTUAL_DIR ${CMAKE_CURRENT_BINARY_DIR})
  endif()
  file(WRITE ${ACTUAL_DIR}/${name}.actual "${output}")
  message(FATAL_ERROR "output of ${SQL} differs from ${EXPECTED} (exit status ${status}).\n"
    "--- actual (also in ${ACTUAL_DIR}/${name}.actual) ---\n${output}\n"
    "--- expected ---\n${expected}")
endif()

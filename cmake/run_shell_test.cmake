# run_shell_test.cmake - run one SQL file through the sqlite3 shell with the
# module loaded, and compare everything it prints with the expected file.
#
#   cmake -DSHELL=/usr/bin/sqlite3 -DMODULE=build/maas.so -DSQL=tests/shell/x.sql \
#         -DEXPECTED=tests/shell/x.expected [-DWRAPPER="valgrind;-q"] [-DACTUAL_DIR=build/tests] \
#         -P cmake/run_shell_test.cmake
#
# The shell runs from the project root, so files can `.read sql/...` and
# `.read examples/...` by their paths in the repository.
#
# The test passes when the output (stdout and stderr together) equals the
# expected file AND the shell's exit status is what the test expects.  The
# sqlite3 shell runs every statement of a script, goes on after an error and
# exits 1 if any failed; so by default a test must exit 0: an SQL error fails
# the test even when its message is in the expected file.  A test that means
# to print errors (a wrong argument, a refused table) says so with the line
#
#   -- expect: error
#
# (optionally followed by a note: `-- expect: error (the bad-input checks)`)
# among its leading comment lines, before its first line of SQL or
# dot-command; it must then exit non-zero, so a marker that no longer holds
# fails too.
#
# The shell names the line of the script an error came from ("Runtime error
# near line 42: ..."): the number is replaced by N before comparing, so that
# editing a comment above a statement does not break the test; the message
# itself is compared whole.
set(command ${SHELL} -batch -cmd ".load ${MODULE}" :memory:)
if(WRAPPER)
  set(command ${WRAPPER} ${command})
endif()

# The marker: a line "-- expect: error" in the leading block of comment and
# blank lines.
# (Read whole and split at newlines: file(STRINGS) would also split at
# semicolons and at bytes that are not ASCII.)
file(READ ${SQL} text)
string(REGEX REPLACE "[][;\\]" " " text "${text}")
string(REPLACE "\n" ";" lines "${text}")
set(expect_error FALSE)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES "^--")
    break()
  endif()
  if(line MATCHES "^--[ \t]*expect:[ \t]*error([ \t].*)?$")
    set(expect_error TRUE)
  endif()
endforeach()

execute_process(COMMAND ${command}
  INPUT_FILE ${SQL}
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output
  RESULT_VARIABLE status)
string(REGEX REPLACE "near line [0-9]+:" "near line N:" output "${output}")
file(READ ${EXPECTED} expected)
get_filename_component(name ${SQL} NAME_WE)
if(NOT ACTUAL_DIR)
  set(ACTUAL_DIR ${CMAKE_CURRENT_BINARY_DIR})
endif()
if(NOT output STREQUAL expected)
  file(WRITE ${ACTUAL_DIR}/${name}.actual "${output}")
  message(FATAL_ERROR "output of ${SQL} differs from ${EXPECTED} (exit status ${status}).\n"
    "--- actual (also in ${ACTUAL_DIR}/${name}.actual) ---\n${output}\n"
    "--- expected ---\n${expected}")
endif()
if(expect_error AND status EQUAL 0)
  message(FATAL_ERROR "${SQL} says `-- expect: error`, but the shell exited 0: no statement failed.\n"
    "Remove the marker if the test no longer prints an error.")
elseif(NOT expect_error AND NOT status EQUAL 0)
  message(FATAL_ERROR "the sqlite3 shell exited with status ${status} on ${SQL}: a statement failed "
    "(see its message in the output), although the output matches ${EXPECTED}.\n"
    "If the test means to print an error, put the line `-- expect: error` in its leading comment.\n"
    "--- output ---\n${output}")
endif()

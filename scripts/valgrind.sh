#!/usr/bin/env bash
# valgrind.sh - run the SQL tests, the robustness tests and the shell tests
# under valgrind (memcheck, full leak check) against an ordinary build, and
# fail on any error or definite/indirect leak.
#
#   bash scripts/valgrind.sh            # uses build/ (built first if needed)
#   bash scripts/valgrind.sh build-x    # another build directory
#
# Runs: build/tests/sqlite_tests, build/tests/robust/robust_tests,
# build/tests/robust/thread_tests (fewer rounds: valgrind runs threads one
# at a time), the quick cases of build/tests/robust/oom_tests (the long
# loops run in the normal and ASan suites), and every tests/shell/*.sql
# through the sqlite3 shell with the module loaded (valgrind wraps the shell:
# any report changes the output, which must equal the .expected file).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bash scripts/install-deps.sh --extra valgrind
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -DMAAS_TESTS=ON >/dev/null
fi
cmake --build "$build" -j "$(nproc)"

# --keep-debuginfo: the shell unloads maas.so at exit, before the leak check;
# without it the frames of a leak in the module would be unnamed (and
# scripts/valgrind.supp could not name the one allocation it excuses).
valgrind_args=(--error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
               --show-leak-kinds=definite,indirect --track-origins=yes -q --keep-debuginfo=yes
               --suppressions=scripts/valgrind.supp)
start=$SECONDS
status=0
run() {  # name, command...
  local name=$1
  shift
  local t0=$SECONDS
  if valgrind "${valgrind_args[@]}" "$@" >"$build/valgrind-$name.log" 2>&1; then
    echo "valgrind: $name: no error, no leak ($((SECONDS - t0)) s; $(grep -a -E '^(All tests passed|test cases:)' "$build/valgrind-$name.log" | tail -1 || true))"
  else
    status=1
    echo "valgrind: $name: FAILED ($((SECONDS - t0)) s); see $build/valgrind-$name.log:"
    grep -a -E '==[0-9]+==|FAILED|test cases:' "$build/valgrind-$name.log" | head -40 || true
  fi
}

# Three SQL tests read REAL literals at the edge of the double range
# ('1e300', 1e308): SQLite parses them in long double, which valgrind
# emulates with double precision, so they differ in the last bit under
# valgrind only (1e308 reads as 1.0000000000000006e308).
run sqlite_tests "$build/tests/sqlite_tests" "~token counts must be non-negative integers" \
  "~costs too large for exact arithmetic are errors\, never wrapped numbers" \
  "~a sum beyond exact range is an error\, never a wrong number"
# The heap-bound test makes 2,000 calls with 1 MiB arguments and measures
# the heap with mallinfo2 (valgrind replaces the allocator, so it would
# measure nothing while taking many minutes): the plain build runs it.
run robust_tests "$build/tests/robust/robust_tests" "~[heavy]"
# These two replace operator new (to count or to fail allocations): valgrind
# must leave the executable's own allocation functions alone.
valgrind_args+=(--soname-synonyms=somalloc=nouserintercepts)
# The WAL test of 8 readers against a writer that flips the prices is left
# to the plain, ASan and TSan runs: valgrind runs one thread at a time, and
# with the readers re-checking the user tables after every flip it does not
# finish in minutes.  The 100-connection load test stays.
run thread_tests "$build/tests/robust/thread_tests" "~8 connections price one WAL database*"
run oom_tests "$build/tests/robust/oom_tests" \
  "regression: a load that fails*,regression: a UTF-16*,regression: the usage parser*"

shell=$(command -v sqlite3)
mkdir -p "$build/valgrind-shell"
for sql in tests/shell/*.sql; do
  name=$(basename "$sql" .sql)
  t0=$SECONDS
  if cmake -DSHELL="$shell" -DMODULE="$build/maas.so" -DSQL="$sql" -DEXPECTED="tests/shell/$name.expected" \
       "-DWRAPPER=valgrind;--error-exitcode=1;--leak-check=full;--errors-for-leak-kinds=definite,indirect;--show-leak-kinds=definite,indirect;-q;--keep-debuginfo=yes;--suppressions=$PWD/scripts/valgrind.supp" \
       -DACTUAL_DIR="$build/valgrind-shell" -P cmake/run_shell_test.cmake >"$build/valgrind-shell/$name.log" 2>&1; then
    echo "valgrind: shell:$name: no error, no leak ($((SECONDS - t0)) s)"
  else
    status=1
    echo "valgrind: shell:$name: FAILED ($((SECONDS - t0)) s):"
    head -40 "$build/valgrind-shell/$name.log" || true
  fi
done
echo "valgrind: done in $((SECONDS - start)) s"
exit $status

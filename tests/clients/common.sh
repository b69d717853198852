# shellcheck shell=bash
# common.sh - sourced by the tests in tests/clients/: paths and checks.
#
#   MAAS_BUILD_DIR   the CMake build tree with maas.so and libmaas_static.a
#                    (default: build); scripts/clients.sh sets it.
#   MAAS_ROOT        the repository (default: found from this file)
# Sets MAAS_VERSION from VERSION, the one home of the version: an expected
# output (tests/clients/expected/*.txt) writes the version as @VERSION@.
# Each check prints "ok: ..." or "FAIL: ..." and a failure ends the test.
set -euo pipefail
MAAS_ROOT=${MAAS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
MAAS_BUILD_DIR=${MAAS_BUILD_DIR:-$MAAS_ROOT/build}
case $MAAS_BUILD_DIR in /*) ;; *) MAAS_BUILD_DIR=$MAAS_ROOT/$MAAS_BUILD_DIR ;; esac
MODULE=$MAAS_BUILD_DIR/maas.so
export MODULE
MAAS_VERSION=$(head -n 1 "$MAAS_ROOT/VERSION")
export MAAS_ROOT MAAS_BUILD_DIR MAAS_VERSION
cd "$MAAS_ROOT"

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# expect_eq WHAT ACTUAL EXPECTED
expect_eq() {
  if [[ "$2" == "$3" ]]; then ok "$1 = $3"; else fail "$1: expected [$3], got [$2]"; fi
}

# expect_contains WHAT TEXT NEEDLE
expect_contains() {
  if [[ "$2" == *"$3"* ]]; then ok "$1 has [$3]"; else fail "$1: expected [$3] in [$2]"; fi
}

# expect_file_eq WHAT ACTUAL_FILE EXPECTED_FILE  (@VERSION@ in EXPECTED_FILE is the version)
expect_file_eq() {
  local name=$3
  [[ $name == /tmp/* || $name == "${TMPDIR:-/tmp}"/* ]] && name="the expected output"
  if sed "s/@VERSION@/$MAAS_VERSION/g" "$3" | diff -u - "$2" >&2; then ok "$1 matches ${name#"$MAAS_ROOT"/}"
  else fail "$1 differs from ${name#"$MAAS_ROOT"/} (diff above)"; fi
}

need_module() {
  [[ -f $MODULE ]] || fail "no $MODULE: build first (cmake -S . -B build && cmake --build build) or set MAAS_BUILD_DIR"
}

# A scratch directory removed when the test ends.
scratch() {
  SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/maas-clients.XXXXXX")
  trap 'rm -rf "$SCRATCH"' EXIT
}

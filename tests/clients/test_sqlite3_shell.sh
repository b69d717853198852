#!/usr/bin/env bash
# test_sqlite3_shell.sh - the sqlite3 shell: .load from the build tree and
# from an installed prefix, the example, and the entry-point rules.
source "$(dirname "$0")/common.sh"
need_module
scratch
command -v sqlite3 >/dev/null || fail "no sqlite3 shell (apt-get install sqlite3)"

q() { sqlite3 -batch -cmd ".load $1" :memory: "$2" 2>&1; }

expect_eq ".load build/maas (no suffix): maas_cost('DeepSeek-R1', 1e6, 1e6)" \
  "$(q "$MAAS_BUILD_DIR/maas" "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)")" "20.0"
expect_eq ".load build/maas.so: count(*) FROM maas_rates" \
  "$(q "$MODULE" "SELECT count(*) FROM maas_rates")" "131"
expect_eq "relative .load ./build/maas" \
  "$(cd "$MAAS_BUILD_DIR" && sqlite3 -batch -cmd '.load ./maas' :memory: "SELECT maas_version()")" \
  "$(q "$MODULE" "SELECT maas_version()")"

sqlite3 -batch -cmd ".load $MAAS_BUILD_DIR/maas" :memory: ".read examples/clients/sqlite3/example.sql" \
  > "$SCRATCH/example.out" 2>&1
expect_file_eq "examples/clients/sqlite3/example.sql" "$SCRATCH/example.out" tests/clients/expected/sqlite3.txt

# From an installed prefix (the same rules as the .deb, under a scratch prefix).
cmake --install "$MAAS_BUILD_DIR" --prefix "$SCRATCH/prefix" >/dev/null
installed=$(find "$SCRATCH/prefix" -path '*/sqlite3/maas.so' | head -1)
[[ -n $installed ]] || fail "cmake --install put no sqlite3/maas.so under the prefix"
expect_eq ".load from the installed path ${installed#"$SCRATCH"/prefix/}" \
  "$(q "${installed%.so}" "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)")" "20.0"

# Entry point: derived from the file name, so a renamed copy fails ...
cp "$MODULE" "$SCRATCH/sqlite-maas.so"
expect_contains "renamed copy sqlite-maas.so" "$(q "$SCRATCH/sqlite-maas" "SELECT 1" || true)" \
  "undefined symbol: sqlite3_sqlitemaas_init"
# ... unless the entry point is named: .load FILE ENTRY, or load_extension(FILE, ENTRY).
expect_eq ".load sqlite-maas.so sqlite3_maas_init" \
  "$(q "$SCRATCH/sqlite-maas.so sqlite3_maas_init" "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)")" "20.0"
expect_eq "SELECT load_extension('sqlite-maas.so', 'sqlite3_maas_init')" \
  "$(sqlite3 -batch :memory: "SELECT load_extension('$SCRATCH/sqlite-maas.so', 'sqlite3_maas_init')" \
       "SELECT count(*) FROM maas_rates" 2>&1 | tail -1)" "131"
# 'lib', digits and punctuation are dropped: libmaas-0.1.so still means sqlite3_maas_init.
cp "$MODULE" "$SCRATCH/libmaas-0.1.so"
expect_eq "copy named libmaas-0.1.so" "$(q "$SCRATCH/libmaas-0.1.so" "SELECT maas_version()")" \
  "$(q "$MODULE" "SELECT maas_version()")"
# -safe refuses .load altogether.
expect_contains "sqlite3 -safe" "$(sqlite3 -safe :memory: ".load $MODULE" 2>&1 || true)" "cannot run .load in safe mode"

# An SQLite older than 3.37.0 is refused with a message.  The running version
# comes from sqlite3_libversion_number(), which a preloaded shim can answer.
printf 'int sqlite3_libversion_number(void) { return 3031001; }\n' > "$SCRATCH/old_sqlite.c"
cc -shared -fPIC -o "$SCRATCH/old_sqlite.so" "$SCRATCH/old_sqlite.c"
expect_eq "SQLite 3.31.1 (simulated)" \
  "$(LD_PRELOAD=$SCRATCH/old_sqlite.so sqlite3 -batch :memory: ".load $MODULE" 2>&1 || true)" \
  "Error: error during initialization: maas: SQLite 3.37.0 or newer is required, this is 3.31.1"
# No / in the path: the library path is searched, not the current directory.
expect_contains ".load maas in the build directory" \
  "$(cd "$MAAS_BUILD_DIR" || exit; sqlite3 -batch :memory: ".load maas" 2>&1 || true)" \
  "maas.so: cannot open shared object file"

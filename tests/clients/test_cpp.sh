#!/usr/bin/env bash
# test_cpp.sh - examples/clients/cpp: a C++ program that links the installed
# static library and registers it with sqlite3_auto_extension, built twice,
# by a CMake project (find_package(sqlite-maas)) and by make + pkg-config,
# and run: its output must be tests/clients/expected/cpp.txt.
source "$(dirname "$0")/common.sh"
need_module
scratch
prefix=$SCRATCH/prefix
cmake --install "$MAAS_BUILD_DIR" --prefix "$prefix" > /dev/null
pc=$(find "$prefix" -name sqlite-maas.pc | head -1)
[[ -n $pc ]] || fail "no sqlite-maas.pc installed"

expected=$SCRATCH/expected.txt
sed "s/^sqlite-maas \([^,]*\), SQLite .*/sqlite-maas \1, SQLite $(pkg-config --modversion sqlite3)/" \
  tests/clients/expected/cpp.txt > "$expected"

cmake -S examples/clients/cpp -B "$SCRATCH/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" > "$SCRATCH/configure.log" 2>&1 ||
  { cat "$SCRATCH/configure.log" >&2; fail "configuring examples/clients/cpp (find_package)"; }
cmake --build "$SCRATCH/cmake-build" > "$SCRATCH/build.log" 2>&1 ||
  { cat "$SCRATCH/build.log" >&2; fail "building examples/clients/cpp (find_package)"; }
"$SCRATCH/cmake-build/price_usage" > "$SCRATCH/cmake.out"
expect_file_eq "price_usage built with find_package(sqlite-maas)" "$SCRATCH/cmake.out" "$expected"

PKG_CONFIG_PATH=$(dirname "$pc") make -s -C examples/clients/cpp OUT="$SCRATCH/price_usage_pc" > "$SCRATCH/make.log" 2>&1 ||
  { cat "$SCRATCH/make.log" >&2; fail "building examples/clients/cpp (make + pkg-config)"; }
"$SCRATCH/price_usage_pc" > "$SCRATCH/pc.out"
expect_file_eq "price_usage built with pkg-config" "$SCRATCH/pc.out" "$expected"

# It links SQLite itself and loads no extension file.
libs=$(ldd "$SCRATCH/price_usage_pc")  # (not piped into grep -q: under pipefail, SIGPIPE fails the pipe)
[[ $libs == *libsqlite3* ]] || fail "price_usage does not link libsqlite3"
[[ $libs != *maas* ]] || fail "price_usage depends on a maas shared object"
ok "price_usage links libsqlite3 and the static sqlite-maas (no maas.so)"
expect_eq "maas_cost('DeepSeek-R1', 1000000, 1000000) in the program" \
  "$(grep '^DeepSeek-R1, 1M' "$SCRATCH/pc.out" | cut -d'|' -f2)" "20.0"

#!/usr/bin/env bash
# test_install.sh - `cmake --install` lays out the module, the static
# library, the headers, sqlite-maas.pc and the CMake package, and they work
# from where they land (and from a moved prefix: both are relocatable).
source "$(dirname "$0")/common.sh"
need_module
scratch
prefix=$SCRATCH/prefix
grep -q 'maas.so' "$MAAS_BUILD_DIR/cmake_install.cmake" ||
  fail "$MAAS_BUILD_DIR has no install rules: the top-level CMakeLists.txt includes cmake/install.cmake; reconfigure it"
cmake --install "$MAAS_BUILD_DIR" --prefix "$prefix" > "$SCRATCH/install.log"
libdir=""
for d in lib/*-linux-gnu lib64 lib; do [[ -z $libdir && -f $prefix/$d/libmaas_static.a ]] && libdir=$d; done
[[ -n $libdir ]] || fail "no libmaas_static.a under $prefix/lib"
for f in "$libdir/sqlite3/maas.so" "$libdir/libmaas_static.a" "$libdir/libmaas_core.a" include/maas.h include/maas_version.h \
         "$libdir/pkgconfig/sqlite-maas.pc" "$libdir/cmake/sqlite-maas/sqlite-maasConfig.cmake" \
         "$libdir/cmake/sqlite-maas/sqlite-maasConfigVersion.cmake" "$libdir/cmake/sqlite-maas/sqlite-maasTargets.cmake" \
         share/sqlite-maas/sql/reports/cost_by_month_model.sql share/doc/sqlite-maas/README.md \
         lib/python3/dist-packages/sqlite_maas/__init__.py; do
  [[ -f $prefix/$f ]] || fail "not installed: $f"
done
ok "installed files are in place ($libdir)"
expect_eq "installed maas_version.h" "$(grep -o 'MAAS_VERSION "[^"]*"' "$prefix/include/maas_version.h")" \
  "MAAS_VERSION \"$(sqlite3 -cmd ".load $MODULE" :memory: 'SELECT maas_version()')\""
nm -D --defined-only "$prefix/$libdir/sqlite3/maas.so" | awk '{print $3}' | grep -v '^_' > "$SCRATCH/exports" || true
expect_eq "symbols exported by the installed maas.so" "$(cat "$SCRATCH/exports")" "sqlite3_maas_init"

# pkg-config
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
expect_eq "pkg-config --modversion sqlite-maas" "$(pkg-config --modversion sqlite-maas)" \
  "$(sqlite3 -cmd ".load $MODULE" :memory: 'SELECT maas_version()')"
libs=$(pkg-config --libs sqlite-maas)
for l in -lmaas_static -lmaas_core -lsqlite3 -lsimdjson -lstdc++; do expect_contains "pkg-config --libs" "$libs" "$l"; done
pc_module=$(pkg-config --variable=module sqlite-maas)
expect_eq "realpath of pkg-config --variable=module" "$(realpath "$pc_module")" "$(realpath "$prefix/$libdir/sqlite3/maas.so")"
expect_eq ".load \$(pkg-config --variable=module sqlite-maas)" \
  "$(sqlite3 -batch -cmd ".load $pc_module" :memory: "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)")" "20.0"

# The CMake package: versions, variables, targets.
mkdir -p "$SCRATCH/probe"
cat > "$SCRATCH/probe/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(probe LANGUAGES C CXX)
find_package(sqlite-maas ${WANT} REQUIRED)
foreach(t sqlite-maas::static sqlite-maas::loadable)
  if(NOT TARGET ${t})
    message(FATAL_ERROR "no target ${t}")
  endif()
endforeach()
get_target_property(type sqlite-maas::loadable TYPE)
message(STATUS "PROBE version=${sqlite-maas_VERSION} loadable=${SQLITE_MAAS_LOADABLE} type=${type}")
CMAKE
probe() { cmake -S "$SCRATCH/probe" -B "$SCRATCH/probe/build-$1" -DWANT="$1" -DCMAKE_PREFIX_PATH="$2" 2>&1; }
out=$(probe 0.1 "$prefix") || fail "find_package(sqlite-maas 0.1): $out"
expect_contains "find_package(sqlite-maas 0.1)" "$(grep PROBE <<<"$out")" \
  "version=0.1.0 loadable=$prefix/$libdir/sqlite3/maas.so type=MODULE_LIBRARY"
out=$(probe 0.2 "$prefix") && fail "find_package(sqlite-maas 0.2) accepted 0.1.0"
ok "find_package(sqlite-maas 0.2) refuses 0.1.0"

# Relocatable: move the whole prefix, both still point inside it.
mv "$prefix" "$SCRATCH/moved"
export PKG_CONFIG_PATH=$SCRATCH/moved/$libdir/pkgconfig
expect_eq "pkg-config module after moving the prefix" "$(realpath "$(pkg-config --variable=module sqlite-maas)")" \
  "$(realpath "$SCRATCH/moved/$libdir/sqlite3/maas.so")"
out=$(probe 0.1 "$SCRATCH/moved") || fail "find_package after moving the prefix: $out"
expect_contains "find_package after moving the prefix" "$(grep PROBE <<<"$out")" "loadable=$SCRATCH/moved/$libdir/sqlite3/maas.so"

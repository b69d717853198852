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
         share/sqlite-maas/sql/reports/newapi.sql share/sqlite-maas/sql/reports/auto.sql \
         share/sqlite-maas/sql/sources/newapi.sql share/sqlite-maas/sql/usage/priced.sql share/doc/sqlite-maas/README.md \
         share/doc/sqlite-maas/copyright lib/python3/dist-packages/sqlite_maas/__init__.py \
         lib/python3/dist-packages/sqlite_maas/VERSION lib/python3/dist-packages/sqlite_maas/LICENSE; do
  [[ -f $prefix/$f ]] || fail "not installed: $f"
done
ok "installed files are in place ($libdir)"
expect_eq "maas_version() of the build" "$(sqlite3 -cmd ".load $MODULE" :memory: 'SELECT maas_version()')" "$MAAS_VERSION"
expect_eq "installed maas_version.h" "$(grep -o 'MAAS_VERSION "[^"]*"' "$prefix/include/maas_version.h")" \
  "MAAS_VERSION \"$MAAS_VERSION\""
expect_eq "installed sqlite_maas/VERSION" "$(cat "$prefix/lib/python3/dist-packages/sqlite_maas/VERSION")" "$MAAS_VERSION"
cmp -s LICENSE "$prefix/lib/python3/dist-packages/sqlite_maas/LICENSE" || fail "installed sqlite_maas/LICENSE differs from LICENSE"
ok "installed sqlite_maas/LICENSE is LICENSE"
# The installed package reads its own VERSION (nothing of the checkout is above it).
expect_eq "installed sqlite_maas: __version__, __license__" \
  "$(cd "$SCRATCH" && PYTHONPATH=$prefix/lib/python3/dist-packages python3 -B -c \
       'import sqlite_maas; print(sqlite_maas.__version__, sqlite_maas.__license__)')" "$MAAS_VERSION MIT"
copyright=$prefix/share/doc/sqlite-maas/copyright
expect_eq "copyright: Format line" "$(head -n 1 "$copyright")" \
  "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
expect_eq "copyright: Copyright" "$(grep '^Copyright: ' "$copyright")" \
  "Copyright: $(sed -n 's/^Copyright (c) //p' LICENSE)"
expect_eq "copyright: License" "$(grep '^License: ' "$copyright")" "License: Expat"
# Its license paragraph is LICENSE's text after the copyright line, indented, blank lines as " .".
expect_eq "copyright: the license text" "$(sed -n '/^License: /,$p' "$copyright" | tail -n +2)" \
  "$(sed '1,/^Copyright (c) /d' LICENSE | sed '/./,$!d' | sed 's/^$/./; s/^/ /')"
nm -D --defined-only "$prefix/$libdir/sqlite3/maas.so" | awk '{print $3}' | grep -v '^_' > "$SCRATCH/exports" || true
expect_eq "symbols exported by the installed maas.so" "$(cat "$SCRATCH/exports")" "sqlite3_maas_init"

# pkg-config
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
expect_eq "pkg-config --modversion sqlite-maas" "$(pkg-config --modversion sqlite-maas)" \
  "$(sqlite3 -cmd ".load $MODULE" :memory: 'SELECT maas_version()')"
libs=$(pkg-config --libs sqlite-maas)
for l in -lmaas_static -lmaas_core -lsqlite3 -lstdc++; do expect_contains "pkg-config --libs" "$libs" "$l"; done
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
# 0.x: only the same MAJOR.MINOR matches (SameMinorVersion); the next minor is refused.
IFS=. read -r major minor _ <<<"$MAAS_VERSION"
same=$major.$minor next=$major.$((minor + 1))
out=$(probe "$same" "$prefix") || fail "find_package(sqlite-maas $same): $out"
expect_contains "find_package(sqlite-maas $same)" "$(grep PROBE <<<"$out")" \
  "version=$MAAS_VERSION loadable=$prefix/$libdir/sqlite3/maas.so type=MODULE_LIBRARY"
out=$(probe "$next" "$prefix") && fail "find_package(sqlite-maas $next) accepted $MAAS_VERSION"
ok "find_package(sqlite-maas $next) refuses $MAAS_VERSION"

# Relocatable: move the whole prefix, both still point inside it.
mv "$prefix" "$SCRATCH/moved"
export PKG_CONFIG_PATH=$SCRATCH/moved/$libdir/pkgconfig
expect_eq "pkg-config module after moving the prefix" "$(realpath "$(pkg-config --variable=module sqlite-maas)")" \
  "$(realpath "$SCRATCH/moved/$libdir/sqlite3/maas.so")"
out=$(probe "$same" "$SCRATCH/moved") || fail "find_package after moving the prefix: $out"
expect_contains "find_package after moving the prefix" "$(grep PROBE <<<"$out")" "loadable=$SCRATCH/moved/$libdir/sqlite3/maas.so"

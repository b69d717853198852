#!/usr/bin/env bash
# test_archive.sh - the release archive: `cpack -G TGZ` in the build tree makes
# sqlite-maas-VERSION-linux-x86_64.tar.gz, the install tree under one top
# directory (module, static library, header, pkg-config and CMake files, sql/,
# docs, the Python helper); unpacked anywhere, its module loads, its
# pkg-config file and CMake package point into it, and the C++ example builds
# against it.
source "$(dirname "$0")/common.sh"
need_module
scratch

(cd "$MAAS_BUILD_DIR" && cpack -G TGZ) > "$SCRATCH/cpack.log" 2>&1 || { cat "$SCRATCH/cpack.log" >&2; fail "cpack -G TGZ"; }
archive=$(sed -n 's/.*package: \(.*\.tar\.gz\) generated.*/\1/p' "$SCRATCH/cpack.log" | tail -1)
[[ -f $archive ]] || { cat "$SCRATCH/cpack.log" >&2; fail "cpack made no .tar.gz"; }
top=sqlite-maas-$MAAS_VERSION-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)
expect_eq "archive name" "$(basename "$archive")" "$top.tar.gz"

# Every file but the docs and the SQL, which are compared with the checkout
# below, and sqlite-maasTargets-<build type>.cmake, counted apart.
expect_eq "sqlite-maasTargets-<build type>.cmake files" \
  "$(tar tzf "$archive" | grep -c "^$top/lib/cmake/sqlite-maas/sqlite-maasTargets-.*\.cmake$")" "1"
expect_eq "archive layout" "$(tar tzf "$archive" | grep -v '/$' | grep -v "^$top/share/doc/sqlite-maas/.*\.\(md\|png\)$" |
                               grep -v "^$top/lib/cmake/sqlite-maas/sqlite-maasTargets-.*\.cmake$" |
                               grep -v "^$top/share/sqlite-maas/sql/" | sort | tr '\n' ' ')" \
  "$(printf "$top/%s " include/maas.h include/maas_version.h \
      lib/cmake/sqlite-maas/sqlite-maasConfig.cmake lib/cmake/sqlite-maas/sqlite-maasConfigVersion.cmake \
      lib/cmake/sqlite-maas/sqlite-maasTargets.cmake \
      lib/libmaas_core.a lib/libmaas_static.a lib/pkgconfig/sqlite-maas.pc \
      lib/python3/dist-packages/sqlite_maas/LICENSE lib/python3/dist-packages/sqlite_maas/VERSION \
      lib/python3/dist-packages/sqlite_maas/__init__.py \
      lib/sqlite3/maas.so lib/sqlite3/maas_nofs.so share/doc/sqlite-maas/copyright)"
expect_eq "sql/ in the archive" "$(tar tzf "$archive" | sed -n "s|^$top/share/sqlite-maas/sql/\(.*\.sql\)$|\1|p" | sort | tr '\n' ' ')" \
  "$(cd sql && find . -name '*.sql' | sed 's|^\./||' | sort | tr '\n' ' ')"
expect_eq "docs in the archive" "$(tar tzf "$archive" | sed -n "s|^$top/share/doc/sqlite-maas/||p" | grep '\.\(md\|png\)$' | sort | tr '\n' ' ')" \
  "$( (echo README.md; cd docs && find . -type f | sed 's|^\./||') | sort | tr '\n' ' ')"

mkdir -p "$SCRATCH/somewhere/else"
tar xzf "$archive" -C "$SCRATCH/somewhere/else"
prefix=$SCRATCH/somewhere/else/$top
cd "$SCRATCH" || exit 1  # nothing of the checkout from here on
cmp -s "$prefix/lib/sqlite3/maas.so" "$MODULE" || fail "the archive's maas.so is not $MODULE"
ok "the archive's maas.so is this build's"
expect_eq "sqlite3 .load of the unpacked module" \
  "$(sqlite3 -batch -cmd ".load $prefix/lib/sqlite3/maas" :memory: "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)")" "20.0"
expect_eq "sqlite3 .load of the unpacked maas_nofs: prices, and no maas_load_card" \
  "$(sqlite3 -batch -cmd ".load $prefix/lib/sqlite3/maas_nofs" :memory: "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000), (SELECT count(*) FROM pragma_function_list WHERE name = 'maas_load_card')")" "20.0|0"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
expect_eq "pkg-config --variable=module (relocated)" "$(realpath "$(pkg-config --variable=module sqlite-maas)")" \
  "$(realpath "$prefix/lib/sqlite3/maas.so")"
expect_eq "pkg-config --modversion" "$(pkg-config --modversion sqlite-maas)" "$MAAS_VERSION"
expect_eq "the Python helper in the archive finds the archive's module" "$(env -u MAAS_LOADABLE_PATH \
  PYTHONPATH="$prefix/lib/python3/dist-packages" /usr/bin/python3 -B -c 'import sqlite_maas; print(sqlite_maas.loadable_path())')" \
  "$prefix/lib/sqlite3/maas.so"

mkdir -p consumer && cp "$MAAS_ROOT"/examples/clients/cpp/{CMakeLists.txt,price_usage.cpp} consumer/
cmake -S consumer -B consumer/build -DCMAKE_PREFIX_PATH="$prefix" > cmake.log 2>&1 ||
  { cat cmake.log >&2; fail "find_package(sqlite-maas) against the unpacked archive"; }
cmake --build consumer/build > build.log 2>&1 || { cat build.log >&2; fail "building the C++ example against the archive"; }
expect_eq "C++ example linked against the archive" \
  "$(consumer/build/price_usage | grep '^DeepSeek-R1, 1M' | cut -d'|' -f2)" "20.0"

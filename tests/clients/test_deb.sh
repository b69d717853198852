#!/usr/bin/env bash
# test_deb.sh - `cpack` in the build tree makes sqlite-maas_VERSION_ARCH.deb;
# it installs with apt into the system, works from the installed paths (sqlite3
# .load, pkg-config, find_package, Python's import sqlite_maas), and is removed
# again at the end.  Needs root (or sudo).
source "$(dirname "$0")/common.sh"
need_module
scratch
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
if [[ $(dpkg-query -W -f='${Status}' sqlite-maas 2>/dev/null) == "install ok installed" ]]; then
  echo "note: sqlite-maas was already installed; it is replaced by this build's package and removed at the end" >&2
fi

(cd "$MAAS_BUILD_DIR" && cpack -G DEB) > "$SCRATCH/cpack.log" 2>&1 || { cat "$SCRATCH/cpack.log" >&2; fail "cpack"; }
deb=$(sed -n 's/.*package: \(.*\.deb\) generated.*/\1/p' "$SCRATCH/cpack.log" | tail -1)
[[ -f $deb ]] || { cat "$SCRATCH/cpack.log" >&2; fail "cpack made no .deb"; }
ok "cpack made $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
for d in "libsqlite3-0 (>= 3.37)" libc6; do expect_contains "Depends of the .deb" "$depends" "$d"; done
expect_eq "Package" "$(dpkg-deb -f "$deb" Package)" "sqlite-maas"
expect_eq "Version (from VERSION)" "$(dpkg-deb -f "$deb" Version)" "$MAAS_VERSION"

remove() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq sqlite-maas > /dev/null 2>&1 || true; }
trap 'remove; rm -rf "$SCRATCH"' EXIT
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" > "$SCRATCH/apt.log" 2>&1 ||
  { cat "$SCRATCH/apt.log" >&2; fail "apt-get install $deb"; }
ok "apt-get install ./$(basename "$deb")"
installed=$(dpkg -L sqlite-maas | grep '/sqlite3/maas\.so$')
[[ -f $installed ]] || fail "the package has no sqlite3/maas.so"
ok "installed module: $installed"
nofs=$(dpkg -L sqlite-maas | grep '/sqlite3/maas_nofs\.so$')
[[ -f $nofs ]] || fail "the package has no sqlite3/maas_nofs.so beside maas.so"
ok "installed nofs module: $nofs"
copyright=/usr/share/doc/sqlite-maas/copyright
[[ -f $copyright ]] || fail "the package has no $copyright"
expect_eq "$copyright: License" "$(grep '^License: ' "$copyright")" "License: Expat"

cd "$SCRATCH" || exit 1  # nothing from the checkout from here on
expect_eq "sqlite3 .load ${installed%.so}: maas_cost('DeepSeek-R1', 1e6, 1e6)" \
  "$(sqlite3 -batch -cmd ".load ${installed%.so}" :memory: "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)")" "20.0"
expect_eq "sqlite3 .load ${nofs%.so}: prices, and no maas_load_card" \
  "$(sqlite3 -batch -cmd ".load ${nofs%.so}" :memory: "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000), (SELECT count(*) FROM pragma_function_list WHERE name = 'maas_load_card')")" "20.0|0"
expect_eq "sqlite3 .load \$(pkg-config --variable=module sqlite-maas): count(*) FROM maas_rates" \
  "$(sqlite3 -batch -cmd ".load $(pkg-config --variable=module sqlite-maas)" :memory: "SELECT count(*) FROM maas_rates")" "131"
expect_eq "pkg-config module path" "$(realpath "$(pkg-config --variable=module sqlite-maas)")" "$(realpath "$installed")"
# Reports run from the install root, as from the repository's: they .read
# their shared parts (sql/usage/, sql/sources/) by relative path.
expect_eq "report from /usr/share/sqlite-maas (the new-api example's total)" \
  "$(cd /usr/share/sqlite-maas && sqlite3 -batch -cmd ".load ${installed%.so}" :memory: \
       ".read $MAAS_ROOT/examples/newapi_logs.sql" ".read sql/reports/auto.sql" | grep -c '│ total .*│ CNY .*│ *32.750370 │')" "1"

if [[ -x /usr/bin/python3 ]]; then
  out=$(env -u MAAS_LOADABLE_PATH /usr/bin/python3 -c '
import sqlite3, sqlite_maas
conn = sqlite3.connect(":memory:")
path = sqlite_maas.load(conn)
print(sqlite_maas.__file__, path, conn.execute("SELECT maas_cost(?, 1000000, 1000000)", ("DeepSeek-R1",)).fetchone()[0],
      sqlite_maas.__version__, sqlite_maas.__license__)')
  expect_eq "Debian python3: import sqlite_maas; load(conn)" "$out" \
    "/usr/lib/python3/dist-packages/sqlite_maas/__init__.py $installed 20.0 $MAAS_VERSION MIT"
fi

mkdir -p consumer && cp "$MAAS_ROOT"/examples/clients/cpp/{CMakeLists.txt,price_usage.cpp} consumer/
cmake -S consumer -B consumer/build > cmake.log 2>&1 || { cat cmake.log >&2; fail "find_package(sqlite-maas) against the package"; }
cmake --build consumer/build > build.log 2>&1 || { cat build.log >&2; fail "building the C++ example against the package"; }
expect_eq "C++ example linked against the package" \
  "$(consumer/build/price_usage | grep '^DeepSeek-R1, 1M' | cut -d'|' -f2)" "20.0"

remove
[[ ! -e $installed ]] || fail "$installed is still there after apt-get remove"
ok "apt-get remove --purge sqlite-maas removes $installed"

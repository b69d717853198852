#!/usr/bin/env bash
# test_wheel.sh - the Python wheel (python/pyproject.toml): built offline from
# this build tree with Debian's pip, setuptools and wheel, installed into a
# fresh venv of Debian's /usr/bin/python3 (nothing of the checkout on its
# path), where `import sqlite_maas; sqlite_maas.load(conn)` loads the modules
# inside the package; then tests/clients/test_python.py runs in that venv.
# Needs python3-pip, python3-setuptools, python3-wheel and python3-venv.
source "$(dirname "$0")/common.sh"
need_module
scratch

/usr/bin/python3 -m pip wheel --no-build-isolation --no-deps --no-index -w "$SCRATCH/dist" ./python \
  > "$SCRATCH/wheel.log" 2>&1 || { cat "$SCRATCH/wheel.log" >&2; fail "pip wheel ./python"; }
rm -rf python/build python/*.egg-info  # what setuptools leaves in the source tree
wheel=$(ls "$SCRATCH"/dist/*.whl)
expect_eq "wheel file name" "$(basename "$wheel")" \
  "sqlite_maas-$MAAS_VERSION-py3-none-$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_platform().replace("-", "_").replace(".", "_"))').whl"
contents=$(/usr/bin/python3 -c 'import sys, zipfile; print(" ".join(sorted(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if not n.endswith("RECORD"))))' "$wheel")
expect_eq "wheel contents" "$contents" \
  "sqlite_maas-$MAAS_VERSION.dist-info/METADATA sqlite_maas-$MAAS_VERSION.dist-info/WHEEL sqlite_maas-$MAAS_VERSION.dist-info/top_level.txt sqlite_maas/LICENSE sqlite_maas/VERSION sqlite_maas/__init__.py sqlite_maas/maas.so sqlite_maas/maas_nofs.so"
expect_eq "Root-Is-Purelib (a platform wheel)" "$(unzip -p "$wheel" "*/WHEEL" | sed -n 's/^Root-Is-Purelib: //p')" "false"
cmp -s <(unzip -p "$wheel" sqlite_maas/maas.so) "$MODULE" || fail "the wheel's maas.so is not $MODULE"
ok "the wheel's maas.so is this build's"

/usr/bin/python3 -m venv "$SCRATCH/venv" || fail "/usr/bin/python3 -m venv (apt install python3-venv)"
py=$SCRATCH/venv/bin/python
"$py" -m pip install -q --no-index "$wheel" > "$SCRATCH/install.log" 2>&1 ||
  { cat "$SCRATCH/install.log" >&2; fail "pip install $(basename "$wheel") into a fresh venv"; }
ok "pip install $(basename "$wheel") into a fresh venv"

cd "$SCRATCH" || exit 1  # nothing of the checkout from here on
site=$("$py" -c 'import sysconfig; print(sysconfig.get_path("platlib"))')
expect_eq "venv: the acceptance query" "$(env -u MAAS_LOADABLE_PATH -u PYTHONPATH "$py" -c '
import sqlite3, sqlite_maas
conn = sqlite3.connect(":memory:")
sqlite_maas.load(conn)
print(conn.execute("SELECT maas_cost(?, 1000000, 1000000)", ("DeepSeek-R1",)).fetchone()[0])')" "20.0"
expect_eq "venv: loadable_path(), __version__, __license__" "$(env -u MAAS_LOADABLE_PATH -u PYTHONPATH "$py" -c '
import sqlite_maas
print(sqlite_maas.loadable_path(), sqlite_maas.loadable_path(nofs=True), sqlite_maas.__version__, sqlite_maas.__license__)')" \
  "$site/sqlite_maas/maas.so $site/sqlite_maas/maas_nofs.so $MAAS_VERSION MIT"
expect_eq "venv: load(conn, nofs=True) has no maas_load_card" "$(env -u MAAS_LOADABLE_PATH -u PYTHONPATH "$py" -c '
import sqlite3, sqlite_maas
conn = sqlite3.connect(":memory:")
sqlite_maas.load(conn, nofs=True)
print(conn.execute("SELECT maas_cost(?, 1000000, 1000000), (SELECT count(*) FROM pragma_function_list WHERE name = ?)", ("DeepSeek-R1", "maas_load_card")).fetchone())')" "(20.0, 0)"

echo "== tests/clients/test_python.py in the venv, against the installed package"
env -u PYTHONPATH MAAS_PYTHON_INSTALLED=1 "$py" -B "$MAAS_ROOT/tests/clients/test_python.py" 2>&1 | tee "$SCRATCH/python.log"
grep -q '^OK' "$SCRATCH/python.log" || fail "test_python.py in the venv"
grep -q '^test_installed_package_brings_its_modules .* ok$' "$SCRATCH/python.log" || fail "test_installed_package_brings_its_modules did not run"
ok "test_python.py passes in the venv"

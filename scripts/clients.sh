#!/usr/bin/env bash
# clients.sh - sqlite-maas where users work: install what each client needs,
# build, and run every client test (tests/clients/), one PASS/FAIL line each.
#
#   bash scripts/clients.sh                  # everything (installs packages with apt, runs npm install)
#   bash scripts/clients.sh --skip-calc      # without LibreOffice
#   bash scripts/clients.sh --skip-deb       # without installing the .deb into the system
#   bash scripts/clients.sh --only python,wheel,node
#   bash scripts/clients.sh --build-dir build-x --no-install -v
#
# Clients: install (cmake --install, pkg-config, find_package), cpp (static
# library + sqlite3_auto_extension), deb (cpack, apt install, .load, remove),
# archive (cpack -G TGZ: the release .tar.gz, unpacked and used elsewhere),
# sqlite3 (shell), python (Debian python3; pyenv's for the error message),
# wheel (pip wheel ./python, installed into a fresh venv, test_python.py there),
# node (better-sqlite3 12), npm (npm pack, installed into an empty project
# with better-sqlite3@12), tcl (libsqlite3-tcl), sqlite-utils, odbc (unixODBC
# + libsqliteodbc + isql), dbbrowser (DB Browser for SQLite, headless, runs a
# script at start), litecli, pandas (pandas + matplotlib: a chart to PNG), calc (LibreOffice Calc through UNO over ODBC) and
# docs (every example in docs/ run and compared).
#
# Needs Debian (apt) and root or sudo for the packages and the .deb test.
# Exits non-zero when any client fails; the last line is "clients: N passed,
# N failed".  Each client's output is in BUILD_DIR/clients-logs/NAME.log.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)

build_dir=build
skip_calc=0
skip_deb=0
install=1
verbose=0
only=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --skip-calc) skip_calc=1 ;;
    --skip-deb) skip_deb=1 ;;
    --no-install) install=0 ;;
    --build-dir) build_dir=$2; shift ;;
    --build-dir=*) build_dir=${1#*=} ;;
    --only) only=$2; shift ;;
    --only=*) only=${1#*=} ;;
    -v|--verbose) verbose=1 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "clients.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case $build_dir in /*) ;; *) build_dir=$root/$build_dir ;; esac

all=(install cpp deb archive sqlite3 python wheel node npm tcl sqlite-utils odbc dbbrowser litecli pandas calc docs)
wanted() {
  local c=$1
  [[ $c == calc && $skip_calc == 1 ]] && return 1
  [[ $c == deb && $skip_deb == 1 ]] && return 1
  [[ -z $only ]] && return 0
  [[ ",$only," == *",$c,"* ]]
}

now() { date +%s; }
t0=$(now)

# --- 1. packages --------------------------------------------------------------
if [[ $install == 1 ]]; then
  packages=(pkgconf dpkg-dev file)
  wanted wheel && packages+=(python3-pip python3-setuptools python3-wheel python3-venv unzip)
  wanted tcl && packages+=(tcl libsqlite3-tcl)
  wanted sqlite-utils && packages+=(sqlite-utils)
  wanted dbbrowser && packages+=(sqlitebrowser)
  wanted litecli && packages+=(litecli)
  wanted pandas && packages+=(python3-pandas python3-matplotlib)
  if wanted odbc || wanted calc; then packages+=(unixodbc libsqliteodbc); fi
  if wanted calc; then
    command -v soffice >/dev/null || packages+=(libreoffice-calc-nogui)
    packages+=(python3-uno libreoffice-base-drivers poppler-utils)
  fi
  if { wanted node || wanted npm; } && ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
  echo "== packages: ${packages[*]}"
  bash scripts/install-deps.sh --extra "${packages[@]}" || { echo "clients.sh: installing packages failed" >&2; exit 1; }
  t_apt=$(( $(now) - t0 ))
  if wanted node; then
    if [[ ! -f node/node_modules/better-sqlite3/build/Release/better_sqlite3.node ||
          node/package-lock.json -nt node/node_modules/better-sqlite3/build/Release/better_sqlite3.node ]]; then
      echo "== npm ci in node/ (builds better-sqlite3 from source, about a minute)"
      (cd node && npm ci --no-audit --no-fund --loglevel=error) || { echo "clients.sh: npm ci failed" >&2; exit 1; }
    fi
  fi
fi
t_install=$(( $(now) - t0 ))
t_apt=${t_apt:-0}

# --- 2. build -----------------------------------------------------------------
# The install rules (cmake/install.cmake) come with the top-level build, which
# includes them; a tree configured earlier keeps its options (MAAS_TESTS).
t1=$(now)
mkdir -p "$build_dir"
configure=(cmake -S . -B "$build_dir")
[[ -f $build_dir/CMakeCache.txt ]] || configure+=(-DMAAS_TESTS=OFF)
echo "== build: $build_dir"
if ! { "${configure[@]}" > "$build_dir/clients-configure.log" 2>&1 &&
       cmake --build "$build_dir" --target maas maas_nofs maas_static maas_core -j "$(nproc)" > "$build_dir/clients-build.log" 2>&1; }; then
  cat "$build_dir/clients-configure.log" "$build_dir/clients-build.log" >&2
  echo "clients.sh: build failed" >&2
  exit 1
fi
t_build=$(( $(now) - t1 ))

# --- 3. the clients -----------------------------------------------------------
export MAAS_BUILD_DIR=$build_dir MAAS_ROOT=$root
logs=$build_dir/clients-logs
mkdir -p "$logs"
command_for() {  # sets cmd=(the client's test command)
  case $1 in
    install) cmd=(bash tests/clients/test_install.sh) ;;
    cpp) cmd=(bash tests/clients/test_cpp.sh) ;;
    deb) cmd=(bash tests/clients/test_deb.sh) ;;
    archive) cmd=(bash tests/clients/test_archive.sh) ;;
    sqlite3) cmd=(bash tests/clients/test_sqlite3_shell.sh) ;;
    python) cmd=(/usr/bin/python3 tests/clients/test_python.py) ;;
    wheel) cmd=(bash tests/clients/test_wheel.sh) ;;
    node) cmd=(node --test tests/clients/node/) ;;
    npm) cmd=(bash tests/clients/test_npm.sh) ;;
    tcl) cmd=(tclsh tests/clients/test_tcl.tcl) ;;
    sqlite-utils) cmd=(bash tests/clients/test_sqlite_utils.sh) ;;
    odbc) cmd=(bash tests/clients/test_odbc.sh) ;;
    dbbrowser) cmd=(bash tests/clients/test_dbbrowser.sh) ;;
    litecli) cmd=(bash tests/clients/test_litecli.sh) ;;
    pandas) cmd=(/usr/bin/python3 tests/clients/test_pandas.py) ;;
    calc) cmd=(bash tests/clients/test_calc.sh) ;;
    docs) cmd=(python3 tests/clients/check_docs.py) ;;
  esac
}
passed=0
failed=0
skipped=()
for c in "${all[@]}"; do
  if ! wanted "$c"; then skipped+=("$c"); continue; fi
  start=$(now)
  command_for "$c"
  if [[ $verbose == 1 ]]; then
    "${cmd[@]}" < /dev/null 2>&1 | tee "$logs/$c.log"; rc=${PIPESTATUS[0]}
  else
    "${cmd[@]}" < /dev/null > "$logs/$c.log" 2>&1; rc=$?
  fi
  took=$(( $(now) - start ))
  if [[ $rc == 0 ]]; then
    passed=$((passed + 1))
    line=$(printf 'PASS  %-13s %4ss  (%s checks)' "$c" "$took" "$(grep -Ec '^(ok[: ]|test_.* \.\.\. ok$)' "$logs/$c.log")")
  else
    failed=$((failed + 1))
    line=$(printf 'FAIL  %-13s %4ss  see %s' "$c" "$took" "${logs#"$root"/}/$c.log")
    [[ $verbose == 1 ]] || { echo "---- $c: last lines of its log"; tail -25 "$logs/$c.log"; echo "----"; }
  fi
  echo "$line"
done

echo "== packages ${t_install}s (apt ${t_apt}s, npm $(( t_install - t_apt ))s), build ${t_build}s, total $(( $(now) - t0 ))s"
[[ ${#skipped[@]} -gt 0 ]] && echo "skipped: ${skipped[*]}"
echo "clients: $passed passed, $failed failed"
[[ $failed == 0 ]]

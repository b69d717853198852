#!/usr/bin/env bash
# bench/run.sh [N] - the sqlite-maas benchmark over N usage rows (default 10,000,000).
#
#   bash bench/run.sh            # 10M rows: a few minutes to build the data once, ~10 min to time
#   bash bench/run.sh 200000     # a quick look
#   bash bench/run.sh 20000      # CI: seconds; fails only if a variant errors or sums disagree
#
# Builds build/maas.so (cmake, target maas) and build/bench/maas_bench (g++ -O2
# -Werror, linked with the system libsqlite3), then runs it; the data is kept in
# build/bench/usage-v2-N.db and reused.  The report (the speed targets with
# their verdicts, then the details) is also written to build/bench/result-N.md;
# `python3 scripts/bench_results.py build/bench/result-N.md` writes its first
# part to bench/RESULTS.md.
#
# Environment: BENCH_REPS (runs per variant; default 5, 3 from 5M rows),
# MAAS_SO (benchmark this module instead of building build/maas.so),
# BENCH_PYTHON (default /usr/bin/python3, Debian's: the pyenv one on PATH may lack _sqlite3).
set -euo pipefail

n=${1:-10000000}
if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 10 ]; then
  echo "usage: bash bench/run.sh [N >= 10]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=build/bench
mkdir -p "$out"

so=${MAAS_SO:-}
if [ -z "$so" ]; then
  so=build/maas.so
  if [ ! -f build/CMakeCache.txt ]; then
    echo "configuring build/ (cmake -S . -B build -G Ninja) ..."
    cmake -S . -B build -G Ninja >"$out/module-build.log" 2>&1 || {
      cat "$out/module-build.log" >&2
      echo "bench: cannot configure; see scripts/install-deps.sh for what the build needs" >&2
      exit 1
    }
  fi
  # Brings maas.so up to date (a no-op when it is); never benchmark a stale module silently.
  if ! cmake --build build --target maas >>"$out/module-build.log" 2>&1; then
    if [ -f "$so" ]; then
      echo "WARNING: building maas.so failed (see $out/module-build.log); benchmarking the existing $so" >&2
    else
      cat "$out/module-build.log" >&2
      exit 1
    fi
  fi
fi

bin=$out/maas_bench
if [ ! -x "$bin" ] || [ bench/maas_bench.cpp -nt "$bin" ]; then
  echo "compiling $bin ..."
  g++ -O2 -std=c++17 -Wall -Wextra -Werror bench/maas_bench.cpp -o "$bin" -lsqlite3
fi

args=(--n "$n" --so "$so" --dir "$out" --python "${BENCH_PYTHON:-/usr/bin/python3}" --py-script bench/python_udf.py)
# The sources' revision, for the report's first line (none outside a git checkout).
if revision=$(git describe --always --dirty 2>/dev/null); then args+=(--revision "$revision"); fi
if [ -n "${BENCH_REPS:-}" ]; then args+=(--reps "$BENCH_REPS"); fi
exec "$bin" "${args[@]}"

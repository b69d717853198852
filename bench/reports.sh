#!/usr/bin/env bash
# bench/reports.sh [N] - the time of each shipped report (sql/reports/*.sql)
# over N usage rows (default 10,000,000) in its tool's own schema.
#
#   bash bench/reports.sh            # 10M rows per tool: ~12 min to build the data once (~21 GB), ~30 min of runs
#   bash bench/reports.sh 200000     # a quick look: ~1 min
#
# Builds build/maas.so (cmake, target maas; MAAS_SO names another module),
# then the databases with bench/reports_data.py (once per N, kept in
# build/bench/reports-v1-N/ and reused), and runs each report as a user
# would: `sqlite3 -batch -cmd '.load build/maas' TOOL.db < sql/reports/X.sql`,
# its output to build/bench/reports-v1-N/X.out.  Prints a markdown table
# (report, tool, rows, best wall seconds, ns per row, rows of output), also
# written to build/bench/reports-N.md.
#
# Exit status: 0, or 1 when a report fails (non-zero exit status or anything
# on stderr); never because of timing.
#
# Environment: BENCH_REPS (runs per report, the best is kept; default 3, 1
# from 2M rows), MAAS_SO, BENCH_PYTHON (default /usr/bin/python3), SQLITE3
# (default sqlite3, the shell on PATH).
set -euo pipefail

n=${1:-10000000}
if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 10 ]; then
  echo "usage: bash bench/reports.sh [N >= 10]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=build/bench
data=$out/reports-v1-$n
mkdir -p "$data"
python=${BENCH_PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=python3
shell=${SQLITE3:-sqlite3}
reps=${BENCH_REPS:-$([ "$n" -ge 2000000 ] && echo 1 || echo 3)}

so=${MAAS_SO:-}
if [ -z "$so" ]; then
  so=$root/build/maas.so
  if [ ! -f build/CMakeCache.txt ]; then
    echo "configuring build/ (cmake -S . -B build -DCMAKE_BUILD_TYPE=Release) ..."
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >"$out/reports-module-build.log" 2>&1 || {
      cat "$out/reports-module-build.log" >&2
      exit 1
    }
  fi
  if ! cmake --build build --target maas >>"$out/reports-module-build.log" 2>&1; then
    cat "$out/reports-module-build.log" >&2
    echo "reports.sh: cannot build build/maas.so" >&2
    exit 1
  fi
fi
[ -f "$so" ] || { echo "reports.sh: no module $so" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(date +%s.%N)
echo "data: $data (bench/reports_data.py $n; built once, then reused) ..."
"$python" bench/reports_data.py "$n" "$data" >/dev/null
t1=$(date +%s.%N)
data_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }')

# The rows a box-mode report printed: its │ lines less one header line per table.
output_rows() { awk '/^│/ { r++ } /^┌/ { t++ } END { print r - t + 0 }' "$1"; }

status=0
table="| report | tool | rows | seconds | ns per row | rows of output |
|---|---|---:|---:|---:|---:|"
while read -r report tool usage_table; do
  db=$data/$tool.db
  if [ "$usage_table" = "-" ]; then
    rows=0
  else
    rows=$("$shell" -batch "$db" "SELECT count(*) FROM \"$usage_table\"")
  fi
  best=
  for _ in $(seq "$reps"); do
    start=$(date +%s.%N)
    set +e
    "$shell" -batch -cmd ".load $so" "$db" <"sql/reports/$report.sql" >"$data/$report.out" 2>"$data/$report.err"
    rc=$?
    set -e
    end=$(date +%s.%N)
    if [ "$rc" -ne 0 ] || [ -s "$data/$report.err" ]; then
      echo "FAIL: $report (exit status $rc):" >&2
      head -20 "$data/$report.err" >&2
      status=1
      best=
      break
    fi
    best=$(awk -v a="$start" -v b="$end" -v best="$best" 'BEGIN { t = b - a; print (best == "" || t < best) ? t : best }')
  done
  if [ -z "$best" ]; then
    line="| $report | $tool | $rows | error | | |"
  else
    per_row=$(awk -v t="$best" -v r="$rows" 'BEGIN { if (r > 0) printf "%.0f", t * 1e9 / r; else print "-" }')
    line=$(awk -v rep="$report" -v tool="$tool" -v rows="$rows" -v t="$best" -v pr="$per_row" -v o="$(output_rows "$data/$report.out")" \
      'BEGIN { printf "| %s | %s | %\047d | %.2f | %s | %d |", rep, tool, rows, t, pr, o }')
  fi
  echo "$line"
  table+=$'\n'"$line"
done < <("$python" bench/reports_data.py --reports)

version=$("$shell" -batch -cmd ".load $so" :memory: "SELECT maas_version()")
summary="Reports over $n usage rows per tool (bench/reports.sh $n), best of $reps run(s), wall seconds of
\`sqlite3 -batch -cmd '.load build/maas' TOOL.db < sql/reports/X.sql\`, output to a file.
sqlite-maas $version, SQLite $("$shell" --version | cut -d' ' -f1), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),
load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; the data took ${data_seconds} s (0 when reused).
price_changes reads only the price list (it runs on the new-api database).

$table"
echo
echo "$summary"
echo "$summary" >"$out/reports-$n.md"
echo
echo "written to $out/reports-$n.md"
exit $status

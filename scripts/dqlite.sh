#!/usr/bin/env bash
# dqlite.sh - sqlite-maas on a 3-node dqlite cluster (docs/dqlite.md): the
# answers through the cluster must equal those of a plain SQLite file, before
# and after two leader failovers.
#
#   bash scripts/dqlite.sh                       # installs libdqlite-dev and go-dqlite, builds, runs
#   bash scripts/dqlite.sh --build-dir build-x --port 9801 -v
#
# It builds maas.so and examples/dqlite/maas-dqlite-node (-DMAAS_DQLITE=ON)
# in BUILD_DIR (default build, so CI reuses the objects of its test build;
# only -DMAAS_DQLITE=ON is added to its cache), starts nodes 1-3 on 127.0.0.1:PORT..
# PORT+2 (default 9701), loads sql/user_tables.sql and examples/newapi_logs.sql
# through the `dqlite` shell (one statement per line: scripts/sql_lines.py)
# and the same into a plain file with the sqlite3 shell and build/maas.so.
# Then, through the dqlite shell (go-dqlite's client), every check compares
# the cluster's answer with the file's: count(*) FROM maas_rates, maas_cost,
# the month/model report's figures (sum per month and model with
# maas_total_text), the replicated logs, and a user price in maas_user_rates.
# Then it kills the leader with SIGKILL and checks again on the new leader,
# writes more rows and another user price, restarts the killed node, kills
# the new leader with SIGKILL and checks everything a third time.
#
# Loopback only; every node runs under `timeout` and is stopped by its PID
# (SIGTERM, which must stop it cleanly, exit 0) when the script ends; each
# wait is a bounded poll.  Logs and the data directories are in
# BUILD_DIR/dqlite-run/.  Exits non-zero on the first difference.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build_dir=build
port=9701
verbose=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --build-dir) build_dir=$2; shift ;;
    --build-dir=*) build_dir=${1#*=} ;;
    --port) port=$2; shift ;;
    --port=*) port=${1#*=} ;;
    -v|--verbose) verbose=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "dqlite.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case $build_dir in /*) ;; *) build_dir=$root/$build_dir ;; esac
t0=$(date +%s)
say() { echo "== dqlite [$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "dqlite.sh: FAIL: $*" >&2; exit 1; }

# --- 1. packages and build ---------------------------------------------------
bash scripts/install-deps.sh --extra pkgconf libdqlite-dev go-dqlite
say "build: maas, maas-dqlite-node in $build_dir"
cmake -S . -B "$build_dir" -DMAAS_DQLITE=ON >/dev/null
cmake --build "$build_dir" --target maas maas-dqlite-node -j "$(nproc)" >/dev/null
node_bin=$build_dir/examples/dqlite/maas-dqlite-node

run=$build_dir/dqlite-run
rm -rf "$run"
mkdir -p "$run"
addr() { echo "127.0.0.1:$((port + $1 - 1))"; }
servers="$(addr 1),$(addr 2),$(addr 3)"
db=usage  # the dqlite database's name

# --- 2. nodes ----------------------------------------------------------------
declare -A pid wrapper
lifetime=150  # no node outlives this many seconds, whatever happens to this script
# On exit: SIGTERM to each node still running, SIGKILL (by PID) to any that
# has not stopped within 10 s.
cleanup() {
  local i k
  for i in "${!pid[@]}"; do
    kill -TERM "${pid[$i]}" 2>/dev/null || true
  done
  for k in $(seq 100); do
    for i in "${!pid[@]}"; do kill -0 "${pid[$i]}" 2>/dev/null || unset "pid[$i]"; done
    [[ ${#pid[@]} == 0 ]] && break
    sleep 0.1
  done
  for i in "${!pid[@]}"; do
    echo "dqlite.sh: node $i did not stop on SIGTERM within 10 s; SIGKILL" >&2
    kill -KILL "${pid[$i]}" 2>/dev/null || true
  done
  for i in "${!wrapper[@]}"; do
    wait "${wrapper[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'echo "dqlite.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

# start_node ID [JOIN...]: runs the node under timeout, records the node's own
# PID (the child of timeout) and waits (bounded) for its "ready" line.
start_node() {
  local id=$1 i before
  shift
  before=$(grep -c "^ready $id " "$run/node$id.log" 2>/dev/null || true)
  timeout -k 5 $lifetime "$node_bin" "$id" "$(addr "$id")" "$run/node$id" "$@" >>"$run/node$id.log" 2>&1 &
  wrapper[$id]=$!
  pid[$id]=""
  for i in $(seq 300); do
    [[ -z ${pid[$id]} ]] && pid[$id]=$(pgrep -P "${wrapper[$id]}" || true)
    [[ -n ${pid[$id]} && $(grep -c "^ready $id " "$run/node$id.log") -gt ${before:-0} ]] && return 0
    kill -0 "${wrapper[$id]}" 2>/dev/null || break
    sleep 0.1
  done
  cat "$run/node$id.log" >&2
  fail "node $id did not start"
}

# dq [SQL]: the dqlite shell on the cluster: SQL as its argument, or standard
# input as one statement per line (whose errors it prints but does not exit on).
dq() { timeout 30 dqlite -s "$servers" "$db" "$@"; }

# leader: the leader's address, polled until there is one that is not $1.
leader() {
  local i l
  for i in $(seq 150); do
    l=$(timeout 5 dqlite -s "$servers" "$db" .leader 2>/dev/null || true)
    [[ -n $l && $l != "${1:-}" ]] && { echo "$l"; return 0; }
    sleep 0.2
  done
  fail "no leader (other than ${1:-none}) within 30 s"
}
node_of() { echo $(( ${1##*:} - port + 1 )); }

say "start node 1 on $(addr 1), nodes 2 and 3 joining it"
start_node 1
start_node 2 "$(addr 1)"
start_node 3 "$(addr 1)"
members=$(dq .cluster)
[[ $(grep -c '|voter$' <<<"$members") == 3 ]] || fail "expected 3 voters, got: $members"
[[ $verbose == 1 ]] && echo "$members"

# --- 3. the same data in the cluster and in a plain file ----------------------
ref=$run/plain.db
plain() { sqlite3 -batch -bail -cmd ".load $build_dir/maas" "$ref" "$@"; }

# load FILE...: each statement of the files, once on the cluster (standard
# input of the dqlite shell), once on the plain file.
load() {
  local out
  out=$(python3 scripts/sql_lines.py "$@" | dq 2>&1) || fail "dqlite shell: $out"
  if grep -q 'Error' <<<"$out"; then fail "loading $* into the cluster: $out"; fi
  python3 scripts/sql_lines.py "$@" | plain || fail "loading $* into $ref"
}
say "load sql/user_tables.sql and examples/newapi_logs.sql (cluster and $ref)"
load sql/user_tables.sql examples/newapi_logs.sql

# The checks: each prints one text column (so both shells print it the same:
# no NULLs, no floats formatted by Go), compared line for line.
cost="maas_cost(model_name, prompt_tokens, completion_tokens, created_at)"
checks=(
  "SELECT 'rates ' || count(*) FROM maas_rates"
  "SELECT 'user rates ' || count(*) FROM maas_rates WHERE origin = 'user'"
  "SELECT 'cost ' || CAST(maas_cost('DeepSeek-V3', 1000, 500) AS TEXT) || ' ' || CAST(maas_cost('DeepSeek-R1', 1000000, 1000000) AS TEXT) || ' ' || CAST(maas_cost('Qwen3-8B', 230, 300) AS TEXT)"
  "SELECT 'cost now ' || coalesce(CAST(maas_cost('DeepSeek-V3', 1000, 1000, '2026-03-01') AS TEXT), 'NULL')"
  "SELECT 'logs ' || count(*) || ' ' || sum(prompt_tokens) || ' ' || sum(completion_tokens) || ' ' || max(id) FROM logs"
  "SELECT 'month ' || strftime('%Y-%m', created_at, 'unixepoch') || ' ' || coalesce(maas_model(model_name), model_name) || ' ' || count(*) || ' ' || coalesce(maas_total_text($cost, 6), 'NULL') FROM logs WHERE type = 2 GROUP BY strftime('%Y-%m', created_at, 'unixepoch'), coalesce(maas_model(model_name), model_name) ORDER BY 1"
  "SELECT 'total ' || maas_total_text($cost, 6) || ' ' || count($cost) FROM logs WHERE type = 2"
)
# compare LABEL: every check on the cluster and on the file, equal or fail.
compare() {
  local label=$1 c
  : >"$run/cluster.$label"
  : >"$run/plain.$label"
  for c in "${checks[@]}"; do
    dq "$c" >>"$run/cluster.$label" 2>"$run/error.$label" || { cat "$run/error.$label" >&2; fail "$label: cluster: $c"; }
    plain "$c" >>"$run/plain.$label" || fail "$label: plain file: $c"
  done
  if ! diff -u "$run/plain.$label" "$run/cluster.$label" >"$run/diff.$label"; then
    cat "$run/diff.$label" >&2
    fail "$label: the cluster's answers differ from the plain file's (- file, + cluster)"
  fi
  [[ $verbose == 1 ]] && cat "$run/cluster.$label"
  say "$label: $(wc -l <"$run/cluster.$label") lines equal ($(grep -c '^month ' "$run/cluster.$label") month/model lines), $(grep '^total ' "$run/cluster.$label")"
}
# both SQL: one write on the cluster (as the shell's argument) and on the file.
both() {
  local out
  out=$(dq "$1" 2>&1) || fail "cluster: $1: $out"
  plain "$1" || fail "plain file: $1"
}

compare loaded
[[ $(grep -c '^month ' "$run/cluster.loaded") -ge 20 ]] || fail "the month/model report has too few lines"

# A write error arrives whole; an error while a SELECT steps comes back from
# dqlite 1.11 as the first column's name (docs/dqlite.md).
out=$(dq "INSERT INTO logs(id) SELECT maas_cost('DeepSeek-V3', -1, 0)" 2>&1) && fail "a bad count was written"
grep -q "maas_cost: input_tokens must be a non-negative integer, got -1" <<<"$out" || fail "write error not intact: $out"

# A user price: DeepSeek-V3's output at 0.016 from 2025-11-01 (UTC).
user_price() {
  both "INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) VALUES ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'output', '$1', 'k_tokens', 'CNY', '$2', 'dqlite.sh')"
}
user_price 0.016 '2025-11-01 00:00:00'
compare user-price
cmp -s "$run/cluster.loaded" "$run/cluster.user-price" && fail "the user price changed nothing"

# --- 4. first failover -------------------------------------------------------
old=$(leader)
victim=$(node_of "$old")
say "failover 1: SIGKILL node $victim ($old, pid ${pid[$victim]})"
kill -KILL "${pid[$victim]}"
wait "${wrapper[$victim]}" 2>/dev/null || true
unset "pid[$victim]"
new=$(leader "$old")
say "failover 1: new leader $new"
compare failover-1

# Rows and a price written on the new leader, before the second failover.
both "INSERT INTO logs(id, user_id, created_at, type, model_name, prompt_tokens, completion_tokens) SELECT 3000 + n, 1, 1770000000 + n * 3600, 2, CASE n % 3 WHEN 0 THEN 'DeepSeek-V3' WHEN 1 THEN 'qwen3-8b' ELSE 'DeepSeek-R1' END, 100 * n + 7, 50 * n + 3 FROM (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 40) SELECT n FROM s)"
user_price 0.02 '2026-02-01 00:00:00'
compare written-after-failover-1

say "restart node $victim on its data directory"
if [[ $victim == 1 ]]; then start_node 1; else start_node "$victim" "$(addr 1)" "$(addr 2)" "$(addr 3)"; fi

# --- 5. second failover ------------------------------------------------------
old=$(leader)
victim=$(node_of "$old")
say "failover 2: SIGKILL node $victim ($old, pid ${pid[$victim]})"
kill -KILL "${pid[$victim]}"
wait "${wrapper[$victim]}" 2>/dev/null || true
unset "pid[$victim]"
new=$(leader "$old")
say "failover 2: new leader $new"
compare failover-2
cmp -s "$run/cluster.written-after-failover-1" "$run/cluster.failover-2" || fail "failover 2 changed the answers"

# --- 6. clean stop -----------------------------------------------------------
for i in "${!pid[@]}"; do
  kill -0 "${pid[$i]}" 2>/dev/null || { rc=0; wait "${wrapper[$i]}" || rc=$?; fail "node $i had stopped by itself (exit $rc)"; }
done
for i in "${!pid[@]}"; do
  kill -TERM "${pid[$i]}"
  rc=0
  wait "${wrapper[$i]}" || rc=$?
  [[ $rc == 0 ]] || fail "node $i exited $rc on SIGTERM"
  unset "pid[$i]"
  say "node $i stopped (SIGTERM, exit 0)"
done
say "PASS: 3 nodes, 2 leader failovers, every answer equal to the plain file's; nodes stopped cleanly"

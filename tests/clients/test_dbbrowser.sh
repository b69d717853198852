#!/usr/bin/env bash
# test_dbbrowser.sh - DB Browser for SQLite (sqlitebrowser 3.12) loads
# sqlite-maas from its extension list and runs a script at start:
#
#   sqlitebrowser -o extensions/list=MODULE -s script.sql DB
#
# headless (QT_QPA_PLATFORM=offscreen).  The script writes its results into
# DB; the test waits until they are there, ends DB Browser and reads them back
# with the sqlite3 shell: maas_cost, the price lines, and the monthly report of
# examples/clients/dbbrowser/monthly_cost.sql on examples/newapi_logs.sql,
# which must equal the sqlite3 shell's own run of it.  Also checked: without
# the extension option the script fails (so the option is what loads it), and
# with -q DB Browser quits before the script has run.
source "$(dirname "$0")/common.sh"
need_module
scratch
command -v sqlitebrowser > /dev/null || fail "no sqlitebrowser (apt install sqlitebrowser)"
export QT_QPA_PLATFORM=offscreen
# A settings directory of its own: -o changes nothing that is saved, but DB
# Browser writes its defaults there.
export HOME=$SCRATCH/home XDG_CONFIG_HOME=$SCRATCH/home/.config XDG_RUNTIME_DIR=$SCRATCH/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
report=examples/clients/dbbrowser/monthly_cost.sql

{
  echo "CREATE TABLE check_values AS SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cost,"
  echo "  (SELECT count(*) FROM maas_rates) AS lines, maas_version() AS version;"
  echo "CREATE TABLE check_report AS"
  grep -v '^--' "$report"
  echo ";"
} > "$SCRATCH/script.sql"

# run_dbbrowser SECONDS DB [OPTIONS...]: start it with -s script.sql, wait
# (SECONDS at most) until check_report is in DB, then end it.  Returns 1 if
# it never was.  (A script that fails leaves DB Browser open, saying so.)
run_dbbrowser() {
  local seconds=$1 db=$2; shift 2
  sqlitebrowser "$@" -s "$SCRATCH/script.sql" "$db" > "$SCRATCH/sqlitebrowser.log" 2>&1 &
  local pid=$! i
  for i in $(seq 1 "$seconds"); do
    if [[ $(sqlite3 -batch "$db" "SELECT count(*) FROM sqlite_schema WHERE name = 'check_report'" 2>/dev/null) == 1 ]]; then
      sleep 1; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  return 1
}

fresh_db() { rm -f "$1"; sqlite3 -batch "$1" ".read examples/newapi_logs.sql"; }

fresh_db "$SCRATCH/usage.db"
start=$(date +%s)
run_dbbrowser 60 "$SCRATCH/usage.db" -o "extensions/list=$MODULE" ||
  { cat "$SCRATCH/sqlitebrowser.log" >&2; fail "sqlitebrowser -o extensions/list=... -s script.sql: the script's tables never appeared"; }
ok "sqlitebrowser -o extensions/list=$MODULE -s script.sql ran the script ($(( $(date +%s) - start ))s)"
expect_eq "written by DB Browser: maas_cost, price lines, maas_version()" \
  "$(sqlite3 -batch "$SCRATCH/usage.db" "SELECT * FROM check_values")" "20.0|131|$MAAS_VERSION"
expect_eq "written by DB Browser: rows of $report" "$(sqlite3 -batch "$SCRATCH/usage.db" "SELECT count(*) FROM check_report")" "35"
sqlite3 -batch "$SCRATCH/usage.db" "SELECT * FROM check_report" > "$SCRATCH/dbbrowser.txt"
sqlite3 -batch -cmd ".load $MODULE" "$SCRATCH/usage.db" ".read $report" > "$SCRATCH/shell.txt"
if diff -u "$SCRATCH/shell.txt" "$SCRATCH/dbbrowser.txt" >&2; then ok "DB Browser's report equals the sqlite3 shell's"
else fail "DB Browser's report differs from the sqlite3 shell's (diff above)"; fi
expect_eq "DeepSeek-R1 in 2025-08 (exact text)" \
  "$(sqlite3 -batch "$SCRATCH/usage.db" "SELECT cost_cny FROM check_report WHERE month = '2025-08' AND model = 'DeepSeek-R1'")" "2.970476"

fresh_db "$SCRATCH/none.db"
if run_dbbrowser 10 "$SCRATCH/none.db"; then fail "without extensions/list the script ran: what loaded sqlite-maas?"; fi
ok "without -o extensions/list=... the script fails (no maas functions; 10 s waited)"

fresh_db "$SCRATCH/quit.db"
timeout 60 sqlitebrowser -q -o "extensions/list=$MODULE" -s "$SCRATCH/script.sql" "$SCRATCH/quit.db" > "$SCRATCH/quit.log" 2>&1 ||
  fail "sqlitebrowser -q exited $?"
expect_eq "with -q DB Browser quits before the script has run: tables written" \
  "$(sqlite3 -batch "$SCRATCH/quit.db" "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'check_%'")" "0"

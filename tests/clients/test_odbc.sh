#!/usr/bin/env bash
# test_odbc.sh - ODBC: unixODBC's isql through the SQLite3 ODBC driver
# (libsqliteodbc) with LoadExt= loading build/maas.so, on a database file
# made from examples/newapi_logs.sql; the DSN is examples/clients/odbc/odbc.ini
# with its two paths replaced.
source "$(dirname "$0")/common.sh"
need_module
scratch
command -v isql >/dev/null || fail "no isql (apt-get install unixodbc)"
odbcinst -q -d -n SQLite3 >/dev/null 2>&1 || fail "ODBC driver SQLite3 not registered (apt-get install libsqliteodbc)"

sqlite3 "$SCRATCH/newapi.db" < examples/newapi_logs.sql
make_dsn() {  # make_dsn NAME LOADEXT
  sed -e "s#^\[maas\]#[$1]#" -e "s#^Database *=.*#Database    = $SCRATCH/newapi.db#" \
      -e "s#^LoadExt *=.*#LoadExt     = $2#" examples/clients/odbc/odbc.ini
}
{ make_dsn maas "$MODULE"; make_dsn maas_nosuffix "${MODULE%.so}"
  cp "$MODULE" "$SCRATCH/sqlite-maas.so"; make_dsn maas_renamed "$SCRATCH/sqlite-maas.so"
  make_dsn plain ""; } > "$SCRATCH/odbc.ini"
export ODBCINI=$SCRATCH/odbc.ini

isql1() { echo "$2" | isql -b -d'|' "$1" 2>&1; }
expect_eq "isql maas: maas_cost('DeepSeek-R1', 1000000, 1000000)" \
  "$(isql1 maas "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000);")" "20.0"
expect_eq "isql maas: count(*) FROM maas_rates" "$(isql1 maas "SELECT count(*) FROM maas_rates;")" "131"
expect_eq "isql maas: maas_rates row" \
  "$(isql1 maas "SELECT model, item, price_text, unit FROM maas_rates WHERE model = 'Qwen3-8B' AND item = 'input';")" \
  "Qwen3-8B|input|0.0005|k_tokens"
expect_eq "isql maas: total of the example log (exact)" \
  "$(isql1 maas "SELECT sum(CAST(round(maas_cost(coalesce(CASE WHEN json_valid(other) AND json_extract(other, '$.is_model_mapped') = 1 THEN json_extract(other, '$.upstream_model_name') END, model_name), prompt_tokens, completion_tokens, created_at) * 1e9) AS INTEGER)) FROM logs WHERE type = 2;")" \
  "32750370000"
expect_eq "LoadExt without .so" "$(isql1 maas_nosuffix "SELECT maas_model('xdeepseekv3');")" "DeepSeek-V3"

# The driver names no entry point: a renamed file does not load, and says so
# on stderr, while the connection itself still opens.
out=$(isql1 maas_renamed "SELECT maas_version();")
expect_contains "LoadExt of a renamed copy" "$out" "did not load: $SCRATCH/sqlite-maas.so: undefined symbol: sqlite3_sqlitemaas_init"
# Without LoadExt this driver leaves SQL's load_extension() on, so the entry
# point can be named there, once per connection (isql: one connection).
out=$(printf "SELECT load_extension('%s', 'sqlite3_maas_init');\nSELECT maas_cost('DeepSeek-R1', 1000000, 1000000);\n" \
        "$SCRATCH/sqlite-maas.so" | isql -b -d'|' plain 2>&1)
expect_eq "DSN without LoadExt, load_extension(FILE, 'sqlite3_maas_init') first" "$(tail -1 <<<"$out")" "20.0"

bash examples/clients/odbc/example.sh maas > "$SCRATCH/example.out" 2>&1
expect_file_eq "examples/clients/odbc/example.sh" "$SCRATCH/example.out" tests/clients/expected/odbc.txt

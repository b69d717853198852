#!/usr/bin/env bash
# test_litecli.sh - litecli (Debian's 1.9) loads sqlite-maas with `.load` and
# examples/clients/litecli/example.sh prints cost by model: its table output
# is tests/clients/expected/litecli.txt, and its CSV output equals what the
# sqlite3 shell computes for the same query.
source "$(dirname "$0")/common.sh"
need_module
scratch
command -v litecli > /dev/null || fail "no litecli (apt install litecli)"
export HOME=$SCRATCH/home  # litecli writes its config and history there
mkdir -p "$HOME"

expect_eq "litecli -e '.load ...; SELECT maas_cost(...)'" \
  "$(litecli --csv -e ".load ${MODULE%.so}; SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cost" :memory: | tr -d '\r"')" \
  "$(printf 'cost\n20.0')"
MAAS_LOADABLE_PATH=$MODULE bash examples/clients/litecli/example.sh > "$SCRATCH/table.txt" || fail "example.sh"
expect_file_eq "example.sh (table)" "$SCRATCH/table.txt" tests/clients/expected/litecli.txt
MAAS_LOADABLE_PATH=$MODULE bash examples/clients/litecli/example.sh --csv | tr -d '\r"' > "$SCRATCH/litecli.csv" || fail "example.sh --csv"
sqlite3 -batch "$SCRATCH/usage.db" ".read examples/newapi_logs.sql"
sqlite3 -batch -csv -header -cmd ".load $MODULE" "$SCRATCH/usage.db" \
  "SELECT maas_model(model_name) AS model, count(*) AS calls,
          maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at), 6) AS cost_cny
     FROM logs WHERE type = 2 AND maas_cost(model_name, prompt_tokens, completion_tokens, created_at) IS NOT NULL
    GROUP BY 1 ORDER BY 1" | tr -d '\r"' > "$SCRATCH/sqlite3.csv"
if diff -u "$SCRATCH/sqlite3.csv" "$SCRATCH/litecli.csv" >&2; then ok "litecli's CSV equals the sqlite3 shell's ($(( $(wc -l < "$SCRATCH/sqlite3.csv") - 1 )) models)"
else fail "litecli's CSV differs from the sqlite3 shell's (diff above)"; fi

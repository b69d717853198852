#!/usr/bin/env bash
# test_sqlite_utils.sh - sqlite-utils (Debian 3.30) --load-extension, and
# examples/clients/sqlite-utils/example.sh.
source "$(dirname "$0")/common.sh"
need_module
scratch
command -v sqlite-utils >/dev/null || fail "no sqlite-utils (apt-get install sqlite-utils)"

expect_eq "sqlite-utils memory --load-extension build/maas.so: maas_cost('DeepSeek-R1', 1e6, 1e6)" \
  "$(sqlite-utils memory --load-extension "$MODULE" "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cost")" \
  '[{"cost": 20.0}]'
expect_eq "--load-extension build/maas (no .so) --csv: count(*) FROM maas_rates" \
  "$(sqlite-utils memory --load-extension "${MODULE%.so}" --csv --no-headers "SELECT count(*) FROM maas_rates" | tr -d "\r")" "131"

cp "$MODULE" "$SCRATCH/sqlite-maas.so"
expect_contains "--load-extension of a renamed copy" \
  "$(sqlite-utils memory --load-extension "$SCRATCH/sqlite-maas.so" "SELECT 1" 2>&1 || true)" \
  "undefined symbol: sqlite3_sqlitemaas_init"
expect_eq "--load-extension sqlite-maas.so:sqlite3_maas_init" \
  "$(sqlite-utils memory --load-extension "$SCRATCH/sqlite-maas.so:sqlite3_maas_init" --csv --no-headers "SELECT maas_model('xdeepseekv3')" | tr -d "\r")" \
  "DeepSeek-V3"

# Against a database file, as sqlite-utils query does.
sqlite-utils insert "$SCRATCH/usage.db" usage examples/clients/sqlite-utils/usage.csv --csv >/dev/null
expect_eq "sqlite-utils query usage.db: total cost of the CSV" \
  "$(sqlite-utils query "$SCRATCH/usage.db" --load-extension "$MODULE" --csv --no-headers \
       "SELECT round(sum(maas_cost(model, input_tokens, output_tokens, at)), 6) FROM usage" | tr -d "\r")" "0.077215"

bash examples/clients/sqlite-utils/example.sh "$MODULE" > "$SCRATCH/example.out"
expect_file_eq "examples/clients/sqlite-utils/example.sh" "$SCRATCH/example.out" tests/clients/expected/sqlite-utils.txt

#!/usr/bin/env bash
# example.sh - sqlite-maas from sqlite-utils (Debian: sqlite-utils).
#
#   bash examples/clients/sqlite-utils/example.sh [path/to/maas.so]   # default: build/maas.so
#
# --load-extension takes the module's path; the entry point is derived from
# the file name (maas.so -> sqlite3_maas_init).  For a renamed copy, name it
# after a colon: --load-extension /opt/x/sqlite-maas.so:sqlite3_maas_init
# `sqlite-utils memory FILE.csv` loads the CSV as the table FILE (counts come
# in as TEXT, which the maas functions accept) and runs the query on it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=${1:-${MAAS_LOADABLE_PATH:-$here/../../../build/maas.so}}

sqlite-utils memory --load-extension "$module" \
  "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cost, (SELECT count(*) FROM maas_rates) AS price_lines"

sqlite-utils memory --load-extension "$module" "$here/usage.csv" --table \
  "SELECT coalesce(maas_model(model), model) AS model,
          maas_cost(model, input_tokens, output_tokens, at) AS cost_cny
     FROM usage ORDER BY 1"

#!/usr/bin/env bash
# example.sh - price a usage log over ODBC with isql (unixODBC).
#
#   bash examples/clients/odbc/example.sh [DSN]       # DSN defaults to maas (see odbc.ini here)
#
# isql reads one statement per line: -b batch mode (no prompts or frames),
# -d'|' puts '|' between the columns.  isql exits 0 even when a statement
# fails, so look at what it prints (errors go to stderr).  The second query
# prices the served model (new-api's upstream_model_name when a channel
# mapped the request) per UTC month.
set -euo pipefail
dsn=${1:-maas}
isql -b -d'|' "$dsn" <<'SQL'
SELECT maas_version(), maas_cost('DeepSeek-R1', 1000000, 1000000), (SELECT count(*) FROM maas_rates);
SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month, count(*) AS requests, round(maas_total(maas_cost(coalesce(CASE WHEN json_valid(other) AND json_extract(other, '$.is_model_mapped') = 1 THEN json_extract(other, '$.upstream_model_name') END, model_name), prompt_tokens, completion_tokens, created_at)), 6) AS cost_cny FROM logs WHERE type = 2 GROUP BY 1 ORDER BY 1;
SQL

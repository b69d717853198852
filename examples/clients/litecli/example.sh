#!/usr/bin/env bash
# example.sh - litecli (Debian: apt install litecli) with sqlite-maas: cost by
# model of examples/newapi_logs.sql, one litecli command line.
#
#   bash examples/clients/litecli/example.sh                    # this checkout's build/maas.so
#   MAAS_LOADABLE_PATH=/usr/lib/sqlite3/maas.so bash example.sh  # the installed one
#   bash examples/clients/litecli/example.sh --csv              # litecli's other batch formats
#
# litecli's `.load PATH` loads an extension into its connection; at its
# interactive prompt type `.load /usr/lib/sqlite3/maas` first.  With -e,
# statements separated by ';' run in order, so `.load` comes first there too.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
module=${MAAS_LOADABLE_PATH:-$root/build/maas.so}
format=${1:--t}
db=$(mktemp -d)/newapi.db
trap 'rm -rf "$(dirname "$db")"' EXIT
sqlite3 "$db" ".read $root/examples/newapi_logs.sql"

litecli "$format" -e ".load ${module%.so}; \
SELECT maas_model(model_name) AS model, count(*) AS calls, \
       maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at), 6) AS cost_cny \
  FROM logs WHERE type = 2 AND maas_cost(model_name, prompt_tokens, completion_tokens, created_at) IS NOT NULL \
 GROUP BY 1 ORDER BY 1" "$db"

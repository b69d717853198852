#!/usr/bin/env bash
# demo.sh - build the extension and print the example report: the cost by
# month and model of examples/newapi_logs.sql (a new-api gateway log) priced
# on the built-in Xingchen card.
#
#   bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DMAAS_TESTS=OFF -DMAAS_WERROR=OFF >/dev/null
cmake --build build --target maas -j "$(nproc)" >/dev/null
sqlite3 -batch -cmd '.load ./build/maas' :memory: '.read examples/demo.sql'

#!/usr/bin/env bash
# test.sh - build with warnings as errors and run every test (unit, SQL
# through the C API, SQL files through the sqlite3 shell, static library).
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DMAAS_TESTS=ON -DMAAS_WERROR=ON >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"

#!/usr/bin/env bash
# install-deps.sh - install what building and testing sqlite-maas needs on
# Debian or Ubuntu, skipping what is already there.
#
#   bash scripts/install-deps.sh            # build + tests
#   bash scripts/install-deps.sh --extra clang valgrind   # and more packages
set -euo pipefail

# libsimdjson-dev: only the tests and fuzz targets use it (the reference the
# module's JSON reader is held against).
packages=(cmake g++ make libsqlite3-dev libsimdjson-dev sqlite3 catch2 python3 valgrind)
if [[ "${1:-}" == "--extra" ]]; then shift; packages+=("$@"); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

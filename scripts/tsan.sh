#!/usr/bin/env bash
# tsan.sh - build maas.so and the thread test with ThreadSanitizer in
# build-tsan/ and run the thread test: 8 connections pricing one WAL
# database while another flips the prices, and 100 connections loading the
# module.  Fails on any data race TSan reports, or a failed check.
#
#   bash scripts/tsan.sh                 # MAAS_THREAD_ROUNDS=20 statements per reader at least
#   MAAS_THREAD_ROUNDS=50 bash scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
flags="-fsanitize=thread -g -O1"
# The C++ runtime stays a shared library here, as under ASan: ThreadSanitizer
# must see it as the process's one runtime (the plain test run covers the
# shipped, linked-in runtime with the same thread tests).
cmake -S . -B build-tsan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAAS_TESTS=ON -DMAAS_STATIC_CXX_RUNTIME=OFF \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread \
  -DCMAKE_MODULE_LINKER_FLAGS=-fsanitize=thread >/dev/null
cmake --build build-tsan -j "$(nproc)" --target maas thread_tests
start=$SECONDS
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 history_size=4" \
  MAAS_THREAD_ROUNDS=${MAAS_THREAD_ROUNDS:-20} build-tsan/tests/robust/thread_tests
echo "tsan: thread test passed with no ThreadSanitizer report in $((SECONDS - start)) s"

#!/usr/bin/env bash
# fuzz.sh - build the libFuzzer targets of fuzz/ with clang (AddressSanitizer
# + UndefinedBehaviorSanitizer) in build-fuzz/ and run each for a bounded
# time; fail if any target finds a crash or a broken property.
#
#   bash scripts/fuzz.sh          # 60 seconds per target
#   bash scripts/fuzz.sh 25       # CI
#   FUZZ_TARGETS="fuzz_sql" bash scripts/fuzz.sh 300
#
# Each target starts from its seeds in fuzz/corpus/<target>/ plus what
# earlier runs added in build-fuzz/corpus/<target>/ (the repository's seeds
# are never written to).  A crash is saved as build-fuzz/artifacts/<target>/
# crash-*; reproduce it with: build-fuzz/<target> <that file>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
targets=${FUZZ_TARGETS:-"fuzz_card fuzz_usage_json fuzz_time_decimal fuzz_condition fuzz_sql fuzz_total"}

bash scripts/install-deps.sh --extra clang libclang-rt-14-dev
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S fuzz -B build-fuzz "${generator[@]}" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz -j "$(nproc)"

dictionary() {
  case $1 in
    fuzz_card) echo fuzz/dict/card.dict ;;
    fuzz_usage_json) echo fuzz/dict/json.dict ;;
    fuzz_time_decimal) echo fuzz/dict/time_decimal.dict ;;
    fuzz_condition) echo fuzz/dict/condition.dict ;;
    fuzz_sql) echo fuzz/dict/sql.dict ;;
    fuzz_total) echo fuzz/dict/total.dict ;;
  esac
}

failed=()
for target in $targets; do
  mkdir -p "build-fuzz/corpus/$target" "build-fuzz/artifacts/$target"
  log="build-fuzz/$target.log"
  set +e
  "build-fuzz/$target" "build-fuzz/corpus/$target" "fuzz/corpus/$target" \
    -dict="$(dictionary "$target")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$target/" >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
  speed=$(grep -a 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1)
  corpus=$(find "build-fuzz/corpus/$target" -type f | wc -l)
  if [[ $status -eq 0 ]]; then
    echo "fuzz: $target: ${runs:-?} runs in ${seconds} s (${speed:-?}/s), corpus $corpus: no crash"
  else
    failed+=("$target")
    echo "fuzz: $target: FAILED (exit $status) after ${runs:-?} runs; last lines of $log:"
    grep -a -E 'property broken|ERROR:|SUMMARY|runtime error|^  ' "$log" | head -20 || tail -20 "$log"
    ls build-fuzz/artifacts/"$target"/ 2>/dev/null | sed "s|^|  artifact: build-fuzz/artifacts/$target/|"
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: all targets ran ${seconds} s without a crash"

#!/usr/bin/env bash
# fuzz.sh - build the libFuzzer targets of fuzz/ with clang (AddressSanitizer
# + UndefinedBehaviorSanitizer) in build-fuzz/ and run each for a bounded
# time; fail if any target finds a crash or a broken property.
#
#   bash scripts/fuzz.sh          # 60 seconds per target
#   bash scripts/fuzz.sh 25       # CI
#   FUZZ_TARGETS="fuzz_sql" bash scripts/fuzz.sh 300
#   FUZZ_RECORD=1 bash scripts/fuzz.sh 1800   # a campaign: each target's row in docs/fuzzing.md
#
# Each target starts from its seeds in fuzz/corpus/<target>/ plus what
# earlier runs added in build-fuzz/corpus/<target>/ (the repository's seeds
# are never written to).  A crash is saved as build-fuzz/artifacts/<target>/
# crash-*; reproduce it with: build-fuzz/<target> <that file>
#
# With FUZZ_RECORD=1 each target's figures (executions, time, corpus, crashes)
# replace its row in docs/fuzzing.md, with the commit and a digest of the
# sources every target compiles (extension/, fuzz/, data/, cmake/): a row is
# about the final tree when its digest is the tree's (bash scripts/fuzz.sh --digest).
set -euo pipefail
cd "$(dirname "$0")/.."

# The sources a fuzz target is built from, as one digest: committed and
# uncommitted content alike, so a dirty tree gets its own.
sources_digest() {
  git ls-files -co --exclude-standard extension fuzz data cmake | grep -v '^fuzz/README.md$' | sort |
    xargs sha256sum | sha256sum | cut -c1-12
}
if [[ ${1:-} == --digest ]]; then
  sources_digest
  exit 0
fi

# record TARGET SECONDS RUNS SPEED CORPUS CRASHES: its row of docs/fuzzing.md,
# with the commit and digest the targets were built from (a campaign runs
# for hours: the tree may move on meanwhile).
record() {
  local file=docs/fuzzing.md row
  row="| \`$1\` | $(date -u '+%Y-%m-%d %H:%M') | $built_commit | $built_digest | $2 | $3 | $4 | $5 | $6 |"
  grep -v "^| \`$1\` |" "$file" >"$file.new"
  echo "$row" >>"$file.new"
  mv "$file.new" "$file"
}

seconds=${1:-60}
targets=${FUZZ_TARGETS:-"fuzz_card fuzz_usage_json fuzz_time_decimal fuzz_condition fuzz_sql fuzz_total"}

bash scripts/install-deps.sh --extra clang libclang-rt-14-dev
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S fuzz -B build-fuzz "${generator[@]}" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
built_commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- extension fuzz data cmake || echo -dirty)
built_digest=$(sources_digest)
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
  touch "build-fuzz/$target.start"
  set +e
  "build-fuzz/$target" "build-fuzz/corpus/$target" "fuzz/corpus/$target" \
    -dict="$(dictionary "$target")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$target/" >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
  speed=$(grep -a 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1)
  corpus=$(find "build-fuzz/corpus/$target" -type f | wc -l)
  crashes=$(find "build-fuzz/artifacts/$target" -type f -newer "build-fuzz/$target.start" | wc -l)
  [[ $status -ne 0 && $crashes -eq 0 ]] && crashes=1
  [[ -n ${FUZZ_RECORD:-} ]] && record "$target" "$seconds" "${runs:-?}" "${speed:-?}" "$corpus" "$crashes"
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

#!/usr/bin/env bash
# check_format.sh - the C++ against .clang-format (Debian's clang-format 14).
#
#   bash scripts/check_format.sh                 # check: lists each file that differs, exits 1 if any
#   bash scripts/check_format.sh --fix           # reformat those files in place
#   bash scripts/check_format.sh fuzz bench      # only the files under these paths (either mode)
#
# The files are every tracked .cpp, .hpp and .h (git ls-files, so no build
# directory); outside a git checkout, those found under the top level except
# build*/.  Each differing file is printed with the number of its lines that
# formatting would change.  CLANG_FORMAT names another binary; another major
# version than 14 may format differently, so it is reported.
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
paths=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --fix) fix=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check_format.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) paths+=("$1") ;;
  esac
  shift
done

clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null; then
  [[ -n ${CLANG_FORMAT:-} ]] && { echo "check_format.sh: no $clang_format" >&2; exit 1; }
  bash scripts/install-deps.sh --extra clang-format
fi
version=$("$clang_format" --version)
[[ $version =~ version\ 14\. ]] || echo "check_format.sh: note: .clang-format is tuned for clang-format 14, this is: $version" >&2

files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  specs=()
  if [[ ${#paths[@]} -eq 0 ]]; then
    specs=('*.cpp' '*.hpp' '*.h')
  else
    for p in "${paths[@]}"; do p=${p%/}; specs+=("$p/*.cpp" "$p/*.hpp" "$p/*.h" "$p"); done
  fi
  while IFS= read -r f; do
    case $f in *.cpp|*.hpp|*.h) [[ -f $f ]] && files+=("$f") ;; esac
  done < <(git ls-files -- "${specs[@]}" | sort -u)
else
  [[ ${#paths[@]} -eq 0 ]] && paths=(.)
  while IFS= read -r f; do files+=("${f#./}"); done < <(
    find "${paths[@]}" -path './build*' -prune -o -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print | sort)
fi
[[ ${#files[@]} -gt 0 ]] || { echo "check_format.sh: no C++ files under ${paths[*]:-.}" >&2; exit 2; }

# changed_lines FILE: how many of FILE's lines formatting would change.
changed_lines() { "$clang_format" --style=file "$1" | diff "$1" - | grep -c '^<' || true; }

differ=0
lines=0
for f in "${files[@]}"; do
  "$clang_format" --style=file --dry-run --Werror "$f" >/dev/null 2>&1 && continue
  n=$(changed_lines "$f")
  differ=$((differ + 1))
  lines=$((lines + n))
  if [[ $fix == 1 ]]; then
    "$clang_format" --style=file -i "$f"
    echo "formatted: $f ($n lines)"
  else
    echo "needs formatting: $f ($n lines)"
  fi
done

if [[ $fix == 1 ]]; then
  echo "format: ${#files[@]} files, $differ reformatted ($lines lines changed)"
  exit 0
fi
echo "format: ${#files[@]} files, $differ differ from .clang-format ($lines lines)"
if [[ $differ -gt 0 ]]; then
  echo "fix with: bash scripts/check_format.sh --fix${paths[*]:+ ${paths[*]}}" >&2
  exit 1
fi

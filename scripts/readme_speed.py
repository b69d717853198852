#!/usr/bin/env python3
"""readme_speed.py - put a benchmark run's figures in README.md's "Speed" section.

    bash bench/run.sh                                            # 10M rows, on a quiet machine
    python3 scripts/readme_speed.py build/bench/result-10000000.md
    python3 scripts/readme_speed.py --check build/bench/result-10000000.md   # exit 1 if README differs
    python3 scripts/readme_speed.py --any-n --readme /tmp/README.md build/bench/result-200000.md

The benchmark (bench/maas_bench.cpp) starts its report, result-N.md, with the
part meant for the README, between

    <!-- readme-speed:begin n=N -->  ...  <!-- readme-speed:end -->

(the run: N, date, revision, machine, load average; issue 14's targets with
their measured ratios and verdicts; the variants' ns per row; the
comparisons).  This script replaces what README.md holds between its own
markers, <!-- speed:begin --> and <!-- speed:end -->, with that part, and
leaves everything else as it is.  Issue 14's targets are set at 10,000,000
rows, so a run of another size is refused unless --any-n is given (to try
the script, or on a scratch copy).  Exits 2 when a marker is missing or
doubled.  Standard library only.
"""
import argparse
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TARGET_ROWS = 10_000_000
RESULT_BLOCK = re.compile(r"<!-- readme-speed:begin n=(\d+) -->\n(.*?)<!-- readme-speed:end -->", re.S)
BEGIN, END = "<!-- speed:begin -->", "<!-- speed:end -->"


def fail(message):
    print(f"readme_speed.py: {message}", file=sys.stderr)
    sys.exit(2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("result", help="build/bench/result-N.md, written by bench/run.sh N")
    parser.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    parser.add_argument("--any-n", action="store_true", help=f"accept a run of other than {TARGET_ROWS:,} rows")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if README.md would change")
    args = parser.parse_args()

    with open(args.result, encoding="utf-8") as f:
        result = f.read()
    blocks = RESULT_BLOCK.findall(result)
    if len(blocks) != 1:
        fail(f"{args.result}: expected one readme-speed block, found {len(blocks)} (not a bench/run.sh report?)")
    rows, block = int(blocks[0][0]), blocks[0][1].strip("\n")
    if rows != TARGET_ROWS and not args.any_n:
        fail(f"{args.result} is a run of {rows:,} rows; issue 14's targets are at {TARGET_ROWS:,} "
             "(--any-n to use it anyway)")

    with open(args.readme, encoding="utf-8") as f:
        readme = f.read()
    if readme.count(BEGIN) != 1 or readme.count(END) != 1:
        fail(f"{args.readme}: expected {BEGIN} and {END} once each, found {readme.count(BEGIN)} and "
             f"{readme.count(END)}")
    start, stop = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    if stop < start:
        fail(f"{args.readme}: {END} comes before {BEGIN}")
    updated = readme[:start] + "\n" + block + "\n" + readme[stop:]

    if updated == readme:
        print(f"{args.readme}: the speed section already holds this run ({rows:,} rows)")
        return 0
    if args.check:
        print(f"{args.readme}: the speed section differs from {args.result}")
        return 1
    with open(args.readme, "w", encoding="utf-8") as f:
        f.write(updated)
    print(f"{args.readme}: speed section rewritten from {args.result} ({rows:,} rows, "
          f"{block.count('NOT met')} target(s) not met)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

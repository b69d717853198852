#!/usr/bin/python3
"""(7) of the benchmark: the same pricing as a Python user-defined function.

Run by maas_bench (bench/run.sh) with Debian's /usr/bin/python3 and its
sqlite3 module, on the first --limit rows of the usage database:

    SELECT SUM(py_cost(model_name, prompt_tokens, completion_tokens))
    FROM logs WHERE rowid <= ?

py_cost looks the model up in a dict of prices (the rows of plain_rates,
aliases included, keyed in lower case, so it prices the same rows as the
NOCASE JOIN) and computes tokens x price / 1000 in floats, as the JOINs do.

Prints key=value lines; exit status 3 (with skipped=...) when the sqlite3
module is missing.
"""
import argparse
import json
import statistics
import sys
import time

try:
    import sqlite3
except ImportError as e:  # a Python built without _sqlite3
    print(f"skipped={sys.executable} has no sqlite3 module ({e})")
    sys.exit(3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--limit", type=int, required=True)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--prices", required=True, help="JSON: {model: [input, output]} per 1000 tokens")
    args = parser.parse_args()

    with open(args.prices, encoding="utf-8") as f:
        prices = {name.lower(): (p[0], p[1]) for name, p in json.load(f).items()}

    def py_cost(model, input_tokens, output_tokens):
        if model is None or input_tokens is None or output_tokens is None:
            return None
        price = prices.get(model.lower())
        if price is None:
            return None
        return input_tokens * price[0] / 1000 + output_tokens * price[1] / 1000

    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    con.create_function("py_cost", 3, py_cost)
    rows = con.execute("SELECT count(*) FROM logs WHERE rowid <= ?", (args.limit,)).fetchone()[0]

    def timed(sql):
        t0 = time.perf_counter()
        result = con.execute(sql, (args.limit,)).fetchone()[0]
        return (time.perf_counter() - t0) * 1e9 / rows, result

    floor_sql = "SELECT SUM(prompt_tokens * 0.000002 + completion_tokens * 0.000008) FROM logs WHERE rowid <= ?"
    udf_sql = "SELECT SUM(py_cost(model_name, prompt_tokens, completion_tokens)) FROM logs WHERE rowid <= ?"
    timed(floor_sql)  # warm-up
    floor, times, total = [], [], None
    for _ in range(args.reps):  # alternating, so that both see the same machine
        floor.append(timed(floor_sql)[0])
        ns, total = timed(udf_sql)
        times.append(ns)

    print(f"rows={rows}")
    print(f"ns_per_row={statistics.median(times):.1f}")
    print(f"min_ns_per_row={min(times):.1f}")
    print(f"max_ns_per_row={max(times):.1f}")
    print(f"floor_ns_per_row={statistics.median(floor):.1f}")
    print(f"sum={total!r}")
    print(f"python=Python {sys.version.split()[0]} ({sys.executable}), sqlite3 module on SQLite {sqlite3.sqlite_version}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""check_totals.py - an independent proof that maas_total and maas_total_text
are exact, against Python's decimal module.

    /usr/bin/python3 tests/clients/check_totals.py --module build/maas.so [--rows 100000] [--seed 1]

Over --rows random costs drawn from every price line of data/xingchen_rates.csv
(inference input and output through maas_cost with random token counts,
training through maas_training_cost with random tokens and epochs, dedicated
deployment through maas_deployment_cost with random hours and nodes; one in
twenty negated, as a refund), it computes each exact cost in Python from the
price text of the CSV and checks:

  - each cost the extension returns is the double nearest the exact cost;
  - in plain use, per model (GROUP BY) and as a running total per model
    (a window), maas_total equals float(exact sum), the double nearest the
    exact sum (Python's float(Decimal) rounds once, correctly);
    maas_total_text equals the exact sum's plain text, and
    maas_total_text(x, 6) its 6-decimal rounding half away from zero.

Exits 0 when everything agrees, 1 with the first differences otherwise.
Needs an sqlite3 module with extension loading (Debian's /usr/bin/python3).
"""
import argparse
import csv
import decimal
import os
import random
import sqlite3
import sys
import time
from decimal import Decimal

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
decimal.getcontext().prec = 80  # far beyond any sum here: every operation is exact
SIX = Decimal("0.000001")


def plain(d):
    """The exact value as plain text, without exponent or trailing zeros."""
    d = d.normalize()
    if d == 0:
        return "0"
    return format(d, "f")


def six_places(d):
    r = d.quantize(SIX, rounding=decimal.ROUND_HALF_UP)  # ROUND_HALF_UP: ties away from zero
    if r == 0:
        r = abs(r)  # a rounded zero has no sign
    return format(r, "f")


def price_lines():
    with open(os.path.join(ROOT, "data", "xingchen_rates.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def draw(lines, rows, rng):
    """[(line index, model, call SQL args, exact cost)], every line at least once."""
    out = []
    order = list(range(len(lines))) + [rng.randrange(len(lines)) for _ in range(rows - len(lines))]
    for i in order:
        line = lines[i]
        price = Decimal(line["price"])
        sign = -1 if rng.random() < 0.05 else 1
        if line["service"] == "inference" and line["item"] in ("input", "output"):
            tokens = rng.choice([rng.randrange(0, 100), rng.randrange(0, 5000), rng.randrange(0, 200000),
                                 rng.randrange(0, 10_000_000)])
            exact = Decimal(tokens) * price / 1000
            args = ("cost", tokens if line["item"] == "input" else 0, tokens if line["item"] == "output" else 0)
        elif line["service"] == "training":
            tokens = rng.randrange(0, 5_000_000)
            epochs = rng.randrange(1, 6)
            exact = Decimal(tokens) * epochs * price / 1000
            args = ("training", line["item"], tokens, epochs)
        else:  # deployment: hours with up to two decimals, per node-hour or (unit 'hour') for one node
            hours = Decimal(rng.randrange(0, 100000)) / 100
            nodes = rng.randrange(1, 9) if line["unit"] == "node_hour" else 1
            exact = hours * nodes * price
            args = ("deployment", str(hours), nodes)
        out.append((i, line["model"], line["effective_from"], sign, args, sign * exact))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", required=True, help="build/maas.so")
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=20260111)
    args = parser.parse_args()
    started = time.time()
    rng = random.Random(args.seed)
    lines = price_lines()
    costs = draw(lines, max(args.rows, len(lines)), rng)

    conn = sqlite3.connect(":memory:")
    conn.enable_load_extension(True)
    conn.load_extension(os.path.abspath(args.module))
    conn.execute("CREATE TABLE calls(id INTEGER PRIMARY KEY, line INTEGER, model TEXT, at TEXT, sign INTEGER,"
                 " kind TEXT, a, b, c)")
    conn.executemany("INSERT INTO calls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(k, i, model, at, sign, *a, *([None] * (4 - len(a))))
                      for k, (i, model, at, sign, a, _) in enumerate(costs)])
    # The extension prices every call; one column, as a report would hold it.
    conn.execute("""CREATE TABLE costs AS SELECT id, model, sign * CASE kind
                      WHEN 'cost' THEN maas_cost(model, a, b, at)
                      WHEN 'training' THEN maas_training_cost(model, a, b, c, at)
                      ELSE maas_deployment_cost(model, a, b, at) END AS cost
                    FROM calls ORDER BY id""")
    problems = []

    def expect(what, got, want):
        if got != want and len(problems) < 20:
            problems.append(f"{what}: got {got!r}, expected {want!r}")
        return got == want

    # Each cost: the double nearest the exact one.
    got_costs = conn.execute("SELECT id, cost FROM costs ORDER BY id").fetchall()
    assert len(got_costs) == len(costs)
    for (k, got), (i, model, _, _, a, exact) in zip(got_costs, costs):
        expect(f"cost {k} ({model}, line {i + 2} of the CSV, {a})", got, float(exact))

    # Plain use.
    total = sum((c[-1] for c in costs), Decimal(0))
    row = conn.execute("SELECT maas_total(cost), maas_total_text(cost), maas_total_text(cost, 6), "
                       "sum(cost) FROM costs").fetchone()
    expect("maas_total", row[0], float(total))
    expect("maas_total_text", row[1], plain(total))
    expect("maas_total_text(x, 6)", row[2], six_places(total))
    plain_sum_differs = row[3] != float(total)

    # GROUP BY model.
    by_model = {}
    for c in costs:
        by_model[c[1]] = by_model.get(c[1], Decimal(0)) + c[-1]
    groups = conn.execute("SELECT model, maas_total(cost), maas_total_text(cost), maas_total_text(cost, 6) "
                          "FROM costs GROUP BY model").fetchall()
    expect("GROUP BY: models", sorted(g[0] for g in groups), sorted(by_model))
    for model, t, text, six in groups:
        exact = by_model[model]
        expect(f"GROUP BY {model}: maas_total", t, float(exact))
        expect(f"GROUP BY {model}: maas_total_text", text, plain(exact))
        expect(f"GROUP BY {model}: maas_total_text(x, 6)", six, six_places(exact))

    # A running total per model (a window function), row by row.
    running = {}
    window = conn.execute("SELECT id, model, maas_total(cost) OVER w, maas_total_text(cost) OVER w, "
                          "maas_total_text(cost, 6) OVER w FROM costs "
                          "WINDOW w AS (PARTITION BY model ORDER BY id) ORDER BY id").fetchall()
    expect("window: rows", len(window), len(costs))
    for (k, model, t, text, six), c in zip(window, costs):
        running[model] = running.get(model, Decimal(0)) + c[-1]
        exact = running[model]
        expect(f"window row {k} ({model}): maas_total", t, float(exact))
        expect(f"window row {k} ({model}): maas_total_text", text, plain(exact))
        expect(f"window row {k} ({model}): maas_total_text(x, 6)", six, six_places(exact))
    # A sliding frame of 50 rows per model: xInverse subtracts exactly.
    frames = {}
    sliding = conn.execute("SELECT id, model, maas_total_text(cost) OVER (PARTITION BY model ORDER BY id "
                           "ROWS BETWEEN 49 PRECEDING AND CURRENT ROW) FROM costs ORDER BY id").fetchall()
    for (k, model, text), c in zip(sliding, costs):
        frame = frames.setdefault(model, [])
        frame.append(c[-1])
        del frame[:-50]
        expect(f"sliding window row {k} ({model})", text, plain(sum(frame, Decimal(0))))

    used = len({c[0] for c in costs})
    elapsed = time.time() - started
    print(f"check_totals: {len(costs)} costs from all {used} of {len(lines)} price lines, {len(groups)} models; "
          f"total {plain(total)} CNY; plain sum() {'differs' if plain_sum_differs else 'agrees'}; "
          f"{len(window)} running and {len(sliding)} sliding window rows; {elapsed:.1f} s")
    if used != len(lines):
        problems.append(f"only {used} of {len(lines)} price lines drawn")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("check_totals: every total is exact")
    return 0


if __name__ == "__main__":
    sys.exit(main())

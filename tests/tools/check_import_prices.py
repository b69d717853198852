#!/usr/bin/env python3
"""Tests of scripts/import_prices.py.

    check_import_prices.py --case genai_small --from genai-prices
        imports tests/tools/prices/genai_small.json: exit status 0, the card
        equals genai_small.csv byte for byte, stderr equals genai_small.stderr
        byte for byte, and every line of the card holds to the card's rules.
    check_import_prices.py --published DIR
        imports DIR/genai-prices-data-v2.json and DIR/litellm-model-prices-2026-07-24.json
        (the published files, never copied into the project): exit status 0,
        the counts it prints agree with the card, every line holds to the
        card's rules, and a few lines the sources' own calculators price are
        there; exit status 77 (skipped) when DIR is absent.

A line's rules: 11 columns, a known item and unit, a decimal price without
exponent, an instant for effective_from, and a condition of clauses joined by
' and ' in the grammar of issue 26 (counts, time windows, weekdays, holiday or
workday, variant).  No two lines share model, item, effective_from and
condition.
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
IMPORTER = os.path.join(ROOT, "scripts", "import_prices.py")
HEADER = ["provider", "model", "service", "item", "label", "price", "unit",
          "currency", "effective_from", "source", "condition"]
OFFSET = r"@[+-](?:[01]\d|2[0-3]):[0-5]\d"
HHMM = r"(?:[01]\d|2[0-3]):[0-5]\d"
DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)"
CLAUSES = [
    re.compile(r"^(?:input|output|cached_input) (?:>|>=|<|<=) \d+[km]?$"),
    re.compile(r"^time in %s-%s %s$" % (HHMM, HHMM, OFFSET)),
    re.compile(r"^weekday in %s(?:,%s)* %s$" % (DAY, DAY, OFFSET)),
    re.compile(r"^day is (?:holiday|workday) %s$" % OFFSET),
    re.compile(r"^variant = [A-Za-z0-9_-]+$"),
]
INSTANT = re.compile(r"^\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d))?$")
PRICE = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$")


def clause_problem(clause):
    return None if any(c.match(clause) for c in CLAUSES) else "clause %r is not in the grammar" % clause


def line_problems(row):
    if len(row) != len(HEADER):
        return ["%d columns" % len(row)]
    line = dict(zip(HEADER, row))
    problems = []
    if line["item"] not in ("input", "output", "cached_input", "cache_write", "request"):
        problems.append("item %r" % line["item"])
    if line["unit"] != ("request" if line["item"] == "request" else "m_tokens"):
        problems.append("unit %r for %s" % (line["unit"], line["item"]))
    if not PRICE.match(line["price"]):
        problems.append("price %r" % line["price"])
    if not INSTANT.match(line["effective_from"]):
        problems.append("effective_from %r" % line["effective_from"])
    if line["service"] != "inference" or line["currency"] != "USD" or not line["provider"] or not line["model"]:
        problems.append("service, currency, provider or model")
    if line["condition"]:
        problems += [p for p in map(clause_problem, line["condition"].split(" and ")) if p]
    return problems


def check_card(path):
    """Problems of a card file: [(line number, text)]; and its line count."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    problems = [] if rows and rows[0] == HEADER else [(1, "header %r" % (rows[:1],))]
    seen = set()
    for n, row in enumerate(rows[1:], start=2):
        problems += [(n, p) for p in line_problems(row)]
        key = tuple(x.lower() for x in row[:2]) + tuple(row[3:4] + row[8:9] + row[10:11])
        if key in seen:
            problems.append((n, "a second line for %r" % (key,)))
        seen.add(key)
    return problems, len(rows) - 1


def run(source, json_path, card_path):
    json_path = os.path.abspath(json_path)
    done = subprocess.run([sys.executable, IMPORTER, "--from", source, json_path, "-o", card_path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=os.path.dirname(json_path))
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def check_case(name, source, work):
    base = os.path.join(ROOT, "tests", "tools", "prices", name)
    card = os.path.join(work, name + ".csv")
    status, out, err = run(source, base + ".json", card)
    failures = []
    if status != 0 or out:
        failures.append("exit status %d, stdout %r" % (status, out))
    with open(base + ".csv", "rb") as f, open(card, "rb") as g:
        if f.read() != g.read():
            failures.append("the card %s differs from %s.csv" % (card, base))
    with open(base + ".stderr", encoding="utf-8") as f:
        if f.read() != err:
            failures.append("stderr differs from %s.stderr:\n%s" % (base, err))
    problems, _ = check_card(card)
    failures += ["%s:%d: %s" % (card, n, p) for n, p in problems]
    return failures


# Lines the published files must give (provider, model, item, price, effective_from, condition).
PUBLISHED_LINES = {
    "genai-prices-data-v2.json": ("genai-prices", [
        ("anthropic", "claude-sonnet-4-5", "input", "6", "1970-01-01T00:00:00Z", "input > 200k"),
        ("anthropic", "claude-opus-4-6", "output", "25", "2026-03-13T00:00:00Z", "input > 200k"),
        ("deepseek", "deepseek-chat", "input", "0.27", "1970-01-01T00:00:00Z", "time in 00:30-16:30 @+00:00"),
        ("openai", "gpt-5.6-luna", "cached_input", "0.02", "2026-07-30T00:00:00Z", ""),
    ]),
    "litellm-model-prices-2026-07-24.json": ("litellm", [
        ("anthropic", "claude-sonnet-4-5", "input", "6", "1970-01-01T00:00:00Z", "input > 200k"),
        ("anthropic", "claude-sonnet-4-5", "cached_input", "0.3", "1970-01-01T00:00:00Z", ""),
        ("openai", "gpt-4o", "input", "1.25", "1970-01-01T00:00:00Z", "variant = batch"),
        ("openai", "gpt-4o", "cache_write", "0", "1970-01-01T00:00:00Z", ""),
    ]),
}
SUMMARY = re.compile(r"^import_prices: (\d+) card lines for (\d+) models; (\d+) not imported \(listed above\)$")


def check_published(directory, work):
    failures = []
    for file_name, (source, expected) in PUBLISHED_LINES.items():
        card = os.path.join(work, source + ".csv")
        status, _, err = run(source, os.path.join(directory, file_name), card)
        lines = err.splitlines()
        m = SUMMARY.match(lines[-1]) if lines else None
        if status != 0 or not m:
            failures.append("%s: exit status %d, last stderr line %r" % (file_name, status, lines[-1:]))
            continue
        problems, count = check_card(card)
        failures += ["%s:%d: %s" % (card, n, p) for n, p in problems[:20]]
        listed = sum(1 for line in lines if line.startswith("import_prices: not imported: "))
        if int(m.group(1)) != count or int(m.group(3)) != listed:
            failures.append("%s: summary %r, but %d lines and %d listed" % (file_name, lines[-1], count, listed))
        with open(card, encoding="utf-8", newline="") as f:
            have = {(r[0], r[1], r[3], r[5], r[8], r[10]) for r in csv.reader(f)}
        failures += ["%s: no line %r" % (file_name, want) for want in expected if want not in have]
        print("%s: %s lines for %s models, %s not imported" % (file_name, m.group(1), m.group(2), m.group(3)))
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--case")
    parser.add_argument("--from", dest="source")
    parser.add_argument("--published")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if args.published:
            if not os.path.isdir(args.published):
                print("skipped: no %s" % args.published)
                return 77
            failures = check_published(args.published, work)
        else:
            failures = check_case(args.case, args.source, work)
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

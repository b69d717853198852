#!/usr/bin/env python3
"""check_priced_once.py - no shipped report prices a usage row twice.

    python3 tests/reports/check_priced_once.py --shell sqlite3 --module build/tests/maas_counting.so \\
        --rows 3000 --work build/tests/reports --expected tests/reports/priced_once.expected [--update]

For each report in sql/reports/ (each must be listed in bench/reports_data.py's
REPORTS), builds its tool's database of --rows usage rows (bench/reports_data.py,
in WORK/DATA_VERSION-ROWS/), runs the report through the sqlite3 shell as a
user would, with --module
loaded instead of maas.so (tests/reports/count_calls.cpp: maas.so itself,
with every call of its functions counted), and then reads the counts.  Fails
when
  - a report errors (any output on stderr, or a non-zero exit status);
  - a pricing function (maas_cost, maas_cost_cached, maas_usage_cost) is
    called more often than the rows times the places the report calls it
    (a base query evaluated twice, or a priced column that SQLite copies into
    each place it is used, prices a row more than once).  The rows are those
    of the tables the report reads (REPORTS); the places are counted in the
    report composed: every file it .reads, and for sql/sources/auto.sql the
    adapter it runs on that database (bench/reports_data.py's ADAPTERS);
  - the counts differ from --expected, one line per report and function
    called ("report function calls"); --update rewrites it.
Run from the repository root (the reports are read by their paths there).
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRICING = ("maas_cost", "maas_cost_cached", "maas_usage_cost")


def load_generator():
    spec = importlib.util.spec_from_file_location("reports_data", os.path.join(ROOT, "bench", "reports_data.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def composed(path, tool_adapter):
    """The report's SQL with every file it .reads put in place, and the
    adapter sql/sources/auto.sql runs (through maas_exec) after it."""
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        text = f.read()
    out = []
    for line in text.split("\n"):
        m = re.match(r"\.read\s+(sql/\S+)\s*$", line)
        out.append(composed(m.group(1), tool_adapter) if m else line)
        if m and m.group(1) == "sql/sources/auto.sql":
            out.append(composed(f"sql/sources/{tool_adapter}.sql", tool_adapter))
    return "\n".join(out)


def call_sites(report_sql, function):
    """How many places the report's SQL (comments left out) calls function."""
    text = re.sub(r"--[^\n]*", "", report_sql)
    return len(re.findall(r"\b%s\s*\(" % re.escape(function), text, flags=re.IGNORECASE))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shell", default="sqlite3")
    parser.add_argument("--module", required=True)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--work", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()

    data = load_generator()
    shipped = sorted(f[:-4] for f in os.listdir(os.path.join(ROOT, "sql", "reports")) if f.endswith(".sql"))
    problems = [f"sql/reports/{r}.sql is not in bench/reports_data.py's REPORTS" for r in shipped
                if r not in data.REPORTS]
    directory = os.path.join(args.work, f"{data.DATA_VERSION}-{args.rows}")
    lines = []
    for report in shipped:
        if report not in data.REPORTS:
            continue
        tool, tables = data.REPORTS[report]
        db = data.build(tool, args.rows, directory)
        path = os.path.join("sql", "reports", report + ".sql")
        report_sql = composed(path, data.ADAPTERS[tool])
        count = " + ".join(f'(SELECT count(*) FROM "{t}")' for t in tables) or "0"
        script = (f".output /dev/null\n.read {path}\n.output\n.mode list\n.headers off\n"
                  f"SELECT 'rows ' || ({count});\n"
                  "SELECT counted_calls();\n")
        run = subprocess.run([args.shell, "-batch", "-cmd", ".load " + args.module, db], input=script,
                             capture_output=True, text=True, cwd=ROOT)
        if run.returncode != 0 or run.stderr:
            problems.append(f"{report}: exit status {run.returncode}, stderr:\n{run.stderr}")
            continue
        out = run.stdout.split("\n")
        rows = int(out[0].split()[1])
        counts = {}
        for line in out[1:]:
            if line.strip():
                name, calls = line.split()
                counts[name] = int(calls)
        lines.append(f"{report} rows {rows}")
        for name in sorted(counts):
            lines.append(f"{report} {name} {counts[name]}")
        for name in PRICING:
            sites = call_sites(report_sql, name)
            if counts.get(name, 0) > sites * rows:
                problems.append(f"{report}: {name} called {counts[name]} times over {rows} rows, "
                                f"from {sites} place(s) in the report: a row is priced more than once")
    text = "\n".join(lines) + "\n"
    if args.update:
        with open(args.expected, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        with open(args.expected, encoding="utf-8") as f:
            expected = f.read()
        if text != expected:
            actual = os.path.join(args.work, "priced_once.actual")
            with open(actual, "w", encoding="utf-8") as f:
                f.write(text)
            import difflib
            diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                                args.expected, actual))
            problems.append(f"calls differ from {args.expected} (--update to accept):\n{diff}")
    sys.stdout.write(text)
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

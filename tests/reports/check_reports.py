#!/usr/bin/env python3
"""check_reports.py - every tool's report and auto.sql agree on every fixture,
and every reason code a report prints is the one documented list.

    python3 tests/reports/check_reports.py --shell sqlite3 --module build/maas.so

For each fixture (a tool's example database in its real schema, examples/),
runs through the sqlite3 shell, from the repository root, as a user would:
  1. the tool's own report, sql/reports/<tool>.sql;
  2. sql/reports/auto.sql, which must name the tool on its first line and
     then print exactly what the tool's report printed;
  3. sql/reports/whatif.sql;
  4. the report again, then the sum of maas_focus's BilledCost per
     BillingCurrency, which must equal the report's total per currency;
and collects the reason codes in temp.maas_usage and the what-if's
temp.maas_whatif_totals.  Fails when a run errors (a non-zero exit status or
anything on stderr), when auto.sql differs, when a printed code is not in
the table of docs/usage/index.md#reason-codes, or when that table and the
codes the SQL can produce (string literals of sql/usage/priced.sql and
sql/reports/whatif.sql, and maas_unpriced's codes from its page) differ.
Prints one line per fixture; the last line is 'N passed, N failed'.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# (fixture scripts, the report of its tool, the tool auto.sql must name)
FIXTURES = [
    ("examples/newapi_logs.sql examples/newapi_logs_2026.sql", "newapi", "new-api"),
    ("examples/oneapi_logs.sql", "oneapi", "one-api"),
    ("examples/litellm_spendlogs.sql", "litellm", "LiteLLM"),
    ("examples/openai_usage_export.sql", "openai_usage_export", "OpenAI usage export"),
    ("examples/langfuse_observations.sql", "langfuse", "Langfuse v2"),
    ("examples/langfuse_v3_observations.sql", "langfuse_v3", "Langfuse v3"),
    ("examples/langfuse_v4_events.sql", "langfuse_v4", "Langfuse v4"),
    ("examples/llm_logs.sql", "llm", "llm"),
    ("examples/llm_logs_032.sql", "llm", "llm"),
    ("examples/openwebui_chat_messages.sql", "openwebui", "Open WebUI"),
    ("examples/dify_import.sql", "dify", "Dify"),
    ("examples/lobechat_import.sql", "lobechat", "LobeChat"),
]


def run(shell, module, script):
    return subprocess.run([shell, "-batch", "-cmd", ".load " + module, ":memory:"], input=script,
                          capture_output=True, text=True, cwd=ROOT)


def documented_codes():
    with open(os.path.join(ROOT, "docs", "usage", "index.md"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("## Reason codes", 1)[1]
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))


def producible_codes():
    codes = set()
    for path in ("sql/usage/priced.sql", "sql/reports/whatif.sql"):
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            sql = re.sub(r"--[^\n]*", "", f.read())
        # The codes are the literals given as a reason: 'a_word' in a THEN,
        # an IN list or a coalesce fallback.
        codes |= set(re.findall(r"'([a-z]+(?:_[a-z]+)+)'", sql))
    with open(os.path.join(ROOT, "docs", "functions", "maas_unpriced.md"), encoding="utf-8") as f:
        codes |= set(re.findall(r"^\| `([a-z_]+)` \|", f.read(), flags=re.MULTILINE))
    return codes


def check_fixture(args, fixture, report, tool, seen):
    setup = "".join(f".read {script}\n" for script in fixture.split())
    own = run(args.shell, args.module, setup + f".read sql/reports/{report}.sql\n")
    auto = run(args.shell, args.module, setup + ".read sql/reports/auto.sql\n")
    codes = run(args.shell, args.module, setup + ".output /dev/null\n.read sql/reports/whatif.sql\n.output\n"
                ".mode list\n.headers off\nSELECT DISTINCT reason FROM temp.maas_usage WHERE reason IS NOT NULL\n"
                "UNION SELECT DISTINCT reason FROM temp.maas_whatif_totals WHERE reason IS NOT NULL;\n")
    focus = run(args.shell, args.module, setup + f".output /dev/null\n.read sql/reports/{report}.sql\n.output\n"
                ".mode list\n.headers off\n"
                "SELECT count(*), sum(f.total IS t.cost) FROM (SELECT currency, cost FROM maas_report_totals\n"
                " WHERE line = 'total') AS t LEFT JOIN (SELECT BillingCurrency AS currency,\n"
                " maas_total_text(BilledCost) AS total FROM maas_focus GROUP BY 1) AS f USING (currency);\n"
                "SELECT count(*) FROM (SELECT DISTINCT BillingCurrency FROM maas_focus);\n")
    problems = []
    for name, r in (("report", own), ("auto.sql", auto), ("whatif.sql", codes), ("maas_focus", focus)):
        if r.returncode != 0 or r.stderr:
            problems.append(f"{name}: exit status {r.returncode}, stderr: {r.stderr.strip()}")
    if not problems:
        first, _, rest = auto.stdout.partition("\n")
        if not first.startswith(f"Usage of {tool} "):
            problems.append(f"auto.sql's first line names another tool: {first!r}")
        if rest != own.stdout:
            problems.append("auto.sql's report differs from sql/reports/%s.sql's" % report)
        if "total" not in own.stdout:
            problems.append("the report printed no total line")
        seen |= {line for line in codes.stdout.split("\n") if line}
        totals, agree = focus.stdout.split("\n")[0].split("|")
        if totals != agree or focus.stdout.split("\n")[1] != totals:
            problems.append(f"maas_focus's BilledCost per BillingCurrency differs from the report's totals: "
                            f"{focus.stdout.strip()!r}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shell", default="sqlite3")
    parser.add_argument("--module", required=True)
    args = parser.parse_args()
    passed = failed = 0
    seen = set()
    for fixture, report, tool in FIXTURES:
        problems = check_fixture(args, fixture, report, tool, seen)
        print(("ok    " if not problems else "FAIL  ") + f"{fixture} ({report}.sql, auto.sql, whatif.sql, maas_focus)")
        for p in problems:
            print("      " + p)
        passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
    documented, producible = documented_codes(), producible_codes()
    code_problems = []
    if seen - documented:
        code_problems.append(f"printed but not documented: {sorted(seen - documented)}")
    if documented != producible:
        code_problems.append(f"documented {sorted(documented - producible)} not produced; "
                             f"produced {sorted(producible - documented)} not documented")
    print(("ok    " if not code_problems else "FAIL  ") +
          f"reason codes: {len(seen)} printed, {len(documented)} documented")
    for p in code_problems:
        print("      " + p)
    passed, failed = (passed + 1, failed) if not code_problems else (passed, failed + 1)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

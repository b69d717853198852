#!/usr/bin/python3
"""monthly_cost.py - pandas + matplotlib with sqlite-maas: the monthly cost by
model of a new-api log as a stacked bar chart (PNG), and the exact totals.

    /usr/bin/python3 examples/clients/pandas/monthly_cost.py --out monthly_cost.png
    /usr/bin/python3 examples/clients/pandas/monthly_cost.py --db newapi.db --out chart.png   # a real log

Debian: apt install python3-pandas python3-matplotlib.  Without --db it
prices examples/newapi_logs.sql in memory.  Every number printed is exact:
each total is summed in SQL from the calls' costs with maas_total, without
rounding error, and rounded once to 6 places as text (maas_total_text), which
pandas holds as decimal.Decimal.  (Adding up rounded per-model totals could
be off in the last place, so the month and grand totals are SQL's own.) The
chart, which only needs to look right, draws them as floats.
"""
import argparse
import decimal
import os
import sqlite3
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
try:  # an installed sqlite_maas (the wheel, the .deb), else the checkout's python/
    import sqlite_maas
except ImportError:
    sys.path.insert(0, os.path.join(ROOT, "python"))
    import sqlite_maas  # noqa: E402

QUERY = """
SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month,
       maas_model(model_name) AS model,
       maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at), 6) AS cost
  FROM logs
 WHERE type = 2 AND maas_cost(model_name, prompt_tokens, completion_tokens, created_at) IS NOT NULL
 GROUP BY 1, 2
 ORDER BY 1, 2
"""
MONTHS = """
SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month,
       maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at), 6) AS cost
  FROM logs WHERE type = 2
 GROUP BY 1 ORDER BY 1
"""
TOTAL = """
SELECT maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at), 6)
  FROM logs WHERE type = 2
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an SQLite file with new-api's logs table (default: examples/newapi_logs.sql)")
    parser.add_argument("--out", default="monthly_cost.png", help="the PNG to write")
    args = parser.parse_args()

    conn = sqlite3.connect(args.db or ":memory:")
    sqlite_maas.load(conn)
    if not args.db:
        with open(os.path.join(ROOT, "examples", "newapi_logs.sql"), encoding="utf-8") as f:
            conn.executescript(f.read())

    df = pd.read_sql_query(QUERY, conn)
    df["cost"] = df["cost"].map(decimal.Decimal)  # exact, as SQL computed it
    by_month = pd.read_sql_query(MONTHS, conn, index_col="month")["cost"].map(decimal.Decimal)
    (total,) = conn.execute(TOTAL).fetchone()
    print("month    cost (CNY)")
    for month, cost in by_month.items():
        print(f"{month}  {cost}")
    print(f"total    {total}")

    table = df.pivot(index="month", columns="model", values="cost").fillna(decimal.Decimal(0)).astype(float)
    ax = table.plot(kind="bar", stacked=True, figsize=(10, 6), width=0.8, colormap="tab20")
    ax.set_title("Cost by month and model (iFlytek Xingchen MaaS prices)")
    ax.set_xlabel("month")
    ax.set_ylabel("CNY")
    ax.tick_params(axis="x", rotation=0)
    for i, (month, cost) in enumerate(by_month.items()):
        ax.annotate(f"{cost}", (i, float(cost)), ha="center", va="bottom", fontsize=9)
    ax.legend(title="model", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    plt.tight_layout()
    plt.savefig(args.out, dpi=100)
    print(f"wrote {args.out}: {len(table.columns)} models, {len(table)} months")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""example.py - price usage from Python's sqlite3 with sqlite-maas.

    /usr/bin/python3 examples/clients/python/example.py            # from the checkout, after building
    MAAS_LOADABLE_PATH=/usr/lib/sqlite3/maas.so /usr/bin/python3 example.py

Uses Debian's /usr/bin/python3: its sqlite3 module can load extensions (a
pyenv-built python3 usually cannot; sqlite_maas.load then says so).
"""
import os
import sqlite3
import sys

# An installed sqlite_maas (pip install sqlite_maas-*.whl, or the .deb's in
# /usr/lib/python3/dist-packages) is used as it is; else the checkout's python/.
try:
    import sqlite_maas
except ImportError:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "python"))
    import sqlite_maas  # noqa: E402

conn = sqlite3.connect(":memory:")
sqlite_maas.load(conn)  # enable_load_extension(True), load_extension(path), enable_load_extension(False)

(cost,) = conn.execute("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)").fetchone()
print(f"DeepSeek-R1, 1M input + 1M output tokens: {cost} CNY")
(lines,) = conn.execute("SELECT count(*) FROM maas_rates").fetchone()
print(f"price lines: {lines}")

conn.execute("CREATE TABLE usage(at TEXT, model TEXT, input_tokens INTEGER, output_tokens INTEGER)")
conn.executemany("INSERT INTO usage VALUES (?, ?, ?, ?)", [
    ("2025-09-01 10:00:00", "DeepSeek-R1", 1200, 3400),
    ("2025-09-01 10:05:00", "qwen3-8b", 230, 300),
    ("2025-09-02 08:00:00", "xdeepseekv3", 5000, 800),
    ("2025-09-02 09:00:00", "gpt-4o-mini", 100, 100),
])
for model, cost in conn.execute(
        "SELECT coalesce(maas_model(model), model), maas_cost(model, input_tokens, output_tokens, at)"
        "  FROM usage ORDER BY 1"):
    print(f"{model}: {'no price' if cost is None else cost}")

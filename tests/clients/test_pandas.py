#!/usr/bin/python3
"""test_pandas.py - examples/clients/pandas/monthly_cost.py with Debian's
python3-pandas and python3-matplotlib: the totals it prints are exactly the
sqlite3 shell's (maas_total_text of the same rows), and the PNG it draws is a
1000x600 image.

    MAAS_BUILD_DIR=build /usr/bin/python3 tests/clients/test_pandas.py
"""
import os
import struct
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("MAAS_BUILD_DIR", os.path.join(ROOT, "build"))
if not os.path.isabs(BUILD):
    BUILD = os.path.join(ROOT, BUILD)
MODULE = os.path.join(BUILD, "maas.so")
EXAMPLE = os.path.join(ROOT, "examples", "clients", "pandas", "monthly_cost.py")
COST = "maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at), 6)"


def shell(sql):
    """The sqlite3 shell's answer on examples/newapi_logs.sql, rows of '|'-separated text."""
    return subprocess.run(["sqlite3", "-batch", "-cmd", ".load " + MODULE[:-3], ":memory:",
                           ".read " + os.path.join(ROOT, "examples", "newapi_logs.sql"), sql],
                          capture_output=True, text=True, check=True).stdout.splitlines()


class PandasExampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.png = os.path.join(cls.tmp.name, "monthly_cost.png")
        cls.run_ = subprocess.run([sys.executable, "-B", EXAMPLE, "--out", cls.png], cwd=cls.tmp.name,
                                  env=dict(os.environ, MAAS_LOADABLE_PATH=MODULE), capture_output=True, text=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_runs(self):
        self.assertEqual(self.run_.returncode, 0, self.run_.stderr)

    def test_month_totals_are_the_shells(self):
        printed = [line.split() for line in self.run_.stdout.splitlines() if line[:2] == "20"]
        expected = [row.split("|") for row in shell(
            f"SELECT strftime('%Y-%m', created_at, 'unixepoch'), {COST} FROM logs WHERE type = 2 GROUP BY 1 ORDER BY 1")]
        self.assertEqual(printed, expected)
        self.assertEqual(len(printed), 6)

    def test_grand_total_is_exact(self):
        (total,) = shell(f"SELECT {COST} FROM logs WHERE type = 2")
        self.assertIn(f"\ntotal    {total}\n", self.run_.stdout)
        self.assertEqual(total, "31.437628")  # model_name as logged: mapped rows (deepseek-chat) unpriced

    def test_png(self):
        with open(self.png, "rb") as f:
            head = f.read(24)
        self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(struct.unpack(">II", head[16:24]), (1000, 600))
        self.assertIn(f"wrote {self.png}: 10 models, 6 months", self.run_.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)

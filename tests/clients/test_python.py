#!/usr/bin/python3
"""test_python.py - python/sqlite_maas and examples/clients/python with
Debian's /usr/bin/python3, and the message a Python without extension
loading gives (the pyenv python3, when it is on the machine).

    MAAS_BUILD_DIR=build /usr/bin/python3 tests/clients/test_python.py
    MAAS_PYTHON_INSTALLED=1 VENV/bin/python tests/clients/test_python.py   # the installed wheel

With MAAS_PYTHON_INSTALLED=1 (tests/clients/test_wheel.sh) the checkout's
python/ is not put on sys.path: the sqlite_maas imported is the installed one,
which must not come from the checkout and must find its own bundled modules.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("MAAS_BUILD_DIR", os.path.join(ROOT, "build"))
if not os.path.isabs(BUILD):
    BUILD = os.path.join(ROOT, BUILD)
MODULE = os.path.join(BUILD, "maas.so")
with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as f:
    VERSION = f.readline().strip()  # the one home of the version; expected outputs write it @VERSION@
INSTALLED = os.environ.get("MAAS_PYTHON_INSTALLED") == "1"
if not INSTALLED:
    sys.path.insert(0, os.path.join(ROOT, "python"))
sys.dont_write_bytecode = True
import sqlite_maas  # noqa: E402
NOFS_MODULE = os.path.join(BUILD, "maas_nofs.so")

# pyenv's shim, or any python3 given in MAAS_NO_EXT_PYTHON, built without
# --enable-loadable-sqlite-extensions.
NO_EXT_PYTHON = os.environ.get("MAAS_NO_EXT_PYTHON", "/root/.pyenv/shims/python3")


def env_with(**changes):
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


class LoadableTest(unittest.TestCase):
    def setUp(self):
        self.assertTrue(os.path.isfile(MODULE), f"build first: no {MODULE}")
        self.saved = os.environ.get(sqlite_maas.ENV_VAR)
        os.environ[sqlite_maas.ENV_VAR] = MODULE

    def tearDown(self):
        if self.saved is None:
            os.environ.pop(sqlite_maas.ENV_VAR, None)
        else:
            os.environ[sqlite_maas.ENV_VAR] = self.saved

    def test_this_python_can_load(self):
        self.assertTrue(sqlite_maas.supports_extensions(),
                        f"{sys.executable} has no enable_load_extension: run this with /usr/bin/python3")

    def test_values(self):
        conn = sqlite3.connect(":memory:")
        self.assertEqual(sqlite_maas.load(conn), os.path.realpath(MODULE))
        self.assertEqual(conn.execute("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)").fetchone()[0], 20.0)
        self.assertEqual(conn.execute("SELECT count(*) FROM maas_rates").fetchone()[0], 131)
        self.assertEqual(conn.execute("SELECT maas_cost('Qwen3-8B', 230, 300)").fetchone()[0], 0.001615)
        self.assertEqual(conn.execute("SELECT maas_model('xdeepseekv3')").fetchone()[0], "DeepSeek-V3")
        self.assertIsNone(conn.execute("SELECT maas_cost('gpt-4o-mini', 1, 1)").fetchone()[0])
        with self.assertRaisesRegex(sqlite3.OperationalError, "input_tokens must be a non-negative integer"):
            conn.execute("SELECT maas_cost('DeepSeek-R1', -1, 0)").fetchone()

    def test_loading_is_switched_off_again(self):
        conn = sqlite3.connect(":memory:")
        sqlite_maas.load(conn)
        with self.assertRaisesRegex(sqlite3.OperationalError, "not authorized"):
            conn.execute("SELECT load_extension(?)", (MODULE,)).fetchone()

    def test_every_connection_needs_its_own_load(self):
        with self.assertRaisesRegex(sqlite3.OperationalError, "no such function: maas_cost"):
            sqlite3.connect(":memory:").execute("SELECT maas_cost('DeepSeek-R1', 1, 1)")

    def test_env_var_without_suffix(self):
        os.environ[sqlite_maas.ENV_VAR] = MODULE[:-3]
        self.assertEqual(sqlite_maas.loadable_path(), os.path.realpath(MODULE))

    def test_env_var_missing_file(self):
        os.environ[sqlite_maas.ENV_VAR] = "/nonexistent/maas.so"
        with self.assertRaisesRegex(FileNotFoundError, "MAAS_LOADABLE_PATH=/nonexistent/maas.so"):
            sqlite_maas.loadable_path()

    def test_version_and_license(self):
        conn = sqlite3.connect(":memory:")
        sqlite_maas.load(conn)
        self.assertEqual(sqlite_maas.__version__, VERSION)
        self.assertEqual(conn.execute("SELECT maas_version()").fetchone()[0], VERSION)
        self.assertEqual(sqlite_maas.__license__, "MIT")

    def test_where_the_version_comes_from(self):
        # TMP/python/sqlite_maas: VERSION beside the package (as installed),
        # else TMP/VERSION (a checkout), else "0+unknown".
        with tempfile.TemporaryDirectory() as tmp:
            package = os.path.join(tmp, "python", "sqlite_maas")
            shutil.copytree(os.path.join(ROOT, "python", "sqlite_maas"), package)

            def version():
                return subprocess.run([sys.executable, "-B", "-c", "import sqlite_maas; print(sqlite_maas.__version__)"],
                                      cwd=tmp, env=env_with(PYTHONPATH=os.path.dirname(package)),
                                      capture_output=True, text=True, check=True).stdout.strip()

            def write(path, text):
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)

            self.assertEqual(version(), "0+unknown")
            write(os.path.join(tmp, "VERSION"), "9.8.7\n")
            self.assertEqual(version(), "9.8.7")
            write(os.path.join(package, "VERSION"), "9.8.8\n")
            self.assertEqual(version(), "9.8.8")

    def test_found_next_to_the_package(self):
        with tempfile.TemporaryDirectory() as tmp:
            package = os.path.join(tmp, "sqlite_maas")
            shutil.copytree(os.path.join(ROOT, "python", "sqlite_maas"), package)
            shutil.copy(MODULE, os.path.join(package, "maas.so"))
            out = subprocess.run(
                [sys.executable, "-B", "-c", "import sqlite_maas; print(sqlite_maas.loadable_path())"],
                cwd=tmp, env=env_with(MAAS_LOADABLE_PATH=None, PYTHONPATH=tmp),
                capture_output=True, text=True, check=True)
            self.assertEqual(out.stdout.strip(), os.path.join(os.path.realpath(package), "maas.so"))

    def test_nofs(self):
        # maas_nofs.so: the same prices without maas_load_card, beside $MAAS_LOADABLE_PATH.
        self.assertEqual(sqlite_maas.loadable_path(nofs=True), os.path.realpath(NOFS_MODULE))
        conn = sqlite3.connect(":memory:")
        self.assertEqual(sqlite_maas.load(conn, nofs=True), os.path.realpath(NOFS_MODULE))
        self.assertEqual(conn.execute(
            "SELECT maas_cost('DeepSeek-R1', 1000000, 1000000),"
            " (SELECT count(*) FROM pragma_function_list WHERE name = 'maas_load_card')").fetchone(), (20.0, 0))

    @unittest.skipUnless(INSTALLED, "only for an installed package (MAAS_PYTHON_INSTALLED=1)")
    def test_installed_package_brings_its_modules(self):
        package = os.path.dirname(os.path.realpath(sqlite_maas.__file__))
        self.assertFalse(package.startswith(ROOT + os.sep), f"sqlite_maas comes from the checkout: {package}")
        self.assertNotIn(os.path.join(ROOT, "python"), [os.path.realpath(p) for p in sys.path if p],
                         f"the checkout's python/ is on sys.path: {sys.path}")
        del os.environ[sqlite_maas.ENV_VAR]
        self.assertEqual(sqlite_maas.loadable_path(), os.path.join(package, "maas.so"))
        self.assertEqual(sqlite_maas.loadable_path(nofs=True), os.path.join(package, "maas_nofs.so"))
        conn = sqlite3.connect(":memory:")
        self.assertEqual(sqlite_maas.load(conn), os.path.join(package, "maas.so"))
        self.assertEqual(conn.execute("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)").fetchone()[0], 20.0)

    @unittest.skipIf(INSTALLED, "the installed package is not in the checkout")
    def test_found_in_the_checkout_build(self):
        # python/sqlite_maas beside build/: the checkout's own build/maas.so.
        if not os.path.isfile(os.path.join(ROOT, "build", "maas.so")):
            self.skipTest("no build/maas.so in this checkout")
        del os.environ[sqlite_maas.ENV_VAR]
        self.assertEqual(sqlite_maas.loadable_path(), os.path.join(ROOT, "build", "maas.so"))

    def test_renamed_file_needs_its_entry_point(self):
        with tempfile.TemporaryDirectory() as tmp:
            renamed = os.path.join(tmp, "sqlite-maas.so")
            shutil.copy(MODULE, renamed)
            conn = sqlite3.connect(":memory:")
            with self.assertRaisesRegex(sqlite3.OperationalError, "sqlite3_sqlitemaas_init"):
                sqlite_maas.load(conn, renamed)
            # Python < 3.12 has no entrypoint= argument: name it in SQL instead.
            conn.enable_load_extension(True)
            conn.execute("SELECT load_extension(?, 'sqlite3_maas_init')", (renamed,)).fetchone()
            conn.enable_load_extension(False)
            self.assertEqual(conn.execute("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)").fetchone()[0], 20.0)

    def test_example(self):
        out = subprocess.run([sys.executable, "-B", os.path.join(ROOT, "examples", "clients", "python", "example.py")],
                             env=env_with(MAAS_LOADABLE_PATH=MODULE), capture_output=True, text=True, check=True)
        with open(os.path.join(ROOT, "tests", "clients", "expected", "python.txt")) as f:
            self.assertEqual(out.stdout, f.read().replace("@VERSION@", VERSION))


class NoExtensionLoadingTest(unittest.TestCase):
    """A Python built without --enable-loadable-sqlite-extensions (pyenv)."""

    def run_python(self, code):
        if not shutil.which(NO_EXT_PYTHON) and not os.path.exists(NO_EXT_PYTHON):
            self.skipTest(f"{NO_EXT_PYTHON} is not here")
        return subprocess.run([NO_EXT_PYTHON, "-B", "-c", code], capture_output=True, text=True,
                              env=env_with(PYTHONPATH=os.path.join(ROOT, "python"), MAAS_LOADABLE_PATH=MODULE))

    def test_it_really_has_no_extension_loading(self):
        out = self.run_python("import sqlite3; print(hasattr(sqlite3.Connection, 'enable_load_extension'))")
        if out.stdout.strip() == "True":
            self.skipTest(f"{NO_EXT_PYTHON} can load extensions: nothing to test")
        self.assertEqual(out.stdout.strip(), "False", out.stderr)

    def test_load_says_what_to_do(self):
        out = self.run_python(
            "import sqlite3, sqlite_maas\n"
            "print(sqlite_maas.supports_extensions())\n"
            "sqlite_maas.load(sqlite3.connect(':memory:'))\n")
        if out.stdout.strip() == "True":
            self.skipTest(f"{NO_EXT_PYTHON} can load extensions: nothing to test")
        self.assertNotEqual(out.returncode, 0)
        last = out.stderr.strip().splitlines()[-1]
        self.assertTrue(last.startswith("RuntimeError: sqlite_maas.load: this Python's sqlite3 module cannot "
                                        "load SQLite extensions"), last)
        self.assertIn("--enable-loadable-sqlite-extensions", last)
        self.assertIn("/usr/bin/python3", last)
        self.assertIn("PYTHON_CONFIGURE_OPTS=--enable-loadable-sqlite-extensions pyenv install", last)
        with open(os.path.join(ROOT, "docs", "install-and-clients.md"), encoding="utf-8") as f:
            self.assertIn("\n" + last + "\n", f.read(), "docs/install-and-clients.md quotes another message")

    def test_loadable_path_still_works(self):
        out = self.run_python("import sqlite_maas; print(sqlite_maas.loadable_path())")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.strip(), os.path.realpath(MODULE))


if __name__ == "__main__":
    unittest.main(verbosity=2)

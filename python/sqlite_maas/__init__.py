"""sqlite_maas - load the sqlite-maas extension into Python's sqlite3.

    import sqlite3, sqlite_maas
    conn = sqlite3.connect("usage.db")
    sqlite_maas.load(conn)
    conn.execute("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)").fetchone()  # (20.0,)

Installed from the wheel (pip install sqlite_maas-*.whl), the package holds
maas.so and maas_nofs.so itself, so loadable_path() is inside the package.

loadable_path() says which maas.so load() uses.  It is the first of:
  1. $MAAS_LOADABLE_PATH (a file, with or without the .so suffix);
  2. maas.so next to this package (a bundled copy);
  3. the installed module of the prefix this package is installed under
     (PREFIX/lib/python3/dist-packages/sqlite_maas -> PREFIX/lib[/ARCH]/sqlite3/maas.so);
  4. build/maas.so of the source checkout this package sits in (python/ beside build/);
  5. `pkg-config --variable=module sqlite-maas`;
  6. the usual installed places: /usr/local/lib[/ARCH]/sqlite3/maas.so, /usr/lib[/ARCH]/sqlite3/maas.so.
loadable_path(nofs=True) and load(conn, nofs=True) look for maas_nofs.so, the
same functions without maas_load_card (for hosts where untrusted people type
SQL), in the same places; with $MAAS_LOADABLE_PATH, beside that file.

Python's sqlite3 can load extensions only when it was built with
--enable-loadable-sqlite-extensions (Debian's /usr/bin/python3 is; a pyenv
build is not unless asked); load() then raises RuntimeError saying so.
Standard library only.

__version__ is read from the file VERSION, the one home of the version: the
copy installed next to this package (cmake --install puts it there), else
the checkout's top-level VERSION (python/sqlite_maas -> ../../VERSION); it is
"0+unknown" when neither is there.  MIT licensed (LICENSE, installed next to
this package too).
"""

import glob
import os
import shutil
import sqlite3
import subprocess

__all__ = ["loadable_path", "load", "supports_extensions", "MODULE_NAME", "NOFS_MODULE_NAME", "ENV_VAR",
           "__version__", "__license__"]

MODULE_NAME = "maas.so"
NOFS_MODULE_NAME = "maas_nofs.so"
ENV_VAR = "MAAS_LOADABLE_PATH"

_HERE = os.path.dirname(os.path.abspath(__file__))


def _read_version():
    """The first line of VERSION next to this package, else of the checkout's."""
    for path in (os.path.join(_HERE, "VERSION"), os.path.join(_HERE, "..", "..", "VERSION")):
        try:
            with open(path, encoding="utf-8") as f:
                version = f.readline().strip()
        except OSError:
            continue
        if version:
            return version
    return "0+unknown"


__version__ = _read_version()
__license__ = "MIT"

NO_EXTENSION_LOADING = (
    "this Python's sqlite3 module cannot load SQLite extensions "
    "(sqlite3.Connection has no enable_load_extension: Python was built without "
    "--enable-loadable-sqlite-extensions, as pyenv builds are by default). "
    "Fix: run it with Debian's /usr/bin/python3, or rebuild this Python with "
    "--enable-loadable-sqlite-extensions (pyenv: "
    "PYTHON_CONFIGURE_OPTS=--enable-loadable-sqlite-extensions pyenv install VERSION)."
)


def supports_extensions(conn_or_module=sqlite3):
    """True when this sqlite3 module (or connection) can load extensions."""
    target = conn_or_module.Connection if conn_or_module is sqlite3 else conn_or_module
    return hasattr(target, "enable_load_extension")


def _as_file(path):
    """path if it names a file, else path + '.so' if that does (SQLite adds the suffix too)."""
    if os.path.isfile(path):
        return os.path.abspath(path)
    if not path.endswith(".so") and os.path.isfile(path + ".so"):
        return os.path.abspath(path + ".so")
    return None


def _in_libdirs(prefix, name):
    """PREFIX/lib/sqlite3/NAME and PREFIX/lib/<multiarch>/sqlite3/NAME."""
    lib = os.path.join(prefix, "lib")
    candidates = [os.path.join(lib, "sqlite3", name)]
    candidates += sorted(glob.glob(os.path.join(lib, "*", "sqlite3", name)))
    candidates.append(os.path.join(prefix, "lib64", "sqlite3", name))
    return candidates


def _candidates(name):
    yield os.path.join(_HERE, name)
    # installed: PREFIX/lib/python3/dist-packages/sqlite_maas
    prefix = os.path.normpath(os.path.join(_HERE, "..", "..", "..", ".."))
    if os.path.basename(os.path.dirname(_HERE)) in ("dist-packages", "site-packages"):
        yield from _in_libdirs(prefix, name)
    # source checkout: python/sqlite_maas next to build/
    checkout = os.path.normpath(os.path.join(_HERE, "..", ".."))
    yield os.path.join(checkout, "build", name)
    pkg_config = shutil.which("pkg-config")
    if pkg_config:
        try:
            out = subprocess.run([pkg_config, "--variable=module", "sqlite-maas"],
                                 capture_output=True, text=True, timeout=10)
            module = out.stdout.strip()
            if out.returncode == 0 and module:
                yield os.path.join(os.path.dirname(module), name)
        except (OSError, subprocess.SubprocessError):
            pass
    for prefix in ("/usr/local", "/usr"):
        yield from _in_libdirs(prefix, name)


def loadable_path(nofs=False):
    """Absolute path of the maas.so (nofs: maas_nofs.so) to load; FileNotFoundError naming where it looked."""
    name = NOFS_MODULE_NAME if nofs else MODULE_NAME
    env = os.environ.get(ENV_VAR)
    if env:
        found = _as_file(env)
        if not found:
            raise FileNotFoundError(f"{ENV_VAR}={env}: no such file (nor {env}.so)")
        if not nofs:
            return found
        beside = os.path.join(os.path.dirname(found), name)
        if not os.path.isfile(beside):
            raise FileNotFoundError(f"{ENV_VAR}={env}: no {name} beside it")
        return beside
    looked = []
    for candidate in _candidates(name):
        found = _as_file(candidate)
        if found:
            return found
        looked.append(candidate)
    raise FileNotFoundError(
        f"sqlite-maas: {name} not found; build it (cmake -S . -B build && cmake --build build), "
        f"install it, or set {ENV_VAR}. Looked in: " + ", ".join(looked))


def load(conn, path=None, nofs=False):
    """Load sqlite-maas into the sqlite3 connection conn; returns the path loaded.

    nofs=True loads maas_nofs.so (no maas_load_card) instead of maas.so; its
    entry point, sqlite3_maasnofs_init, is derived from its name by SQLite.

    Extension loading is switched on only for the load and off again after it,
    so SQL run later on conn cannot call load_extension() itself.
    """
    if not supports_extensions(conn):
        raise RuntimeError("sqlite_maas.load: " + NO_EXTENSION_LOADING)
    path = path or loadable_path(nofs)
    conn.enable_load_extension(True)
    try:
        conn.load_extension(path)
    finally:
        conn.enable_load_extension(False)
    return path

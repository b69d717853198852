#!/usr/bin/env python3
"""check_version.py - VERSION is the one home of the version; the files that
must also hold it (npm requires a version in package.json) agree with it.

    python3 scripts/check_version.py                    # the checkout, and build/ if configured
    python3 scripts/check_version.py --build-dir build-x
    ctest --test-dir build -R '^version$'               # the same, as a ctest

Checks, each printed as "ok: ..." or "FAIL: ...":
  - VERSION is one line MAJOR.MINOR.PATCH;
  - node/package.json "version";
  - node/package-lock.json "version" and packages[""].version;
  - python/sqlite_maas: __version__ (which it reads from VERSION);
  - python/pyproject.toml (the wheel) writes no version of its own but
    declares it dynamic, and python/setup.py reads it from VERSION;
  - BUILD_DIR/generated/maas_version.h, when that build tree has one:
    MAAS_VERSION and MAAS_VERSION_NUMBER (CMake writes it from VERSION; a
    mismatch means the tree was configured before VERSION changed).
Exits 1 when any disagrees.  Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
failures = 0


def check(what, actual, expected):
    global failures
    if actual == expected:
        print(f"ok: {what} = {expected}")
    else:
        failures += 1
        print(f"FAIL: {what} is {actual!r}, VERSION says {expected!r}")


def check_literal(what, actual, expected):
    """A check whose expected value is not the version itself."""
    global failures
    if actual == expected:
        print(f"ok: {what}: {expected}")
    else:
        failures += 1
        print(f"FAIL: {what}: {actual!r}, expected {expected!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", default=os.environ.get("MAAS_BUILD_DIR", os.path.join(ROOT, "build")),
                        help="a build tree whose generated maas_version.h is checked too (default: build)")
    args = parser.parse_args()
    global failures

    with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as f:
        text = f.read()
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)\n?", text)
    if not m:
        print(f"FAIL: VERSION must hold one line MAJOR.MINOR.PATCH, not {text!r}")
        return 1
    version = text.strip()
    major, minor, patch = (int(x) for x in m.groups())
    print(f"ok: VERSION = {version}")

    with open(os.path.join(ROOT, "node", "package.json"), encoding="utf-8") as f:
        check("node/package.json version", json.load(f).get("version"), version)
    with open(os.path.join(ROOT, "node", "package-lock.json"), encoding="utf-8") as f:
        lock = json.load(f)
    check("node/package-lock.json version", lock.get("version"), version)
    check('node/package-lock.json packages[""].version', lock.get("packages", {}).get("", {}).get("version"), version)

    out = subprocess.run([sys.executable, "-B", "-c", "import sqlite_maas; print(sqlite_maas.__version__)"],
                         env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python")),
                         capture_output=True, text=True)
    check("python/sqlite_maas __version__", out.stdout.strip() if out.returncode == 0 else out.stderr.strip(),
          version)

    with open(os.path.join(ROOT, "python", "pyproject.toml"), encoding="utf-8") as f:
        pyproject = f.read()
    static = re.findall(r'(?m)^version\s*=\s*"([^"]*)"', pyproject)
    check_literal("python/pyproject.toml version",
          "dynamic" if not static and re.search(r'(?m)^dynamic\s*=\s*\[\s*"version"\s*\]', pyproject)
          else (static[0] if static else "neither written nor dynamic"), "dynamic")
    with open(os.path.join(ROOT, "python", "setup.py"), encoding="utf-8") as f:
        setup_py = f.read()
    check_literal("python/setup.py reads ../VERSION",
          bool(re.search(r'os\.path\.join\(ROOT, "VERSION"\)', setup_py) and "version=version()" in setup_py), True)

    build = args.build_dir if os.path.isabs(args.build_dir) else os.path.join(ROOT, args.build_dir)
    header = os.path.join(build, "generated", "maas_version.h")
    if os.path.isfile(header):
        with open(header, encoding="utf-8") as f:
            h = f.read()
        shown = os.path.relpath(header, ROOT) if header.startswith(ROOT + os.sep) else header
        m = re.search(r'#define MAAS_VERSION "([^"]*)"', h)
        check(f"{shown} MAAS_VERSION", m.group(1) if m else None, version)
        m = re.search(r"#define MAAS_VERSION_NUMBER \((\d+) \* 1000000 \+ (\d+) \* 1000 \+ (\d+)\)", h)
        number = tuple(int(x) for x in m.groups()) if m else None
        check(f"{shown} MAAS_VERSION_NUMBER", number, (major, minor, patch))
    else:
        print(f"note: no {header}: no build tree checked")

    print(f"version: {'FAILED' if failures else 'all agree with VERSION'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

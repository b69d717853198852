#!/usr/bin/env python3
"""check_docs.py - run every example in docs/ through the sqlite3 shell and
compare its output with the page.

    python3 tests/clients/check_docs.py                  # docs/**/*.md, module build/maas
    python3 tests/clients/check_docs.py --module build-x/maas docs/functions/maas_cost.md
    python3 tests/clients/check_docs.py --update docs/functions/maas_cost.md   # rewrite outputs (then review the diff!)
    python3 tests/clients/check_docs.py --lists          # the lists below only (ctest docs:index)

An example is a ```sql block followed by a ```text block (only blank lines
between them): the SQL (and any shell dot-commands) is fed to

    sqlite3 -batch -cmd '.load MODULE' :memory:

on standard input, and what it prints, standard output and errors together,
must equal the text block exactly (trailing blank lines aside).  Every ```sql
block must have its ```text block: an example that is not checked is an
error.  Each example runs in a fresh in-memory database, with the working
directory a scratch directory that links the repository's data/, sql/ and
examples/, so `.read sql/user_tables.sql` works and files an example writes
(writefile('card.csv', ...)) go nowhere.

Versions: the version lives in the file VERSION alone, and a page is not
rewritten when it moves on.  So a version number MAJOR.MINOR.PATCH in a text
block (`0.1.0`, as maas_version() and maas_debug() print it) matches itself
or the running version, VERSION's text; the rest of the line must match
exactly.  (The SQL is run as written: `maas_version() >= '0.1.0'` is a
minimum, not the current version.)

It also checks that every maas_* function and table that the module
registers has its page: docs/functions/NAME.md, docs/tables/NAME.md; and
that the functions docs/index.md links (functions/NAME.md) and the pages in
docs/functions/ are exactly the functions the module registers
(pragma_function_list), and every registered table is linked from the index.

Standard library only; any python3 runs it.
"""
import argparse
import difflib
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w+-]*)[^\n]*$")
VERSION_NUMBER = re.compile(r"(?<![\d.])\d+\.\d+\.\d+(?![\d.])")
with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as _f:
    VERSION = _f.readline().strip()


def blocks(path):
    """[(lang, first line number of the content, content, (start, end) line indexes)]"""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, lang = m.group(1), m.group(2).lower()
        j = i + 1
        while j < len(lines) and not lines[j].startswith(fence):
            j += 1
        if j == len(lines):
            raise SystemExit(f"{path}:{i + 1}: unclosed code fence")
        out.append((lang, i + 2, "\n".join(lines[i + 1:j]), (i, j)))
        i = j + 1
    return out, lines


def examples(path):
    """[(line, sql, expected text, index of the text block)] and errors."""
    found, lines = blocks(path)
    pairs, errors = [], []
    for k, (lang, line, content, span) in enumerate(found):
        if lang != "sql":
            continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        between = lines[span[1] + 1:nxt[3][0]] if nxt else []
        if not nxt or nxt[0] != "text" or any(x.strip() for x in between):
            errors.append(f"{os.path.relpath(path, ROOT)}:{line - 1}: ```sql block without a ```text block "
                          "right after it (its output): every example is checked")
            continue
        pairs.append((line, content, nxt[2], k + 1))
    return pairs, errors


def run(sqlite3, module, sql, workdir):
    proc = subprocess.run([sqlite3, "-batch", "-cmd", f".load {module}", ":memory:"],
                          input=sql + "\n", stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, cwd=workdir, timeout=60,
                          env=dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8"))
    return proc.stdout


def normalise(text):
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n"))


def matches(expected, actual):
    """Normalised texts equal, a version number in expected also standing for VERSION."""
    expected, actual = normalise(expected), normalise(actual)
    if expected == actual:
        return True
    pattern, at = "", 0
    for m in VERSION_NUMBER.finditer(expected):
        pattern += re.escape(expected[at:m.start()]) + f"(?:{re.escape(m.group())}|{re.escape(VERSION)})"
        at = m.end()
    return at > 0 and re.fullmatch(pattern + re.escape(expected[at:]), actual) is not None


def registered(sqlite3, module):
    out = subprocess.run(
        [sqlite3, "-batch", "-cmd", f".load {module}", ":memory:",
         "SELECT DISTINCT 'functions', name FROM pragma_function_list WHERE name LIKE 'maas\\_%' ESCAPE '\\' "
         "UNION SELECT DISTINCT 'tables', name FROM pragma_module_list WHERE name LIKE 'maas\\_%' ESCAPE '\\' "
         "ORDER BY 1, 2"],
        capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("|")) for line in out.split("\n") if line]


def list_problems(registered_names):
    """What docs/index.md and docs/functions/ lack or have beyond the registered names."""
    with open(os.path.join(ROOT, "docs", "index.md"), encoding="utf-8") as f:
        index = f.read()
    linked = {kind: set(re.findall(r"\]\(" + kind + r"/(\w+)\.md\)", index)) for kind in ("functions", "tables")}
    pages = {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(ROOT, "docs", "functions", "*.md"))}
    functions = {name for kind, name in registered_names if kind == "functions"}
    tables = {name for kind, name in registered_names if kind == "tables"}
    problems = [f"docs/index.md does not link functions/{n}.md (the registered function {n})"
                for n in sorted(functions - linked["functions"])]
    problems += [f"docs/index.md links functions/{n}.md, but the module registers no function {n}"
                 for n in sorted(linked["functions"] - functions)]
    problems += [f"docs/functions/{n}.md is the page of no registered function" for n in sorted(pages - functions)]
    problems += [f"docs/index.md does not link tables/{n}.md (the registered table {n})"
                 for n in sorted(tables - linked["tables"])]
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="Markdown files (default: docs/**/*.md)")
    build = os.environ.get("MAAS_BUILD_DIR", "build")
    parser.add_argument("--module", default=os.path.join(build if os.path.isabs(build) else os.path.join(ROOT, build), "maas"),
                        help="the module to .load (default: $MAAS_BUILD_DIR/maas, build/maas)")
    parser.add_argument("--sqlite3", default="sqlite3")
    parser.add_argument("--update", action="store_true", help="rewrite the text blocks with the actual output")
    parser.add_argument("--lists", action="store_true",
                        help="only the pages and docs/index.md against what the module registers, no examples")
    args = parser.parse_args()
    module = os.path.abspath(args.module)
    if not (os.path.isfile(module) or os.path.isfile(module + ".so")):
        raise SystemExit(f"check_docs.py: no module {module}(.so): build first or give --module")

    files = args.files or sorted(glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
    passed = failed = 0
    problems = []

    if not args.files or args.lists:  # a page for everything the module registers
        names = registered(args.sqlite3, module)
        for kind, name in names:
            page = os.path.join(ROOT, "docs", kind, name + ".md")
            if os.path.isfile(page):
                passed += 1
            else:
                failed += 1
                problems.append(f"missing page docs/{kind}/{name}.md for the registered {kind[:-1]} {name}")
        listed = list_problems(names)
        problems += listed
        failed += len(listed)
        passed += not listed
    if args.lists:
        files = []

    with tempfile.TemporaryDirectory(prefix="maas-docs-") as scratch:
        for path in files:
            pairs, errors = examples(path)
            problems += errors
            failed += len(errors)
            if not pairs:
                continue
            updates = {}
            for line, sql, expected, text_index in pairs:
                workdir = tempfile.mkdtemp(dir=scratch)
                for name in ("data", "sql", "examples"):
                    os.symlink(os.path.join(ROOT, name), os.path.join(workdir, name))
                actual = run(args.sqlite3, module, sql, workdir)
                where = f"{os.path.relpath(path, ROOT)}:{line - 1}"
                if matches(expected, actual):
                    passed += 1
                    print(f"ok: {where}")
                elif args.update:
                    updates[text_index] = normalise(actual)
                    passed += 1
                    print(f"updated: {where}")
                else:
                    failed += 1
                    diff = "\n".join(difflib.unified_diff(
                        normalise(expected).split("\n"), normalise(actual).split("\n"),
                        "page", "sqlite3", lineterm=""))
                    problems.append(f"{where}: output differs\n{diff}")
                    print(f"FAIL: {where}")
            if updates:
                found, lines = blocks(path)
                for index in sorted(updates, reverse=True):
                    start, end = found[index][3]
                    lines[start + 1:end] = updates[index].split("\n")
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))

    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    print(f"docs: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

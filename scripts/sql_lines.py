#!/usr/bin/env python3
"""sql_lines.py - an SQL script as one statement per line, for shells that
read a line as a statement (the dqlite shell: scripts/dqlite.sh, docs/dqlite.md).

    python3 scripts/sql_lines.py examples/newapi_logs.sql | dqlite -s 127.0.0.1:9001 usage

Comments (-- and /* */) are dropped and runs of white space outside quotes
become one space; a statement ends at a ';' that completes it in SQLite's
sense (sqlite3.complete_statement), so a trigger's BEGIN ... ; END; stays
whole.  A quoted string or name that holds a line break cannot be put on one
line: that is an error, never a silent change.  Shell dot-commands (.read,
.parameter) are refused: the dqlite shell has none of them.
"""
import sqlite3
import sys


def statements(text, name):
    out, current, i, n, line = [], [], 0, len(text), 1
    space = False
    while i < n:
        c = text[i]
        if c in "'\"`[":
            close = "]" if c == "[" else c
            j = i + 1
            while True:
                j = text.find(close, j)
                if j < 0:
                    raise SystemExit(f"{name}:{line}: unterminated quote")
                if close != "]" and j + 1 < n and text[j + 1] == close:
                    j += 2  # a doubled quote inside the literal
                    continue
                break
            literal = text[i:j + 1]
            if "\n" in literal:
                raise SystemExit(f"{name}:{line}: a quoted text holds a line break; it cannot be one line")
            if space and current:
                current.append(" ")
            space = False
            current.append(literal)
            i = j + 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            space = True
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise SystemExit(f"{name}:{line}: unterminated comment")
            line += text.count("\n", i, j)
            i = j + 2
            space = True
        elif c.isspace():
            line += c == "\n"
            space = True
            i += 1
        elif c == "." and not current:
            raise SystemExit(f"{name}:{line}: a shell dot-command cannot be sent: {text[i:text.find(chr(10), i)]}")
        else:
            if space and current:
                current.append(" ")
            space = False
            current.append(c)
            i += 1
            if c == ";":
                statement = "".join(current)
                if sqlite3.complete_statement(statement):
                    out.append(statement)
                    current, space = [], False
    rest = "".join(current).strip()
    if rest:
        raise SystemExit(f"{name}: the last statement has no ';': {rest[:60]}")
    return out


def main():
    if len(sys.argv) < 2:
        raise SystemExit("usage: sql_lines.py FILE.sql...")
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8") as f:
            for statement in statements(f.read(), name):
                print(statement)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""check_locked.py - a report on a database another process holds locked
waits a bounded time (sql/usage/begin.sql: 5 s), then says so in one line
and leaves nothing behind; a lock released within the wait is waited for.

  python3 tests/live/check_locked.py --shell sqlite3 --module build/maas.so

Which lock blocks a reader: on a rollback-journal database, a writer's
EXCLUSIVE lock (BEGIN EXCLUSIVE, or any write while it commits); on a WAL
database a writer never does, only a connection in locking_mode EXCLUSIVE.
Each case is held by another process (this script run with --hold).
"""
import argparse
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

REPORT = 'sql/reports/newapi.sql'
WAIT_S = 5  # the wait begin.sql sets (.timeout 5000)


def hold(path, journal, exclusive_mode, seconds):
    """Holds the lock, says 'locked' on stdout, releases it after seconds."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f'PRAGMA journal_mode = {journal}')
    if exclusive_mode:
        db.execute('PRAGMA locking_mode = EXCLUSIVE')
    db.execute('BEGIN EXCLUSIVE')
    db.execute("UPDATE logs SET content = content WHERE id = 1")
    print('locked', flush=True)
    time.sleep(seconds)
    db.execute('ROLLBACK')


def make_db(shell, path, journal):
    with open('examples/newapi_logs.sql', encoding='utf-8') as f:
        subprocess.run([shell, path], stdin=f, check=True)
    subprocess.run([shell, path, f'PRAGMA journal_mode = {journal}'], check=True, capture_output=True)


def snapshot(path):
    folder = os.path.dirname(path)
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest(), sorted(os.listdir(folder))


def run_report(shell, module, path):
    start = time.monotonic()
    out = subprocess.run([shell, '-cmd', f'.load {module}', f'file:{path}?mode=ro', f'.read {REPORT}'],
                         capture_output=True, text=True, timeout=60)
    return out, time.monotonic() - start


def with_holder(path, journal, exclusive_mode, seconds, shell, module):
    holder = subprocess.Popen([sys.executable, __file__, '--hold', path, journal, str(int(exclusive_mode)),
                               str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        if holder.stdout.readline().strip() != 'locked':
            raise SystemExit('FAIL: the holder could not take the lock')
        before = snapshot(path)
        out, took = run_report(shell, module, path)
        return out, took, before, snapshot(path)
    finally:
        holder.wait(timeout=60)


def check(failures, ok, what):
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok:
        failures.append(what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shell', default='sqlite3')
    ap.add_argument('--module', default='build/maas')
    ap.add_argument('--hold', nargs=4)
    args = ap.parse_args()
    if args.hold:
        hold(args.hold[0], args.hold[1], args.hold[2] == '1', float(args.hold[3]))
        return 0
    failures = []
    with tempfile.TemporaryDirectory() as work:
        for journal, exclusive_mode in (('delete', False), ('wal', True)):
            path = os.path.join(work, journal, 'usage.db')
            os.makedirs(os.path.dirname(path))
            make_db(args.shell, path, journal)
            free, _ = run_report(args.shell, args.module, path)
            name = f'{journal}, held by {"locking_mode EXCLUSIVE" if exclusive_mode else "BEGIN EXCLUSIVE"}'
            # The files are compared while the lock is held: what the report did, not the holder.
            out, took, before, after = with_holder(path, journal, exclusive_mode, WAIT_S + 2, args.shell,
                                                   args.module)
            lines = (out.stdout + out.stderr).splitlines()
            check(failures, out.returncode != 0 and len(lines) == 1 and 'database is locked' in lines[0],
                  f'{name}: one line saying the database is locked, exit status not 0 (got {lines[:3]})')
            check(failures, WAIT_S - 0.5 <= took < WAIT_S + 4, f'{name}: waited {took:.1f} s, about {WAIT_S} s')
            check(failures, after == before, f'{name}: the database and its folder are unchanged ({after[1]})')
            out, took, _, _ = with_holder(path, journal, exclusive_mode, 1.5, args.shell, args.module)
            check(failures, out.returncode == 0 and out.stdout == free.stdout and took >= 1,
                  f'{name}: a lock released after 1.5 s is waited for ({took:.1f} s), then the whole report')
        # A WAL database's writer does not block readers: no wait at all.
        path = os.path.join(work, 'wal', 'usage.db')
        out, took, _, _ = with_holder(path, 'wal', False, 8, args.shell, args.module)
        check(failures, out.returncode == 0 and out.stdout == free.stdout and took < 7.5,
              f'wal, held by BEGIN EXCLUSIVE: the report runs at once ({took:.1f} s), whole')
    print(f'{5 * 2 + 1 - len(failures)} passed, {len(failures)} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""soak.py - several processes on one live WAL database: nothing is lost and
no statement prices with half of a price change.

  /usr/bin/python3 tests/live/soak.py --module build/maas.so [--seconds 40] [--seed N] [--split]

For --seconds, on one WAL database:
  - an appender adds usage rows to new-api's `logs` table (the columns of
    examples/newapi_logs.sql), a few rows per transaction;
  - a writer rewrites the user's prices and alias (sql/user_tables.sql) in
    one transaction per price set, and the main process kills it with
    SIGKILL at random moments (often inside the transaction) and starts it
    again;
  - --readers readers sum maas_cost over the logs in one statement, and run
    sql/reports/newapi.sql through the sqlite3 shell, in a loop.
Price set g: model soak-m<i> costs i/100 + g/1000 per 1,000 input tokens
and 3i/100 + 2g/1000 per 1,000 output tokens, and soak-alias names
soak-m<g % 4 + 1>; every line's source says 'gen <g>'.  So each group of a
sum reveals the g it was priced with, and a statement that mixes two sets
shows two g's.  Checks:
  - every reader statement and every report prices all groups with one g,
    and a reader never sees g go back;
  - each report's printed sections agree (calls of section 1, of its 'all
    calls' line and of section 2; the 'left out' calls and section 4);
  - after every kill: PRAGMA integrity_check is ok, the tables hold one g,
    and it is the last g the writer logged as committed (its log is
    fsynced after each COMMIT) or the one it was committing;
  - at the end the same, and every row the appender committed is there;
  - no statement passes its deadline (20 s; a report 60 s) or fails.
--split (or MAAS_SOAK_SPLIT=1) commits each price change in two
transactions: the test must then fail, naming the half change it saw.
Random timings from --seed (printed); the checks do not depend on them.
Needs an sqlite3 module with extension loading (Debian's /usr/bin/python3).
"""
import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
MODELS = ['soak-m1', 'soak-m2', 'soak-m3', 'soak-m4']
ALIAS = 'soak-alias'
OTHERS = ['DeepSeek-V3', 'gpt-4o-mini']  # a built-in price, and no price
STATEMENT_DEADLINE_S = 20
REPORT_DEADLINE_S = 60


CHILDREN = []  # the main process's: none is left running when it fails


def fail(what):
    print(f'FAIL: {what}', file=sys.stderr, flush=True)
    for child in CHILDREN:
        child.kill()
    sys.exit(1)


def price(i, g, item):
    """Model i's price per 1,000 tokens in price set g, as decimal text."""
    value = Decimal(i) / 100 + Decimal(g) / 1000 if item == 'input' else Decimal(3 * i) / 100 + Decimal(2 * g) / 1000
    return format(value.normalize(), 'f')


def alias_target(g):
    return MODELS[g % len(MODELS)]


def decode(name, tin, tout, cost):
    """The g a group of tin input and tout output tokens of model `name` was
    priced with, from its exact cost; None when no whole g gives it."""
    i = MODELS.index(name) + 1
    if cost is None:
        return None
    g = (Decimal(str(cost)) * 1000 - Decimal(tin * i) / 100 - Decimal(tout * 3 * i) / 100) / (Decimal(tin + 2 * tout) / 1000)
    return int(g) if g == g.to_integral_value() and g >= 0 else None


def connect(path, module=None):
    db = sqlite3.connect(path, isolation_level=None, timeout=STATEMENT_DEADLINE_S)
    if module:
        db.enable_load_extension(True)
        db.load_extension(module)
    return db


# --- the database ----------------------------------------------------------

def create(path):
    with open(os.path.join(ROOT, 'examples', 'newapi_logs.sql'), encoding='utf-8') as f:
        example = f.read()
    db = connect(path)
    db.execute('PRAGMA journal_mode = WAL')
    for statement in re.findall(r'^CREATE (?:TABLE|INDEX) .*?;$', example, re.M | re.S):
        db.execute(statement)
    with open(os.path.join(ROOT, 'sql', 'user_tables.sql'), encoding='utf-8') as f:
        db.executescript(f.read())
    for i, model in enumerate(MODELS, 1):
        for item in ('input', 'output'):
            db.execute("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, "
                       "effective_from, source) VALUES ('soak', ?, 'inference', ?, ?, 'k_tokens', 'CNY', "
                       "'2020-01-01', 'gen 0')", (model, item, price(i, 0, item)))
    db.execute("INSERT INTO maas_user_aliases(alias, model, source) VALUES (?, ?, 'gen 0')", (ALIAS, alias_target(0)))
    db.close()


def stored_gens(db):
    rows = db.execute('SELECT source FROM maas_user_rates UNION SELECT source FROM maas_user_aliases').fetchall()
    return sorted(int(r[0].split()[1]) for r in rows)


def logged(log_path):
    """(last g logged committed, last g logged as being committed)."""
    committed = intent = 0
    with open(log_path, encoding='utf-8') as f:
        for line in f:
            m = re.fullmatch(r'(intent|commit) (\d+)\n', line)
            if m and m.group(1) == 'commit':
                committed = int(m.group(2))
            elif m:
                intent = int(m.group(2))
    return committed, max(intent, committed)


def check_stored(path, log_path, when):
    db = connect(path)
    integrity = db.execute('PRAGMA integrity_check').fetchall()
    gens = stored_gens(db)
    db.close()
    if integrity != [('ok',)]:
        fail(f'{when}: integrity_check says {integrity}')
    committed, intent = logged(log_path)
    if len(gens) != 1:
        fail(f'{when}: half of a price change is in the database: the price lines hold sets {gens}')
    if gens[0] not in (committed, intent):
        fail(f'{when}: the prices are set {gens[0]}, the writer had committed {committed} '
             f'(and was committing {intent}): a committed change was lost')
    return gens[0]


# --- the processes ---------------------------------------------------------

def append_log(fd, line):
    os.write(fd, line.encode())
    os.fsync(fd)


def writer(args, rng):
    db = connect(args.db)
    fd = os.open(args.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    g = max(stored_gens(db))
    while time.time() < args.until:
        g += 1
        append_log(fd, f'intent {g}\n')
        db.execute('BEGIN IMMEDIATE')
        for i, model in enumerate(MODELS, 1):
            for item in ('input', 'output'):
                db.execute("UPDATE maas_user_rates SET price = ?, source = ? WHERE model = ? AND item = ?",
                           (price(i, g, item), f'gen {g}', model, item))
                time.sleep(rng.uniform(0, 0.002))
            if args.split and i == len(MODELS) // 2:
                db.execute('COMMIT')  # the mistake --split shows: a price change in two transactions
                db.execute('BEGIN IMMEDIATE')
        db.execute('UPDATE maas_user_aliases SET model = ?, source = ?', (alias_target(g), f'gen {g}'))
        db.execute('COMMIT')
        append_log(fd, f'commit {g}\n')
        time.sleep(rng.uniform(0, 0.02))
    return {}


def appender(args, rng):
    db = connect(args.db)
    rows = 0
    names = MODELS + [ALIAS] + OTHERS
    while time.time() < args.until:
        db.execute('BEGIN IMMEDIATE')
        for _ in range(rng.randint(1, 4)):
            tin, tout = rng.randint(1, 5000), rng.randint(1, 3000)
            db.execute('INSERT INTO logs(user_id, created_at, type, content, username, token_name, model_name, '
                       'quota, prompt_tokens, completion_tokens, use_time, is_stream, channel_id, token_id, '
                       '"group", ip, other) VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, 11, ?, ?, ?)',
                       (1 + rows % 3, int(time.time()), 'soak', ['alice', 'bob', 'ci-bot'][rows % 3],
                        f'key-{rows % 5}', rng.choice(names), tin + 4 * tout, tin, tout,
                        ['default', 'batch'][rows % 2], '10.0.0.1', '{"frt":300,"group_ratio":1}'))
            rows += 1
        db.execute('COMMIT')
        time.sleep(rng.uniform(0.03, 0.08))
    return {'rows': rows}


SUM_SQL = ("SELECT model_name, sum(prompt_tokens), sum(completion_tokens), "
           "maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at)), "
           "maas_total_text(maas_builtin_cost(model_name, prompt_tokens, completion_tokens, created_at)) "
           "FROM logs WHERE type = 2 GROUP BY model_name "
           "UNION ALL SELECT 'probe ' || m, 1000, 1000, maas_cost(m, 1000, 1000), NULL FROM ("
           + ' UNION ALL '.join(f"SELECT '{m}' AS m" for m in MODELS + [ALIAS]) + ")")


def one_gen(groups, what):
    """groups: (label, model, tin, tout, cost), model the name a group of a
    model is priced as; for the alias the model the statement says it means,
    or None.  The one price set g of them all."""
    gens = {label: decode(model, tin, tout, cost) for label, model, tin, tout, cost in groups
            if not label.endswith(ALIAS)}
    if len(set(gens.values())) != 1 or None in gens.values():
        fail(f'{what} priced with half of a price change: price set per model {gens}')
    g = next(iter(gens.values()))
    for label, model, tin, tout, cost in groups:
        if label.endswith(ALIAS) and (model not in (None, alias_target(g))
                                      or decode(alias_target(g), tin, tout, cost) != g):
            fail(f'{what} priced with half of a price change: in set {g} {ALIAS} is {alias_target(g)}, '
                 f'the statement priced it as {model} at {cost} for {tin} + {tout} tokens')
    return g


def sum_step(db, seen):
    deadline = time.monotonic() + STATEMENT_DEADLINE_S
    db.set_progress_handler(lambda: int(time.monotonic() > deadline), 10000)
    groups = []
    for name, tin, tout, cost, builtin in db.execute(SUM_SQL).fetchall():
        base = name.removeprefix('probe ')
        if base in MODELS + [ALIAS]:
            groups.append((name, base if base in MODELS else None, tin, tout, cost))
        elif base == 'DeepSeek-V3' and cost != builtin:
            fail(f'a sum: DeepSeek-V3 cost {cost}, its built-in price gives {builtin}')
    g = one_gen(groups, 'a sum')
    if seen and g < seen[-1]:
        fail(f'a reader saw price set {g} after {seen[-1]}')
    seen.append(g)


def box_rows(lines):
    """The data rows of the box tables in lines, each as a list of cells."""
    rows = []
    header_seen = False
    for line in lines:
        if line.startswith('├'):
            header_seen = True
        elif line.startswith('└'):
            header_seen = False
        elif line.startswith('│') and header_seen:
            rows.append([c.strip() for c in line.strip('│').split('│')])
    return rows


def sections(stdout):
    parts = re.split(r'^(\d)\. .*$', stdout, flags=re.M)
    return {int(parts[k]): parts[k + 1].splitlines() for k in range(1, len(parts), 2)}


def report_step(args):
    checks = ['.mode list', '.headers off',
              "SELECT 'group', priced_name, priced_model, sum(input_tokens), sum(output_tokens), "
              "maas_total_text(cost) FROM temp.maas_usage_totals WHERE priced_model LIKE 'soak-%' GROUP BY 2, 3"]
    try:
        run = subprocess.run([args.shell, '-cmd', f'.load {args.module}', args.db,
                              f'.read {os.path.join("sql", "reports", "newapi.sql")}'] + checks,
                             cwd=ROOT, capture_output=True, text=True, timeout=REPORT_DEADLINE_S)
    except subprocess.TimeoutExpired:
        fail(f'a report passed its deadline ({REPORT_DEADLINE_S} s)')
    if run.returncode != 0 or run.stderr:
        fail(f'a report: exit status {run.returncode}, {run.stderr.strip()[:300]}')
    part = sections(run.stdout)
    month_model = [r for r in box_rows(part[1]) if len(r) == 9]
    totals = [r for r in box_rows(part[1]) if len(r) == 7]
    all_calls = sum(int(r[3]) for r in totals if r[0] == 'all calls')
    left_out = sum(int(r[3]) for r in totals if r[0] == 'left out')
    by_user = sum(int(r[5]) for r in box_rows(part[2]))
    listed = sum(int(r[4]) for r in box_rows(part[4]) if r[0] != '(none)')
    if not sum(int(r[3]) for r in month_model) == all_calls == by_user or left_out != listed:
        fail(f'a report\'s sections disagree: calls {sum(int(r[3]) for r in month_model)} (section 1), '
             f'{all_calls} (all calls), {by_user} (section 2); left out {left_out}, section 4 lists {listed}')
    groups = [line.split('|')[1:] for line in part[4] if line.startswith('group|')]
    if not groups:
        return 0  # no row of a soak model yet
    one_gen([(n, m, int(ti), int(to), c) for n, m, ti, to, c in groups], 'a report')
    return 1


def reader(args, rng):
    db = connect(args.db, args.module)
    seen, reports = [], 0
    next_report = time.time() + rng.uniform(0, 2)
    while time.time() < args.until:
        try:
            sum_step(db, seen)
        except sqlite3.Error as e:
            fail(f'a sum failed: {e}')
        if time.time() >= next_report:
            reports += report_step(args)
            next_report = time.time() + rng.uniform(1, 3)
        time.sleep(rng.uniform(0.02, 0.06))
    return {'sums': len(seen), 'reports': reports, 'gens': sorted(set(seen))}  # reports with soak rows


ROLES = {'writer': writer, 'appender': appender, 'reader': reader}


# --- the main process ------------------------------------------------------

def start(args, role, seed):
    cmd = [sys.executable, __file__, '--role', role, '--db', args.db, '--log', args.log, '--until', str(args.until),
           '--seed', str(seed), '--module', args.module, '--shell', args.shell] + (['--split'] if args.split else [])
    CHILDREN.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True))
    return CHILDREN[-1]


def result(proc, name, timeout):
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail(f'the {name} did not finish in time (hung)')
    if proc.returncode != 0:
        fail(f'the {name} exited with status {proc.returncode}')
    return json.loads(out)


def kill_loop(args, rng, others):
    """Kills and restarts the writer until the end; the number of kills."""
    kills, writer_seed = 0, args.seed * 100
    proc = start(args, 'writer', writer_seed)
    while time.time() < args.until - 1:
        time.sleep(rng.uniform(0.1, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if any(p.poll() not in (None, 0) for p in others):
            fail('a reader or the appender stopped: its FAIL line above says why')
        kills += 1
        check_stored(args.db, args.log, f'after kill {kills}')
        writer_seed += 1
        proc = start(args, 'writer', writer_seed)
    result(proc, 'writer', 30)
    return kills


def main_process(args):
    print(f'soak: seed {args.seed}, {args.seconds} s, {args.readers} readers'
          + (', price changes split in two transactions' if args.split else ''), flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix='maas-soak-') as work:
        args.db, args.log = os.path.join(work, 'usage.db'), os.path.join(work, 'writer.log')
        create(args.db)
        open(args.log, 'w').close()
        args.until = time.time() + args.seconds
        rng = random.Random(args.seed)
        appender_proc = start(args, 'appender', args.seed + 1)
        readers = [start(args, 'reader', args.seed + 2 + k) for k in range(args.readers)]
        kills = kill_loop(args, rng, readers + [appender_proc])
        appended = result(appender_proc, 'appender', 30)['rows']
        stats = [result(p, f'reader {k + 1}', REPORT_DEADLINE_S + 30) for k, p in enumerate(readers)]
        final = check_stored(args.db, args.log, 'at the end')
        db = connect(args.db)
        rows = db.execute('SELECT count(*) FROM logs').fetchone()[0]
        if rows != appended:
            fail(f'the appender committed {appended} rows, the database holds {rows}')
        seen = set().union(*(s['gens'] for s in stats))
        if max(seen) > final:
            fail(f'a reader saw price set {max(seen)}, the database ends at {final}')
        sums, reports = sum(s['sums'] for s in stats), sum(s['reports'] for s in stats)
        if not sums or not reports:
            fail(f'the readers checked {sums} sums and {reports} reports with rows: too few to tell anything')
        changes = logged(args.log)[0]
    print(f'soak: {sums + reports + appended + changes} statements run ({sums} sums, {reports} reports, '
          f'{appended} rows appended, {changes} price changes committed), {kills} kills survived, '
          f'{len(seen)} price sets seen, in {time.monotonic() - started:.0f} s: passed')
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--module', default=os.path.join(ROOT, 'build', 'maas.so'))
    ap.add_argument('--shell', default='sqlite3')
    ap.add_argument('--seconds', type=float, default=float(os.environ.get('MAAS_SOAK_SECONDS', 40)))
    ap.add_argument('--readers', type=int, default=3)
    ap.add_argument('--seed', type=int, default=int(os.environ.get('MAAS_SOAK_SEED', 0)) or None)
    ap.add_argument('--split', action='store_true', default=os.environ.get('MAAS_SOAK_SPLIT') == '1')
    ap.add_argument('--role', choices=ROLES)
    ap.add_argument('--db')
    ap.add_argument('--log')
    ap.add_argument('--until', type=float)
    args = ap.parse_args()
    args.module = os.path.abspath(args.module)
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1, 1 << 31)
    if args.role:
        print(json.dumps(ROLES[args.role](args, random.Random(args.seed))))
        return 0
    return main_process(args)


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""The importer's round trip: scripts/import_prices.py writes a card, the
module loads it with maas_load_card, and sample calls cost what the source's
own calculation gives.

    check_import_round_trip.py --module build/maas.so --small
        imports tests/tools/prices/genai_small.json and litellm_small.json and
        prices calls on each card (plain, cached, tiered, timed, dated,
        variants, per request) against costs worked out by hand from each
        source's rules (docs/import-prices.md), written out beside them.
    check_import_round_trip.py --module build/maas.so --published DIR
        the same for the published files in DIR (../shared/price-sources,
        never copied into the project), against costs the sources' own code
        gives; exit status 77 (skipped) when DIR is absent.

Each card is loaded into a connection of its own (the two sources price the
same models).  A cost is compared with the double nearest the exact decimal.
Python's standard library only; it must be the system python3, whose sqlite3
loads extensions.
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
IMPORTER = os.path.join(ROOT, "scripts", "import_prices.py")
SMALL = os.path.join(ROOT, "tests", "tools", "prices")

# (SQL, expected): expected a decimal text, None for NULL, or "=TEXT" for a text result.
# genai-prices (USD per million; docs/import-prices.md, genai-prices mapping):
# a cache read or write without a price of its own is priced as input; a tier
# applies when all input tokens (cached and written included) exceed its start
# and prices every token of its unit; start_time/end_time windows in UTC.
GENAI_SMALL = [
    # plain-1: input 1.5, output 6.  1000 x 1.5 + 500 x 6 = 1500 + 3000 = 4500 /M.
    ("SELECT maas_cost('acme/plain-1', 1000, 500)", "0.0045"),
    # No cache prices: 10000 input (4000 read, 2000 written) all at 1.5 = 15000,
    # + 1000 x 6 = 6000: 21000 /M.
    ("SELECT maas_cost_cached('acme/plain-1', 10000, 4000, 1000, 2000)", "0.021"),
    # cached-1: input 3, read 0.3, write 3.75, output 15.  2000 x 3 = 6000,
    # 6000 x 0.3 = 1800, 2000 x 3.75 = 7500, 1000 x 15 = 15000: 30300 /M.
    ("SELECT maas_cost_cached('acme/cached-1', 10000, 6000, 1000, 2000)", "0.0303"),
    ("SELECT maas_cost_cached('acme/CACHED-1', 10000, 6000, 1000, 2000)", "0.0303"),
    # tiered-1: input 1.25, > 128k 2, > 200k 2.5; read 0.125, > 200k 0.25; output 10.
    # 100000 x 1.25 = 125000 + 1000 x 10 = 10000: 135000 /M.
    ("SELECT maas_cost('acme/tiered-1', 100000, 1000)", "0.135"),
    # 128000 is not above 128k: 128000 x 1.25 = 160000 /M.
    ("SELECT maas_cost('acme/tiered-1', 128000, 0)", "0.16"),
    # 128001 x 2 = 256002 /M.
    ("SELECT maas_cost('acme/tiered-1', 128001, 0)", "0.256002"),
    # 200000 is the middle band: 400000 /M.
    ("SELECT maas_cost('acme/tiered-1', 200000, 0)", "0.4"),
    # 150000 input of which 50000 read: 100000 x 2 = 200000, 50000 x 0.125 =
    # 6250 (the read price has no 128k tier), 2000 x 10 = 20000: 226250 /M.
    ("SELECT maas_cost_cached('acme/tiered-1', 150000, 50000, 2000)", "0.22625"),
    # 250000 input of which 50000 read: 200000 x 2.5 = 500000, 50000 x 0.25 =
    # 12500, 2000 x 10 = 20000: 532500 /M.
    ("SELECT maas_cost_cached('acme/tiered-1', 250000, 50000, 2000)", "0.5325"),
    # Cache writes at the input price, tier included: 150000 input, 10000
    # written: 140000 x 2 + 10000 x 2 = 300000 /M.
    ("SELECT maas_cost_cached('acme/tiered-1', 150000, 0, 0, 10000)", "0.3"),
    # dated-1: input 5, > 200k 10, output 25; from 2026-03-13 input 5 whatever
    # the size.  250000 x 10 + 1000 x 25 = 2525000 /M; then 1250000 + 25000.
    ("SELECT maas_cost('acme/dated-1', 250000, 1000, '2026-03-01')", "2.525"),
    ("SELECT maas_cost('acme/dated-1', 250000, 1000, '2026-03-12T23:59:59Z')", "2.525"),
    ("SELECT maas_cost('acme/dated-1', 250000, 1000, '2026-03-13T00:00:00Z')", "1.275"),
    ("SELECT maas_cost('acme/dated-1', 250000, 1000, '2026-04-01')", "1.275"),
    ("SELECT maas_cost('acme/dated-1', 250000, 1000)", "1.275"),
    # timed-1: 0.135 / read 0.035 / output 0.55, and 00:30-16:30 UTC 0.27 / 0.07 / 1.1.
    # 10000 input (4000 read), 1000 output at 10:00Z: 6000 x 0.27 = 1620,
    # 4000 x 0.07 = 280, 1000 x 1.1 = 1100: 3000 /M.
    ("SELECT maas_cost_cached('acme/timed-1', 10000, 4000, 1000, 0, 1, '2026-01-15T10:00:00Z')", "0.003"),
    # At 20:00Z: 6000 x 0.135 = 810, 4000 x 0.035 = 140, 1000 x 0.55 = 550: 1500 /M.
    ("SELECT maas_cost_cached('acme/timed-1', 10000, 4000, 1000, 0, 1, '2026-01-15T20:00:00Z')", "0.0015"),
    # The window's start is in it, its end not (genai-prices: start <= t < end).
    ("SELECT maas_cost_cached('acme/timed-1', 10000, 4000, 1000, 0, 1, '2026-01-15T00:30:00Z')", "0.003"),
    ("SELECT maas_cost_cached('acme/timed-1', 10000, 4000, 1000, 0, 1, '2026-01-15T00:29:59Z')", "0.0015"),
    ("SELECT maas_cost_cached('acme/timed-1', 10000, 4000, 1000, 0, 1, '2026-01-15T16:30:00Z')", "0.0015"),
    # The same instant written in Beijing time: 18:00+08:00 is 10:00Z.
    ("SELECT maas_cost_cached('acme/timed-1', 10000, 4000, 1000, 0, 1, '2026-01-15T18:00:00+08:00')", "0.003"),
    # per-request: tokens 0, 5 per thousand requests = 0.005 a request.
    ("SELECT maas_cost('acme/per-request', 1000, 1000)", "0.005"),
    ("SELECT maas_cost_cached('acme/per-request', 1000, 0, 1000, 0, 3)", "0.015"),
    # Left out, listed on stderr: not a model of the card.
    ("SELECT maas_unpriced('acme/beijing-window')", "=unknown_model"),
]

# LiteLLM (USD per token x 1,000,000; docs/import-prices.md, LiteLLM mapping):
# a cache read or write without its own price costs 0; `_above_Nk_tokens`
# when prompt tokens (cached included) exceed N; `_flex`/`_priority` service
# tiers; `_batches` prices every prompt token, a missing half is the
# standard price / 2 (cached tokens at half the cache-read price).
LITELLM_SMALL = [
    # plain-model: 1.5 / 6.  1000 x 1.5 + 500 x 6 = 4500 /M.
    ("SELECT maas_cost('acme/plain-model', 1000, 500)", "0.0045"),
    # No cache prices: read and written tokens cost 0.  4000 x 1.5 = 6000 +
    # 1000 x 6 = 6000: 12000 /M.
    ("SELECT maas_cost_cached('acme/plain-model', 10000, 4000, 1000, 2000)", "0.012"),
    # acme/cached-model (the key as written, behind its provider): input 0.125,
    # output 0.33333, read 0.0125, write 0.15625.  2000 x 0.125 = 250,
    # 6000 x 0.0125 = 75, 2000 x 0.15625 = 312.5, 1000 x 0.33333 = 333.33: 970.83 /M.
    ("SELECT maas_cost_cached('acme/acme/cached-model', 10000, 6000, 1000, 2000)", "0.00097083"),
    # tiered-model: 3 / 15 / read 0.3 / write 3.75; above 200k 6 / 22.5 / read 0.6.
    # 200000 is not above: 200000 x 3 + 1000 x 15 = 615000 /M.
    ("SELECT maas_cost('acme/tiered-model', 200000, 1000)", "0.615"),
    # 150000: output_cost_per_token_above_128k_tokens is never applied: 450000 + 15000.
    ("SELECT maas_cost('acme/tiered-model', 150000, 1000)", "0.465"),
    # 250000 (50000 read), 2000 out: 200000 x 6 = 1200000, 50000 x 0.6 = 30000,
    # 2000 x 22.5 = 45000: 1275000 /M.
    ("SELECT maas_cost_cached('acme/tiered-model', 250000, 50000, 2000)", "1.275"),
    # 210000 (10000 written): 200000 x 6 = 1200000, 10000 x 3.75 = 37500: 1237500 /M.
    ("SELECT maas_cost_cached('acme/tiered-model', 210000, 0, 0, 10000)", "1.2375"),
    # variant-model: 2.5 / 15 / read 0.25; flex 1.25 / 7.5; priority 5 / 30;
    # batch 1.25 / 7.5 (every prompt token at the batch input price).
    # 1000 (400 read), 500 out, standard: 600 x 2.5 = 1500, 400 x 0.25 = 100,
    # 500 x 15 = 7500: 9100 /M.
    ("SELECT maas_cost_cached('acme/variant-model', 1000, 400, 500)", "0.0091"),
    # flex: 600 x 1.25 = 750, 100, 500 x 7.5 = 3750: 4600 /M.
    ("SELECT maas_cost_cached('acme/variant-model', 1000, 400, 500, 0, 1, '2026-01-15', 'flex')", "0.0046"),
    # priority: 600 x 5 = 3000, 100, 500 x 30 = 15000: 18100 /M.
    ("SELECT maas_cost_cached('acme/variant-model', 1000, 400, 500, 0, 1, '2026-01-15', 'priority')", "0.0181"),
    # batch: 1000 x 1.25 = 1250, 500 x 7.5 = 3750: 5000 /M.
    ("SELECT maas_cost_cached('acme/variant-model', 1000, 400, 500, 0, 1, '2026-01-15', 'batch')", "0.005"),
    # The response's own service_tier as the variant: flex, 4600 /M.
    ("SELECT maas_usage_cost('acme/variant-model', '{\"service_tier\": \"flex\", \"usage\": {\"prompt_tokens\": 1000,"
     " \"prompt_tokens_details\": {\"cached_tokens\": 400}, \"completion_tokens\": 500}}')", "0.0046"),
    # Above 272k: standard 300000 x 5; priority 300000 x 10 (its own key); flex
    # falls back to the standard above-272k 5; batch has no band: 300000 x 1.25.
    ("SELECT maas_cost('acme/variant-model', 300000, 0)", "1.5"),
    ("SELECT maas_cost('acme/variant-model', 300000, 0, '2026-01-15', 'priority')", "3"),
    ("SELECT maas_cost('acme/variant-model', 300000, 0, '2026-01-15', 'flex')", "1.5"),
    ("SELECT maas_cost('acme/variant-model', 300000, 0, '2026-01-15', 'batch')", "0.375"),
    # half-batch: 1 / 3 / read 0.1; batch output 1.2, batch input missing: half.
    # 1000 (400 read), 500 out, batch: 600 x 0.5 = 300, 400 x 0.05 = 20,
    # 500 x 1.2 = 600: 920 /M.
    ("SELECT maas_cost_cached('acme/half-batch', 1000, 400, 500, 0, 1, '2026-01-15', 'batch')", "0.00092"),
    # Standard: 600 x 1 + 400 x 0.1 + 500 x 3 = 600 + 40 + 1500: 2140 /M.
    ("SELECT maas_cost_cached('acme/half-batch', 1000, 400, 500)", "0.00214"),
    # offpeak-model: 0.27 / 1.1; 16:30-00:30 UTC input 0.135 (output as standard).
    # 1m in + 1m out: 0.27 + 1.1 at 10:00Z; 0.135 + 1.1 at 20:00Z.
    ("SELECT maas_cost('acme/offpeak-model', 1000000, 1000000, '2026-01-15T10:00:00Z')", "1.37"),
    ("SELECT maas_cost('acme/offpeak-model', 1000000, 1000000, '2026-01-15T20:00:00Z')", "1.235"),
    ("SELECT maas_cost('acme/offpeak-model', 1000000, 1000000, '2026-01-15T16:30:00Z')", "1.235"),
    ("SELECT maas_cost('acme/offpeak-model', 1000000, 1000000, '2026-01-16T00:29:59Z')", "1.235"),
    ("SELECT maas_cost('acme/offpeak-model', 1000000, 1000000, '2026-01-16T00:30:00Z')", "1.37"),
    # embed-model: input 0.1, output 0.
    ("SELECT maas_cost('acme/embed-model', 1000000, 0)", "0.1"),
    # Listed, not imported.
    ("SELECT maas_unpriced('dashscope/qwen-banded')", "=unknown_model"),
    ("SELECT maas_unpriced('acme/image-model')", "=unknown_model"),
]

# The published files: costs the sources' own code gives (USD).
GENAI_PUBLISHED = [
    # claude-3-5-haiku: 0.8 / 4, read 0.08, write 1: 1000 x 0.8 + 500 x 4 = 2800 /M.
    ("SELECT maas_cost('anthropic/claude-3-5-haiku-latest', 1000, 500)", "0.0028"),
    # 2000 x 0.8 + 6000 x 0.08 + 2000 x 1 + 1000 x 4 = 1600 + 480 + 2000 + 4000: 8080 /M.
    ("SELECT maas_cost_cached('anthropic/claude-3-5-haiku-latest', 10000, 6000, 1000, 2000)", "0.00808"),
    # claude-sonnet-4-5: 3 / 15, read 0.3; above 200k 6 / 22.5, read 0.6.
    # 200000 x 6 + 50000 x 0.6 + 2000 x 22.5 = 1200000 + 30000 + 45000 /M.
    ("SELECT maas_cost_cached('anthropic/claude-sonnet-4-5', 250000, 50000, 2000)", "1.275"),
    ("SELECT maas_cost('anthropic/claude-sonnet-4-5', 200000, 1000)", "0.615"),
    # deepseek-chat: 0.27 / read 0.07 / 1.1 00:30-16:30 UTC, else 0.135 / 0.035 / 0.55.
    # 6000 x 0.27 + 4000 x 0.07 + 1000 x 1.1 = 1620 + 280 + 1100 /M; at 20:00Z
    # 6000 x 0.135 + 4000 x 0.035 + 1000 x 0.55 = 810 + 140 + 550 /M.  By its
    # bare name, and by 'provider/model' (which openrouter's model named
    # 'deepseek/deepseek-chat' must not make ambiguous).
    ("SELECT maas_cost_cached('deepseek-chat', 10000, 4000, 1000, 0, 1, '2026-01-15T10:00:00Z')", "0.003"),
    ("SELECT maas_cost_cached('deepseek-chat', 10000, 4000, 1000, 0, 1, '2026-01-15T20:00:00Z')", "0.0015"),
    ("SELECT maas_cost_cached('deepseek/deepseek-chat', 10000, 4000, 1000, 0, 1, '2026-01-15T10:00:00Z')", "0.003"),
    ("SELECT maas_cost_cached('deepseek/deepseek-chat', 10000, 4000, 1000, 0, 1, '2026-01-15T20:00:00Z')",
     "0.0015"),
    # claude-opus-4-6: 5 / 25, above 200k 10 / 37.5 until 2026-03-13, then 5 / 25.
    # 250000 x 10 + 1000 x 37.5 = 2537500 /M; then 1250000 + 25000.
    ("SELECT maas_cost('anthropic/claude-opus-4-6', 250000, 1000, '2026-03-01')", "2.5375"),
    ("SELECT maas_cost('anthropic/claude-opus-4-6', 250000, 1000, '2026-04-01')", "1.275"),
]
LITELLM_PUBLISHED = [
    # gpt-4o: 2.5 / 10: 1000 x 2.5 + 500 x 10 = 7500 /M.
    ("SELECT maas_cost('openai/gpt-4o', 1000, 500)", "0.0075"),
    # claude-sonnet-4-5: 3 / 15, read 0.3, write 3.75: 2000 x 3 + 6000 x 0.3 +
    # 2000 x 3.75 + 1000 x 15 = 6000 + 1800 + 7500 + 15000 /M.
    ("SELECT maas_cost_cached('anthropic/claude-sonnet-4-5', 10000, 6000, 1000, 2000)", "0.0303"),
    # gpt-3.5-turbo: 0.5 / 1.5, no read price (0): 6000 x 0.5 + 1000 x 1.5 /M.
    ("SELECT maas_cost_cached('openai/gpt-3.5-turbo', 10000, 4000, 1000)", "0.0045"),
    # Above 200k: 6 / 22.5, read 0.6: 1200000 + 30000 + 45000 /M.
    ("SELECT maas_cost_cached('anthropic/claude-sonnet-4-5', 250000, 50000, 2000)", "1.275"),
    # gpt-4o batch 1.25 / 5, every prompt token: 1000 x 1.25 + 500 x 5 /M.
    ("SELECT maas_cost_cached('openai/gpt-4o', 1000, 400, 500, 0, 1, '2026-01-15', 'batch')", "0.00375"),
    # priority 4.25 / 17, read 2.125: 600 x 4.25 + 400 x 2.125 + 500 x 17 =
    # 2550 + 850 + 8500 /M.
    ("SELECT maas_cost_cached('openai/gpt-4o', 1000, 400, 500, 0, 1, '2026-01-15', 'priority')", "0.0119"),
]


def import_card(source, json_path, card_path):
    done = subprocess.run([sys.executable, IMPORTER, "--from", source, json_path, "-o", card_path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        return "import of %s: exit status %d: %s" % (json_path, done.returncode, done.stderr.decode()[-2000:])
    return None


def check_calls(module, card_path, calls):
    """Loads the card into a fresh connection and prices the calls: failures."""
    conn = sqlite3.connect(":memory:")
    conn.enable_load_extension(True)
    conn.load_extension(os.path.abspath(module))
    try:
        loaded = conn.execute("SELECT maas_load_card(?)", (card_path,)).fetchone()[0]
    except sqlite3.Error as e:
        return ["maas_load_card(%s): %s" % (card_path, e)], 0
    failures = []
    for sql, expected in calls:
        try:
            got = conn.execute(sql).fetchone()[0]
        except sqlite3.Error as e:
            failures.append("%s: error %s (expected %s)" % (sql, e, expected))
            continue
        if expected is None:
            ok = got is None
        elif expected.startswith("="):
            ok = got == expected[1:]
        else:
            ok = isinstance(got, float) and got == float(Decimal(expected))
        if not ok:
            failures.append("%s: got %r, expected %s" % (sql, got, expected))
    conn.close()
    return failures, loaded


def run_cases(module, cases, work):
    failures = []
    for source, json_path, calls in cases:
        card = os.path.join(work, source + ".csv")
        problem = import_card(source, json_path, card)
        if problem:
            failures.append(problem)
            continue
        found, loaded = check_calls(module, card, calls)
        print("%s: %s lines loaded, %d calls, %d wrong" % (os.path.basename(json_path), loaded, len(calls),
                                                          len(found)))
        failures += found
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", required=True, help="build/maas.so")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--small", action="store_true")
    group.add_argument("--published", metavar="DIR")
    args = parser.parse_args()
    if args.small:
        cases = [("genai-prices", os.path.join(SMALL, "genai_small.json"), GENAI_SMALL),
                 ("litellm", os.path.join(SMALL, "litellm_small.json"), LITELLM_SMALL)]
    else:
        if not os.path.isdir(args.published):
            print("skipped: no %s" % args.published)
            return 77
        cases = [("genai-prices", os.path.join(args.published, "genai-prices-data-v2.json"), GENAI_PUBLISHED),
                 ("litellm", os.path.join(args.published, "litellm-model-prices-2026-07-24.json"),
                  LITELLM_PUBLISHED)]
    with tempfile.TemporaryDirectory(prefix="maas-round-trip-") as work:
        failures = run_cases(args.module, cases, work)
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""reports_data.py - usage databases of N rows for the shipped reports, one per
tool, each in the tool's own schema (bench/reports.sh; the report test).

    python3 bench/reports_data.py N DIR [TOOL ...]
    python3 bench/reports_data.py --reports
    python3 bench/reports_data.py --floors DIR
    python3 bench/reports_data.py --version

writes DIR/TOOL.db for each TOOL (default: all of them) and prints each path.
--reports prints each report of sql/reports/ with its tool database and the
tables of usage rows it reads (comma-separated, '-' for none), one line each;
--floors writes DIR/REPORT.floor.sql, each report's floor query (FLOORS), and
prints each path; --version prints DATA_VERSION.  A database already there is
reused when DIR/TOOL.sql, the statements that made it, is unchanged (an
example's CREATE that changed, or a changed fill, makes it again); it is
written as DIR/TOOL.db.tmp and renamed when complete.  DIR is meant to be per
N and DATA_VERSION (bench/reports.sh uses build/bench/reports-v2-N/; bump
DATA_VERSION whenever the rows change).
Python's standard library only (Debian's /usr/bin/python3).

The rows are drawn once into DIR/mix.db (table mix, one row per usage row),
deterministically (random.Random with a fixed seed, Box-Muller for the normal
draws, so every Python 3 makes the same rows), with the mix of
bench/maas_bench.cpp: its 20 priced models and their weights, 3.5% aliases,
1.5% letter-case variants, 1% unknown names, log-normal tokens (prompts
median ~1,000 with a 3.5% long-context tail; completions median ~300, ~900
for reasoning models), times evenly over a year from 2025-07-09 00:00 UTC.
Each tool's table is then filled from mix by SQL, in that tool's shape: the
CREATE statements are read from the report's example in examples/ (so the
columns and types are the example's; for a tool whose example is a CSV
export, the table is made as `.import --csv` makes it from the CSV's header,
every column TEXT), and the values are written as the tool writes them (unix
seconds or milliseconds, Postgres timestamp text, ISO text, JSON text, a
ClickHouse map, CSV text with '' for NULL).

FLOORS holds, per report, the speed floor of issue 24: the hand-written
`SELECT month, model, maas_total(maas_cost(...)) ... GROUP BY month, model`
over the same rows, as a user who knows the tool's columns would write it
(months with maas_month(time, '+08:00'), the tool's time as stored; tools
that keep a usage JSON priced with maas_usage_cost(model, usage, time)).
bench/reports.sh times each report against it.
"""
import csv
import math
import os
import random
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START = 1752019200  # 2025-07-09 00:00:00 UTC
YEAR = 365 * 86400

# (published name, weight, reasoning) - the shape of maas_bench.cpp's mix.
MODELS = [
    ("DeepSeek-V3", 24, 0), ("DeepSeek-R1", 18, 1), ("Qwen3-8B", 10, 1), ("Spark Max", 8, 0),
    ("Qwen3-32B", 6, 1), ("Spark Lite", 5, 0), ("Qwen3-235B-A22B", 4, 1), ("Qwen_v2.5_7b_Instruct", 3.5, 0),
    ("Qwen3-30B-A3B", 3, 1), ("DeepSeek-R1-Distill-Qwen-32B", 2.5, 1), ("Qwen3-14B", 2, 1),
    ("Qwen_v2.5_14b_Instruct", 1.8, 0), ("Spark Lite Instruct", 1.5, 0), ("Qwen3-4B", 1.2, 1),
    ("DeepSeek-R1-Distill-Llama-70B", 1, 1), ("Llama3_8b_Instruct", 0.8, 0),
    ("DeepSeek-R1-Distill-Qwen-7B", 0.6, 1), ("Qwen3-1.7B", 0.5, 1), ("Qwen_v2.5_3b_Instruct", 0.4, 0),
    ("Qwen3-0.6B", 0.3, 1),
]
ALIASES = [
    ("xdeepseekv3", "DeepSeek-V3", 40), ("xdeepseekr1", "DeepSeek-R1", 28), ("xop3qwen8b", "Qwen3-8B", 10),
    ("xsparkprox", "Spark Max", 10), ("xspark13b6k", "Spark Lite", 6), ("xqwen257bchat", "Qwen_v2.5_7b_Instruct", 6),
]
UNKNOWN = ["gpt-4o-mini", "gpt-4o-mini", "gpt-4o-mini", "xdeepseekv32"]
SHARE_UNKNOWN, SHARE_ALIAS, SHARE_CASE = 0.010, 0.035, 0.015
USERS = 40  # users (and their keys), Zipf-like: a few carry most traffic


def cdf(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return [c / total for c in out]


def draw_mix(path, n):
    """DIR/mix.db: n rows, one per usage row, in time order."""
    rng = random.Random(20250709)
    uniform = rng.random
    model_cdf = cdf([m[1] for m in MODELS])
    alias_cdf = cdf([a[2] for a in ALIASES])
    user_cdf = cdf([1.0 / (k + 1) for k in range(USERS)])
    reasoning = {m[0]: m[2] for m in MODELS}
    from bisect import bisect_right

    def pick(c):
        return min(bisect_right(c, uniform()), len(c) - 1)

    def lognormal(median, sigma, lo, hi):
        u1, u2 = 1.0 - uniform(), uniform()
        z = math.sqrt(-2.0 * math.log(u1)) * math.cos(2 * math.pi * u2)
        return min(max(int(round(median * math.exp(sigma * z))), lo), hi)

    gap_ms = YEAR * 1000.0 / n

    def rows():
        for i in range(1, n + 1):
            u = uniform()
            if u < SHARE_UNKNOWN:
                kind, name = 3, UNKNOWN[int(uniform() * 4)]
                canonical = name
            elif u < SHARE_UNKNOWN + SHARE_ALIAS:
                kind = 1
                name, canonical, _ = ALIASES[pick(alias_cdf)]
            elif u < SHARE_UNKNOWN + SHARE_ALIAS + SHARE_CASE:
                kind = 2
                if uniform() < 0.25:  # an alias as some clients spell it
                    alias, canonical, _ = ALIASES[pick(alias_cdf)]
                    name = alias[:2].upper() + alias[2:]
                else:
                    canonical = MODELS[pick(model_cdf)][0]
                    name = canonical.upper() if uniform() < 1 / 3 else canonical.lower()
                    if name == canonical:
                        name = name.swapcase()
            else:
                kind = 0
                canonical = name = MODELS[pick(model_cdf)][0]
            is_reasoning = reasoning.get(canonical, 0)
            if uniform() < 0.035:
                prompt = lognormal(16000, 0.9, 1000, 131072)
            else:
                prompt = lognormal(1000, 0.85, 8, 131072)
            if is_reasoning:
                completion = lognormal(900, 1.0, 1, 32768)
                thought = int(completion * (0.45 + 0.4 * uniform()))
            else:
                completion = lognormal(300, 0.9, 1, 32768)
                thought = 0
            cached = int(prompt * 0.6 * uniform()) if uniform() < 0.3 else 0
            ms = START * 1000 + int((i - 1) * gap_ms + uniform() * gap_ms * 0.9)
            yield (i, ms, name, canonical, kind, is_reasoning, prompt, completion, thought, cached,
                   pick(user_cdf), int(uniform() * 2147483648))

    db = sqlite3.connect(path + ".tmp")
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "CREATE TABLE mix(i INTEGER PRIMARY KEY, ms INTEGER, name TEXT, canonical TEXT, kind INTEGER,"
                     " reasoning INTEGER, prompt INTEGER, completion INTEGER, thought INTEGER, cached INTEGER,"
                     " who INTEGER, r INTEGER);")
    db.executemany("INSERT INTO mix VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows())
    db.commit()
    db.close()
    os.replace(path + ".tmp", path)


def example_schema(example, alters=False):
    """The CREATE statements of examples/EXAMPLE (and its ALTER TABLEs when
    alters: an upgraded database's added columns), and its user aliases."""
    with open(os.path.join(ROOT, "examples", example), encoding="utf-8") as f:
        lines = [line for line in f if not line.lstrip().startswith("--")]
    statements, current = [], ""
    for line in lines:
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements
            if s.upper().startswith("CREATE ") or (alters and s.upper().startswith("ALTER TABLE "))
            or s.startswith("INSERT INTO maas_user_aliases")]


def csv_schema(table, csv_file):
    """The table `.import --csv examples/CSV_FILE TABLE` makes: the CSV's
    header as its columns, every one TEXT."""
    with open(os.path.join(ROOT, "examples", csv_file), encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    return 'CREATE TABLE "%s"(%s)' % (table, ", ".join('"%s" TEXT' % c for c in header))


def openai_export_schema():
    return [csv_schema("usage_export", "openai_usage_export.csv")]


# Shared pieces of the tool SQL, over the mix row m.
TS = "strftime('%Y-%m-%d %H:%M:%S', m.ms / 1000, 'unixepoch') || printf('.%03d', m.ms % 1000)"  # Postgres text
UUID7 = ("printf('%08x-%04x-7%03x-%04x-%012x', m.ms / 65536, m.ms % 65536, m.r % 4096, 32768 + m.i % 16384,"
         " (m.i * 40503 + m.r) % 281474976710656)")
FRACTION = "CASE WHEN m.ms % 1000 = 0 THEN '' ELSE rtrim(printf('.%03d', m.ms % 1000), '0') END"
PGTS = "strftime('%Y-%m-%d %H:%M:%S', m.ms / 1000, 'unixepoch') || " + FRACTION  # timestamp, as psql prints it
PGTZ = "strftime('%Y-%m-%d %H:%M:%S', m.ms / 1000 + 28800, 'unixepoch') || " + FRACTION + " || '+08'"  # timestamptz
ISO = "strftime('%Y-%m-%dT%H:%M:%S', m.ms / 1000, 'unixepoch') || printf('.%03d000+00:00', m.ms % 1000)"  # Python's
# llm's token_details from its OpenAI chat plugin: the usage's details, present when not 0.
OPENAI_DETAILS = ("CASE WHEN cached > 0 OR thought > 0 THEN '{'"
                  " || CASE WHEN cached > 0 THEN '\"prompt_tokens_details\": {\"cached_tokens\": ' || cached || '}' ELSE '' END"
                  " || CASE WHEN cached > 0 AND thought > 0 THEN ', ' ELSE '' END"
                  " || CASE WHEN thought > 0 THEN '\"completion_tokens_details\": {\"reasoning_tokens\": ' || thought"
                  " || '}' ELSE '' END || '}' END")
# Dify's rows: the mix with a tenth of chatflow runs, 0.5% failed messages, the recorded prices.
DIFY_ROWS = """SELECT m.*, printf('%.7f', in_t * unit_in / 1000.0 + out_t * unit_out / 1000.0) AS price
  FROM (SELECT m.*, CASE WHEN failed THEN 0 ELSE prompt END AS in_t, CASE WHEN failed THEN 0 ELSE completion END AS out_t,
               CASE WHEN canonical LIKE 'DeepSeek%' THEN 0.002 WHEN name = 'gpt-4o-mini' THEN 0.00015 ELSE 0 END
                 AS unit_in,
               CASE WHEN canonical LIKE 'DeepSeek%' THEN 0.008 WHEN name = 'gpt-4o-mini' THEN 0.0006 ELSE 0 END
                 AS unit_out,
               CASE WHEN canonical LIKE 'DeepSeek%' THEN 'RMB' ELSE 'USD' END AS currency,
               CASE WHEN name = 'gpt-4o-mini' THEN 'langgenius/openai/openai'
                    ELSE 'langgenius/openai_api_compatible/openai_api_compatible' END AS provider,
               600 + completion * 12 AS latency
          FROM (SELECT m.*, r / 16 % 10 = 0 AS flow, r / 16 % 10 <> 0 AND r % 200 = 3 AS failed,
                       who % 5 = 4 AS console
                  FROM mix.mix AS m) AS m) AS m"""
# Dify's LLMUsage as JSON: total_price a decimal string in messages, a number in process_data.
DIFY_USAGE = ("""'{"prompt_tokens": ' || in_t || ', "prompt_unit_price": "' || printf('%.4f', unit_in)"""
              """ || '", "prompt_price_unit": "0.001", "prompt_price": "' || printf('%.7f', in_t * unit_in / 1000.0)"""
              """ || '", "completion_tokens": ' || out_t || ', "completion_unit_price": "' || printf('%.4f', unit_out)"""
              """ || '", "completion_price_unit": "0.001", "completion_price": "'"""
              """ || printf('%.7f', out_t * unit_out / 1000.0) || '", "total_tokens": ' || (in_t + out_t)"""
              """ || ', "total_price": TOTAL_PRICE, "currency": "' || currency || '", "latency": '"""
              """ || printf('%.3f', latency / 1000.0) || '}'""")
SUBSTITUTIONS = {
    "uuid": UUID7, "ts": TS, "pgts": PGTS, "pgtz": PGTZ, "iso": ISO, "openai_details": OPENAI_DETAILS,
    "dify_rows": DIFY_ROWS,
    "dify_usage_message": DIFY_USAGE.replace("TOTAL_PRICE", "\"' || price || '\""),
    "dify_usage_node": DIFY_USAGE.replace("TOTAL_PRICE", "' || CAST(price AS REAL) || '"),
}

TOOLS = {
    # new-api's logs: unix seconds; ~0.3% top-ups and 0.5% errors (other = ''); 20% of canonical
    # DeepSeek-V3 requests asked for 'deepseek-chat', mapped by the channel to 'xdeepseekv3'.
    "newapi": (lambda: example_schema("newapi_logs.sql"), """
INSERT INTO logs
SELECT i, who + 1, ms / 1000, type,
       CASE type WHEN 1 THEN 'top-up by admin: 5000000 quota' WHEN 5 THEN 'upstream error: status code 503'
                 ELSE 'model ratio 1, completion ratio 4, group ratio 1' END,
       printf('user%%02d', who), printf('user%%02d-%%s', who, CASE r %% 3 WHEN 0 THEN 'laptop' WHEN 1 THEN 'service'
                                                                  ELSE 'ci' END),
       CASE type WHEN 1 THEN '' WHEN 2 THEN CASE WHEN mapped THEN 'deepseek-chat' ELSE name END ELSE name END,
       CASE type WHEN 1 THEN 5000000 WHEN 5 THEN 0 ELSE prompt + 4 * completion END,
       CASE type WHEN 2 THEN prompt ELSE 0 END, CASE type WHEN 2 THEN completion ELSE 0 END,
       CASE type WHEN 2 THEN 1 + completion / 40 ELSE 0 END, r %% 3 <> 0, 1 + r %% 7, who * 3 + r %% 3 + 1,
       CASE WHEN who %% 10 = 9 THEN 'batch' ELSE 'default' END, '10.0.' || (who / 250) || '.' || (who %% 250),
       CASE WHEN type <> 2 THEN ''
            ELSE '{"admin_info":{"use_channel":["' || (1 + r %% 7) || '"]},"cache_ratio":0.5,"cache_tokens":'
                 || cached || ',"completion_ratio":4,"frt":' || (300 + r %% 1700)
                 || ',"group_ratio":1,"model_price":-1,"model_ratio":1'
                 || CASE WHEN mapped THEN ',"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"' ELSE '' END
                 || '}' END
  FROM (SELECT m.*, CASE WHEN r %% 1000 < 3 THEN 1 WHEN r %% 1000 < 8 THEN 5 ELSE 2 END AS type,
               kind = 0 AND canonical = 'DeepSeek-V3' AND r / 1000 %% 5 = 0 AS mapped
          FROM mix.mix AS m)
 ORDER BY i;"""),
    # one-api's logs: unix seconds, new-api's ancestor without `other` (no cache counts); it logs the
    # name it sent upstream (after the channel's mapping); ~0.3% top-ups and 0.2% channel tests.
    "oneapi": (lambda: example_schema("oneapi_logs.sql"), """
INSERT INTO logs(id, user_id, created_at, type, content, username, token_name, model_name, quota, prompt_tokens,
                 completion_tokens, channel_id, request_id, elapsed_time, is_stream, system_prompt_reset)
SELECT i, who + 1, ms / 1000, type,
       CASE type WHEN 1 THEN 'top-up by redemption code: 5000000 quota' WHEN 5 THEN 'channel test'
                 ELSE 'model ratio 1.00, group ratio 1.00, completion ratio 4.00' END,
       printf('user%%02d', who), CASE WHEN type = 1 THEN '' ELSE printf('user%%02d-%%s', who,
                                   CASE r %% 3 WHEN 0 THEN 'laptop' WHEN 1 THEN 'service' ELSE 'ci' END) END,
       CASE type WHEN 1 THEN '' ELSE name END,
       CASE type WHEN 1 THEN 5000000 WHEN 5 THEN 0 ELSE prompt + 4 * completion END,
       CASE type WHEN 2 THEN prompt ELSE 0 END, CASE type WHEN 2 THEN completion ELSE 0 END,
       1 + r %% 7, strftime('%%Y%%m%%d%%H%%M%%S', ms / 1000, 'unixepoch') || printf('%%09d', r %% 1000000000),
       CASE type WHEN 2 THEN 300 + completion * 12 ELSE 0 END, r %% 3 <> 0, 0
  FROM (SELECT m.*, CASE WHEN r %% 1000 < 3 THEN 1 WHEN r %% 1000 < 5 THEN 5 ELSE 2 END AS type
          FROM mix.mix AS m)
 ORDER BY i;"""),
    # LiteLLM_SpendLogs: Postgres timestamp text; 'openai/' before a quarter of the names;
    # 1%% cache hits, 0.3%% failures; spend in USD where the admin set a price (DeepSeek).
    "litellm": (lambda: example_schema("litellm_spendlogs.sql"), """
INSERT INTO "LiteLLM_SpendLogs"
SELECT %(uuid)s, 'acompletion',
       printf('%%08x%%08x%%08x%%08x%%08x%%08x%%08x%%08x', (key * 2654435761 + 1) %% 4294967296,
              (key * 2246822519 + 2) %% 4294967296, (key * 3266489917 + 3) %% 4294967296,
              (key * 668265263 + 4) %% 4294967296, (key * 374761393 + 5) %% 4294967296,
              (key * 2654435769 + 6) %% 4294967296, (key * 1103515245 + 7) %% 4294967296,
              (key * 22695477 + 8) %% 4294967296),
       CASE WHEN failed OR cached_hit OR name NOT LIKE '%%deepseek%%' THEN 0.0
            ELSE (prompt * 0.28 + completion * 1.12) / 1000000.0 END,
       prompt + completion, prompt, completion, %(ts)s,
       strftime('%%Y-%%m-%%d %%H:%%M:%%S', (m.ms + duration) / 1000, 'unixepoch')
         || printf('.%%03d', (m.ms + duration) %% 1000),
       duration, NULL, model, printf('%%08x', (r %% 64) * 2654435761 %% 4294967296), lower(canonical), 'openai',
       'https://maas-api.cn-huabei-1.xf-yun.com/v1', printf('user%%02d', who),
       '{"user_api_key_alias":"' || printf('user%%02d-key%%d', who, key %% 3) || '"}',
       CASE WHEN cached_hit THEN 'True' ELSE 'False' END,
       CASE WHEN cached_hit THEN printf('%%08x', r) ELSE '' END, '[]',
       CASE who %% 4 WHEN 0 THEN 'team-search' WHEN 1 THEN 'team-support' WHEN 2 THEN 'team-research' END,
       NULL, NULL, '10.1.' || (who / 250) || '.' || (who %% 250), '{}', '{}', NULL,
       CASE WHEN failed THEN 'failure' ELSE 'success' END
  FROM (SELECT i, ms, name, canonical, r, who, who * 3 + r %% 3 AS key,
               CASE WHEN r / 8 %% 4 = 0 THEN 'openai/' || name ELSE name END AS model,
               r %% 1000 < 3 AS failed, r %% 1000 BETWEEN 3 AND 12 AS cached_hit,
               CASE WHEN r %% 1000 < 3 THEN 0 ELSE prompt END AS prompt,
               CASE WHEN r %% 1000 < 3 THEN 0 ELSE completion END AS completion,
               300 + completion * 12 + r %% 700 AS duration
          FROM mix.mix) AS m
 ORDER BY i;"""),
    # Langfuse v2 observations: one in five rows a root SPAN, one in twenty an EVENT, the rest
    # GENERATIONs; 'deepseek-chat' mapped to the project's model 'DeepSeek-V3' (internal_model);
    # 0.5% counted in CHARACTERS.
    "langfuse": (lambda: example_schema("langfuse_observations.sql"), """
INSERT INTO observations
SELECT %(uuid)s, printf('%%032x', i / 5), 'cm0prj' || (who %% 3), type, %(ts)s,
       strftime('%%Y-%%m-%%d %%H:%%M:%%S', (m.ms + latency) / 1000, 'unixepoch')
         || printf('.%%03d', (m.ms + latency) %% 1000),
       CASE type WHEN 'SPAN' THEN 'turn' WHEN 'EVENT' THEN 'user-feedback' ELSE 'answer' END,
       CASE type WHEN 'EVENT' THEN '{"score":' || (r %% 5 + 1) || '}' END,
       NULL, 'DEFAULT', NULL, NULL, %(ts)s, %(ts)s,
       CASE WHEN gen THEN CASE WHEN deepseek_chat THEN 'deepseek-chat' ELSE name END END,
       CASE WHEN gen AND deepseek_chat THEN 'DeepSeek-V3' END,
       CASE WHEN gen AND deepseek_chat THEN 'cm0mdl0deepseekv300000001' END,
       CASE WHEN gen THEN '{"temperature":0.3,"max_tokens":2048}' END, NULL, NULL,
       CASE WHEN gen THEN prompt * (1 + 3 * chars) ELSE 0 END,
       CASE WHEN gen THEN completion * (1 + 3 * chars) ELSE 0 END,
       CASE WHEN gen THEN (prompt + completion) * (1 + 3 * chars) ELSE 0 END,
       CASE WHEN gen THEN CASE WHEN chars THEN 'CHARACTERS' ELSE 'TOKENS' END END,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM (SELECT m.*, CASE WHEN i %% 5 = 1 THEN 'SPAN' WHEN i %% 20 = 3 THEN 'EVENT' ELSE 'GENERATION' END AS type,
               i %% 5 <> 1 AND i %% 20 <> 3 AS gen, kind = 0 AND canonical = 'DeepSeek-V3' AND r %% 5 = 0
               AS deepseek_chat, r %% 200 = 7 AS chars, 400 + completion * 11 AS latency
          FROM mix.mix AS m) AS m
 ORDER BY i;"""),
    # Langfuse v3 from ClickHouse as TSV: every column TEXT, NULL as \\N; usage_details a map,
    # with the cached input in its own bucket (Langfuse's input_cached_tokens), 2% as JSON.
    "langfuse_v3": (lambda: example_schema("langfuse_v3_observations.sql"), r"""
INSERT INTO observations
SELECT %(uuid)s, printf('%%032x', i / 5), 'p' || (who %% 3), type, %(ts)s,
       CASE WHEN gen THEN name ELSE '\N' END,
       CASE WHEN NOT gen THEN '{}'
            WHEN r %% 50 = 0 THEN json_object('input', prompt - cached, 'input_cached_tokens', cached,
                                              'output', completion, 'total', prompt + completion)
            ELSE printf('{''input'':%%d,''input_cached_tokens'':%%d,''output'':%%d,''total'':%%d}',
                        prompt - cached, cached, completion, prompt + completion) END,
       '{}', '0'
  FROM (SELECT m.*, CASE WHEN i %% 5 = 1 THEN 'SPAN' WHEN i %% 20 = 3 THEN 'EVENT' ELSE 'GENERATION' END AS type,
               i %% 5 <> 1 AND i %% 20 <> 3 AS gen
          FROM mix.mix AS m) AS m
 ORDER BY i;"""),
    # Langfuse v4's events_core from ClickHouse as CSV: every column TEXT, times with 6 places, the
    # user on the row ('' for none, a tenth); usage_details a map with the cached input and the
    # reasoning in their own buckets; one in forty rows an AGENT carrying its call's usage; 1% of the
    # calls with an older version not yet merged (no output yet, an earlier event_ts) after them.
    "langfuse_v4": (lambda: example_schema("langfuse_v4_events.sql"), [r"""
INSERT INTO events_core
SELECT 'p' || (who %% 3), printf('%%032x', i / 5), printf('%%016x', i * 40503 + 1), '', %(ts)s || '000',
       CASE WHEN gen THEN 'llm' ELSE lower(type) END, type, CASE WHEN who %% 10 = 9 THEN '' ELSE printf('user%%02d', who) END,
       CASE WHEN gen OR type = 'AGENT' THEN name ELSE '' END,
       CASE WHEN NOT gen AND type <> 'AGENT' THEN '{}'
            ELSE printf('{''input'':%%d,''input_cached_tokens'':%%d,''output'':%%d%%s,''total'':%%d}',
                        prompt - cached, cached, completion - thought,
                        CASE WHEN thought > 0 THEN printf(',''output_reasoning_tokens'':%%d', thought) ELSE '' END,
                        prompt + completion) END,
       '{}', %(ts)s || '500', '0'
  FROM (SELECT m.*, CASE WHEN i %% 5 = 1 THEN 'SPAN' WHEN i %% 20 = 3 THEN 'EVENT' WHEN i %% 40 = 7 THEN 'AGENT'
                         ELSE 'GENERATION' END AS type,
               i %% 5 <> 1 AND i %% 20 <> 3 AND i %% 40 <> 7 AS gen
          FROM mix.mix AS m) AS m
 ORDER BY i;""", r"""
INSERT INTO events_core
SELECT 'p' || (who %% 3), printf('%%032x', i / 5), printf('%%016x', i * 40503 + 1), '', %(ts)s || '000', 'llm',
       'GENERATION', CASE WHEN who %% 10 = 9 THEN '' ELSE printf('user%%02d', who) END, name,
       printf('{''input'':%%d,''total'':%%d}', prompt, prompt), '{}', %(ts)s || '100', '0'
  FROM mix.mix AS m
 WHERE i %% 5 <> 1 AND i %% 20 <> 3 AND i %% 40 <> 7 AND r %% 100 = 5
 ORDER BY i;"""]),
    # llm's logs.db upgraded to llm 0.32: the calls before 2026-04-01 in `responses` (llm 0.19 to
    # 0.31: ISO text with microseconds, the served model in response_json, OpenAI chat token_details),
    # the later ones in `turns` (0.32; resolved_model on a quarter, response_json condensed, a fifth
    # of the cached calls through llm-anthropic, whose input_tokens leave the cache reads out).  The
    # configured model in model: a third of DeepSeek-R1 as the user's alias 'xingchen-r1'.  (The mix
    # ends in 2026-07, before llm 0.32 was released: the dates are the mix's, the shapes llm's.)
    "llm": (lambda: example_schema("llm_logs.sql", alters=True), ["""
INSERT INTO responses(id, model, prompt, system, prompt_json, options_json, response, response_json,
                      conversation_id, duration_ms, datetime_utc, input_tokens, output_tokens, token_details,
                      schema_id, resolved_model, reasoning)
SELECT printf('01k%%013x%%010x', m.ms, i), configured, 'the prompt', NULL, NULL, '{}', 'the answer',
       json_object('id', printf('chatcmpl-%%08x', r), 'object', 'chat.completion', 'model', name,
                   'usage', json_object('prompt_tokens', prompt, 'completion_tokens', completion,
                                        'total_tokens', prompt + completion)),
       printf('01k%%013x', m.ms / 600000), 300 + completion * 12, %(iso)s, prompt, completion,
       %(openai_details)s, NULL, NULL, NULL
  FROM (SELECT m.*, CASE WHEN canonical = 'DeepSeek-R1' AND r %% 3 = 0 THEN 'xingchen-r1' ELSE name END
                    AS configured
          FROM mix.mix AS m WHERE m.ms < 1775001600000) AS m
 ORDER BY i;""", """
INSERT INTO turns(id, thread_id, model, resolved_model, options_json, input_tokens, output_tokens, token_details,
                  duration_ms, datetime_utc, response_json)
SELECT printf('01k%%013x%%010x', m.ms, i), printf('01k%%013x', m.ms / 600000), configured,
       CASE WHEN r / 4 %% 4 = 0 THEN name END, '{}',
       CASE WHEN anthropic THEN prompt - cached ELSE prompt END, completion,
       CASE WHEN anthropic
            THEN '{"cache_creation_input_tokens": 0, "cache_read_input_tokens": ' || cached
                 || ', "server_tool_use": null, "service_tier": "standard"}'
            ELSE %(openai_details)s END,
       300 + completion * 12, %(iso)s,
       CASE WHEN anthropic
            THEN json_object('id', printf('msg_%%08x', r), 'type', 'message', 'role', 'assistant', 'model', name,
                             'content', json('[]'), 'stop_reason', 'end_turn')
            ELSE json_object('id', printf('chatcmpl-%%08x', r), 'object', 'chat.completion', 'model', name,
                             'usage', json_object('prompt_tokens', prompt, 'completion_tokens', completion,
                                                  'total_tokens', prompt + completion)) END
  FROM (SELECT m.*, CASE WHEN canonical = 'DeepSeek-R1' AND r %% 3 = 0 THEN 'xingchen-r1' ELSE name END
                    AS configured,
               cached > 0 AND r / 16 %% 5 = 1 AS anthropic
          FROM mix.mix AS m WHERE m.ms >= 1775001600000) AS m
 ORDER BY i;"""]),
    # Open WebUI's chat_message: one in four rows the user's message; assistant usage in Open
    # WebUI's merged shape (input_tokens/output_tokens next to the last call's counts) or a
    # provider's plain usage; 2% streamed without usage; model ids with the connection prefix.
    "openwebui": (lambda: example_schema("openwebui_chat_messages.sql"), """
INSERT INTO chat_message
SELECT printf('%%08x-%%d', i / 4, i %% 4), printf('%%08x', i / 4), printf('u%%02d', who), role,
       CASE WHEN role = 'assistant' THEN printf('%%08x-%%d', i / 4, i %% 4 - 1) END,
       '"..."', NULL, CASE WHEN role = 'assistant' THEN model_id END, NULL, NULL, NULL, 1, NULL, NULL,
       CASE WHEN role <> 'assistant' OR r %% 50 = 0 THEN NULL
            WHEN r %% 3 = 0 THEN json_object('input_tokens', prompt, 'output_tokens', completion,
                                             'prompt_tokens', prompt / 2, 'completion_tokens', completion / 2)
            ELSE json_object('prompt_tokens', prompt, 'completion_tokens', completion,
                             'total_tokens', prompt + completion) END,
       m.ms / 1000, m.ms / 1000
  FROM (SELECT m.*, CASE WHEN i %% 4 = 1 THEN 'user' ELSE 'assistant' END AS role,
               CASE WHEN r / 4 %% 2 = 0 THEN 'xingchen.' || name ELSE name END AS model_id
          FROM mix.mix AS m) AS m
 ORDER BY i;"""),
    # An OpenAI usage export as .import leaves it: every column TEXT; a row is a bucket (a day,
    # project, key, model) whose requests are summed.
    "openai_export": (openai_export_schema, """
INSERT INTO usage_export
SELECT CAST(day AS TEXT), CAST(day + 86400 AS TEXT),
       strftime('%%Y-%%m-%%dT%%H:%%M:%%S+00:00', day, 'unixepoch'),
       strftime('%%Y-%%m-%%dT%%H:%%M:%%S+00:00', day + 86400, 'unixepoch'),
       printf('proj_%%04d', who %% 5), CAST(requests AS TEXT),
       CASE WHEN who %% 4 = 3 THEN '' ELSE printf('user-%%04d', who) END, printf('key_%%04d', who * 3 + r %% 3),
       name, CASE WHEN r %% 10 = 0 THEN 'True' ELSE 'False' END, 'default',
       CAST(prompt * requests AS TEXT), CAST(completion * requests AS TEXT), CAST(cached * requests AS TEXT),
       '0', '0'
  FROM (SELECT m.*, (m.ms / 1000) / 86400 * 86400 AS day, 1 + r %% 40 AS requests FROM mix.mix AS m) AS m
 ORDER BY i;"""),
    # Dify's messages and workflow_node_executions as CSV exports imported with `.import --csv`:
    # every column TEXT, '' for NULL, timestamps naive UTC as Postgres prints them.  A tenth of the
    # calls are chatflow runs: a message without a model holding the run's tokens (counted from its
    # node rows instead) and the run's start node and LLM node (a fifth question-classifiers), whose
    # process_data keeps model and usage.  0.5% of messages failed (0 and 0 tokens).  Prices as
    # Dify's providers record them: DeepSeek models at the admin's RMB prices, gpt-4o-mini at OpenAI's
    # USD prices, the others 0.
    "dify": (lambda: [csv_schema("messages", "dify_messages.csv"),
                      csv_schema("workflow_node_executions", "dify_workflow_node_executions.csv")], ["""
INSERT INTO messages(id, app_id, model_provider, model_id, override_model_configs, conversation_id, inputs, query,
                     message, message_tokens, message_unit_price, answer, answer_tokens, answer_unit_price,
                     provider_response_latency, total_price, currency, from_source, from_end_user_id,
                     from_account_id, created_at, updated_at, agent_based, message_price_unit, answer_price_unit,
                     workflow_run_id, status, error, message_metadata, invoke_from, parent_message_id, app_mode)
SELECT %(uuid)s, printf('a7f3c2d1-5b6e-4c8a-9d0f-%%012x', who %% 6 + 4 * flow),
       CASE WHEN flow THEN '' ELSE provider END, CASE WHEN flow THEN '' ELSE name END, '',
       printf('b0c0d0e0-2222-4000-8000-%%012x', i / 3), '{}', 'hello',
       '[{"role": "user", "text": "hello", "files": []}]',
       CAST(in_t AS TEXT), printf('%%.4f', unit_in), CASE WHEN failed THEN '' ELSE '...' END,
       CAST(out_t AS TEXT), printf('%%.4f', unit_out),
       printf('%%.4f', latency / 1000.0), price, currency,
       CASE WHEN console THEN 'console' ELSE 'api' END,
       CASE WHEN console THEN '' ELSE printf('e1d2c3b4-0000-4a00-8b00-%%012x', who) END,
       CASE WHEN console THEN printf('c0ffee00-0000-4a00-8b00-%%012x', who) ELSE '' END,
       %(pgts)s, %(pgts)s, 'f', '0.0010000', '0.0010000',
       CASE WHEN flow THEN printf('f1a0b0c0-1111-4000-8000-%%012x', i) ELSE '' END,
       CASE WHEN failed THEN 'error' ELSE 'normal' END,
       CASE WHEN failed THEN '[models] Server Unavailable Error, Service Unavailable' ELSE '' END,
       '{"retriever_resources": [], "usage": ' || %(dify_usage_message)s || '}',
       CASE WHEN console THEN 'debugger' ELSE 'service-api' END, '', CASE WHEN flow THEN 'advanced-chat' ELSE 'chat' END
  FROM (%(dify_rows)s) AS m
 ORDER BY i;""", """
INSERT INTO workflow_node_executions(id, tenant_id, app_id, workflow_id, triggered_from, workflow_run_id, "index",
                                     predecessor_node_id, node_execution_id, node_id, node_type, title, inputs,
                                     process_data, outputs, status, error, elapsed_time, execution_metadata,
                                     created_at, created_by_role, created_by, finished_at)
SELECT printf('5e0d0001-bbbb-4ccc-8ddd-%%012x', 2 * i + k), '7e7e7e7e-3333-4000-8000-000000000001',
       printf('a7f3c2d1-5b6e-4c8a-9d0f-%%012x', who %% 6 + 4), printf('d0d0d0d0-4444-4000-8000-%%012x', who %% 6),
       'workflow-run', printf('f1a0b0c0-1111-4000-8000-%%012x', i), CAST(k AS TEXT),
       CASE k WHEN 2 THEN '1700000000001' ELSE '' END, printf('5e0d0001-bbbb-4ccc-8ddd-%%012x', 2 * i + k),
       CASE k WHEN 1 THEN '1700000000001' ELSE '1700000000002' END,
       CASE WHEN k = 1 THEN 'start' WHEN r / 16 %% 5 = 0 THEN 'question-classifier' ELSE 'llm' END,
       CASE WHEN k = 1 THEN 'Start' WHEN r / 16 %% 5 = 0 THEN 'Question Classifier' ELSE 'LLM' END,
       CASE k WHEN 1 THEN '{"sys.query": "hello"}' ELSE '{}' END,
       CASE k WHEN 1 THEN ''
              ELSE '{"model_mode": "chat", "prompts": [{"role": "user", "text": "...", "files": []}], "usage": '
                   || %(dify_usage_node)s || ', "finish_reason": "stop", "model_provider": "' || provider
                   || '", "model_name": "' || name || '"}' END,
       CASE k WHEN 1 THEN '{"sys.query": "hello"}' ELSE '{"text": "...", "usage": ' || %(dify_usage_node)s || '}' END,
       'succeeded', '', CASE k WHEN 1 THEN '0.01' ELSE printf('%%.3f', latency / 1000.0) END,
       CASE k WHEN 1 THEN ''
              ELSE '{"total_tokens": ' || (in_t + out_t) || ', "total_price": ' || CAST(price AS REAL)
                   || ', "currency": "' || currency || '"}' END,
       %(pgts)s, 'end_user', printf('e1d2c3b4-0000-4a00-8b00-%%012x', who), %(pgts)s
  FROM (%(dify_rows)s) AS m, (SELECT 1 AS k UNION ALL SELECT 2) AS step
 WHERE flow
 ORDER BY i, k;"""]),
    # LobeChat / LobeHub's messages as a CSV export imported with `.import --csv` (every column TEXT,
    # '' for NULL, timestamptz as Postgres prints it in Beijing time, '+08').  One in four rows the
    # user's message; the replies keep their usage where the LobeChat of the day did: flat in metadata
    # (1.x) before 2025-11, in metadata.usage (2.x) before 2026-06, in the `usage` column after (with
    # workspace_id); zero counts left out, as LobeChat writes them; 0.5% of replies failed (error, no
    # usage); LobeChat's own cost (USD) where its model bank knows the model (gpt-4o-mini, DeepSeek).
    "lobechat": (lambda: [csv_schema("messages", "lobechat_messages.csv")], """
INSERT INTO messages(id, role, content, editor_data, summary, reasoning, search, metadata, usage, model, provider,
                     favorite, error, tools, trace_id, observation_id, client_id, user_id, session_id, topic_id,
                     thread_id, parent_id, quota_id, agent_id, group_id, target_id, message_group_id,
                     workspace_id, accessed_at, created_at, updated_at)
SELECT printf('msg_%%010x', i), role, CASE WHEN is_user THEN 'question' WHEN failed THEN '' ELSE '...' END,
       '', '', '', '',
       CASE WHEN is_user OR failed THEN ''
            WHEN era = 1 THEN '{"tps": 41.7, "ttft": 612, ' || substr(u, 2)
            WHEN era = 2 THEN '{"usage": ' || u || ', "performance": ' || perf || '}'
            ELSE '{"performance": ' || perf || '}' END,
       CASE WHEN is_user OR failed OR era < 3 THEN '' ELSE u END,
       CASE WHEN is_user THEN '' ELSE name END, CASE WHEN is_user THEN '' ELSE provider END, 'f',
       CASE WHEN failed
            THEN '{"body": {"error": {"message": "Service Unavailable"}}, "type": "ProviderBizError"}' ELSE '' END,
       '', '', '', '', printf('user_%%04d', who), 'ssn_inbox', printf('tpc_%%08x', i / 24), '',
       CASE WHEN is_user THEN '' ELSE printf('msg_%%010x', i - 1) END, '', 'agt_inbox', '', '', '',
       CASE WHEN era = 3 THEN printf('ws_%%02d', who %% 3) ELSE '' END, %(pgtz)s, %(pgtz)s, %(pgtz)s
  FROM (SELECT m.*, CASE WHEN is_user THEN 'user' ELSE 'assistant' END AS role,
               '{' || CASE WHEN provider = 'openai'
                           THEN '"cost": ' || printf('%%.6f', (prompt * 0.15 + completion * 0.6) / 1000000.0) || ', '
                           WHEN canonical LIKE 'DeepSeek%%'
                           THEN '"cost": ' || printf('%%.6f', (prompt * 0.27 + completion * 1.1) / 1000000.0) || ', '
                           ELSE '' END
                   || '"totalTokens": ' || (prompt + completion) || ', "totalInputTokens": ' || prompt
                   || CASE WHEN cached > 0 THEN ', "inputCachedTokens": ' || cached ELSE '' END
                   || ', "totalOutputTokens": ' || completion
                   || CASE WHEN cached > 0 THEN ', "inputCacheMissTokens": ' || (prompt - cached) ELSE '' END
                   || CASE WHEN thought > 0 THEN ', "outputReasoningTokens": ' || thought ELSE '' END || '}' AS u,
               '{"tps": 41.7, "ttft": 612, "latency": ' || (600 + completion * 12) || ', "duration": '
                   || (completion * 12) || '}' AS perf
          FROM (SELECT m.*, i %% 4 = 1 AS is_user, i %% 4 <> 1 AND r %% 200 = 3 AS failed,
                       CASE WHEN name = 'gpt-4o-mini' THEN 'openai' ELSE 'xingchen' END AS provider,
                       CASE WHEN ms < 1761955200000 THEN 1 WHEN ms < 1780272000000 THEN 2 ELSE 3 END AS era
                  FROM mix.mix AS m) AS m) AS m
 ORDER BY i;"""),
}


# The data's version: the directory of the databases is per N and version
# (build/bench/reports-v2-N/), so bump it whenever the rows a tool gets change.
DATA_VERSION = "v2"

# Each report of sql/reports/: the tool database it runs on and the tables of
# usage rows it reads (their rows are the report's "rows").  auto runs on the
# new-api database (the first signature auto.sql tries), whatif on it too
# (through auto.sql's adapter); price_changes reads only the price list (it is
# run on the new-api database and has no usage rows).  A report listed here
# whose file is gone is skipped (bench/reports.sh, the test); one in
# sql/reports/ that is not listed fails the test.
REPORTS = {
    "auto": ("newapi", ("logs",)),
    "newapi": ("newapi", ("logs",)),
    "oneapi": ("oneapi", ("logs",)),
    "litellm": ("litellm", ("LiteLLM_SpendLogs",)),
    "langfuse": ("langfuse", ("observations",)),
    "langfuse_v3": ("langfuse_v3", ("observations",)),
    "langfuse_v4": ("langfuse_v4", ("events_core",)),
    "llm": ("llm", ("responses", "turns")),
    "openwebui": ("openwebui", ("chat_message",)),
    "openai_usage_export": ("openai_export", ("usage_export",)),
    "dify": ("dify", ("messages", "workflow_node_executions")),
    "lobechat": ("lobechat", ("messages",)),
    "whatif": ("newapi", ("logs",)),
    "bill": ("newapi", ("logs",)),
    "price_changes": ("newapi", ()),
}

# Each tool database's adapter, sql/sources/ADAPTER.sql (the one auto.sql runs on it).
ADAPTERS = {
    "newapi": "newapi", "oneapi": "oneapi", "litellm": "litellm", "langfuse": "langfuse_v2",
    "langfuse_v3": "langfuse_v3", "langfuse_v4": "langfuse_v4", "llm": "llm", "openwebui": "openwebui",
    "openai_export": "openai_usage_export", "dify": "dify", "lobechat": "lobechat",
}

# The floor of each report (issue 24's speed criterion: a tool's report takes
# at most 1.5x it): the hand-written query a user who knows the tool's columns
# would write for cost by month and model, over the same rows the report
# reads, with the same functions a report's user would reach for: maas_cost on
# the tool's count columns (maas_usage_cost where the tool keeps a usage JSON),
# maas_month(time, '+08:00') on the time as stored, maas_total.  No model
# mapping, cache split or validation: that is what the report adds.
NEWAPI_FLOOR = """SELECT maas_month(created_at, '+08:00') AS month, model_name AS model,
       maas_total(maas_cost(model_name, prompt_tokens, completion_tokens, created_at)) AS cost
  FROM logs
 WHERE type = 2
 GROUP BY month, model;"""
FLOORS = {
    "auto": NEWAPI_FLOOR,
    "newapi": NEWAPI_FLOOR,
    "oneapi": NEWAPI_FLOOR,
    "litellm": """SELECT maas_month(startTime, '+08:00') AS month, model,
       maas_total(maas_cost(model, prompt_tokens, completion_tokens, startTime)) AS cost
  FROM "LiteLLM_SpendLogs"
 GROUP BY month, model;""",
    "langfuse": """SELECT maas_month(start_time, '+08:00') AS month, model,
       maas_total(maas_cost(model, prompt_tokens, completion_tokens, start_time)) AS cost
  FROM observations
 WHERE type = 'GENERATION'
 GROUP BY month, model;""",
    "langfuse_v3": """SELECT maas_month(start_time, '+08:00') AS month, provided_model_name AS model,
       maas_total(maas_usage_cost(provided_model_name, usage_details, start_time)) AS cost
  FROM observations
 WHERE type = 'GENERATION'
 GROUP BY month, model;""",
    "langfuse_v4": """SELECT maas_month(start_time, '+08:00') AS month, provided_model_name AS model,
       maas_total(maas_usage_cost(provided_model_name, usage_details, start_time)) AS cost
  FROM events_core
 WHERE type = 'GENERATION'
 GROUP BY month, model;""",
    "llm": """SELECT month, model, maas_total(cost) AS cost
  FROM (SELECT maas_month(datetime_utc, '+08:00') AS month, model,
               maas_cost(model, input_tokens, output_tokens, datetime_utc) AS cost
          FROM responses
        UNION ALL
        SELECT maas_month(datetime_utc, '+08:00'), coalesce(resolved_model, model),
               maas_cost(coalesce(resolved_model, model), input_tokens, output_tokens, datetime_utc)
          FROM turns)
 GROUP BY month, model;""",
    "openwebui": """SELECT maas_month(created_at, '+08:00') AS month, model_id AS model,
       maas_total(maas_usage_cost(model_id, usage, created_at)) AS cost
  FROM chat_message
 WHERE role = 'assistant'
 GROUP BY month, model;""",
    "openai_usage_export": """SELECT maas_month(start_time, '+08:00') AS month, model,
       maas_total(maas_cost(model, input_tokens, output_tokens, start_time)) AS cost
  FROM usage_export
 GROUP BY month, model;""",
    "dify": """SELECT month, model, maas_total(cost) AS cost
  FROM (SELECT maas_month(created_at, '+08:00') AS month, model_id AS model,
               maas_cost(model_id, message_tokens, answer_tokens, created_at) AS cost
          FROM messages
         WHERE workflow_run_id = ''
        UNION ALL
        SELECT maas_month(created_at, '+08:00'), json_extract(process_data, '$.model_name'),
               maas_usage_cost(json_extract(process_data, '$.model_name'), json_extract(process_data, '$.usage'),
                               created_at)
          FROM workflow_node_executions
         WHERE node_type IN ('llm', 'question-classifier', 'parameter-extractor'))
 GROUP BY month, model;""",
    "lobechat": """SELECT maas_month(created_at, '+08:00') AS month, model,
       maas_total(maas_cost(model,
                            coalesce(json_extract(nullif(usage, ''), '$.totalInputTokens'),
                                     json_extract(nullif(metadata, ''), '$.usage.totalInputTokens'),
                                     json_extract(nullif(metadata, ''), '$.totalInputTokens')),
                            coalesce(json_extract(nullif(usage, ''), '$.totalOutputTokens'),
                                     json_extract(nullif(metadata, ''), '$.usage.totalOutputTokens'),
                                     json_extract(nullif(metadata, ''), '$.totalOutputTokens')),
                            created_at)) AS cost
  FROM messages
 WHERE role = 'assistant'
 GROUP BY month, model;""",
    # what-if: the same calls priced twice, as served and on the what-if model (whatif.sql's default).
    "whatif": """SELECT maas_month(created_at, '+08:00') AS month, model_name AS model,
       maas_total(maas_cost(model_name, prompt_tokens, completion_tokens, created_at)) AS actual,
       maas_total(maas_cost('Qwen3-8B', prompt_tokens, completion_tokens, created_at)) AS whatif
  FROM logs
 WHERE type = 2
 GROUP BY month, model;""",
    # the bill (no packs in the benchmark's database): every call up to the
    # last month's end priced, and that month's lines.
    "bill": """SELECT model_name AS model,
       maas_total(maas_cost(model_name, prompt_tokens, completion_tokens, created_at)) AS cost
  FROM logs
 WHERE type = 2
 GROUP BY model;""",
    # price_changes reads no usage: no floor.
}


def build(tool, n, directory):
    """DIR/TOOL.db, reused when DIR/TOOL.sql (the statements that made it)
    is what they would be now: an example whose CREATE changed, or a changed
    fill, makes it again."""
    path = os.path.join(directory, tool + ".db")
    schema, fill = TOOLS[tool]
    statements = schema() + [f % SUBSTITUTIONS for f in ([fill] if isinstance(fill, str) else fill)]
    script = "".join(st.rstrip(";\n") + ";\n" for st in statements)
    made_by = os.path.join(directory, tool + ".sql")
    if os.path.exists(path) and os.path.exists(made_by):
        with open(made_by, encoding="utf-8") as f:
            if f.read() == script:
                return path
    os.makedirs(directory, exist_ok=True)
    mix = os.path.join(directory, "mix.db")
    if not os.path.exists(mix):
        draw_mix(mix, n)
    for stale in (path + ".tmp", path, made_by):
        if os.path.exists(stale):
            os.remove(stale)
    db = sqlite3.connect(path + ".tmp")
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    db.execute("ATTACH DATABASE ? AS mix", (mix,))
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.execute("DETACH DATABASE mix")
    db.close()
    os.replace(path + ".tmp", path)
    with open(made_by, "w", encoding="utf-8") as f:
        f.write(script)
    return path


def main(argv):
    if argv[1:] == ["--reports"]:  # report tool tables, one line each (bench/reports.sh reads them)
        for report, (tool, tables) in REPORTS.items():
            print(report, tool, ",".join(tables) or "-")
        return 0
    if argv[1:] == ["--version"]:
        print(DATA_VERSION)
        return 0
    if len(argv) == 3 and argv[1] == "--floors":
        os.makedirs(argv[2], exist_ok=True)
        for report, sql in FLOORS.items():
            path = os.path.join(argv[2], report + ".floor.sql")
            with open(path, "w", encoding="utf-8") as f:
                f.write("-- %s's floor (bench/reports_data.py FLOORS)\n%s\n" % (report, sql))
            print(path)
        return 0
    if len(argv) < 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("usage: reports_data.py N DIR [TOOL ...]  (tools: %s)\n"
                         "       reports_data.py --reports | --floors DIR | --version\n" % " ".join(TOOLS))
        return 2
    n, directory = int(argv[1]), argv[2]
    tools = argv[3:] or list(TOOLS)
    for tool in tools:
        if tool not in TOOLS:
            sys.stderr.write("reports_data.py: unknown tool %s\n" % tool)
            return 2
    os.makedirs(directory, exist_ok=True)
    for tool in tools:
        print(build(tool, n, directory), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

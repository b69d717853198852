#!/usr/bin/env python3
"""reports_data.py - usage databases of N rows for the shipped reports, one per
tool, each in the tool's own schema (bench/reports.sh; the report test).

    python3 bench/reports_data.py N DIR [TOOL ...]
    python3 bench/reports_data.py --reports

writes DIR/TOOL.db for each TOOL (default: all of them) and prints each path.
--reports prints each report of sql/reports/ with
its tool and usage table.  A database already there is reused: it is written as DIR/TOOL.db.tmp and
renamed when complete, and DIR is meant to be per N and generator version
(bench/reports.sh uses build/bench/reports-v1-N/).  Python's standard library
only (Debian's /usr/bin/python3).

The rows are drawn once into DIR/mix.db (table mix, one row per usage row),
deterministically (random.Random with a fixed seed, Box-Muller for the normal
draws, so every Python 3 makes the same rows), with the mix of
bench/maas_bench.cpp: its 20 priced models and their weights, 3.5% aliases,
1.5% letter-case variants, 1% unknown names, log-normal tokens (prompts
median ~1,000 with a 3.5% long-context tail; completions median ~300, ~900
for reasoning models), times evenly over a year from 2025-07-09 00:00 UTC.
Each tool's table is then filled from mix by SQL, in that tool's shape: the
CREATE statements are read from the report's example in examples/ (so the
columns and types are the example's), and the values are written as the tool
writes them (unix seconds or milliseconds, Postgres timestamp text, ISO text,
JSON text, a ClickHouse map, CSV text).
"""
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


def example_schema(example):
    """The CREATE statements of examples/EXAMPLE, and its user aliases."""
    with open(os.path.join(ROOT, "examples", example), encoding="utf-8") as f:
        lines = [line for line in f if not line.lstrip().startswith("--")]
    statements, current = [], ""
    for line in lines:
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements
            if s.upper().startswith("CREATE ") or s.startswith("INSERT INTO maas_user_aliases")]


def openai_export_schema():
    with open(os.path.join(ROOT, "examples", "openai_usage_export.csv"), encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    return ["CREATE TABLE usage_export(" + ", ".join('"%s" TEXT' % c for c in header) + ")"]


# Shared pieces of the tool SQL, over the mix row m.
TS = "strftime('%Y-%m-%d %H:%M:%S', m.ms / 1000, 'unixepoch') || printf('.%03d', m.ms % 1000)"  # Postgres text
UUID7 = ("printf('%08x-%04x-7%03x-%04x-%012x', m.ms / 65536, m.ms % 65536, m.r % 4096, 32768 + m.i % 16384,"
         " (m.i * 40503 + m.r) % 281474976710656)")

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
    # llm's responses: ISO text with microseconds; the configured model in model, the served
    # one in response_json (a tenth configured as the user's alias 'xingchen-r1').
    "llm": (lambda: example_schema("llm_logs.sql"), """
INSERT INTO responses
SELECT printf('01k%%013x%%010x', m.ms, i), configured, 'the prompt', NULL, NULL, '{}', 'the answer',
       json_object('id', printf('chatcmpl-%%08x', r), 'object', 'chat.completion', 'model', name,
                   'usage', json_object('prompt_tokens', prompt, 'completion_tokens', completion,
                                        'total_tokens', prompt + completion)),
       printf('01k%%013x', m.ms / 600000), 300 + completion * 12,
       strftime('%%Y-%%m-%%dT%%H:%%M:%%S', m.ms / 1000, 'unixepoch') || printf('.%%03d000+00:00', m.ms %% 1000),
       prompt, completion,
       CASE WHEN thought > 0 THEN '{"completion_tokens_details": {"reasoning_tokens": ' || thought || '}}' END, NULL
  FROM (SELECT m.*, CASE WHEN canonical = 'DeepSeek-R1' AND r %% 3 = 0 THEN 'xingchen-r1' ELSE name END
                    AS configured
          FROM mix.mix AS m) AS m
 ORDER BY i;"""),
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
}


# Each shipped report in sql/reports/: the tool database it runs on and the
# table of usage rows it reads (price_changes reads only the price list; it is
# run on the new-api database and has no usage rows).
REPORTS = {
    "cost_by_month_model": ("newapi", "logs"),
    "cost_by_user_key": ("newapi", "logs"),
    "unpriced_usage": ("newapi", "logs"),
    "whatif_by_month": ("newapi", "logs"),
    "price_changes": ("newapi", None),
    "litellm": ("litellm", "LiteLLM_SpendLogs"),
    "langfuse": ("langfuse", "observations"),
    "langfuse_v3": ("langfuse_v3", "observations"),
    "llm": ("llm", "responses"),
    "openwebui": ("openwebui", "chat_message"),
    "openai_usage_export": ("openai_export", "usage_export"),
}


def build(tool, n, directory):
    path = os.path.join(directory, tool + ".db")
    if os.path.exists(path):
        return path
    os.makedirs(directory, exist_ok=True)
    mix = os.path.join(directory, "mix.db")
    if not os.path.exists(mix):
        draw_mix(mix, n)
    schema, fill = TOOLS[tool]
    if os.path.exists(path + ".tmp"):
        os.remove(path + ".tmp")
    db = sqlite3.connect(path + ".tmp")
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    db.execute("ATTACH DATABASE ? AS mix", (mix,))
    for statement in schema():
        db.execute(statement)
    db.execute(fill % {"uuid": UUID7, "ts": TS})
    db.commit()
    db.execute("DETACH DATABASE mix")
    db.close()
    os.replace(path + ".tmp", path)
    return path


def main(argv):
    if argv[1:] == ["--reports"]:  # report tool table, one line each (bench/reports.sh reads them)
        for report, (tool, table) in REPORTS.items():
            print(report, tool, table or "-")
        return 0
    if len(argv) < 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("usage: reports_data.py N DIR [TOOL ...]  (tools: %s)\n" % " ".join(TOOLS))
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

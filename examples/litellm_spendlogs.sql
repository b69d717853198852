-- litellm_spendlogs.sql - an example LiteLLM proxy spend log: the
-- LiteLLM_SpendLogs table with 480 made-up requests from 2025-06-01 to
-- 2025-11-30 (UTC).
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/litellm_spendlogs.sql
--   sqlite> .read sql/reports/litellm.sql
--
-- The columns are those of LiteLLM's LiteLLM_SpendLogs (its Prisma schema,
-- Postgres), with SQLite types: startTime and endTime are TEXT in the form
-- Postgres prints a timestamp(3), '2025-08-01 12:34:56.789' (UTC), as a copy
-- of the table made with COPY or a CSV export has them; spend is LiteLLM's own
-- cost in USD.  The rows are computed from the row number alone, without
-- random(), so every run makes the same rows and the totals in
-- tests/shell/litellm_report.expected stay the same.
--
-- What is in it, to show what the report does:
--   - three teams' worth of keys (api_key is the SHA-256 of the key, as
--     LiteLLM stores it), one key without a team;
--   - Xingchen models under the names a LiteLLM config gives them: service
--     IDs 'xdeepseekv3' and 'xop3qwen8b' (DeepSeek-V3 and Qwen3-8B once the
--     built-in aliases know them), the same with the provider prefix
--     'openai/xdeepseekv3', published names in other spellings ('deepseek-r1',
--     'openai/Qwen3-30B-A3B') and as published ('Qwen3-32B');
--   - 'gpt-4o-mini' and 'text-embedding-3-small', which the Xingchen price
--     list does not have: they stay unpriced;
--   - the first 98 requests, up to 2025-07-08 05:24:59.999, are from before
--     the first published price (2025-07-08 05:25:00 UTC): unpriced; request
--     99 is at 05:25:00.000 exactly and is priced;
--   - 10 cache hits (cache_hit 'True', spend 0: not sent to the provider) and
--     4 failed requests (status 'failure', no tokens);
--   - spend (USD) only where the LiteLLM admin configured a price: 0 for
--     xop3qwen8b, Qwen3-32B and Qwen3-30B-A3B, as LiteLLM logs it.
CREATE TABLE "LiteLLM_SpendLogs" (
  request_id           TEXT PRIMARY KEY,
  call_type            TEXT NOT NULL,
  api_key              TEXT NOT NULL DEFAULT '',
  spend                REAL NOT NULL DEFAULT 0.0,
  total_tokens         INTEGER NOT NULL DEFAULT 0,
  prompt_tokens        INTEGER NOT NULL DEFAULT 0,
  completion_tokens    INTEGER NOT NULL DEFAULT 0,
  "startTime"          TEXT NOT NULL,
  "endTime"            TEXT NOT NULL,
  request_duration_ms  INTEGER,
  "completionStartTime" TEXT,
  model                TEXT NOT NULL DEFAULT '',
  model_id             TEXT DEFAULT '',
  model_group          TEXT DEFAULT '',
  custom_llm_provider  TEXT DEFAULT '',
  api_base             TEXT DEFAULT '',
  "user"               TEXT DEFAULT '',
  metadata             TEXT DEFAULT '{}',
  cache_hit            TEXT DEFAULT '',
  cache_key            TEXT DEFAULT '',
  request_tags         TEXT DEFAULT '[]',
  team_id              TEXT,
  organization_id      TEXT,
  end_user             TEXT,
  requester_ip_address TEXT,
  messages             TEXT DEFAULT '{}',
  response             TEXT DEFAULT '{}',
  session_id           TEXT,
  status               TEXT
);
CREATE INDEX "LiteLLM_SpendLogs_startTime_idx" ON "LiteLLM_SpendLogs"("startTime");

INSERT INTO "LiteLLM_SpendLogs"
WITH RECURSIVE
  seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 480),
  -- About 9 hours apart, with a jitter smaller than the gap, so request n is
  -- later than request n - 1; requests 98 and 99 sit on either side of the
  -- first price.
  timed AS (
    SELECT n,
           CASE n WHEN 98 THEN 1751952299999                   -- 2025-07-08 05:24:59.999
                  WHEN 99 THEN 1751952300000                   -- 2025-07-08 05:25:00.000
                  ELSE (1748736000                             -- 2025-06-01 00:00:00
                        + (n - 1) * 32940 + (n * 7919) % 3000) * 1000 + (n * 389) % 1000
           END AS start_ms,
           CASE WHEN n IN (98, 99) THEN 60                     -- deepseek-r1
                ELSE (n * 37) % 100 END AS bucket,             -- picks the model
           (n * 13) % 10 AS who,                               -- picks the key
           (n * 7919 + n * n * 104729) % 10007 AS r1,          -- scrambled numbers
           (n * 6151 + n * n * 3571 + 17) % 10009 AS r2        -- for token counts
      FROM seq),
  mix(lo, hi, model, model_group, model_id, base, usd_in, usd_out, reasoning) AS (VALUES
    ( 0, 29, 'xdeepseekv3',            'deepseek-v3', '5d1f0c2e', 'xingchen', 0.28, 1.12, 0),
    (30, 39, 'openai/xdeepseekv3',     'deepseek-v3', '7a93b4d0', 'xingchen', 0.28, 1.12, 0),
    (40, 54, 'xop3qwen8b',             'qwen3-8b',    'c3e8a1f7', 'xingchen', 0,    0,    0),
    (55, 69, 'deepseek-r1',            'deepseek-r1', '19b7e2a4', 'xingchen', 0.55, 2.19, 1),
    (70, 79, 'Qwen3-32B',              'qwen3-32b',   '4f0d6c88', 'xingchen', 0,    0,    0),
    (80, 87, 'openai/Qwen3-30B-A3B',   'qwen3-30b',   'e2a5b917', 'xingchen', 0,    0,    0),
    (88, 94, 'gpt-4o-mini',            'gpt-4o-mini', '8c61d3b2', 'openai',   0.15, 0.60, 0),
    (95, 99, 'text-embedding-3-small', 'embeddings',  'a07e4c55', 'openai',   0.02, 0,    0)),
  keys(who_lo, who_hi, api_key, key_alias, usr, team_id, team_alias) AS (VALUES
    (0, 3, 'c80aac323c8eb800d2bfdd7dbfccd1944532683e5cdc526780f4a4304b6882f3', 'alice-laptop',
     'alice', 'team-search', 'search'),
    (4, 5, '277ffe5c208ee1a75a58828d45549fa44e1bcd0777676c9ff697f78b07b04bf7', 'bob-notebook',
     'bob', 'team-search', 'search'),
    (6, 7, '8a38c190c46f1de653e69ea123e9783ea9208c7aaaf498ca8aa4093bf6dc604c', 'support-bot',
     'support-bot', 'team-support', 'support'),
    (8, 8, 'd355fb6affd5c595157430465f3aba965c24f08c983a36097c49bcee8e03713f', 'support-batch',
     'support-batch', 'team-support', 'support'),
    (9, 9, '6a472ea8ff13c85e104d5758b7f7de8e89cbd24880b171fbe5ab6f27eec14866', 'dave-personal',
     'dave', NULL, NULL)),
  picked AS (
    SELECT t.*, k.*,
           m.model AS model_name, m.reasoning AS is_reasoning,
           m.model_group, m.model_id, m.base, m.usd_in, m.usd_out,
           m.model = 'text-embedding-3-small' AS is_embedding,
           t.n % 97 = 0 AS failed,
           t.n % 50 = 17 AS cached
      FROM timed AS t
      JOIN mix AS m ON t.bucket BETWEEN m.lo AND m.hi
      JOIN keys AS k ON t.who BETWEEN k.who_lo AND k.who_hi),
  tokens AS (
    SELECT *,
           CASE WHEN failed THEN 0
                WHEN is_embedding THEN 8 + r1 % 500
                ELSE 20 + 1000000 / (25 + r1 % 4000) END AS prompt,    -- a long tail
           CASE WHEN failed OR is_embedding THEN 0
                ELSE 10 + r2 % 600 + (r2 % 7) * (r2 % 113)
                     + is_reasoning * (600 + r1 % 2500) END AS completion   -- + chain of thought
      FROM picked),
  costed AS (
    SELECT *,
           CASE WHEN failed OR cached THEN 0.0
                ELSE (prompt * usd_in + completion * usd_out) / 1000000.0 END AS spend,
           CASE WHEN failed THEN 120 + r2 % 400
                WHEN cached THEN 5 + r2 % 20
                ELSE 300 + completion * 12 + r1 % 700 END AS duration_ms
      FROM tokens)
SELECT printf('chatcmpl-%08x%08x', (n * 2654435761) % 4294967296, (n * 40503 + 12345) % 4294967296),
       CASE WHEN is_embedding THEN 'aembedding' ELSE 'acompletion' END,
       api_key,
       spend,
       prompt + completion,
       prompt,
       completion,
       strftime('%Y-%m-%d %H:%M:%S', start_ms / 1000, 'unixepoch') || printf('.%03d', start_ms % 1000),
       strftime('%Y-%m-%d %H:%M:%S', (start_ms + duration_ms) / 1000, 'unixepoch')
         || printf('.%03d', (start_ms + duration_ms) % 1000),
       duration_ms,
       CASE WHEN failed OR is_embedding THEN NULL
            ELSE strftime('%Y-%m-%d %H:%M:%S', (start_ms + duration_ms / 4) / 1000, 'unixepoch')
                 || printf('.%03d', (start_ms + duration_ms / 4) % 1000) END,
       model_name,
       model_id,
       model_group,
       'openai',
       CASE base WHEN 'xingchen' THEN 'https://maas-api.cn-huabei-1.xf-yun.com/v1'
                 ELSE 'https://api.openai.com/v1' END,
       usr,
       '{"user_api_key_alias":"' || key_alias || '"'
         || CASE WHEN team_alias IS NOT NULL THEN ',"user_api_key_team_alias":"' || team_alias || '"' ELSE '' END
         || '}',
       CASE WHEN cached THEN 'True' ELSE 'False' END,
       CASE WHEN cached THEN printf('%08x%08x', (n * 2246822519) % 4294967296, (n * 3266489917) % 4294967296) ELSE '' END,
       CASE WHEN usr = 'support-batch' THEN '["nightly"]' ELSE '[]' END,
       team_id,
       NULL,
       CASE WHEN team_id = 'team-support' THEN printf('customer-%03d', r2 % 40) END,
       '10.1.0.' || (10 + who),
       '{}',
       '{}',
       NULL,
       CASE WHEN failed THEN 'failure' ELSE 'success' END
  FROM costed
 ORDER BY n;

-- litellm_spendlogs.sql - an example LiteLLM proxy spend log as a user brings
-- it to SQLite: the Postgres table "LiteLLM_SpendLogs" exported as CSV and
-- imported with `.import --csv` (every column TEXT, NULL written as ''), 480
-- made-up requests from 2025-06-01 to 2025-11-30 (UTC) and 16 rows that show
-- one rule each.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/litellm_spendlogs.sql
--   sqlite> .read sql/reports/litellm.sql
--
-- The columns are those of LiteLLM's schema.prisma (model LiteLLM_SpendLogs);
-- the three the newest releases added after status (mcp_namespaced_tool_name,
-- agent_id, proxy_server_request) come by ALTER TABLE, so that the CREATE
-- statement, which bench/reports_data.py reuses, keeps its 29 columns.
-- startTime is Postgres' text of a timestamp(3) without zone, in UTC
-- ('2025-08-01 12:34:56.789'); spend is LiteLLM's own cost in USD; metadata
-- is LiteLLM's JSON.  The rows are computed from the row number alone, so
-- every run makes the same rows (tests/shell/usage_litellm.expected).
--
-- What is in it (docs/usage/litellm.md says what each rule is):
--   - keys of three teams (api_key is the SHA-256 of the key; its alias and
--     the team's alias are in metadata), one key without a team;
--   - Xingchen models under a LiteLLM config's names: service IDs
--     'xdeepseekv3', 'xop3qwen8b' (DeepSeek-V3, Qwen3-8B), the deployment
--     name 'openai/xdeepseekv3' (newer releases log it), published names in
--     other spellings ('deepseek-r1', 'openai/Qwen3-30B-A3B') and as published
--     ('Qwen3-32B'); model_group is the proxy's public name the client sent;
--   - 'gpt-4o-mini', 'text-embedding-3-small': not on the Xingchen list;
--   - requests 1 to 98, up to 2025-07-08 05:24:59.999, are before the first
--     published price (2025-07-08 05:25:00 UTC); request 99 is at it;
--   - provider prompt-cache reads on one request in five from request 100,
--     in the metadata's usage_object (newer) or additional_usage_values
--     (rows before request 200, as older releases wrote them);
--   - 10 answers from LiteLLM's cache (cache_hit 'True', spend 0) and 4
--     failed requests (status 'failure', no tokens): not billed;
--   - spend only where the admin set a price (DeepSeek, OpenAI models);
--   - rows 481-496: cache reads and writes under each convention of
--     prompt_tokens, a failure that streamed tokens, an MCP tool call, an
--     empty model, 'openai/Spark-Max', a damaged token count and time,
--     startTime with a zone offset, metadata that is not JSON, cache_hit 'None'.
CREATE TABLE "LiteLLM_SpendLogs"(
  "request_id" TEXT, "call_type" TEXT, "api_key" TEXT, "spend" TEXT, "total_tokens" TEXT,
  "prompt_tokens" TEXT, "completion_tokens" TEXT, "startTime" TEXT, "endTime" TEXT,
  "request_duration_ms" TEXT, "completionStartTime" TEXT, "model" TEXT, "model_id" TEXT,
  "model_group" TEXT, "custom_llm_provider" TEXT, "api_base" TEXT, "user" TEXT, "metadata" TEXT,
  "cache_hit" TEXT, "cache_key" TEXT, "request_tags" TEXT, "team_id" TEXT, "organization_id" TEXT,
  "end_user" TEXT, "requester_ip_address" TEXT, "messages" TEXT, "response" TEXT, "session_id" TEXT,
  "status" TEXT);
ALTER TABLE "LiteLLM_SpendLogs" ADD COLUMN "mcp_namespaced_tool_name" TEXT;
ALTER TABLE "LiteLLM_SpendLogs" ADD COLUMN "agent_id" TEXT;
ALTER TABLE "LiteLLM_SpendLogs" ADD COLUMN "proxy_server_request" TEXT;

INSERT INTO "LiteLLM_SpendLogs"
WITH RECURSIVE
  seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 480),
  -- About 9 hours apart, with a jitter smaller than the gap; requests 98 and
  -- 99 sit on either side of the first price.
  timed AS (
    SELECT n,
           CASE n WHEN 98 THEN 1751952299999                   -- 2025-07-08 05:24:59.999
                  WHEN 99 THEN 1751952300000                   -- 2025-07-08 05:25:00.000
                  ELSE (1748736000                             -- 2025-06-01 00:00:00
                        + (n - 1) * 32940 + (n * 7919) % 3000) * 1000 + (n * 389) % 1000
           END AS start_ms,
           CASE WHEN n IN (98, 99) THEN 60 ELSE (n * 37) % 100 END AS bucket,   -- picks the model
           (n * 13) % 10 AS who,                                                -- picks the key
           (n * 7919 + n * n * 104729) % 10007 AS r1,
           (n * 6151 + n * n * 3571 + 17) % 10009 AS r2
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
           -- the provider's prompt cache: part of prompt_tokens, OpenAI's way
           CASE WHEN n >= 100 AND n % 5 = 1 AND NOT (failed OR cached OR is_embedding)
                THEN prompt * 3 / 5 ELSE 0 END AS read_tokens,
           CASE WHEN failed OR cached THEN 0.0
                ELSE (prompt * usd_in + completion * usd_out) / 1000000.0 END AS spend,
           CASE WHEN failed THEN 120 + r2 % 400
                WHEN cached THEN 5 + r2 % 20
                ELSE 300 + completion * 12 + r1 % 700 END AS duration_ms
      FROM tokens),
  usage AS (
    SELECT *,
           '{"prompt_tokens_details":{"cached_tokens":' || read_tokens
             || ',"audio_tokens":null},"completion_tokens_details":{"reasoning_tokens":'
             || (is_reasoning * (600 + r1 % 2500)) || '}}' AS details
      FROM costed)
SELECT printf('chatcmpl-%08x%08x', (n * 2654435761) % 4294967296, (n * 40503 + 12345) % 4294967296),
       CASE WHEN is_embedding THEN 'aembedding' ELSE 'acompletion' END,
       api_key,
       CAST(spend AS TEXT),
       CAST(prompt + completion AS TEXT),
       CAST(prompt AS TEXT),
       CAST(completion AS TEXT),
       strftime('%Y-%m-%d %H:%M:%S', start_ms / 1000, 'unixepoch') || printf('.%03d', start_ms % 1000),
       strftime('%Y-%m-%d %H:%M:%S', (start_ms + duration_ms) / 1000, 'unixepoch')
         || printf('.%03d', (start_ms + duration_ms) % 1000),
       CAST(duration_ms AS TEXT),
       CASE WHEN failed OR is_embedding THEN ''
            ELSE strftime('%Y-%m-%d %H:%M:%S', (start_ms + duration_ms / 4) / 1000, 'unixepoch')
                 || printf('.%03d', (start_ms + duration_ms / 4) % 1000) END,
       model_name,
       model_id,
       model_group,
       'openai',
       CASE base WHEN 'xingchen' THEN 'https://maas-api.cn-huabei-1.xf-yun.com/v1'
                 ELSE 'https://api.openai.com/v1' END,
       usr,
       '{"user_api_key":"' || api_key || '","user_api_key_alias":"' || key_alias || '"'
         || CASE WHEN team_alias IS NOT NULL
                 THEN ',"user_api_key_team_id":"' || team_id || '","user_api_key_team_alias":"' || team_alias || '"'
                 ELSE '' END
         || ',"user_api_key_user_id":"' || usr || '"'
         || CASE WHEN failed OR cached THEN ',"additional_usage_values":{}'
                 WHEN n < 200 THEN ',"additional_usage_values":' || details
                 ELSE ',"usage_object":{"completion_tokens":' || completion || ',"prompt_tokens":' || prompt
                      || ',"total_tokens":' || (prompt + completion) || ',' || substr(details, 2)
                      || ',"additional_usage_values":' || details END
         || '}',
       CASE WHEN cached THEN 'True' ELSE 'False' END,
       CASE WHEN cached THEN printf('%08x%08x', (n * 2246822519) % 4294967296, (n * 3266489917) % 4294967296)
            ELSE '' END,
       CASE WHEN usr = 'support-batch' THEN '["nightly"]' ELSE '[]' END,
       coalesce(team_id, ''),
       '',
       CASE WHEN team_id = 'team-support' THEN printf('customer-%03d', r2 % 40) ELSE '' END,
       '10.1.0.' || (10 + who),
       '{}',
       '{}',
       '',
       CASE WHEN failed THEN 'failure' ELSE 'success' END,
       '',
       '',
       '{}'
  FROM usage
 ORDER BY n;

-- One row per rule: (n, what it shows).  Keys and teams as above.
INSERT INTO "LiteLLM_SpendLogs"
WITH k(api_key, alias) AS (VALUES
  ('c80aac323c8eb800d2bfdd7dbfccd1944532683e5cdc526780f4a4304b6882f3', 'alice-laptop')),
special(n, call_type, prompt, completion, start, model, model_group, usage_object, cache_hit, status, mcp) AS (VALUES
  -- 481: Anthropic-shaped cache through LiteLLM, prompt_tokens includes the
  -- 3000 read and the 1500 written (the newest releases)
  (481, 'acompletion', '5000', '400', '2025-09-02 08:00:00.125', 'openai/xdeepseekv3', 'deepseek-v3',
   '{"prompt_tokens":5000,"completion_tokens":400,"total_tokens":5400,"prompt_tokens_details":{"cached_tokens":3000,"cache_creation_tokens":1500},"cache_read_input_tokens":3000,"cache_creation_input_tokens":1500}',
   'False', 'success', ''),
  -- 482: a 2025 release that left the 1500 written out of prompt_tokens
  (482, 'acompletion', '3200', '400', '2025-09-02 09:00:00.250', 'xdeepseekv3', 'deepseek-v3',
   '{"prompt_tokens":3200,"completion_tokens":400,"total_tokens":3600,"prompt_tokens_details":{"cached_tokens":3000},"cache_read_input_tokens":3000,"cache_creation_input_tokens":1500}',
   'False', 'success', ''),
  -- 483: Anthropic's own convention: prompt_tokens is the 200 uncached only
  (483, 'anthropic_messages', '200', '400', '2025-09-02 10:00:00.375', 'xdeepseekv3', 'deepseek-v3',
   '{"prompt_tokens":200,"completion_tokens":400,"total_tokens":600,"prompt_tokens_details":{"cached_tokens":3000,"cache_creation_tokens":1500},"cache_read_input_tokens":3000,"cache_creation_input_tokens":1500}',
   'False', 'success', ''),
  -- 484: failed mid-stream after 120 tokens: billed
  (484, 'acompletion', '800', '120', '2025-09-03 11:00:00.000', 'deepseek-r1', 'deepseek-r1',
   '{"prompt_tokens":800,"completion_tokens":120,"total_tokens":920}', 'False', 'failure', ''),
  -- 485: an MCP tool call through the proxy: not a model call
  (485, 'call_mcp_tool', '0', '0', '2025-09-03 12:00:00.000', '', '', 'null', 'False', 'success',
   'github-search_code'),
  -- 486: no model name
  (486, 'pass_through_endpoint', '300', '50', '2025-09-03 13:00:00.000', '', '', 'null', 'False', 'success', ''),
  -- 487: another product of the provider, behind a prefix
  (487, 'acompletion', '900', '300', '2025-09-04 01:00:00.000', 'openai/Spark-Max', 'spark-max', 'null',
   'False', 'success', ''),
  -- 488: a damaged export: no prompt_tokens
  (488, 'acompletion', '', '300', '2025-09-04 02:00:00.000', 'xop3qwen8b', 'qwen3-8b', 'null', 'False',
   'success', ''),
  -- 489: a damaged export: no time
  (489, 'acompletion', '700', '300', 'yesterday', 'xop3qwen8b', 'qwen3-8b', 'null', 'False', 'success', ''),
  -- 490, 491: startTime as an export of a timestamptz writes it, with an
  -- offset: 2025-07-31 23:30 UTC (August in Beijing) and 2025-10-01 00:10 UTC
  (490, 'acompletion', '1000', '200', '2025-08-01 07:30:00.5+08', 'xdeepseekv3', 'deepseek-v3', 'null',
   'False', 'success', ''),
  (491, 'acompletion', '1000', '200', '2025-10-01 00:10:00+00', 'Qwen3-32B', 'qwen3-32b', 'null', 'False',
   'success', ''),
  -- 492: metadata that is not JSON: no cache counts, the key's hash
  (492, 'acompletion', '1500', '100', '2025-10-02 03:00:00.000', 'xdeepseekv3', 'deepseek-v3', NULL, 'False',
   'success', ''),
  -- 493: cache_hit 'None' (LiteLLM's text of no answer): billed
  (493, 'acompletion', '600', '60', '2025-10-03 03:00:00.000', 'xop3qwen8b', 'qwen3-8b', 'null', 'None',
   'success', ''),
  -- 494: a cache hit of LiteLLM's own cache that logged tokens: not billed
  (494, 'acompletion', '600', '60', '2025-10-03 04:00:00.000', 'xop3qwen8b', 'qwen3-8b', 'null', 'True',
   'success', ''),
  -- 495: a failure without tokens, status in another case
  (495, 'acompletion', '0', '0', '2025-10-03 05:00:00.000', 'xop3qwen8b', 'qwen3-8b', 'null', 'False',
   'Failure', ''),
  -- 496: 'openai/gpt-4o-mini': the prefix is dropped, still not on the list
  (496, 'acompletion', '400', '90', '2025-10-03 06:00:00.000', 'openai/gpt-4o-mini', 'gpt-4o-mini', 'null',
   'False', 'success', ''))
SELECT printf('special-%03d', n), call_type, k.api_key, '0.0', '', prompt, completion, start, start, '', '',
       model, '', model_group, 'openai', '', 'alice',
       CASE WHEN usage_object IS NULL THEN '{"user_api_key_alias":"alice-lap'
            ELSE '{"user_api_key_alias":"' || k.alias || '","user_api_key_team_alias":"search","usage_object":'
                 || usage_object || '}' END,
       cache_hit, '', '[]', 'team-search', '', '', '10.1.0.10', '{}', '{}', '', status, mcp, '', '{}'
  FROM special, k
 ORDER BY n;

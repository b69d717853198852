-- usage_litellm.sql - sql/reports/litellm.sql on the example LiteLLM spend log
-- (examples/litellm_spendlogs.sql, a CSV export: every column TEXT), its
-- temp.maas_usage checked against totals computed here without sqlite-maas.
-- expect: error (the last check: a table that is not LiteLLM's)
-- The check reads the raw table itself:
--   billed  not a cache hit of LiteLLM's own cache (cache_hit 'True'), not a
--           failure without tokens, not an MCP tool call;
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of
--           1e-5 CNY per 1,000 tokens, so tokens x price is the cost in
--           1e-8 CNY, an integer, and sums are exact;
--   names   each logged name mapped by hand to the model it means: the
--           service IDs (xdeepseekv3 -> DeepSeek-V3, xop3qwen8b -> Qwen3-8B),
--           with or without 'openai/', other spellings of published names;
--           gpt-4o-mini and text-embedding-3-small are not on the list,
--           Spark-Max is another product (sold per token by the Spark API);
--   tokens  input = the uncached part + cache reads + cache writes, the
--           uncached part being prompt_tokens less whatever of the cache
--           counts it holds (all, the reads only, or none: never negative);
--   time    the page's 更新时间：2025-7-8 13:25 (Beijing) is 2025-07-08
--           05:25:00 UTC; startTime is UTC text, two rows carry an offset.
-- Costs are compared at 8 places with the hand sums written out as text.
.read examples/litellm_spendlogs.sql
.output /dev/null
.read sql/reports/litellm.sql
.output

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3',    200,  800),  -- 0.002   0.008
  ('DeepSeek-R1',    400, 1600),  -- 0.004   0.016
  ('Qwen3-8B',        50,  500),  -- 0.0005  0.005
  ('Qwen3-32B',      200, 2000),  -- 0.002   0.02
  ('Qwen3-30B-A3B',   75,  750);  -- 0.00075 0.0075
CREATE TEMP TABLE expected_name(logged TEXT PRIMARY KEY, model TEXT);
INSERT INTO expected_name VALUES
  ('xdeepseekv3', 'DeepSeek-V3'), ('openai/xdeepseekv3', 'DeepSeek-V3'), ('xop3qwen8b', 'Qwen3-8B'),
  ('deepseek-r1', 'DeepSeek-R1'), ('Qwen3-32B', 'Qwen3-32B'), ('openai/Qwen3-30B-A3B', 'Qwen3-30B-A3B');
CREATE TEMP VIEW expected_rows AS
WITH raw AS (
  SELECT request_id, model, CAST(nullif(prompt_tokens, '') AS INTEGER) AS prompt,
         CAST(completion_tokens AS INTEGER) AS output,
         CASE WHEN startTime LIKE '%+08' THEN datetime(substr(startTime, 1, 19), '-8 hours')
              WHEN startTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] *' THEN substr(startTime, 1, 19)
         END AS utc,
         CASE WHEN json_valid(metadata) THEN coalesce(
                json_extract(metadata, '$.usage_object.cache_read_input_tokens'),
                json_extract(metadata, '$.usage_object.prompt_tokens_details.cached_tokens'),
                json_extract(metadata, '$.additional_usage_values.prompt_tokens_details.cached_tokens'), 0)
              ELSE 0 END AS reads,
         CASE WHEN json_valid(metadata)
              THEN coalesce(json_extract(metadata, '$.usage_object.cache_creation_input_tokens'), 0)
              ELSE 0 END AS writes
    FROM "LiteLLM_SpendLogs"
   WHERE cache_hit <> 'True' AND call_type <> 'call_mcp_tool'
     AND NOT (lower(status) = 'failure' AND prompt_tokens = '0' AND completion_tokens = '0')),
tokens AS (
  SELECT *,
         CASE WHEN prompt - reads - writes >= 0 THEN prompt - reads - writes
              WHEN prompt - reads >= 0 THEN prompt - reads
              ELSE prompt END + reads + writes AS input
    FROM raw)
SELECT t.*, n.model AS known, utc >= '2025-07-08 05:25:00' AS in_force,
       CASE WHEN t.model = '' THEN 'no_model_name'
            WHEN t.model = 'openai/Spark-Max' THEN 'other_product'
            WHEN n.model IS NULL THEN 'unknown_model'
            WHEN prompt IS NULL THEN 'no_token_counts'
            WHEN utc IS NULL THEN 'no_time'
            WHEN utc < '2025-07-08 05:25:00' THEN 'before_first_price' END AS reason,
       t.input * p.input + t.output * p.output AS cost_e8,
       p.input AS input_price, p.output AS output_price
  FROM tokens AS t
  LEFT JOIN expected_name AS n ON n.logged = t.model
  LEFT JOIN expected_price AS p ON p.model = n.model;

-- The totals per source and currency, here and in temp.maas_usage.
SELECT 'expected' AS "by", 'litellm' AS source, 'CNY' AS currency, count(*) AS calls, sum(input) AS input_tokens,
       sum(reads) AS cached_input_tokens, sum(writes) AS cache_write_tokens, sum(output) AS output_tokens,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows WHERE reason IS NULL
UNION ALL
SELECT 'report', source, currency, sum(requests), sum(input_tokens), sum(cached_input_tokens),
       sum(cache_write_tokens), sum(output_tokens), maas_round_text(maas_total_text(cost), 8)
  FROM temp.maas_usage WHERE reason IS NULL GROUP BY source, currency;
-- The rows left out, per reason, and all billed calls.
SELECT 'expected' AS "by", coalesce(reason, '(counted)') AS reason, count(*) AS calls, sum(input) AS input_tokens,
       sum(output) AS output_tokens
  FROM expected_rows GROUP BY reason
UNION ALL
SELECT 'report', coalesce(reason, '(counted)'), count(*), sum(input_tokens), sum(output_tokens)
  FROM temp.maas_usage GROUP BY reason
 ORDER BY 2, 1;
-- LiteLLM's own spend beside it (USD, as recorded).
SELECT recorded_currency, count(recorded_cost) AS calls, maas_round_text(maas_total_text(recorded_cost), 8) AS spend
  FROM temp.maas_usage GROUP BY recorded_currency;

-- Every call the same, row by row: id, tokens and cost.
CREATE TEMP TABLE compared AS
SELECT (SELECT count(*) FROM expected_rows) = (SELECT count(*) FROM temp.maas_usage) AS same_count,
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u ON u.source_id = e.request_id
         WHERE u.input_tokens IS e.input AND u.cached_input_tokens = e.reads AND u.cache_write_tokens = e.writes
           AND u.output_tokens IS e.output AND u.reason IS e.reason
           AND (e.reason IS NOT NULL OR maas_round_text(u.cost, 8)
                = printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000)))
         = (SELECT count(*) FROM expected_rows) AS same_rows,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
          FROM expected_rows WHERE reason IS NULL)
         = (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL)
         AS same_total;
SELECT * FROM compared;

-- A card of the user's with prices for cache reads and writes of DeepSeek-V3:
-- reads at 0.0005 and writes at 0.0025 CNY per 1,000 tokens, never also at
-- the input price.
CREATE TEMP TABLE maas_user_rates (
  provider TEXT NOT NULL, model TEXT NOT NULL, service TEXT NOT NULL, item TEXT NOT NULL, label TEXT,
  price TEXT NOT NULL, unit TEXT NOT NULL, currency TEXT NOT NULL, effective_from TEXT NOT NULL, source TEXT);
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) VALUES
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test'),
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cache_write', '0.0025', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test');
CREATE TEMP TABLE card_compared AS
SELECT (SELECT printf('%d.%08d', sum(e) / 100000000, sum(e) % 100000000)
          FROM (SELECT (input - reads - writes) * 200 + reads * 50 + writes * 250 + output * 800 AS e
                  FROM expected_rows WHERE reason IS NULL AND known = 'DeepSeek-V3')) AS expected,
       (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage
         WHERE reason IS NULL AND priced_model = 'DeepSeek-V3') AS report;
SELECT 'DeepSeek-V3 on the user card' AS what, * FROM card_compared;

SELECT (SELECT same_count AND same_rows AND same_total FROM compared)
       AND (SELECT expected = report FROM card_compared) AS all_agree;

-- A table that is not LiteLLM's spend log stops the adapter with one line.
DROP TABLE "LiteLLM_SpendLogs";
CREATE TABLE "LiteLLM_SpendLogs"(request_id TEXT, spend REAL);
SELECT maas_exec(CAST(readfile('sql/sources/litellm.sql') AS TEXT));

-- usage_openai_usage_export.sql - sql/reports/openai_usage_export.sql on the
-- example export (examples/openai_usage_export.csv, imported with .import
-- --csv: every column TEXT), its temp.maas_usage checked against totals
-- computed here without sqlite-maas.
-- expect: error (the last check: a table that is not an export)
-- The check reads the raw table itself:
--   calls   a row is a bucket of num_model_requests calls; an empty bucket
--           (no request, no token) is none;
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of
--           1e-5 CNY per 1,000 tokens, so tokens x price is the cost in
--           1e-8 CNY, an integer, and sums are exact; input_tokens includes
--           the cached ones, which the built-in card prices as input;
--   names   mapped by hand: xdeepseekv3 (with or without 'openai/') and
--           deepseek-v3 -> DeepSeek-V3, xop3qwen8b -> Qwen3-8B; OpenAI's own
--           models are not on the list, Spark-Max is another product;
--   time    a bucket is priced at its start_time (unix seconds); the first
--           price is in force from 1751952300 (2025-07-08 05:25:00 UTC).
-- Then the newer export's cache-write columns are added to a few rows and a
-- user card prices DeepSeek-V3's cached and written tokens.
.read examples/openai_usage_export.sql
.output /dev/null
.read sql/reports/openai_usage_export.sql
.output

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3',  200,  800),  -- 0.002  0.008
  ('DeepSeek-R1',  400, 1600),  -- 0.004  0.016
  ('Qwen3-8B',      50,  500),  -- 0.0005 0.005
  ('Qwen3-32B',    200, 2000);  -- 0.002  0.02
CREATE TEMP TABLE expected_name(exported TEXT PRIMARY KEY, model TEXT);
INSERT INTO expected_name VALUES
  ('xdeepseekv3', 'DeepSeek-V3'), ('openai/xdeepseekv3', 'DeepSeek-V3'), ('deepseek-v3', 'DeepSeek-V3'),
  ('deepseek-r1', 'DeepSeek-R1'), ('xop3qwen8b', 'Qwen3-8B'), ('Qwen3-32B', 'Qwen3-32B');
CREATE TEMP VIEW expected_rows AS
WITH raw AS (
  SELECT rowid AS id, model,
         CASE WHEN num_model_requests NOT GLOB '*[^0-9]*' THEN CAST(num_model_requests AS INTEGER) END AS requests,
         CASE WHEN input_tokens <> '' AND input_tokens NOT GLOB '*[^0-9]*' THEN CAST(input_tokens AS INTEGER) END
           AS input,
         CASE WHEN output_tokens <> '' AND output_tokens NOT GLOB '*[^0-9]*' THEN CAST(output_tokens AS INTEGER) END
           AS output,
         CAST(input_cached_tokens AS INTEGER) AS cached,  -- '' is 0
         CASE WHEN start_time <> '' THEN CAST(start_time AS INTEGER) END AS start
    FROM usage_export
   WHERE NOT (num_model_requests = '0' AND input_tokens = '0' AND output_tokens = '0'))
SELECT r.*, n.model AS known,
       CASE WHEN r.model = '' THEN 'no_model_name'
            WHEN r.model = 'Spark-Max' THEN 'other_product'
            WHEN n.model IS NULL THEN 'unknown_model'
            WHEN r.input IS NULL OR r.output IS NULL THEN 'no_token_counts'
            WHEN r.start IS NULL THEN 'no_time'
            WHEN r.start < 1751952300 THEN 'before_first_price' END AS reason,
       r.input * p.input + r.output * p.output AS cost_e8
  FROM raw AS r
  LEFT JOIN expected_name AS n ON n.exported = r.model
  LEFT JOIN expected_price AS p ON p.model = n.model;

-- The totals per source and currency, here and in temp.maas_usage.
SELECT 'expected' AS "by", 'openai-usage-export' AS source, 'CNY' AS currency, count(*) AS buckets,
       sum(requests) AS requests, sum(input) AS input_tokens, sum(cached) AS cached_input_tokens,
       sum(output) AS output_tokens, printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows WHERE reason IS NULL
UNION ALL
SELECT 'report', source, currency, count(*), sum(requests), sum(input_tokens), sum(cached_input_tokens),
       sum(output_tokens), maas_round_text(maas_total_text(cost), 8)
  FROM temp.maas_usage WHERE reason IS NULL GROUP BY source, currency;
-- The buckets left out, per reason, and all of them.
SELECT 'expected' AS "by", coalesce(reason, '(counted)') AS reason, count(*) AS buckets, sum(requests) AS requests,
       sum(input) AS input_tokens, sum(output) AS output_tokens
  FROM expected_rows GROUP BY reason
UNION ALL
SELECT 'report', coalesce(reason, '(counted)'), count(*), sum(requests), sum(input_tokens), sum(output_tokens)
  FROM temp.maas_usage GROUP BY reason
 ORDER BY 2, 1;

-- Every bucket the same, row by row.
CREATE TEMP TABLE compared AS
SELECT (SELECT count(*) FROM expected_rows) = (SELECT count(*) FROM temp.maas_usage) AS same_count,
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u ON u.source_id = e.id
         WHERE u.requests IS e.requests AND u.input_tokens IS e.input AND u.cached_input_tokens = e.cached
           AND u.cache_write_tokens = 0 AND u.output_tokens IS e.output AND u.reason IS e.reason
           AND (e.reason IS NOT NULL OR maas_round_text(u.cost, 8)
                = printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000)))
         = (SELECT count(*) FROM expected_rows) AS same_rows,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
          FROM expected_rows WHERE reason IS NULL)
         = (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL)
         AS same_total;
SELECT * FROM compared;

-- A newer export: cache writes of 30 minutes and of 12 hours (parts of
-- input_tokens) on the DeepSeek-V3 buckets of one key, and a card of the
-- user's with prices for DeepSeek-V3's cache reads (0.0005) and writes
-- (0.0025 CNY per 1,000 tokens), never also at the input price.
ALTER TABLE usage_export ADD COLUMN input_cache_write_tokens TEXT;
ALTER TABLE usage_export ADD COLUMN input_cache_write_12h_tokens TEXT;
UPDATE usage_export SET input_cache_write_tokens = CAST(input_tokens AS INTEGER) / 10,
                        input_cache_write_12h_tokens = CAST(input_tokens AS INTEGER) / 20
 WHERE model = 'xdeepseekv3' AND api_key_id = 'key_9fK2mQ4xL7pR1sT3';
UPDATE usage_export SET input_cache_write_tokens = '', input_cache_write_12h_tokens = '' WHERE rowid % 2 = 0
   AND input_cache_write_tokens IS NULL;
CREATE TEMP TABLE maas_user_rates (
  provider TEXT NOT NULL, model TEXT NOT NULL, service TEXT NOT NULL, item TEXT NOT NULL, label TEXT,
  price TEXT NOT NULL, unit TEXT NOT NULL, currency TEXT NOT NULL, effective_from TEXT NOT NULL, source TEXT);
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) VALUES
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test'),
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cache_write', '0.0025', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test');
.output /dev/null
.read sql/reports/openai_usage_export.sql
.output
.headers on
.mode list
CREATE TEMP TABLE card_compared AS
WITH e AS (
  SELECT r.*, coalesce(CAST(nullif(x.input_cache_write_tokens, '') AS INTEGER), 0)
                + coalesce(CAST(nullif(x.input_cache_write_12h_tokens, '') AS INTEGER), 0) AS written
    FROM expected_rows AS r JOIN usage_export AS x ON x.rowid = r.id)
SELECT (SELECT sum(written) FROM e) AS expected_written,
       (SELECT sum(cache_write_tokens) FROM temp.maas_usage) AS report_written,
       (SELECT printf('%d.%08d', sum(c) / 100000000, sum(c) % 100000000)
          FROM (SELECT (input - cached - written) * 200 + cached * 50 + written * 250 + output * 800 AS c
                  FROM e WHERE reason IS NULL AND known = 'DeepSeek-V3')) AS expected,
       (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage
         WHERE reason IS NULL AND priced_model = 'DeepSeek-V3') AS report;
SELECT 'DeepSeek-V3 on the user card' AS what, * FROM card_compared;

SELECT (SELECT same_count AND same_rows AND same_total FROM compared)
       AND (SELECT expected_written = report_written AND expected = report FROM card_compared) AS all_agree;

-- A table that is not an export stops the adapter with one line.
DROP TABLE usage_export;
CREATE TABLE usage_export(start_time TEXT, model TEXT);
SELECT maas_exec(CAST(readfile('sql/sources/openai_usage_export.sql') AS TEXT));

-- usage_newapi.sql - sql/reports/newapi.sql on the example new-api log
-- (examples/newapi_logs.sql), its temp.maas_usage checked against totals
-- computed here without sqlite-maas.
-- expect: error (the last check: a table that is not new-api's)
-- The check reads the raw table itself:
--   billed  type 2 (consume) rows; of those, not the task settlement (3015)
--           nor the violation fee (3016);
--   tokens  the 3,000 generated rows record no cache: input = prompt_tokens;
--           the 26 rows written out (ids 3001-3026) are counted by hand
--           below, from their prompt_tokens and `other`: on a Claude Messages
--           upstream (3004, 3006, 3008-3010) and for the untagged usage with
--           a 5-minute part (3012) prompt_tokens leaves the cache out and the
--           reads and writes are added; elsewhere prompt_tokens holds them;
--   names   the rows whose `other` maps the request to xdeepseekv3 (Xingchen's
--           service ID of DeepSeek-V3) are DeepSeek-V3, xdeepseekr1 is
--           DeepSeek-R1 and xop3qwen8b Qwen3-8B; other names are matched to
--           the price list with lower();
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of 1e-5
--           CNY per 1,000 tokens, so tokens x price is the cost in 1e-8 CNY,
--           an integer, and sums are exact; the built-in card has no cached
--           price, so every input token costs the input price;
--   time    the page's 更新时间：2025-7-8 13:25 (Beijing) is 2025-07-08
--           05:25:00 UTC, unix time 1751952300; months are Beijing months.
-- Costs are compared at 8 places with the hand sums written out as text.
.read examples/newapi_logs.sql
.read examples/newapi_logs_2026.sql
.output /dev/null
.read sql/reports/newapi.sql
.output

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-R1',                    400, 1600),  -- 0.004   0.016
  ('DeepSeek-V3',                    200,  800),  -- 0.002   0.008
  ('DeepSeek-R1-Distill-Qwen-32B',   200,  600),  -- 0.002   0.006
  ('Qwen3-8B',                        50,  500),  -- 0.0005  0.005
  ('Qwen3-30B-A3B',                   75,  750),  -- 0.00075 0.0075
  ('Qwen3-235B-A22B',                200, 2000),  -- 0.002   0.02
  ('Qwen3-32B',                      200, 2000),  -- 0.002   0.02
  ('Qwen_v2.5_7b_Instruct',           50,  100),  -- 0.0005  0.001
  ('Spark Max',                      800, 4000),  -- 0.008   0.04
  ('Spark Lite',                     200,  600);  -- 0.002   0.006
-- The rows written out, counted by hand (input = every input token).
CREATE TEMP TABLE expected_call(id INTEGER PRIMARY KEY, priced TEXT, input INTEGER, cached INTEGER,
                                writes INTEGER, output INTEGER, reason TEXT);
INSERT INTO expected_call VALUES
  (3001, 'DeepSeek-V3',  1000,     0,    0, 1000, 'before_first_price'),  -- 2025-06-30 12:00:00
  (3002, 'DeepSeek-V3',  1000,     0,    0, 1000, 'before_first_price'),  -- 2025-07-08 05:24:59
  (3003, 'DeepSeek-V3',  1000,     0,    0, 1000, NULL),                  -- 2025-07-08 05:25:00
  (3004, 'DeepSeek-V3', 20900, 18000, 2000,  650, NULL),        -- claude: 900 + 18000 + 2000
  (3005, 'DeepSeek-V3',   400,  6000,    0,  300, 'bad_token_counts'),  -- unmarked: 6000 reads > 400
  (3006, 'DeepSeek-V3', 11700,  9000, 1500,  480, NULL),        -- anthropic: 1200 + 9000 + 1500
  (3007, 'DeepSeek-V3', 12000,  8000,    0,  900, NULL),        -- OpenAI-compatible: 12000 hold the 8000
  (3008, 'DeepSeek-V3', 25500, 20000, 4000,  820, NULL),        -- 1500 + 20000 + 4000 (3000 5m + 1000 1h)
  (3009, 'DeepSeek-V3', 12900, 12000,  600,  410, NULL),        -- 300 + 12000 + 600 (the 5m part alone)
  (3010, 'claude-sonnet-4-5', 37000, 30000, 5000, 1000, 'unknown_model'),  -- 2000 + 30000 + 5000
  (3011, 'DeepSeek-R1',  5000,  2048, 1000, 3000, NULL),        -- OpenAI-compatible, reads and a write
  (3012, 'DeepSeek-V3',  7000,  5000, 1200,  600, NULL),        -- untagged, 5m part: 800 + 5000 + 1200
  (3013, 'DeepSeek-V3',  7000,  5000, 1200,  600, NULL),        -- tagged: 7000 hold them
  (3014, 'kling-v2-1',   NULL,     0,    0, NULL, 'unknown_model'),       -- a task: no tokens
  (3017, 'DeepSeek-V3',    12,     0,    0,    5, NULL),        -- a channel test
  (3022, 'generalv3.5',   300,     0,    0,  200, 'other_product'),
  (3023, 'DeepSeek-V3',  1000,     0,    0, 1000, NULL),        -- `other` not JSON: nothing said
  (3024, 'DeepSeek-V3',  NULL,  NULL,    0, 1000, 'no_token_counts'),     -- cache_tokens "many"
  (3025, 'DeepSeek-V3',  NULL,     0,    0,  100, 'no_token_counts'),     -- prompt_tokens NULL
  (3026, 'Qwen3-8B',     3000,  1024,    0,  700, NULL);        -- 2026-07-31 17:30 UTC: 2026-08
CREATE TEMP VIEW expected_rows AS
WITH generated AS (
  SELECT l.id, l.created_at, l.quota,
         CASE WHEN instr(l.other, '"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"') > 0
              THEN 'DeepSeek-V3' ELSE coalesce(p.model, l.model_name) END AS priced,
         l.prompt_tokens AS input, 0 AS cached, 0 AS writes, l.completion_tokens AS output,
         CASE WHEN instr(l.other, '"upstream_model_name":"xdeepseekv3"') > 0 OR p.model IS NOT NULL THEN NULL
              WHEN l.model_name = 'Spark Mini' THEN 'no_token_price' ELSE 'unknown_model' END AS reason
    FROM logs AS l LEFT JOIN expected_price AS p ON lower(p.model) = lower(l.model_name)
   WHERE l.id <= 3000 AND l.type = 2),
written AS (
  SELECT e.id, l.created_at, l.quota, e.priced, e.input, e.cached, e.writes, e.output, e.reason
    FROM expected_call AS e JOIN logs AS l USING (id)),
calls AS (SELECT * FROM generated UNION ALL SELECT * FROM written)
SELECT c.*, strftime('%Y-%m', c.created_at + 8 * 3600, 'unixepoch') AS month,
       CASE WHEN c.reason IS NULL THEN c.input * p.input + c.output * p.output END AS cost_e8
  FROM calls AS c LEFT JOIN expected_price AS p ON p.model = c.priced;

-- The totals per source and currency, here and in temp.maas_usage.
SELECT 'expected' AS "by", 'new-api' AS source, 'CNY' AS currency, count(*) AS calls, sum(input) AS input_tokens,
       sum(cached) AS cached_input_tokens, sum(writes) AS cache_write_tokens, sum(output) AS output_tokens,
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
-- new-api's own charge: quota units, 500000 to the USD (no QuotaPerUnit
-- in an options table here), so quota x 2 is the charge in 1e-6 USD.
SELECT 'expected' AS "by", 'USD' AS recorded_currency, count(*) AS calls,
       printf('%d.%06d', sum(quota) * 2 / 1000000, sum(quota) * 2 % 1000000) AS recorded
  FROM expected_rows
UNION ALL
SELECT 'report', recorded_currency, count(recorded_cost), maas_total_text(recorded_cost, 6)
  FROM temp.maas_usage GROUP BY recorded_currency;

-- Every call the same, row by row, and every (Beijing) month.
CREATE TEMP TABLE compared AS
SELECT (SELECT count(*) FROM expected_rows) = (SELECT count(*) FROM temp.maas_usage) AS same_count,
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u ON u.source_id = e.id
         WHERE u.input_tokens IS e.input AND u.cached_input_tokens IS e.cached AND u.cache_write_tokens = e.writes
           AND u.output_tokens IS e.output AND u.reason IS e.reason AND u.priced_model = e.priced
           AND u.month = e.month
           AND maas_round_text(u.recorded_cost, 6) = printf('%d.%06d', e.quota * 2 / 1000000, e.quota * 2 % 1000000)
           AND (e.reason IS NOT NULL OR maas_round_text(u.cost, 8)
                = printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000)))
         = (SELECT count(*) FROM expected_rows) AS same_rows,
       (SELECT count(*) FROM (SELECT month, count(*), CASE WHEN count(cost_e8) > 0 THEN
                                printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) END
                                FROM expected_rows GROUP BY month
                              EXCEPT
                              SELECT month, count(*), maas_round_text(maas_total_text(cost), 8)
                                FROM temp.maas_usage GROUP BY month)) = 0
         AND (SELECT count(DISTINCT month) FROM expected_rows) = (SELECT count(DISTINCT month) FROM temp.maas_usage)
         AS same_months,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
          FROM expected_rows WHERE reason IS NULL)
         = (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL)
         AS same_total;
SELECT * FROM compared;

-- A card of the user's with prices for DeepSeek-V3's cache reads, 0.0005,
-- and writes, 0.0025 CNY per 1,000 tokens: each cached token is billed at
-- its price, and not also at the input price.  Row 3008 (Claude Messages):
--   (25500 - 20000 - 4000) x 200 + 20000 x 50 + 4000 x 250 + 820 x 800
--   = 300000 + 1000000 + 1000000 + 656000 = 2956000 (0.02956 CNY);
-- row 3007 (OpenAI-compatible): (12000 - 8000) x 200 + 8000 x 50 + 900 x 800
--   = 800000 + 400000 + 720000 = 1920000 (0.0192 CNY).
.read sql/user_tables.sql
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) VALUES
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test'),
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cache_write', '0.0025', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test');
.output /dev/null
.read sql/reports/newapi.sql
.output
.mode list
SELECT source_id, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, maas_round_text(cost, 8) AS cost
  FROM temp.maas_usage WHERE source_id IN (3007, 3008) ORDER BY source_id;
CREATE TEMP TABLE card_compared AS
SELECT (SELECT printf('%d.%08d', sum(e) / 100000000, sum(e) % 100000000)
          FROM (SELECT (input - cached - writes) * 200 + cached * 50 + writes * 250 + output * 800 AS e
                  FROM expected_rows WHERE reason IS NULL AND priced = 'DeepSeek-V3')) AS expected,
       (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage
         WHERE reason IS NULL AND priced_model = 'DeepSeek-V3') AS report,
       (SELECT maas_round_text(cost, 8) FROM temp.maas_usage WHERE source_id = 3008) = '0.02956000'
         AND (SELECT maas_round_text(cost, 8) FROM temp.maas_usage WHERE source_id = 3007) = '0.01920000'
         AS rows_equal;
SELECT 'DeepSeek-V3 on the user card' AS what, * FROM card_compared;

-- The admin's QuotaPerUnit, kept in the options table of the same database:
-- 250000 quota units to the USD doubles every recorded charge.
CREATE TABLE options(key TEXT PRIMARY KEY, value TEXT);
INSERT INTO options VALUES ('QuotaPerUnit', '250000');
.output /dev/null
.read sql/reports/newapi.sql
.output
.mode list
CREATE TEMP TABLE unit_compared AS
SELECT (SELECT printf('%d.%06d', sum(quota) * 4 / 1000000, sum(quota) * 4 % 1000000) FROM expected_rows) AS expected,
       (SELECT maas_total_text(recorded_cost, 6) FROM temp.maas_usage) AS report;
SELECT 'QuotaPerUnit 250000' AS what, * FROM unit_compared;

SELECT (SELECT same_count AND same_rows AND same_months AND same_total FROM compared)
       AND (SELECT expected = report AND rows_equal FROM card_compared)
       AND (SELECT expected = report FROM unit_compared) AS all_agree;

-- A `logs` table that is not new-api's stops the adapter with one line.
DROP TABLE logs;
CREATE TABLE logs(id INTEGER PRIMARY KEY, created_at INTEGER, model_name TEXT, other TEXT);
SELECT maas_exec(CAST(readfile('sql/sources/newapi.sql') AS TEXT));

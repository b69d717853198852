-- usage_oneapi.sql - sql/reports/oneapi.sql on the example one-api log
-- (examples/oneapi_logs.sql), its temp.maas_usage checked against counts
-- written out here by hand, without sqlite-maas.
-- expect: error (the last check: a table that is not one-api's)
--   billed  the consume rows (type 2): 14 of the 18; not the top-up (13),
--           the channel test (14), the admin and system notes (15, 16);
--   names   one-api logs the name it sent upstream: xdeepseekv3 is
--           DeepSeek-V3, xdeepseekr1 DeepSeek-R1, xop3qwen8b and qwen3-8b
--           Qwen3-8B; whisper-1, dall-e-3 and Claude are not on the card,
--           SparkDesk-v3.5 is the Spark API's (another product);
--   tokens  input = prompt_tokens (no cache counts in one-api), output =
--           completion_tokens; none at all (11, 12) is no usage: NULL;
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of 1e-5
--           CNY per 1,000 tokens, so tokens x price is the cost in 1e-8 CNY;
--   time    2025-07-08 05:25:00 UTC (unix 1751952300) is the first price;
--           months are Beijing months (row 7, 2025-10-31 16:30 UTC, is
--           2025-11).
.read examples/oneapi_logs.sql
.output /dev/null
.read sql/reports/oneapi.sql
.output

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3',  200,  800),  -- 0.002   0.008
  ('DeepSeek-R1',  400, 1600),  -- 0.004   0.016
  ('Qwen3-8B',      50,  500),  -- 0.0005  0.005
  ('Qwen3-32B',    200, 2000);  -- 0.002   0.02
CREATE TEMP TABLE expected_call(id INTEGER PRIMARY KEY, priced TEXT, month TEXT, input INTEGER, output INTEGER,
                                reason TEXT);
INSERT INTO expected_call VALUES
  (1,  'DeepSeek-V3',                '2025-06', 1000, 1000, 'before_first_price'),
  (2,  'DeepSeek-V3',                '2025-07', 1000, 1000, 'before_first_price'),
  (3,  'DeepSeek-V3',                '2025-07', 1000, 1000, NULL),
  (4,  'DeepSeek-V3',                '2025-09', 2400,  800, NULL),
  (5,  'DeepSeek-R1',                '2025-09', 1500, 2600, NULL),
  (6,  'Qwen3-8B',                   '2025-10',  800,  300, NULL),
  (7,  'Qwen3-8B',                   '2025-11', 5000,  100, NULL),
  (8,  'SparkDesk-v3.5',             '2025-11',  300,  200, 'other_product'),
  (9,  'claude-3-5-sonnet-20241022', '2025-11',  900,  400, 'unknown_model'),
  (10, 'whisper-1',                  '2025-11', 1500,    0, 'unknown_model'),  -- the quota, as one-api logs it
  (11, 'dall-e-3',                   '2025-11', NULL, NULL, 'unknown_model'),
  (12, 'DeepSeek-V3',                '2025-11', NULL, NULL, 'no_token_counts'),
  (17, 'Qwen3-32B',                  '2025-11', 2000, 1500, NULL),
  (18, 'Qwen3-8B',                   '2025-11', 1200,  600, NULL);
CREATE TEMP VIEW expected_rows AS
SELECT e.*, l.quota, CASE WHEN e.reason IS NULL THEN e.input * p.input + e.output * p.output END AS cost_e8
  FROM expected_call AS e JOIN logs AS l USING (id) LEFT JOIN expected_price AS p ON p.model = e.priced;

-- The totals per source and currency, here and in temp.maas_usage.
SELECT 'expected' AS "by", 'one-api' AS source, 'CNY' AS currency, count(*) AS calls, sum(input) AS input_tokens,
       0 AS cached_input_tokens, 0 AS cache_write_tokens, sum(output) AS output_tokens,
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
-- one-api's own charge: quota units, 500000 to the USD: quota x 2 in 1e-6 USD.
SELECT 'expected' AS "by", 'USD' AS recorded_currency, count(*) AS calls,
       printf('%d.%06d', sum(quota) * 2 / 1000000, sum(quota) * 2 % 1000000) AS recorded
  FROM expected_rows
UNION ALL
SELECT 'report', recorded_currency, count(recorded_cost), maas_total_text(recorded_cost, 6)
  FROM temp.maas_usage GROUP BY recorded_currency;

-- Every call the same, row by row.
CREATE TEMP TABLE compared AS
SELECT (SELECT count(*) FROM expected_rows) = (SELECT count(*) FROM temp.maas_usage) AS same_count,
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u ON u.source_id = e.id
         WHERE u.input_tokens IS e.input AND u.cached_input_tokens = 0 AND u.cache_write_tokens = 0
           AND u.output_tokens IS e.output AND u.reason IS e.reason AND u.priced_model = e.priced
           AND u.month = e.month AND u.project_name IS NULL AND u.usage_json IS NULL
           AND maas_round_text(u.recorded_cost, 6) = printf('%d.%06d', e.quota * 2 / 1000000, e.quota * 2 % 1000000)
           AND (e.reason IS NOT NULL OR maas_round_text(u.cost, 8)
                = printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000)))
         = (SELECT count(*) FROM expected_rows) AS same_rows,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
          FROM expected_rows WHERE reason IS NULL)
         = (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL)
         AS same_total;
SELECT * FROM compared;
SELECT (SELECT same_count AND same_rows AND same_total FROM compared) AS all_agree;

-- A `logs` table that is not one-api's stops the adapter with one line.
DROP TABLE logs;
CREATE TABLE logs(id INTEGER PRIMARY KEY, created_at INTEGER, model_name TEXT, prompt_tokens INTEGER);
SELECT maas_exec(CAST(readfile('sql/sources/oneapi.sql') AS TEXT));

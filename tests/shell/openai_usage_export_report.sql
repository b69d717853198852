-- openai_usage_export_report.sql - sql/reports/openai_usage_export.sql on
-- the example usage export (examples/openai_usage_export.csv, imported by
-- examples/openai_usage_export.sql), checked against totals computed here
-- without sqlite-maas.
--
-- The check prices the export itself, from the imported TEXT columns:
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of
--           1e-5 CNY per 1,000 tokens, so tokens x price is the cost in
--           1e-8 CNY, an integer, and sums are exact;
--   names   each exported model mapped by hand to the model it means: the
--           service IDs from the reference's table (xdeepseekv3 ->
--           DeepSeek-V3, xop3qwen8b -> Qwen3-8B) and other spellings of
--           published names; gpt-4o-mini-2024-07-18 and text-embedding-3-small
--           are not on the list;
--   time    the page's 更新时间：2025-7-8 13:25 (Beijing, UTC+8) is
--           2025-07-08 05:25:00 UTC, unix time 1751952300 (20277 days of
--           86400 s to 2025-07-08, plus 5 h 25 min); a bucket counts from
--           its start_time; months are read from start_time_iso.
-- The report's costs are exact decimal text (maas_total_text); they are
-- compared at 8 places (maas_round_text(cost, 8)) with the hand sums written
-- out as text in integer arithmetic.
-- @whatif_model is left unset: the default, Qwen3-8B.
.read examples/openai_usage_export.sql
.parameter clear
.read sql/reports/openai_usage_export.sql

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
  ('xdeepseekv3', 'DeepSeek-V3'),
  ('deepseek-v3', 'DeepSeek-V3'),
  ('xop3qwen8b',  'Qwen3-8B'),
  ('deepseek-r1', 'DeepSeek-R1'),
  ('Qwen3-32B',   'Qwen3-32B');
CREATE TEMP VIEW expected_rows AS
SELECT strftime('%Y-%m', e.start_time_iso, '+8 hours') AS month,  -- Beijing time
       e.model AS exported,
       n.model AS known,
       coalesce(n.model, e.model) AS model,
       e.project_id,
       e.api_key_id,
       CAST(e.num_model_requests AS INTEGER) AS requests,
       CAST(e.input_tokens AS INTEGER) AS input_tokens,
       CAST(e.input_cached_tokens AS INTEGER) AS cached_tokens,
       CAST(e.output_tokens AS INTEGER) AS output_tokens,
       CASE WHEN CAST(e.start_time AS INTEGER) >= 1751952300
            THEN CAST(e.input_tokens AS INTEGER) * p.input + CAST(e.output_tokens AS INTEGER) * p.output
       END AS cost_e8,
       CASE WHEN CAST(e.start_time AS INTEGER) >= 1751952300
            THEN CAST(e.input_tokens AS INTEGER) * 50 + CAST(e.output_tokens AS INTEGER) * 500
       END AS whatif_e8  -- Qwen3-8B
  FROM usage_export AS e
  LEFT JOIN expected_name AS n ON n.exported = e.model
  LEFT JOIN expected_price AS p ON p.model = n.model;

-- Hand sums as text: printf('%d.%08d', x / 100000000, x % 100000000).
CREATE TEMP VIEW expected_by_month_model AS
SELECT month, model, currency, buckets, requests, unpriced, input_tokens, cached_tokens, output_tokens,
       CASE WHEN cost_e8 IS NOT NULL THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END AS cost
  FROM (SELECT month, model, CASE WHEN known IS NOT NULL THEN 'CNY' END AS currency, count(*) AS buckets,
               sum(requests) AS requests, count(*) - count(cost_e8) AS unpriced,
               sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
               sum(output_tokens) AS output_tokens, sum(cost_e8) AS cost_e8
          FROM expected_rows GROUP BY 1, 2, 3);
CREATE TEMP VIEW report_by_month_model AS
SELECT month, model, currency, buckets, requests, unpriced, input_tokens, cached_tokens, output_tokens,
       maas_round_text(cost, 8) AS cost
  FROM maas_openai_cost_by_month_model;
CREATE TEMP VIEW expected_by_project_key AS
SELECT month, project_id, api_key_id, currency, buckets, requests, unpriced, input_tokens, cached_tokens,
       output_tokens,
       CASE WHEN cost_e8 IS NOT NULL THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END AS cost
  FROM (SELECT month, project_id, api_key_id, CASE WHEN known IS NOT NULL THEN 'CNY' END AS currency,
               count(*) AS buckets, sum(requests) AS requests, count(*) - count(cost_e8) AS unpriced,
               sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
               sum(output_tokens) AS output_tokens, sum(cost_e8) AS cost_e8
          FROM expected_rows GROUP BY 1, 2, 3, 4);
CREATE TEMP VIEW report_by_project_key AS
SELECT month, project_id, api_key_id, currency, buckets, requests, unpriced, input_tokens, cached_tokens,
       output_tokens, maas_round_text(cost, 8) AS cost
  FROM maas_openai_cost_by_project_key;

-- The totals, computed here and by the report (section 1).
SELECT 'expected' AS "by", count(*) AS buckets, sum(requests) AS requests, count(*) - count(cost_e8) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
       sum(output_tokens) AS output_tokens,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows
UNION ALL
SELECT 'report', sum(buckets), sum(requests), sum(unpriced), sum(input_tokens), sum(cached_tokens),
       sum(output_tokens), maas_total_text(cost, 8)
  FROM maas_openai_cost_by_month_model;
SELECT (SELECT maas_total_text(cost) FROM maas_openai_cost_by_month_model)
         = (SELECT maas_total_text(cost) FROM maas_openai_cost_by_project_key) AS sections_1_2_equal,
       (SELECT cost FROM maas_openai_totals WHERE line = 'total')
         = (SELECT maas_total_text(cost) FROM maas_openai_cost_by_month_model) AS totals_equal;
SELECT line, currency, reason, buckets, requests, input_tokens, output_tokens, cost
  FROM maas_openai_totals ORDER BY k, currency, reason;
-- Every line of sections 1 and 2 equal, both ways; NULL costs must match too.
SELECT 'month, model' AS lines, count(*) AS compared,
       (SELECT count(*) FROM (SELECT * FROM expected_by_month_model EXCEPT SELECT * FROM report_by_month_model))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM report_by_month_model EXCEPT SELECT * FROM expected_by_month_model))
         AS extra_in_report
  FROM expected_by_month_model
UNION ALL
SELECT 'month, project, key', count(*),
       (SELECT count(*) FROM (SELECT * FROM expected_by_project_key EXCEPT SELECT * FROM report_by_project_key)),
       (SELECT count(*) FROM (SELECT * FROM report_by_project_key EXCEPT SELECT * FROM expected_by_project_key))
  FROM expected_by_project_key;

-- Section 3, the what-if on the default, Qwen3-8B: per month, buckets priced
-- both ways.
CREATE TEMP VIEW expected_whatif AS
SELECT month, 'CNY' AS currency, buckets, compared,
       printf('%d.%08d', actual_e8 / 100000000, actual_e8 % 100000000) AS actual,
       printf('%d.%08d', whatif_e8 / 100000000, whatif_e8 % 100000000) AS whatif
  FROM (SELECT month, count(*) AS buckets, count(cost_e8 + whatif_e8) AS compared,
               coalesce(sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END), 0) AS actual_e8,
               coalesce(sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END), 0) AS whatif_e8
          FROM expected_rows GROUP BY month);
CREATE TEMP VIEW report_whatif AS
SELECT month, currency, buckets, compared,
       coalesce(maas_round_text(actual, 8), '0.00000000') AS actual,
       coalesce(maas_round_text(whatif, 8), '0.00000000') AS whatif
  FROM maas_openai_whatif_by_month;
SELECT 'expected' AS "by", sum(buckets) AS buckets, sum(compared) AS compared,
       (SELECT printf('%d.%08d', sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) / 100000000,
                      sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) % 100000000) FROM expected_rows)
         AS actual,
       (SELECT printf('%d.%08d', sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) / 100000000,
                      sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) % 100000000) FROM expected_rows)
         AS whatif
  FROM expected_whatif
UNION ALL
SELECT 'report', sum(buckets), sum(compared), maas_total_text(actual, 8), maas_total_text(whatif, 8)
  FROM maas_openai_whatif_by_month;
SELECT (SELECT model FROM maas_openai_whatif_model) AS whatif_model,
       (SELECT is_default FROM maas_openai_whatif_model) AS is_default,
       (SELECT count(*) FROM (SELECT * FROM expected_whatif EXCEPT SELECT * FROM report_whatif))
         + (SELECT count(*) FROM (SELECT * FROM report_whatif EXCEPT SELECT * FROM expected_whatif))
         AS months_differing;

-- Section 3 on every bucket (issue 12): the export's own tokens on
-- Qwen3-8B, whether or not its model has a price here, from the first price
-- on (before it Qwen3-8B had none): gpt-4o-mini and text-embedding buckets
-- too.
SELECT 'expected' AS "by", count(*) AS priced_whatif,
       printf('%d.%08d', sum(whatif_e8) / 100000000, sum(whatif_e8) % 100000000) AS whatif_all
  FROM expected_rows WHERE whatif_e8 IS NOT NULL
UNION ALL
SELECT 'report', sum(priced_whatif), maas_total_text(whatif_all, 8) FROM maas_openai_whatif_by_month;
-- An export of OpenAI models only, as a real one is: nothing is priced both
-- ways, and whatif_all is still what the usage would cost on Qwen3-8B.
CREATE TEMP TABLE real_export AS SELECT * FROM usage_export;
DELETE FROM real_export WHERE model NOT IN ('gpt-4o-mini-2024-07-18', 'text-embedding-3-small');
ALTER TABLE usage_export RENAME TO example_export;
ALTER TABLE real_export RENAME TO usage_export;
.output /dev/null
.read sql/reports/openai_usage_export.sql
.output stdout
.mode list
SELECT 'OpenAI models only' AS export_, sum(buckets) AS buckets, sum(priced_whatif) AS priced_whatif,
       maas_total_text(whatif_all, 8) AS whatif_all, sum(compared) AS compared,
       (SELECT printf('%d.%08d', sum(CAST(input_tokens AS INTEGER) * 50 + CAST(output_tokens AS INTEGER) * 500)
                                   / 100000000,
                      sum(CAST(input_tokens AS INTEGER) * 50 + CAST(output_tokens AS INTEGER) * 500) % 100000000)
          FROM usage_export WHERE CAST(start_time AS INTEGER) >= 1751952300) AS whatif_all_by_hand
  FROM maas_openai_whatif_by_month;
DROP TABLE usage_export;
ALTER TABLE example_export RENAME TO usage_export;
.output /dev/null
.read sql/reports/openai_usage_export.sql
.output stdout
.mode list

-- Section 4, the coverage: every bucket without a cost, by exported name and
-- reason, both ways.
CREATE TEMP VIEW expected_unpriced AS
SELECT exported, known AS model,
       CASE WHEN known IS NULL THEN 'unknown_model' ELSE 'before_first_price' END AS reason,
       NULL AS currency,
       count(*) AS buckets, sum(requests) AS requests, sum(input_tokens) AS input_tokens,
       sum(output_tokens) AS output_tokens
  FROM expected_rows WHERE cost_e8 IS NULL GROUP BY 1, 2, 3;
SELECT count(*) AS coverage_lines,
       sum(buckets) AS unpriced_buckets,
       (SELECT count(*) FROM (SELECT * FROM expected_unpriced EXCEPT SELECT * FROM maas_openai_unpriced))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM maas_openai_unpriced EXCEPT SELECT * FROM expected_unpriced))
         AS extra_in_report
  FROM expected_unpriced;
-- The day buckets around the first price: 2025-07-08 starts before it.
SELECT at, logged_model, cost, reason FROM maas_openai_usage
 WHERE at BETWEEN '2025-07-07' AND '2025-07-09 23:59:59' ORDER BY at, logged_model;

-- @currency 'USD' with a rate of 0.14 USD per CNY from 2025-09-01: the
-- buckets from September on are converted, the earlier ones are listed as
-- not converted, with their CNY amount.  By hand, from the exact month
-- costs: September to November cost 32.448807 + 25.8624055 + 37.909297 =
-- 96.2205095 CNY, x 0.14 = 13.47087133 USD; July and August stay
-- 17.3432485 + 36.2987365 = 53.641985 CNY.  The same from the hand prices:
-- 1e-8 CNY x 14 is 1e-10 USD.
.read sql/user_tables.sql
INSERT INTO maas_user_fx(currency, to_currency, rate, effective_from, source)
VALUES ('CNY', 'USD', '0.14', '2025-09-01', 'test');
.output /dev/null
.parameter set @currency "'USD'"
.read sql/reports/openai_usage_export.sql
.output stdout
.mode list
SELECT line, currency, reason, buckets, requests, input_tokens, output_tokens, cost
  FROM maas_openai_totals ORDER BY k, currency, reason;
SELECT (SELECT cost FROM maas_openai_totals WHERE line = 'total') = '13.47087133' AS converted_equal,
       (SELECT maas_round_text(cost, 10) FROM maas_openai_totals WHERE line = 'total')
         = (SELECT printf('%d.%010d', sum(cost_e8) * 14 / 10000000000, sum(cost_e8) * 14 % 10000000000)
              FROM expected_rows WHERE month >= '2025-09') AS converted_equal_by_hand,
       (SELECT cost FROM maas_openai_totals WHERE line = 'not converted') = '53.641985' AS not_converted_equal;
.parameter unset @currency
DELETE FROM maas_user_fx;

-- A what-if model the list does not know, or one without token prices: the
-- error names @whatif_model, the what-if section is empty, the rest stands.
-- (The report's output goes to /dev/null; the errors are on stderr.)
.output /dev/null
.parameter set @whatif_model 'gpt-4o-mini'
.read sql/reports/openai_usage_export.sql
.parameter set @whatif_model 'Spark Tiny'
.read sql/reports/openai_usage_export.sql
.output stdout
.mode list
SELECT (SELECT count(*) FROM maas_openai_whatif_by_month) AS whatif_lines,
       (SELECT cost FROM maas_openai_totals WHERE line = 'total') AS cost;

-- usage_dify.sql - sql/reports/dify.sql on the example Dify tables, two CSV
-- exports imported as a user imports them (examples/dify_import.sql:
-- `.import --csv`, every column TEXT), checked against calls written out
-- here by hand from the CSV files.
-- expect: error (the last check: a table that is not Dify's)
-- The hand side:
--   calls   each billed call of the fixture, by the last two digits of its id
--           (m: messages, n: workflow_node_executions), with the model it
--           means, its tokens, why it is left out (NULL: counted) and the
--           cost Dify recorded, in 1e-8 of its currency ('RMB' is CNY).
--           Not calls: m07 (error, 0 tokens), m08 (annotation reply, 0
--           tokens), m09 (a chatflow answer whose LLM nodes n01, n02 are in
--           the export), n03 (start), n04 (iteration), n07 (failed, 0
--           tokens);
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of 1e-5
--           CNY per 1,000 tokens, so tokens x price is the cost in 1e-8 CNY,
--           an integer, and sums are exact;
--   time    the list's 2025-7-8 13:25 Beijing time is 2025-07-08 05:25:00
--           UTC: m04 (05:24:59.999 UTC) is before it, m05 (05:25:00) is not.
-- The report's costs are exact decimal text; they are compared at 8 places.
.read examples/dify_import.sql
.output /dev/null
.read sql/reports/dify.sql
.output stdout

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3',  200,  800),  -- 0.002   0.008
  ('DeepSeek-R1',  400, 1600),  -- 0.004   0.016
  ('Qwen3-8B',      50,  500),  -- 0.0005  0.005
  ('Qwen3-14B',    100, 1000),  -- 0.001   0.01
  ('Qwen3-32B',    200, 2000);  -- 0.002   0.02
CREATE TEMP TABLE expected_call(k TEXT PRIMARY KEY, model TEXT, input INTEGER, output INTEGER, reason TEXT,
                                recorded_e8 INTEGER, recorded_currency TEXT);
INSERT INTO expected_call VALUES
  ('m01', 'DeepSeek-V3', 1000,  500, NULL,                       0, 'USD'),  -- xdeepseekv3
  ('m02', 'DeepSeek-V3', 2000,  300, NULL,                  700000, 'CNY'),  -- deepseek-v3, RMB 0.007
  ('m03', 'Qwen3-8B',    5000,  900, NULL,                  700000, 'CNY'),  -- xop3qwen8b
  ('m04', 'DeepSeek-R1',  800, 2400, 'before_first_price',       0, 'USD'),  -- xdeepseekr1
  ('m05', 'DeepSeek-R1',  800, 2400, NULL,                       0, 'USD'),
  ('m06', NULL,          1200,  300, 'unknown_model',        36000, 'USD'),  -- gpt-4o-mini
  ('m10', NULL,           700,  150, 'no_model_name',            0, 'USD'),  -- chatflow, nodes not exported
  ('m11', 'Qwen3-32B',   3000, 1000, NULL,                    NULL, NULL),   -- total_price NULL
  ('n01', 'DeepSeek-V3', 1200,  300, NULL,                       0, 'USD'),  -- xdeepseekv3
  ('n02', 'Qwen3-8B',     400,   20, NULL,                   30000, 'CNY'),  -- qwen3-8b
  ('n05', 'DeepSeek-R1', 3000, 2500, NULL,                 5200000, 'CNY'),  -- xdeepseekr1
  ('n06', 'Qwen3-14B',   1000, 1000, NULL,                 1100000, 'CNY'),  -- single-step debug run
  ('n08', 'DeepSeek-V3',  600,   40, NULL,                       0, 'USD'),  -- parameter-extractor
  ('n09', NULL,          NULL, NULL, 'no_model_name',         NULL, NULL),   -- process_data NULL
  ('n10', 'DeepSeek-V3', NULL, NULL, 'no_token_counts',       NULL, NULL);   -- usage null
CREATE TEMP VIEW expected AS
SELECT c.k, c.input, c.output, c.reason,
       CASE WHEN c.reason IS NULL THEN c.input * p.input + c.output * p.output END AS cost_e8
  FROM expected_call AS c LEFT JOIN expected_price AS p ON p.model = c.model;
CREATE TEMP VIEW report AS
SELECT CASE WHEN source_id LIKE '9d1e%' THEN 'm' ELSE 'n' END || substr(source_id, -2) AS k, *
  FROM maas_usage;

-- Per source and currency, the counted calls: the report and by hand.
SELECT 'report' AS "by", source, currency, count(*) AS calls, sum(requests) AS requests,
       sum(input_tokens) AS input_tokens, sum(cached_input_tokens) AS cached_input_tokens,
       sum(output_tokens) AS output_tokens, maas_round_text(maas_total_text(cost), 8) AS cost
  FROM maas_usage WHERE reason IS NULL GROUP BY source, currency
UNION ALL
SELECT 'expected', 'dify', 'CNY', count(*), count(*), sum(input), 0, sum(output),
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
  FROM expected WHERE reason IS NULL;
-- The calls left out, per reason.
SELECT 'report' AS "by", reason, count(*) AS calls, sum(input_tokens) AS input_tokens,
       sum(output_tokens) AS output_tokens
  FROM maas_usage WHERE reason IS NOT NULL GROUP BY reason
UNION ALL
SELECT 'expected', reason, count(*), sum(input), sum(output) FROM expected WHERE reason IS NOT NULL GROUP BY reason
 ORDER BY 2, 1;
-- Dify's own recorded cost, per currency ('RMB' read as CNY).
SELECT 'report' AS "by", recorded_currency, count(recorded_cost) AS calls,
       maas_round_text(maas_total_text(recorded_cost), 8) AS recorded
  FROM maas_usage WHERE recorded_cost IS NOT NULL GROUP BY recorded_currency
UNION ALL
SELECT 'expected', recorded_currency, count(*),
       printf('%d.%08d', sum(recorded_e8) / 100000000, sum(recorded_e8) % 100000000)
  FROM expected_call WHERE recorded_e8 IS NOT NULL GROUP BY recorded_currency
 ORDER BY 2, 1;
-- Every call, both ways: the same calls, tokens, reasons, costs and recorded costs.
CREATE TEMP VIEW report_rows AS
SELECT k, input_tokens, output_tokens, cached_input_tokens + cache_write_tokens AS cache, requests, reason,
       maas_round_text(cost, 8) AS cost, maas_round_text(recorded_cost, 8) AS recorded, recorded_currency
  FROM report;
CREATE TEMP VIEW expected_rows AS
SELECT e.k, e.input, e.output, 0, 1, e.reason,  -- Dify records no cache counts: 0
       CASE WHEN e.cost_e8 IS NOT NULL THEN printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000) END,
       CASE WHEN c.recorded_e8 IS NOT NULL
            THEN printf('%d.%08d', c.recorded_e8 / 100000000, c.recorded_e8 % 100000000) END,
       c.recorded_currency
  FROM expected AS e JOIN expected_call AS c USING (k);
SELECT (SELECT count(*) FROM report_rows) AS calls,
       (SELECT count(*) FROM (SELECT * FROM expected_rows EXCEPT SELECT * FROM report_rows)) AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM report_rows EXCEPT SELECT * FROM expected_rows)) AS extra_in_report;
-- Times: naive UTC as Dify writes it, microseconds cut to milliseconds; the
-- month in Beijing time (m02 at 16:00 UTC on Feb 28 is in March).
SELECT k, at, month FROM report WHERE k IN ('m01', 'm02', 'm03', 'm04', 'm05', 'm11') ORDER BY k;
SELECT (SELECT maas_round_text(cost, 8) FROM maas_report_totals WHERE line = 'total' AND currency = 'CNY')
         = (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) FROM expected)
       AND NOT EXISTS (SELECT * FROM expected_rows EXCEPT SELECT * FROM report_rows)
       AND NOT EXISTS (SELECT * FROM report_rows EXCEPT SELECT * FROM expected_rows) AS report_agrees;

-- Without workflow_node_executions (an export of messages alone): the
-- chatflow answer m09 counts, without a model; the node calls are gone.
DROP TABLE workflow_node_executions;
.read sql/sources/dify.sql
SELECT count(*) AS calls, count(*) FILTER (WHERE source_id LIKE '5e0d%') AS node_calls,
       group_concat(substr(source_id, -2), ' ') FILTER (WHERE model IS NULL) AS without_model
  FROM (SELECT * FROM temp.maas_usage_source ORDER BY source_id);

-- A table that is not Dify's (here its token column renamed): one line
-- naming the tool and what it expects.
ALTER TABLE messages RENAME COLUMN message_tokens TO tokens;
SELECT maas_exec(CAST(readfile('sql/sources/dify.sql') AS TEXT));

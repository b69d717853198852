-- example_report.sql - the cost report on the example log, checked against
-- totals computed here without sqlite-maas.
--
-- The check prices examples/newapi_logs.sql itself: the prices of the models
-- it uses are copied by hand from the published list
-- (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of 1e-5 CNY per
-- 1,000 tokens, so tokens x price is the cost in 1e-8 CNY, an integer, and
-- sums are exact.  Names are matched with lower(), not maas_model().  The
-- report's costs are exact decimal text (maas_total_text); they are compared
-- at 8 places (maas_round_text(cost, 8)) with the hand sums written out as
-- text in integer arithmetic (printf('%d.%08d', ...)).
.read examples/newapi_logs.sql
.read sql/reports/cost_by_month_model.sql
.read sql/reports/unpriced_usage.sql

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
-- The served model, by hand: the rows whose `other` says a channel mapped
-- the request to 'xdeepseekv3' (the example's one mapping; its Xingchen
-- service ID is DeepSeek-V3's) are DeepSeek-V3, with the requested name
-- beside; every other row is its model_name.
CREATE TEMP VIEW served_logs AS
SELECT id, created_at, type, username, token_name, prompt_tokens, completion_tokens,
       CASE WHEN instr(other, '"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"') > 0
            THEN 'DeepSeek-V3' ELSE model_name END AS model_name,
       CASE WHEN instr(other, '"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"') > 0
            THEN model_name END AS requested
  FROM logs;
CREATE TEMP VIEW expected AS
SELECT month, model, requested, currency, requests, unpriced, prompt_tokens, completion_tokens, cost_e8,
       CASE WHEN cost_e8 IS NOT NULL
            THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END AS cost
  FROM (SELECT strftime('%Y-%m', l.created_at + 8 * 3600, 'unixepoch') AS month,  -- Beijing time
               coalesce(p.model, l.model_name) AS model,
               l.requested,
               -- the currency of the model's prices: CNY on the card; Spark Mini is
               -- on it too (deployment and training prices only); gpt-4o-mini is not
               CASE WHEN p.model IS NOT NULL OR l.model_name = 'Spark Mini' THEN 'CNY' END AS currency,
               count(*) AS requests,
               count(*) - count(p.model) AS unpriced,
               sum(l.prompt_tokens) AS prompt_tokens,
               sum(l.completion_tokens) AS completion_tokens,
               sum(l.prompt_tokens * p.input + l.completion_tokens * p.output) AS cost_e8
          FROM served_logs AS l LEFT JOIN expected_price AS p ON lower(p.model) = lower(l.model_name)
         WHERE l.type = 2
         GROUP BY 1, 2, 3, 4);
CREATE TEMP VIEW report AS
SELECT month, model, requested, currency, requests, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 8) AS cost
  FROM maas_cost_by_month_model;

-- The totals, computed here and by the report.
SELECT 'expected' AS "by", sum(requests) AS requests, sum(unpriced) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected
UNION ALL
SELECT 'report', sum(requests), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
       (SELECT maas_round_text(cost, 8) FROM maas_cost_by_month_model_totals WHERE line = 'total')
  FROM maas_cost_by_month_model;
-- Every (month, model, currency) line equal, both ways; NULL costs must match too.
SELECT count(*) AS rows_compared,
       (SELECT count(*) FROM (SELECT month, model, requested, currency, requests, unpriced, prompt_tokens,
                                     completion_tokens, cost FROM expected
                              EXCEPT SELECT * FROM report)) AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM report
                              EXCEPT SELECT month, model, requested, currency, requests, unpriced, prompt_tokens,
                                            completion_tokens, cost FROM expected)) AS extra_in_report
  FROM expected;
-- The totals table: one currency, and what was left out, by reason; the
-- lines add up to all rows.
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens, cost
  FROM maas_cost_by_month_model_totals ORDER BY k, currency, reason;
-- Rows that are not consumption are in the log, and not in the report.
SELECT count(*) AS log_rows, sum(type = 2) AS consume_rows,
       (SELECT sum(requests) FROM maas_cost_by_month_model) AS report_requests
  FROM logs;
-- The mapped rows: asked for as deepseek-chat, served by xdeepseekv3, priced
-- as DeepSeek-V3 (0.002 and 0.008 per 1,000 tokens), by hand and by the report.
SELECT 'expected' AS "by", count(*) AS requests, sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens,
       printf('%d.%08d', sum(prompt_tokens * 200 + completion_tokens * 800) / 100000000,
              sum(prompt_tokens * 200 + completion_tokens * 800) % 100000000) AS cost
  FROM served_logs WHERE type = 2 AND requested = 'deepseek-chat'
UNION ALL
SELECT 'report', count(*), sum(prompt_tokens), sum(completion_tokens), maas_total_text(cost, 8)
  FROM temp.maas_newapi_usage WHERE model = 'DeepSeek-V3' AND requested = 'deepseek-chat'
                                AND upstream_model_name = 'xdeepseekv3';

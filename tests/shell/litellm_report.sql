-- litellm_report.sql - sql/reports/litellm.sql on the example LiteLLM spend
-- log (examples/litellm_spendlogs.sql), checked against totals computed here
-- without sqlite-maas.
--
-- The check prices the log itself, from the raw table:
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of
--           1e-5 CNY per 1,000 tokens, so tokens x price is the cost in
--           1e-8 CNY, an integer, and sums are exact;
--   names   each logged name mapped by hand to the model it means: the
--           service IDs from the reference's table (xdeepseekv3 ->
--           DeepSeek-V3, xop3qwen8b -> Qwen3-8B), with or without the
--           'openai/' prefix, and other spellings of published names;
--           gpt-4o-mini and text-embedding-3-small are not on the list;
--   time    the page's 更新时间：2025-7-8 13:25 (Beijing, UTC+8) is
--           2025-07-08 05:25:00 UTC; the example's startTime is UTC text of
--           one fixed form, so it is compared as text;
--   cache   cache hits (cache_hit 'True') cost 0.
-- The report's costs are exact decimal text (maas_total_text); they are
-- compared at 8 places (maas_round_text(cost, 8)) with the hand sums written
-- out as text in integer arithmetic.
-- The what-if model is given as an alias, 'xop3qwen8b': Qwen3-8B.
.read examples/litellm_spendlogs.sql
.parameter set @whatif_model 'xop3qwen8b'
.read sql/reports/litellm.sql

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
  ('xdeepseekv3',          'DeepSeek-V3'),
  ('openai/xdeepseekv3',   'DeepSeek-V3'),
  ('xop3qwen8b',           'Qwen3-8B'),
  ('deepseek-r1',          'DeepSeek-R1'),
  ('Qwen3-32B',            'Qwen3-32B'),
  ('openai/Qwen3-30B-A3B', 'Qwen3-30B-A3B');
CREATE TEMP VIEW expected_rows AS
SELECT strftime('%Y-%m', s."startTime", '+8 hours') AS month,  -- Beijing time
       s.model AS logged,
       n.model AS known,
       coalesce(n.model, s.model) AS model,
       s.team_id,
       s.api_key,
       s.prompt_tokens,
       s.completion_tokens,
       s."startTime" >= '2025-07-08 05:25:00' AS in_force,
       CASE WHEN s.cache_hit = 'True' THEN 0
            WHEN n.model IS NOT NULL AND s."startTime" >= '2025-07-08 05:25:00'
              THEN s.prompt_tokens * p.input + s.completion_tokens * p.output END AS cost_e8,
       CASE WHEN s.cache_hit = 'True' THEN 0
            WHEN s."startTime" >= '2025-07-08 05:25:00'
              THEN s.prompt_tokens * 50 + s.completion_tokens * 500 END AS whatif_e8,  -- Qwen3-8B
       s.spend
  FROM "LiteLLM_SpendLogs" AS s
  LEFT JOIN expected_name AS n ON n.logged = s.model
  LEFT JOIN expected_price AS p ON p.model = n.model;

-- Hand sums as text: printf('%d.%08d', x / 100000000, x % 100000000).
CREATE TEMP VIEW expected_by_month_model AS
SELECT month, model, currency, requests, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_e8 IS NOT NULL THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END AS cost
  FROM (SELECT month, model, CASE WHEN known IS NOT NULL THEN 'CNY' END AS currency, count(*) AS requests,
               count(*) - count(cost_e8) AS unpriced, sum(prompt_tokens) AS prompt_tokens,
               sum(completion_tokens) AS completion_tokens, sum(cost_e8) AS cost_e8
          FROM expected_rows GROUP BY 1, 2, 3);
CREATE TEMP VIEW report_by_month_model AS
SELECT month, model, currency, requests, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 8) AS cost
  FROM maas_litellm_cost_by_month_model;
CREATE TEMP VIEW expected_by_team_key AS
SELECT month, team_id, api_key, currency, requests, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_e8 IS NOT NULL THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END AS cost
  FROM (SELECT month, team_id, api_key, CASE WHEN known IS NOT NULL THEN 'CNY' END AS currency,
               count(*) AS requests, count(*) - count(cost_e8) AS unpriced, sum(prompt_tokens) AS prompt_tokens,
               sum(completion_tokens) AS completion_tokens, sum(cost_e8) AS cost_e8
          FROM expected_rows GROUP BY 1, 2, 3, 4);
CREATE TEMP VIEW report_by_team_key AS
SELECT month, team_id, api_key, currency, requests, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 8) AS cost
  FROM maas_litellm_cost_by_team_key;

-- The totals, computed here and by the report (section 1); spend in USD.
SELECT 'expected' AS "by", count(*) AS requests, count(*) - count(cost_e8) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost,
       printf('%.6f', sum(spend)) AS spend_usd
  FROM expected_rows
UNION ALL
SELECT 'report', sum(requests), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
       maas_total_text(cost, 8), maas_total_text(spend_usd, 6)
  FROM maas_litellm_cost_by_month_model;
SELECT (SELECT maas_total_text(cost) FROM maas_litellm_cost_by_month_model)
         = (SELECT maas_total_text(cost) FROM maas_litellm_cost_by_team_key) AS sections_1_2_equal,
       (SELECT cost FROM maas_litellm_totals WHERE line = 'total')
         = (SELECT maas_total_text(cost) FROM maas_litellm_cost_by_month_model) AS totals_equal,
       abs((SELECT sum(spend) FROM expected_rows)
           - (SELECT maas_total(spend_usd) FROM maas_litellm_cost_by_month_model)) < 1e-9 AS spend_equal;
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens, cost, spend_usd
  FROM maas_litellm_totals ORDER BY k, currency, reason;
-- Every line of sections 1 and 2 equal, both ways; NULL costs must match too.
SELECT 'month, model' AS lines, count(*) AS compared,
       (SELECT count(*) FROM (SELECT * FROM expected_by_month_model EXCEPT SELECT * FROM report_by_month_model))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM report_by_month_model EXCEPT SELECT * FROM expected_by_month_model))
         AS extra_in_report
  FROM expected_by_month_model
UNION ALL
SELECT 'month, team, key', count(*),
       (SELECT count(*) FROM (SELECT * FROM expected_by_team_key EXCEPT SELECT * FROM report_by_team_key)),
       (SELECT count(*) FROM (SELECT * FROM report_by_team_key EXCEPT SELECT * FROM expected_by_team_key))
  FROM expected_by_team_key;

-- Section 3, the what-if on Qwen3-8B: per month, requests priced both ways.
CREATE TEMP VIEW expected_whatif AS
SELECT month, 'CNY' AS currency, requests, compared,
       printf('%d.%08d', actual_e8 / 100000000, actual_e8 % 100000000) AS actual,
       printf('%d.%08d', whatif_e8 / 100000000, whatif_e8 % 100000000) AS whatif
  FROM (SELECT month, count(*) AS requests, count(cost_e8 + whatif_e8) AS compared,
               coalesce(sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END), 0) AS actual_e8,
               coalesce(sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END), 0) AS whatif_e8
          FROM expected_rows GROUP BY month);
CREATE TEMP VIEW report_whatif AS
SELECT month, currency, requests, compared,
       coalesce(maas_round_text(actual, 8), '0.00000000') AS actual,
       coalesce(maas_round_text(whatif, 8), '0.00000000') AS whatif
  FROM maas_litellm_whatif_by_month;
SELECT 'expected' AS "by", sum(requests) AS requests, sum(compared) AS compared,
       (SELECT printf('%d.%08d', sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) / 100000000,
                      sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) % 100000000) FROM expected_rows)
         AS actual,
       (SELECT printf('%d.%08d', sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) / 100000000,
                      sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) % 100000000) FROM expected_rows)
         AS whatif
  FROM expected_whatif
UNION ALL
SELECT 'report', sum(requests), sum(compared), maas_total_text(actual, 8), maas_total_text(whatif, 8)
  FROM maas_litellm_whatif_by_month;
SELECT (SELECT model FROM maas_litellm_whatif_model) AS whatif_model,
       (SELECT count(*) FROM (SELECT * FROM expected_whatif EXCEPT SELECT * FROM report_whatif))
         + (SELECT count(*) FROM (SELECT * FROM report_whatif EXCEPT SELECT * FROM expected_whatif))
         AS months_differing;

-- Section 4, the coverage: every request without a cost, by logged name and
-- reason, both ways.
CREATE TEMP VIEW expected_unpriced AS
SELECT logged, known AS model,
       CASE WHEN known IS NULL THEN 'unknown_model' ELSE 'before_first_price' END AS reason,
       NULL AS currency,
       count(*) AS requests, sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM expected_rows WHERE cost_e8 IS NULL GROUP BY 1, 2, 3;
SELECT count(*) AS coverage_lines,
       sum(requests) AS unpriced_requests,
       (SELECT count(*) FROM (SELECT * FROM expected_unpriced EXCEPT SELECT * FROM maas_litellm_unpriced))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM maas_litellm_unpriced EXCEPT SELECT * FROM expected_unpriced))
         AS extra_in_report
  FROM expected_unpriced;
-- Requests on each side of the first price, and the cache hits, priced at 0.
SELECT request_id, at, model, currency, cost, reason FROM maas_litellm_usage
 WHERE at BETWEEN '2025-07-08 05:24:59' AND '2025-07-08 05:25:01' ORDER BY at;
SELECT count(*) AS cache_hits, maas_total_text(cost) AS cost, maas_total_text(whatif_cost) AS whatif_cost
  FROM maas_litellm_usage WHERE cache_hit;

-- A what-if model the list does not know, or one without token prices: the
-- error names @whatif_model, the what-if section is empty, the rest stands.
-- (The report's output goes to /dev/null; the errors are on stderr.)
.output /dev/null
.parameter set @whatif_model 'gpt-4o-mini'
.read sql/reports/litellm.sql
.parameter set @whatif_model 'Spark Mini'
.read sql/reports/litellm.sql
.output stdout
.mode list
SELECT (SELECT count(*) FROM maas_litellm_whatif_by_month) AS whatif_lines,
       (SELECT cost FROM maas_litellm_totals WHERE line = 'total') AS cost;

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
-- The report keeps nano-CNY (1e-9 CNY), so its numbers are ten times these.
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
SELECT substr(s."startTime", 1, 7) AS month,
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

-- The totals, computed here and by the report (section 1); cost in nano-CNY,
-- spend in USD.
SELECT 'expected' AS "by", count(*) AS requests, count(*) - count(cost_e8) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_e8) * 10 AS cost_nano, printf('%.6f', sum(spend)) AS spend_usd
  FROM expected_rows
UNION ALL
SELECT 'report', sum(requests), sum(unpriced), sum(prompt_tokens), sum(completion_tokens), sum(cost_nano),
       printf('%.6f', sum(spend_pusd) / 1e12)
  FROM maas_litellm_cost_by_month_model;
SELECT (SELECT sum(cost_e8) * 10 FROM expected_rows)
         = (SELECT sum(cost_nano) FROM maas_litellm_cost_by_month_model) AS cost_equal,
       (SELECT sum(cost_nano) FROM maas_litellm_cost_by_month_model)
         = (SELECT sum(cost_nano) FROM maas_litellm_cost_by_team_key) AS sections_1_2_equal,
       abs((SELECT sum(spend) FROM expected_rows)
           - (SELECT sum(spend_pusd) FROM maas_litellm_cost_by_month_model) / 1e12) < 1e-9 AS spend_equal;
-- Every line of sections 1 and 2 equal, both ways; NULL costs must match too.
CREATE TEMP VIEW expected_by_month_model AS
SELECT month, model, count(*) AS requests, count(*) - count(cost_e8) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_e8) * 10 AS cost_nano
  FROM expected_rows GROUP BY month, model;
CREATE TEMP VIEW expected_by_team_key AS
SELECT month, team_id, api_key, count(*) AS requests, count(*) - count(cost_e8) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_e8) * 10 AS cost_nano
  FROM expected_rows GROUP BY month, team_id, api_key;
SELECT 'month, model' AS lines, count(*) AS compared,
       (SELECT count(*) FROM (SELECT * FROM expected_by_month_model
                              EXCEPT SELECT month, model, requests, unpriced, prompt_tokens,
                                            completion_tokens, cost_nano
                                       FROM maas_litellm_cost_by_month_model)) AS missing_from_report,
       (SELECT count(*) FROM (SELECT month, model, requests, unpriced, prompt_tokens, completion_tokens,
                                     cost_nano FROM maas_litellm_cost_by_month_model
                              EXCEPT SELECT * FROM expected_by_month_model)) AS extra_in_report
  FROM expected_by_month_model
UNION ALL
SELECT 'month, team, key', count(*),
       (SELECT count(*) FROM (SELECT * FROM expected_by_team_key
                              EXCEPT SELECT month, team_id, api_key, requests, unpriced, prompt_tokens,
                                            completion_tokens, cost_nano
                                       FROM maas_litellm_cost_by_team_key)),
       (SELECT count(*) FROM (SELECT month, team_id, api_key, requests, unpriced, prompt_tokens,
                                     completion_tokens, cost_nano FROM maas_litellm_cost_by_team_key
                              EXCEPT SELECT * FROM expected_by_team_key))
  FROM expected_by_team_key;

-- Section 3, the what-if on Qwen3-8B: per month, requests priced both ways.
CREATE TEMP VIEW expected_whatif AS
SELECT month, count(*) AS requests, count(cost_e8 + whatif_e8) AS compared,
       sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) * 10 AS actual_nano,
       sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) * 10 AS whatif_nano
  FROM expected_rows GROUP BY month;
SELECT 'expected' AS "by", sum(requests) AS requests, sum(compared) AS compared,
       sum(actual_nano) AS actual_nano, sum(whatif_nano) AS whatif_nano
  FROM expected_whatif
UNION ALL
SELECT 'report', sum(requests), sum(compared), sum(actual_nano), sum(whatif_nano)
  FROM maas_litellm_whatif_by_month;
SELECT (SELECT model FROM maas_litellm_whatif_model) AS whatif_model,
       (SELECT count(*) FROM (SELECT * FROM expected_whatif EXCEPT SELECT * FROM maas_litellm_whatif_by_month))
         + (SELECT count(*) FROM (SELECT * FROM maas_litellm_whatif_by_month EXCEPT SELECT * FROM expected_whatif))
         AS months_differing,
       (SELECT sum(whatif_nano) FROM expected_whatif)
         = (SELECT sum(whatif_nano) FROM maas_litellm_whatif_by_month) AS whatif_equal;

-- Section 4, the coverage: every request without a cost, by logged name and
-- reason, both ways.
CREATE TEMP VIEW expected_unpriced AS
SELECT logged, known AS model,
       CASE WHEN known IS NULL THEN 'unknown model' ELSE 'before the first price' END AS reason,
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
SELECT request_id, at, model, cost_nano, reason FROM maas_litellm_usage
 WHERE at BETWEEN '2025-07-08 05:24:59' AND '2025-07-08 05:25:01' ORDER BY at;
SELECT count(*) AS cache_hits, sum(cost_nano) AS cost_nano, sum(whatif_nano) AS whatif_nano
  FROM maas_litellm_usage WHERE cache_hit;
-- The nano-CNY of each priced request came out whole.
SELECT count(*) AS priced_requests,
       sum(abs(maas_cost(priced_name, prompt_tokens, completion_tokens, at) * 1e9
               - round(maas_cost(priced_name, prompt_tokens, completion_tokens, at) * 1e9)) > 1e-6)
         AS not_whole
  FROM maas_litellm_usage WHERE NOT cache_hit AND cost_nano IS NOT NULL;

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
       (SELECT sum(cost_nano) FROM maas_litellm_cost_by_month_model) AS cost_nano;

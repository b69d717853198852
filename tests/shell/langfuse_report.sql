-- langfuse_report.sql - sql/reports/langfuse.sql on the example Langfuse
-- observations (examples/langfuse_observations.sql), checked against totals
-- computed here without sqlite-maas.
--
-- The check prices the generations itself, from the raw table:
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of
--           1e-5 CNY per 1,000 tokens, so tokens x price is the cost in
--           1e-8 CNY, an integer, and sums are exact;
--   names   each recorded model mapped by hand to the model it means: other
--           spellings of published names, the service IDs from the
--           reference's table (xdeepseekv3 -> DeepSeek-V3, xop3qwen8b ->
--           Qwen3-8B), and deepseek-chat, whose internal_model (the Langfuse
--           project's own definition) is DeepSeek-V3; gpt-4o-mini is not on
--           the list;
--   usage   only GENERATION rows counted in tokens (unit NULL or 'TOKENS');
--   time    the page's 更新时间：2025-7-8 13:25 (Beijing, UTC+8) is
--           2025-07-08 05:25:00 UTC; the example's start_time is UTC text of
--           one fixed form, so it is compared as text.
-- The report's costs are exact decimal text (maas_total_text); they are
-- compared at 8 places (maas_round_text(cost, 8)) with the hand sums written
-- out as text in integer arithmetic.
-- The what-if model is given in lower case, 'qwen3-235b-a22b'.
.read examples/langfuse_observations.sql
.parameter set @whatif_model 'qwen3-235b-a22b'
.read sql/reports/langfuse.sql

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3',      200,  800),  -- 0.002  0.008
  ('Qwen3-8B',          50,  500),  -- 0.0005 0.005
  ('Qwen3-14B',        100, 1000),  -- 0.001  0.01
  ('Qwen3-235B-A22B',  200, 2000);  -- 0.002  0.02
CREATE TEMP TABLE expected_name(recorded TEXT PRIMARY KEY, model TEXT);
INSERT INTO expected_name VALUES
  ('deepseek-v3',     'DeepSeek-V3'),
  ('xdeepseekv3',     'DeepSeek-V3'),
  ('deepseek-chat',   'DeepSeek-V3'),  -- through internal_model 'DeepSeek-V3'
  ('xop3qwen8b',      'Qwen3-8B'),
  ('qwen3-14b',       'Qwen3-14B'),
  ('Qwen3-235B-A22B', 'Qwen3-235B-A22B');
CREATE TEMP VIEW expected_rows AS
SELECT o.type = 'GENERATION' AS is_generation,
       o.type,
       strftime('%Y-%m', o.start_time, '+8 hours') AS month,  -- Beijing time
       o.model AS recorded,
       o.internal_model,
       n.model AS known,
       coalesce(n.model, o.model, o.internal_model) AS model,
       o.unit,
       o.prompt_tokens,
       o.completion_tokens,
       o.start_time >= '2025-07-08 05:25:00' AS in_force,
       CASE WHEN o.type <> 'GENERATION' THEN 'not_generation'
            WHEN o.model IS NULL AND o.internal_model IS NULL THEN 'no_model_name'
            WHEN n.model IS NULL THEN 'unknown_model'
            WHEN coalesce(o.unit, 'TOKENS') <> 'TOKENS' THEN 'unit_not_tokens'
            WHEN o.start_time < '2025-07-08 05:25:00' THEN 'before_first_price' END AS reason,
       CASE WHEN o.type = 'GENERATION' AND coalesce(o.unit, 'TOKENS') = 'TOKENS'
                 AND o.start_time >= '2025-07-08 05:25:00'
            THEN o.prompt_tokens * p.input + o.completion_tokens * p.output END AS cost_e8,
       CASE WHEN o.type = 'GENERATION' AND coalesce(o.unit, 'TOKENS') = 'TOKENS'
                 AND o.start_time >= '2025-07-08 05:25:00'
            THEN o.prompt_tokens * 200 + o.completion_tokens * 2000 END AS whatif_e8  -- Qwen3-235B-A22B
  FROM observations AS o
  LEFT JOIN expected_name AS n ON n.recorded = o.model
  LEFT JOIN expected_price AS p ON p.model = n.model
 WHERE o.type = 'GENERATION' OR o.model IS NOT NULL OR o.prompt_tokens > 0 OR o.completion_tokens > 0;

-- Hand sums as text: printf('%d.%08d', x / 100000000, x % 100000000).
CREATE TEMP VIEW expected_by_month_model AS
SELECT month, model, currency, generations, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_e8 IS NOT NULL THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END AS cost
  FROM (SELECT month, model, CASE WHEN known IS NOT NULL THEN 'CNY' END AS currency, count(*) AS generations,
               count(*) - count(cost_e8) AS unpriced, sum(prompt_tokens) AS prompt_tokens,
               sum(completion_tokens) AS completion_tokens, sum(cost_e8) AS cost_e8
          FROM expected_rows WHERE is_generation GROUP BY 1, 2, 3);
CREATE TEMP VIEW report_by_month_model AS
SELECT month, model, currency, generations, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 8) AS cost
  FROM maas_langfuse_cost_by_month_model;

-- The totals of the generations, computed here and by the report (section 1).
SELECT 'expected' AS "by", count(*) AS generations, count(*) - count(cost_e8) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows WHERE is_generation
UNION ALL
SELECT 'report', sum(generations), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
       maas_total_text(cost, 8)
  FROM maas_langfuse_cost_by_month_model;
SELECT (SELECT cost FROM maas_langfuse_totals WHERE line = 'total')
         = (SELECT maas_total_text(cost) FROM maas_langfuse_cost_by_month_model) AS totals_equal,
       (SELECT maas_round_text(cost, 8) FROM maas_langfuse_totals WHERE line = 'total')
         = (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) FROM expected_rows)
         AS cost_equal;
-- The totals table: counted, left out by reason, all observations with usage,
-- computed here; the lines add up to the last.
SELECT 'expected' AS "by", coalesce(reason, '(counted)') AS reason, count(*) AS observations,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM expected_rows GROUP BY reason
UNION ALL
SELECT 'report', coalesce(reason, '(counted)'), observations, prompt_tokens, completion_tokens
  FROM maas_langfuse_totals WHERE line IN ('total', 'left out')
 ORDER BY 2, 1;
SELECT line, currency, reason, observations, prompt_tokens, completion_tokens, cost
  FROM maas_langfuse_totals ORDER BY k, currency, reason;
-- Every line of section 1 equal, both ways; NULL costs must match too.
SELECT count(*) AS lines_compared,
       (SELECT count(*) FROM (SELECT * FROM expected_by_month_model EXCEPT SELECT * FROM report_by_month_model))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM report_by_month_model EXCEPT SELECT * FROM expected_by_month_model))
         AS extra_in_report
  FROM expected_by_month_model;

-- Section 2, the what-if on Qwen3-235B-A22B: per month, generations priced
-- both ways.
CREATE TEMP VIEW expected_whatif AS
SELECT month, 'CNY' AS currency, generations, compared,
       printf('%d.%08d', actual_e8 / 100000000, actual_e8 % 100000000) AS actual,
       printf('%d.%08d', whatif_e8 / 100000000, whatif_e8 % 100000000) AS whatif
  FROM (SELECT month, count(*) AS generations, count(cost_e8 + whatif_e8) AS compared,
               coalesce(sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END), 0) AS actual_e8,
               coalesce(sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END), 0) AS whatif_e8
          FROM expected_rows WHERE is_generation GROUP BY month);
CREATE TEMP VIEW report_whatif AS
SELECT month, currency, generations, compared,
       coalesce(maas_round_text(actual, 8), '0.00000000') AS actual,
       coalesce(maas_round_text(whatif, 8), '0.00000000') AS whatif
  FROM maas_langfuse_whatif_by_month;
SELECT 'expected' AS "by", sum(generations) AS generations, sum(compared) AS compared,
       (SELECT printf('%d.%08d', sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) / 100000000,
                      sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) % 100000000) FROM expected_rows)
         AS actual,
       (SELECT printf('%d.%08d', sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) / 100000000,
                      sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) % 100000000) FROM expected_rows)
         AS whatif
  FROM expected_whatif
UNION ALL
SELECT 'report', sum(generations), sum(compared), maas_total_text(actual, 8), maas_total_text(whatif, 8)
  FROM maas_langfuse_whatif_by_month;
SELECT (SELECT model FROM maas_langfuse_whatif_model) AS whatif_model,
       (SELECT count(*) FROM (SELECT * FROM expected_whatif EXCEPT SELECT * FROM report_whatif))
         + (SELECT count(*) FROM (SELECT * FROM report_whatif EXCEPT SELECT * FROM expected_whatif))
         AS months_differing;

-- Section 3, the coverage: every row with usage and no cost, by recorded
-- names and reason, both ways.
CREATE TEMP VIEW expected_unpriced AS
SELECT recorded, internal_model, known AS model, reason,
       CASE reason WHEN 'not_generation' THEN type WHEN 'unit_not_tokens' THEN unit END AS detail,
       NULL AS currency,
       count(*) AS observations, sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM expected_rows WHERE cost_e8 IS NULL GROUP BY 1, 2, 3, 4, 5;
SELECT count(*) AS coverage_lines,
       sum(observations) AS unpriced_rows,
       (SELECT count(*) FROM (SELECT * FROM expected_unpriced EXCEPT SELECT * FROM maas_langfuse_unpriced))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM maas_langfuse_unpriced EXCEPT SELECT * FROM expected_unpriced))
         AS extra_in_report
  FROM expected_unpriced;
-- Generations on each side of the first price.
SELECT id, at, model, currency, cost, reason FROM maas_langfuse_usage
 WHERE at BETWEEN '2025-07-08 05:24:59' AND '2025-07-08 05:25:01' ORDER BY at;

-- @currency 'CNY': the built-in card is in CNY, so every cost stays as it
-- is, without a rate; 'USD' without a rate: nothing is converted, every
-- priced generation is listed as not converted, with its CNY amount.
.output /dev/null
.parameter set @currency "'CNY'"
.read sql/reports/langfuse.sql
.output stdout
.mode list
SELECT 'CNY' AS "@currency", line, currency, reason, observations, cost
  FROM maas_langfuse_totals WHERE line IN ('total', 'not converted') ORDER BY k, currency;
.output /dev/null
.parameter set @currency "'USD'"
.read sql/reports/langfuse.sql
.output stdout
.mode list
SELECT 'USD' AS "@currency", line, currency, reason, observations, cost
  FROM maas_langfuse_totals WHERE line IN ('total', 'not converted') ORDER BY k, currency;
.parameter unset @currency

-- A what-if model the list does not know, or one without token prices: the
-- error names @whatif_model, the what-if section is empty, the rest stands.
-- (The report's output goes to /dev/null; the errors are on stderr.)
.output /dev/null
.parameter set @whatif_model 'gpt-4o-mini'
.read sql/reports/langfuse.sql
.parameter set @whatif_model 'Gemma2_9b_it'
.read sql/reports/langfuse.sql
.output stdout
.mode list
SELECT (SELECT count(*) FROM maas_langfuse_whatif_by_month) AS whatif_lines,
       (SELECT cost FROM maas_langfuse_totals WHERE line = 'total') AS cost;

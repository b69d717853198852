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
-- The report keeps nano-CNY (1e-9 CNY), so its numbers are ten times these.
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
       substr(o.start_time, 1, 7) AS month,
       o.model AS recorded,
       o.internal_model,
       n.model AS known,
       coalesce(n.model, o.model, o.internal_model) AS model,
       o.unit,
       o.prompt_tokens,
       o.completion_tokens,
       o.start_time >= '2025-07-08 05:25:00' AS in_force,
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

-- The totals of the generations, computed here and by the report (section
-- 1); cost in nano-CNY.
SELECT 'expected' AS "by", count(*) AS generations, count(*) - count(cost_e8) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_e8) * 10 AS cost_nano
  FROM expected_rows WHERE is_generation
UNION ALL
SELECT 'report', sum(generations), sum(unpriced), sum(prompt_tokens), sum(completion_tokens), sum(cost_nano)
  FROM maas_langfuse_cost_by_month_model;
SELECT (SELECT sum(cost_e8) * 10 FROM expected_rows)
         = (SELECT sum(cost_nano) FROM maas_langfuse_cost_by_month_model) AS cost_equal;
-- Every line of section 1 equal, both ways; NULL costs must match too.
CREATE TEMP VIEW expected_by_month_model AS
SELECT month, model, count(*) AS generations, count(*) - count(cost_e8) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_e8) * 10 AS cost_nano
  FROM expected_rows WHERE is_generation GROUP BY month, model;
SELECT count(*) AS lines_compared,
       (SELECT count(*) FROM (SELECT * FROM expected_by_month_model
                              EXCEPT SELECT * FROM maas_langfuse_cost_by_month_model)) AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM maas_langfuse_cost_by_month_model
                              EXCEPT SELECT * FROM expected_by_month_model)) AS extra_in_report
  FROM expected_by_month_model;

-- Section 2, the what-if on Qwen3-235B-A22B: per month, generations priced
-- both ways.
CREATE TEMP VIEW expected_whatif AS
SELECT month, count(*) AS generations, count(cost_e8 + whatif_e8) AS compared,
       sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) * 10 AS actual_nano,
       sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) * 10 AS whatif_nano
  FROM expected_rows WHERE is_generation GROUP BY month;
SELECT 'expected' AS "by", sum(generations) AS generations, sum(compared) AS compared,
       sum(actual_nano) AS actual_nano, sum(whatif_nano) AS whatif_nano
  FROM expected_whatif
UNION ALL
SELECT 'report', sum(generations), sum(compared), sum(actual_nano), sum(whatif_nano)
  FROM maas_langfuse_whatif_by_month;
SELECT (SELECT model FROM maas_langfuse_whatif_model) AS whatif_model,
       (SELECT count(*) FROM (SELECT * FROM expected_whatif EXCEPT SELECT * FROM maas_langfuse_whatif_by_month))
         + (SELECT count(*) FROM (SELECT * FROM maas_langfuse_whatif_by_month EXCEPT SELECT * FROM expected_whatif))
         AS months_differing,
       (SELECT sum(whatif_nano) FROM expected_whatif)
         = (SELECT sum(whatif_nano) FROM maas_langfuse_whatif_by_month) AS whatif_equal;

-- Section 3, the coverage: every row with usage and no cost, by recorded
-- names and reason, both ways.
CREATE TEMP VIEW expected_unpriced AS
SELECT recorded, internal_model, known AS model,
       CASE WHEN NOT is_generation THEN 'not a GENERATION (' || type || ')'
            WHEN recorded IS NULL AND internal_model IS NULL THEN 'no model name'
            WHEN known IS NULL THEN 'unknown model'
            WHEN coalesce(unit, 'TOKENS') <> 'TOKENS' THEN 'usage in ' || unit
            ELSE 'before the first price' END AS reason,
       count(*) AS observations, sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM expected_rows WHERE cost_e8 IS NULL GROUP BY 1, 2, 3, 4;
SELECT count(*) AS coverage_lines,
       sum(observations) AS unpriced_rows,
       (SELECT count(*) FROM (SELECT * FROM expected_unpriced EXCEPT SELECT * FROM maas_langfuse_unpriced))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM maas_langfuse_unpriced EXCEPT SELECT * FROM expected_unpriced))
         AS extra_in_report
  FROM expected_unpriced;
-- Generations on each side of the first price.
SELECT id, at, model, cost_nano, reason FROM maas_langfuse_usage
 WHERE at BETWEEN '2025-07-08 05:24:59' AND '2025-07-08 05:25:01' ORDER BY at;
-- The nano-CNY of each priced generation came out whole.
SELECT count(*) AS priced_generations,
       sum(abs(maas_cost(priced_name, prompt_tokens, completion_tokens, at) * 1e9
               - round(maas_cost(priced_name, prompt_tokens, completion_tokens, at) * 1e9)) > 1e-6)
         AS not_whole
  FROM maas_langfuse_usage WHERE cost_nano IS NOT NULL;

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
       (SELECT sum(cost_nano) FROM maas_langfuse_cost_by_month_model) AS cost_nano;

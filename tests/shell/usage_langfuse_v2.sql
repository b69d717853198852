-- usage_langfuse_v2.sql - sql/reports/langfuse.sql on the example Langfuse v2
-- export (examples/langfuse_observations.sql: Postgres `observations` as CSV,
-- every column TEXT, NULL as ''), its temp.maas_usage checked against a
-- computation written out here without sqlite-maas; then the same table with
-- its types (NULL as NULL, counts INTEGER), and without the optional columns.
--
-- The check reads the raw table itself:
--   calls   the GENERATION rows (the SPANs and EVENTs are not calls, even the
--           two root SPANs that carry token counts);
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of
--           1e-5 CNY per 1,000 tokens, so tokens x price is the cost in
--           1e-8 CNY, an integer, and sums are exact;
--   names   each recorded model mapped by hand to the model it means: other
--           spellings of published names, the service IDs (xdeepseekv3 ->
--           DeepSeek-V3, xop3qwen8b -> Qwen3-8B), with or without 'openai/',
--           and deepseek-chat, whose internal_model (the Langfuse project's
--           own definition) is DeepSeek-V3; gpt-4o-mini is not on the list,
--           Spark-Max is another product;
--   tokens  prompt_tokens and completion_tokens when unit is TOKENS or NULL
--           (''), and not both 0 (Langfuse's 0 and 0 when no usage was
--           reported); else none;
--   time    the page's 更新时间：2025-7-8 13:25 (Beijing, UTC+8) is
--           2025-07-08 05:25:00 UTC; start_time is UTC text without an
--           offset, compared as text; months are Beijing's;
--   cost    Langfuse's own: calculated_total_cost, else total_cost (USD),
--           summed here in 1e-8 USD from the 30-place text.
-- Costs are compared at 8 places with the hand sums written out as text.
.read examples/langfuse_observations.sql
.output /dev/null
.read sql/reports/langfuse.sql
.output

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
  ('deepseek-v3',        'DeepSeek-V3'),
  ('xdeepseekv3',        'DeepSeek-V3'),
  ('openai/xdeepseekv3', 'DeepSeek-V3'),
  ('deepseek-chat',      'DeepSeek-V3'),  -- through internal_model 'DeepSeek-V3'
  ('xop3qwen8b',         'Qwen3-8B'),
  ('qwen3-14b',          'Qwen3-14B'),
  ('Qwen3-235B-A22B',    'Qwen3-235B-A22B');
CREATE TEMP VIEW expected_rows AS
WITH raw AS (
  SELECT o.id, o.model AS recorded, n.model AS known, o.start_time, o.user_id, o.project_id,
         strftime('%Y-%m', o.start_time, '+8 hours') AS month,
         o.unit IN ('', 'TOKENS') AND NOT (o.prompt_tokens = '0' AND o.completion_tokens = '0') AS has_tokens,
         CAST(o.prompt_tokens AS INTEGER) AS prompt, CAST(o.completion_tokens AS INTEGER) AS completion,
         coalesce(nullif(o.calculated_total_cost, ''), nullif(o.total_cost, '')) AS recorded_cost
    FROM observations AS o LEFT JOIN expected_name AS n ON n.recorded = o.model
   WHERE o.type = 'GENERATION')
SELECT r.*,
       CASE WHEN has_tokens THEN prompt END AS input,
       CASE WHEN has_tokens THEN completion END AS output,
       CASE WHEN recorded = '' THEN 'no_model_name'
            WHEN recorded = 'Spark-Max' THEN 'other_product'
            WHEN known IS NULL THEN 'unknown_model'
            WHEN NOT has_tokens THEN 'no_token_counts'
            WHEN start_time < '2025-07-08 05:25:00' THEN 'before_first_price' END AS reason,
       prompt * p.input + completion * p.output AS cost_e8,
       -- the 30-place text as a whole number of 1e-8 USD (its places past the 8th are 0)
       CAST(substr(recorded_cost, 1, instr(recorded_cost, '.') - 1) AS INTEGER) * 100000000
         + CAST(substr(recorded_cost, instr(recorded_cost, '.') + 1, 8) AS INTEGER) AS recorded_e8
  FROM raw AS r LEFT JOIN expected_price AS p ON p.model = r.known;

-- The totals per source and currency, here and in temp.maas_usage.
SELECT 'expected' AS "by", 'langfuse-v2' AS source, 'CNY' AS currency, count(*) AS calls, sum(input) AS input_tokens,
       0 AS cached_input_tokens, 0 AS cache_write_tokens, sum(output) AS output_tokens,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows WHERE reason IS NULL
UNION ALL
SELECT 'report', source, currency, sum(requests), sum(input_tokens), sum(cached_input_tokens),
       sum(cache_write_tokens), sum(output_tokens), maas_round_text(maas_total_text(cost), 8)
  FROM temp.maas_usage WHERE reason IS NULL GROUP BY source, currency;
-- The calls left out, per reason.
SELECT 'expected' AS "by", coalesce(reason, '(counted)') AS reason, count(*) AS calls, sum(input) AS input_tokens,
       sum(output) AS output_tokens
  FROM expected_rows GROUP BY reason
UNION ALL
SELECT 'report', coalesce(reason, '(counted)'), count(*), sum(input_tokens), sum(output_tokens)
  FROM temp.maas_usage GROUP BY reason
 ORDER BY 2, 1;
-- Langfuse's own cost (USD), here and as recorded.
SELECT 'expected' AS "by", 'USD' AS recorded_currency, count(recorded_e8) AS calls,
       printf('%d.%08d', sum(recorded_e8) / 100000000, sum(recorded_e8) % 100000000) AS cost
  FROM expected_rows
UNION ALL
SELECT 'report', recorded_currency, count(recorded_cost), maas_round_text(maas_total_text(recorded_cost), 8)
  FROM temp.maas_usage WHERE recorded_cost IS NOT NULL GROUP BY recorded_currency;
-- The calls on either side of the first price.
SELECT source_id, at, priced_model, currency, cost, reason FROM temp.maas_usage
 WHERE at BETWEEN '2025-07-08 05:24:59' AND '2025-07-08 05:25:01' ORDER BY at;

-- Every call the same, row by row.
CREATE TEMP TABLE compared AS
SELECT (SELECT count(*) FROM expected_rows) = (SELECT count(*) FROM temp.maas_usage) AS same_count,
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u ON u.source_id = e.id
         WHERE u.source = 'langfuse-v2' AND u.month = e.month AND u.model IS nullif(e.recorded, '')
           AND u.priced_model IS coalesce(e.known, nullif(e.recorded, ''))
           AND u.input_tokens IS e.input AND u.cached_input_tokens = 0 AND u.cache_write_tokens = 0
           AND u.output_tokens IS e.output AND u.requests = 1
           AND u.user_name IS nullif(e.user_id, '') AND u.key_name IS NULL AND u.project_name = e.project_id
           AND u.recorded_cost IS e.recorded_cost
           AND u.recorded_currency IS CASE WHEN e.recorded_cost IS NOT NULL THEN 'USD' END
           AND u.reason IS e.reason
           AND (e.reason IS NOT NULL
                OR maas_round_text(u.cost, 8) = printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000)))
         = (SELECT count(*) FROM expected_rows) AS same_rows,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
          FROM expected_rows WHERE reason IS NULL)
         = (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL)
         AS same_total;
SELECT * FROM compared;
SELECT (SELECT same_count AND same_rows AND same_total FROM compared) AS all_agree;

-- The same table with its types, as a copy that keeps them gives it (NULL as
-- NULL, counts INTEGER, costs REAL), and then without user_id and the costs:
-- the same calls and cost.
CREATE TEMP TABLE typed AS
SELECT id, trace_id, project_id, type, start_time, nullif(model, '') AS model,
       nullif(internal_model, '') AS internal_model, CAST(prompt_tokens AS INTEGER) AS prompt_tokens,
       CAST(completion_tokens AS INTEGER) AS completion_tokens, nullif(unit, '') AS unit,
       CAST(nullif(total_cost, '') AS REAL) AS total_cost,
       CAST(nullif(calculated_total_cost, '') AS REAL) AS calculated_total_cost, nullif(user_id, '') AS user_id
  FROM observations;
DROP TABLE observations;
CREATE TABLE observations AS SELECT * FROM temp.typed;
.output /dev/null
.read sql/reports/langfuse.sql
.output
.headers on
.mode list
SELECT 'typed' AS "table", count(*) AS calls, count(cost) AS counted, count(user_name) AS with_user,
       count(recorded_cost) AS with_recorded_cost, maas_round_text(maas_total_text(cost), 8) AS cost
  FROM temp.maas_usage;
DROP TABLE observations;
CREATE TABLE observations AS
SELECT id, trace_id, project_id, type, start_time, model, internal_model, prompt_tokens, completion_tokens, unit
  FROM temp.typed;
.output /dev/null
.read sql/reports/langfuse.sql
.output
.headers on
.mode list
SELECT 'bare' AS "table", count(*) AS calls, count(cost) AS counted, count(user_name) AS with_user,
       count(recorded_cost) AS with_recorded_cost, maas_round_text(maas_total_text(cost), 8) AS cost
  FROM temp.maas_usage;

-- openai_usage_export.sql - what the usage in an OpenAI-style usage export
-- (CSV, imported into SQLite) costs at iFlytek Xingchen MaaS prices (CNY): by
-- month and model, by project and by API key, on another model (what-if), and
-- the usage that found no price.
--
--   sqlite3 -cmd '.load ./build/maas' usage.db
--   sqlite> .import --csv usage-2025.csv usage_export
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'     -- optional
--   sqlite> .read sql/reports/openai_usage_export.sql
--
-- One file, four sections, because the four must agree on how a CSV field
-- is read, how a name becomes a model and at which time a bucket is priced:
-- each row is priced once, into a TEMP table, and every section adds up that
-- table.  So the coverage (section 4) is always printed with the costs it
-- qualifies, and the totals of sections 1, 2 and 4 add up.
--
-- Reads the table usage_export with the export's columns: start_time,
-- start_time_iso, project_id, num_model_requests, api_key_id, model,
-- input_tokens, output_tokens, input_cached_tokens (others, such as
-- end_time, user_id, batch and service_tier, may be there and are not read).
-- `.import --csv` makes every column TEXT: fields are trimmed, an empty field
-- is NULL, and a count of digits is read as an integer; any other count
-- (fractional, text) stops the report with maas_cost's error naming it.
-- Each row is a time bucket (a day, an hour, a minute, as exported) of one
-- project, key, user and model:
--   time        the bucket's start: start_time (unix seconds), or
--               start_time_iso when start_time is empty.  Months are UTC.  A
--               bucket is priced at the prices in force at its start, so the
--               whole bucket in which a price changes has the old price, and
--               buckets that start before the first published price
--               (2025-07-08 05:25:00 UTC: the day bucket of 2025-07-08 too)
--               have none.
--   model       looked up with maas_model() (published names in any letter
--               case; aliases such as the Xingchen service ID 'xdeepseekv3');
--               if unknown, the part after its first '/'.  An export that was
--               not grouped by model has no model: "no model name".
--   tokens      input_tokens are billed as input, output_tokens as output.
--               input_cached_tokens are part of input_tokens and, as the
--               Xingchen list has no cached-input price, billed at the input
--               price like the rest (shown as cached_tokens in section 1).
--               Batch buckets (batch 'True') are billed at the same prices:
--               the list has no batch price.  Audio tokens are not read.
--   requests    num_model_requests; a line's buckets are its CSV rows.
--
-- Sections:
--   1. cost by month and model (as published; an unknown name as exported)
--   2. cost by month and project_id, then by month and api_key_id (with its
--      project).  An empty project or key is shown as '(none)'.
--   3. what-if: the same buckets priced on @whatif_model: any name
--      maas_model() knows.  Unset (.parameter clear) it is Qwen3-8B.  Only
--      buckets priced both ways are compared; a name the price list does not
--      know, or a model without token prices, stops this section with an error
--      naming @whatif_model (the others still print).
--   4. coverage: per model as exported, the buckets that found no price,
--      with their requests and tokens and the reason (the first that applies):
--        no model name           model is empty
--        unknown model           neither the name nor the part after its
--                                first '/' is a model or alias
--        no token counts         input_tokens or output_tokens is empty
--        no usable time          neither start_time nor start_time_iso is a time
--        no token price          the model is not sold per token
--        before the first price  no price was in force yet at the bucket's start
--      "(none)" when every bucket was priced; then one line with all buckets
--      and requests, and those priced and not.
-- In sections 1 and 2, unpriced counts the buckets of a line that found no
-- price: they are in buckets, requests and tokens, not in cost_cny, which
-- is empty when no bucket of the line has a price.
--
-- Costs are exact: each bucket's cost is a whole number of nano-CNY (1e-9;
-- prices have at most 5 decimals per 1,000 tokens, so every cost is a
-- multiple of 1e-8), CAST(round(maas_cost(...) * 1e9) AS INTEGER) recovers it
-- from the double while a bucket costs less than about a million CNY, and
-- integers add up without error.  Only the display rounds, half away from
-- zero, to 6 decimals, in integer arithmetic.
--
-- It leaves TEMP objects for further queries (and for the tests):
--   maas_openai_usage               one row per bucket: month, at (the time
--                                   it was priced at), names, project, key,
--                                   requests, tokens (integers), cost_nano,
--                                   whatif_nano, reason (NULL if priced)
--   maas_openai_whatif_model        the what-if model
--   maas_openai_cost_by_month_model, maas_openai_cost_by_project_key,
--   maas_openai_whatif_by_month, maas_openai_unpriced   the sections
-- and the shell in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_openai_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_openai_cost_by_project_key;
DROP VIEW IF EXISTS temp.maas_openai_whatif_by_month;
DROP VIEW IF EXISTS temp.maas_openai_unpriced;
DROP TABLE IF EXISTS temp.maas_openai_usage;
DROP TABLE IF EXISTS temp.maas_openai_whatif_model;

CREATE TEMP TABLE maas_openai_whatif_model (
  given TEXT,
  is_default INTEGER,
  model TEXT
    CONSTRAINT "@whatif_model is not a model of the price list (see SELECT DISTINCT model FROM maas_rates)"
      CHECK (model IS NOT NULL),
  has_token_prices INTEGER
    CONSTRAINT "@whatif_model has no token prices: it is sold for training or deployment only"
      CHECK (model IS NULL OR has_token_prices));
INSERT INTO maas_openai_whatif_model(given, is_default, model, has_token_prices)
SELECT given, is_default, maas_model(given),
       maas_price(given, 'input') IS NOT NULL AND maas_price(given, 'output') IS NOT NULL
  FROM (SELECT coalesce(@whatif_model, 'Qwen3-8B') AS given, @whatif_model IS NULL AS is_default);

CREATE TEMP TABLE maas_openai_usage AS
WITH fields AS (
  SELECT nullif(trim(start_time), '') AS start_time,
         nullif(trim(start_time_iso), '') AS start_time_iso,
         nullif(trim(project_id), '') AS project_id,
         nullif(trim(api_key_id), '') AS api_key_id,
         nullif(trim(model), '') AS model,
         nullif(trim(num_model_requests), '') AS requests,
         nullif(trim(input_tokens), '') AS input_tokens,
         nullif(trim(output_tokens), '') AS output_tokens,
         nullif(trim(input_cached_tokens), '') AS cached_tokens
    FROM usage_export),
exported AS (
  SELECT CASE WHEN start_time NOT GLOB '*[^0-9]*'
              THEN strftime('%Y-%m-%d %H:%M:%f', CAST(start_time AS INTEGER), 'unixepoch')
              ELSE strftime('%Y-%m-%d %H:%M:%f', start_time_iso) END AS at,
         project_id,
         api_key_id,
         model AS logged_model,
         CASE WHEN maas_model(model) IS NOT NULL THEN model
              WHEN instr(model, '/') > 0
                   AND maas_model(substr(model, instr(model, '/') + 1)) IS NOT NULL
                THEN substr(model, instr(model, '/') + 1)
         END AS priced_name,
         -- digits become integers; anything else stays TEXT for maas_cost to refuse
         CASE WHEN requests NOT GLOB '*[^0-9]*' THEN CAST(requests AS INTEGER) ELSE requests END
           AS requests,
         CASE WHEN input_tokens NOT GLOB '*[^0-9]*' THEN CAST(input_tokens AS INTEGER) ELSE input_tokens END
           AS input_tokens,
         CASE WHEN output_tokens NOT GLOB '*[^0-9]*' THEN CAST(output_tokens AS INTEGER) ELSE output_tokens END
           AS output_tokens,
         CASE WHEN cached_tokens NOT GLOB '*[^0-9]*' THEN CAST(cached_tokens AS INTEGER) ELSE cached_tokens END
           AS cached_tokens
    FROM fields),
priced AS (
  SELECT *,
         CAST(round(maas_cost(priced_name, input_tokens, output_tokens, at) * 1e9) AS INTEGER) AS cost_nano,
         CAST(round(maas_cost((SELECT model FROM temp.maas_openai_whatif_model),
                              input_tokens, output_tokens, at) * 1e9) AS INTEGER) AS whatif_nano
    FROM exported)
SELECT coalesce(substr(at, 1, 7), '(no time)') AS month,
       at,
       logged_model,
       priced_name,
       coalesce(maas_model(priced_name), logged_model) AS model,
       project_id,
       api_key_id,
       requests,
       input_tokens,
       output_tokens,
       cached_tokens,
       cost_nano,
       whatif_nano,
       CASE WHEN cost_nano IS NOT NULL THEN NULL
            WHEN logged_model IS NULL THEN 'no model name'
            WHEN priced_name IS NULL THEN 'unknown model'
            WHEN input_tokens IS NULL OR output_tokens IS NULL THEN 'no token counts'
            WHEN at IS NULL THEN 'no usable time'
            WHEN maas_cost(priced_name, 0, 0) IS NULL THEN 'no token price'
            ELSE 'before the first price' END AS reason
  FROM priced;

CREATE TEMP VIEW maas_openai_cost_by_month_model AS
SELECT month, model, count(*) AS buckets, sum(requests) AS requests, count(*) - count(cost_nano) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
       sum(output_tokens) AS output_tokens, sum(cost_nano) AS cost_nano
  FROM temp.maas_openai_usage
 GROUP BY month, model;

CREATE TEMP VIEW maas_openai_cost_by_project_key AS
SELECT month, project_id, api_key_id, count(*) AS buckets, sum(requests) AS requests,
       count(*) - count(cost_nano) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
       sum(output_tokens) AS output_tokens, sum(cost_nano) AS cost_nano
  FROM temp.maas_openai_usage
 GROUP BY month, project_id, api_key_id;

CREATE TEMP VIEW maas_openai_whatif_by_month AS
SELECT u.month, count(*) AS buckets, count(u.cost_nano + u.whatif_nano) AS compared,
       sum(CASE WHEN u.whatif_nano IS NOT NULL THEN u.cost_nano END) AS actual_nano,
       sum(CASE WHEN u.cost_nano IS NOT NULL THEN u.whatif_nano END) AS whatif_nano
  FROM temp.maas_openai_usage AS u, temp.maas_openai_whatif_model AS w
 GROUP BY u.month;

CREATE TEMP VIEW maas_openai_unpriced AS
SELECT logged_model, maas_model(priced_name) AS model, reason, count(*) AS buckets,
       sum(requests) AS requests, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
  FROM temp.maas_openai_usage
 WHERE reason IS NOT NULL
 GROUP BY logged_model, reason;

.headers on
.mode box
.print '1. Cost by month and model (CNY at Xingchen prices; cached_tokens are part of input_tokens)'
.width 0 0 -7 -8 -8 -12 -13 -13 -14
WITH report AS (
  SELECT 0 AS is_total, month, model, buckets, requests, unpriced, input_tokens, cached_tokens,
         output_tokens, cost_nano
    FROM maas_openai_cost_by_month_model
  UNION ALL
  SELECT 1, 'total', NULL, sum(buckets), sum(requests), sum(unpriced), sum(input_tokens),
         sum(cached_tokens), sum(output_tokens), sum(cost_nano)
    FROM maas_openai_cost_by_month_model),
shown AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(model, '(none)') END AS model,
       buckets, requests, unpriced, input_tokens, cached_tokens, output_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny
  FROM shown
 ORDER BY is_total, month, model COLLATE NOCASE, model;

.print
.print '2. Cost by month and project_id, and by month and api_key_id'
.width 0 0 -7 -8 -8 -12 -13 -13 -14
WITH report AS (
  SELECT 0 AS is_total, month, project_id, sum(buckets) AS buckets, sum(requests) AS requests,
         sum(unpriced) AS unpriced, sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
         sum(output_tokens) AS output_tokens, sum(cost_nano) AS cost_nano
    FROM maas_openai_cost_by_project_key
   GROUP BY month, project_id
  UNION ALL
  SELECT 1, 'total', NULL, sum(buckets), sum(requests), sum(unpriced), sum(input_tokens),
         sum(cached_tokens), sum(output_tokens), sum(cost_nano)
    FROM maas_openai_cost_by_project_key),
shown AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(project_id, '(none)') END AS project_id,
       buckets, requests, unpriced, input_tokens, cached_tokens, output_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny
  FROM shown
 ORDER BY is_total, month, project_id IS NULL, project_id;
.width 0 0 0 -7 -8 -8 -12 -13 -13 -14
WITH report AS (
  SELECT 0 AS is_total, month, api_key_id, project_id, buckets, requests, unpriced, input_tokens,
         cached_tokens, output_tokens, cost_nano
    FROM maas_openai_cost_by_project_key
  UNION ALL
  SELECT 1, 'total', NULL, NULL, sum(buckets), sum(requests), sum(unpriced), sum(input_tokens),
         sum(cached_tokens), sum(output_tokens), sum(cost_nano)
    FROM maas_openai_cost_by_project_key),
shown AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(api_key_id, '(none)') END AS api_key_id,
       CASE WHEN is_total THEN NULL ELSE coalesce(project_id, '(none)') END AS project_id,
       buckets, requests, unpriced, input_tokens, cached_tokens, output_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny
  FROM shown
 ORDER BY is_total, month, api_key_id IS NULL, api_key_id, project_id;

.print
.print '3. What-if: the same buckets priced on another model (CNY)'
.width
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS input_cny_per_1k,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'output' AND effective_to IS NULL) AS output_cny_per_1k
  FROM temp.maas_openai_whatif_model AS w;
.width 0 -7 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, buckets, compared, actual_nano, whatif_nano
    FROM maas_openai_whatif_by_month
  UNION ALL
  SELECT 1, 'total', sum(buckets), sum(compared), sum(actual_nano), sum(whatif_nano)
    FROM maas_openai_whatif_by_month
  HAVING count(*) > 0),
shown AS (
  SELECT *, coalesce(whatif_nano - actual_nano, 0) AS diff_nano,
         (coalesce(actual_nano, 0) + 500) / 1000 AS actual_micro,
         (coalesce(whatif_nano, 0) + 500) / 1000 AS whatif_micro
    FROM report)
SELECT month, buckets, compared,
       printf('%d.%06d', actual_micro / 1000000, actual_micro % 1000000) AS actual_cny,
       printf('%d.%06d', whatif_micro / 1000000, whatif_micro % 1000000) AS whatif_cny,
       CASE WHEN diff_nano < 0 THEN '-' WHEN diff_nano > 0 THEN '+' ELSE '' END
         || printf('%d.%06d', (abs(diff_nano) + 500) / 1000 / 1000000, (abs(diff_nano) + 500) / 1000 % 1000000)
         AS difference_cny,
       CASE WHEN actual_nano > 0 THEN printf('%+.1f%%', diff_nano * 100.0 / actual_nano) END AS change
  FROM shown
 ORDER BY is_total, month;

.print
.print '4. Coverage: the buckets that found no price (left out of cost_cny above)'
.width 0 0 0 -7 -8 -12 -13
SELECT logged_model AS model_exported, model, reason, buckets, requests, input_tokens, output_tokens
  FROM maas_openai_unpriced
UNION ALL
SELECT '(none)', NULL, NULL, 0, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM maas_openai_unpriced)
 ORDER BY buckets DESC, model_exported, reason;
.width -7 -8 -8 -8
SELECT count(*) AS buckets,
       sum(requests) AS requests,
       count(cost_nano) AS priced,
       count(*) - count(cost_nano) AS unpriced
  FROM temp.maas_openai_usage;
.width

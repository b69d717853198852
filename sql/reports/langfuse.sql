-- langfuse.sql - what the LLM generations recorded by Langfuse (v2, the
-- Postgres `observations` table) cost at iFlytek Xingchen MaaS prices (CNY):
-- by month and model, on another model (what-if), and the usage that found no
-- price.
--
--   sqlite3 -cmd '.load ./build/maas' langfuse.db
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'     -- optional
--   sqlite> .read sql/reports/langfuse.sql
--
-- One file, three sections, because the three must agree on which rows are
-- usage, how a name becomes a model and at which time a row is priced: each
-- row is priced once, into a TEMP table, and every section adds up that
-- table.  So the coverage (section 3) is always printed with the costs it
-- qualifies.
--
-- Reads `observations`: type, start_time, model, internal_model,
-- prompt_tokens, completion_tokens, unit (and id, trace_id, project_id,
-- kept in the TEMP table).  What is assumed about Langfuse v2:
--   usage       is on rows of type 'GENERATION' (the types are SPAN, EVENT,
--               GENERATION); prompt_tokens and completion_tokens are billed
--               as input and output.  They default to 0 when the application
--               reported no usage: such a generation costs 0, and section 3
--               counts them (zero_tokens) so that this is not silent.
--               A SPAN or EVENT is not usage; one that carries a model or
--               tokens anyway is priced nowhere and listed in section 3.
--   unit        NULL or 'TOKENS' means the counts are tokens.  Any other unit
--               ('CHARACTERS', 'SECONDS', ...) is not priced per token: listed
--               in section 3 as "usage in CHARACTERS".
--   model       the name the application sent, looked up with maas_model()
--               (published names in any letter case; aliases such as the
--               Xingchen service ID 'xdeepseekv3'); if unknown, the part after
--               its first '/' ('openai/xdeepseekv3'); if still unknown,
--               internal_model, the name of the Langfuse model definition the
--               project matched it to (so a project that maps 'deepseek-chat'
--               to its definition 'DeepSeek-V3' is priced as DeepSeek-V3).
--   time        start_time, UTC: TEXT in a form SQLite's date functions read
--               ('2025-08-01 12:34:56.789' as Postgres prints a timestamp(3),
--               '2025-08-01T12:34:56.789Z'; an offset must be +HH:MM) or a
--               number of unix seconds.  Months are UTC.  Each generation is
--               priced at the prices in force at its start_time, so
--               generations from before the first published price (2025-07-08
--               05:25:00 UTC) have none.  A time SQLite cannot read leaves the
--               row unpriced ("no usable time"); it does not stop the report.
--   costs       Langfuse's own input_cost ... calculated_total_cost are not
--               read: they are in the currency of Langfuse's model
--               definitions (USD for its built-in ones), not CNY.
-- There is no user in `observations`: the user is traces.user_id.  With the
-- traces table in the same database, the cost per user and month is
--   SELECT u.month, t.user_id, sum(u.cost_nano) / 1e9 AS cost_cny
--     FROM maas_langfuse_usage AS u JOIN traces AS t ON t.id = u.trace_id
--    WHERE u.is_generation GROUP BY 1, 2;
--
-- Sections:
--   1. cost by month and model (as published; an unknown name as sent).
--      unpriced counts the generations of a line that found no price: they
--      are in generations and tokens but not in cost_cny, which is empty when
--      no generation of the line has a price.
--   2. what-if: the same generations, tokens and times priced on
--      @whatif_model: any name maas_model() knows.  Unset (.parameter clear)
--      it is Qwen3-8B.  Only generations priced both ways are compared; a
--      name the price list does not know, or a model without token prices,
--      stops this section with an error naming @whatif_model (the others
--      still print).
--   3. coverage: per model and internal_model as recorded, the rows that
--      found no price, with their tokens and the reason (the first that
--      applies):
--        not a GENERATION (SPAN)  a SPAN or EVENT with a model or tokens
--        no model name            model and internal_model are empty
--        unknown model            none of the names is a model or alias
--        usage in CHARACTERS      unit is not tokens
--        no token counts          a token count is NULL
--        no usable time           start_time is NULL or not a time
--        no token price           the model is not sold per token
--        before the first price   no price was in force yet at start_time
--      "(none)" when everything was priced; then one line with the
--      generations, those priced (zero_tokens of them with 0 tokens), those
--      not, and the other rows listed.
--
-- Costs are exact: each generation's cost is a whole number of nano-CNY
-- (1e-9; prices have at most 5 decimals per 1,000 tokens, so every cost is a
-- multiple of 1e-8), CAST(round(maas_cost(...) * 1e9) AS INTEGER) recovers it
-- from the double while a generation costs less than about a million CNY,
-- and integers add up without error.  Only the display rounds, half away
-- from zero, to 6 decimals, in integer arithmetic.
--
-- It leaves TEMP objects for further queries (and for the tests):
--   maas_langfuse_usage               one row per generation, and per other
--                                     observation with a model or tokens:
--                                     id, trace_id, project_id, type,
--                                     is_generation, month, at (the time it
--                                     was priced at), names, tokens, unit,
--                                     cost_nano, whatif_nano, reason (NULL if
--                                     priced)
--   maas_langfuse_whatif_model        the what-if model
--   maas_langfuse_cost_by_month_model, maas_langfuse_whatif_by_month,
--   maas_langfuse_unpriced            the sections
-- and the shell in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_langfuse_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_langfuse_whatif_by_month;
DROP VIEW IF EXISTS temp.maas_langfuse_unpriced;
DROP TABLE IF EXISTS temp.maas_langfuse_usage;
DROP TABLE IF EXISTS temp.maas_langfuse_whatif_model;

CREATE TEMP TABLE maas_langfuse_whatif_model (
  given TEXT,
  is_default INTEGER,
  model TEXT
    CONSTRAINT "@whatif_model is not a model of the price list (see SELECT DISTINCT model FROM maas_rates)"
      CHECK (model IS NOT NULL),
  has_token_prices INTEGER
    CONSTRAINT "@whatif_model has no token prices: it is sold for training or deployment only"
      CHECK (model IS NULL OR has_token_prices));
INSERT INTO maas_langfuse_whatif_model(given, is_default, model, has_token_prices)
SELECT given, is_default, maas_model(given),
       maas_price(given, 'input') IS NOT NULL AND maas_price(given, 'output') IS NOT NULL
  FROM (SELECT coalesce(@whatif_model, 'Qwen3-8B') AS given, @whatif_model IS NULL AS is_default);

CREATE TEMP TABLE maas_langfuse_usage AS
WITH recorded AS (
  SELECT id, trace_id, project_id, type,
         type = 'GENERATION' AS is_generation,
         CASE typeof(start_time)
           WHEN 'text' THEN strftime('%Y-%m-%d %H:%M:%f', start_time)
           WHEN 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', start_time, 'unixepoch')
           WHEN 'real' THEN strftime('%Y-%m-%d %H:%M:%f', start_time, 'unixepoch')
         END AS at,
         model AS logged_model,
         internal_model,
         CASE WHEN maas_model(model) IS NOT NULL THEN model
              WHEN instr(model, '/') > 0
                   AND maas_model(substr(model, instr(model, '/') + 1)) IS NOT NULL
                THEN substr(model, instr(model, '/') + 1)
              WHEN maas_model(internal_model) IS NOT NULL THEN internal_model
         END AS priced_name,
         prompt_tokens,
         completion_tokens,
         unit,
         unit IS NULL OR upper(unit) = 'TOKENS' AS in_tokens
    FROM observations
   WHERE type = 'GENERATION'
      OR coalesce(model, '') <> '' OR coalesce(internal_model, '') <> ''
      OR coalesce(prompt_tokens, 0) <> 0 OR coalesce(completion_tokens, 0) <> 0),
priced AS (
  SELECT *,
         CASE WHEN is_generation AND in_tokens
              THEN CAST(round(maas_cost(priced_name, prompt_tokens, completion_tokens, at) * 1e9)
                        AS INTEGER) END AS cost_nano,
         CASE WHEN is_generation AND in_tokens
              THEN CAST(round(maas_cost((SELECT model FROM temp.maas_langfuse_whatif_model),
                                        prompt_tokens, completion_tokens, at) * 1e9) AS INTEGER)
         END AS whatif_nano
    FROM recorded)
SELECT id, trace_id, project_id, type, is_generation,
       coalesce(substr(at, 1, 7), '(no time)') AS month,
       at,
       logged_model,
       internal_model,
       priced_name,
       coalesce(maas_model(priced_name), nullif(logged_model, ''), internal_model) AS model,
       prompt_tokens,
       completion_tokens,
       unit,
       cost_nano,
       whatif_nano,
       CASE WHEN cost_nano IS NOT NULL THEN NULL
            WHEN NOT is_generation THEN 'not a GENERATION (' || type || ')'
            WHEN coalesce(logged_model, '') = '' AND coalesce(internal_model, '') = '' THEN 'no model name'
            WHEN priced_name IS NULL THEN 'unknown model'
            WHEN NOT in_tokens THEN 'usage in ' || unit
            WHEN prompt_tokens IS NULL OR completion_tokens IS NULL THEN 'no token counts'
            WHEN at IS NULL THEN 'no usable time'
            WHEN maas_cost(priced_name, 0, 0) IS NULL THEN 'no token price'
            ELSE 'before the first price' END AS reason
  FROM priced;

CREATE TEMP VIEW maas_langfuse_cost_by_month_model AS
SELECT month, model, count(*) AS generations, count(*) - count(cost_nano) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_nano) AS cost_nano
  FROM temp.maas_langfuse_usage
 WHERE is_generation
 GROUP BY month, model;

CREATE TEMP VIEW maas_langfuse_whatif_by_month AS
SELECT u.month, count(*) AS generations, count(u.cost_nano + u.whatif_nano) AS compared,
       sum(CASE WHEN u.whatif_nano IS NOT NULL THEN u.cost_nano END) AS actual_nano,
       sum(CASE WHEN u.cost_nano IS NOT NULL THEN u.whatif_nano END) AS whatif_nano
  FROM temp.maas_langfuse_usage AS u, temp.maas_langfuse_whatif_model AS w
 WHERE u.is_generation
 GROUP BY u.month;

CREATE TEMP VIEW maas_langfuse_unpriced AS
SELECT logged_model, internal_model, maas_model(priced_name) AS model, reason, count(*) AS observations,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM temp.maas_langfuse_usage
 WHERE reason IS NOT NULL
 GROUP BY logged_model, internal_model, reason;

.headers on
.mode box
.print '1. Cost of the generations by month and model (CNY at Xingchen prices)'
.width 0 0 -11 -8 -13 -17 -14
WITH report AS (
  SELECT 0 AS is_total, month, model, generations, unpriced, prompt_tokens, completion_tokens, cost_nano
    FROM maas_langfuse_cost_by_month_model
  UNION ALL
  SELECT 1, 'total', NULL, sum(generations), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
         sum(cost_nano)
    FROM maas_langfuse_cost_by_month_model),
shown AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(model, '(none)') END AS model,
       generations, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny
  FROM shown
 ORDER BY is_total, month, model COLLATE NOCASE, model;

.print
.print '2. What-if: the same generations priced on another model (CNY)'
.width
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS input_cny_per_1k,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'output' AND effective_to IS NULL) AS output_cny_per_1k
  FROM temp.maas_langfuse_whatif_model AS w;
.width 0 -11 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, generations, compared, actual_nano, whatif_nano
    FROM maas_langfuse_whatif_by_month
  UNION ALL
  SELECT 1, 'total', sum(generations), sum(compared), sum(actual_nano), sum(whatif_nano)
    FROM maas_langfuse_whatif_by_month
  HAVING count(*) > 0),
shown AS (
  SELECT *, coalesce(whatif_nano - actual_nano, 0) AS diff_nano,
         (coalesce(actual_nano, 0) + 500) / 1000 AS actual_micro,
         (coalesce(whatif_nano, 0) + 500) / 1000 AS whatif_micro
    FROM report)
SELECT month, generations, compared,
       printf('%d.%06d', actual_micro / 1000000, actual_micro % 1000000) AS actual_cny,
       printf('%d.%06d', whatif_micro / 1000000, whatif_micro % 1000000) AS whatif_cny,
       CASE WHEN diff_nano < 0 THEN '-' WHEN diff_nano > 0 THEN '+' ELSE '' END
         || printf('%d.%06d', (abs(diff_nano) + 500) / 1000 / 1000000, (abs(diff_nano) + 500) / 1000 % 1000000)
         AS difference_cny,
       CASE WHEN actual_nano > 0 THEN printf('%+.1f%%', diff_nano * 100.0 / actual_nano) END AS change
  FROM shown
 ORDER BY is_total, month;

.print
.print '3. Coverage: the observations with usage that found no price (left out of cost_cny above)'
.width 0 0 0 0 -12 -13 -17
SELECT logged_model AS model_recorded, internal_model, model, reason, observations,
       prompt_tokens, completion_tokens
  FROM maas_langfuse_unpriced
UNION ALL
SELECT '(none)', NULL, NULL, NULL, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM maas_langfuse_unpriced)
 ORDER BY observations DESC, model_recorded, internal_model, reason;
.width -11 -8 -11 -8 -12
SELECT sum(is_generation) AS generations,
       count(cost_nano) AS priced,
       sum(cost_nano IS NOT NULL AND prompt_tokens = 0 AND completion_tokens = 0) AS zero_tokens,
       sum(is_generation AND cost_nano IS NULL) AS unpriced,
       sum(NOT is_generation) AS other_rows
  FROM temp.maas_langfuse_usage;
.width

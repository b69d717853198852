-- langfuse.sql - what the LLM generations recorded by Langfuse v2 (the
-- Postgres `observations` table, with model, prompt_tokens and
-- completion_tokens columns) cost at iFlytek Xingchen MaaS prices: by month
-- and model, on another model (what-if), and the usage left out, and why.
-- For Langfuse v3 (ClickHouse, usage_details) use langfuse_v3.sql.
--
--   sqlite3 -cmd '.load ./build/maas' langfuse.db
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'     -- optional
--   sqlite> .parameter set @currency "'CNY'"            -- optional
--   sqlite> .read sql/reports/langfuse.sql
--
-- Parameters:
--   @whatif_model  default Qwen3-8B (section 2)
--   @tz            default '+08:00': the zone offset of the months, given as
--                  .parameter set @tz "'-05:00'" ('+08:00', '-05:00',
--                  '+0800', '+08', 'Z'; maas_month()).  Beijing time by
--                  default because the provider, iFlytek Xingchen, bills in
--                  it: a call at 23:30 UTC on July 31 is on the August bill.
--                  '+00:00' gives UTC months.
--   @currency      default NULL: no conversion; each generation keeps the
--                  currency of its prices (CNY for the built-in card; a user
--                  price in maas_user_rates may be USD, ...), lines are per
--                  currency and there is one total per currency: amounts in
--                  two currencies are never added.  Set (.parameter set
--                  @currency "'CNY'"): each cost is converted to it with
--                  maas_convert() at the generation's start_time, using the
--                  rates in maas_user_fx (sql/user_tables.sql); one with no
--                  rate in force is listed as not converted (no_fx_rate),
--                  never added.
--
-- One file, three sections, because the three must agree on which rows are
-- usage, how a name becomes a model and at which time a row is priced: each
-- row is priced once, into a TEMP table, and every section adds up that
-- table.  So the coverage (section 3) is always printed with the costs it
-- qualifies.
--
-- Reads `observations`: type, start_time, model, internal_model,
-- prompt_tokens, completion_tokens, unit (and id, trace_id, project_id,
-- kept in the TEMP table).  What is assumed about Langfuse v2 (its Prisma
-- schema, model Observation):
--   usage       is on rows of type 'GENERATION' (the types are SPAN, EVENT,
--               GENERATION); prompt_tokens and completion_tokens are billed
--               as input and output.  They default to 0 when the application
--               reported no usage: such a generation costs 0, and section 3
--               counts them (zero_tokens) so that this is not silent.
--               A SPAN or EVENT is not usage; one that carries a model or
--               tokens anyway is priced nowhere and listed in section 3.
--   unit        NULL or 'TOKENS' means the counts are tokens.  Any other unit
--               ('CHARACTERS', 'SECONDS', ...) is not priced per token: listed
--               in section 3 as unit_not_tokens, with the unit.
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
--               number of unix seconds.  Months are @tz's.  Each generation is
--               priced at the prices in force at its start_time, so
--               generations from before the first published price (2025-07-08
--               05:25:00 UTC) have none.  A time SQLite cannot read leaves the
--               row unpriced (no_usable_time); it does not stop the report.
--   costs       Langfuse's own input_cost ... calculated_total_cost are not
--               read: they are in the currency of Langfuse's model
--               definitions (USD for its built-in ones).
-- There is no user in `observations`: the user is traces.user_id.  With the
-- traces table in the same database, the cost per user, month and currency is
--   SELECT u.month, t.user_id, u.currency, maas_total_text(u.cost, 6) AS cost
--     FROM maas_langfuse_usage AS u JOIN traces AS t ON t.id = u.trace_id
--    WHERE u.cost IS NOT NULL GROUP BY 1, 2, 3;
--
-- Sections:
--   1. cost by month, model and currency (the model as published; an
--      unknown name as sent), then the totals: one line per currency
--      ("total"), the generations not converted to @currency (per currency,
--      with their amount in it), the observations left out (per reason) and
--      all observations with usage; the lines other than "all observations"
--      add up to it.  unpriced counts the generations of a line left out:
--      they are in generations and tokens, not in cost, which is empty when
--      no generation of the line counts.
--   2. what-if: the same generations, tokens and times priced on
--      @whatif_model: any name maas_model() knows.  Unset (.parameter clear)
--      it is Qwen3-8B.  Only generations priced both ways, in one currency,
--      are compared; a name the price list does not know, or a model without
--      token prices, stops this section with an error naming @whatif_model
--      (the others still print).
--   3. coverage: per model and internal_model as recorded, the observations
--      left out of the totals, with their tokens and the reason (the first
--      that applies):
--        not_generation      a SPAN or EVENT with a model or tokens (detail:
--                            its type)
--        no_model_name       model and internal_model are empty
--        unknown_model, other_product
--                            none of the names is a model or alias
--                            (other_product: a name of another product, e.g.
--                            the Spark API's 'Spark-Max', billed at other
--                            prices)
--        unit_not_tokens     unit is not tokens (detail: the unit)
--        no_token_counts     a token count is NULL
--        no_usable_time      start_time is NULL or not a time
--        no_token_price, before_first_price, mixed_currency
--                            maas_unpriced()'s codes: the model is not sold
--                            per token; no price was in force yet at
--                            start_time; its prices are in two currencies
--        no_fx_rate          priced, but no rate to @currency in force
--      "(none)" when everything was counted; then one line with the
--      generations, those counted (zero_tokens of them with 0 tokens), those
--      left out, and the other rows listed.
--
-- Costs are exact: maas_total_text() adds each generation's cost as the
-- decimal it is and rounds once, half away from zero, to the 6 places shown.
--
-- It leaves TEMP objects for further queries (and for the tests):
--   maas_langfuse_usage               one row per generation, and per other
--                                     observation with a model or tokens:
--                                     id, trace_id, project_id, type,
--                                     is_generation, month, at (the time it
--                                     was priced at), names, tokens, unit,
--                                     price_currency and price_cost (as
--                                     priced), currency and cost (as
--                                     counted), whatif_cost, reason (NULL if
--                                     counted)
--   maas_langfuse_whatif_model        the what-if model
--   maas_langfuse_cost_by_month_model, maas_langfuse_totals,
--   maas_langfuse_whatif_by_month, maas_langfuse_unpriced
--                                     the sections, costs as exact TEXT
-- and the shell in `.mode box` with headers.
-- First the columns this report reads; without them it stops with one line
-- saying which tool it is for (.bail on for that one statement: a script
-- ends there, an interactive shell returns to its prompt, with .bail left
-- on).
.bail on
DROP TABLE IF EXISTS temp.maas_report_check;
CREATE TEMP TABLE maas_report_check (ok INTEGER
  CONSTRAINT "langfuse.sql is for Langfuse v2 (Postgres observations with model, prompt_tokens, completion_tokens); for Langfuse v3 use langfuse_v3.sql"
    CHECK (ok));
INSERT INTO temp.maas_report_check
SELECT count(*) = 9 FROM pragma_table_info('observations')
 WHERE name IN ('id', 'trace_id', 'project_id', 'type', 'start_time', 'model', 'internal_model', 'prompt_tokens',
                'completion_tokens')
   AND EXISTS (SELECT 1 FROM pragma_table_info('observations') WHERE name = 'unit');
DROP TABLE temp.maas_report_check;
.bail off
DROP VIEW IF EXISTS temp.maas_langfuse_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_langfuse_totals;
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

-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
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
         unit IS NULL OR upper(unit) = 'TOKENS' AS in_tokens,
         @currency AS target
    FROM observations
   WHERE type = 'GENERATION'
      OR coalesce(model, '') <> '' OR coalesce(internal_model, '') <> ''
      OR coalesce(prompt_tokens, 0) <> 0 OR coalesce(completion_tokens, 0) <> 0
   LIMIT -1 OFFSET 0),
priced AS (
  SELECT *,
         CASE WHEN is_generation AND in_tokens
              THEN maas_cost(priced_name, prompt_tokens, completion_tokens, at) END AS price_cost,
         coalesce(maas_currency(priced_name, at), maas_currency(priced_name)) AS price_currency,
         CASE WHEN is_generation AND in_tokens
              THEN maas_cost((SELECT model FROM temp.maas_langfuse_whatif_model),
                             prompt_tokens, completion_tokens, at) END AS whatif_price_cost,
         (SELECT coalesce(maas_currency(model, at), maas_currency(model))
            FROM temp.maas_langfuse_whatif_model) AS whatif_price_currency
    FROM recorded
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN target IS NULL THEN price_cost
              ELSE maas_convert(price_cost, price_currency, target, at) END AS cost,
         CASE WHEN target IS NULL THEN whatif_price_cost
              ELSE maas_convert(whatif_price_cost, whatif_price_currency, target, at) END AS whatif_cost
    FROM priced
   LIMIT -1 OFFSET 0)
SELECT id, trace_id, project_id, type, is_generation,
       coalesce(maas_month(at, coalesce(@tz, '+08:00')), '(no time)') AS month,
       at,
       logged_model,
       internal_model,
       priced_name,
       coalesce(maas_model(priced_name), nullif(logged_model, ''), internal_model) AS model,
       prompt_tokens,
       completion_tokens,
       unit,
       price_currency,
       price_cost,
       CASE WHEN cost IS NOT NULL THEN coalesce(target, price_currency) END AS currency,
       cost,
       CASE WHEN cost IS NOT NULL AND whatif_cost IS NOT NULL
                 AND coalesce(target, price_currency) = coalesce(target, whatif_price_currency)
            THEN whatif_cost END AS whatif_cost,
       CASE WHEN cost IS NOT NULL THEN NULL
            WHEN price_cost IS NOT NULL THEN 'no_fx_rate'
            WHEN NOT is_generation THEN 'not_generation'
            WHEN coalesce(logged_model, '') = '' AND coalesce(internal_model, '') = '' THEN 'no_model_name'
            WHEN priced_name IS NULL THEN
              CASE WHEN 'other_product' IN (maas_unpriced(logged_model),
                                            maas_unpriced(substr(logged_model, instr(logged_model, '/') + 1)),
                                            maas_unpriced(internal_model))
                     THEN 'other_product' ELSE 'unknown_model' END
            WHEN NOT in_tokens THEN 'unit_not_tokens'
            WHEN prompt_tokens IS NULL OR completion_tokens IS NULL THEN 'no_token_counts'
            WHEN at IS NULL THEN 'no_usable_time'
            ELSE coalesce(maas_unpriced(priced_name, at), 'no_price') END AS reason
  FROM counted;

CREATE TEMP VIEW maas_langfuse_cost_by_month_model AS
SELECT month, model, coalesce(currency, price_currency) AS currency, count(*) AS generations,
       count(*) - count(cost) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost) AS cost
  FROM temp.maas_langfuse_usage
 WHERE is_generation
 GROUP BY month, model, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_langfuse_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, count(*) AS observations,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost) AS cost
  FROM temp.maas_langfuse_usage WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, count(*), sum(prompt_tokens), sum(completion_tokens),
       maas_total_text(price_cost)
  FROM temp.maas_langfuse_usage WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, count(*), sum(prompt_tokens), sum(completion_tokens), NULL
  FROM temp.maas_langfuse_usage WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all observations', NULL, NULL, count(*), sum(prompt_tokens), sum(completion_tokens), NULL
  FROM temp.maas_langfuse_usage;

CREATE TEMP VIEW maas_langfuse_whatif_by_month AS
WITH parts AS (
  SELECT month, currency, 1 AS n, whatif_cost IS NOT NULL AS compared,
         CASE WHEN whatif_cost IS NOT NULL THEN cost END AS actual, whatif_cost AS whatif,
         whatif_cost AS difference
    FROM temp.maas_langfuse_usage WHERE is_generation
  UNION ALL
  SELECT month, currency, 0, 0, NULL, NULL, -cost
    FROM temp.maas_langfuse_usage WHERE is_generation AND whatif_cost IS NOT NULL)
SELECT month, coalesce(currency, (SELECT currency FROM maas_rates, temp.maas_langfuse_whatif_model AS w
                                   WHERE maas_rates.model = w.model AND item = 'input'
                                     AND effective_to IS NULL)) AS currency,
       sum(n) AS generations, sum(compared) AS compared,
       maas_total_text(actual) AS actual, maas_total_text(whatif) AS whatif,
       maas_total_text(difference) AS difference
  FROM parts, temp.maas_langfuse_whatif_model
 GROUP BY 1, 2;

CREATE TEMP VIEW maas_langfuse_unpriced AS
SELECT logged_model, internal_model, maas_model(priced_name) AS model, reason,
       CASE reason WHEN 'not_generation' THEN type WHEN 'unit_not_tokens' THEN unit END AS detail,
       CASE WHEN reason = 'no_fx_rate' THEN price_currency END AS currency, count(*) AS observations,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM temp.maas_langfuse_usage
 WHERE reason IS NOT NULL
 GROUP BY logged_model, internal_model, reason, 5, 6;

.headers on
.mode box
.print '1. Cost of the generations by month and model, at Xingchen prices, in currency'
.width 0 0 0 -11 -8 -13 -17 -14
SELECT month, coalesce(nullif(model, ''), '(none)') AS model, currency,
       generations, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 6) AS cost
  FROM maas_langfuse_cost_by_month_model
 ORDER BY month, model COLLATE NOCASE, model, currency;
.width 0 0 0 -12 -13 -17 -14
SELECT line, currency, reason, observations, prompt_tokens, completion_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_langfuse_totals
 ORDER BY k, currency, observations DESC, reason;

.print
.print '2. What-if: the same generations priced on another model'
.width
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS input_per_1k,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'output' AND effective_to IS NULL) AS output_per_1k,
       (SELECT currency FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS currency
  FROM temp.maas_langfuse_whatif_model AS w;
.width 0 0 -11 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, currency, generations, compared, actual, whatif, difference
    FROM maas_langfuse_whatif_by_month
  UNION ALL
  SELECT 1, 'total', currency, sum(generations), sum(compared), maas_total_text(actual), maas_total_text(whatif),
         maas_total_text(difference)
    FROM maas_langfuse_whatif_by_month
   GROUP BY currency)
SELECT month, currency, generations, compared,
       maas_round_text(coalesce(actual, 0), 6) AS actual,
       maas_round_text(coalesce(whatif, 0), 6) AS whatif,
       CASE WHEN CAST(difference AS REAL) > 0 THEN '+' ELSE '' END || maas_round_text(coalesce(difference, 0), 6)
         AS difference,
       CASE WHEN CAST(actual AS REAL) > 0
            THEN printf('%+.1f%%', CAST(difference AS REAL) * 100.0 / CAST(actual AS REAL)) END AS change
  FROM report
 ORDER BY is_total, month, currency;

.print
.print '3. Coverage: the observations with usage left out of the totals above'
.width 0 0 0 0 0 0 -12 -13 -17
SELECT logged_model AS model_recorded, internal_model, model, reason, detail, currency, observations,
       prompt_tokens, completion_tokens
  FROM maas_langfuse_unpriced
UNION ALL
SELECT '(none)', NULL, NULL, NULL, NULL, NULL, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM maas_langfuse_unpriced)
 ORDER BY observations DESC, model_recorded, internal_model, reason;
.width -11 -8 -11 -8 -12
SELECT sum(is_generation) AS generations,
       count(cost) AS counted,
       sum(cost IS NOT NULL AND prompt_tokens = 0 AND completion_tokens = 0) AS zero_tokens,
       sum(is_generation AND cost IS NULL) AS left_out,
       sum(NOT is_generation) AS other_rows
  FROM temp.maas_langfuse_usage;
.width

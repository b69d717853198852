-- openai_usage_export.sql - what the usage in an OpenAI-style usage export
-- (CSV, imported into SQLite) costs at iFlytek Xingchen MaaS prices: by
-- month and model, by project and by API key, on another model (what-if), and
-- the usage left out, and why.
--
--   sqlite3 -cmd '.load ./build/maas' usage.db
--   sqlite> .import --csv usage-2025.csv usage_export
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'     -- optional
--   sqlite> .parameter set @currency "'CNY'"            -- optional
--   sqlite> .read sql/reports/openai_usage_export.sql
--
-- Parameters:
--   @whatif_model  default Qwen3-8B (section 3)
--   @tz            default '+08:00': the zone offset of the months, given as
--                  .parameter set @tz "'-05:00'" ('+08:00', '-05:00',
--                  '+0800', '+08', 'Z'; maas_month()).  Beijing time by
--                  default because the provider, iFlytek Xingchen, bills in
--                  it: a call at 23:30 UTC on July 31 is on the August bill.
--                  '+00:00' gives UTC months.
--   @currency      default NULL: no conversion; each bucket keeps the
--                  currency of its prices (CNY for the built-in card; a user
--                  price in maas_user_rates may be USD, ...), lines are per
--                  currency and there is one total per currency: amounts in
--                  two currencies are never added.  Set (.parameter set
--                  @currency "'CNY'"): each cost is converted to it with
--                  maas_convert() at the bucket's start, using the rates in
--                  maas_user_fx (sql/user_tables.sql); a bucket with no rate
--                  in force is listed as not converted (no_fx_rate), never
--                  added.
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
--               start_time_iso when start_time is empty.  Months are @tz's,
--               and a bucket is in the month of its start: a UTC day bucket
--               starts at 08:00 Beijing time, so it keeps its UTC month.  A
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
--               input_cached_tokens are part of input_tokens (OpenAI's
--               convention) and are billed with maas_cost_cached at the
--               model's cached-input price, never also at the input price;
--               the Xingchen list has no cached-input price, so for its
--               models they cost what input costs (shown as cached_tokens in
--               section 1).  num_model_requests go to a per-request price,
--               where a user price has one.
--               Batch buckets (batch 'True') are billed at the same prices:
--               the list has no batch price.  Audio tokens are not read.
--   requests    num_model_requests; a line's buckets are its CSV rows.
--
-- Sections:
--   1. cost by month, model and currency (as published; an unknown name as
--      exported), then the totals: one line per currency ("total"), the
--      buckets not converted to @currency (per currency, with their amount
--      in it), the buckets left out (per reason) and all buckets; the lines
--      other than "all buckets" add up to it
--   2. cost by month, project_id and currency, then by month, api_key_id
--      (with its project) and currency.  An empty project or key is shown
--      as '(none)'.
--   3. what-if: the export's own tokens priced on @whatif_model: any name
--      maas_model() knows.  Unset (.parameter clear) it is Qwen3-8B.
--      priced_whatif and whatif_all are every bucket with tokens and a time
--      the what-if model had a price at, whether or not its own model has a
--      price here: a real export holds OpenAI models, which the Xingchen
--      list does not, and this is what the same usage would cost on
--      Xingchen.  compared, actual, whatif and difference are the buckets
--      priced both ways, in one currency (the saving on what is priced
--      here).  A name the price list does not know, or a model without token
--      prices, stops this section with an error naming @whatif_model (the
--      others still print).
--   4. coverage: per model as exported, the buckets left out of the totals,
--      with their requests and tokens and the reason (the first that
--      applies):
--        no_model_name        model is empty
--        unknown_model, other_product
--                             neither the name nor the part after its first
--                             '/' is a model or alias (other_product: a name
--                             of another product, e.g. the Spark API's
--                             'Spark-Max', billed at other prices)
--        no_token_counts      input_tokens or output_tokens is empty
--        no_usable_time       neither start_time nor start_time_iso is a time
--        no_token_price, before_first_price, mixed_currency
--                             maas_unpriced()'s codes: the model is not sold
--                             per token; no price was in force yet at the
--                             bucket's start; its prices are in two currencies
--        no_fx_rate           priced, but no rate to @currency in force
--      "(none)" when every bucket was counted; then one line with all buckets
--      and requests, and those counted and not.
-- In sections 1 and 2, currency is the one cost is in (@currency, or the
-- currency of the model's prices; buckets not converted keep their own), and
-- unpriced counts the buckets of a line left out: they are in buckets,
-- requests and tokens, not in cost, which is empty when no bucket of the line
-- counts.
--
-- Costs are exact: maas_total_text() adds each bucket's cost as the decimal
-- it is and rounds once, half away from zero, to the 6 places shown.
--
-- It leaves TEMP objects for further queries (and for the tests):
--   maas_openai_usage               one row per bucket: month, at (the time
--                                   it was priced at), names, project, key,
--                                   requests, tokens (integers),
--                                   price_currency and price_cost (as
--                                   priced), currency and cost (as counted),
--                                   whatif_cost, reason (NULL if counted)
--   maas_openai_whatif_model        the what-if model
--   maas_openai_cost_by_month_model, maas_openai_totals,
--   maas_openai_cost_by_project_key, maas_openai_whatif_by_month,
--   maas_openai_unpriced            the sections, costs as exact TEXT
-- and the shell in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_openai_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_openai_totals;
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

-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
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
    FROM usage_export
   LIMIT -1 OFFSET 0),
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
           AS cached_tokens,
         @currency AS target
    FROM fields
   LIMIT -1 OFFSET 0),
priced AS (
  SELECT *,
         maas_cost_cached(priced_name, input_tokens, coalesce(cached_tokens, 0), output_tokens, 0,
                          coalesce(requests, 1), at) AS price_cost,
         coalesce(maas_currency(priced_name, at), maas_currency(priced_name)) AS price_currency,
         maas_cost((SELECT model FROM temp.maas_openai_whatif_model), input_tokens, output_tokens, at)
           AS whatif_price_cost,
         (SELECT coalesce(maas_currency(model, at), maas_currency(model))
            FROM temp.maas_openai_whatif_model) AS whatif_price_currency
    FROM exported
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN target IS NULL THEN price_cost
              ELSE maas_convert(price_cost, price_currency, target, at) END AS cost,
         CASE WHEN target IS NULL THEN whatif_price_cost
              ELSE maas_convert(whatif_price_cost, whatif_price_currency, target, at) END AS whatif_cost
    FROM priced
   LIMIT -1 OFFSET 0)
SELECT coalesce(maas_month(at, coalesce(@tz, '+08:00')), '(no time)') AS month,
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
       price_currency,
       price_cost,
       CASE WHEN cost IS NOT NULL THEN coalesce(target, price_currency) END AS currency,
       cost,
       CASE WHEN cost IS NOT NULL AND whatif_cost IS NOT NULL
                 AND coalesce(target, price_currency) = coalesce(target, whatif_price_currency)
            THEN whatif_cost END AS whatif_cost,
       -- the export's own tokens on @whatif_model, priced or not here: an
       -- export of OpenAI models alone has no actual cost at Xingchen prices
       whatif_cost AS whatif_all_cost,
       whatif_price_currency,
       target,
       CASE WHEN cost IS NOT NULL THEN NULL
            WHEN price_cost IS NOT NULL THEN 'no_fx_rate'
            WHEN logged_model IS NULL THEN 'no_model_name'
            WHEN priced_name IS NULL THEN
              CASE WHEN maas_unpriced(logged_model) = 'other_product'
                        OR maas_unpriced(substr(logged_model, instr(logged_model, '/') + 1)) = 'other_product'
                     THEN 'other_product' ELSE 'unknown_model' END
            WHEN input_tokens IS NULL OR output_tokens IS NULL THEN 'no_token_counts'
            WHEN at IS NULL THEN 'no_usable_time'
            ELSE coalesce(maas_unpriced(priced_name, at), 'no_price') END AS reason
  FROM counted;

CREATE TEMP VIEW maas_openai_cost_by_month_model AS
SELECT month, model, coalesce(currency, price_currency) AS currency, count(*) AS buckets,
       sum(requests) AS requests, count(*) - count(cost) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
       sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_openai_usage
 GROUP BY month, model, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_openai_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, count(*) AS buckets, sum(requests) AS requests,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_openai_usage WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, count(*), sum(requests), sum(input_tokens),
       sum(output_tokens), maas_total_text(price_cost)
  FROM temp.maas_openai_usage WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, count(*), sum(requests), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_openai_usage WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all buckets', NULL, NULL, count(*), sum(requests), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_openai_usage;

CREATE TEMP VIEW maas_openai_cost_by_project_key AS
SELECT month, project_id, api_key_id, coalesce(currency, price_currency) AS currency, count(*) AS buckets,
       sum(requests) AS requests, count(*) - count(cost) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
       sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_openai_usage
 GROUP BY month, project_id, api_key_id, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_openai_whatif_by_month AS
WITH parts AS (
  SELECT month, coalesce(target, whatif_price_currency) AS currency, 1 AS n,
         whatif_all_cost IS NOT NULL AS priced_whatif, whatif_all_cost AS whatif_all,
         whatif_cost IS NOT NULL AS compared,
         CASE WHEN whatif_cost IS NOT NULL THEN cost END AS actual, whatif_cost AS whatif,
         whatif_cost AS difference
    FROM temp.maas_openai_usage
  UNION ALL
  SELECT month, currency, 0, 0, NULL, 0, NULL, NULL, -cost
    FROM temp.maas_openai_usage WHERE whatif_cost IS NOT NULL)
SELECT month, currency,
       sum(n) AS buckets, sum(priced_whatif) AS priced_whatif, maas_total_text(whatif_all) AS whatif_all,
       sum(compared) AS compared,
       maas_total_text(actual) AS actual, maas_total_text(whatif) AS whatif,
       maas_total_text(difference) AS difference
  FROM parts, temp.maas_openai_whatif_model
 GROUP BY 1, 2;

CREATE TEMP VIEW maas_openai_unpriced AS
SELECT logged_model, maas_model(priced_name) AS model, reason,
       CASE WHEN reason = 'no_fx_rate' THEN price_currency END AS currency, count(*) AS buckets,
       sum(requests) AS requests, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
  FROM temp.maas_openai_usage
 WHERE reason IS NOT NULL
 GROUP BY logged_model, reason, 4;

.headers on
.mode box
.print '1. Cost by month and model, at Xingchen prices, in currency (cached_tokens are part of input_tokens)'
.width 0 0 0 -7 -8 -8 -12 -13 -13 -14
SELECT month, coalesce(model, '(none)') AS model, currency,
       buckets, requests, unpriced, input_tokens, cached_tokens, output_tokens,
       maas_round_text(cost, 6) AS cost
  FROM maas_openai_cost_by_month_model
 ORDER BY month, model COLLATE NOCASE, model, currency;
.width 0 0 0 -7 -8 -12 -13 -14
SELECT line, currency, reason, buckets, requests, input_tokens, output_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_openai_totals
 ORDER BY k, currency, buckets DESC, reason;

.print
.print '2. Cost by month and project_id, and by month and api_key_id'
.width 0 0 0 -7 -8 -8 -12 -13 -13 -14
SELECT month, coalesce(project_id, '(none)') AS project_id, currency,
       sum(buckets) AS buckets, sum(requests) AS requests, sum(unpriced) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
       sum(output_tokens) AS output_tokens, maas_total_text(cost, 6) AS cost
  FROM maas_openai_cost_by_project_key
 GROUP BY month, project_id, currency
 ORDER BY month, project_id IS NULL, project_id, currency;
.width 0 0 0 0 -7 -8 -8 -12 -13 -13 -14
SELECT month, coalesce(api_key_id, '(none)') AS api_key_id, coalesce(project_id, '(none)') AS project_id,
       currency, buckets, requests, unpriced, input_tokens, cached_tokens, output_tokens,
       maas_round_text(cost, 6) AS cost
  FROM maas_openai_cost_by_project_key
 ORDER BY month, api_key_id IS NULL, api_key_id, project_id, currency;

.print
.print "3. What-if: the export's tokens priced on another model (whatif_all), and where both have a price"
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
  FROM temp.maas_openai_whatif_model AS w;
.width 0 0 -7 -13 -14 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, currency, buckets, priced_whatif, whatif_all, compared, actual, whatif, difference
    FROM maas_openai_whatif_by_month
  UNION ALL
  SELECT 1, 'total', currency, sum(buckets), sum(priced_whatif), maas_total_text(whatif_all), sum(compared),
         maas_total_text(actual), maas_total_text(whatif), maas_total_text(difference)
    FROM maas_openai_whatif_by_month
   GROUP BY currency)
SELECT month, currency, buckets, priced_whatif, maas_round_text(coalesce(whatif_all, 0), 6) AS whatif_all, compared,
       maas_round_text(coalesce(actual, 0), 6) AS actual,
       maas_round_text(coalesce(whatif, 0), 6) AS whatif,
       CASE WHEN CAST(difference AS REAL) > 0 THEN '+' ELSE '' END || maas_round_text(coalesce(difference, 0), 6)
         AS difference,
       CASE WHEN CAST(actual AS REAL) > 0
            THEN printf('%+.1f%%', CAST(difference AS REAL) * 100.0 / CAST(actual AS REAL)) END AS change
  FROM report
 ORDER BY is_total, month, currency;

.print
.print '4. Coverage: the buckets left out of the totals above'
.width 0 0 0 0 -7 -8 -12 -13
SELECT logged_model AS model_exported, model, reason, currency, buckets, requests, input_tokens, output_tokens
  FROM maas_openai_unpriced
UNION ALL
SELECT '(none)', NULL, NULL, NULL, 0, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM maas_openai_unpriced)
 ORDER BY buckets DESC, model_exported, reason;
.width -7 -8 -8 -8
SELECT count(*) AS buckets,
       sum(requests) AS requests,
       count(cost) AS counted,
       count(*) - count(cost) AS left_out
  FROM temp.maas_openai_usage;
.width

-- whatif_by_month.sql - what a new-api or one-api usage log would have cost
-- on another model: the same requests, the same tokens, at the same times,
-- priced on @whatif_model, against what they did cost, per month.
--
-- For: the gateway's `logs` table (new-api or one-api schema).
--
--   sqlite3 -cmd '.load ./build/maas' new-api.db
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'
--   sqlite> .parameter set @currency "'CNY'"         -- optional
--   sqlite> .read sql/reports/whatif_by_month.sql
--
-- Parameters:
--   @tz            default '+08:00' (unset, or .parameter clear): the zone
--                  offset of the months, given as
--                  .parameter set @tz "'-05:00'" ('+08:00', '-05:00', '+0800',
--                  '+08', 'Z'; maas_month()).  Beijing time by default because
--                  the provider, iFlytek Xingchen, bills in it: a call at
--                  23:30 UTC on July 31 is on the August bill.  '+00:00' gives
--                  UTC months.
--   @whatif_model  default Qwen3-8B (see below)
--   @currency      default NULL: no conversion; a row is compared only when
--                  its actual cost and its what-if cost are in the same
--                  currency, and lines and totals are per currency.  Set
--                  (.parameter set @currency "'CNY'"): both costs of each row
--                  are converted to it with maas_convert() at the row's
--                  created_at, using the rates in maas_user_fx; a row with no
--                  rate in force is not compared (no_fx_rate).
--
-- @whatif_model is any name maas_model() knows: a published name in any
-- letter case ('qwen3-8b'), 'provider/model', or an alias.  Unset
-- (.parameter clear), it is Qwen3-8B; the first table says which model was
-- used, whether it was the default, and its current token prices.  A name
-- the price list does not know, or a model without token prices (Spark Mini,
-- Gemma2_9b_it), stops the report with an error naming @whatif_model.
--
-- Reads the gateway's `logs` table: created_at (unix seconds), type,
-- model_name, prompt_tokens, completion_tokens, and new-api's `other` JSON
-- for the served model (upstream_model_name when a channel mapped it, as in
-- cost_by_month_model.sql; model_name below is the served name); only type 2
-- (consume) rows count.  Months are those of @tz.  Both costs of a row use the prices in force at its
-- created_at.  A row is compared only when it has both costs in one currency:
-- a row without an actual price (unknown model, before the first price, ...;
-- listed by sql/reports/unpriced_usage.sql) is left out of both sides, so
-- actual is the total of cost_by_month_model.sql less any row the what-if
-- model could not price at that time.
--   currency        the currency of the compared costs (lines of rows not
--                   compared show the currency of their actual price)
--   requests        consume rows of the month
--   compared        rows priced both ways, the rows behind the three costs
--   actual          what the compared rows cost on the model they used
--   whatif          what they would have cost on @whatif_model
--   difference      whatif - actual: negative is a saving
--   change          the difference as a percentage of actual
-- A "total" line per currency ends the table; the last table counts the rows
-- not compared, per reason: maas_unpriced()'s codes for the actual model
-- (unknown_model, no_token_price, before_first_price, ...), the same prefixed
-- whatif_ for @whatif_model, no_model_name, no_token_counts, no_time,
-- no_fx_rate, and currency_differs (actual and what-if costs in two
-- currencies while @currency is unset).
-- The input and output prices of the what-if model are applied to the
-- logged prompt and completion tokens as they are: a different model would
-- have tokenized the same text differently, and answered at another length,
-- so this is an estimate of the price difference, not of the bill.
--
-- Sums are exact: maas_total_text() adds the costs (and the differences) as
-- the decimals they are and rounds once, half away from zero, to 6 places.
--
-- It leaves TEMP objects for further queries (and for the tests): the table
-- maas_whatif_model with the model used, the table maas_whatif_usage with
-- one row per consume row, and the views maas_whatif_by_month (actual,
-- whatif and difference per month and currency, as exact TEXT) and
-- maas_whatif_not_compared.  The shell is left in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_whatif_by_month;
DROP VIEW IF EXISTS temp.maas_whatif_not_compared;
DROP TABLE IF EXISTS temp.maas_whatif_usage;
DROP TABLE IF EXISTS temp.maas_whatif_model;
CREATE TEMP TABLE maas_whatif_model (
  given TEXT,
  is_default INTEGER,
  model TEXT
    CONSTRAINT "@whatif_model is not a model of the price list (see SELECT DISTINCT model FROM maas_rates)"
      CHECK (model IS NOT NULL),
  has_token_prices INTEGER
    CONSTRAINT "@whatif_model has no token prices: it is sold for training or deployment only"
      CHECK (model IS NULL OR has_token_prices));
INSERT INTO maas_whatif_model(given, is_default, model, has_token_prices)
SELECT given, is_default, maas_model(given),
       maas_price(given, 'input') IS NOT NULL AND maas_price(given, 'output') IS NOT NULL
  FROM (SELECT coalesce(@whatif_model, 'Qwen3-8B') AS given, @whatif_model IS NULL AS is_default);

-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.  A step copies
-- each text value it hands on, so month, used once, is computed in the last.
-- (served's instr() test: see cost_by_month_model.sql.)
CREATE TEMP TABLE maas_whatif_usage AS
WITH consumed AS (
  -- `other` is new-api's JSON text; one-api has no such column.  It is read
  -- through a lookup of the same row, so that a log without the column reads
  -- NULL from d instead of failing: a name inside a subquery that its own
  -- FROM lacks is looked up in the enclosing query.
  SELECT l.created_at, l.type, l.model_name, l.prompt_tokens, l.completion_tokens,
         (SELECT other FROM logs AS x WHERE x.rowid = l.rowid) AS other
    FROM logs AS l, (SELECT NULL AS other) AS d
   WHERE l.type = 2
   LIMIT -1 OFFSET 0),
served AS (
  -- The served model (see cost_by_month_model.sql): upstream_model_name when
  -- the channel mapped the requested model, read only from valid JSON text.
  SELECT created_at, type, prompt_tokens, completion_tokens,
         coalesce(CASE WHEN typeof(other) = 'text' AND instr(other, '"is_model_mapped"') > 0
                            AND json_valid(other) AND json_extract(other, '$.is_model_mapped') = 1
                            AND json_type(other, '$.upstream_model_name') = 'text'
                            AND json_extract(other, '$.upstream_model_name') <> ''
                       THEN json_extract(other, '$.upstream_model_name') END,
                  model_name) AS model_name
    FROM consumed
   LIMIT -1 OFFSET 0),
logged AS (
  SELECT l.model_name,
         l.created_at AS at,
         l.prompt_tokens,
         l.completion_tokens,
         w.model AS whatif_model,
         maas_cost(l.model_name, l.prompt_tokens, l.completion_tokens, l.created_at) AS actual_price_cost,
         coalesce(maas_currency(l.model_name, l.created_at), maas_currency(l.model_name)) AS actual_price_currency,
         maas_cost(w.model, l.prompt_tokens, l.completion_tokens, l.created_at) AS whatif_price_cost,
         coalesce(maas_currency(w.model, l.created_at), maas_currency(w.model)) AS whatif_price_currency,
         @currency AS target
    FROM served AS l, temp.maas_whatif_model AS w
   WHERE l.type = 2
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN target IS NULL THEN actual_price_cost
              ELSE maas_convert(actual_price_cost, actual_price_currency, target, at) END AS actual,
         CASE WHEN target IS NULL THEN whatif_price_cost
              ELSE maas_convert(whatif_price_cost, whatif_price_currency, target, at) END AS whatif
    FROM logged
   LIMIT -1 OFFSET 0),
checked AS (
  SELECT *,
         CASE WHEN actual IS NULL OR whatif IS NULL THEN NULL
              WHEN target IS NOT NULL THEN target
              WHEN actual_price_currency = whatif_price_currency THEN actual_price_currency END
           AS compared_currency
    FROM counted
   LIMIT -1 OFFSET 0)
SELECT maas_month(at, coalesce(@tz, '+08:00')) AS month, model_name, at, prompt_tokens, completion_tokens,
       whatif_model, actual_price_currency, actual_price_cost, whatif_price_currency, whatif_price_cost,
       coalesce(compared_currency, target, actual_price_currency, whatif_price_currency) AS currency,
       compared_currency IS NOT NULL AS compared,
       CASE WHEN compared_currency IS NOT NULL THEN actual END AS actual,
       CASE WHEN compared_currency IS NOT NULL THEN whatif END AS whatif,
       CASE WHEN compared_currency IS NOT NULL THEN NULL
            WHEN actual_price_cost IS NULL THEN
              CASE WHEN coalesce(model_name, '') = '' THEN 'no_model_name'
                   ELSE coalesce(maas_unpriced(model_name, at), maas_unpriced(model_name),
                                 CASE WHEN prompt_tokens IS NULL OR completion_tokens IS NULL
                                        THEN 'no_token_counts'
                                      WHEN at IS NULL THEN 'no_time' END,
                                 'no_price') END
            WHEN whatif_price_cost IS NULL THEN
              'whatif_' || coalesce(maas_unpriced(whatif_model, at), 'no_price')
            WHEN actual IS NULL OR whatif IS NULL THEN 'no_fx_rate'
            ELSE 'currency_differs' END AS reason
  FROM checked;

CREATE TEMP VIEW maas_whatif_by_month AS
WITH parts AS (
  SELECT month, currency, 1 AS n, compared, actual, whatif, whatif AS difference
    FROM temp.maas_whatif_usage
  UNION ALL
  SELECT month, currency, 0, 0, NULL, NULL, -actual
    FROM temp.maas_whatif_usage WHERE compared)
SELECT month, currency, sum(n) AS requests, sum(compared) AS compared,
       maas_total_text(actual) AS actual, maas_total_text(whatif) AS whatif,
       maas_total_text(difference) AS difference
  FROM parts
 GROUP BY month, currency;

CREATE TEMP VIEW maas_whatif_not_compared AS
SELECT reason, CASE WHEN reason IN ('no_fx_rate', 'currency_differs') THEN actual_price_currency END AS currency,
       count(*) AS requests, sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM temp.maas_whatif_usage
 WHERE NOT compared
 GROUP BY 1, 2;

.headers on
.mode box
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS input_per_1k,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'output' AND effective_to IS NULL) AS output_per_1k,
       (SELECT currency FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS currency
  FROM temp.maas_whatif_model AS w;
.width 0 0 -8 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, currency, requests, compared, actual, whatif, difference
    FROM maas_whatif_by_month
  UNION ALL
  SELECT 1, 'total', currency, sum(requests), sum(compared), maas_total_text(actual), maas_total_text(whatif),
         maas_total_text(difference)
    FROM maas_whatif_by_month
   GROUP BY currency)
SELECT month, currency, requests, compared,
       maas_round_text(actual, 6) AS actual,
       maas_round_text(whatif, 6) AS whatif,
       CASE WHEN maas_total(difference) > 0 THEN '+' ELSE '' END || maas_round_text(difference, 6) AS difference,
       CASE WHEN maas_total(actual) > 0
            THEN printf('%+.1f%%', maas_total(difference) * 100.0 / maas_total(actual)) END AS change
  FROM report
 GROUP BY is_total, month, currency
 ORDER BY is_total, month, currency;
.width 0 0 -8 -13 -17
SELECT reason, currency, requests, prompt_tokens, completion_tokens
  FROM maas_whatif_not_compared
 ORDER BY requests DESC, reason, currency;
.width

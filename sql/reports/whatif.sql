-- whatif.sql - what the calls of this database would have cost on another
-- model: the same calls, tokens and times priced on @whatif_model, beside
-- what they cost, per month.  Any database auto.sql recognises.
--
--   sqlite3 -cmd '.load ./build/maas' usage.db
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'
--   sqlite> .read sql/reports/whatif.sql
--
-- @whatif_model is any name maas_model() knows (a published name in any
-- letter case, 'provider/model', an alias); unset, Qwen3-8B.  A name no card
-- knows, or a model without token prices, stops the report with an error
-- naming @whatif_model.  @tz and @currency as in every report.
--
-- A call is compared when it is counted in the usage report (reason NULL)
-- and the what-if model has a price for it then, in the same currency: the
-- last table counts the others, per side ('actual' or 'whatif') and reason
-- (the codes of docs/usage/index.md).  The what-if prices are applied to the
-- tokens as logged: another model would have tokenized and answered
-- differently, so this estimates the price difference, not the bill.
--   compared    the calls priced both ways, behind the three costs
--   actual      what they cost on the model that served them
--   whatif      what they would have cost on @whatif_model
--   difference  whatif - actual (negative: a saving), exact
--
-- It leaves temp.maas_whatif_model, the view maas_whatif_by_month (costs as
-- exact TEXT) and maas_whatif_not_compared, besides temp.maas_usage.
.read sql/usage/begin.sql
.bail on
.read sql/sources/auto.sql
.read sql/usage/priced.sql
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
.bail off

-- One read of the database, as in every report (sql/usage/totals.sql).
DROP TABLE IF EXISTS temp.maas_whatif_totals;
CREATE TEMP TABLE maas_whatif_totals AS
WITH calls AS (
  SELECT month, currency, cost, reason, at, input_tokens, cached_input_tokens, output_tokens,
         cache_write_tokens, requests, (SELECT model FROM temp.maas_whatif_model) AS whatif_model,
         (SELECT currency FROM temp.maas_usage_settings) AS target
    FROM temp.maas_usage
   LIMIT -1 OFFSET 0),
whatif_priced AS (
  SELECT *,
         CASE WHEN reason IS NULL
              THEN maas_cost_cached(whatif_model, input_tokens, cached_input_tokens, output_tokens,
                                    cache_write_tokens, requests, at) END AS whatif_price_cost,
         coalesce(maas_currency(whatif_model, at), maas_currency(whatif_model)) AS whatif_price_currency
    FROM calls
   LIMIT -1 OFFSET 0),
whatif_counted AS (
  SELECT *,
         CASE WHEN target IS NULL THEN whatif_price_cost
              ELSE maas_convert(whatif_price_cost, whatif_price_currency, target, at) END AS whatif_cost,
         coalesce(target, whatif_price_currency) AS whatif_currency
    FROM whatif_priced
   LIMIT -1 OFFSET 0)
SELECT month, coalesce(currency, whatif_currency) AS currency,
       CASE WHEN reason IS NOT NULL THEN 'actual'
            WHEN whatif_cost IS NULL OR whatif_currency <> currency THEN 'whatif' END AS side,
       CASE WHEN reason IS NOT NULL THEN reason
            WHEN whatif_price_cost IS NOT NULL AND whatif_cost IS NULL THEN 'no_fx_rate'
            WHEN whatif_cost IS NULL THEN coalesce(maas_unpriced(whatif_model, at), 'no_token_counts')
            WHEN whatif_currency <> currency THEN 'currency_differs' END AS reason,
       count(*) AS calls,
       maas_total_text(cost) AS actual,
       maas_total_text(whatif_cost) AS whatif
  FROM whatif_counted
 GROUP BY 1, 2, 3, 4;

DROP VIEW IF EXISTS temp.maas_whatif_by_month;
CREATE TEMP VIEW maas_whatif_by_month AS
WITH compared AS (
  SELECT month, currency, sum(calls) AS calls, maas_total_text(actual) AS actual, maas_total_text(whatif) AS whatif
    FROM temp.maas_whatif_totals WHERE side IS NULL GROUP BY month, currency)
SELECT month, currency, calls AS compared, actual, whatif,
       (SELECT maas_total_text(v) FROM (SELECT whatif AS v UNION ALL
                                        SELECT CASE WHEN substr(actual, 1, 1) = '-' THEN substr(actual, 2)
                                                    ELSE '-' || actual END)) AS difference
  FROM compared;

DROP VIEW IF EXISTS temp.maas_whatif_not_compared;
CREATE TEMP VIEW maas_whatif_not_compared AS
SELECT side, reason, sum(calls) AS calls FROM temp.maas_whatif_totals WHERE side IS NOT NULL GROUP BY side, reason;

.headers on
.mode box
.width
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       maas_price(w.model, 'input') AS input_price, maas_price(w.model, 'output') AS output_price,
       maas_currency(w.model) AS currency
  FROM temp.maas_whatif_model AS w;
.width 0 0 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, currency, compared, actual, whatif, difference FROM maas_whatif_by_month
  UNION ALL
  SELECT 1, 'total', currency, sum(compared), maas_total_text(actual), maas_total_text(whatif),
         maas_total_text(difference)
    FROM maas_whatif_by_month GROUP BY currency)
SELECT month, currency, compared, maas_round_text(actual, 6) AS actual, maas_round_text(whatif, 6) AS whatif,
       CASE WHEN CAST(difference AS REAL) > 0 THEN '+' ELSE '' END || maas_round_text(difference, 6) AS difference,
       CASE WHEN CAST(actual AS REAL) > 0
            THEN printf('%+.1f%%', CAST(difference AS REAL) * 100.0 / CAST(actual AS REAL)) END AS change
  FROM report
 ORDER BY is_total, month, currency;
.width 0 0 -8
SELECT side, reason, calls FROM maas_whatif_not_compared
UNION ALL
SELECT '(none)', NULL, 0 WHERE NOT EXISTS (SELECT 1 FROM maas_whatif_not_compared)
 ORDER BY calls DESC, side, reason;
.width

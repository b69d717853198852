-- unpriced_usage.sql - the usage in a new-api or one-api log that sqlite-maas
-- could not price (or, with @currency, not convert), so that a cost report's
-- total is never silently short.
--
-- For: the gateway's `logs` table (new-api or one-api schema): created_at
-- (unix seconds), type, model_name, prompt_tokens, completion_tokens; only
-- type 2 (consume) rows count.
--
--   sqlite3 -cmd '.load ./build/maas' new-api.db '.read sql/reports/unpriced_usage.sql'
--
-- Parameters:
--   @currency   default NULL (unset): only the rows without a price are
--               listed.  Set (.parameter set @currency "'CNY'"), as for
--               cost_by_month_model.sql: the priced rows whose cost could not
--               be converted to it (no rate in maas_user_fx in force at their
--               created_at) are listed too, as no_fx_rate with their currency.
--
-- Lists, per model_name as logged and reason, the consume rows that
-- cost_by_month_model.sql and cost_by_user_key.sql leave out of their totals,
-- with their requests and tokens.  The reason is maas_unpriced()'s code where
-- the model has no price in force at created_at:
--   unknown_model       the price list has no model of that name (names are
--                       matched exactly, ignoring letter case; aliases such
--                       as Xingchen service IDs count); alias it
--                       (maas_user_aliases), price it (maas_user_rates) or
--                       fix the name at the gateway
--   other_product       a name of another product, such as the Spark API's
--                       gateway names ('Spark-Max', 'generalv3.5'), which is
--                       billed at other prices: never aliased to a MaaS model
--   no_token_price      the model is known but not sold per token (e.g.
--                       Spark Mini, only priced for deployment and training)
--   before_first_price  the model has token prices, but none was in force
--                       yet at created_at: the published list starts
--                       2025-07-08 05:25:00 UTC (13:25 Beijing time)
--   mixed_currency      its input and output prices are in two currencies
-- and otherwise this report's:
--   no_model_name       model_name is empty
--   no_token_counts     prompt_tokens or completion_tokens is NULL
--   no_time             created_at is NULL
--   no_fx_rate          priced, in currency, but no rate to @currency
-- One line says "(none)" when everything was counted.
.headers on
.mode box
.width 0 0 0 0 -8 -13 -17
WITH logged AS (
  SELECT model_name, created_at AS at, prompt_tokens, completion_tokens,
         maas_cost(model_name, prompt_tokens, completion_tokens, created_at) AS price_cost,
         coalesce(maas_currency(model_name, created_at), maas_currency(model_name)) AS price_currency,
         @currency AS target
    FROM logs
   WHERE type = 2),
unpriced AS (
  SELECT model_name,
         maas_model(model_name) AS model,
         CASE WHEN price_cost IS NOT NULL THEN 'no_fx_rate'
              WHEN coalesce(model_name, '') = '' THEN 'no_model_name'
              ELSE coalesce(maas_unpriced(model_name, at), maas_unpriced(model_name),
                            CASE WHEN prompt_tokens IS NULL OR completion_tokens IS NULL THEN 'no_token_counts'
                                 WHEN at IS NULL THEN 'no_time' END,
                            'no_price') END AS reason,
         CASE WHEN price_cost IS NOT NULL THEN price_currency END AS currency,
         prompt_tokens,
         completion_tokens
    FROM logged
   WHERE price_cost IS NULL
      OR (target IS NOT NULL AND maas_convert(price_cost, price_currency, target, at) IS NULL))
SELECT model_name, model, reason, currency, count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM unpriced
 GROUP BY model_name, reason, currency
UNION ALL
SELECT '(none)', NULL, NULL, NULL, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM unpriced)
 ORDER BY requests DESC, model_name;
.width

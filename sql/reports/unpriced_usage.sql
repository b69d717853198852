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
-- model_name is the served model: new-api's upstream_model_name when a
-- channel mapped the request (read from `other`, as in
-- cost_by_month_model.sql), with the name asked for in requested.
-- Lists, per served model name and reason, the consume rows that
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
.width 0 0 0 0 0 -8 -13 -17
-- Each step of the WITH below but the last ends in LIMIT -1 OFFSET 0 (the
-- last, unpriced, is read twice, so SQLite materializes it once): SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
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
  -- the channel mapped the requested model, read only from valid JSON text
  -- that names is_model_mapped at all (the instr() test).
  SELECT created_at, type, prompt_tokens, completion_tokens, model_name AS requested_name,
         coalesce(CASE WHEN typeof(other) = 'text' AND instr(other, '"is_model_mapped"') > 0
                            AND json_valid(other) AND json_extract(other, '$.is_model_mapped') = 1
                            AND json_type(other, '$.upstream_model_name') = 'text'
                            AND json_extract(other, '$.upstream_model_name') <> ''
                       THEN json_extract(other, '$.upstream_model_name') END,
                  model_name) AS model_name
    FROM consumed
   LIMIT -1 OFFSET 0),
logged AS (
  SELECT model_name, requested_name, created_at AS at, prompt_tokens, completion_tokens,
         maas_cost(model_name, prompt_tokens, completion_tokens, created_at) AS price_cost,
         coalesce(maas_currency(model_name, created_at), maas_currency(model_name)) AS price_currency,
         @currency AS target
    FROM served
   LIMIT -1 OFFSET 0),
unpriced AS (
  SELECT model_name,
         CASE WHEN requested_name IS NOT model_name THEN requested_name END AS requested,
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
SELECT model_name, coalesce(requested, '') AS requested, model, reason, currency, count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM unpriced
 GROUP BY model_name, requested, reason, currency
UNION ALL
SELECT '(none)', '', NULL, NULL, NULL, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM unpriced)
 ORDER BY requests DESC, model_name;
.width

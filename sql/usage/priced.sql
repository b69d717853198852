-- priced.sql - the one pricing step: temp.maas_usage, every call of
-- temp.maas_usage_source (the adapter's rows, sql/sources/) with its cost.
--
--   .read sql/sources/litellm.sql
--   .read sql/usage/priced.sql
--   SELECT month, priced_model, currency, maas_total_text(cost) FROM maas_usage GROUP BY 1, 2, 3;
--
-- Its columns are documented once, in docs/tables/maas_usage.md; the reason
-- codes in docs/usage/index.md.  It is a TEMP view: a query of it prices the
-- rows then; a report reads it once, in one statement (report.sql), so that
-- every section of the report comes from one snapshot of the database.
--
-- Parameters (read when this file is): @tz, the UTC offset of the months (default '+08:00', where the
-- provider bills); @currency, the currency to convert every cost to at the
-- call's time (maas_convert, with maas_user_fx; default none: each cost stays
-- in the currency of its prices, and totals are per currency).
--
-- The steps that compute (source, priced) end in LIMIT -1 OFFSET 0: SQLite
-- never flattens such a subquery into the query reading it, so each column
-- is computed once per row; flattened, every use of price_cost would price
-- the row again.  checked is flattened into priced: counts_ok is used once.
-- The ctest reports:priced_once counts the calls.
-- A view cannot read parameters: they are kept in temp.maas_usage_settings,
-- as they were when this file was read.
DROP TABLE IF EXISTS temp.maas_usage_settings;
CREATE TEMP TABLE maas_usage_settings AS SELECT coalesce(@tz, '+08:00') AS tz, @currency AS currency;
DROP VIEW IF EXISTS temp.maas_usage;
CREATE TEMP VIEW maas_usage AS
WITH source AS (
  -- The adapter's rows, each column computed once: an adapter's expression
  -- (a JSON read, maas_instant) would otherwise be copied into every use.
  SELECT * FROM temp.maas_usage_source
   LIMIT -1 OFFSET 0),
checked AS (
  SELECT *,
         -- The name priced: the served model; when no card knows it and it
         -- carries a gateway's provider prefix ('openai/xdeepseekv3', as
         -- LiteLLM and Langfuse log), the part after the first '/' if a card
         -- knows that, or it names another product (then the reason says so).
         CASE WHEN instr(served_model, '/') > 0 AND maas_model(served_model) IS NULL
                   AND coalesce(maas_unpriced(substr(served_model, instr(served_model, '/') + 1)), '')
                       <> 'unknown_model'
              THEN substr(served_model, instr(served_model, '/') + 1) ELSE served_model END AS priced_name,
         -- Counts maas_cost_cached accepts: whole, not negative, the cached
         -- and written parts within the input.
         typeof(input_tokens) = 'integer' AND typeof(cached_input_tokens) = 'integer'
           AND typeof(cache_write_tokens) = 'integer' AND typeof(output_tokens) = 'integer'
           AND typeof(requests) = 'integer'
           AND cached_input_tokens >= 0 AND cache_write_tokens >= 0 AND output_tokens >= 0 AND requests >= 0
           AND cached_input_tokens + cache_write_tokens <= input_tokens AS counts_ok
    FROM source),
priced AS (
  SELECT *,
         CASE WHEN counts_ok THEN maas_cost_cached(priced_name, input_tokens, cached_input_tokens, output_tokens,
                                                   cache_write_tokens, requests, at) END AS price_cost,
         coalesce(maas_currency(priced_name, at), maas_currency(priced_name)) AS price_currency,
         (SELECT currency FROM temp.maas_usage_settings) AS target
    FROM checked
   LIMIT -1 OFFSET 0)
-- The columns below are not computed unless read: a query that does not
-- select month or priced_model does not pay for them.
SELECT source, source_id, at, model, served_model, input_tokens, cached_input_tokens, cache_write_tokens,
       output_tokens, requests, user_name, key_name, project_name, recorded_cost, recorded_currency, usage_json,
       maas_month(at, (SELECT tz FROM temp.maas_usage_settings)) AS month,
       priced_name,
       coalesce(maas_model(priced_name), priced_name) AS priced_model,
       price_currency,
       price_cost,
       CASE WHEN target IS NULL THEN CASE WHEN price_cost IS NOT NULL THEN price_currency END
            WHEN maas_convert(price_cost, price_currency, target, at) IS NOT NULL THEN target END AS currency,
       CASE WHEN target IS NULL THEN price_cost
            ELSE maas_convert(price_cost, price_currency, target, at) END AS cost,
       -- The tool's own cost in @currency, when set, at the call's time:
       -- what the report compares with the card's (NULL without a rate).
       CASE WHEN target IS NOT NULL AND recorded_cost IS NOT NULL
            THEN maas_convert(recorded_cost, recorded_currency, target, at) END AS recorded_converted,
       -- The first reason that applies, in the order of docs/usage/index.md.
       CASE WHEN price_cost IS NOT NULL
              THEN CASE WHEN target IS NULL OR maas_convert(price_cost, price_currency, target, at) IS NOT NULL
                        THEN NULL ELSE 'no_fx_rate' END
            WHEN coalesce(served_model, '') = '' THEN 'no_model_name'
            WHEN maas_unpriced(priced_name) IN ('unknown_model', 'other_product') THEN maas_unpriced(priced_name)
            WHEN input_tokens IS NULL OR cached_input_tokens IS NULL OR cache_write_tokens IS NULL
                 OR output_tokens IS NULL OR requests IS NULL THEN 'no_token_counts'
            WHEN NOT counts_ok THEN 'bad_token_counts'
            WHEN at IS NULL THEN 'no_time'
            ELSE coalesce(maas_unpriced(priced_name, at, input_tokens, output_tokens), 'no_price') END AS reason
  FROM priced;

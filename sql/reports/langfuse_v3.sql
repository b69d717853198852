-- langfuse_v3.sql - what the LLM generations recorded by Langfuse v3 (its
-- ClickHouse `observations`, exported and imported into SQLite) cost at
-- iFlytek Xingchen MaaS prices: by month and model, and the usage left out,
-- and why.  For Langfuse v2 (Postgres, model / prompt_tokens /
-- completion_tokens columns) use langfuse.sql.
--
--   clickhouse-client --query "SELECT id, trace_id, project_id, type, start_time,
--       provided_model_name, usage_details FROM observations FORMAT TSVWithNames" > obs.tsv
--   sqlite3 -cmd '.load ./build/maas' langfuse.db
--   sqlite> .import --tsv obs.tsv observations
--   sqlite> .parameter set @currency "'CNY'"            -- optional
--   sqlite> .read sql/reports/langfuse_v3.sql
--
-- Parameters:
--   @currency      default NULL: no conversion, a total per currency.  Set:
--                  each cost converted with maas_convert() at its
--                  start_time (rates in maas_user_fx); a generation with no
--                  rate in force is listed as not converted (no_fx_rate).
--   @tz            default '+08:00': the zone offset of the months
--                  (.parameter set @tz "'-05:00'"; maas_month()).  Beijing
--                  time because the provider, iFlytek Xingchen, bills in it.
--
-- Reads `observations`: id, trace_id, type, start_time, provided_model_name,
-- usage_details (checked first: without them the report stops with one line).
-- What is assumed about Langfuse v3 (checked in langfuse/langfuse: the
-- ClickHouse observations columns provided_model_name, usage_details,
-- provided_usage_details, cost_details; its own usage queries add the keys of
-- usage_details that contain 'input' as input usage):
--   usage       is on rows of type 'GENERATION'; other rows are counted, not
--               priced.  usage_details is what Langfuse kept after its own
--               mapping (provided_usage_details is what the SDK sent), a
--               Map printed by ClickHouse as {'input':1000,'output':500,
--               'total':1500}, or JSON.  The Map text is turned into JSON
--               (single quotes to double quotes: Map keys hold no quotes)
--               and priced with maas_usage_cost(), which bills its input and
--               output ('total' is their sum, never added again).
--               Cache keys (input_cached_tokens, input_cache_read, ...) are
--               parts of the input that maas_usage_cost bills at the model's
--               cached-input price (the input price where it has none).
--   model       provided_model_name, the name the application sent, looked up
--               with maas_model() (published names in any case, aliases such
--               as 'xdeepseekv3'); internal_model_id (Langfuse's own model
--               definition) is not read.
--   NULL        the export writes \N: read as NULL in every column read.
--   time        start_time, UTC ('2025-08-01 12:34:56.789' as ClickHouse
--               prints DateTime64(3)); months are @tz's.
-- Reasons a generation is left out: no_model_name, unknown_model,
-- other_product, no_usage (usage_details empty, \N, not readable, or without
-- input and output), no_usable_time, maas_unpriced()'s no_token_price,
-- before_first_price, mixed_currency, and no_fx_rate.
--
-- Costs are exact: maas_total_text() adds each cost as the decimal it is and
-- rounds once, half away from zero, to the 6 places shown.  It leaves TEMP
-- objects: maas_langfuse_v3_usage (one row per GENERATION), the views
-- maas_langfuse_v3_cost_by_month_model and maas_langfuse_v3_totals (costs as
-- exact TEXT), and the shell in `.mode box` with headers.
.bail on
DROP TABLE IF EXISTS temp.maas_report_check;
CREATE TEMP TABLE maas_report_check (ok INTEGER
  CONSTRAINT "langfuse_v3.sql is for Langfuse v3 (ClickHouse observations with type, start_time, provided_model_name, usage_details); for Langfuse v2 use langfuse.sql"
    CHECK (ok));
INSERT INTO temp.maas_report_check
SELECT count(*) = 5 FROM pragma_table_info('observations')
 WHERE name IN ('id', 'type', 'start_time', 'provided_model_name', 'usage_details');
DROP TABLE temp.maas_report_check;
.bail off
DROP VIEW IF EXISTS temp.maas_langfuse_v3_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_langfuse_v3_totals;
DROP TABLE IF EXISTS temp.maas_langfuse_v3_usage;

-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
CREATE TEMP TABLE maas_langfuse_v3_usage AS
WITH recorded AS (
  SELECT id,
         nullif(type, '\N') AS type,
         strftime('%Y-%m-%d %H:%M:%f', nullif(start_time, '\N')) AS at,
         nullif(nullif(provided_model_name, '\N'), '') AS logged_model,
         nullif(nullif(usage_details, '\N'), '') AS usage_text,
         @currency AS target
    FROM observations
   LIMIT -1 OFFSET 0),
read AS (
  SELECT *,
         CASE WHEN maas_model(logged_model) IS NOT NULL THEN logged_model
              WHEN instr(logged_model, '/') > 0
                   AND maas_model(substr(logged_model, instr(logged_model, '/') + 1)) IS NOT NULL
                THEN substr(logged_model, instr(logged_model, '/') + 1) END AS priced_name,
         CASE WHEN typeof(usage_text) <> 'text' THEN NULL
              WHEN json_valid(usage_text) THEN usage_text
              WHEN json_valid(replace(usage_text, '''', '"')) THEN replace(usage_text, '''', '"') END AS usage_json
    FROM recorded
   WHERE type = 'GENERATION'
   LIMIT -1 OFFSET 0),
priced AS (
  SELECT *,
         maas_usage_tokens(usage_json, 'input') AS input_tokens,
         maas_usage_tokens(usage_json, 'output') AS output_tokens,
         CASE WHEN at IS NOT NULL THEN maas_usage_cost(priced_name, usage_json, at) END AS price_cost,
         coalesce(maas_currency(priced_name, at), maas_currency(priced_name)) AS price_currency
    FROM read
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN target IS NULL THEN price_cost
              ELSE maas_convert(price_cost, price_currency, target, at) END AS cost
    FROM priced
   LIMIT -1 OFFSET 0)
SELECT id, coalesce(maas_month(at, coalesce(@tz, '+08:00')), '(no time)') AS month, at, logged_model, priced_name,
       coalesce(maas_model(priced_name), logged_model) AS model, usage_text, input_tokens, output_tokens,
       price_currency, price_cost,
       CASE WHEN cost IS NOT NULL THEN coalesce(target, price_currency) END AS currency,
       cost,
       CASE WHEN cost IS NOT NULL THEN NULL
            WHEN price_cost IS NOT NULL THEN 'no_fx_rate'
            WHEN logged_model IS NULL THEN 'no_model_name'
            WHEN priced_name IS NULL THEN
              CASE WHEN maas_unpriced(logged_model) = 'other_product' THEN 'other_product' ELSE 'unknown_model' END
            WHEN input_tokens IS NULL OR output_tokens IS NULL THEN 'no_usage'
            WHEN at IS NULL THEN 'no_usable_time'
            ELSE coalesce(maas_unpriced(priced_name, at), 'no_price') END AS reason
  FROM counted;

CREATE TEMP VIEW maas_langfuse_v3_cost_by_month_model AS
SELECT month, model, coalesce(currency, price_currency) AS currency, count(*) AS generations,
       count(*) - count(cost) AS unpriced, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
       maas_total_text(cost) AS cost
  FROM temp.maas_langfuse_v3_usage
 GROUP BY month, model, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_langfuse_v3_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, count(*) AS generations,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_langfuse_v3_usage WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, count(*), sum(input_tokens), sum(output_tokens),
       maas_total_text(price_cost)
  FROM temp.maas_langfuse_v3_usage WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, count(*), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_langfuse_v3_usage WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all generations', NULL, NULL, count(*), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_langfuse_v3_usage;

.headers on
.mode box
.print '1. Cost of the generations by month and model, at Xingchen prices, in currency'
.width 0 0 0 -11 -8 -12 -13 -14
SELECT month, coalesce(model, '(none)') AS model, currency, generations, unpriced, input_tokens, output_tokens,
       maas_round_text(cost, 6) AS cost
  FROM maas_langfuse_v3_cost_by_month_model
 ORDER BY month, model COLLATE NOCASE, model, currency;
.width 0 0 0 -11 -12 -13 -14
SELECT line, currency, reason, generations, input_tokens, output_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_langfuse_v3_totals
 ORDER BY k, currency, generations DESC, reason;
.print
.print '2. Coverage: the generations left out of the totals above (and the other observations)'
.width 0 0 0 0 -11
SELECT coalesce(logged_model, '') AS model_recorded, coalesce(maas_model(priced_name), '') AS model, reason,
       coalesce(CASE WHEN reason = 'no_fx_rate' THEN price_currency END, '') AS currency, count(*) AS generations
  FROM temp.maas_langfuse_v3_usage WHERE reason IS NOT NULL
 GROUP BY 1, 2, 3, 4
UNION ALL
SELECT '(none)', '', '', '', 0 WHERE NOT EXISTS (SELECT 1 FROM temp.maas_langfuse_v3_usage WHERE reason IS NOT NULL)
 ORDER BY generations DESC, model_recorded, reason;
.width -11 -8 -8 -12
SELECT (SELECT count(*) FROM temp.maas_langfuse_v3_usage) AS generations,
       (SELECT count(cost) FROM temp.maas_langfuse_v3_usage) AS counted,
       (SELECT count(*) - count(cost) FROM temp.maas_langfuse_v3_usage) AS left_out,
       (SELECT count(*) FROM observations WHERE type <> 'GENERATION') AS other_rows;
.width

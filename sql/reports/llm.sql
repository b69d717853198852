-- llm.sql - what the prompts logged by simonw/llm (the `llm` CLI) in its
-- logs.db cost at iFlytek Xingchen MaaS prices: by month and model, and the
-- responses left out, and why.
--
--   sqlite3 -cmd '.load ./build/maas' "$(llm logs path)"
--   sqlite> .parameter set @currency "'CNY'"            -- optional
--   sqlite> .read sql/reports/llm.sql
-- (open a copy, or 'file:logs.db?mode=ro' with your aliases in an attached
-- database: sql/user_tables.sql)
--
-- Parameters:
--   @currency      default NULL: no conversion, a total per currency.  Set:
--                  each cost converted with maas_convert() at its
--                  datetime_utc (rates in maas_user_fx); a response with no
--                  rate in force is listed as not converted (no_fx_rate).
--   @tz            default '+08:00': the zone offset of the months
--                  (.parameter set @tz "'+00:00'"; maas_month()).  Beijing
--                  time because the provider, iFlytek Xingchen, bills in it.
--
-- Reads `responses`: id, model, datetime_utc, input_tokens, output_tokens,
-- response_json (checked first: without them the report stops with one
-- line).  Checked in simonw/llm's llm/migrations.py (commit 0205bec5):
-- m010_create_new_log_tables creates responses (id, model, prompt, system,
-- prompt_json, options_json, response, response_json, conversation_id,
-- duration_ms, datetime_utc), m013_usage adds input_tokens, output_tokens,
-- token_details, m019_resolved_model adds resolved_model; the newest
-- migration there, m022_parts_table, adds `parts` (message parts, no usage).
-- No `turns` table exists there, so none is read.
--   model       the model that served the call: response_json's "model"
--               (what the provider answered with) when response_json is
--               valid JSON and has one, else `model`, the id the user
--               configured in llm (often an id of their own, such as
--               'xingchen-r1': map it with INSERT INTO
--               maas_user_aliases(alias, model) VALUES ('xingchen-r1',
--               'DeepSeek-R1')).  resolved_model (newer llm) is not read.
--               The name is looked up with maas_model() (published names in
--               any case, aliases such as 'xdeepseekr1', the user's).
--   tokens      input_tokens and output_tokens, billed as input and output
--               (token_details holds details only, and is not added).
--   time        datetime_utc, ISO text such as
--               2025-08-01T10:00:00.123456+00:00; months are @tz's.
-- Reasons a response is left out: no_model_name, unknown_model,
-- other_product (e.g. 'Spark-Max', the Spark API), no_token_counts
-- (input_tokens or output_tokens NULL), no_usable_time, maas_unpriced()'s
-- no_token_price, before_first_price, mixed_currency, and no_fx_rate.
--
-- Costs are exact: maas_total_text() adds each cost as the decimal it is and
-- rounds once, half away from zero, to the 6 places shown.  It leaves TEMP
-- objects: maas_llm_usage (one row per response), the views
-- maas_llm_cost_by_month_model and maas_llm_totals (costs as exact TEXT),
-- and the shell in `.mode box` with headers.
.bail on
DROP TABLE IF EXISTS temp.maas_report_check;
CREATE TEMP TABLE maas_report_check (ok INTEGER
  CONSTRAINT "llm.sql is for simonw/llm's logs.db (table responses with model, datetime_utc, input_tokens, output_tokens, response_json, as llm writes since its migration m013_usage)"
    CHECK (ok));
INSERT INTO temp.maas_report_check
SELECT count(*) = 6 FROM pragma_table_info('responses')
 WHERE name IN ('id', 'model', 'datetime_utc', 'input_tokens', 'output_tokens', 'response_json');
DROP TABLE temp.maas_report_check;
.bail off
DROP VIEW IF EXISTS temp.maas_llm_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_llm_totals;
DROP TABLE IF EXISTS temp.maas_llm_usage;

-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
CREATE TEMP TABLE maas_llm_usage AS
WITH logged AS (
  SELECT id,
         strftime('%Y-%m-%d %H:%M:%f', datetime_utc) AS at,
         nullif(model, '') AS configured_model,
         nullif(CASE WHEN json_valid(response_json) THEN json_extract(response_json, '$.model') END, '') AS served_model,
         input_tokens, output_tokens,
         @currency AS target
    FROM responses
   LIMIT -1 OFFSET 0),
read AS (
  SELECT *, coalesce(served_model, configured_model) AS logged_model
    FROM logged
   LIMIT -1 OFFSET 0),
priced AS (
  SELECT *,
         CASE WHEN maas_model(logged_model) IS NOT NULL THEN logged_model END AS priced_name,
         CASE WHEN at IS NOT NULL AND maas_model(logged_model) IS NOT NULL
                   AND input_tokens IS NOT NULL AND output_tokens IS NOT NULL
                THEN maas_cost(logged_model, input_tokens, output_tokens, at) END AS price_cost,
         coalesce(maas_currency(logged_model, at), maas_currency(logged_model)) AS price_currency
    FROM read
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN target IS NULL THEN price_cost
              ELSE maas_convert(price_cost, price_currency, target, at) END AS cost
    FROM priced
   LIMIT -1 OFFSET 0)
SELECT id, coalesce(maas_month(at, coalesce(@tz, '+08:00')), '(no time)') AS month, at,
       configured_model, served_model, logged_model, priced_name,
       coalesce(maas_model(priced_name), logged_model) AS model, input_tokens, output_tokens,
       price_currency, price_cost,
       CASE WHEN cost IS NOT NULL THEN coalesce(target, price_currency) END AS currency,
       cost,
       CASE WHEN cost IS NOT NULL THEN NULL
            WHEN price_cost IS NOT NULL THEN 'no_fx_rate'
            WHEN logged_model IS NULL THEN 'no_model_name'
            WHEN priced_name IS NULL THEN
              CASE WHEN maas_unpriced(logged_model) = 'other_product' THEN 'other_product' ELSE 'unknown_model' END
            WHEN input_tokens IS NULL OR output_tokens IS NULL THEN 'no_token_counts'
            WHEN at IS NULL THEN 'no_usable_time'
            ELSE coalesce(maas_unpriced(priced_name, at), 'no_price') END AS reason
  FROM counted;

CREATE TEMP VIEW maas_llm_cost_by_month_model AS
SELECT month, model, coalesce(currency, price_currency) AS currency, count(*) AS responses,
       count(*) - count(cost) AS unpriced, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
       maas_total_text(cost) AS cost
  FROM temp.maas_llm_usage
 GROUP BY month, model, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_llm_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, count(*) AS responses,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_llm_usage WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, count(*), sum(input_tokens), sum(output_tokens),
       maas_total_text(price_cost)
  FROM temp.maas_llm_usage WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, count(*), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_llm_usage WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all responses', NULL, NULL, count(*), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_llm_usage;

.headers on
.mode box
.print '1. Cost of the llm responses by month and model, at Xingchen prices, in currency'
.width 0 0 0 -9 -8 -12 -13 -14
SELECT month, coalesce(model, '(none)') AS model, currency, responses, unpriced, input_tokens, output_tokens,
       maas_round_text(cost, 6) AS cost
  FROM maas_llm_cost_by_month_model
 ORDER BY month, model COLLATE NOCASE, model, currency;
.width 0 0 0 -9 -12 -13 -14
SELECT line, currency, reason, responses, input_tokens, output_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_llm_totals
 ORDER BY k, currency, responses DESC, reason;
.print
.print '2. Coverage: the responses left out of the totals above'
.width 0 0 0 0 0 -9
SELECT coalesce(configured_model, '') AS model_configured, coalesce(served_model, '') AS model_served,
       coalesce(maas_model(priced_name), '') AS model, reason,
       coalesce(CASE WHEN reason = 'no_fx_rate' THEN price_currency END, '') AS currency, count(*) AS responses
  FROM temp.maas_llm_usage WHERE reason IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT '(none)', '', '', '', '', 0 WHERE NOT EXISTS (SELECT 1 FROM temp.maas_llm_usage WHERE reason IS NOT NULL)
 ORDER BY responses DESC, model_configured, model_served, reason;
.width -9 -8 -8
SELECT (SELECT count(*) FROM temp.maas_llm_usage) AS responses,
       (SELECT count(cost) FROM temp.maas_llm_usage) AS counted,
       (SELECT count(*) - count(cost) FROM temp.maas_llm_usage) AS left_out;
.width

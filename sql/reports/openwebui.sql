-- openwebui.sql - what the chats recorded by Open WebUI in its webui.db
-- (table chat_message) cost at iFlytek Xingchen MaaS prices: by month and
-- model, and the assistant messages left out, and why.
--
--   sqlite3 -cmd '.load ./build/maas' 'file:webui.db?mode=ro'
--   sqlite> .parameter set @currency "'CNY'"            -- optional
--   sqlite> .read sql/reports/openwebui.sql
-- (webui.db is in Open WebUI's DATA_DIR, backend/data/ by default; with a
-- read-only database keep your aliases in an attached one:
-- sql/user_tables.sql)
--
-- Parameters:
--   @currency      default NULL: no conversion, a total per currency.  Set:
--                  each cost converted with maas_convert() at its created_at
--                  (rates in maas_user_fx); a message with no rate in force
--                  is listed as not converted (no_fx_rate).
--   @tz            default '+08:00': the zone offset of the months
--                  (.parameter set @tz "'+00:00'"; maas_month()).  Beijing
--                  time because the provider, iFlytek Xingchen, bills in it.
--
-- Reads `chat_message`: id, role, model_id, usage, created_at (checked
-- first: without them the report stops with one line).  Checked in
-- open-webui/open-webui, backend/open_webui/models/chat_messages.py (commit
-- 84a01b84): the table chat_message has id, chat_id, user_id, role, ...,
-- model_id (for assistant messages), usage (JSON), created_at and
-- updated_at (BigInteger); its own token analytics read the assistant rows
-- with a model_id and a usage, and sum usage's input_tokens and
-- output_tokens.  Older Open WebUI keeps messages only in chat.chat (JSON):
-- not read here.
--   rows        the messages with role 'assistant' (a user or system message
--               is not usage: counted, not priced).
--   model       model_id, looked up with maas_model() (published names in
--               any case, aliases such as 'xdeepseekr1', the user's in
--               maas_user_aliases).  An id Open WebUI prefixed with the
--               connection's prefix ('xingchen.xdeepseekr1'): when the whole
--               id is not a model and the part after its first '.' is, that
--               part is priced.
--   usage       the JSON Open WebUI stored, priced with maas_usage_cost(),
--               which bills Open WebUI's merged usage by its input_tokens and
--               output_tokens (the turn's sums over its tool calls), not the
--               last call's prompt_tokens/completion_tokens; a plain OpenAI
--               {prompt_tokens, completion_tokens} is billed as it is.
--               Streaming without the usage capability stores none: NULL,
--               empty, or without input and output counts is 'no_usage'.
--   time        created_at, unix seconds (milliseconds, above 10^10, are
--               divided by 1000 as Open WebUI itself does); months are @tz's.
-- Reasons a message is left out: no_model_name, unknown_model,
-- other_product (e.g. 'Spark-Max', the Spark API), no_usage,
-- no_usable_time, maas_unpriced()'s no_token_price, before_first_price,
-- mixed_currency, and no_fx_rate.
--
-- Costs are exact: maas_total_text() adds each cost as the decimal it is and
-- rounds once, half away from zero, to the 6 places shown.  It leaves TEMP
-- objects: maas_openwebui_usage (one row per assistant message), the views
-- maas_openwebui_cost_by_month_model and maas_openwebui_totals (costs as
-- exact TEXT), and the shell in `.mode box` with headers.
.bail on
DROP TABLE IF EXISTS temp.maas_report_check;
CREATE TEMP TABLE maas_report_check (ok INTEGER
  CONSTRAINT "openwebui.sql is for Open WebUI's webui.db with the chat_message table (id, role, model_id, usage, created_at); older versions keep chats in chat.chat only"
    CHECK (ok));
INSERT INTO temp.maas_report_check
SELECT count(*) = 5 FROM pragma_table_info('chat_message')
 WHERE name IN ('id', 'role', 'model_id', 'usage', 'created_at');
DROP TABLE temp.maas_report_check;
.bail off
DROP VIEW IF EXISTS temp.maas_openwebui_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_openwebui_totals;
DROP TABLE IF EXISTS temp.maas_openwebui_usage;

-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
CREATE TEMP TABLE maas_openwebui_usage AS
WITH logged AS (
  SELECT id,
         CASE WHEN typeof(created_at) IN ('integer', 'real')
                THEN strftime('%Y-%m-%d %H:%M:%f',
                              CASE WHEN created_at > 10000000000 THEN created_at / 1000.0 ELSE created_at END,
                              'unixepoch') END AS at,
         nullif(model_id, '') AS logged_model,
         CASE WHEN json_valid(usage) THEN usage END AS usage_json,
         usage AS usage_text,
         @currency AS target
    FROM chat_message
   WHERE role = 'assistant'
   LIMIT -1 OFFSET 0),
read AS (
  SELECT *,
         CASE WHEN maas_model(logged_model) IS NOT NULL THEN logged_model
              WHEN instr(logged_model, '.') > 0
                   AND maas_model(substr(logged_model, instr(logged_model, '.') + 1)) IS NOT NULL
                THEN substr(logged_model, instr(logged_model, '.') + 1) END AS priced_name,
         maas_usage_tokens(usage_json, 'input') AS input_tokens,
         maas_usage_tokens(usage_json, 'output') AS output_tokens
    FROM logged
   LIMIT -1 OFFSET 0),
priced AS (
  SELECT *,
         CASE WHEN at IS NOT NULL AND input_tokens IS NOT NULL AND output_tokens IS NOT NULL
                THEN maas_usage_cost(priced_name, usage_json, at) END AS price_cost,
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
              CASE WHEN 'other_product' IN (maas_unpriced(logged_model),
                                            maas_unpriced(substr(logged_model, instr(logged_model, '.') + 1)))
                THEN 'other_product' ELSE 'unknown_model' END
            WHEN input_tokens IS NULL OR output_tokens IS NULL THEN 'no_usage'
            WHEN at IS NULL THEN 'no_usable_time'
            ELSE coalesce(maas_unpriced(priced_name, at), 'no_price') END AS reason
  FROM counted;

CREATE TEMP VIEW maas_openwebui_cost_by_month_model AS
SELECT month, model, coalesce(currency, price_currency) AS currency, count(*) AS messages,
       count(*) - count(cost) AS unpriced, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
       maas_total_text(cost) AS cost
  FROM temp.maas_openwebui_usage
 GROUP BY month, model, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_openwebui_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, count(*) AS messages,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_openwebui_usage WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, count(*), sum(input_tokens), sum(output_tokens),
       maas_total_text(price_cost)
  FROM temp.maas_openwebui_usage WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, count(*), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_openwebui_usage WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all messages', NULL, NULL, count(*), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_openwebui_usage;

.headers on
.mode box
.print '1. Cost of the Open WebUI assistant messages by month and model, at Xingchen prices, in currency'
.width 0 0 0 -8 -8 -12 -13 -14
SELECT month, coalesce(model, '(none)') AS model, currency, messages, unpriced, input_tokens, output_tokens,
       maas_round_text(cost, 6) AS cost
  FROM maas_openwebui_cost_by_month_model
 ORDER BY month, model COLLATE NOCASE, model, currency;
.width 0 0 0 -8 -12 -13 -14
SELECT line, currency, reason, messages, input_tokens, output_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_openwebui_totals
 ORDER BY k, currency, messages DESC, reason;
.print
.print '2. Coverage: the assistant messages left out of the totals above (and the other messages)'
.width 0 0 0 0 -8
SELECT coalesce(logged_model, '') AS model_id, coalesce(maas_model(priced_name), '') AS model, reason,
       coalesce(CASE WHEN reason = 'no_fx_rate' THEN price_currency END, '') AS currency, count(*) AS messages
  FROM temp.maas_openwebui_usage WHERE reason IS NOT NULL
 GROUP BY 1, 2, 3, 4
UNION ALL
SELECT '(none)', '', '', '', 0 WHERE NOT EXISTS (SELECT 1 FROM temp.maas_openwebui_usage WHERE reason IS NOT NULL)
 ORDER BY messages DESC, model_id, reason;
.width -8 -8 -8 -14
SELECT (SELECT count(*) FROM temp.maas_openwebui_usage) AS messages,
       (SELECT count(cost) FROM temp.maas_openwebui_usage) AS counted,
       (SELECT count(*) - count(cost) FROM temp.maas_openwebui_usage) AS left_out,
       (SELECT count(*) FROM chat_message WHERE role IS NOT 'assistant') AS other_messages;
.width

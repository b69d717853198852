-- cost_by_user_key.sql - what a new-api or one-api usage log cost, per month
-- and user, and per month and key (the gateway's tokens), priced with
-- sqlite-maas.
--
-- For: the gateway's `logs` table (new-api or one-api schema): created_at
-- (unix seconds), type, username, token_name, model_name, prompt_tokens,
-- completion_tokens; only type 2 (consume) rows count.
--
--   sqlite3 -cmd '.load ./build/maas' new-api.db '.read sql/reports/cost_by_user_key.sql'
--   sqlite3 -cmd '.load ./build/maas' -cmd ".parameter set @currency \"'CNY'\"" new-api.db \
--           '.read sql/reports/cost_by_user_key.sql'
--
-- Parameters:
--   @tz         default '+08:00' (unset, or .parameter clear): the zone
--               offset of the months, given as
--               .parameter set @tz "'-05:00'" ('+08:00', '-05:00', '+0800',
--               '+08', 'Z'; maas_month()).  Beijing time by default because
--               the provider, iFlytek Xingchen, bills in it: a call at
--               23:30 UTC on July 31 is on the August bill.  '+00:00' gives
--               UTC months.
--   @currency   default NULL (unset): no conversion; each row keeps the
--               currency of its prices, lines are per currency and there is
--               one total per currency.  Set (.parameter set @currency
--               "'CNY'"): each row's cost is converted to it with
--               maas_convert() at the row's own created_at, using the rates
--               in maas_user_fx (sql/user_tables.sql); a row with no rate in
--               force is listed as "not converted", never added.
--
-- Months are those of @tz (Beijing time unless set).  Each row is priced at the prices in force at its own
-- created_at, the same way as cost_by_month_model.sql (the two build the same
-- TEMP table, maas_newapi_usage), so the two reports have the same totals.
--
-- The model priced is the one that served the call: when a new-api channel
-- maps the requested model to another (model mapping), new-api logs the
-- requested name in model_name and the served one in `other`
-- ({"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"}; see its
-- relay code, GenerateTextOtherInfo and LogTaskConsumption), and the
-- upstream_model_name is priced.  `other` is read only when it is TEXT
-- holding valid JSON: '' (top-ups), NULL, or any other text is "not
-- mapped", never an error; a log without the column (one-api, which logs
-- the mapped name itself) reads as not mapped.
--
-- Three tables: per month, username and currency; then per month, username,
-- token_name and currency; then the totals, as in cost_by_month_model.sql:
-- one line per currency, the rows not converted to @currency (per currency),
-- the rows left out (per reason: maas_unpriced()'s codes and no_model_name,
-- no_token_counts, no_time) and all rows.  A key is shown with its user
-- because new-api names keys per user: two users may each have a key called
-- 'default'.  An empty username or token_name is shown as '(none)'.
--   currency    the one cost is in: @currency, or the currency of the
--               model's prices; rows not converted keep their own, a model
--               without prices has none
--   unpriced    requests of the line left out of cost (no price, or no rate
--               to @currency); sql/reports/unpriced_usage.sql lists them by
--               model and reason
--   cost        exact sum, rounded once, half away from zero, to 6 places
--               (maas_total_text); empty where no request of the line counts
--
-- It leaves TEMP objects for further queries (and for the tests):
-- maas_newapi_usage (one row per consume row, as in cost_by_month_model.sql),
-- maas_cost_by_user_key (per month, username, token_name and currency, cost
-- as exact TEXT) and maas_cost_by_user_key_totals, and the shell in
-- `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_cost_by_user_key;
DROP VIEW IF EXISTS temp.maas_cost_by_user_key_totals;
DROP TABLE IF EXISTS temp.maas_newapi_usage;
-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
-- A step copies each text value it hands on, and those copies were most of
-- the report's time: so the steps carry only what the pricing reads, the
-- columns only the result shows (username, token_name) are read at the end
-- by rowid, and month and model, each used once, are computed there.
CREATE TEMP TABLE maas_newapi_usage AS
WITH consumed AS (
  -- `other` is new-api's JSON text; one-api has no such column.  It is read
  -- through a lookup of the same row, so that a log without the column reads
  -- NULL from d instead of failing: a name inside a subquery that its own
  -- FROM lacks is looked up in the enclosing query.
  SELECT l.rowid AS log_rowid, l.created_at, l.model_name, l.prompt_tokens, l.completion_tokens,
         (SELECT other FROM logs AS x WHERE x.rowid = l.rowid) AS other
    FROM logs AS l, (SELECT NULL AS other) AS d
   WHERE l.type = 2
   LIMIT -1 OFFSET 0),
served AS (
  -- The served model: upstream_model_name when the channel mapped the
  -- requested model (is_model_mapped true); otherwise model_name.  Only TEXT
  -- that is valid JSON is read ('' on top-ups, NULL, other text: not mapped),
  -- so json_extract never fails the report.  The instr() test first keeps
  -- the JSON parses to the rows that name the key at all (new-api writes
  -- `other` with Go's encoding/json, which escapes no letter or '_').
  SELECT log_rowid, created_at, model_name, prompt_tokens, completion_tokens,
         CASE WHEN typeof(other) = 'text' AND instr(other, '"is_model_mapped"') > 0 AND json_valid(other)
                   AND json_extract(other, '$.is_model_mapped') = 1
                   AND json_type(other, '$.upstream_model_name') = 'text'
                   AND json_extract(other, '$.upstream_model_name') <> ''
              THEN json_extract(other, '$.upstream_model_name') END AS upstream_model_name
    FROM consumed
   LIMIT -1 OFFSET 0),
logged AS (
  SELECT log_rowid, model_name, upstream_model_name, priced_name, created_at AS at, prompt_tokens, completion_tokens,
         maas_cost(priced_name, prompt_tokens, completion_tokens, created_at) AS price_cost,
         coalesce(maas_currency(priced_name, created_at), maas_currency(priced_name)) AS price_currency,
         @currency AS target
    FROM (SELECT *, coalesce(upstream_model_name, model_name) AS priced_name FROM served)
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN target IS NULL THEN price_cost
              ELSE maas_convert(price_cost, price_currency, target, at) END AS cost
    FROM logged
   LIMIT -1 OFFSET 0)
SELECT maas_month(c.at, coalesce(@tz, '+08:00')) AS month,
       coalesce(maas_model(c.priced_name), c.priced_name) AS model,
       c.model_name, c.upstream_model_name, c.priced_name,
       CASE WHEN c.upstream_model_name IS NOT NULL THEN c.model_name END AS requested,
       o.username, o.token_name, c.at, c.prompt_tokens, c.completion_tokens, c.price_currency, c.price_cost,
       CASE WHEN c.cost IS NOT NULL THEN coalesce(c.target, c.price_currency) END AS currency,
       c.cost,
       CASE WHEN c.cost IS NOT NULL THEN NULL
            WHEN c.price_cost IS NOT NULL THEN 'no_fx_rate'
            WHEN coalesce(c.priced_name, '') = '' THEN 'no_model_name'
            ELSE coalesce(maas_unpriced(c.priced_name, c.at), maas_unpriced(c.priced_name),
                          CASE WHEN c.prompt_tokens IS NULL OR c.completion_tokens IS NULL THEN 'no_token_counts'
                               WHEN c.at IS NULL THEN 'no_time' END,
                          'no_price') END AS reason
  -- CROSS JOIN: SQLite keeps its left table outside, so each row is one
  -- lookup by rowid, whatever the statistics say.
  FROM counted AS c CROSS JOIN logs AS o ON o.rowid = c.log_rowid;

CREATE TEMP VIEW maas_cost_by_user_key AS
SELECT month,
       username,
       token_name,
       coalesce(currency, price_currency) AS currency,
       count(*) AS requests,
       count(*) - count(cost) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost) AS cost  -- NULL when no row is counted
  FROM temp.maas_newapi_usage
 GROUP BY month, username, token_name, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_cost_by_user_key_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost) AS cost
  FROM temp.maas_newapi_usage WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, count(*), sum(prompt_tokens), sum(completion_tokens),
       maas_total_text(price_cost)
  FROM temp.maas_newapi_usage WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, count(*), sum(prompt_tokens), sum(completion_tokens), NULL
  FROM temp.maas_newapi_usage WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all rows', NULL, NULL, count(*), sum(prompt_tokens), sum(completion_tokens), NULL
  FROM temp.maas_newapi_usage;

.headers on
.mode box
.width 0 0 0 -8 -8 -13 -17 -14
SELECT month,
       coalesce(nullif(username, ''), '(none)') AS username,
       currency,
       sum(requests) AS requests,
       sum(unpriced) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost, 6) AS cost
  FROM maas_cost_by_user_key
 GROUP BY month, username, currency
 ORDER BY month, username COLLATE NOCASE, username, currency;
.width 0 0 0 0 -8 -8 -13 -17 -14
SELECT month,
       coalesce(nullif(username, ''), '(none)') AS username,
       coalesce(nullif(token_name, ''), '(none)') AS token_name,
       currency,
       requests,
       unpriced,
       prompt_tokens,
       completion_tokens,
       maas_round_text(cost, 6) AS cost
  FROM maas_cost_by_user_key
 ORDER BY month, username COLLATE NOCASE, username, token_name COLLATE NOCASE, token_name, currency;
.width 0 0 0 -8 -13 -17 -14
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_cost_by_user_key_totals
 ORDER BY k, currency, requests DESC, reason;
.width

-- cost_by_user_key.sql - what a new-api or one-api usage log cost, per month
-- and user, and per month and key (the gateway's tokens), priced with
-- sqlite-maas.
--
--   sqlite3 -cmd '.load ./build/maas' new-api.db '.read sql/reports/cost_by_user_key.sql'
--
-- Reads the gateway's `logs` table: created_at (unix seconds), type,
-- username, token_name, model_name, prompt_tokens, completion_tokens; only
-- type 2 (consume) rows count.  Months are UTC.  Each row is priced at the
-- prices in force at its own created_at, the same way as
-- cost_by_month_model.sql, so the two reports have the same total.
--
-- Two tables: per month and username, then per month, username and
-- token_name.  A key is shown with its user because new-api names keys per
-- user: two users may each have a key called 'default'.  An empty username
-- or token_name is shown as '(none)'.
--   unpriced    requests of the group that found no price (unknown model,
--               no price in force at the time, ...); they are counted in
--               requests and tokens but not in cost_cny, and
--               sql/reports/unpriced_usage.sql lists them by model and reason
--   cost_cny    empty where no request of the group has a price
--
-- Sums are exact: each row's cost is a whole number of nano-CNY (1e-9 CNY;
-- prices have at most 5 decimals per 1,000 tokens, so a cost is a multiple
-- of 1e-8), CAST(round(maas_cost(...) * 1e9) AS INTEGER) recovers it exactly
-- from the double while a row costs less than about a million CNY, and the
-- integers add up without error.  Only the display rounds, half up to 6
-- decimals, in integer arithmetic.
--
-- It leaves a TEMP view, maas_cost_by_user_key, with the exact cost_nano per
-- month, username and token_name, for further queries (and for the tests),
-- and the shell in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_cost_by_user_key;
CREATE TEMP VIEW maas_cost_by_user_key AS
WITH usage AS (
  SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month,
         username,
         token_name,
         prompt_tokens,
         completion_tokens,
         CAST(round(maas_cost(model_name, prompt_tokens, completion_tokens, created_at) * 1e9)
              AS INTEGER) AS cost_nano
    FROM logs
   WHERE type = 2)
SELECT month,
       username,
       token_name,
       count(*) AS requests,
       count(*) - count(cost_nano) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens,
       sum(cost_nano) AS cost_nano  -- NULL when no row has a price
  FROM usage
 GROUP BY month, username, token_name;

.headers on
.mode box
.width 0 0 -8 -8 -13 -17 -14
WITH report AS (
  SELECT 0 AS is_total, month, username, sum(requests) AS requests, sum(unpriced) AS unpriced,
         sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
         sum(cost_nano) AS cost_nano
    FROM maas_cost_by_user_key
   GROUP BY month, username
  UNION ALL
  SELECT 1, 'total', NULL, sum(requests), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
         sum(cost_nano)
    FROM maas_cost_by_user_key),
micro AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(nullif(username, ''), '(none)') END AS username,
       requests,
       unpriced,
       prompt_tokens,
       completion_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny
  FROM micro
 ORDER BY is_total, month, username COLLATE NOCASE, username;
.width 0 0 0 -8 -8 -13 -17 -14
WITH report AS (
  SELECT 0 AS is_total, month, username, token_name, requests, unpriced, prompt_tokens,
         completion_tokens, cost_nano
    FROM maas_cost_by_user_key
  UNION ALL
  SELECT 1, 'total', NULL, NULL, sum(requests), sum(unpriced), sum(prompt_tokens),
         sum(completion_tokens), sum(cost_nano)
    FROM maas_cost_by_user_key),
micro AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(nullif(username, ''), '(none)') END AS username,
       CASE WHEN is_total THEN NULL ELSE coalesce(nullif(token_name, ''), '(none)') END AS token_name,
       requests,
       unpriced,
       prompt_tokens,
       completion_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny
  FROM micro
 ORDER BY is_total, month, username COLLATE NOCASE, username, token_name COLLATE NOCASE, token_name;
.width

-- cost_by_month_model.sql - what a new-api or one-api usage log cost, per
-- month and model, priced with sqlite-maas.
--
--   sqlite3 -cmd '.load ./build/maas' new-api.db '.read sql/reports/cost_by_month_model.sql'
--
-- Reads the gateway's `logs` table: created_at (unix seconds), type, and
-- model_name, prompt_tokens, completion_tokens; only type 2 (consume) rows
-- count.  Months are UTC.  Each row is priced at the prices in force at its
-- own created_at (maas_cost's `at`), so usage from before a price change keeps
-- the old price, and usage from before the first published price (2025-07-08
-- 05:25:00 UTC) has none.  model is the name as published (maas_model), so
-- 'deepseek-r1' and 'DeepSeek-R1' add up together; a name the price list does
-- not know is shown as logged.  cost_cny is empty where no row of the group
-- has a price, and the total leaves such rows out: sql/reports/unpriced_usage.sql
-- lists them.
--
-- Sums are exact.  While no price has more than 6 decimals per 1,000 tokens
-- (the page has at most 5), each row's cost is a whole number of nano-CNY
-- (1e-9 CNY): round(maas_cost(...) * 1e9) recovers that number exactly from
-- the double, and the integers add up without error, where summing the
-- doubles drifts (32.7503699999999 instead of 32.75037 on the example).  Only
-- the display rounds, half up to 6 decimals, with integer arithmetic too.
--
-- It leaves a TEMP view, maas_cost_by_month_model, with the exact cost_nano
-- per month and model, for further queries (and for the tests), and the
-- shell in `.mode box` with headers; the numbers are right-aligned by
-- `.width`, which is reset at the end.
DROP VIEW IF EXISTS temp.maas_cost_by_month_model;
CREATE TEMP VIEW maas_cost_by_month_model AS
WITH usage AS (
  SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month,
         coalesce(maas_model(model_name), model_name) AS model,
         prompt_tokens,
         completion_tokens,
         CAST(round(maas_cost(model_name, prompt_tokens, completion_tokens, created_at) * 1e9)
              AS INTEGER)
           AS cost_nano
    FROM logs
   WHERE type = 2)
SELECT month,
       model,
       count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens,
       sum(cost_nano) AS cost_nano  -- NULL when no row has a price
  FROM usage
 GROUP BY month, model;

.headers on
.mode box
.width 0 0 -8 -13 -17 -14
WITH report AS (
  SELECT 0 AS is_total, month, model, requests, prompt_tokens, completion_tokens, cost_nano
    FROM maas_cost_by_month_model
  UNION ALL
  SELECT 1, 'total', NULL, sum(requests), sum(prompt_tokens), sum(completion_tokens), sum(cost_nano)
    FROM maas_cost_by_month_model),
micro AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro FROM report)
SELECT month,
       model,
       requests,
       prompt_tokens,
       completion_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny
  FROM micro
 ORDER BY is_total, month, model COLLATE NOCASE;
.width

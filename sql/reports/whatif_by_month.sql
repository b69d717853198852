-- whatif_by_month.sql - what a new-api or one-api usage log would have cost
-- on another model: the same requests, the same tokens, at the same times,
-- priced on @whatif_model, against what they did cost, per month.
--
--   sqlite3 -cmd '.load ./build/maas' new-api.db
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'
--   sqlite> .read sql/reports/whatif_by_month.sql
--
-- @whatif_model is any name maas_model() knows: a published name in any
-- letter case ('qwen3-8b'), 'provider/model', or an alias.  Unset
-- (.parameter clear), it is Qwen3-8B; the first table says which model was
-- used, whether it was the default, and its current token prices.  A name
-- the price list does not know, or a model without token prices (Spark Mini,
-- Gemma2_9b_it), stops the report with an error naming @whatif_model.
--
-- Reads the gateway's `logs` table: created_at (unix seconds), type,
-- model_name, prompt_tokens, completion_tokens; only type 2 (consume) rows
-- count.  Months are UTC.  Both costs of a row use the prices in force at its
-- created_at.  A row is compared only when it has both costs: a row without
-- an actual price (unknown model, before the first price, ...; listed by
-- sql/reports/unpriced_usage.sql) is left out of both sides, so actual_cny is
-- the total of cost_by_month_model.sql less any row the what-if model could
-- not price at that time.
--   requests        consume rows of the month
--   compared        rows priced both ways, the rows behind the three costs
--   actual_cny      what the compared rows cost on the model they used
--   whatif_cny      what they would have cost on @whatif_model
--   difference_cny  whatif - actual: negative is a saving
--   change          the difference as a percentage of actual_cny
-- The input and output prices of the what-if model are applied to the
-- logged prompt and completion tokens as they are: a different model would
-- have tokenized the same text differently, and answered at another length,
-- so this is an estimate of the price difference, not of the bill.
--
-- Sums are exact: every cost is summed as whole nano-CNY,
-- CAST(round(maas_cost(...) * 1e9) AS INTEGER), as in cost_by_month_model.sql;
-- only the display rounds, half away from zero to 6 decimals.
--
-- It leaves TEMP objects for further queries (and for the tests): the table
-- maas_whatif_model with the model used, and the view maas_whatif_by_month
-- with the exact actual_nano and whatif_nano per month.  The shell is left
-- in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_whatif_by_month;
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

CREATE TEMP VIEW maas_whatif_by_month AS
WITH usage AS (
  SELECT strftime('%Y-%m', l.created_at, 'unixepoch') AS month,
         CAST(round(maas_cost(l.model_name, l.prompt_tokens, l.completion_tokens, l.created_at) * 1e9)
              AS INTEGER) AS actual_nano,
         CAST(round(maas_cost(w.model, l.prompt_tokens, l.completion_tokens, l.created_at) * 1e9)
              AS INTEGER) AS whatif_nano
    FROM logs AS l, temp.maas_whatif_model AS w
   WHERE l.type = 2)
SELECT month,
       count(*) AS requests,
       count(actual_nano + whatif_nano) AS compared,
       sum(CASE WHEN whatif_nano IS NOT NULL THEN actual_nano END) AS actual_nano,
       sum(CASE WHEN actual_nano IS NOT NULL THEN whatif_nano END) AS whatif_nano
  FROM usage
 GROUP BY month;

.headers on
.mode box
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS input_cny_per_1k,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'output' AND effective_to IS NULL) AS output_cny_per_1k
  FROM temp.maas_whatif_model AS w;
.width 0 -8 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, requests, compared, actual_nano, whatif_nano
    FROM maas_whatif_by_month
  UNION ALL
  SELECT 1, 'total', sum(requests), sum(compared), sum(actual_nano), sum(whatif_nano)
    FROM maas_whatif_by_month
  HAVING count(*) > 0),
shown AS (
  SELECT *, whatif_nano - actual_nano AS diff_nano,
         (actual_nano + 500) / 1000 AS actual_micro,
         (whatif_nano + 500) / 1000 AS whatif_micro
    FROM report)
SELECT month,
       requests,
       compared,
       printf('%d.%06d', coalesce(actual_micro, 0) / 1000000, coalesce(actual_micro, 0) % 1000000)
         AS actual_cny,
       printf('%d.%06d', coalesce(whatif_micro, 0) / 1000000, coalesce(whatif_micro, 0) % 1000000)
         AS whatif_cny,
       CASE WHEN coalesce(diff_nano, 0) < 0 THEN '-' WHEN diff_nano > 0 THEN '+' ELSE '' END
         || printf('%d.%06d', (abs(coalesce(diff_nano, 0)) + 500) / 1000 / 1000000,
                   (abs(coalesce(diff_nano, 0)) + 500) / 1000 % 1000000) AS difference_cny,
       CASE WHEN actual_nano > 0 THEN printf('%+.1f%%', diff_nano * 100.0 / actual_nano) END AS change
  FROM shown
 ORDER BY is_total, month;
.width

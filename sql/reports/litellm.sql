-- litellm.sql - what the requests in a LiteLLM proxy's spend log cost at
-- iFlytek Xingchen MaaS prices (CNY), next to LiteLLM's own spend (USD): by
-- month and model, by team and by key, on another model (what-if), and the
-- usage that found no price.
--
--   sqlite3 -cmd '.load ./build/maas' litellm.db
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'     -- optional
--   sqlite> .read sql/reports/litellm.sql
--
-- One file, four sections, because the four must agree on which rows count,
-- how a logged name becomes a model and at which time a row is priced: each
-- row is priced once, into a TEMP table, and every section adds up that
-- table.  So the coverage (section 4) is always printed with the costs it
-- qualifies, and the totals of sections 1, 2 and 4 add up.
--
-- Reads "LiteLLM_SpendLogs" (LiteLLM's Prisma schema; a copy of its Postgres
-- table): startTime, model, api_key, team_id, prompt_tokens,
-- completion_tokens, cache_hit and spend.  Every row is a request.
--   time        startTime, UTC: TEXT in a form SQLite's date functions read
--               ('2025-08-01 12:34:56.789' as Postgres prints it,
--               '2025-08-01T12:34:56.789Z', '...+08:00'; an offset must be
--               +HH:MM) or a number of unix seconds.  Months are UTC.  Each
--               row is priced at the prices in force at its startTime, so
--               requests from before the first published price (2025-07-08
--               05:25:00 UTC) have none.  A time SQLite cannot read leaves
--               the row unpriced ('no usable time'); it does not stop the
--               report.
--   model       the name LiteLLM logged, looked up with maas_model(): a
--               published name in any letter case, or an alias such as the
--               Xingchen service ID 'xdeepseekv3'.  If the whole name is
--               unknown and has a provider prefix, as in 'openai/xdeepseekv3',
--               the part after the first '/' is looked up.  model_group (the
--               proxy's public name) is not used: the admin makes it up.
--   tokens      prompt_tokens and completion_tokens are billed as input and
--               output; completion_tokens already includes reasoning tokens.
--   cache hits  rows with cache_hit 'True' were answered from LiteLLM's
--               cache and never sent to the provider: they cost 0, whatever
--               the model (LiteLLM logs spend 0 for them too).
--   failures    rows of failed requests carry no tokens: they cost 0.
--   spend       LiteLLM's own cost, in USD, from its price map or the admin's
--               settings: shown as litellm_spend_usd beside cost_cny, never
--               added to it or converted.  It is LiteLLM's float, summed as
--               whole pico-USD (1e-12) per row and shown to 6 decimals.
--
-- Sections:
--   1. cost by month and model (the model as published; an unknown name as
--      logged)
--   2. cost by month and team_id, then by month and api_key (the SHA-256 hash
--      LiteLLM stores, shown by its first 16 characters; the TEMP objects hold
--      it whole).  An empty or NULL team or key is shown as '(none)'.
--   3. what-if: the same requests, tokens and times priced on @whatif_model:
--      any name maas_model() knows.  Unset (.parameter clear) it is
--      Qwen3-8B.  Only requests priced both ways are compared; a name the
--      price list does not know, or a model without token prices, stops this
--      section with an error naming @whatif_model (the others still print).
--   4. coverage: per logged model name, the requests that found no price,
--      with their tokens and the reason (the first that applies):
--        no model name           model is empty
--        unknown model           neither the name nor the part after its
--                                first '/' is a model or alias
--        no token counts         prompt_tokens or completion_tokens is NULL
--        no usable time          startTime is NULL or not a time
--        no token price          the model is not sold per token
--        before the first price  no price was in force yet at startTime
--      "(none)" when every request was priced; then one line with all
--      requests, those priced (cache hits among them) and those not.
-- In sections 1 and 2, unpriced counts the requests of a line that found no
-- price: they are in requests and tokens, not in cost_cny, which is empty
-- when no request of the line has a price.
--
-- Costs are exact: each request's cost is a whole number of nano-CNY (1e-9;
-- prices have at most 5 decimals per 1,000 tokens, so every cost is a
-- multiple of 1e-8), CAST(round(maas_cost(...) * 1e9) AS INTEGER) recovers it
-- from the double while a request costs less than about a million CNY, and
-- integers add up without error.  Only the display rounds, half away from
-- zero, to 6 decimals, in integer arithmetic.
--
-- It leaves TEMP objects for further queries (and for the tests):
--   maas_litellm_usage               one row per request: month, at (the
--                                    time it was priced at), names, keys,
--                                    tokens, cost_nano, whatif_nano,
--                                    spend_pusd and reason (NULL if priced)
--   maas_litellm_whatif_model        the what-if model
--   maas_litellm_cost_by_month_model, maas_litellm_cost_by_team_key,
--   maas_litellm_whatif_by_month, maas_litellm_unpriced   the sections
-- and the shell in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_litellm_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_litellm_cost_by_team_key;
DROP VIEW IF EXISTS temp.maas_litellm_whatif_by_month;
DROP VIEW IF EXISTS temp.maas_litellm_unpriced;
DROP TABLE IF EXISTS temp.maas_litellm_usage;
DROP TABLE IF EXISTS temp.maas_litellm_whatif_model;

CREATE TEMP TABLE maas_litellm_whatif_model (
  given TEXT,
  is_default INTEGER,
  model TEXT
    CONSTRAINT "@whatif_model is not a model of the price list (see SELECT DISTINCT model FROM maas_rates)"
      CHECK (model IS NOT NULL),
  has_token_prices INTEGER
    CONSTRAINT "@whatif_model has no token prices: it is sold for training or deployment only"
      CHECK (model IS NULL OR has_token_prices));
INSERT INTO maas_litellm_whatif_model(given, is_default, model, has_token_prices)
SELECT given, is_default, maas_model(given),
       maas_price(given, 'input') IS NOT NULL AND maas_price(given, 'output') IS NOT NULL
  FROM (SELECT coalesce(@whatif_model, 'Qwen3-8B') AS given, @whatif_model IS NULL AS is_default);

CREATE TEMP TABLE maas_litellm_usage AS
WITH logged AS (
  SELECT request_id,
         CASE typeof("startTime")
           WHEN 'text' THEN strftime('%Y-%m-%d %H:%M:%f', "startTime")
           WHEN 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', "startTime", 'unixepoch')
           WHEN 'real' THEN strftime('%Y-%m-%d %H:%M:%f', "startTime", 'unixepoch')
         END AS at,
         model AS logged_model,
         CASE WHEN maas_model(model) IS NOT NULL THEN model
              WHEN instr(model, '/') > 0
                   AND maas_model(substr(model, instr(model, '/') + 1)) IS NOT NULL
                THEN substr(model, instr(model, '/') + 1)
         END AS priced_name,
         api_key,
         team_id,
         prompt_tokens,
         completion_tokens,
         coalesce(lower(cache_hit) = 'true', 0) AS cache_hit,
         CAST(round(spend * 1e12) AS INTEGER) AS spend_pusd
    FROM "LiteLLM_SpendLogs"),
priced AS (
  SELECT *,
         CASE WHEN cache_hit THEN 0
              ELSE CAST(round(maas_cost(priced_name, prompt_tokens, completion_tokens, at) * 1e9)
                        AS INTEGER) END AS cost_nano,
         CASE WHEN cache_hit THEN 0
              ELSE CAST(round(maas_cost((SELECT model FROM temp.maas_litellm_whatif_model),
                                        prompt_tokens, completion_tokens, at) * 1e9) AS INTEGER)
         END AS whatif_nano
    FROM logged)
SELECT request_id,
       coalesce(substr(at, 1, 7), '(no time)') AS month,
       at,
       logged_model,
       priced_name,
       coalesce(maas_model(priced_name), logged_model) AS model,
       api_key,
       team_id,
       prompt_tokens,
       completion_tokens,
       cache_hit,
       cost_nano,
       whatif_nano,
       spend_pusd,
       CASE WHEN cost_nano IS NOT NULL THEN NULL
            WHEN logged_model IS NULL OR logged_model = '' THEN 'no model name'
            WHEN priced_name IS NULL THEN 'unknown model'
            WHEN prompt_tokens IS NULL OR completion_tokens IS NULL THEN 'no token counts'
            WHEN at IS NULL THEN 'no usable time'
            WHEN maas_cost(priced_name, 0, 0) IS NULL THEN 'no token price'
            ELSE 'before the first price' END AS reason
  FROM priced;

CREATE TEMP VIEW maas_litellm_cost_by_month_model AS
SELECT month, model, count(*) AS requests, count(*) - count(cost_nano) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_nano) AS cost_nano, sum(spend_pusd) AS spend_pusd
  FROM temp.maas_litellm_usage
 GROUP BY month, model;

CREATE TEMP VIEW maas_litellm_cost_by_team_key AS
SELECT month, team_id, api_key, count(*) AS requests, count(*) - count(cost_nano) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       sum(cost_nano) AS cost_nano, sum(spend_pusd) AS spend_pusd
  FROM temp.maas_litellm_usage
 GROUP BY month, team_id, api_key;

CREATE TEMP VIEW maas_litellm_whatif_by_month AS
SELECT u.month, count(*) AS requests, count(u.cost_nano + u.whatif_nano) AS compared,
       sum(CASE WHEN u.whatif_nano IS NOT NULL THEN u.cost_nano END) AS actual_nano,
       sum(CASE WHEN u.cost_nano IS NOT NULL THEN u.whatif_nano END) AS whatif_nano
  FROM temp.maas_litellm_usage AS u, temp.maas_litellm_whatif_model AS w
 GROUP BY u.month;

CREATE TEMP VIEW maas_litellm_unpriced AS
SELECT logged_model, maas_model(priced_name) AS model, reason, count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM temp.maas_litellm_usage
 WHERE reason IS NOT NULL
 GROUP BY logged_model, reason;

.headers on
.mode box
.print "1. Cost by month and model: cost_cny at Xingchen prices; litellm_spend_usd is LiteLLM's own figure"
.width 0 0 -8 -8 -13 -17 -14 -17
WITH report AS (
  SELECT 0 AS is_total, month, model, requests, unpriced, prompt_tokens, completion_tokens,
         cost_nano, spend_pusd
    FROM maas_litellm_cost_by_month_model
  UNION ALL
  SELECT 1, 'total', NULL, sum(requests), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
         sum(cost_nano), sum(spend_pusd)
    FROM maas_litellm_cost_by_month_model),
shown AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro, (spend_pusd + 500000) / 1000000 AS spend_micro
    FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(nullif(model, ''), '(none)') END AS model,
       requests, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny,
       printf('%d.%06d', spend_micro / 1000000, spend_micro % 1000000) AS litellm_spend_usd
  FROM shown
 ORDER BY is_total, month, model COLLATE NOCASE, model;

.print
.print '2. Cost by month and team_id, and by month and api_key'
.width 0 0 -8 -8 -13 -17 -14 -17
WITH report AS (
  SELECT 0 AS is_total, month, team_id, sum(requests) AS requests, sum(unpriced) AS unpriced,
         sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
         sum(cost_nano) AS cost_nano, sum(spend_pusd) AS spend_pusd
    FROM maas_litellm_cost_by_team_key
   GROUP BY month, team_id
  UNION ALL
  SELECT 1, 'total', NULL, sum(requests), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
         sum(cost_nano), sum(spend_pusd)
    FROM maas_litellm_cost_by_team_key),
shown AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro, (spend_pusd + 500000) / 1000000 AS spend_micro
    FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL ELSE coalesce(nullif(team_id, ''), '(none)') END AS team_id,
       requests, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny,
       printf('%d.%06d', spend_micro / 1000000, spend_micro % 1000000) AS litellm_spend_usd
  FROM shown
 ORDER BY is_total, month, team_id IS NULL OR team_id = '', team_id;
.width 0 0 0 -8 -8 -13 -17 -14 -17
WITH report AS (
  SELECT 0 AS is_total, month, api_key, team_id, requests, unpriced, prompt_tokens, completion_tokens,
         cost_nano, spend_pusd
    FROM maas_litellm_cost_by_team_key
  UNION ALL
  SELECT 1, 'total', NULL, NULL, sum(requests), sum(unpriced), sum(prompt_tokens),
         sum(completion_tokens), sum(cost_nano), sum(spend_pusd)
    FROM maas_litellm_cost_by_team_key),
shown AS (
  SELECT *, (cost_nano + 500) / 1000 AS cost_micro, (spend_pusd + 500000) / 1000000 AS spend_micro
    FROM report)
SELECT month,
       CASE WHEN is_total THEN NULL
            WHEN length(api_key) > 16 THEN substr(api_key, 1, 16) || '...'
            ELSE coalesce(nullif(api_key, ''), '(none)') END AS api_key,
       CASE WHEN is_total THEN NULL ELSE coalesce(nullif(team_id, ''), '(none)') END AS team_id,
       requests, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_micro IS NOT NULL
            THEN printf('%d.%06d', cost_micro / 1000000, cost_micro % 1000000) END AS cost_cny,
       printf('%d.%06d', spend_micro / 1000000, spend_micro % 1000000) AS litellm_spend_usd
  FROM shown
 ORDER BY is_total, month, api_key, team_id;

.print
.print '3. What-if: the same requests priced on another model (CNY)'
.width
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS input_cny_per_1k,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'output' AND effective_to IS NULL) AS output_cny_per_1k
  FROM temp.maas_litellm_whatif_model AS w;
.width 0 -8 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, requests, compared, actual_nano, whatif_nano
    FROM maas_litellm_whatif_by_month
  UNION ALL
  SELECT 1, 'total', sum(requests), sum(compared), sum(actual_nano), sum(whatif_nano)
    FROM maas_litellm_whatif_by_month
  HAVING count(*) > 0),
shown AS (
  SELECT *, coalesce(whatif_nano - actual_nano, 0) AS diff_nano,
         (coalesce(actual_nano, 0) + 500) / 1000 AS actual_micro,
         (coalesce(whatif_nano, 0) + 500) / 1000 AS whatif_micro
    FROM report)
SELECT month, requests, compared,
       printf('%d.%06d', actual_micro / 1000000, actual_micro % 1000000) AS actual_cny,
       printf('%d.%06d', whatif_micro / 1000000, whatif_micro % 1000000) AS whatif_cny,
       CASE WHEN diff_nano < 0 THEN '-' WHEN diff_nano > 0 THEN '+' ELSE '' END
         || printf('%d.%06d', (abs(diff_nano) + 500) / 1000 / 1000000, (abs(diff_nano) + 500) / 1000 % 1000000)
         AS difference_cny,
       CASE WHEN actual_nano > 0 THEN printf('%+.1f%%', diff_nano * 100.0 / actual_nano) END AS change
  FROM shown
 ORDER BY is_total, month;

.print
.print '4. Coverage: the requests that found no price (left out of cost_cny above)'
.width 0 0 0 -8 -13 -17
SELECT logged_model AS model_logged, model, reason, requests, prompt_tokens, completion_tokens
  FROM maas_litellm_unpriced
UNION ALL
SELECT '(none)', NULL, NULL, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM maas_litellm_unpriced)
 ORDER BY requests DESC, model_logged, reason;
.width -8 -8 -15 -8
SELECT count(*) AS requests,
       count(cost_nano) AS priced,
       sum(cache_hit) AS cache_hits_at_0,
       count(*) - count(cost_nano) AS unpriced
  FROM temp.maas_litellm_usage;
.width

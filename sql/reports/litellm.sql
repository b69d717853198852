-- litellm.sql - what the requests in a LiteLLM proxy's spend log cost at
-- iFlytek Xingchen MaaS prices (CNY), next to LiteLLM's own spend (USD): by
-- month and model, by team and by key, on another model (what-if), and the
-- usage that found no price.
--
-- For: LiteLLM proxy's "LiteLLM_SpendLogs" table (its Prisma schema).
--
--   sqlite3 -cmd '.load ./build/maas' litellm.db
--   sqlite> .parameter set @whatif_model 'Qwen3-8B'     -- optional
--   sqlite> .parameter set @currency "'CNY'"            -- optional
--   sqlite> .read sql/reports/litellm.sql
--
-- Parameters:
--   @whatif_model  default Qwen3-8B (section 3)
--   @tz            default '+08:00': the zone offset of the months, given as
--                  .parameter set @tz "'-05:00'" ('+08:00', '-05:00',
--                  '+0800', '+08', 'Z'; maas_month()).  Beijing time by
--                  default because the provider, iFlytek Xingchen, bills in
--                  it: a call at 23:30 UTC on July 31 is on the August bill.
--                  '+00:00' gives UTC months.
--   @currency      default NULL: no conversion; each request keeps the
--                  currency of its prices (CNY for the built-in card; a user
--                  price may be USD, ...), lines are per currency and there
--                  is one total per currency.  Set (.parameter set @currency
--                  "'CNY'"): each cost is converted to it with maas_convert()
--                  at the request's startTime, using the rates in maas_user_fx
--                  (sql/user_tables.sql); a request with no rate in force is
--                  listed as not converted (no_fx_rate), never added.
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
--               +HH:MM) or a number of unix seconds.  Months are @tz's.  Each
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
--               settings: shown as litellm_spend_usd beside cost, never
--               added to it or converted.  It is LiteLLM's float, summed
--               exactly as the decimal it prints as (maas_total_text) and
--               shown to 6 decimals.
--
-- Sections:
--   1. cost by month, model and currency (the model as published; an unknown
--      name as logged), then the totals: one line per currency, the requests
--      not converted to @currency (per currency), those left out (per
--      reason) and all requests
--   2. cost by month and team_id, then by month and api_key (the SHA-256 hash
--      LiteLLM stores, shown by its first 16 characters; the TEMP objects hold
--      it whole).  An empty or NULL team or key is shown as '(none)'.
--   3. what-if: the same requests, tokens and times priced on @whatif_model:
--      any name maas_model() knows.  Unset (.parameter clear) it is
--      Qwen3-8B.  Only requests priced both ways are compared; a name the
--      price list does not know, or a model without token prices, stops this
--      section with an error naming @whatif_model (the others still print).
--   4. coverage: per logged model name, the requests left out of the
--      totals, with their tokens and the reason (the first that applies):
--        no_model_name        model is empty
--        unknown_model, other_product
--                             neither the name nor the part after its first
--                             '/' is a model or alias (other_product: a name
--                             of another product, e.g. the Spark API's
--                             'Spark-Max', billed at other prices)
--        no_token_counts      prompt_tokens or completion_tokens is NULL
--        no_usable_time       startTime is NULL or not a time
--        no_token_price, before_first_price, mixed_currency
--                             maas_unpriced()'s codes: the model is not sold
--                             per token; no price was in force yet at
--                             startTime; its prices are in two currencies
--        no_fx_rate           priced, but no rate to @currency in force
--      "(none)" when every request was counted; then one line with all
--      requests, those counted (cache hits among them) and those not.
-- In sections 1 and 2, currency is the one cost is in (@currency, or the
-- currency of the model's prices; requests not converted keep their own),
-- and unpriced counts the requests of a line left out: they are in requests
-- and tokens, not in cost, which is empty when no request of the line counts.
--
-- Costs are exact: maas_total_text() adds each request's cost as the decimal
-- it is and rounds once, half away from zero, to the 6 places shown.
--
-- It leaves TEMP objects for further queries (and for the tests):
--   maas_litellm_usage               one row per request: month, at (the
--                                    time it was priced at), names, keys,
--                                    tokens, price_currency and price_cost
--                                    (as priced), currency and cost (as
--                                    counted), whatif_cost, spend and
--                                    reason (NULL if counted)
--   maas_litellm_whatif_model        the what-if model
--   maas_litellm_cost_by_month_model, maas_litellm_totals,
--   maas_litellm_cost_by_team_key, maas_litellm_whatif_by_month,
--   maas_litellm_unpriced            the sections, costs as exact TEXT
-- and the shell in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_litellm_cost_by_month_model;
DROP VIEW IF EXISTS temp.maas_litellm_totals;
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

-- Each step of the WITH below ends in LIMIT -1 OFFSET 0: SQLite never
-- flattens a subquery that has an OFFSET into the query reading it, but runs
-- it as a co-routine, so each of its columns is computed once per row.
-- Flattened, every use of a column such as price_cost would be a copy of the
-- call that computes it, and each row would be priced once per use, several
-- times over.  The ctest reports:priced_once counts the calls.
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
         spend,
         @currency AS target
    FROM "LiteLLM_SpendLogs"
   LIMIT -1 OFFSET 0),
priced AS (
  SELECT *,
         CASE WHEN cache_hit THEN 0
              ELSE maas_cost(priced_name, prompt_tokens, completion_tokens, at) END AS price_cost,
         coalesce(maas_currency(priced_name, at), maas_currency(priced_name)) AS price_currency,
         CASE WHEN cache_hit THEN 0
              ELSE maas_cost((SELECT model FROM temp.maas_litellm_whatif_model),
                             prompt_tokens, completion_tokens, at) END AS whatif_price_cost,
         (SELECT coalesce(maas_currency(model, at), maas_currency(model))
            FROM temp.maas_litellm_whatif_model) AS whatif_price_currency
    FROM logged
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN cache_hit THEN 0
              WHEN target IS NULL THEN price_cost
              ELSE maas_convert(price_cost, price_currency, target, at) END AS cost,
         CASE WHEN cache_hit THEN 0
              WHEN target IS NULL THEN whatif_price_cost
              ELSE maas_convert(whatif_price_cost, whatif_price_currency, target, at) END AS whatif_cost
    FROM priced
   LIMIT -1 OFFSET 0)
SELECT request_id,
       coalesce(maas_month(at, coalesce(@tz, '+08:00')), '(no time)') AS month,
       at,
       logged_model,
       priced_name,
       coalesce(maas_model(priced_name), logged_model) AS model,
       api_key,
       team_id,
       prompt_tokens,
       completion_tokens,
       cache_hit,
       price_currency,
       price_cost,
       CASE WHEN cost IS NOT NULL THEN coalesce(target, price_currency) END AS currency,
       cost,
       CASE WHEN cost IS NOT NULL AND whatif_cost IS NOT NULL
                 AND coalesce(target, price_currency) = coalesce(target, whatif_price_currency)
            THEN whatif_cost END AS whatif_cost,
       spend,
       CASE WHEN cost IS NOT NULL THEN NULL
            WHEN price_cost IS NOT NULL THEN 'no_fx_rate'
            WHEN logged_model IS NULL OR logged_model = '' THEN 'no_model_name'
            WHEN priced_name IS NULL THEN
              CASE WHEN maas_unpriced(logged_model) = 'other_product'
                        OR maas_unpriced(substr(logged_model, instr(logged_model, '/') + 1)) = 'other_product'
                     THEN 'other_product' ELSE 'unknown_model' END
            WHEN prompt_tokens IS NULL OR completion_tokens IS NULL THEN 'no_token_counts'
            WHEN at IS NULL THEN 'no_usable_time'
            ELSE coalesce(maas_unpriced(priced_name, at), 'no_price') END AS reason
  FROM counted;

CREATE TEMP VIEW maas_litellm_cost_by_month_model AS
SELECT month, model, coalesce(currency, price_currency) AS currency, count(*) AS requests,
       count(*) - count(cost) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost) AS cost, maas_total_text(spend) AS spend_usd
  FROM temp.maas_litellm_usage
 GROUP BY month, model, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_litellm_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost) AS cost, maas_total_text(spend) AS spend_usd
  FROM temp.maas_litellm_usage WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, count(*), sum(prompt_tokens), sum(completion_tokens),
       maas_total_text(price_cost), maas_total_text(spend)
  FROM temp.maas_litellm_usage WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, count(*), sum(prompt_tokens), sum(completion_tokens), NULL,
       maas_total_text(spend)
  FROM temp.maas_litellm_usage WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all requests', NULL, NULL, count(*), sum(prompt_tokens), sum(completion_tokens), NULL,
       maas_total_text(spend)
  FROM temp.maas_litellm_usage;

CREATE TEMP VIEW maas_litellm_cost_by_team_key AS
SELECT month, team_id, api_key, coalesce(currency, price_currency) AS currency, count(*) AS requests,
       count(*) - count(cost) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost) AS cost, maas_total_text(spend) AS spend_usd
  FROM temp.maas_litellm_usage
 GROUP BY month, team_id, api_key, coalesce(currency, price_currency);

CREATE TEMP VIEW maas_litellm_whatif_by_month AS
WITH parts AS (
  SELECT u.month, u.currency, 1 AS n, u.whatif_cost IS NOT NULL AS compared,
         CASE WHEN u.whatif_cost IS NOT NULL THEN u.cost END AS actual, u.whatif_cost AS whatif,
         u.whatif_cost AS difference
    FROM temp.maas_litellm_usage AS u, temp.maas_litellm_whatif_model AS w
  UNION ALL
  SELECT month, currency, 0, 0, NULL, NULL, -cost
    FROM temp.maas_litellm_usage WHERE whatif_cost IS NOT NULL)
SELECT month, coalesce(currency, (SELECT currency FROM maas_rates, temp.maas_litellm_whatif_model AS w
                                   WHERE maas_rates.model = w.model AND item = 'input'
                                     AND effective_to IS NULL)) AS currency,
       sum(n) AS requests, sum(compared) AS compared,
       maas_total_text(actual) AS actual, maas_total_text(whatif) AS whatif,
       maas_total_text(difference) AS difference
  FROM parts
 GROUP BY 1, 2;

CREATE TEMP VIEW maas_litellm_unpriced AS
SELECT logged_model, maas_model(priced_name) AS model, reason,
       CASE WHEN reason = 'no_fx_rate' THEN price_currency END AS currency, count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM temp.maas_litellm_usage
 WHERE reason IS NOT NULL
 GROUP BY logged_model, reason, 4;

.headers on
.mode box
.print "1. Cost by month and model: cost at Xingchen prices, in currency; litellm_spend_usd is LiteLLM's own figure"
.width 0 0 0 -8 -8 -13 -17 -14 -17
SELECT month,
       coalesce(nullif(model, ''), '(none)') AS model, currency,
       requests, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 6) AS cost,
       maas_round_text(spend_usd, 6) AS litellm_spend_usd
  FROM maas_litellm_cost_by_month_model
 ORDER BY month, model COLLATE NOCASE, model, currency;
.width 0 0 0 -8 -13 -17 -14 -17
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens,
       maas_round_text(cost, 6) AS cost, maas_round_text(spend_usd, 6) AS litellm_spend_usd
  FROM maas_litellm_totals
 ORDER BY k, currency, requests DESC, reason;

.print
.print '2. Cost by month and team_id, and by month and api_key'
.width 0 0 0 -8 -8 -13 -17 -14 -17
SELECT month,
       coalesce(nullif(team_id, ''), '(none)') AS team_id, currency,
       sum(requests) AS requests, sum(unpriced) AS unpriced, sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens,
       maas_total_text(cost, 6) AS cost, maas_total_text(spend_usd, 6) AS litellm_spend_usd
  FROM maas_litellm_cost_by_team_key
 GROUP BY month, team_id, currency
 ORDER BY month, team_id IS NULL OR team_id = '', team_id, currency;
.width 0 0 0 0 -8 -8 -13 -17 -14 -17
SELECT month,
       CASE WHEN length(api_key) > 16 THEN substr(api_key, 1, 16) || '...'
            ELSE coalesce(nullif(api_key, ''), '(none)') END AS api_key,
       coalesce(nullif(team_id, ''), '(none)') AS team_id, currency,
       requests, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 6) AS cost, maas_round_text(spend_usd, 6) AS litellm_spend_usd
  FROM maas_litellm_cost_by_team_key
 ORDER BY month, api_key, team_id, currency;

.print
.print '3. What-if: the same requests priced on another model'
.width
SELECT w.model AS whatif_model,
       CASE WHEN w.is_default THEN 'default (@whatif_model unset)' ELSE '@whatif_model = ' || quote(w.given) END
         AS chosen_by,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS input_per_1k,
       (SELECT price_text FROM maas_rates
         WHERE model = w.model AND item = 'output' AND effective_to IS NULL) AS output_per_1k,
       (SELECT currency FROM maas_rates
         WHERE model = w.model AND item = 'input' AND effective_to IS NULL) AS currency
  FROM temp.maas_litellm_whatif_model AS w;
.width 0 0 -8 -8 -14 -14 -14 -8
WITH report AS (
  SELECT 0 AS is_total, month, currency, requests, compared, actual, whatif, difference
    FROM maas_litellm_whatif_by_month
  UNION ALL
  SELECT 1, 'total', currency, sum(requests), sum(compared), maas_total_text(actual), maas_total_text(whatif),
         maas_total_text(difference)
    FROM maas_litellm_whatif_by_month
   GROUP BY currency)
SELECT month, currency, requests, compared,
       maas_round_text(actual, 6) AS actual,
       maas_round_text(whatif, 6) AS whatif,
       CASE WHEN CAST(difference AS REAL) > 0 THEN '+' ELSE '' END || maas_round_text(difference, 6)
         AS difference,
       CASE WHEN CAST(actual AS REAL) > 0
            THEN printf('%+.1f%%', CAST(difference AS REAL) * 100.0 / CAST(actual AS REAL)) END AS change
  FROM report
 ORDER BY is_total, month, currency;

.print
.print '4. Coverage: the requests left out of the totals above'
.width 0 0 0 0 -8 -13 -17
SELECT logged_model AS model_logged, model, reason, currency, requests, prompt_tokens, completion_tokens
  FROM maas_litellm_unpriced
UNION ALL
SELECT '(none)', NULL, NULL, NULL, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM maas_litellm_unpriced)
 ORDER BY requests DESC, model_logged, reason;
.width -8 -8 -15 -8
SELECT count(*) AS requests,
       count(cost) AS counted,
       sum(cache_hit) AS cache_hits_at_0,
       count(*) - count(cost) AS left_out
  FROM temp.maas_litellm_usage;
.width

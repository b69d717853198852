-- unpriced_usage.sql - the usage in a new-api or one-api log that sqlite-maas
-- could not price, so that a cost report's total is never silently short.
--
--   sqlite3 -cmd '.load ./build/maas' new-api.db '.read sql/reports/unpriced_usage.sql'
--
-- Lists, per model_name as logged, the consume rows (type 2) whose
-- maas_cost() at their created_at is NULL (the rows cost_by_month_model.sql
-- leaves out of its cost), with their requests and tokens, and why:
--   unknown model      the price list has no model of that name (names are
--                      matched exactly, ignoring letter case; aliases such
--                      as Xingchen service IDs count); alias it or fix the
--                      name at the gateway
--   no token counts    prompt_tokens or completion_tokens is NULL
--   no time            created_at is NULL
--   no token price     the model is known but is not sold per token (e.g.
--                      Spark Mini, only priced for dedicated deployment)
--   before the first price
--                      the model has token prices, but none was in force yet
--                      at created_at: the published list starts 2025-07-08
--                      05:25:00 UTC (13:25 Beijing time)
-- The first reason that applies is given.  One line says "(none)" when
-- everything was priced.
.headers on
.mode box
.width 0 0 0 -8 -13 -17
WITH unpriced AS (
  SELECT model_name,
         maas_model(model_name) AS model,
         CASE WHEN maas_model(model_name) IS NULL THEN 'unknown model'
              WHEN prompt_tokens IS NULL OR completion_tokens IS NULL THEN 'no token counts'
              WHEN created_at IS NULL THEN 'no time'
              WHEN maas_cost(model_name, 0, 0) IS NULL THEN 'no token price'
              ELSE 'before the first price' END AS reason,
         prompt_tokens,
         completion_tokens
    FROM logs
   WHERE type = 2 AND maas_cost(model_name, prompt_tokens, completion_tokens, created_at) IS NULL)
SELECT model_name, model, reason, count(*) AS requests,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens
  FROM unpriced
 GROUP BY model_name, reason
UNION ALL
SELECT '(none)', NULL, NULL, 0, 0, 0
 WHERE NOT EXISTS (SELECT 1 FROM unpriced)
 ORDER BY requests DESC, model_name;
.width

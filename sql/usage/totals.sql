-- totals.sql - the report's one read of the database: temp.maas_usage
-- grouped once into temp.maas_usage_totals, which every section adds up.
--
--   .read sql/usage/totals.sql   (report.sql does this, after priced.sql)
--
-- One statement, so one snapshot: on a gateway's live database, rows that
-- arrive while the report runs are in no section or in all of them, and the
-- sections always agree.  Each call is priced once, here.  Costs are summed
-- exactly, as decimal text (maas_total_text).  Groups are as fine as any
-- section needs: per source, month, model as logged and as priced, currency,
-- reason, user, key and project; the published name of the name priced is
-- looked up per group (priced_model), not per call, and in this statement:
-- so with the same prices and aliases as the costs, even while another
-- process changes them (tests/live/soak.py).
CREATE TEMP TABLE maas_usage_totals AS
SELECT source, month, model, priced_name, currency, price_currency, reason,
       user_name, key_name, project_name, recorded_currency,
       count(*) AS calls,
       sum(requests) AS requests,
       sum(input_tokens) AS input_tokens,
       sum(cached_input_tokens) AS cached_input_tokens,
       sum(cache_write_tokens) AS cache_write_tokens,
       sum(output_tokens) AS output_tokens,
       maas_total_text(cost) AS cost,
       maas_total_text(price_cost) AS price_cost,
       maas_total_text(recorded_cost) AS recorded_cost,
       maas_total_text(recorded_converted) AS recorded_converted,
       count(recorded_cost) AS recorded_calls,
       count(recorded_converted) AS recorded_converted_calls,
       coalesce(maas_model(priced_name), priced_name) AS priced_model  -- once per group
  FROM temp.maas_usage
 -- The order of the keys is the sort's: month first (logs are written in
 -- time order, so the rows come nearly sorted), then the keys that tell
 -- groups apart soonest; those that rarely vary last.  The rows come out in
 -- this order too, nearly the order of the views' sums (views.sql).
 GROUP BY month, model, key_name, user_name, priced_name, project_name, reason, currency, price_currency,
          recorded_currency, source;

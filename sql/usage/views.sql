-- views.sql - the report views, every one a sum of temp.maas_usage_totals
-- (totals.sql), so that they agree with each other by construction.
--
--   SELECT * FROM maas_report_by_month_model;      -- after any report
--
-- Costs are exact decimal TEXT (maas_total_text); the printed report rounds
-- them once, half away from zero (maas_round_text).  `currency` is the one
-- the cost is in: @currency, or the currency of the model's prices; a row
-- not converted keeps its own; a model without prices has none.  Amounts in
-- two currencies are never added.
--   maas_report_by_month_model  month, model (as priced), currency
--   maas_report_by_user_key     month, user, key and project
--   maas_report_totals          one 'total' per currency; 'not converted'
--                               (no_fx_rate) per currency; 'left out' per
--                               reason; 'all calls'.  The calls and tokens of
--                               the other lines add up to 'all calls'.
--   maas_report_left_out        per model as logged and reason: what found no price
--   maas_report_recorded        per month, model and currency: the tool's own
--                               recorded cost beside the card's, for the calls
--                               that have both; the difference card - recorded
--                               when both are in one currency, or @currency is
--                               set and every recorded cost could be converted
DROP VIEW IF EXISTS temp.maas_report_by_month_model;
CREATE TEMP VIEW maas_report_by_month_model AS
SELECT month, priced_model AS model, coalesce(currency, price_currency) AS currency,
       sum(calls) AS calls, sum(calls) FILTER (WHERE reason IS NOT NULL) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(cached_input_tokens) AS cached_input_tokens,
       sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_usage_totals
 GROUP BY month, priced_model, coalesce(currency, price_currency);

DROP VIEW IF EXISTS temp.maas_report_by_user_key;
CREATE TEMP VIEW maas_report_by_user_key AS
SELECT month, user_name, key_name, project_name, coalesce(currency, price_currency) AS currency,
       sum(calls) AS calls, sum(calls) FILTER (WHERE reason IS NOT NULL) AS unpriced,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_usage_totals
 GROUP BY month, user_name, key_name, project_name, coalesce(currency, price_currency);

DROP VIEW IF EXISTS temp.maas_report_totals;
CREATE TEMP VIEW maas_report_totals AS
SELECT 0 AS k, 'total' AS line, currency, NULL AS reason, sum(calls) AS calls,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, maas_total_text(cost) AS cost
  FROM temp.maas_usage_totals WHERE reason IS NULL GROUP BY currency
UNION ALL
SELECT 1, 'not converted', price_currency, reason, sum(calls), sum(input_tokens), sum(output_tokens),
       maas_total_text(price_cost)
  FROM temp.maas_usage_totals WHERE reason = 'no_fx_rate' GROUP BY price_currency
UNION ALL
SELECT 2, 'left out', NULL, reason, sum(calls), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_usage_totals WHERE reason <> 'no_fx_rate' GROUP BY reason
UNION ALL
SELECT 3, 'all calls', NULL, NULL, coalesce(sum(calls), 0), sum(input_tokens), sum(output_tokens), NULL
  FROM temp.maas_usage_totals;

DROP VIEW IF EXISTS temp.maas_report_left_out;
CREATE TEMP VIEW maas_report_left_out AS
SELECT model AS logged_model, priced_model, reason,
       CASE WHEN reason = 'no_fx_rate' THEN price_currency END AS currency,
       sum(calls) AS calls, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
  FROM temp.maas_usage_totals
 WHERE reason IS NOT NULL
 GROUP BY model, priced_model, reason, 4;

DROP VIEW IF EXISTS temp.maas_report_recorded;
CREATE TEMP VIEW maas_report_recorded AS
WITH both_costs AS (
  SELECT month, priced_model AS model, recorded_currency, maas_total_text(recorded_cost) AS recorded_cost,
         currency, maas_total_text(cost) AS card_cost, sum(recorded_calls) AS calls,
         -- The recorded cost in the card cost's currency: as recorded when the
         -- two are the same, else converted to @currency (when set).
         CASE WHEN recorded_currency = currency THEN maas_total_text(recorded_cost)
              WHEN (SELECT currency FROM temp.maas_usage_settings) = currency
                   AND sum(recorded_converted_calls) = sum(recorded_calls)
                THEN maas_total_text(recorded_converted) END AS recorded_in_currency
    FROM temp.maas_usage_totals
   WHERE reason IS NULL AND recorded_calls > 0
   GROUP BY month, priced_model, recorded_currency, currency)
SELECT *,
       -- card - recorded, exactly: the recorded sum negated as text.
       CASE WHEN recorded_in_currency IS NOT NULL THEN (SELECT maas_total_text(v)
          FROM (SELECT card_cost AS v
                UNION ALL
                SELECT CASE WHEN substr(recorded_in_currency, 1, 1) = '-' THEN substr(recorded_in_currency, 2)
                            ELSE '-' || recorded_in_currency END)) END AS difference
  FROM both_costs;

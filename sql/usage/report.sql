-- report.sql - the usage report every sql/reports/<tool>.sql prints, over
-- temp.maas_usage_source (the tool's adapter has made it).
--
--   .read sql/usage/begin.sql
--   .read sql/sources/litellm.sql
--   .read sql/usage/report.sql
--
-- Prices the calls once (priced.sql, totals.sql), makes the report views
-- (views.sql) and FOCUS rows (focus.sql), and prints four sections:
--   1. cost by month and model, then the totals: one line per currency,
--      what was not converted to @currency, what was left out (per reason),
--      and all calls
--   2. cost by month, user, key and project
--   3. the tool's own recorded cost beside the card's (when it records one)
--   4. what was left out, per model as logged, with the reason
-- Reason codes and the columns: docs/usage/index.md, docs/tables/maas_usage.md.
-- It leaves temp.maas_usage, temp.maas_focus and the views for more queries,
-- and the shell in `.mode box` with headers.
.read sql/usage/priced.sql
.read sql/usage/totals.sql
.read sql/usage/views.sql
.read sql/usage/focus.sql
.headers on
.mode box
.print '1. Cost by month and model (the model that served the call, as published)'
.width 0 0 0 -8 -8 -13 -19 -13 -14
SELECT month, coalesce(nullif(model, ''), '(none)') AS model, currency, calls, coalesce(unpriced, 0) AS unpriced,
       input_tokens, cached_input_tokens, output_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_report_by_month_model
 ORDER BY month, model COLLATE NOCASE, model, currency;
.width 0 0 0 -8 -13 -13 -14
SELECT line, currency, reason, calls, input_tokens, output_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_report_totals
 ORDER BY k, currency, calls DESC, reason;
.print
.print '2. Cost by month, user, key and project'
.width 0 0 0 0 0 -8 -8 -13 -13 -14
SELECT month, coalesce(user_name, '(none)') AS user, coalesce(key_name, '(none)') AS key,
       coalesce(project_name, '(none)') AS project, currency, calls, coalesce(unpriced, 0) AS unpriced,
       input_tokens, output_tokens, maas_round_text(cost, 6) AS cost
  FROM maas_report_by_user_key
 ORDER BY month, user, key, project, currency;
.print
.print "3. The tool's own recorded cost beside the card's (calls priced both ways)"
.width 0 0 0 -14 0 -14 -14 -19 -8
SELECT month, model, recorded_currency, maas_round_text(recorded_cost, 6) AS recorded, currency,
       maas_round_text(recorded_in_currency, 6) AS recorded_in, maas_round_text(card_cost, 6) AS card,
       maas_round_text(difference, 6) AS card_minus_recorded, calls
  FROM maas_report_recorded
UNION ALL
SELECT '(none)', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 WHERE NOT EXISTS (SELECT 1 FROM maas_report_recorded)
 ORDER BY 1, 2 COLLATE NOCASE, 3, 5;
.print
.print '4. Left out of the totals, and why'
.width 0 0 0 0 -8 -13 -13
SELECT coalesce(logged_model, '(none)') AS logged_model, priced_model, reason, currency, calls, input_tokens,
       output_tokens
  FROM maas_report_left_out
UNION ALL
SELECT '(none)', NULL, NULL, NULL, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM maas_report_left_out)
 ORDER BY calls DESC, logged_model, reason;
.width

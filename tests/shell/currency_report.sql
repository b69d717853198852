-- currency_report.sql - issue 11's acceptance: a model priced in USD by the
-- user next to the built-in CNY card, in sql/reports/cost_by_month_model.sql
-- on the example log (examples/newapi_logs.sql).
--
-- By hand: the log has 8 consume rows of gpt-4o-mini, 5242 prompt and 8139
-- completion tokens in all (tests/shell/example_report.expected).  At USD
-- 0.00015 and 0.0006 per 1,000 tokens they cost
--   5242 x 0.00015 / 1000 + 8139 x 0.0006 / 1000
--   = 0.0007863 + 0.0048834 = 0.0056697 USD        (0.005670 at 6 places)
-- and the rest stays 32.75037 CNY.  Converted at 7.1 CNY per USD, row by row
-- and exactly, the USD part is 0.0056697 x 7.1 = 0.04025487 CNY, so the one
-- CNY total is 32.75037 + 0.04025487 = 32.79062487 CNY (32.790625 at 6
-- places; converting the rounded 0.005670 instead would give 32.790627).
.read examples/newapi_logs.sql
.read sql/user_tables.sql
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)
VALUES ('openai', 'gpt-4o-mini', 'inference', 'input',  '0.00015', 'k_tokens', 'USD', '2024-07-18', 'issue 11'),
       ('openai', 'gpt-4o-mini', 'inference', 'output', '0.0006',  'k_tokens', 'USD', '2024-07-18', 'issue 11');

.print '1. @currency unset: a total per currency'
.parameter clear
.read sql/reports/cost_by_month_model.sql
.mode list
.headers on
.nullvalue NULL
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens, cost
  FROM maas_cost_by_month_model_totals ORDER BY k, currency, reason;
SELECT month, model, currency, requests, unpriced, cost FROM maas_cost_by_month_model
 WHERE model = 'gpt-4o-mini' ORDER BY month;

.print
.print '2. @currency = CNY without a USD rate: the USD rows are not converted, and not added'
.parameter set @currency "'CNY'"
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.output stdout
.mode list
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens, cost
  FROM maas_cost_by_month_model_totals ORDER BY k, currency, reason;

.print
.print '3. @currency = CNY with USD->CNY 7.1 from 2024-01-01: one CNY total'
INSERT INTO maas_user_fx(currency, to_currency, rate, effective_from, source)
VALUES ('USD', 'CNY', '7.1', '2024-01-01', 'issue 11');
.read sql/reports/cost_by_month_model.sql
.mode list
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens, cost
  FROM maas_cost_by_month_model_totals ORDER BY k, currency, reason;
-- The converted total against the hand figures above, in 1e-8 CNY.
SELECT (SELECT cost FROM maas_cost_by_month_model_totals WHERE line = 'total') = '32.79062487'
         AS exact_total_equal,
       (SELECT maas_round_text(cost, 6) FROM maas_cost_by_month_model_totals WHERE line = 'total')
         AS total_6_places;

.print
.print '4. A rate that starts later: rows before it are not converted'
-- By hand: the gpt-4o-mini rows of 2025-11, 2025-12 and 2026-01 have
-- 2027 + 891 + 1026 = 3944 prompt and 1284 + 459 + 911 = 2654 completion
-- tokens: 0.0005916 + 0.0015924 = 0.002184 USD, x 7.1 = 0.0155064 CNY, so the
-- CNY total is 32.75037 + 0.0155064 = 32.7658764 (32.765876).  Those of
-- 2025-08 to 2025-10 (301 + 626 + 371 = 1298 and 1903 + 3406 + 176 = 5485
-- tokens) stay 0.0001947 + 0.003291 = 0.0034857 USD, not converted.
UPDATE maas_user_fx SET effective_from = '2025-11-01';
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.output stdout
.mode list
SELECT line, currency, reason, requests, prompt_tokens, completion_tokens, cost
  FROM maas_cost_by_month_model_totals ORDER BY k, currency, reason;
.parameter clear

-- usage_currency.sql - a model priced in USD by the user beside the built-in
-- CNY card, through a report (sql/reports/newapi.sql on
-- examples/newapi_logs.sql): a total per currency, never a sum across them;
-- @currency without a rate leaves the USD calls out as no_fx_rate; with a
-- rate every call is converted at its own time, exactly.
--
-- By hand, from the log itself (no sqlite-maas function): gpt-4o-mini at
-- USD 0.00015 and 0.0006 per 1,000 tokens is 15 and 60 units of 1e-8 USD per
-- token; at 7.1 CNY per USD, 106.5 and 426 units of 1e-8 CNY, i.e. 1065 and
-- 4260 units of 1e-9 CNY.  The CNY part is the total the report gives with
-- no user price (tests/shell/usage_newapi.sql holds it by hand).
.read examples/newapi_logs.sql
.output /dev/null
.read sql/reports/newapi.sql
.output
.mode list
.headers off
CREATE TEMP TABLE cny_alone AS SELECT cost FROM maas_report_totals WHERE line = 'total' AND currency = 'CNY';
.read sql/user_tables.sql
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)
VALUES ('openai', 'gpt-4o-mini', 'inference', 'input',  '0.00015', 'k_tokens', 'USD', '2024-07-18', 'test'),
       ('openai', 'gpt-4o-mini', 'inference', 'output', '0.0006',  'k_tokens', 'USD', '2024-07-18', 'test');
-- The gpt-4o-mini calls: the log's billed rows (type 2) of that model.
CREATE TEMP VIEW mini AS
SELECT sum(prompt_tokens) AS input, sum(completion_tokens) AS output, count(*) AS calls
  FROM logs WHERE type = 2 AND model_name = 'gpt-4o-mini';

.print '1. @currency unset: one total per currency'
.parameter clear
.output /dev/null
.read sql/reports/newapi.sql
.output
.mode list
.headers off
SELECT line, currency, calls, cost FROM maas_report_totals WHERE line = 'total' ORDER BY currency;
SELECT 'USD by hand', printf('%d.%08d', (input * 15 + output * 60) / 100000000, (input * 15 + output * 60) % 100000000),
       (SELECT cost FROM maas_report_totals WHERE line = 'total' AND currency = 'USD')
         = rtrim(rtrim(printf('%d.%08d', (input * 15 + output * 60) / 100000000,
                              (input * 15 + output * 60) % 100000000), '0'), '.')
  FROM mini;

.print
.print '2. @currency = CNY, no USD rate: the USD calls are not converted, not added'
.parameter set @currency "'CNY'"
.output /dev/null
.read sql/reports/newapi.sql
.output
.mode list
.headers off
SELECT line, currency, reason, calls, cost FROM maas_report_totals WHERE line IN ('total', 'not converted')
 ORDER BY line, currency;
SELECT 'not converted = the gpt-4o-mini calls', (SELECT calls FROM maas_report_totals WHERE line = 'not converted')
       = (SELECT calls FROM mini);

.print
.print '3. @currency = CNY with USD->CNY 7.1: one CNY total'
INSERT INTO maas_user_fx(currency, to_currency, rate, effective_from, source)
VALUES ('USD', 'CNY', '7.1', '2024-01-01', 'test');
.output /dev/null
.read sql/reports/newapi.sql
.output
.mode list
.headers off
SELECT line, currency, calls, cost FROM maas_report_totals WHERE line IN ('total', 'not converted');
-- CNY alone + the USD part at 7.1, in 1e-9 CNY: exact text on both sides.
SELECT 'CNY by hand',
       (SELECT cost FROM maas_report_totals WHERE line = 'total')
         = (SELECT maas_total_text(v) FROM (SELECT cost AS v FROM cny_alone
                                            UNION ALL
                                            SELECT printf('%d.%09d', (input * 1065 + output * 4260) / 1000000000,
                                                          (input * 1065 + output * 4260) % 1000000000) FROM mini))
  FROM mini;
.parameter clear

.print
.print "4. The tool's own cost (quota / 500000 USD) beside the card's, in CNY at 7.1"
.parameter set @currency "'CNY'"
.output /dev/null
.read sql/reports/newapi.sql
.output
.mode list
.headers off
-- By hand: the counted calls' quota x 7.1 / 500000 = quota x 142 units of
-- 1e-7 CNY; the card's side is the report's own CNY total of those calls.
SELECT 'recorded in CNY by hand',
       (SELECT maas_total_text(recorded_in_currency) FROM maas_report_recorded)
         = (SELECT maas_total_text(printf('%d.%07d', q * 142 / 10000000, q * 142 % 10000000))),
       (SELECT maas_total_text(difference) FROM maas_report_recorded)
         = (SELECT maas_total_text(v) FROM (SELECT maas_total_text(card_cost) AS v FROM maas_report_recorded
                                            UNION ALL SELECT printf('-%d.%07d', q * 142 / 10000000, q * 142 % 10000000)))
  FROM (SELECT sum(l.quota) AS q FROM temp.maas_usage AS u JOIN logs AS l ON l.id = u.source_id
         WHERE u.reason IS NULL AND u.recorded_cost IS NOT NULL);
.parameter clear

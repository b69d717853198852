-- usage_focus.sql - maas_focus (sql/usage/focus.sql), FOCUS 1.2 rows, over the
-- hand-made usage of tests/focus/usage_fixture.sql: its totals per currency against
-- temp.maas_usage and against a computation written out here by hand; each row's
-- amounts; the 21 mandatory columns; the CSV as written; the same after converting
-- to CNY; a billing account of the user's; and no counted call at all.
.read tests/focus/usage_fixture.sql
.read sql/usage/focus.sql
.print '-- the 21 columns FOCUS 1.2 makes mandatory, present'
SELECT count(*) FROM pragma_table_info('maas_focus')
 WHERE name IN ('BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodEnd',
                'BillingPeriodStart', 'ChargeCategory', 'ChargeClass', 'ChargeDescription', 'ChargePeriodEnd',
                'ChargePeriodStart', 'ContractedCost', 'EffectiveCost', 'InvoiceIssuerName', 'ListCost',
                'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName');
.print '-- rows per call (the five counted calls; 6, 7 and 8 are left out) and kind'
SELECT x_SourceId, group_concat(x_TokenKind, ' ') FROM maas_focus GROUP BY x_SourceId ORDER BY x_SourceId;
.print "-- per BillingCurrency: rows, sum of BilledCost, the report's total of cost, by hand, agree"
-- By hand, in 1e-9 of the currency: a price per 1,000 tokens of p is p * 1e6 per
-- token in these units, per million tokens p * 1e3.
--   CNY: call 1 1200 x 2000 + 3400 x 8000 (DeepSeek-V3 0.002 / 0.008), call 2 1000 x 4000
--        + 2000 x 16000 (DeepSeek-R1, the 800 cached tokens at the input price), call 4
--        1000 x 16000 (the user's output price from 2026-01-01)
--   USD: call 3 100 x 2000 + 800 x 500 + 100 x 2500 + 500 x 8000 + 3 x 10000000, call 5
--        1 x 10000000 (acme M1 per million tokens: 2, 0.5, 2.5, 8; 0.01 per request)
WITH hand(currency, nano) AS (
  SELECT 'CNY', 1200 * 2000 + 3400 * 8000 + 1000 * 4000 + 2000 * 16000 + 1000 * 16000
  UNION ALL
  SELECT 'USD', 100 * 2000 + 800 * 500 + 100 * 2500 + 500 * 8000 + 3 * 10000000 + 1 * 10000000),
focus AS (SELECT BillingCurrency AS currency, count(*) AS n, maas_total_text(BilledCost) AS billed
            FROM maas_focus GROUP BY 1),
report AS (SELECT currency, maas_total_text(cost) AS cost FROM maas_usage WHERE reason IS NULL GROUP BY 1)
SELECT f.currency, f.n, f.billed, r.cost, maas_round_text(h.nano || 'e-9') AS by_hand,
       f.billed = r.cost AND r.cost = maas_round_text(h.nano || 'e-9') AS agree
  FROM focus AS f JOIN report AS r USING (currency) JOIN hand AS h USING (currency) ORDER BY 1;
.print '-- rows where BilledCost, EffectiveCost, ListCost, ContractedCost differ, or ListCost is not'
.print '-- ListUnitPrice x PricingQuantity exactly (none)'
SELECT count(*) FROM maas_focus
 WHERE BilledCost <> EffectiveCost OR BilledCost <> ListCost OR ListCost <> ContractedCost
    OR decimal_cmp(decimal_mul(ListUnitPrice, PricingQuantity), ListCost) <> 0
    OR decimal_cmp(decimal_mul(PricingCurrencyListUnitPrice, PricingQuantity), PricingCurrencyEffectiveCost) <> 0;
.print '-- the CSV, as docs/focus.md writes it'
.headers on
.mode csv
SELECT * FROM maas_focus;
.headers off
.mode list
.print "-- converted to CNY (@currency): one currency, each amount in it, the USD card's prices kept"
.parameter set @currency "'CNY'"
.read tests/focus/usage_fixture.sql
-- By hand: CNY as above, plus the USD calls at 7.1: 0.04485 x 7.1 = 0.318435.
SELECT BillingCurrency, count(*), maas_total_text(BilledCost),
       (SELECT maas_total_text(cost) FROM maas_usage WHERE reason IS NULL),
       maas_total_text(BilledCost) = '0.400035' AND (SELECT maas_total_text(cost) FROM maas_usage) = '0.400035'
  FROM maas_focus GROUP BY 1;
SELECT x_SourceId, x_TokenKind, BilledCost, ListUnitPrice, PricingQuantity, PricingCurrency,
       PricingCurrencyListUnitPrice, PricingCurrencyEffectiveCost
  FROM maas_focus WHERE PricingCurrency <> BillingCurrency;
SELECT count(*) FROM maas_focus
 WHERE BilledCost <> ListCost OR decimal_cmp(decimal_mul(ListUnitPrice, PricingQuantity), ListCost) <> 0;
.parameter clear
.print "-- the user's own billing account"
INSERT INTO temp.maas_focus_account VALUES ('appid-1234', 'our Xingchen account');
SELECT DISTINCT BillingAccountId, BillingAccountName FROM maas_focus;
DELETE FROM temp.maas_focus_account;
.print '-- no counted call: no row, no error'
DELETE FROM temp.focus_fixture WHERE source_id <= 5;
SELECT count(*) FROM maas_focus;

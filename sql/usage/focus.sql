-- focus.sql - maas_focus: the priced usage (temp.maas_usage) as FOCUS 1.2 rows, the
-- FinOps Open Cost and Usage Specification (FOCUS_Spec, tag v1.2, commit 7296e314,
-- 2025-05-30; column library specification/columns/*.md).  docs/focus.md maps each column.
--
--   .read sql/usage/focus.sql          (any report of sql/reports/ reads it)
--   .headers on
--   .mode csv
--   .once focus.csv
--   SELECT * FROM maas_focus;
--
-- One row per counted call (reason IS NULL) and price line billed: FOCUS prices a
-- row as PricingQuantity x unit price, and a call has one price per token kind.
-- Input tokens go on the input line, with cached reads and cache writes when the
-- card has no cached_input / cache_write price in force (maas_cost_cached's rule);
-- the input and output rows are always there, the others when their count is not 0.
-- Amounts are exact decimal text, always with a point ('12.0'); a BilledCost sums
-- to `cost` per call exactly (the input row takes the remainder, 0 but for costs
-- beyond 15 digits), so sum(BilledCost) per BillingCurrency is the report's total.
-- ChargePeriod: the UTC hour of the call (the provider bills inference hourly).
-- BillingPeriod: the calendar month in Beijing time (+08:00, where the provider
-- bills), written in UTC.  BillingAccountId/Name: the tool (`source`) unless a row
-- is put in temp.maas_focus_account, e.g.
--   INSERT INTO temp.maas_focus_account VALUES ('appid-1234', 'our Xingchen account');
CREATE TEMP TABLE IF NOT EXISTS maas_focus_account(
  billing_account_id   TEXT NOT NULL CHECK (trim(billing_account_id) <> ''),
  billing_account_name TEXT);
DROP VIEW IF EXISTS temp.maas_focus;
CREATE TEMP VIEW maas_focus AS
WITH
-- The counted calls, read once (row_number materializes them), numbered.
calls AS (
  SELECT row_number() OVER () AS call, source, source_id, at, model, served_model, priced_name, input_tokens,
         cached_input_tokens, cache_write_tokens, output_tokens, requests, user_name, key_name, project_name,
         month, priced_model, price_currency, price_cost, currency, cost
    FROM temp.maas_usage WHERE reason IS NULL LIMIT -1 OFFSET 0),
-- The price lines of the models priced (every version), looked up once per model:
-- a name two cards publish has none (it is not priced, so never counted).
card AS (
  SELECT m.priced_name, r.provider, r.model AS line_model, r.item, r.effective_from, r.effective_to, r.unit,
         maas_round_text(r.price_text) AS price
    FROM (SELECT DISTINCT priced_name FROM calls) AS m
    JOIN maas_rates AS r ON r.lookup = m.priced_name
   WHERE r.item IN ('input', 'cached_input', 'cache_write', 'output', 'request') LIMIT -1 OFFSET 0),
-- Each call with each price line in force at its instant.
lines AS (
  SELECT c.*, r.provider, r.line_model, r.item, r.effective_from, r.unit, r.price,
         CASE r.item WHEN 'input' THEN 1 WHEN 'cached_input' THEN 2 WHEN 'cache_write' THEN 3
                     WHEN 'output' THEN 4 ELSE 5 END AS pos,
         CASE r.item WHEN 'output' THEN c.output_tokens WHEN 'request' THEN c.requests
                     WHEN 'cached_input' THEN c.cached_input_tokens
                     WHEN 'cache_write' THEN c.cache_write_tokens END AS own_qty
    FROM calls AS c
    JOIN card AS r ON r.priced_name = c.priced_name
         AND r.effective_from <= c.at AND (r.effective_to IS NULL OR c.at < r.effective_to)),
-- The quantity of each line (the input line: what no cache line took) and its
-- amount in the price currency: quantity x price exactly, as decimal text.
priced AS (
  SELECT *, coalesce(own_qty, input_tokens - sum(CASE WHEN item IN ('cached_input', 'cache_write')
                     THEN own_qty ELSE 0 END) OVER (PARTITION BY call)) AS qty,
         CASE unit WHEN 'k_tokens' THEN 3 WHEN 'm_tokens' THEN 6 ELSE 0 END AS unit_exp,
         CAST(replace(price, '.', '') AS INTEGER) AS price_digits,
         CASE WHEN instr(price, '.') > 0 THEN length(price) - instr(price, '.') ELSE 0 END AS price_exp
    FROM lines),
amounts AS (
  SELECT *, maas_round_text(qty || 'e-' || unit_exp) AS pricing_qty,
         CASE WHEN typeof(qty * price_digits) = 'integer'
              THEN maas_round_text((qty * price_digits) || 'e-' || (price_exp + unit_exp))
              ELSE maas_round_text(qty * CAST(price AS REAL) / (CASE unit_exp WHEN 3 THEN 1e3
                                   WHEN 6 THEN 1e6 ELSE 1 END)) END AS price_amount
    FROM priced WHERE item IN ('input', 'output') OR qty > 0),
-- In the billing currency (`currency`: converted at the call's instant when the
-- report converted it), and the per-call remainder on the input row.
billed AS (
  SELECT *,
         CASE WHEN currency = price_currency THEN price
              ELSE maas_round_text(maas_convert(price, price_currency, currency, at)) END AS unit_price,
         CASE WHEN currency = price_currency THEN price_amount
              ELSE maas_round_text(maas_convert(price_amount, price_currency, currency, at)) END AS list_cost,
         CASE provider WHEN 'iflytek-xingchen' THEN 'iFlytek' ELSE provider END AS provider_name
    FROM amounts),
charges AS (
  SELECT *,
         CASE item WHEN 'input' THEN maas_total_text(CASE item WHEN 'input' THEN cost ELSE '-' || list_cost END)
                                     OVER (PARTITION BY call) ELSE list_cost END AS billed_cost,
         CASE item WHEN 'input' THEN maas_total_text(CASE item WHEN 'input' THEN price_cost ELSE '-' || price_amount END)
                                     OVER (PARTITION BY call) ELSE price_amount END AS price_cost_amount,
         CASE item WHEN 'input' THEN 'Input Tokens' WHEN 'cached_input' THEN 'Cached Input Tokens'
                   WHEN 'cache_write' THEN 'Cache Write Tokens' WHEN 'output' THEN 'Output Tokens'
                   ELSE 'Requests' END AS meter,
         CASE unit_exp WHEN 3 THEN '1000 Tokens' WHEN 6 THEN '1000000 Tokens' ELSE 'Requests' END AS pricing_unit,
         provider || '/' || line_model || '/' || item AS sku,
         maas_month(at, '+08:00') || '-01' AS bj_month
    FROM billed)
SELECT billed_cost || iif(instr(billed_cost, '.'), '', '.0') AS BilledCost,
       coalesce((SELECT billing_account_id FROM temp.maas_focus_account LIMIT 1), source) AS BillingAccountId,
       CASE WHEN EXISTS (SELECT 1 FROM temp.maas_focus_account)
            THEN (SELECT billing_account_name FROM temp.maas_focus_account LIMIT 1)
            ELSE source END AS BillingAccountName,
       currency AS BillingCurrency,
       strftime('%Y-%m-%dT%H:%M:%SZ', bj_month, '+1 month', '-8 hours') AS BillingPeriodEnd,
       strftime('%Y-%m-%dT%H:%M:%SZ', bj_month, '-8 hours') AS BillingPeriodStart,
       'Usage' AS ChargeCategory,
       NULL AS ChargeClass,
       coalesce(priced_model, line_model) || ' ' || lower(meter) || ' at ' || price || ' ' || price_currency
         || ' per ' || iif(item = 'request', 'request', lower(pricing_unit)) AS ChargeDescription,
       'Usage-Based' AS ChargeFrequency,
       strftime('%Y-%m-%dT%H:00:00Z', at, '+1 hour') AS ChargePeriodEnd,
       strftime('%Y-%m-%dT%H:00:00Z', at) AS ChargePeriodStart,
       qty || '.0' AS ConsumedQuantity,
       iif(item = 'request', 'Requests', 'Tokens') AS ConsumedUnit,
       list_cost || iif(instr(list_cost, '.'), '', '.0') AS ContractedCost,
       unit_price || iif(instr(unit_price, '.'), '', '.0') AS ContractedUnitPrice,
       billed_cost || iif(instr(billed_cost, '.'), '', '.0') AS EffectiveCost,
       provider_name AS InvoiceIssuerName,
       list_cost || iif(instr(list_cost, '.'), '', '.0') AS ListCost,
       unit_price || iif(instr(unit_price, '.'), '', '.0') AS ListUnitPrice,
       'Standard' AS PricingCategory,
       price_currency AS PricingCurrency,
       price || iif(instr(price, '.'), '', '.0') AS PricingCurrencyContractedUnitPrice,
       price_cost_amount || iif(instr(price_cost_amount, '.'), '', '.0') AS PricingCurrencyEffectiveCost,
       price || iif(instr(price, '.'), '', '.0') AS PricingCurrencyListUnitPrice,
       pricing_qty || iif(instr(pricing_qty, '.'), '', '.0') AS PricingQuantity,
       pricing_unit AS PricingUnit,
       provider_name AS ProviderName,
       provider_name AS PublisherName,
       'AI and Machine Learning' AS ServiceCategory,
       iif(provider = 'iflytek-xingchen', 'iFlytek Xingchen MaaS', provider_name || ' inference') AS ServiceName,
       'Generative AI' AS ServiceSubcategory,
       sku AS SkuId,
       meter AS SkuMeter,
       NULL AS SkuPriceDetails,
       sku || '/' || strftime('%Y-%m-%dT%H:%M:%SZ', effective_from) AS SkuPriceId,
       source AS x_Source,
       source_id AS x_SourceId,
       model AS x_Model,
       served_model AS x_ServedModel,
       item AS x_TokenKind,
       user_name AS x_UserName,
       key_name AS x_KeyName,
       project_name AS x_ProjectName,
       month AS x_ReportMonth
  FROM charges
 ORDER BY call, pos;

-- views.sql - maas_model_prices: the price list with one row per model.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read sql/views.sql
--   sqlite> SELECT model, input, output, deployment, deployment_unit
--      ...>   FROM maas_model_prices WHERE model = 'Qwen3-8B';
--   Qwen3-8B|0.0005|0.005||
--
-- maas_rates has one row per price line, which is what a query wants when it
-- joins on an item; to read or compare models it is easier to have each item
-- as a column.  Token prices (input, output, lora, full, lora_merge) are CNY
-- per 1,000 tokens; deployment is per deployment_unit, 'node_hour' or 'hour'
-- (the page gives a few models a price per hour without "per node").  A column
-- is NULL where the list has no such price.  Only current prices are shown
-- (effective_to IS NULL); effective_from is the newest of the model's lines.
-- Rows are grouped by currency too, so prices in two currencies would never
-- share a row.  Prices are REAL; maas_rates.price_text has the exact decimal.
--
-- The view is TEMP on purpose: maas_rates exists only on a connection that
-- has loaded the extension, so a view stored in the database file would be
-- broken for every other reader of it.  A TEMP view writes nothing to the
-- file, works on read-only databases and lives as long as the connection,
-- like the extension itself: run this file after each .load.
CREATE TEMP VIEW IF NOT EXISTS maas_model_prices AS
SELECT provider,
       model,
       max(CASE item WHEN 'input'      THEN price END) AS input,
       max(CASE item WHEN 'output'     THEN price END) AS output,
       max(CASE item WHEN 'deployment' THEN price END) AS deployment,
       max(CASE item WHEN 'deployment' THEN unit  END) AS deployment_unit,
       max(CASE item WHEN 'lora'       THEN price END) AS lora,
       max(CASE item WHEN 'full'       THEN price END) AS "full",
       max(CASE item WHEN 'lora_merge' THEN price END) AS lora_merge,
       currency,
       max(effective_from) AS effective_from
  FROM maas_rates
 WHERE effective_to IS NULL
 GROUP BY provider, model, currency;

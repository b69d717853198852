-- views.sql - maas_model_prices (sql/views.sql): one row per model with a
-- column per item, checked against the published list
-- (shared/seed/000_1cd2ef185819af08.txt).
.read sql/views.sql
.read sql/views.sql
.nullvalue NULL
.headers on
.mode list

-- A TEMP view, made once however often the file is read.
SELECT type, name FROM sqlite_temp_master WHERE name = 'maas_model_prices';
-- 42 models; together their prices are the 131 lines of maas_rates.
SELECT count(*) AS models,
       count(input) + count(output) + count(deployment) + count(lora) + count("full")
         + count(lora_merge) AS prices,
       count(DISTINCT provider) AS providers, count(DISTINCT currency) AS currencies
  FROM maas_model_prices;

-- One of each shape: all inference items and LoRA; inference only with the
-- most decimals; per hour without nodes; training only; full and LoRA merge;
-- LoRA and full; a deployment price with decimals.
SELECT model, input, output, deployment, deployment_unit, lora, "full", lora_merge, currency, effective_from
  FROM maas_model_prices
 WHERE model IN ('DeepSeek-R1', 'Qwen3-30B-A3B', 'Spark Mini', 'Gemma2_9b_it',
                 'Qwen_v2.5_1.5b_Instruct', 'Qwen3-0.6B', 'Spark Lite Instruct')
 ORDER BY model;
-- Only models with the per-hour deployment unit.
SELECT model FROM maas_model_prices WHERE deployment_unit = 'hour' ORDER BY model;

-- acceptance.sql - the public SQL interface, checked against the published
-- price list (shared/seed/000_1cd2ef185819af08.txt, iFlytek Xingchen MaaS,
-- 2025-07-08).  Each line prints a label and the value; NULL prints as NULL.
-- An error goes to stderr ("Runtime error near line N: ..."); the shell goes on.
-- expect: error (the bad-input lines)
.nullvalue NULL
.headers off
.mode list

-- The whole list: 131 price lines of 42 models.
SELECT 'lines', count(*) FROM maas_rates;
SELECT 'models', count(DISTINCT model) FROM maas_rates;

-- DeepSeek-R1: 1M input at 0.004/k + 1M output at 0.016/k = 4 + 16.
SELECT 'cost DeepSeek-R1 1M+1M', maas_cost('DeepSeek-R1', 1000000, 1000000);
-- Qwen3-8B LoRA: 0.006/k x 1M tokens x 3 epochs = 18.
SELECT 'training Qwen3-8B lora 1M x3', maas_training_cost('Qwen3-8B', 'lora', 1000000, 3);
-- DeepSeek-V3 deployment: 150 per node-hour x 24 h x 2 nodes = 7200.
SELECT 'deployment DeepSeek-V3 24h x2', maas_deployment_cost('DeepSeek-V3', 24, 2);
-- The most decimals on the page: Qwen3-30B-A3B input 0.00075/k, one token.
SELECT 'cost Qwen3-30B-A3B 1 input token', maas_cost('Qwen3-30B-A3B', 1, 0);
SELECT 'price Qwen3-30B-A3B input', maas_price('Qwen3-30B-A3B', 'input');
SELECT 'type of a cost', typeof(maas_cost('Qwen3-8B', 1, 1));

-- Names: exact, ignoring letter case; anything else is unknown.
SELECT 'model qwen3-8b', maas_model('qwen3-8b');
SELECT 'model QWEN3-8B', maas_model('QWEN3-8B');
SELECT 'model deepseek-r1', maas_model('deepseek-r1');
SELECT 'model spark max', maas_model('spark max');
SELECT 'model Qwen3 8B', maas_model('Qwen3 8B');
SELECT 'model gpt-4o-mini', maas_model('gpt-4o-mini');
-- Qwen3-8B in other case: 1000 x 0.0005/k + 1000 x 0.005/k = 0.0055.
SELECT 'cost QWEN3-8B 1k+1k', maas_cost('QWEN3-8B', 1000, 1000);

-- No price: unknown model, or a model not sold per token (Spark Mini has
-- only deployment and full fine-tuning prices).
SELECT 'cost gpt-4o-mini', maas_cost('gpt-4o-mini', 1000, 1000);
SELECT 'cost Spark Mini', maas_cost('Spark Mini', 1000, 1000);
SELECT 'price Spark Mini deployment', maas_price('Spark Mini', 'deployment');
SELECT 'cost NULL tokens', maas_cost('Qwen3-8B', NULL, 0);

-- Bad input is an error naming the function and the argument.
SELECT 'cost negative', maas_cost('Qwen3-8B', -1, 0);
SELECT 'cost two arguments', maas_cost('Qwen3-8B', 1);
SELECT 'still running', 1;

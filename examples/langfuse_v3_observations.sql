-- langfuse_v3_observations.sql - an example Langfuse v3 trace store as it
-- leaves ClickHouse: the `observations` table with 12 made-up rows, as
-- `clickhouse-client --query "SELECT ... FROM observations FORMAT TSV"` prints
-- them and `.import` reads them back (every column TEXT, NULL as \N).
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/langfuse_v3_observations.sql
--   sqlite> .read sql/reports/langfuse_v3.sql
--
-- The column names are those of Langfuse v3's ClickHouse `observations`
-- (id, trace_id, project_id, type, start_time, provided_model_name,
-- usage_details, cost_details, total_cost; the export keeps the names).
-- usage_details is a Map(LowCardinality(String), UInt64), printed as
-- {'input':1000,'output':500,'total':1500}; one row here holds it as JSON,
-- as an export through the public API gives it.  What is in it:
--   - 9 GENERATION rows: DeepSeek-V3 (as 'deepseek-v3' and 'xdeepseekv3'),
--     Qwen3-8B ('xop3qwen8b'), one 'gpt-4o-mini' (not a Xingchen model), one
--     before the first published price (2025-07-08 05:25:00 UTC), one at
--     2025-08-31 17:00 UTC (September in Beijing time), one without a model
--     (\N), one with usage_details \N;
--   - a SPAN and an EVENT, which are not usage.
CREATE TABLE observations (
  id TEXT, trace_id TEXT, project_id TEXT, type TEXT, start_time TEXT, provided_model_name TEXT,
  usage_details TEXT, cost_details TEXT, total_cost TEXT
);
INSERT INTO observations VALUES
  ('o1',  't1', 'p1', 'GENERATION', '2025-08-01 10:00:00.000', 'deepseek-v3',
   '{''input'':1000,''output'':500,''total'':1500}', '{}', '0'),
  ('o2',  't1', 'p1', 'SPAN',       '2025-08-01 10:00:00.000', '\N', '{}', '{}', '0'),
  ('o3',  't2', 'p1', 'GENERATION', '2025-08-12 08:30:00.250', 'xdeepseekv3',
   '{''input'':2400,''output'':800,''total'':3200}', '{}', '0'),
  ('o4',  't3', 'p1', 'GENERATION', '2025-08-20 21:15:00.000', 'xop3qwen8b',
   '{''input'':5000,''output'':1000,''total'':6000}', '{}', '0'),
  ('o5',  't4', 'p1', 'GENERATION', '2025-08-31 17:00:00.000', 'xop3qwen8b',
   '{"input":3000,"output":600,"total":3600}', '{}', '0'),
  ('o6',  't5', 'p1', 'GENERATION', '2025-09-03 12:00:00.000', 'gpt-4o-mini',
   '{''input'':700,''output'':300,''total'':1000}', '{''input'':0.000105,''output'':0.00018}', '0.000285'),
  ('o7',  't6', 'p1', 'GENERATION', '2025-07-01 09:00:00.000', 'deepseek-v3',
   '{''input'':900,''output'':100,''total'':1000}', '{}', '0'),
  ('o8',  't7', 'p1', 'GENERATION', '2025-09-10 09:00:00.000', '\N',
   '{''input'':50,''output'':5,''total'':55}', '{}', '0'),
  ('o9',  't8', 'p1', 'GENERATION', '2025-09-11 09:00:00.000', 'deepseek-v3', '\N', '\N', '\N'),
  ('o10', 't8', 'p1', 'EVENT',      '2025-09-11 09:00:01.000', '\N', '{}', '{}', '0'),
  ('o11', 't9', 'p1', 'GENERATION', '2025-09-15 14:00:00.000', 'deepseek-v3',
   '{''input'':10000,''output'':2000,''total'':12000}', '{}', '0'),
  ('o12', 't9', 'p1', 'GENERATION', '2025-09-15 14:00:02.000', 'xop3qwen8b',
   '{''input'':400,''output'':40,''total'':440}', '{}', '0');

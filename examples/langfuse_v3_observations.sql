-- langfuse_v3_observations.sql - an example Langfuse v3 trace store as it
-- leaves ClickHouse: 24 made-up rows of `observations`, exported as CSV and
-- imported with `.import --csv` (every column TEXT, NULL as \N, a Map as
-- {'input':1000,'output':500,'total':1500}, DateTime64(3) as
-- '2025-08-01 10:00:00.000' in UTC).  The export joined each row's trace for
-- its user_id (docs/usage/langfuse.md shows the command):
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/langfuse_v3_observations.sql
--   sqlite> .read sql/reports/langfuse_v3.sql
--
-- The columns are those of Langfuse's ClickHouse `observations`
-- (packages/shared/clickhouse/migrations/unclustered/0002_observations.up.sql,
-- as of v4.16.0), the ones the export chose; user_id is traces.user_id.
-- What is in it (by hand, at the card's prices, in tests/shell/usage_langfuse_v3.sql):
--   - GENERATIONs of DeepSeek-V3 ('deepseek-v3', the service ID
--     'xdeepseekv3', 'openai/xdeepseekv3' with a provider prefix), Qwen3-8B
--     ('xop3qwen8b') and DeepSeek-R1 ('xdeepseekr1');
--   - usage split into Langfuse's buckets: cached reads
--     (input_cached_tokens; input_cache_read), cache writes
--     (input_cache_creation) and reasoning (output_reasoning_tokens), each
--     apart from 'input' and 'output';
--   - one usage_details as JSON (o5), as Langfuse's public API returns it;
--   - o5 at 2025-08-31 17:00 UTC, September in Beijing time;
--   - o7 before the first published price (2025-07-08 05:25:00 UTC);
--   - o6 'gpt-4o-mini' and the EMBEDDING o19 'text-embedding-3-small', which
--     the card does not know; o22 'Spark-Max', another product;
--   - o8 without a model (\N), o9 with no usage reported ({});
--   - o16, the double count of Langfuse issue #10592 (an 'input' that still
--     holds the cached bucket: total 1500 below the buckets' 2300), and o17,
--     a key that is no token kind: neither is read;
--   - o20, an AGENT carrying the usage of its child generation o21, a SPAN
--     and an EVENT: not calls;
--   - total_cost where Langfuse priced the call (its own model definitions,
--     USD) or the application sent a cost.
CREATE TABLE observations (
  id TEXT, trace_id TEXT, project_id TEXT, type TEXT, start_time TEXT, provided_model_name TEXT,
  usage_details TEXT, cost_details TEXT, total_cost TEXT
);
-- The trace's user, joined by the export (bench/reports_data.py builds its
-- table from the CREATE above alone: the adapter reads user_id when present).
ALTER TABLE observations ADD COLUMN user_id TEXT;
INSERT INTO observations(id, trace_id, project_id, type, start_time, provided_model_name, usage_details,
                         cost_details, total_cost, user_id) VALUES
  ('o1',  't1',  'p1', 'GENERATION', '2025-08-01 10:00:00.000', 'deepseek-v3',
   '{''input'':1000,''output'':500,''total'':1500}', '{}', '\N', 'alice'),
  ('o2',  't1',  'p1', 'SPAN',       '2025-08-01 10:00:00.000', '\N', '{}', '{}', '\N', 'alice'),
  ('o3',  't2',  'p1', 'GENERATION', '2025-08-12 08:30:00.250', 'xdeepseekv3',
   '{''input'':2400,''output'':800,''total'':3200}', '{}', '\N', 'bob'),
  ('o4',  't3',  'p1', 'GENERATION', '2025-08-20 21:15:00.000', 'xop3qwen8b',
   '{''input'':5000,''output'':1000,''total'':6000}', '{}', '\N', 'alice'),
  ('o5',  't4',  'p2', 'GENERATION', '2025-08-31 17:00:00.000', 'xop3qwen8b',
   '{"input":3000,"output":600,"total":3600}', '{}', '\N', '\N'),
  ('o6',  't5',  'p1', 'GENERATION', '2025-09-03 12:00:00.000', 'gpt-4o-mini',
   '{''input'':700,''output'':300,''total'':1000}', '{''input'':0.000105,''output'':0.00018,''total'':0.000285}',
   '0.000285', 'bob'),
  ('o7',  't6',  'p1', 'GENERATION', '2025-07-01 09:00:00.000', 'deepseek-v3',
   '{''input'':900,''output'':100,''total'':1000}', '{}', '\N', 'alice'),
  ('o8',  't7',  'p1', 'GENERATION', '2025-09-10 09:00:00.000', '\N',
   '{''input'':50,''output'':5,''total'':55}', '{}', '\N', 'alice'),
  ('o9',  't8',  'p1', 'GENERATION', '2025-09-11 09:00:00.000', 'deepseek-v3', '{}', '{}', '\N', 'bob'),
  ('o10', 't8',  'p1', 'EVENT',      '2025-09-11 09:00:01.000', '\N', '{}', '{}', '\N', 'bob'),
  ('o11', 't9',  'p2', 'GENERATION', '2025-09-15 14:00:00.000', 'deepseek-v3',
   '{''input'':10000,''output'':2000,''total'':12000}', '{}', '\N', '\N'),
  ('o12', 't9',  'p2', 'GENERATION', '2025-09-15 14:00:02.000', 'xop3qwen8b',
   '{''input'':400,''output'':40,''total'':440}', '{}', '\N', '\N'),
  ('o13', 't10', 'p1', 'GENERATION', '2025-10-02 08:00:00.000', 'xdeepseekv3',
   '{''input'':200,''input_cached_tokens'':800,''output'':500,''total'':1500}',
   '{''input'':0.00004,''input_cached_tokens'':0.00004,''output'':0.0002,''total'':0.00028}', '0.00028', 'alice'),
  ('o14', 't11', 'p1', 'GENERATION', '2025-10-03 08:00:00.000', 'deepseek-v3',
   '{''input'':100,''input_cache_read'':700,''input_cache_creation'':200,''output'':300,''total'':1300}', '{}',
   '\N', 'bob'),
  ('o15', 't12', 'p2', 'GENERATION', '2025-10-04 08:00:00.000', 'xdeepseekr1',
   '{''input'':1000,''output'':200,''output_reasoning_tokens'':800,''total'':2000}', '{''total'':0.0021}',
   '0.0021', '\N'),
  ('o16', 't13', 'p1', 'GENERATION', '2025-10-04 09:00:00.000', 'deepseek-v3',
   '{''input'':1000,''input_cached_tokens'':800,''output'':500,''total'':1500}', '{}', '\N', 'alice'),
  ('o17', 't14', 'p1', 'GENERATION', '2025-10-04 10:00:00.000', 'xop3qwen8b',
   '{''input'':500,''output'':100,''accepted_prediction_tokens'':20,''total'':620}', '{}', '\N', 'alice'),
  ('o18', 't15', 'p1', 'GENERATION', '2025-10-05 08:00:00.000', 'openai/xdeepseekv3',
   '{''input'':1200,''output'':300,''total'':1500}', '{}', '\N', 'bob'),
  ('o19', 't16', 'p1', 'EMBEDDING',  '2025-10-05 09:00:00.000', 'text-embedding-3-small',
   '{''input'':5000,''total'':5000}', '{''input'':0.0001,''total'':0.0001}', '0.0001', 'bob'),
  ('o20', 't17', 'p1', 'AGENT',      '2025-10-05 10:00:00.000', 'deepseek-v3',
   '{''input'':3000,''output'':700,''total'':3700}', '{}', '\N', 'alice'),
  ('o21', 't17', 'p1', 'GENERATION', '2025-10-05 10:00:00.120', 'deepseek-v3',
   '{''input'':3000,''output'':700,''total'':3700}', '{}', '\N', 'alice'),
  ('o22', 't18', 'p1', 'GENERATION', '2025-10-06 08:00:00.000', 'Spark-Max',
   '{''input'':100,''output'':50,''total'':150}', '{}', '\N', 'bob'),
  ('o23', 't19', 'p2', 'SPAN',       '2025-10-06 09:00:00.000', '\N', '{}', '{}', '\N', '\N'),
  ('o24', 't19', 'p2', 'TOOL',       '2025-10-06 09:00:00.500', '\N', '{}', '{}', '\N', '\N');

-- langfuse_v4_events.sql - an example Langfuse v4 trace store as it leaves
-- ClickHouse: 26 made-up rows of `events_core`, exported as CSV with the
-- times in UTC and imported with `.import --csv` (every column TEXT; a Map
-- as {'input':1000,'output':500,'total':1500}; a String never NULL, '' for
-- none; DateTime64(6) as '2026-08-01 10:00:00.123456').  docs/usage/langfuse.md
-- shows the export:
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/langfuse_v4_events.sql
--   sqlite> .read sql/reports/langfuse_v4.sql
--
-- The columns are those of Langfuse's ClickHouse `events_core`
-- (packages/shared/clickhouse/migrations/unclustered/0040_create_events_core.up.sql,
-- as of v4.16.0), the ones the export chose; the user is on the row.
-- What is in it (by hand, at the card's prices, in tests/shell/usage_langfuse_v4.sql):
--   - GENERATIONs of DeepSeek-V3 ('deepseek-v3', the service ID
--     'xdeepseekv3', 'openai/xdeepseekv3' with a provider prefix), Qwen3-8B
--     ('xop3qwen8b') and DeepSeek-R1 ('xdeepseekr1');
--   - usage in Langfuse's buckets: cached reads (input_cached_tokens;
--     input_cache_read), cache writes (input_cache_creation) and reasoning
--     (output_reasoning_tokens), each apart from 'input' and 'output';
--   - ...0105 at 2026-08-31 17:00 UTC, September in Beijing time;
--   - ...0112, backfilled from v3's observations, before the first published
--     price (2025-07-08 05:25:00 UTC);
--   - the EMBEDDING ...0108 'text-embedding-3-small', which the card does not
--     know; ...0111 'Spark-Max', another product;
--   - ...0113 without a model (''), ...0114 with no usage reported ({});
--   - ...0110, a key that is no token kind (accepted_prediction_tokens):
--     its usage is not read;
--   - an AGENT (...0106) carrying the usage of its child generation ...0107,
--     a CHAIN, a TOOL, a GUARDRAIL, the root SPAN and an EVENT: not calls;
--   - two versions of ...0115 not yet merged (the later, by event_ts, holds
--     the final usage and is first in the file), and ...0116 whose later
--     version is a deletion: one call, and none;
--   - the span id ...0101 in a second project: another call;
--   - cost_details where Langfuse priced the call (its model definitions,
--     USD) or the application sent a cost.
CREATE TABLE events_core (
  project_id TEXT, trace_id TEXT, span_id TEXT, parent_span_id TEXT, start_time TEXT, name TEXT, type TEXT,
  user_id TEXT, provided_model_name TEXT, usage_details TEXT, cost_details TEXT, event_ts TEXT, is_deleted TEXT
);
INSERT INTO events_core VALUES
  ('p1', 't01', 'c0ffee0000000100', '', '2026-08-01 09:59:59.900000', 'chat', 'SPAN', 'alice', '', '{}', '{}',
   '2026-08-01 10:00:01.000000', '0'),
  ('p1', 't01', 'c0ffee0000000101', 'c0ffee0000000100', '2026-08-01 10:00:00.123456', 'llm', 'GENERATION',
   'alice', 'deepseek-v3', '{''input'':1000,''output'':500,''total'':1500}', '{}',
   '2026-08-01 10:00:01.000000', '0'),
  ('p2', 't90', 'c0ffee0000000101', '', '2026-08-02 11:00:00.000000', 'llm', 'GENERATION', '',
   'deepseek-v3', '{''input'':2000,''output'':100,''total'':2100}', '{}', '2026-08-02 11:00:01.000000', '0'),
  ('p1', 't02', 'c0ffee0000000102', '', '2026-08-03 08:00:00.000000', 'llm', 'GENERATION', 'alice',
   'xdeepseekv3', '{''input'':200,''input_cached_tokens'':800,''output'':500,''total'':1500}',
   '{''input'':0.00004,''input_cached_tokens'':0.00004,''output'':0.0002,''total'':0.00028}',
   '2026-08-03 08:00:02.000000', '0'),
  ('p1', 't03', 'c0ffee0000000103', '', '2026-08-04 08:00:00.000000', 'llm', 'GENERATION', 'bob',
   'openai/xdeepseekv3',
   '{''input'':100,''input_cache_read'':700,''input_cache_creation'':200,''output'':300,''total'':1300}', '{}',
   '2026-08-04 08:00:02.000000', '0'),
  ('p2', 't04', 'c0ffee0000000104', '', '2026-08-05 08:00:00.000000', 'llm', 'GENERATION', '',
   'xdeepseekr1', '{''input'':1000,''output'':200,''output_reasoning_tokens'':800,''total'':2000}',
   '{''total'':0.0021}', '2026-08-05 08:00:09.000000', '0'),
  ('p2', 't05', 'c0ffee0000000105', '', '2026-08-31 17:00:00.000000', 'llm', 'GENERATION', 'carol',
   'xop3qwen8b', '{''input'':3000,''output'':600,''total'':3600}', '{}', '2026-08-31 17:00:03.000000', '0'),
  ('p1', 't06', 'c0ffee0000000106', '', '2026-09-01 10:00:00.000000', 'agent', 'AGENT', 'bob', 'xop3qwen8b',
   '{''input'':5000,''output'':1000,''total'':6000}', '{}', '2026-09-01 10:00:05.000000', '0'),
  ('p1', 't06', 'c0ffee0000000107', 'c0ffee0000000106', '2026-09-01 10:00:00.200000', 'llm', 'GENERATION',
   'bob', 'xop3qwen8b', '{''input'':5000,''output'':1000,''total'':6000}', '{}',
   '2026-09-01 10:00:04.000000', '0'),
  ('p1', 't06', 'c0ffee0000000120', 'c0ffee0000000106', '2026-09-01 10:00:04.100000', 'search', 'TOOL', 'bob',
   '', '{}', '{}', '2026-09-01 10:00:04.500000', '0'),
  ('p1', 't06', 'c0ffee0000000121', 'c0ffee0000000106', '2026-09-01 10:00:00.100000', 'chain', 'CHAIN', 'bob',
   'xop3qwen8b', '{''input'':5000,''output'':1000,''total'':6000}', '{}', '2026-09-01 10:00:05.000000', '0'),
  ('p1', 't06', 'c0ffee0000000122', 'c0ffee0000000106', '2026-09-01 10:00:04.600000', 'guard', 'GUARDRAIL',
   'bob', 'deepseek-v3', '{''input'':300,''output'':5,''total'':305}', '{}', '2026-09-01 10:00:05.000000', '0'),
  ('p1', 't06', 'c0ffee0000000123', 'c0ffee0000000106', '2026-09-01 10:00:04.700000', 'done', 'EVENT', 'bob',
   '', '{}', '{}', '2026-09-01 10:00:04.700000', '0'),
  ('p1', 't07', 'c0ffee0000000108', '', '2026-09-02 09:00:00.000000', 'embed', 'EMBEDDING', 'bob',
   'text-embedding-3-small', '{''input'':5000,''total'':5000}', '{''input'':0.0001,''total'':0.0001}',
   '2026-09-02 09:00:00.300000', '0'),
  ('p1', 't08', 'c0ffee0000000109', '', '2026-09-03 09:00:00.000000', 'llm', 'GENERATION', 'alice',
   'deepseek-v3', '{''input'':1200,''output'':300,''total'':1500}', '{}', '2026-09-03 09:00:02.000000', '0'),
  ('p1', 't09', 'c0ffee0000000110', '', '2026-09-04 09:00:00.000000', 'llm', 'GENERATION', 'alice',
   'xop3qwen8b', '{''input'':500,''output'':100,''accepted_prediction_tokens'':20,''total'':620}', '{}',
   '2026-09-04 09:00:02.000000', '0'),
  ('p1', 't10', 'c0ffee0000000111', '', '2026-09-05 09:00:00.000000', 'llm', 'GENERATION', 'bob', 'Spark-Max',
   '{''input'':100,''output'':50,''total'':150}', '{}', '2026-09-05 09:00:01.000000', '0'),
  ('p1', 't11', 'c0ffee0000000112', '', '2025-07-01 09:00:00.000000', 'llm', 'GENERATION', 'alice',
   'deepseek-v3', '{''input'':900,''output'':100,''total'':1000}', '{}', '2026-07-30 02:00:00.000000', '0'),
  ('p1', 't12', 'c0ffee0000000113', '', '2026-09-06 09:00:00.000000', 'llm', 'GENERATION', 'alice', '',
   '{''input'':50,''output'':5,''total'':55}', '{}', '2026-09-06 09:00:01.000000', '0'),
  ('p1', 't13', 'c0ffee0000000114', '', '2026-09-07 09:00:00.000000', 'llm', 'GENERATION', 'bob',
   'deepseek-v3', '{}', '{}', '2026-09-07 09:00:01.000000', '0'),
  ('p1', 't14', 'c0ffee0000000115', '', '2026-09-08 09:00:00.000000', 'llm', 'GENERATION', 'alice',
   'deepseek-v3', '{''input'':3000,''output'':700,''total'':3700}', '{}', '2026-09-08 09:00:06.000000', '0'),
  ('p1', 't14', 'c0ffee0000000115', '', '2026-09-08 09:00:00.000000', 'llm', 'GENERATION', 'alice',
   'deepseek-v3', '{''input'':3000,''total'':3000}', '{}', '2026-09-08 09:00:00.500000', '0'),
  ('p1', 't15', 'c0ffee0000000116', '', '2026-09-09 09:00:00.000000', 'llm', 'GENERATION', 'bob',
   'deepseek-v3', '{''input'':800,''output'':200,''total'':1000}', '{}', '2026-09-09 09:00:01.000000', '0'),
  ('p1', 't15', 'c0ffee0000000116', '', '2026-09-09 09:00:00.000000', 'llm', 'GENERATION', 'bob',
   'deepseek-v3', '{''input'':800,''output'':200,''total'':1000}', '{}', '2026-09-10 12:00:00.000000', '1'),
  ('p2', 't16', 'c0ffee0000000117', '', '2026-09-11 09:00:00.000000', 'llm', 'GENERATION', '',
   'xdeepseekv3', '{''input'':10000,''output'':2000,''total'':12000}', '{}', '2026-09-11 09:00:04.000000', '0'),
  ('p2', 't16', 'c0ffee0000000118', '', '2026-09-11 09:00:05.000000', 'llm', 'GENERATION', '',
   'xop3qwen8b', '{''input'':400,''output'':40,''total'':440}', '{}', '2026-09-11 09:00:06.000000', '0');

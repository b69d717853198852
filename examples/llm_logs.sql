-- llm_logs.sql - an example logs.db of simonw/llm (the `llm` CLI): its
-- `responses` table with 20 made-up rows, and one user alias.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/llm_logs.sql
--   sqlite> .read sql/reports/llm.sql
--
-- The columns are those llm's migrations give `responses` (m010, m013,
-- m014: id, model, prompt, system, prompt_json, options_json, response,
-- response_json, conversation_id, duration_ms, datetime_utc, input_tokens,
-- output_tokens, token_details, schema_id); prompt and response texts are
-- short.  `model` is the id configured in llm ('xingchen-r1' is the user's
-- own, an alias of DeepSeek-R1 added below); response_json's "model" is the
-- one the provider says served the call.  What is in it:
--   - DeepSeek-V3 ('deepseek-v3', 'xdeepseekv3'), DeepSeek-R1
--     ('xdeepseekr1', and 'xingchen-r1' where response_json has no model),
--     Qwen3-8B ('xop3qwen8b', 'Qwen3-8B');
--   - one call configured as 'xingchen-r1' that was served by xdeepseekv3
--     (priced as DeepSeek-V3), one configured as 'qwen' (unknown) served by
--     xop3qwen8b, one response_json that is not JSON (the configured model
--     is priced);
--   - rows at 2025-07-31 15:59:59.5 and 16:00 UTC, 2025-08-31 16:30 and
--     23:59:59, 2025-09-30 15:59 and 16:01 UTC: the Beijing month is not the
--     UTC month for three of them;
--   - left out: 'gpt-4o-mini' (unknown), 'Spark-Max' (another product), one
--     before the first published price (2025-07-07), one with no token
--     counts, one with an empty datetime_utc, one with no model.
CREATE TABLE responses (
  id TEXT PRIMARY KEY, model TEXT, prompt TEXT, system TEXT, prompt_json TEXT, options_json TEXT,
  response TEXT, response_json TEXT, conversation_id TEXT, duration_ms INTEGER, datetime_utc TEXT,
  input_tokens INTEGER, output_tokens INTEGER, token_details TEXT, schema_id TEXT
);
CREATE TABLE IF NOT EXISTS maas_user_aliases (alias TEXT NOT NULL, model TEXT NOT NULL, source TEXT);
INSERT INTO maas_user_aliases(alias, model, source) VALUES ('xingchen-r1', 'DeepSeek-R1', 'llm extra-openai-models.yaml');
INSERT INTO responses(id, model, prompt, response, response_json, conversation_id, duration_ms, datetime_utc,
                      input_tokens, output_tokens, token_details) VALUES
  ('r01', 'deepseek-v3', 'hi', 'hello', '{"id": "c1", "model": "deepseek-v3", "object": "chat.completion"}',
   'c1', 900, '2025-07-31T15:59:59.500000+00:00', 1000, 500, NULL),
  ('r02', 'xingchen-r1', 'why', 'because', '{"id": "c2", "object": "chat.completion"}',
   'c2', 4000, '2025-07-31T16:00:00.000000+00:00', 2000, 1000, '{"completion_tokens_details": {"reasoning_tokens": 700}}'),
  ('r03', 'xingchen-r1', 'prove it', '...', '{"id": "c3", "model": "xdeepseekr1"}',
   'c3', 9000, '2025-08-05T09:12:00.250000+00:00', 1500, 3000, '{"completion_tokens_details": {"reasoning_tokens": 2500}}'),
  ('r04', 'xingchen-r1', 'sum up', '...', '{"id": "c4", "model": "xdeepseekv3"}',
   'c4', 2000, '2025-08-10T12:00:00.000000+00:00', 4000, 1000, NULL),
  ('r05', 'qwen', 'translate', '...', '{"id": "c5", "model": "xop3qwen8b"}',
   'c5', 1500, '2025-08-12T03:00:00.000000+00:00', 10000, 2000, NULL),
  ('r06', 'gpt-4o-mini', 'hello', 'hi', '{"id": "c6", "model": "gpt-4o-mini-2024-07-18"}',
   'c6', 800, '2025-08-20T08:00:00.000000+00:00', 700, 300, '{"prompt_tokens_details": {"cached_tokens": 0}}'),
  ('r07', 'Spark-Max', 'hello', 'hi', NULL,
   'c7', 700, '2025-08-21T08:00:00.000000+00:00', 300, 100, NULL),
  ('r08', 'deepseek-v3', 'early', '...', '{"id": "c8", "model": "deepseek-v3"}',
   'c8', 1000, '2025-07-07T12:00:00.000000+00:00', 900, 100, NULL),
  ('r09', 'deepseek-v3', 'late', '...', '{"id": "c9", "model": "deepseek-v3"}',
   'c9', 1200, '2025-08-31T16:30:00.000000+00:00', 3000, 600, NULL),
  ('r10', 'xingchen-r1', 'midnight', '...', '{"id": "c10", "model": "xdeepseekr1"}',
   'c10', 8000, '2025-08-31T23:59:59.000000+00:00', 500, 2500, NULL),
  ('r11', 'xingchen-r1', 'cut off', '', NULL,
   'c11', 100, '2025-09-02T10:00:00.000000+00:00', NULL, NULL, NULL),
  ('r12', 'deepseek-v3', 'broken', '...', '{"id": "c12", "model": ',
   'c12', 1100, '2025-09-03T10:00:00.000000+00:00', 2000, 400, NULL),
  ('r13', 'Qwen3-8B', 'long', '...', '{"id": "c13", "model": "Qwen3-8B"}',
   'c13', 5000, '2025-09-10T10:00:00.000000+00:00', 8000, 4000, NULL),
  ('r14', 'xingchen-r1', 'end of month', '...', '{"id": "c14", "model": "xdeepseekr1"}',
   'c14', 3000, '2025-09-30T15:59:00.000000+00:00', 1000, 1000, NULL),
  ('r15', 'deepseek-v3', 'next month', '...', '{"id": "c15", "model": "deepseek-v3"}',
   'c15', 3000, '2025-09-30T16:01:00.000000+00:00', 5000, 1000, NULL),
  ('r16', 'xingchen-r1', 'no time', '...', '{"id": "c16", "model": "xdeepseekr1"}',
   'c16', 3000, '', 100, 100, NULL),
  ('r17', '', 'no model', '...', NULL,
   'c17', 3000, '2025-10-03T10:00:00.000000+00:00', 50, 5, NULL),
  ('r18', 'deepseek-v3', 'small', '...', '{"id": "c18", "model": "deepseek-v3"}',
   'c18', 300, '2025-10-05T10:00:00.000000+00:00', 123, 45, NULL),
  ('r19', 'xingchen-r1', 'odd', '...', '{"id": "c19", "model": "xdeepseekr1"}',
   'c19', 2000, '2025-10-06T10:00:00.000000+00:00', 777, 333, NULL),
  ('r20', 'qwen', 'odd too', '...', '{"id": "c20", "model": "xop3qwen8b"}',
   'c20', 2000, '2025-10-07T10:00:00.000000+00:00', 12345, 678, NULL);

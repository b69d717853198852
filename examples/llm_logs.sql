-- llm_logs.sql - an example logs.db of simonw/llm (the `llm` CLI) upgraded to
-- llm 0.32: the legacy `responses` table (24 made-up rows written by llm 0.19
-- to 0.31) and the `turns` table 0.32 writes to (11 rows), and one user alias.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/llm_logs.sql
--   sqlite> .read sql/reports/llm.sql
--
-- The tables are as llm's migrations make them (llm/migrations.py, tag 0.32):
-- `responses` as m010, m013 and m014 created it (id, model, prompt, system,
-- prompt_json, options_json, response, response_json, conversation_id,
-- duration_ms, datetime_utc, input_tokens, output_tokens, token_details,
-- schema_id), then m019 and m022 add resolved_model and reasoning on the
-- upgrade; `turns` as m023_message_store created it, with m027's
-- response_json (0.32; NULL on turns logged by 0.32rc1/rc2).  The other
-- tables (conversations, threads, messages, parts, ...) hold no usage and are
-- left out; texts are short.  `model` is the id configured in llm
-- ('xingchen-r1' is the user's own, an alias of DeepSeek-R1 added below);
-- resolved_model, else response_json's "model", is the one that served it.
-- What is in `responses` (r01-r20, r21-r23, d01):
--   - DeepSeek-V3 ('deepseek-v3', 'xdeepseekv3'), DeepSeek-R1
--     ('xdeepseekr1', and 'xingchen-r1' where response_json has no model),
--     Qwen3-8B ('xop3qwen8b', 'Qwen3-8B');
--   - one call configured as 'xingchen-r1' that was served by xdeepseekv3
--     (priced as DeepSeek-V3), one configured as 'qwen' (unknown) served by
--     xop3qwen8b, one response_json that is not JSON (the configured model
--     is priced), one whose resolved_model (xdeepseekv3) is priced rather
--     than response_json's "model" (r21);
--   - cached tokens: OpenAI's (r21: prompt_tokens_details.cached_tokens,
--     inside input_tokens) and llm-anthropic's (cache_read_input_tokens,
--     left out of input_tokens: the adapter adds them back; r22);
--   - rows at 2025-07-31 15:59:59.5 and 16:00 UTC, 2025-08-31 16:30 and
--     23:59:59, 2025-09-30 15:59 and 16:01 UTC: the Beijing month is not the
--     UTC month for four of them;
--   - left out: 'gpt-4o-mini' (unknown), 'Spark-Max' (another product), one
--     before the first published price (2025-07-07), one in llm 0.19's
--     datetime_utc without an offset (r23, 2025-01-10, also before it), one
--     with no token counts, one with an empty datetime_utc, one with no model.
-- What is in `turns` (t01-t10, and d01, which is in `responses` too, as the
-- unreleased llm of 2026-07-25/26 wrote both: counted once):
--   - the token_details of each plugin: OpenAI chat (t01), the OpenAI
--     Responses API (t04: input_tokens_details), llm-anthropic (t03: cache
--     read and write left out of input_tokens), llm-gemini (t05, unknown);
--   - resolved_model (t09), response_json condensed by 0.32 (t02, t04),
--     calls at 2026-07-31 16:30 UTC (August in Beijing) and 2026-08-31
--     15:59:59.999999 UTC (still August in Beijing);
--   - left out: an empty datetime_utc (t06), no token counts (t07),
--     token_details that is not JSON (t08), more cached tokens than input
--     tokens (t10), and the unknown gemini model (t05).
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
-- The upgrade: llm 0.27's m019 and 0.32a0's m022 add these columns (sqlite-utils' add_column).
ALTER TABLE responses ADD COLUMN resolved_model TEXT;
ALTER TABLE responses ADD COLUMN reasoning TEXT;
INSERT INTO responses(id, model, prompt, response, response_json, conversation_id, duration_ms, datetime_utc,
                      input_tokens, output_tokens, token_details, resolved_model) VALUES
  ('r21', 'xingchen', 'resolved', '...', '{"id": "c21", "model": "xingchen"}',
   'c21', 1500, '2026-07-20T09:00:00.000000+00:00', 2500, 700, '{"prompt_tokens_details": {"cached_tokens": 1500}}',
   'xdeepseekv3'),
  ('r22', 'xdeepseekv3', 'cached', '...',
   '{"id": "msg_22", "type": "message", "role": "assistant", "model": "xdeepseekv3", "content": [], "stop_reason": "end_turn"}',
   'c22', 1500, '2025-11-03T02:00:00.000000+00:00', 300, 200,
   '{"cache_creation_input_tokens": 0, "cache_read_input_tokens": 1200, "server_tool_use": null, "service_tier": "standard"}',
   NULL),
  ('r23', 'deepseek-v3', 'old', '...', '{"id": "c23", "model": "deepseek-v3"}',
   'c23', 900, '2025-01-10T10:00:00.500000', 1000, 100, NULL, NULL),
  ('d01', 'deepseek-v3', 'twice', '...', '{"id": "cd01", "model": "deepseek-v3"}',
   'cd01', 800, '2026-07-26T03:00:00.000000+00:00', 800, 200, NULL, NULL);
CREATE TABLE "turns" (
   "id" TEXT PRIMARY KEY,
   "thread_id" TEXT REFERENCES "threads"("id"),
   "parent_message_hash" TEXT REFERENCES "messages"("hash"),
   "tip_message_hash" TEXT REFERENCES "messages"("hash"),
   "model" TEXT,
   "resolved_model" TEXT,
   "options_json" TEXT,
   "schema_id" TEXT REFERENCES "schemas"("id"),
   "input_tokens" INTEGER,
   "output_tokens" INTEGER,
   "token_details" TEXT,
   "duration_ms" INTEGER,
   "datetime_utc" TEXT
, "response_json" TEXT);
INSERT INTO turns(id, thread_id, model, resolved_model, input_tokens, output_tokens, token_details, duration_ms,
                  datetime_utc, response_json) VALUES
  ('d01', 'cd01', 'deepseek-v3', NULL, 800, 200, NULL, 800, '2026-07-26T03:00:00.000000+00:00', NULL),
  ('t01', 'th1', 'xdeepseekv3', NULL, 3000, 500, '{"prompt_tokens_details": {"cached_tokens": 2000}}', 1200,
   '2026-07-31T16:30:00.250000+00:00', NULL),
  ('t02', 'th1', 'xingchen-r1', NULL, 1200, 3000, '{"completion_tokens_details": {"reasoning_tokens": 2100}}', 9000,
   '2026-08-05T01:00:00.000001+00:00',
   '{"id": "chatcmpl-t02", "object": "chat.completion", "model": "xdeepseekr1", "usage": {"prompt_tokens": 1200, "completion_tokens": 3000, "total_tokens": 4200, "completion_tokens_details": {"reasoning_tokens": 2100}, "prompt_tokens_details": {"$": "m.prompt_tokens_details_0"}}}'),
  ('t03', 'th2', 'xdeepseekv3', NULL, 200, 500,
   '{"cache_creation": {"ephemeral_1h_input_tokens": 0, "ephemeral_5m_input_tokens": 100}, "cache_creation_input_tokens": 100, "cache_read_input_tokens": 700, "server_tool_use": null, "service_tier": "standard"}',
   2100, '2026-08-06T08:00:00.000000+00:00',
   '{"id": "msg_t03", "type": "message", "role": "assistant", "model": "xdeepseekv3", "content": [], "stop_reason": "end_turn"}'),
  ('t04', 'th3', 'xop3qwen8b', NULL, 4096, 1000,
   '{"input_tokens_details": {"cached_tokens": 1024}, "output_tokens_details": {"reasoning_tokens": 600}}', 4000,
   '2026-08-07T12:00:00+00:00',
   '{"id": "resp_t04", "object": "response", "model": "xop3qwen8b", "output": [], "usage": {"input_tokens": 4096, "input_tokens_details": {"cached_tokens": 1024}, "output_tokens": 1000, "output_tokens_details": {"reasoning_tokens": 600}, "total_tokens": 5096}}'),
  ('t05', 'th4', 'gemini-2.5-flash', NULL, 5000, 300,
   '{"cachedContentTokenCount": 4000, "candidatesTokenCount": 300, "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 5000}]}',
   1800, '2026-08-08T00:00:00.100000+00:00', '{"modelVersion": "gemini-2.5-flash", "candidates": [{"finishReason": "STOP"}]}'),
  ('t06', 'th5', 'xdeepseekv3', NULL, 100, 10, NULL, 300, '', NULL),
  ('t07', 'th5', 'xdeepseekr1', NULL, NULL, NULL, NULL, 300, '2026-08-09T10:00:00.000000+00:00', NULL),
  ('t08', 'th5', 'xdeepseekv3', NULL, 100, 10, '{"prompt_tokens_details": ', 300,
   '2026-08-10T10:00:00.000000+00:00', NULL),
  ('t09', 'th6', 'xingchen', 'xdeepseekr1', 100, 100, NULL, 600, '2026-08-31T15:59:59.999999+00:00',
   '{"id": "chatcmpl-t09", "model": "xingchen"}'),
  ('t10', 'th6', 'xdeepseekv3', NULL, 1000, 100, '{"prompt_tokens_details": {"cached_tokens": 5000}}', 600,
   '2026-09-01T10:00:00.000000+00:00', NULL);

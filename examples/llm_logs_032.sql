-- llm_logs_032.sql - an example logs.db that simonw/llm 0.32rc1/rc2 created
-- fresh: every migration up to m026 ran, so `responses` exists (with all its
-- columns, m022's reasoning the last) but is empty, and `turns` has no
-- response_json (m027, llm 0.32, adds it).  Three made-up calls.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/llm_logs_032.sql
--   sqlite> .read sql/reports/llm.sql
--
-- The tables' columns and types are those of llm's docs/logging.md at tag
-- 0.32rc2 (its SQL schema section); the tables without usage are left out.
--   n01  xdeepseekv3 (DeepSeek-V3) through llm's OpenAI chat plugin: 1,000 of
--        its 2,000 input tokens read from the cache (inside input_tokens);
--   n02  'xingchen-r1', the user's alias of DeepSeek-R1, at 16:00 UTC on
--        2026-07-31: August in Beijing;
--   n03  xdeepseekr1 through llm-anthropic (an Anthropic-compatible
--        endpoint): input_tokens 100 leaves out the 900 read from the cache.
CREATE TABLE "responses" (
   "id" TEXT PRIMARY KEY,
   "model" TEXT,
   "prompt" TEXT,
   "system" TEXT,
   "prompt_json" TEXT,
   "options_json" TEXT,
   "response" TEXT,
   "response_json" TEXT,
   "conversation_id" TEXT REFERENCES "conversations"("id"),
   "duration_ms" INTEGER,
   "datetime_utc" TEXT,
   "input_tokens" INTEGER,
   "output_tokens" INTEGER,
   "token_details" TEXT,
   "schema_id" TEXT REFERENCES "schemas"("id"),
   "resolved_model" TEXT,
   "reasoning" TEXT
);
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
);
CREATE TABLE IF NOT EXISTS maas_user_aliases (alias TEXT NOT NULL, model TEXT NOT NULL, source TEXT);
INSERT INTO maas_user_aliases(alias, model, source)
SELECT 'xingchen-r1', 'DeepSeek-R1', 'llm extra-openai-models.yaml'
 WHERE NOT EXISTS (SELECT 1 FROM maas_user_aliases WHERE alias = 'xingchen-r1');
INSERT INTO turns(id, thread_id, model, resolved_model, input_tokens, output_tokens, token_details, duration_ms,
                  datetime_utc) VALUES
  ('n01', 'th1', 'xdeepseekv3', NULL, 2000, 300, '{"prompt_tokens_details": {"cached_tokens": 1000}}', 1100,
   '2026-07-30T12:00:00.123456+00:00'),
  ('n02', 'th1', 'xingchen-r1', NULL, 500, 1500, '{"completion_tokens_details": {"reasoning_tokens": 1200}}', 7000,
   '2026-07-31T16:00:00+00:00'),
  ('n03', 'th2', 'xdeepseekr1', NULL, 100, 50,
   '{"cache_creation_input_tokens": 0, "cache_read_input_tokens": 900, "server_tool_use": null, "service_tier": "standard"}',
   900, '2026-08-02T09:30:00.500000+00:00');

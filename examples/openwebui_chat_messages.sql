-- openwebui_chat_messages.sql - an example Open WebUI webui.db: its
-- `chat_message` table with 20 made-up messages, and one user alias.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/openwebui_chat_messages.sql
--   sqlite> .read sql/reports/openwebui.sql
--
-- The columns are those of Open WebUI's chat_message
-- (backend/open_webui/models/chat_messages.py); content is short, the other
-- JSON columns are NULL.  model_id is as Open WebUI stores it: with the
-- connection's prefix ('xingchen.') when the admin set one.  usage is
-- Open WebUI's merged usage (input_tokens/output_tokens for the turn, summed
-- over its tool calls, next to the last call's prompt_tokens/
-- completion_tokens) or a provider's plain usage.  What is in it:
--   - 16 assistant messages: DeepSeek-R1 ('xingchen.xdeepseekr1',
--     'xdeepseekr1'), DeepSeek-V3 ('xdeepseekv3', 'deepseek-v3',
--     'xingchen.xdeepseekv3', and 'xingchen.ds-chat': 'ds-chat' is the
--     user's alias, added below), Qwen3-8B ('Qwen3-8B',
--     'xingchen.xop3qwen8b');
--   - messages at 2025-07-31 16:30 UTC, 2025-08-31 15:59:59 and 16:00 UTC,
--     2025-09-30 16:30 UTC: Beijing months differ from UTC months; one
--     created_at in milliseconds;
--   - left out: 'openai.gpt-4o' (unknown), 'spark.Spark-Max' (another
--     product), one before the first published price (2025-07-07), two
--     without usage (NULL: streamed without usage; '{}'), one with no
--     model_id;
--   - 4 user messages, which are not usage.
CREATE TABLE chat_message (
  id TEXT PRIMARY KEY, chat_id TEXT NOT NULL, user_id TEXT, role TEXT NOT NULL, parent_id TEXT,
  content JSON, output JSON, model_id TEXT, files JSON, sources JSON, embeds JSON,
  done BOOLEAN, status_history JSON, error JSON, usage JSON, created_at BIGINT, updated_at BIGINT
);
CREATE TABLE IF NOT EXISTS maas_user_aliases (alias TEXT NOT NULL, model TEXT NOT NULL, source TEXT);
INSERT INTO maas_user_aliases(alias, model, source) VALUES ('ds-chat', 'DeepSeek-V3', 'Open WebUI model id of the xingchen connection');
INSERT INTO chat_message(id, chat_id, user_id, role, parent_id, content, model_id, done, usage, created_at, updated_at) VALUES
  ('c1-u1', 'c1', 'u1', 'user', NULL, '"hello"', NULL, 1, NULL, 1753979390, 1753979390),
  ('c1-w01', 'c1', 'u1', 'assistant', 'c1-u1', '"..."', 'xingchen.xdeepseekr1', 1,
   '{"input_tokens": 3000, "output_tokens": 1500, "prompt_tokens": 1800, "completion_tokens": 900, "total_tokens": 2700}',
   1753979400, 1753979400),
  ('c2-w02', 'c2', 'u1', 'assistant', NULL, '"..."', 'xdeepseekv3', 1,
   '{"prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500}', 1754215200, 1754215200),
  ('c3-u3', 'c3', 'u2', 'user', NULL, '"use the tool"', NULL, 1, NULL, 1754301540, 1754301540),
  ('c3-w04', 'c3', 'u2', 'assistant', 'c3-u3', '"..."', 'xingchen.ds-chat', 1,
   '{"input_tokens": 2000, "output_tokens": 1000, "prompt_tokens": 1200, "completion_tokens": 300}',
   1754388000, 1754388000),
  ('c4-w05', 'c4', 'u2', 'assistant', NULL, '"..."', 'xingchen.xdeepseekr1', 1, NULL, 1754474400, 1754474400),
  ('c5-w06', 'c5', 'u1', 'assistant', NULL, '"..."', 'openai.gpt-4o', 1,
   '{"prompt_tokens": 700, "completion_tokens": 300}', 1754560800, 1754560800),
  ('c6-w07', 'c6', 'u1', 'assistant', NULL, '"..."', 'spark.Spark-Max', 1,
   '{"prompt_tokens": 300, "completion_tokens": 100}', 1754647200, 1754647200),
  ('c7-w08', 'c7', 'u3', 'assistant', NULL, '"..."', 'xdeepseekv3', 1,
   '{"prompt_tokens": 900, "completion_tokens": 100}', 1751889600, 1751889600),
  ('c8-w09', 'c8', 'u3', 'assistant', NULL, '"..."', 'xingchen.xop3qwen8b', 1,
   '{"input_tokens": 10000, "output_tokens": 2000, "prompt_tokens": 6000, "completion_tokens": 1200}',
   1756656000, 1756656000),
  ('c9-w10', 'c9', 'u3', 'assistant', NULL, '"..."', 'Qwen3-8B', 1,
   '{"prompt_tokens": 4000, "completion_tokens": 800}', 1756655999, 1756655999),
  ('c10-u10', 'c10', 'u1', 'user', NULL, '"go on"', NULL, 1, NULL, 1757066390, 1757066390),
  ('c10-w11', 'c10', 'u1', 'assistant', 'c10-u10', '"..."', 'xingchen.xdeepseekv3', 1,
   '{"input_tokens": 5000, "output_tokens": 2500, "prompt_tokens": 3000, "completion_tokens": 1000}',
   1757066400, 1757066400),
  ('c11-w12', 'c11', 'u2', 'assistant', NULL, '"..."', 'xingchen.xdeepseekr1', 1,
   '{"input_tokens": 1234, "output_tokens": 5678, "prompt_tokens": 234, "completion_tokens": 678}',
   1757152800, 1757152800),
  ('c12-w13', 'c12', 'u2', 'assistant', NULL, '"..."', 'xdeepseekr1', 1, '{}', 1757239200, 1757239200),
  ('c13-w14', 'c13', 'u3', 'assistant', NULL, '"..."', 'deepseek-v3', 1,
   '{"prompt_tokens": 2000, "completion_tokens": 1000}', 1759249800, 1759249800),
  ('c14-w15', 'c14', 'u1', 'assistant', NULL, '"..."', 'xingchen.xdeepseekr1', 1,
   '{"input_tokens": 800, "output_tokens": 200, "prompt_tokens": 800, "completion_tokens": 200}',
   1759399200, 1759399200),
  ('c15-u15', 'c15', 'u1', 'user', NULL, '"hi"', NULL, 1, NULL, 1759485590, 1759485590),
  ('c15-w17', 'c15', 'u1', 'assistant', 'c15-u15', '"..."', '', 1,
   '{"prompt_tokens": 10, "completion_tokens": 5}', 1759572000, 1759572000),
  ('c16-w18', 'c16', 'u2', 'assistant', NULL, '"..."', 'xingchen.ds-chat', 1,
   '{"input_tokens": 100, "output_tokens": 50, "prompt_tokens": 100, "completion_tokens": 50}',
   1759658400000, 1759658400);

-- openwebui_chat_messages.sql - an example Open WebUI webui.db: made-up
-- messages in `chat_message`, three workspace models in `model`, the
-- connections' settings in `config` (prefixes 'xingchen', 'openai', 'spark'
-- on OpenAI connections, 'local' on an Ollama one), chats and a folder, and
-- one user alias.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/openwebui_chat_messages.sql
--   sqlite> .read sql/reports/openwebui.sql
--
-- The tables are as Open WebUI's migrations create them (open-webui v0.10.2:
-- chat_message as migration 8452d01d26d7 of v0.8.0 creates it, before
-- v0.10.0 appends context_summary; model, chat, folder and config as they
-- stand in v0.10.2).  Content is short; JSON columns not read are NULL.
-- model_id is what the user picked: a connection's model with its prefix
-- ('xingchen.xdeepseekr1'), or a workspace model ('code-helper').  usage is
-- Open WebUI's merged usage (input_tokens/output_tokens the turn's, next to
-- prompt_tokens/completion_tokens) or a provider's plain usage.  What is in
-- it (docs/usage/openwebui.md):
--   - priced: DeepSeek-R1 ('xingchen.xdeepseekr1'), DeepSeek-V3
--     ('xdeepseekv3', which a model row without base_model_id only renames;
--     'xingchen.xdeepseekv3'; 'deepseek-v3'; 'xingchen.ds-chat', 'ds-chat'
--     being the user's alias, added below; the workspace model 'code-helper',
--     based on 'xingchen.xdeepseekv3', with cached tokens), Qwen3-8B
--     ('Qwen3-8B' and the workspace model 'qa-bot' based on it);
--   - times at 2025-07-31 16:30 UTC, 2025-08-31 15:59:59 and 16:00 UTC,
--     2025-09-30 16:30 UTC: Beijing months differ from UTC months; one
--     created_at in milliseconds;
--   - left out: 'openai.gpt-4o' and 'local.qwen3:8b' (prefixes taken off:
--     unknown models), 'spark.Spark-Max' (another product), 'code-helper-2'
--     (based on a workspace model: one level only), 'gateway.xdeepseekr1'
--     ('gateway' is no configured prefix), one before the first published
--     price (2025-07-07), one with no model_id, one with no time, four whose
--     usage holds no readable counts;
--   - not calls: assistant messages without usage (NULL, JSON null, {}) and
--     the user messages.
CREATE TABLE chat_message (
  id TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT, role TEXT NOT NULL, parent_id TEXT,
  content JSON, output JSON, model_id TEXT, files JSON, sources JSON, embeds JSON,
  done BOOLEAN, status_history JSON, error JSON, usage JSON, created_at BIGINT, updated_at BIGINT,
  PRIMARY KEY (id), FOREIGN KEY(chat_id) REFERENCES chat (id) ON DELETE CASCADE
);
CREATE INDEX chat_message_model_created_idx ON chat_message (model_id, created_at);
CREATE INDEX chat_message_user_created_idx ON chat_message (user_id, created_at);
CREATE TABLE model (
  id TEXT NOT NULL, user_id TEXT, base_model_id TEXT, name TEXT, params JSON, meta JSON,
  updated_at BIGINT, created_at BIGINT, is_active BOOLEAN DEFAULT 1 NOT NULL,
  PRIMARY KEY (id)
);
CREATE TABLE config (key TEXT NOT NULL, value JSON NOT NULL, updated_at BIGINT, PRIMARY KEY (key));
CREATE TABLE chat (
  id VARCHAR NOT NULL, user_id VARCHAR, title TEXT, chat JSON, created_at BIGINT, updated_at BIGINT,
  share_id TEXT, archived BOOLEAN, pinned BOOLEAN, meta JSON DEFAULT '{}' NOT NULL, folder_id TEXT,
  tasks JSON, summary TEXT, last_read_at BIGINT,
  PRIMARY KEY (id), UNIQUE (share_id)
);
CREATE TABLE folder (
  id TEXT NOT NULL, parent_id TEXT, user_id TEXT NOT NULL, name TEXT NOT NULL, items JSON, meta JSON,
  is_expanded BOOLEAN NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, data JSON,
  PRIMARY KEY (id, user_id)
);
CREATE TABLE IF NOT EXISTS maas_user_aliases (alias TEXT NOT NULL, model TEXT NOT NULL, source TEXT);
INSERT INTO maas_user_aliases(alias, model, source) VALUES ('ds-chat', 'DeepSeek-V3', 'Open WebUI model id of the xingchen connection');

-- The admin's connections (Admin Settings > Connections), as v0.10 keeps
-- them: one row per setting, the value JSON.  Entries are keyed by the
-- connection's index; prefix_id is what Open WebUI puts before its model ids.
INSERT INTO config(key, value, updated_at) VALUES
  ('openai.api_base_urls', '["https://maas-api.cn-huabei-1.xf-yun.com/v1", "https://api.openai.com/v1", "https://spark-api-open.xf-yun.com/v1"]', 1754000000),
  ('openai.api_configs', '{"0": {"enable": true, "tags": [], "prefix_id": "xingchen", "model_ids": [], "connection_type": "external"}, "1": {"enable": true, "prefix_id": "openai"}, "2": {"enable": false, "prefix_id": "spark"}}', 1754000000),
  ('ollama.api_configs', '{"0": {"enable": true, "prefix_id": "local"}}', 1754000000),
  ('ui.default_models', '"xingchen.xdeepseekv3"', 1754000000);

-- Workspace models (Workspace > Models): 'code-helper' and 'qa-bot' wrap a
-- connection's model; 'code-helper-2' wraps another workspace model; the
-- row for 'xdeepseekv3' has no base: it only renames a connection's model.
INSERT INTO model(id, user_id, base_model_id, name, params, meta, updated_at, created_at, is_active) VALUES
  ('code-helper', 'u2', 'xingchen.xdeepseekv3', 'Code helper', '{"system": "You review code.", "temperature": 0.2}', '{"description": "DeepSeek-V3 for code"}', 1754000000, 1754000000, 1),
  ('qa-bot', 'u3', 'Qwen3-8B', 'QA bot', '{}', '{}', 1754000000, 1754000000, 1),
  ('code-helper-2', 'u3', 'code-helper', 'Code helper, terse', '{"temperature": 0}', '{}', 1754000000, 1754000000, 1),
  ('xdeepseekv3', 'u1', NULL, 'DeepSeek V3', '{}', '{}', 1754000000, 1754000000, 1);

INSERT INTO folder(id, parent_id, user_id, name, is_expanded, created_at, updated_at, data) VALUES
  ('f1', NULL, 'u2', 'Backend', 0, 1754000000, 1754000000, '{"system_prompt": "We write Go."}');
INSERT INTO chat(id, user_id, title, created_at, updated_at, archived, pinned, folder_id)
WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 22)
SELECT 'c' || value, CASE WHEN value IN (3, 4, 11, 12, 16, 20) THEN 'u2' WHEN value IN (7, 8, 9, 13, 17, 18) THEN 'u3' ELSE 'u1' END,
       'chat ' || value, 1753979000, 1753979000, 0, 0, CASE WHEN value IN (3, 11) THEN 'f1' END
  FROM n;

INSERT INTO chat_message(id, chat_id, user_id, role, parent_id, content, model_id, done, usage, created_at, updated_at) VALUES
  ('c1-u01', 'c1', 'u1', 'user', NULL, '"hello"', NULL, 1, NULL, 1753979390, 1753979390),
  ('c1-a01', 'c1', 'u1', 'assistant', 'c1-u01', '"..."', 'xingchen.xdeepseekr1', 1,
   '{"input_tokens": 3000, "output_tokens": 1500, "prompt_tokens": 1800, "completion_tokens": 900, "total_tokens": 2700}',
   1753979400, 1753979400),
  ('c2-a02', 'c2', 'u1', 'assistant', NULL, '"..."', 'xdeepseekv3', 1,
   '{"prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500}', 1754215200, 1754215200),
  ('c3-u03', 'c3', 'u2', 'user', NULL, '"review this"', NULL, 1, 'null', 1754387990, 1754387990),
  ('c3-a03', 'c3', 'u2', 'assistant', 'c3-u03', '"..."', 'code-helper', 1,
   '{"input_tokens": 2000, "output_tokens": 1000, "total_tokens": 3000, "prompt_tokens": 2000, "completion_tokens": 1000, "prompt_tokens_details": {"cached_tokens": 1200}}',
   1754388000, 1754388000),
  ('c4-a04', 'c4', 'u2', 'assistant', NULL, '"..."', 'xingchen.xdeepseekr1', 1, NULL, 1754474400, 1754474400),
  ('c5-a05', 'c5', 'u1', 'assistant', NULL, '"..."', 'openai.gpt-4o', 1,
   '{"prompt_tokens": 700, "completion_tokens": 300}', 1754560800, 1754560800),
  ('c6-a06', 'c6', 'u1', 'assistant', NULL, '"..."', 'spark.Spark-Max', 1,
   '{"prompt_tokens": 300, "completion_tokens": 100}', 1754647200, 1754647200),
  ('c7-a07', 'c7', 'u3', 'assistant', NULL, '"..."', 'xdeepseekv3', 1,
   '{"prompt_tokens": 900, "completion_tokens": 100}', 1751889600, 1751889600),
  ('c8-a08', 'c8', 'u3', 'assistant', NULL, '"..."', 'qa-bot', 1,
   '{"input_tokens": 10000, "output_tokens": 2000, "prompt_tokens": 6000, "completion_tokens": 1200}',
   1756656000, 1756656000),
  ('c9-a09', 'c9', 'u3', 'assistant', NULL, '"..."', 'Qwen3-8B', 1,
   '{"prompt_tokens": 4000, "completion_tokens": 800}', 1756655999, 1756655999),
  ('c10-u10', 'c10', 'u1', 'user', NULL, '"go on"', NULL, 1, NULL, 1757066390, 1757066390),
  ('c10-a10', 'c10', 'u1', 'assistant', 'c10-u10', '"..."', 'xingchen.xdeepseekv3', 1,
   '{"input_tokens": 5000, "output_tokens": 2500, "prompt_tokens": 3000, "completion_tokens": 1000}',
   1757066400, 1757066400),
  ('c11-a11', 'c11', 'u2', 'assistant', NULL, '"..."', 'code-helper', 1,
   '{"input_tokens": 1234, "output_tokens": 5678, "prompt_tokens": 234, "completion_tokens": 678}',
   1757152800, 1757152800),
  ('c12-a12', 'c12', 'u2', 'assistant', NULL, '"..."', 'xdeepseekr1', 1, '{}', 1757239200, 1757239200),
  ('c13-a13', 'c13', 'u3', 'assistant', NULL, '"..."', 'deepseek-v3', 1,
   '{"prompt_tokens": 2000, "completion_tokens": 1000}', 1759249800, 1759249800),
  ('c14-a14', 'c14', 'u1', 'assistant', NULL, '"..."', 'xingchen.xdeepseekr1', 1,
   '{"input_tokens": 800, "output_tokens": 200, "prompt_tokens": 800, "completion_tokens": 200}',
   1759399200, 1759399200),
  ('c15-u15', 'c15', 'u1', 'user', NULL, '"hi"', NULL, 1, NULL, 1759485590, 1759485590),
  ('c15-a15', 'c15', 'u1', 'assistant', 'c15-u15', '"..."', '', 1,
   '{"prompt_tokens": 10, "completion_tokens": 5}', 1759572000, 1759572000),
  ('c16-a16', 'c16', 'u2', 'assistant', NULL, '"..."', 'xingchen.ds-chat', 1,
   '{"input_tokens": 100, "output_tokens": 50, "prompt_tokens": 100, "completion_tokens": 50}',
   1759658400000, 1759658400),
  ('c17-a17', 'c17', 'u3', 'assistant', NULL, '"..."', 'code-helper-2', 1,
   '{"prompt_tokens": 500, "completion_tokens": 100}', 1759658400, 1759658400),
  ('c18-a18', 'c18', 'u3', 'assistant', NULL, '"..."', 'gateway.xdeepseekr1', 1,
   '{"prompt_tokens": 500, "completion_tokens": 100}', 1759658400, 1759658400),
  ('c19-a19', 'c19', 'u1', 'assistant', NULL, '"..."', 'xingchen.xdeepseekv3', 1,
   '{"response_token/s": 41.5, "total_duration": 1200}', 1759658400, 1759658400),
  ('c19-a20', 'c19', 'u1', 'assistant', NULL, '"..."', 'xingchen.xdeepseekv3', 1,
   '{"input_tokens": 12.5, "output_tokens": 3}', 1759658400, 1759658400),
  ('c19-a21', 'c19', 'u1', 'assistant', NULL, '"..."', 'xingchen.xdeepseekv3', 1, 'not json', 1759658400, 1759658400),
  ('c20-a22', 'c20', 'u2', 'assistant', NULL, '"..."', 'xingchen.xdeepseekr1', 1,
   '{"prompt_tokens": 100, "completion_tokens": 100}', NULL, NULL),
  ('c21-a23', 'c21', 'u1', 'assistant', NULL, '"..."', 'xingchen.xdeepseekv3', 0, 'null', 1759658400, 1759658400),
  ('c21-a24', 'c21', 'u1', 'assistant', NULL, '"..."', 'xingchen.xdeepseekv3', 1,
   '{"input_tokens": 10, "output_tokens": 5, "prompt_tokens": 20, "completion_tokens": 5}', 1759658400, 1759658400),
  ('c22-a25', 'c22', 'u1', 'assistant', NULL, '"..."', 'local.qwen3:8b', 1,
   '{"input_tokens": 300, "output_tokens": 200, "prompt_tokens": 300, "completion_tokens": 200, "prompt_eval_count": 300, "eval_count": 200}',
   1759658400, 1759658400);

-- openwebui.sql - the adapter for Open WebUI's webui.db: its assistant
-- messages (table chat_message, written from Open WebUI v0.8.0) in
-- temp.maas_usage_source, each priced at the model that served it: a
-- workspace model's base model, the connection's prefix taken off
-- (docs/usage/openwebui.md).
-- Read from open-webui/open-webui tag v0.10.2, commit ecd48e2f7182 of
-- 2026-07-01: backend/open_webui/models/chat_messages.py and migration
-- 8452d01d26d7 (chat_message), models/models.py (model), routers/openai.py
-- and routers/ollama.py generate_chat_completion (base_model_id, prefix_id),
-- utils/response.py (the merged usage), models/config.py and migration
-- 3ff2c63645b8 (config as key/value rows from v0.10.0; one JSON row before),
-- models/chats.py and models/folders.py (a chat's folder).
-- Pure SQL: no dot commands (auto.sql runs it through maas_exec).

-- 1. The columns read.  The check table is emptied, not dropped: under
-- sql/sources/auto.sql this runs inside maas_exec while a temp table is
-- being read, and SQLite refuses DROP TABLE then.
CREATE TEMP TABLE IF NOT EXISTS maas_check_openwebui (ok INTEGER
  CONSTRAINT "Open WebUI: expected table chat_message with id, chat_id, user_id, role, model_id, usage, created_at (as Open WebUI v0.8.0 and later writes it; older versions keep chats only in chat.chat, which is not read); see docs/usage/openwebui.md"
  CHECK (ok));
DELETE FROM temp.maas_check_openwebui;
INSERT INTO temp.maas_check_openwebui
SELECT count(*) = 7 FROM pragma_table_info('chat_message')
 WHERE name IN ('id', 'chat_id', 'user_id', 'role', 'model_id', 'usage', 'created_at');

-- 2. The optional tables, each as a TEMP view that is empty when the
-- database lacks it (the SQL is chosen here and run by maas_exec, in a WHERE
-- so that nothing is printed).
--   maas_openwebui_workspace  the workspace models that name a base model
--                             (table model: id, base_model_id);
--   maas_openwebui_projects   each chat's folder (chat.folder_id, folder.name
--                             of the chat's owner).
DROP VIEW IF EXISTS temp.maas_openwebui_workspace;
DROP VIEW IF EXISTS temp.maas_openwebui_projects;
SELECT 1 WHERE maas_exec(
  'CREATE TEMP VIEW maas_openwebui_workspace AS ' ||
  CASE WHEN (SELECT count(*) FROM pragma_table_info('model') WHERE name IN ('id', 'base_model_id')) = 2
       THEN 'SELECT id, base_model_id FROM model WHERE coalesce(base_model_id, '''') <> '''''
       ELSE 'SELECT NULL AS id, NULL AS base_model_id WHERE 0' END) IS NULL;
SELECT 1 WHERE maas_exec(
  'CREATE TEMP VIEW maas_openwebui_projects AS ' ||
  CASE WHEN (SELECT count(*) FROM pragma_table_info('chat') WHERE name IN ('id', 'user_id', 'folder_id')) = 3
        AND (SELECT count(*) FROM pragma_table_info('folder') WHERE name IN ('id', 'user_id', 'name')) = 3
       THEN 'SELECT c.id AS chat_id, f.name AS project FROM chat AS c '
            || 'JOIN folder AS f ON f.id = c.folder_id AND f.user_id = c.user_id'
       ELSE 'SELECT NULL AS chat_id, NULL AS project WHERE 0' END) IS NULL;

-- 3. The connections' prefixes: one row per connection configured in the
-- database (openai.api_configs and ollama.api_configs, whose entries may
-- hold a prefix_id), read once.  v0.10.0 and later keep them in config rows
-- (key, value); older versions in the last row of config(id, data), at
-- data.openai.api_configs.  No row: the database does not say (no config
-- table, or connections set by environment only), and step 4 guesses.
CREATE TEMP TABLE IF NOT EXISTS maas_openwebui_prefixes (prefix TEXT);
DELETE FROM temp.maas_openwebui_prefixes;
SELECT 1 WHERE maas_exec(
  'INSERT INTO temp.maas_openwebui_prefixes(prefix) ' ||
  CASE WHEN (SELECT count(*) FROM pragma_table_info('config') WHERE name IN ('key', 'value')) = 2
       THEN 'SELECT nullif(CAST(json_extract(e.value, ''$.prefix_id'') AS TEXT), '''') '
            || 'FROM (SELECT value FROM config WHERE key IN (''openai.api_configs'', ''ollama.api_configs'') '
            || 'AND json_valid(value) AND json_type(value) = ''object'' LIMIT -1 OFFSET 0) AS c, '
            || 'json_each(c.value) AS e WHERE e.type = ''object'''
       WHEN (SELECT count(*) FROM pragma_table_info('config') WHERE name IN ('id', 'data')) = 2
       THEN 'SELECT nullif(CAST(json_extract(e.value, ''$.prefix_id'') AS TEXT), '''') '
            || 'FROM (SELECT data FROM config WHERE json_valid(data) AND json_type(data) = ''object'' '
            || 'ORDER BY id DESC LIMIT 1) AS c, '
            || '(SELECT ''$.openai.api_configs'' AS path UNION ALL SELECT ''$.ollama.api_configs'') AS p, '
            || 'json_each(c.data, p.path) AS e WHERE e.type = ''object'''
       ELSE 'SELECT NULL WHERE 0' END) IS NULL;

-- 4. The usage rows: the assistant messages that carry a usage (a user or
-- system message is no call; an assistant message streamed from a model
-- without the usage capability, or cut off, has none: NULL, JSON null or {}).
--   model         model_id, as the user chose it.
--   served_model  as Open WebUI routes it (routers/openai.py, ollama.py):
--                 a workspace model's base_model_id (one level: a base that
--                 is itself a workspace model is not followed), else
--                 model_id; then, when the id begins with a configured
--                 prefix and '.', every '<prefix>.' taken out of it (the
--                 longest such prefix), as Open WebUI's replace() does.
--                 When the database holds no connection settings: the part
--                 after the first '.', if only that part is a model name
--                 maas_model() knows.
--   token counts  maas_usage_tokens of the usage (Open WebUI's merged usage:
--                 input_tokens/output_tokens, the turn's totals over its
--                 tool calls; cached from the details).  Usage that is not a
--                 JSON object with a count at its top, or that
--                 maas_usage_tokens would refuse (maas_usage_problem: not
--                 whole numbers, a part above its whole), is read as NULL
--                 counts.
--   at            created_at: unix seconds; above 10^10 milliseconds, as
--                 Open WebUI itself reads it.
--   user_name     the message's user_id; project_name the chat's folder.
DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
SELECT 'openwebui' AS source, id AS source_id, at, model,
       CASE WHEN routed IS NULL THEN NULL
            WHEN EXISTS (SELECT 1 FROM temp.maas_openwebui_prefixes)
              THEN coalesce((SELECT replace(routed, p.prefix || '.', '') FROM temp.maas_openwebui_prefixes AS p
                              WHERE p.prefix IS NOT NULL
                                AND substr(routed, 1, length(p.prefix) + 1) = p.prefix || '.'
                              ORDER BY length(p.prefix) DESC LIMIT 1), routed)
            WHEN instr(routed, '.') > 0 AND maas_model(routed) IS NULL
                 AND maas_model(substr(routed, instr(routed, '.') + 1)) IS NOT NULL
              THEN substr(routed, instr(routed, '.') + 1)
            ELSE routed END AS served_model,
       maas_usage_tokens(readable, 'input') AS input_tokens,
       maas_usage_tokens(readable, 'cached_input') AS cached_input_tokens,
       maas_usage_tokens(readable, 'cache_write') AS cache_write_tokens,
       maas_usage_tokens(readable, 'output') AS output_tokens,
       1 AS requests, user_name, NULL AS key_name, project_name,
       NULL AS recorded_cost, NULL AS recorded_currency, usage_json
  FROM (SELECT m.id, nullif(m.model_id, '') AS model, m.user_id AS user_name, m.usage AS usage_json,
               coalesce((SELECT w.base_model_id FROM temp.maas_openwebui_workspace AS w WHERE w.id = m.model_id),
                        nullif(m.model_id, '')) AS routed,
               (SELECT p.project FROM temp.maas_openwebui_projects AS p WHERE p.chat_id = m.chat_id) AS project_name,
               CASE WHEN typeof(m.created_at) IN ('integer', 'real')
                      THEN maas_instant(CASE WHEN m.created_at > 10000000000 THEN m.created_at / 1000.0
                                             ELSE m.created_at END)
                    ELSE maas_instant(m.created_at) END AS at,
               -- The usage when it is Open WebUI's: a JSON object with a count at
               -- its top and no 'usage' there (another shape); and when
               -- maas_usage_tokens reads it without an error (maas_usage_problem:
               -- the reader's own rules, its counts then read from the same parse).
               CASE WHEN typeof(m.usage) <> 'text' OR NOT json_valid(m.usage) THEN NULL
                    WHEN json_type(m.usage) = 'object'
                         -- A key at the top read by its path, in place of a json_each per
                         -- row; json_each unescapes keys, which a path does not in every
                         -- SQLite, so text with a backslash is read by json_each.
                         AND CASE WHEN instr(m.usage, '\') > 0
                                    THEN (SELECT min(e.key <> 'usage') FROM json_each(m.usage) AS e
                                           WHERE e.key IN ('input_tokens', 'output_tokens', 'prompt_tokens',
                                                           'completion_tokens', 'usage'))
                                  ELSE json_type(m.usage, '$.usage') IS NULL
                                       AND coalesce(json_type(m.usage, '$.input_tokens'),
                                                    json_type(m.usage, '$.output_tokens'),
                                                    json_type(m.usage, '$.prompt_tokens'),
                                                    json_type(m.usage, '$.completion_tokens')) IS NOT NULL END
                         AND maas_usage_problem(m.usage) IS NULL
                    THEN m.usage END AS readable
          FROM chat_message AS m
         WHERE m.role = 'assistant' AND coalesce(trim(m.usage), '') NOT IN ('', 'null', '{}')
         LIMIT -1 OFFSET 0);

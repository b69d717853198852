-- auto.sql - the adapter of whichever tool's usage this database holds:
-- finds the tool by its signature (a table, and a column only that tool's
-- schema has; the one list of them is below, in the order they are tried),
-- says which, and runs that tool's adapter, sql/sources/<adapter>.sql.
--
--   .read sql/sources/auto.sql      (sql/reports/auto.sql and whatif.sql do)
--   SELECT tool, adapter FROM temp.maas_detected;   -- e.g. LiteLLM|litellm
--
-- No known tool's tables: it stops with one line listing what it looked for.
-- Run from the repository (or install) root: the adapter is read by its
-- path, with the sqlite3 shell's readfile(), and run by maas_exec() (the
-- shell cannot choose a file to .read at run time).
-- Tables are looked up in every schema but temp (main and attached ones), by
-- exact name, as the tools write them.
DROP TABLE IF EXISTS temp.maas_detected;
CREATE TEMP TABLE maas_detected (
  tool TEXT,
  adapter TEXT
    CONSTRAINT "auto.sql: this database holds no usage table of a known tool (new-api or one-api logs, LiteLLM_SpendLogs, Langfuse observations or events_core, llm responses or turns, Open WebUI chat_message, Dify or LobeChat messages, an OpenAI usage export imported as usage_export)"
    CHECK (adapter IS NOT NULL),
  table_name TEXT);
INSERT INTO maas_detected(tool, adapter, table_name)
WITH signature(priority, tool, adapter, table_name, column_name) AS (VALUES
  (1, 'new-api', 'newapi', 'logs', 'other'),
  (2, 'one-api', 'oneapi', 'logs', 'quota'),
  (3, 'LiteLLM', 'litellm', 'LiteLLM_SpendLogs', 'spend'),
  (4, 'Langfuse v4', 'langfuse_v4', 'events_core', 'span_id'),
  (5, 'Langfuse v3', 'langfuse_v3', 'observations', 'usage_details'),
  (6, 'Langfuse v2', 'langfuse_v2', 'observations', 'prompt_tokens'),
  (7, 'llm', 'llm', 'turns', 'resolved_model'),
  (8, 'llm', 'llm', 'responses', 'response_json'),
  (9, 'Open WebUI', 'openwebui', 'chat_message', 'usage'),
  (10, 'Dify', 'dify', 'messages', 'message_tokens'),
  (11, 'LobeChat', 'lobechat', 'messages', 'metadata'),
  (12, 'OpenAI usage export', 'openai_usage_export', 'usage_export', 'num_model_requests')),
found AS (
  SELECT s.priority, s.tool, s.adapter, s.table_name
    FROM signature AS s
   WHERE EXISTS (SELECT 1 FROM pragma_table_list AS t
                  WHERE t.name = s.table_name AND t.schema <> 'temp'
                    AND EXISTS (SELECT 1 FROM pragma_table_info(t.name, t.schema) AS c
                                 WHERE c.name = s.column_name)))
SELECT tool, adapter, table_name
  FROM (SELECT priority, tool, adapter, table_name FROM found
        UNION ALL
        SELECT 99, NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM found))
 ORDER BY priority LIMIT 1;

.headers off
.mode list
SELECT 'Usage of ' || tool || ' (table ' || table_name || '), read by sql/sources/' || adapter || '.sql.'
  FROM temp.maas_detected;
-- The adapter's SQL goes through a shell parameter: the statement that runs
-- it then reads no temp table, so the adapter may drop and create its own
-- (SQLite refuses DROP TABLE while a cursor of the same schema is open).
.parameter init
INSERT OR REPLACE INTO temp.sqlite_parameters(key, value)
SELECT '@maas_adapter_sql',
       coalesce(CAST(readfile('sql/sources/' || adapter || '.sql') AS TEXT),
                'SELECT 1 FROM "cannot read sql/sources/' || adapter || '.sql: run from the repository root"')
  FROM temp.maas_detected;
SELECT 1 WHERE maas_exec(@maas_adapter_sql) IS NULL;
.parameter unset @maas_adapter_sql

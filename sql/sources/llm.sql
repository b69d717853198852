-- llm.sql - the adapter for simonw/llm's logs.db (the `llm` CLI): both
-- generations of its log in one temp.maas_usage_source (docs/usage/llm.md).
--   `responses` - one row per call, written by llm 0.19 (m013_usage: the token
--                 columns) to 0.31; kept, never written again, from 0.32 on;
--   `turns`     - one row per call, written from llm 0.32 (0.32rc1, 2026-07-30:
--                 m023_message_store); `response_json` from 0.32 (m027).
-- Either table may be missing; a row whose id is in both (written twice by
-- unreleased llm of 2026-07-25/26) is counted once, from `turns`, as
-- `llm logs` does.  Read from simonw/llm tag 0.32, commit 71a4815a2cd1 of
-- 2026-08-04: llm/migrations.py (the tables), llm/logs.py LogStore.log (a
-- turn's row), llm/default_plugins/openai_models.py (token_details), and
-- llm-anthropic 0.25.1, llm-gemini 0.33 (their token_details).
-- Pure SQL: no dot commands (auto.sql runs it through maas_exec).

-- 1. The columns read, in whichever of the two tables exist.  The check
-- table is emptied, not dropped: under sql/sources/auto.sql this runs inside
-- maas_exec while a temp table is being read, and SQLite refuses DROP TABLE
-- then ("database table is locked").
CREATE TEMP TABLE IF NOT EXISTS maas_check_llm (ok INTEGER
  CONSTRAINT "llm: expected table responses with id, model, datetime_utc, input_tokens, output_tokens, token_details, response_json (as llm 0.19 to 0.31 writes it) and/or turns with id, model, resolved_model, datetime_utc, input_tokens, output_tokens, token_details (llm 0.32); see docs/usage/llm.md"
  CHECK (ok));
DELETE FROM temp.maas_check_llm;
INSERT INTO temp.maas_check_llm
SELECT (r = 0 OR r = 7) AND (t = 0 OR t = 7) AND r + t > 0
  FROM (SELECT (SELECT count(*) FROM pragma_table_info('responses')
                 WHERE name IN ('id', 'model', 'datetime_utc', 'input_tokens', 'output_tokens', 'token_details',
                                'response_json')) AS r,
               (SELECT count(*) FROM pragma_table_info('turns')
                 WHERE name IN ('id', 'model', 'resolved_model', 'datetime_utc', 'input_tokens', 'output_tokens',
                                'token_details')) AS t);

-- 2. Each table's rows in one shape.  A table that is missing gives no rows;
-- a column an older llm did not have (responses.resolved_model before 0.27,
-- turns.response_json in 0.32rc1/rc2) is NULL.  The SQL is put together here,
-- as the tables are, and run by maas_exec (in a WHERE, so nothing is printed).
DROP VIEW IF EXISTS temp.maas_llm_responses;
DROP VIEW IF EXISTS temp.maas_llm_turns;
SELECT 1 WHERE maas_exec(
  'CREATE TEMP VIEW maas_llm_responses AS ' ||
  'SELECT ''llm-responses'' AS source, id, datetime_utc, model, ' ||
  CASE WHEN EXISTS (SELECT 1 FROM pragma_table_info('responses') WHERE name = 'resolved_model')
       THEN 'resolved_model' ELSE 'NULL' END ||
  ' AS resolved_model, response_json, input_tokens, output_tokens, token_details FROM ' ||
  CASE WHEN NOT EXISTS (SELECT 1 FROM pragma_table_info('responses'))
         THEN '(SELECT NULL AS id, NULL AS datetime_utc, NULL AS model, NULL AS response_json, NULL AS input_tokens,'
              || ' NULL AS output_tokens, NULL AS token_details) WHERE 0'
       WHEN EXISTS (SELECT 1 FROM pragma_table_info('turns'))
         THEN 'responses AS r WHERE NOT EXISTS (SELECT 1 FROM turns AS t WHERE t.id = r.id)'
       ELSE 'responses' END) IS NULL;
SELECT 1 WHERE maas_exec(
  'CREATE TEMP VIEW maas_llm_turns AS ' ||
  'SELECT ''llm-turns'' AS source, id, datetime_utc, model, resolved_model, ' ||
  CASE WHEN EXISTS (SELECT 1 FROM pragma_table_info('turns') WHERE name = 'response_json')
       THEN 'response_json' ELSE 'NULL' END ||
  ' AS response_json, input_tokens, output_tokens, token_details FROM ' ||
  CASE WHEN NOT EXISTS (SELECT 1 FROM pragma_table_info('turns'))
         THEN '(SELECT NULL AS id, NULL AS datetime_utc, NULL AS model, NULL AS resolved_model, NULL AS input_tokens,'
              || ' NULL AS output_tokens, NULL AS token_details) WHERE 0'
       ELSE 'turns' END) IS NULL;

-- 3. The usage rows.  Every row is one model call (llm logs a call once it
-- has completed; a failed call is not logged), so none is filtered out.
--   served_model  resolved_model (set by plugins that learn the real model),
--                 else response_json's "model" (what the provider answered
--                 with), else `model` (the id configured in llm).
--   token counts  input_tokens / output_tokens as the plugin set them, and
--                 token_details, the rest of the provider's usage (JSON), in
--                 the shape of the plugin that wrote it, the first found of:
--                   OpenAI chat       prompt_tokens_details.cached_tokens
--                   OpenAI Responses  input_tokens_details.cached_tokens,
--                                     input_tokens_details.cache_write_tokens
--                   Gemini            cachedContentTokenCount
--                   llm-anthropic     cache_read_input_tokens,
--                                     cache_creation_input_tokens
--                 The first three count the cache inside input_tokens;
--                 llm-anthropic leaves it out, so it is added back (unless
--                 response_json holds OpenAI's usage: a gateway answering in
--                 OpenAI's format with Anthropic's fields).  A count that is
--                 absent or JSON null is 0; token_details that is not a JSON
--                 object, or a count that is not an integer, is NULL.
-- Each step ends in LIMIT -1 OFFSET 0, so that SQLite computes its columns
-- once per row rather than once per use (see sql/usage/priced.sql).
DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
SELECT source, id AS source_id, at, nullif(model, '') AS model,
       coalesce(nullif(resolved_model, ''), response_model, nullif(model, '')) AS served_model,
       CASE WHEN anthropic AND typeof(input_tokens) = 'integer' THEN input_tokens + cached + written
            ELSE input_tokens END AS input_tokens,
       cached AS cached_input_tokens, written AS cache_write_tokens, output_tokens,
       1 AS requests, NULL AS user_name, NULL AS key_name, NULL AS project_name,
       NULL AS recorded_cost, NULL AS recorded_currency, token_details AS usage_json
  FROM (SELECT *,
               CASE details_kind WHEN -1 THEN NULL
                 WHEN 2 THEN CASE coalesce(json_type(token_details, cached_path), 'null')
                               WHEN 'null' THEN 0 WHEN 'integer' THEN json_extract(token_details, cached_path) END
                 ELSE 0 END AS cached,
               CASE details_kind WHEN -1 THEN NULL
                 WHEN 2 THEN CASE coalesce(json_type(token_details, written_path), 'null')
                               WHEN 'null' THEN 0 WHEN 'integer' THEN json_extract(token_details, written_path) END
                 ELSE 0 END AS written
          FROM (SELECT *,
                       CASE WHEN details_kind <> 2 THEN NULL
                            WHEN json_type(token_details, '$.prompt_tokens_details') IS NOT NULL
                              THEN '$.prompt_tokens_details.cached_tokens'
                            WHEN json_type(token_details, '$.input_tokens_details') IS NOT NULL
                              THEN '$.input_tokens_details.cached_tokens'
                            WHEN json_type(token_details, '$.cachedContentTokenCount') IS NOT NULL
                              THEN '$.cachedContentTokenCount'
                            ELSE '$.cache_read_input_tokens' END AS cached_path,
                       CASE WHEN details_kind <> 2 THEN NULL
                            WHEN json_type(token_details, '$.input_tokens_details') IS NOT NULL
                              THEN '$.input_tokens_details.cache_write_tokens'
                            ELSE '$.cache_creation_input_tokens' END AS written_path,
                       CASE WHEN details_kind <> 2 THEN 0
                            WHEN json_type(token_details, '$.cache_read_input_tokens') IS NULL
                                 AND json_type(token_details, '$.cache_creation_input_tokens') IS NULL THEN 0
                            WHEN json_type(token_details, '$.prompt_tokens_details') IS NOT NULL
                                 OR json_type(token_details, '$.input_tokens_details') IS NOT NULL THEN 0
                            WHEN typeof(response_json) = 'text' AND instr(response_json, '"prompt_tokens"') > 0
                                 AND json_valid(response_json)
                                 AND json_type(response_json, '$.usage.prompt_tokens') IS NOT NULL THEN 0
                            ELSE 1 END AS anthropic
                  FROM (SELECT source, id, maas_instant(datetime_utc) AS at, model, resolved_model,
                               input_tokens, output_tokens, token_details, response_json,
                               CASE WHEN typeof(response_json) = 'text' AND instr(response_json, '"model"') > 0
                                         AND json_valid(response_json)
                                         AND json_type(response_json, '$.model') = 'text'
                                    THEN nullif(json_extract(response_json, '$.model'), '') END
                                 AS response_model,
                               -- token_details: 0 none; 1 a JSON object, 2 one that may hold a
                               -- cache count (every such key has 'ache' in it); -1 unreadable.
                               CASE WHEN coalesce(token_details, '') = '' THEN 0
                                    WHEN typeof(token_details) = 'text' AND json_valid(token_details)
                                         AND substr(ltrim(token_details), 1, 1) = '{'
                                      THEN 1 + (instr(token_details, 'ache') > 0)
                                    ELSE -1 END AS details_kind
                          FROM (SELECT * FROM temp.maas_llm_responses
                                UNION ALL
                                SELECT * FROM temp.maas_llm_turns)
                         LIMIT -1 OFFSET 0)
                 LIMIT -1 OFFSET 0)
         LIMIT -1 OFFSET 0);

-- litellm.sql - the adapter of the LiteLLM proxy's spend log, "LiteLLM_SpendLogs"
-- (one row per request), onto temp.maas_usage_source (docs/usage/litellm.md).
--
-- Read in BerriAI/litellm (the index's newest copies, 2026): the table in
-- litellm/proxy/schema.prisma (commit 0010143f7d5014454d81a0fa76e42c4110a00893)
-- and its migrations (20250326162113_baseline, 20250508072103_add_status_to_spendlogs,
-- ...); the row in litellm/proxy/spend_tracking/spend_tracking_utils.py
-- (get_logging_payload); prompt_tokens in litellm/llms/anthropic/chat/transformation.py
-- (calculate_usage adds cache reads and writes to it).  No release tag was
-- read (the repository is past the size this project can fetch); its release
-- notes name v1.106.x (2026-11) the newest; every column read here is in
-- each later schema and migration the index holds.
-- Pure SQL: it may be run by maas_exec(readfile(...)).  A CSV export imported
-- with .import --csv (every column TEXT, NULL as '') is read as well as a
-- typed copy.

DROP TABLE IF EXISTS temp.maas_check_litellm;
CREATE TEMP TABLE maas_check_litellm(ok INTEGER
  CONSTRAINT "LiteLLM: expected table LiteLLM_SpendLogs with columns request_id, call_type, api_key, spend, prompt_tokens, completion_tokens, startTime, model, model_group, user, metadata, cache_hit, team_id, end_user (as the LiteLLM proxy writes it since its 2025-03-26 baseline migration; see docs/usage/litellm.md)"
  CHECK (ok));
INSERT INTO maas_check_litellm
SELECT count(*) = 14 FROM pragma_table_info('LiteLLM_SpendLogs')
 WHERE name IN ('request_id', 'call_type', 'api_key', 'spend', 'prompt_tokens', 'completion_tokens', 'startTime',
                'model', 'model_group', 'user', 'metadata', 'cache_hit', 'team_id', 'end_user');

-- The columns read, status among them where the log has it: it exists from
-- the 2025-05-08 migration on, and an older log reads NULL.  Built for the
-- columns there are, so that no row is looked up twice.
DROP VIEW IF EXISTS temp.maas_litellm_logs;
SELECT 1 WHERE maas_exec('CREATE TEMP VIEW maas_litellm_logs AS SELECT request_id, call_type, api_key, spend, '
  || 'prompt_tokens, completion_tokens, startTime, model, model_group, "user", metadata, cache_hit, team_id, end_user, '
  || CASE WHEN EXISTS (SELECT 1 FROM pragma_table_info('LiteLLM_SpendLogs') WHERE name = 'status' COLLATE NOCASE)
          THEN 'status' ELSE 'NULL' END || ' AS status FROM "LiteLLM_SpendLogs"') IS NULL;

DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH picked AS (
  -- Each row's fields, read straight from the table (a step between would
  -- copy every text column once more; SQLite parses the metadata once per
  -- row for all its reads): the provider's cache reads and writes from
  -- additional_usage_values or usage_object (both LiteLLM's usage; older
  -- releases write the first only), the key's and the team's aliases, the
  -- usage object itself.
  SELECT request_id, startTime, model_group, prompt_tokens, completion_tokens,
         max(0, coalesce(json_extract(meta, '$.additional_usage_values.prompt_tokens_details.cached_tokens'),
                         json_extract(meta, '$.usage_object.prompt_tokens_details.cached_tokens'), 0)) AS cached,
         max(0, coalesce(json_extract(meta, '$.additional_usage_values.cache_creation_input_tokens'),
                         json_extract(meta, '$.usage_object.cache_creation_input_tokens'), 0)) AS written,
         nullif(model, '') AS served,
         coalesce(nullif("user", ''), nullif(end_user, '')) AS user_name,
         coalesce(nullif(json_extract(meta, '$.user_api_key_alias'), ''), nullif(api_key, '')) AS key_name,
         coalesce(nullif(json_extract(meta, '$.user_api_key_team_alias'), ''), nullif(team_id, '')) AS project_name,
         -- spend: LiteLLM's float in USD, or the text a CSV export has of it
         CASE WHEN typeof(spend) IN ('integer', 'real') THEN spend
              WHEN spend GLOB '*[0-9]*' AND spend NOT GLOB '*[^0-9.eE+-]*' THEN CAST(spend AS REAL) END AS spent,
         coalesce(json_extract(meta, '$.usage_object'), json_extract(meta, '$.additional_usage_values')) AS usage_json
    FROM (SELECT request_id, call_type, api_key, spend, startTime, model, model_group, "user", end_user, team_id,
                 cache_hit, status,
                 -- token counts: integers, or the digits a CSV export holds; anything else NULL
                 CASE WHEN typeof(prompt_tokens) = 'integer' THEN prompt_tokens
                      WHEN prompt_tokens GLOB '[0-9]*' AND prompt_tokens NOT GLOB '*[^0-9]*'
                        THEN CAST(prompt_tokens AS INTEGER) END AS prompt_tokens,
                 CASE WHEN typeof(completion_tokens) = 'integer' THEN completion_tokens
                      WHEN completion_tokens GLOB '[0-9]*' AND completion_tokens NOT GLOB '*[^0-9]*'
                        THEN CAST(completion_tokens AS INTEGER) END AS completion_tokens,
                 -- metadata is LiteLLM's JSON (SpendLogsMetadata): read only when it is valid
                 CASE WHEN typeof(metadata) = 'text' AND json_valid(metadata) THEN metadata END AS meta
            FROM temp.maas_litellm_logs)
   -- Not billed calls: answers from LiteLLM's own cache (cache_hit 'True':
   -- never sent to the provider), failures that carry no tokens, MCP tool calls.
   WHERE coalesce(lower(cache_hit), '') <> 'true'
     AND NOT (coalesce(lower(status), '') = 'failure'
              AND coalesce(prompt_tokens, 0) = 0 AND coalesce(completion_tokens, 0) = 0)
     AND coalesce(call_type, '') <> 'call_mcp_tool'
   LIMIT -1 OFFSET 0)
SELECT 'litellm' AS source,
       request_id AS source_id,
       maas_instant(startTime) AS at,
       coalesce(nullif(model_group, ''), served) AS model,
       -- as logged: a provider prefix ('openai/xdeepseekv3') is the pricing
       -- step's to drop (sql/usage/priced.sql, priced_name)
       served AS served_model,
       -- prompt_tokens holds the cache reads and writes (LiteLLM's convention);
       -- a row of a convention that left them out is recognised by a count
       -- smaller than its parts, and they are added back.
       CASE WHEN prompt_tokens IS NULL THEN NULL
            WHEN prompt_tokens >= cached + written THEN prompt_tokens
            WHEN prompt_tokens >= cached THEN prompt_tokens + written
            ELSE prompt_tokens + cached + written END AS input_tokens,
       cached AS cached_input_tokens,
       written AS cache_write_tokens,
       completion_tokens AS output_tokens,
       1 AS requests,
       user_name,
       key_name,
       project_name,
       spent AS recorded_cost,
       CASE WHEN spent IS NOT NULL THEN 'USD' END AS recorded_currency,
       usage_json
  FROM picked;

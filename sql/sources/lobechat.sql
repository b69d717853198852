-- lobechat.sql - the adapter for LobeChat / LobeHub (lobehub/lobe-chat, now
-- lobehub/lobehub): its `messages` table onto temp.maas_usage_source
-- (columns: docs/tables/maas_usage.md; the mapping and its pitfalls:
-- docs/usage/lobechat.md).  Pure SQL (no dot command), so that
-- sql/reports/auto.sql can run it through maas_exec().
--
-- Read in LobeHub's source, version 2.2.19 (package.json at commit
-- 0015eda92ecb499cc643f3b242937e77708bb41d; the repository snapshot is too
-- large to fetch whole, so files were read one by one, each at its indexed
-- commit): packages/database/src/schemas/message.ts (commit 55467c78: the
-- `usage` jsonb column), migrations/0105_add_usage_to_messages.sql,
-- packages/types/src/message/common/metadata.ts (ModelUsage; metadata.usage
-- and the flat metadata fields deprecated; metadata.copied,
-- metadata.executionSite), packages/model-runtime/src/core/usageConverters/
-- (openai.ts, anthropic.ts, google-ai.ts: totalInputTokens includes
-- inputCachedTokens and inputWriteCacheTokens; totalOutputTokens includes
-- outputReasoningTokens; zero counts are left out), and LobeChat 1.x's
-- src/libs/agent-runtime/utils/usageConverter.ts (the same flat fields).
--
-- Where a message keeps its usage, newest first: the `usage` column
-- (migration 0105, June 2026), metadata.usage (2.x before it), the metadata
-- object itself (1.x).  The first of them holding a token total is read.
--
-- One row per billed call: a message whose role is not 'user' and that
-- holds token usage, or an assistant reply without an error (then its counts
-- are NULL).  Left out: user, system and tool messages without usage,
-- errors without usage, copied transcripts (metadata.copied: LobeHub's own
-- reports leave them out, the source row holds the tokens) and calls to a
-- model on the user's own device (metadata.executionSite = 'client').

-- 1. The columns this adapter needs, present in every LobeChat server
--    database (`usage` and `workspace_id`, added in June 2026, are optional).
DROP TABLE IF EXISTS temp.maas_check_lobechat;
CREATE TEMP TABLE maas_check_lobechat(ok INTEGER
  CONSTRAINT "LobeChat: expected table messages with columns id, role, model, provider, metadata, error, user_id, created_at (as LobeChat 1.x and LobeHub 2.x write it; see docs/usage/lobechat.md)"
  CHECK (ok));
INSERT INTO maas_check_lobechat
SELECT count(*) = 8 FROM pragma_table_info('messages')
 WHERE name IN ('id', 'role', 'model', 'provider', 'metadata', 'error', 'user_id', 'created_at');

-- 2. The calls.  Each step ends in LIMIT -1 OFFSET 0, which SQLite never
--    flattens into the step reading it: so each column (a row lookup, a
--    JSON read) is computed once per row, not once per use.  A CSV export
--    brings every column as TEXT and NULL as ''; JSON is read only when
--    valid.  `usage` and `workspace_id` (June 2026) are read through a
--    lookup of the same row, so that a table without them reads NULL from d
--    instead of failing.  Counts are read only when they are whole numbers;
--    in a usage object that has totalInputTokens or totalOutputTokens, a
--    count it leaves out is 0 (LobeChat writes no zero counts); with
--    neither, the counts are NULL.
DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH message AS (
  SELECT m.id, m.role, nullif(m.model, '') AS model, nullif(m.provider, '') AS provider,
         m.user_id, m.created_at,
         nullif(nullif(m.error, ''), 'null') IS NOT NULL AS failed,
         CASE WHEN json_valid(m.metadata) THEN m.metadata END AS metadata,
         (SELECT usage FROM messages AS x WHERE x.rowid = m.rowid) AS usage_column,
         (SELECT workspace_id FROM messages AS x WHERE x.rowid = m.rowid) AS workspace_id
    FROM messages AS m, (SELECT NULL AS usage, NULL AS workspace_id) AS d
   WHERE m.role <> 'user'
   LIMIT -1 OFFSET 0),
candidate AS (
  SELECT *,
         CASE WHEN json_valid(usage_column) THEN usage_column END AS usage_valid,
         CASE WHEN json_type(metadata, '$.usage') = 'object' THEN json_extract(metadata, '$.usage') END AS usage_nested
    FROM message
   WHERE json_extract(metadata, '$.copied') IS NOT 1
     AND json_extract(metadata, '$.executionSite') IS NOT 'client'),
chosen AS (
  SELECT id, role, model, provider, user_id, created_at, failed, workspace_id,
         CASE WHEN coalesce(json_type(usage_valid, '$.totalInputTokens'), json_type(usage_valid, '$.totalOutputTokens'),
                            json_type(usage_valid, '$.totalTokens')) IS NOT NULL THEN usage_valid
              WHEN coalesce(json_type(usage_nested, '$.totalInputTokens'), json_type(usage_nested, '$.totalOutputTokens'),
                            json_type(usage_nested, '$.totalTokens')) IS NOT NULL THEN usage_nested
              WHEN coalesce(json_type(metadata, '$.totalInputTokens'), json_type(metadata, '$.totalOutputTokens'),
                            json_type(metadata, '$.totalTokens')) IS NOT NULL THEN metadata END AS usage
    FROM candidate
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         coalesce(json_type(usage, '$.totalInputTokens'), json_type(usage, '$.totalOutputTokens')) IS NOT NULL AS split,
         json_type(usage, '$.totalInputTokens') AS input_type,
         json_type(usage, '$.inputCachedTokens') AS cached_type,
         json_type(usage, '$.inputWriteCacheTokens') AS write_type,
         json_type(usage, '$.totalOutputTokens') AS output_type
    FROM chosen
   WHERE usage IS NOT NULL OR (role = 'assistant' AND NOT failed)
   LIMIT -1 OFFSET 0)
SELECT 'lobechat' AS source,
       id AS source_id,
       maas_instant(created_at) AS at,  -- timestamptz, exported with its offset
       model,
       model AS served_model,           -- LobeChat sends `model` to `provider` as it is
       CASE WHEN NOT split THEN NULL WHEN input_type IS NULL THEN 0
            WHEN input_type = 'integer' THEN json_extract(usage, '$.totalInputTokens') END AS input_tokens,
       CASE WHEN NOT split THEN NULL WHEN cached_type IS NULL THEN 0
            WHEN cached_type = 'integer' THEN json_extract(usage, '$.inputCachedTokens') END AS cached_input_tokens,
       CASE WHEN NOT split THEN NULL WHEN write_type IS NULL THEN 0
            WHEN write_type = 'integer' THEN json_extract(usage, '$.inputWriteCacheTokens') END AS cache_write_tokens,
       CASE WHEN NOT split THEN NULL WHEN output_type IS NULL THEN 0
            WHEN output_type = 'integer' THEN json_extract(usage, '$.totalOutputTokens') END AS output_tokens,
       1 AS requests,
       nullif(user_id, '') AS user_name,
       provider AS key_name,            -- the provider whose key made the call
       nullif(workspace_id, '') AS project_name,
       CASE WHEN json_type(usage, '$.cost') IN ('integer', 'real') THEN json_extract(usage, '$.cost') END
         AS recorded_cost,
       CASE WHEN json_type(usage, '$.cost') IN ('integer', 'real') THEN 'USD' END AS recorded_currency,
       usage AS usage_json
  FROM counted;

-- langfuse_v2.sql - the adapter for Langfuse v2: its Postgres `observations`,
-- exported to CSV and imported with `.import --csv` (every column TEXT, NULL
-- as '' or \N), or copied with its types.  One row of temp.maas_usage_source
-- per GENERATION (docs/usage/langfuse.md; the columns: docs/tables/maas_usage.md).
--
-- Read in langfuse/langfuse at tag v2.95.12 (commit 565ff73591365394a24e047973c15e69d6ffca93,
-- 2025-11-13): packages/shared/prisma/schema.prisma (model Observation) and
-- its migrations; packages/shared/src/server/ingestion/types.ts and
-- legacy/EventProcessor.ts (usage.input/promptTokens into prompt_tokens, and
-- the costs).
DROP TABLE IF EXISTS temp.maas_check_langfuse_v2;
CREATE TEMP TABLE maas_check_langfuse_v2(ok INTEGER
  CONSTRAINT "Langfuse v2: expected table observations with columns id, project_id, type, start_time, model, internal_model, prompt_tokens, completion_tokens, unit (as Langfuse v2.95 writes it in Postgres; see docs/usage/langfuse.md)"
    CHECK (ok));
INSERT INTO maas_check_langfuse_v2
SELECT count(*) = 9 FROM pragma_table_info('observations')
 WHERE name IN ('id', 'project_id', 'type', 'start_time', 'model', 'internal_model', 'prompt_tokens',
                'completion_tokens', 'unit');
DROP TABLE temp.maas_check_langfuse_v2;

-- user_id is not a column of observations: it is there when the export
-- joined the trace (traces.user_id).  It and the two costs are read through
-- a lookup of the same row, so that an export without them reads NULL from d
-- (a name a subquery's own FROM lacks is looked up in the enclosing query).
-- The step ends in LIMIT -1 OFFSET 0, so that SQLite computes its columns
-- once per row instead of copying their expressions into every use.
DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH generation AS (
  SELECT o.id, o.start_time, o.project_id,
         CASE WHEN o.model NOT IN ('', '\N') THEN o.model END AS model,
         CASE WHEN o.internal_model NOT IN ('', '\N') THEN o.internal_model END AS internal_model,
         -- Counts are INTEGER, or the digits of a CSV import; anything else is
         -- not a count.  Langfuse writes 0 and 0 when no usage was reported.
         CASE WHEN typeof(o.prompt_tokens) = 'integer' THEN o.prompt_tokens
              WHEN o.prompt_tokens GLOB '[0-9]*' AND NOT o.prompt_tokens GLOB '*[^0-9]*'
                THEN CAST(o.prompt_tokens AS INTEGER) END AS prompt_tokens,
         CASE WHEN typeof(o.completion_tokens) = 'integer' THEN o.completion_tokens
              WHEN o.completion_tokens GLOB '[0-9]*' AND NOT o.completion_tokens GLOB '*[^0-9]*'
                THEN CAST(o.completion_tokens AS INTEGER) END AS completion_tokens,
         -- unit NULL ('' or \N in an export) is TOKENS, Langfuse's default.
         o.unit IS NULL OR o.unit IN ('', '\N') OR upper(o.unit) = 'TOKENS' AS in_tokens,
         (SELECT CASE WHEN user_id NOT IN ('', '\N') THEN user_id END
            FROM observations AS x WHERE x.rowid = o.rowid) AS user_id,
         -- Langfuse's cost: calculated_total_cost (its model's prices, or the
         -- cost the application sent), else total_cost, as its own view reads them.
         (SELECT CASE WHEN calculated_total_cost NOT IN ('', '\N') THEN calculated_total_cost
                      WHEN total_cost NOT IN ('', '\N') THEN total_cost END
            FROM observations AS x WHERE x.rowid = o.rowid) AS recorded_cost
    FROM observations AS o, (SELECT NULL AS user_id, NULL AS calculated_total_cost, NULL AS total_cost) AS d
   WHERE o.type = 'GENERATION'
   LIMIT -1 OFFSET 0)
SELECT 'langfuse-v2' AS source,
       id AS source_id,
       maas_instant(start_time) AS at,
       model,
       -- The name the application sent, when a card knows it (also after a
       -- provider prefix, 'openai/xdeepseekv3', which the pricing step drops);
       -- else the name of the Langfuse model definition the project matched
       -- it to (internal_model).
       CASE WHEN maas_model(model) IS NOT NULL
                 OR instr(model, '/') > 0 AND maas_model(substr(model, instr(model, '/') + 1)) IS NOT NULL THEN model
            WHEN maas_model(internal_model) IS NOT NULL THEN internal_model
            ELSE coalesce(model, internal_model) END AS served_model,
       CASE WHEN in_tokens AND (prompt_tokens <> 0 OR completion_tokens <> 0) THEN prompt_tokens END AS input_tokens,
       0 AS cached_input_tokens,
       0 AS cache_write_tokens,
       CASE WHEN in_tokens AND (prompt_tokens <> 0 OR completion_tokens <> 0) THEN completion_tokens END
         AS output_tokens,
       1 AS requests,
       user_id AS user_name,
       NULL AS key_name,
       CASE WHEN project_id NOT IN ('', '\N') THEN project_id END AS project_name,
       recorded_cost,
       CASE WHEN recorded_cost IS NOT NULL THEN 'USD' END AS recorded_currency,
       NULL AS usage_json
  FROM generation;

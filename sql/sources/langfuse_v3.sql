-- langfuse_v3.sql - the adapter for Langfuse v3: its ClickHouse
-- `observations` (v4 writes `events_core` instead: langfuse_v4.sql),
-- exported with clickhouse-client as CSV and imported with `.import --csv`
-- (every column TEXT, NULL as \N, a Map as
-- {'input':1000,'output':500,'total':1500}).  One row of
-- temp.maas_usage_source per GENERATION or EMBEDDING (docs/usage/langfuse.md;
-- the columns: docs/tables/maas_usage.md).
--
-- Read in langfuse/langfuse at tag v4.16.0 (commit 12453aab35d43f1f5254571c95e456a03cf6a4ca,
-- 2026-08-21; the same table as v3.225.4, ed58b88e55d3f1176f4291ba67f1cd06724d02c3):
-- packages/shared/clickhouse/migrations/unclustered/0002_observations.up.sql
-- and later (v4: 0040_create_events_core.up.sql);
-- packages/shared/src/server/ingestion/types.ts and otel/OtelIngestionProcessor.ts
-- (how usage_details is split into buckets); worker/src/services/IngestionService/index.ts
-- (total, total_cost).
DROP TABLE IF EXISTS temp.maas_check_langfuse_v3;
CREATE TEMP TABLE maas_check_langfuse_v3(ok INTEGER
  CONSTRAINT "Langfuse v3: expected table observations with columns id, project_id, type, start_time, provided_model_name, usage_details (as Langfuse v3 writes it in ClickHouse, exported; see docs/usage/langfuse.md)"
    CHECK (ok));
INSERT INTO maas_check_langfuse_v3
SELECT count(*) = 6 FROM pragma_table_info('observations')
 WHERE name IN ('id', 'project_id', 'type', 'start_time', 'provided_model_name', 'usage_details');
DROP TABLE temp.maas_check_langfuse_v3;

-- user_id is not a column of observations: it is there when the export
-- joined the trace (traces.user_id).  It and total_cost are read through a
-- lookup of the same row, so that an export without them reads NULL from d
-- (a name a subquery's own FROM lacks is looked up in the enclosing query).
-- Each step, and the result, end in LIMIT -1 OFFSET 0, so that SQLite
-- computes their columns once per row instead of copying the expressions
-- into every use (the pricing step reads each count four times).
DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH generation AS (
  SELECT o.id, o.start_time, o.project_id,
         CASE WHEN o.provided_model_name NOT IN ('', '\N') THEN o.provided_model_name END AS model,
         -- The export's Map text as JSON (its keys hold no quote); JSON as is.
         CASE WHEN typeof(o.usage_details) <> 'text' THEN NULL
              WHEN json_valid(o.usage_details) THEN o.usage_details
              WHEN json_valid(replace(o.usage_details, '''', '"')) THEN replace(o.usage_details, '''', '"')
         END AS usage_json,
         (SELECT CASE WHEN user_id NOT IN ('', '\N') THEN user_id END
            FROM observations AS x WHERE x.rowid = o.rowid) AS user_id,
         (SELECT CASE WHEN total_cost NOT IN ('', '\N') THEN total_cost END
            FROM observations AS x WHERE x.rowid = o.rowid) AS total_cost
    FROM observations AS o, (SELECT NULL AS user_id, NULL AS total_cost) AS d
   WHERE o.type IN ('GENERATION', 'EMBEDDING')
   LIMIT -1 OFFSET 0),
readable AS (
  -- Usage the reader refuses (a key that is no token kind, a count that is
  -- not a whole number, a key given twice, a total that is not the sum of
  -- the buckets) would stop the report with an error: maas_usage_problem
  -- says so without one (its reason is the reader's own), and such usage is
  -- left unread here (no_token_counts).  The counts below then read the text
  -- the connection has just read: it is parsed once per row.
  SELECT *, maas_usage_problem(usage_json) IS NULL AS usage_ok
    FROM generation
   LIMIT -1 OFFSET 0)
SELECT 'langfuse-v3' AS source,
       id AS source_id,
       maas_instant(start_time) AS at,
       model,
       -- The name the application sent (a provider prefix, 'openai/xdeepseekv3',
       -- is the pricing step's to drop: sql/usage/priced.sql).
       model AS served_model,
       -- Langfuse keeps cached reads, cache writes and reasoning in buckets of
       -- their own, apart from 'input' and 'output': maas_usage_tokens adds
       -- them back.
       CASE WHEN usage_ok THEN maas_usage_tokens(usage_json, 'input') END AS input_tokens,
       CASE WHEN usage_ok THEN maas_usage_tokens(usage_json, 'cached_input') END AS cached_input_tokens,
       CASE WHEN usage_ok THEN maas_usage_tokens(usage_json, 'cache_write') END AS cache_write_tokens,
       CASE WHEN usage_ok THEN maas_usage_tokens(usage_json, 'output') END AS output_tokens,
       1 AS requests,
       user_id AS user_name,
       NULL AS key_name,
       CASE WHEN project_id NOT IN ('', '\N') THEN project_id END AS project_name,
       total_cost AS recorded_cost,
       CASE WHEN total_cost IS NOT NULL THEN 'USD' END AS recorded_currency,
       usage_json
  FROM readable
 LIMIT -1 OFFSET 0;

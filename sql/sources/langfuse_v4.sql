-- langfuse_v4.sql - the adapter for Langfuse v4: its ClickHouse
-- `events_core` (what v4 writes by default, LANGFUSE_MIGRATION_V4_WRITE_MODE
-- = events_only), exported with clickhouse-client as CSV and imported with
-- `.import --csv` (every column TEXT, NULL as \N, a Map as
-- {'input':1000,'output':500,'total':1500}, times as exported in UTC).  One
-- row of temp.maas_usage_source per GENERATION or EMBEDDING, the newest
-- version of each (docs/usage/langfuse.md; the columns:
-- docs/tables/maas_usage.md).
--
-- Read in langfuse/langfuse at tag v4.16.0 (commit 12453aab35d43f1f5254571c95e456a03cf6a4ca,
-- 2026-08-21; events_core since v4.0.0, dcf3779410a00aa420635be96c5cb5f56770712a, 2026-07-29):
-- packages/shared/clickhouse/migrations/unclustered/0040_create_events_core.up.sql
-- (and 0041, 0042: the materialized view from events_full);
-- packages/shared/src/server/repositories/events.ts (versions: LIMIT 1 BY
-- span_id, project_id, newest event_ts first; deletion by DELETE FROM);
-- packages/shared/src/domain/observations.ts (the types).
DROP TABLE IF EXISTS temp.maas_check_langfuse_v4;
CREATE TEMP TABLE maas_check_langfuse_v4(ok INTEGER
  CONSTRAINT "Langfuse v4: expected table events_core with columns span_id, project_id, type, start_time, provided_model_name, usage_details (as Langfuse v4 writes it in ClickHouse, exported; see docs/usage/langfuse.md)"
    CHECK (ok));
INSERT INTO maas_check_langfuse_v4
SELECT count(*) = 6 FROM pragma_table_info('events_core')
 WHERE name IN ('span_id', 'project_id', 'type', 'start_time', 'provided_model_name', 'usage_details');
DROP TABLE temp.maas_check_langfuse_v4;

-- user_id, cost_details, event_ts and is_deleted are read when the export
-- has them: through a lookup of the same row, so that an export without
-- one reads NULL from d (a name a subquery's own FROM lacks is looked up in
-- the enclosing query).  Each step ends in LIMIT -1 OFFSET 0, so that SQLite
-- computes its columns once per row (the pricing step reads each count four
-- times).
DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH version AS (
  -- events_core is a ReplacingMergeTree(event_ts, is_deleted) whose key
  -- holds start_time: an export without LIMIT 1 BY (FINAL is not enough when
  -- an update moved start_time) holds each version not yet merged.  Keep, as
  -- Langfuse does, the newest by event_ts of each (project_id, span_id), the
  -- later row of the export on a tie (or without event_ts).  Only the keys
  -- are sorted, and the rows kept are read back in the table's order.
  SELECT rid
    FROM (SELECT rid, row_number() OVER (PARTITION BY project_id, span_id
                                         ORDER BY event_ts DESC, rid DESC) AS age
            FROM (SELECT e.rowid AS rid, e.project_id, e.span_id,
                         (SELECT event_ts FROM events_core AS x WHERE x.rowid = e.rowid) AS event_ts
                    FROM events_core AS e, (SELECT NULL AS event_ts) AS d
                   WHERE e.type IN ('GENERATION', 'EMBEDDING')
                   LIMIT -1 OFFSET 0))
   WHERE age = 1
   ORDER BY rid
   LIMIT -1 OFFSET 0),
call AS (
  -- The newest version, unless it is a deletion.
  SELECT e.span_id, e.project_id, e.start_time, e.provided_model_name, e.usage_details,
         (SELECT user_id FROM events_core AS x WHERE x.rowid = e.rowid) AS user_id,
         (SELECT cost_details FROM events_core AS x WHERE x.rowid = e.rowid) AS cost_details,
         (SELECT is_deleted FROM events_core AS x WHERE x.rowid = e.rowid) AS is_deleted
    FROM version AS v
    JOIN events_core AS e ON e.rowid = v.rid,
         (SELECT NULL AS user_id, NULL AS cost_details, NULL AS is_deleted) AS d
   LIMIT -1 OFFSET 0),
usage AS (
  -- The Map text as JSON (its keys hold no quote); JSON as is.  Usage the
  -- reader refuses is left unread (no_token_counts), maas_usage_problem
  -- saying so without an error: sql/sources/langfuse_v3.sql has the why.
  SELECT span_id, project_id, start_time,
         nullif(nullif(provided_model_name, ''), '\N') AS model,
         nullif(nullif(user_id, ''), '\N') AS user_id,
         CASE WHEN typeof(usage_details) <> 'text' THEN NULL
              WHEN json_valid(usage_details) THEN usage_details
              WHEN json_valid(replace(usage_details, '''', '"')) THEN replace(usage_details, '''', '"')
         END AS usage_json,
         -- Langfuse's cost (USD) is cost_details['total'] (events_core's
         -- total_cost is an ALIAS of it, 0 when the key is missing); '->'
         -- keeps the decimal's text as printed.
         CASE WHEN typeof(cost_details) = 'text' AND json_valid(replace(cost_details, '''', '"'))
              THEN replace(cost_details, '''', '"') -> '$.total' END AS total_cost
    FROM call
   WHERE coalesce(is_deleted, '0') IN ('0', 'false', '\N', '')
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *, maas_usage_problem(usage_json) IS NULL AS readable
    FROM usage
   LIMIT -1 OFFSET 0)
SELECT 'langfuse-v4' AS source, span_id AS source_id, maas_instant(start_time) AS at,
       model, model AS served_model,   -- a provider prefix is the pricing step's to drop
       -- Cached reads, cache writes and reasoning are buckets of their own,
       -- apart from 'input' and 'output': maas_usage_tokens adds them back.
       CASE WHEN readable THEN maas_usage_tokens(usage_json, 'input') END AS input_tokens,
       CASE WHEN readable THEN maas_usage_tokens(usage_json, 'cached_input') END AS cached_input_tokens,
       CASE WHEN readable THEN maas_usage_tokens(usage_json, 'cache_write') END AS cache_write_tokens,
       CASE WHEN readable THEN maas_usage_tokens(usage_json, 'output') END AS output_tokens,
       1 AS requests, user_id AS user_name, NULL AS key_name,
       nullif(nullif(project_id, ''), '\N') AS project_name,
       total_cost AS recorded_cost, CASE WHEN total_cost IS NOT NULL THEN 'USD' END AS recorded_currency,
       usage_json
  FROM counted
 LIMIT -1 OFFSET 0;

-- openai_usage_export.sql - the adapter of an OpenAI usage export, table
-- usage_export (docs/usage/openai-export.md), onto temp.maas_usage_source.
--
-- The export is the organization Usage API's completions buckets
-- (GET /v1/organization/usage/completions, object
-- "organization.usage.completions.result"), one row per time bucket and
-- group (project, user, API key, model, batch), as the dashboard's CSV
-- export writes them, imported with `.import --csv usage.csv usage_export`
-- (every column TEXT, an empty field ''). Fields read in OpenAI's API
-- reference (its OpenAPI spec as of 2026): input_tokens "including cached and
-- cache-write tokens"; input_cached_tokens; input_cache_write_tokens (30
-- minutes) and input_cache_write_12h_tokens (12 hours), newer, optional here.
-- Pure SQL: it may be run by maas_exec(readfile(...)).

DROP TABLE IF EXISTS temp.maas_check_openai_usage_export;
CREATE TEMP TABLE maas_check_openai_usage_export(ok INTEGER
  CONSTRAINT "OpenAI usage export: expected table usage_export with columns start_time, model, num_model_requests, input_tokens, output_tokens, input_cached_tokens, project_id, user_id, api_key_id (the completions usage export as CSV, imported with .import --csv; see docs/usage/openai-export.md)"
  CHECK (ok));
INSERT INTO maas_check_openai_usage_export
SELECT count(*) = 9 FROM pragma_table_info('usage_export')
 WHERE name IN ('start_time', 'model', 'num_model_requests', 'input_tokens', 'output_tokens', 'input_cached_tokens',
                'project_id', 'user_id', 'api_key_id');

DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH exported AS (
  -- The cache-write counts exist in newer exports only: each is read through
  -- a lookup of the same row, so that an export without it reads NULL from d.
  SELECT u.rowid AS id, u.start_time, nullif(u.model, '') AS model, nullif(u.project_id, '') AS project_id,
         nullif(u.user_id, '') AS user_id, nullif(u.api_key_id, '') AS api_key_id,
         u.num_model_requests AS requests, u.input_tokens, u.output_tokens,
         coalesce(nullif(u.input_cached_tokens, ''), 0) AS cached,
         coalesce(nullif((SELECT input_cache_write_tokens FROM usage_export AS x WHERE x.rowid = u.rowid), ''), 0)
           AS write_30m,
         coalesce(nullif((SELECT input_cache_write_12h_tokens FROM usage_export AS x WHERE x.rowid = u.rowid), ''), 0)
           AS write_12h
    FROM usage_export AS u,
         (SELECT NULL AS input_cache_write_tokens, NULL AS input_cache_write_12h_tokens) AS d
   LIMIT -1 OFFSET 0),
counted AS (
  -- Counts: integers, or the digits of the CSV; anything else NULL.
  SELECT id, start_time, model, project_id, user_id, api_key_id,
         CASE WHEN typeof(requests) = 'integer' THEN requests
              WHEN requests GLOB '[0-9]*' AND requests NOT GLOB '*[^0-9]*' THEN CAST(requests AS INTEGER) END
           AS requests,
         CASE WHEN typeof(input_tokens) = 'integer' THEN input_tokens
              WHEN input_tokens GLOB '[0-9]*' AND input_tokens NOT GLOB '*[^0-9]*' THEN CAST(input_tokens AS INTEGER)
         END AS input_tokens,
         CASE WHEN typeof(output_tokens) = 'integer' THEN output_tokens
              WHEN output_tokens GLOB '[0-9]*' AND output_tokens NOT GLOB '*[^0-9]*'
                THEN CAST(output_tokens AS INTEGER) END AS output_tokens,
         CASE WHEN typeof(cached) = 'integer' THEN cached
              WHEN cached GLOB '[0-9]*' AND cached NOT GLOB '*[^0-9]*' THEN CAST(cached AS INTEGER) END AS cached,
         CASE WHEN typeof(write_30m) = 'integer' THEN write_30m
              WHEN write_30m GLOB '[0-9]*' AND write_30m NOT GLOB '*[^0-9]*' THEN CAST(write_30m AS INTEGER) END
         + CASE WHEN typeof(write_12h) = 'integer' THEN write_12h
                WHEN write_12h GLOB '[0-9]*' AND write_12h NOT GLOB '*[^0-9]*' THEN CAST(write_12h AS INTEGER) END
           AS written
    FROM exported
   LIMIT -1 OFFSET 0)
SELECT 'openai-usage-export' AS source,
       id AS source_id,
       -- the bucket's start: unix seconds (as the export writes it) or a date text
       maas_instant(CASE WHEN start_time GLOB '[0-9]*' AND start_time NOT GLOB '*[^0-9]*'
                         THEN CAST(start_time AS INTEGER) ELSE start_time END) AS at,
       model,
       -- a provider prefix ('openai/xdeepseekv3') is dropped when the whole name is unknown
       CASE WHEN instr(model, '/') > 0 AND maas_model(model) IS NULL
            THEN substr(model, instr(model, '/') + 1) ELSE model END AS served_model,
       input_tokens,
       cached AS cached_input_tokens,
       written AS cache_write_tokens,
       output_tokens,
       requests,
       user_id AS user_name,
       api_key_id AS key_name,
       project_id AS project_name,
       NULL AS recorded_cost,
       NULL AS recorded_currency,
       NULL AS usage_json
  FROM counted
 -- an empty bucket (no request, no token) is no call
 WHERE NOT (requests = 0 AND input_tokens = 0 AND output_tokens = 0);

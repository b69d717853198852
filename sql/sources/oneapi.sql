-- oneapi.sql - the adapter of one-api's `logs` table onto
-- temp.maas_usage_source (docs/usage/newapi.md, which covers one-api too).
--
-- Read in songquanpeng/one-api at v0.6.11-preview.7 (commit
-- 3f421c4f04c9a63b26f5e0be4055989beb16b0b6, 2025-02-16; the last stable
-- release, v0.6.10 of 2024-12-27, has the same columns except request_id,
-- elapsed_time, is_stream and system_prompt_reset): the table in model/log.go
-- (type 2 = consume, 5 = channel test); what a row holds in
-- relay/controller/helper.go (postConsumeQuota: model_name is the name after
-- the channel's model mapping), image.go and relay/billing/billing.go; the
-- quota unit in common/config/config.go (QuotaPerUnit) and model/option.go.
-- Pure SQL: it may be run by maas_exec(readfile(...)).

DROP TABLE IF EXISTS temp.maas_check_oneapi;
CREATE TEMP TABLE maas_check_oneapi(ok INTEGER
  CONSTRAINT "one-api: expected table logs with columns id, created_at, type, username, token_name, model_name, quota, prompt_tokens, completion_tokens (as one-api writes it since v0.5.0; see docs/usage/newapi.md)"
  CHECK (ok));
INSERT INTO maas_check_oneapi
SELECT count(*) = 9 FROM pragma_table_info('logs')
 WHERE name IN ('id', 'created_at', 'type', 'username', 'token_name', 'model_name', 'quota', 'prompt_tokens',
                'completion_tokens');

-- one-api's quota unit, as new-api's: QuotaPerUnit from its options table
-- when set there, else 500000 quota to the USD.
DROP VIEW IF EXISTS temp.maas_oneapi_quota_unit;
SELECT 1 WHERE maas_exec(CASE
  WHEN (SELECT count(*) FROM pragma_table_info('options') WHERE name IN ('key', 'value')) = 2
  THEN 'CREATE TEMP VIEW maas_oneapi_quota_unit AS SELECT coalesce((SELECT CAST(value AS REAL) FROM options'
       || ' WHERE key = ''QuotaPerUnit'' AND CAST(value AS REAL) > 0), 500000.0) AS per_usd'
  ELSE 'CREATE TEMP VIEW maas_oneapi_quota_unit AS SELECT 500000.0 AS per_usd' END) IS NULL;

DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH consumed AS (
  -- Billed calls are the consume rows (type 2); top-ups (1), admin and
  -- system notes (3, 4) and channel tests (5, no tokens) are not.
  SELECT id, created_at, username, token_name, model_name, quota,
         CASE WHEN typeof(prompt_tokens) = 'integer' THEN prompt_tokens END AS prompt,
         CASE WHEN typeof(completion_tokens) = 'integer' THEN completion_tokens END AS completion
    FROM logs
   WHERE type = 2
   LIMIT -1 OFFSET 0)
SELECT 'one-api' AS source,
       id AS source_id,
       maas_instant(created_at) AS at,
       nullif(model_name, '') AS model,
       -- one-api logs the model it sent upstream (after the channel's mapping)
       nullif(model_name, '') AS served_model,
       -- no tokens at all: an image, or a call whose upstream returned no usage
       CASE WHEN coalesce(prompt, 0) <> 0 OR coalesce(completion, 0) <> 0 THEN prompt END AS input_tokens,
       -- one-api keeps no cache counts
       0 AS cached_input_tokens,
       0 AS cache_write_tokens,
       CASE WHEN coalesce(prompt, 0) <> 0 OR coalesce(completion, 0) <> 0 THEN completion END AS output_tokens,
       1 AS requests,
       nullif(username, '') AS user_name,
       nullif(token_name, '') AS key_name,
       NULL AS project_name,
       CASE WHEN typeof(quota) IN ('integer', 'real') THEN quota / (SELECT per_usd FROM temp.maas_oneapi_quota_unit)
       END AS recorded_cost,
       CASE WHEN typeof(quota) IN ('integer', 'real') THEN 'USD' END AS recorded_currency,
       NULL AS usage_json
  FROM consumed;

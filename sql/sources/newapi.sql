-- newapi.sql - the adapter of new-api's `logs` table (one row per logged
-- event) onto temp.maas_usage_source (docs/usage/newapi.md).
--
-- Read in QuantumNous/new-api, main at ccd535ef8e50cf6e5846a59278c40b7ff59d1b7d
-- (2026-08-11; no release tag could be read here), and in its git history
-- for what older rows hold: the table in model/log.go (type 2 = consume);
-- `other` in service/log_info_generate.go (GenerateTextOtherInfo,
-- GenerateClaudeOtherInfo) and service/text_quota.go (PostTextConsumeQuota:
-- which prompt_tokens leave the cache out); the quota unit in
-- common/constants.go (QuotaPerUnit) and model/option.go.
-- Pure SQL: it may be run by maas_exec(readfile(...)).

DROP TABLE IF EXISTS temp.maas_check_newapi;
CREATE TEMP TABLE maas_check_newapi(ok INTEGER
  CONSTRAINT "new-api: expected table logs with columns id, created_at, type, username, token_name, model_name, quota, prompt_tokens, completion_tokens, other (as new-api writes it since v0.2.2, May 2024; see docs/usage/newapi.md)"
  CHECK (ok));
INSERT INTO maas_check_newapi
SELECT count(*) = 10 FROM pragma_table_info('logs')
 WHERE name IN ('id', 'created_at', 'type', 'username', 'token_name', 'model_name', 'quota', 'prompt_tokens',
                'completion_tokens', 'other');

-- Quota units per USD: the admin's QuotaPerUnit when the options table of the
-- same database holds one, else new-api's default, 500000.
DROP VIEW IF EXISTS temp.maas_newapi_quota_unit;
SELECT 1 WHERE maas_exec('CREATE TEMP VIEW maas_newapi_quota_unit AS SELECT '
  || CASE WHEN (SELECT count(*) FROM pragma_table_info('options') WHERE name IN ('key', 'value')) = 2
          THEN 'coalesce((SELECT CAST(value AS REAL) FROM options WHERE key = ''QuotaPerUnit'' AND CAST(value AS REAL) > 0), 500000.0)'
          ELSE '500000.0' END || ' AS per_usd') IS NULL;

-- The columns read, `group` among them where the log has it: it exists from
-- v0.4.1 (December 2024) on, and an older log reads NULL.  Built for the
-- columns there are, so that no row is looked up twice.
DROP VIEW IF EXISTS temp.maas_newapi_logs;
SELECT 1 WHERE maas_exec('CREATE TEMP VIEW maas_newapi_logs AS SELECT id, created_at, type, username, token_name, '
  || 'model_name, quota, prompt_tokens, completion_tokens, other, '
  || CASE WHEN EXISTS (SELECT 1 FROM pragma_table_info('logs') WHERE name = 'group' COLLATE NOCASE)
          THEN '"group"' ELSE 'NULL' END || ' AS grp FROM logs') IS NULL;

DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH logged AS (
  -- The keys of `other` read for every row, straight from the table (a step
  -- between would copy every text column once more; SQLite parses `other`
  -- once per row for all of them); the rarer ones are read below only where
  -- needed.
  --   cache_tokens               cache reads
  --   cache_creation_tokens      cache writes, all of them
  --   cache_creation_tokens_5m   of the writes, at the 5-minute price
  --   cache_creation_tokens_1h   of the writes, at the 1-hour price
  --   claude                     true: the upstream request was Claude Messages
  --   usage_semantic             'anthropic': counted as Claude Messages are
  --   is_model_mapped            true: the channel sent another model name upstream
  SELECT id, created_at, username, token_name, model_name, quota, grp, prompt, completion, other,
         json_extract(other, '$.cache_tokens') AS v_reads,
         json_extract(other, '$.cache_creation_tokens') AS v_writes,
         json_extract(other, '$.cache_creation_tokens_5m') AS v_5m,
         json_extract(other, '$.cache_creation_tokens_1h') AS v_1h,
         json_type(other, '$.claude') AS v_claude,
         json_extract(other, '$.usage_semantic') AS v_semantic,
         json_type(other, '$.is_model_mapped') AS v_mapped
    FROM (SELECT id, created_at, username, token_name, model_name, quota, grp,
                 CASE WHEN typeof(prompt_tokens) = 'integer' THEN prompt_tokens END AS prompt,
                 CASE WHEN typeof(completion_tokens) = 'integer' THEN completion_tokens END AS completion,
                 -- `other` is new-api's JSON object; '' (older rows), NULL or other text is "nothing said"
                 CASE WHEN typeof(other) = 'text' AND json_valid(other) THEN other END AS other
            FROM temp.maas_newapi_logs
           -- Billed calls are the consume rows (type 2); top-ups (1), admin and
           -- system notes (3, 4), errors (5), refunds (6) and logins (7) are not.
           WHERE type = 2)
   -- Type 2 rows that are no call (and have no tokens): a task's settlement
   -- of its earlier row (actual_quota) and a violation fee.
   WHERE CASE WHEN coalesce(prompt, 0) = 0 AND coalesce(completion, 0) = 0
              THEN coalesce(json_type(other, '$.actual_quota'), 'null') = 'null'
                   AND json_type(other, '$.violation_fee') IS NOT 'true'
              ELSE 1 END
   LIMIT -1 OFFSET 0),
counted AS (
  -- Flattened into the query below (no LIMIT): its columns are sums and
  -- tests of integers, cheaper to repeat than to carry.
  -- A count absent (or null) is 0; one present but not a whole number >= 0 is
  -- NULL: usage that cannot be read.
  SELECT *,
         CASE WHEN v_reads IS NULL THEN 0 WHEN typeof(v_reads) = 'integer' AND v_reads >= 0 THEN v_reads END
           AS reads,
         -- The 5m and 1h writes are parts of cache_creation_tokens; the writes
         -- are the larger of the whole and the sum of its parts (an upstream
         -- may report the parts only), never both added.
         max(CASE WHEN v_writes IS NULL THEN 0 WHEN typeof(v_writes) = 'integer' AND v_writes >= 0 THEN v_writes END,
             CASE WHEN v_5m IS NULL THEN 0 WHEN typeof(v_5m) = 'integer' AND v_5m >= 0 THEN v_5m END
             + CASE WHEN v_1h IS NULL THEN 0 WHEN typeof(v_1h) = 'integer' AND v_1h >= 0 THEN v_1h END) AS writes,
         -- prompt_tokens leaves the cache out where new-api counts as Anthropic
         -- does: a Claude Messages upstream (`claude`; in 2026 also
         -- usage_semantic 'anthropic'), or usage carrying the 5m/1h split that
         -- came untagged (no input_tokens_total: new-api's billing treats it
         -- so, isLegacyClaudeDerivedOpenAIUsage).  Elsewhere it holds the
         -- reads and writes.
         CASE WHEN v_claude = 'true' OR v_semantic IS 'anthropic' THEN 1
              WHEN v_5m > 0 OR v_1h > 0 THEN coalesce(json_type(other, '$.input_tokens_total'), 'null') = 'null'
              ELSE 0 END AS excludes_cache,
         -- a consume row without any token (a task, a Midjourney call, a
         -- per-call price) recorded no usage: its counts are unknown
         coalesce(prompt, 0) = 0 AND coalesce(completion, 0) = 0 AS no_usage
    FROM logged)
SELECT 'new-api' AS source,
       id AS source_id,
       maas_instant(created_at) AS at,
       nullif(model_name, '') AS model,
       -- the served model: upstream_model_name, when the channel mapped the name
       coalesce(CASE WHEN v_mapped = 'true' AND json_type(other, '$.upstream_model_name') = 'text'
                     THEN nullif(json_extract(other, '$.upstream_model_name'), '') END,
                nullif(model_name, '')) AS served_model,
       CASE WHEN no_usage OR reads IS NULL OR writes IS NULL THEN NULL
            WHEN excludes_cache THEN prompt + reads + writes
            ELSE prompt END AS input_tokens,
       reads AS cached_input_tokens,
       writes AS cache_write_tokens,
       CASE WHEN no_usage THEN NULL ELSE completion END AS output_tokens,
       1 AS requests,
       nullif(username, '') AS user_name,
       nullif(token_name, '') AS key_name,
       nullif(grp, '') AS project_name,
       -- quota: new-api's own charge in its quota units (its ratios, not the provider's prices)
       CASE WHEN typeof(quota) IN ('integer', 'real') THEN quota / (SELECT per_usd FROM temp.maas_newapi_quota_unit)
       END AS recorded_cost,
       CASE WHEN typeof(quota) IN ('integer', 'real') THEN 'USD' END AS recorded_currency,
       other AS usage_json
  FROM counted;

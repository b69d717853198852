-- langfuse_observations.sql - an example Langfuse v2 trace store: 492
-- made-up rows of its Postgres `observations` (200 generated traces from
-- 2025-06-01 to 2025-11-30 UTC, and 6 written out), as a CSV export leaves
-- them once imported with `.import --csv`: every column TEXT, NULL as an
-- empty field.  The export joined each row's trace for its user_id
-- (docs/usage/langfuse.md shows the command).
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/langfuse_observations.sql
--   sqlite> .read sql/reports/langfuse.sql
--
-- The columns are those of Langfuse v2's `observations` (Prisma schema,
-- model Observation, at v2.95.12) in the text Postgres writes: start_time a
-- timestamp(3) without time zone, UTC, whose fraction loses its trailing
-- zeros ('2025-08-01 12:34:56.78', '2025-07-08 05:25:00'); type one of
-- 'SPAN', 'EVENT', 'GENERATION'; usage on GENERATION rows in prompt_tokens
-- and completion_tokens (0 and 0 when none was reported), counted in `unit`;
-- Langfuse's own cost in calculated_total_cost, a numeric(65,30).  The rows
-- are computed from their numbers alone, without random(), so every run
-- makes the same rows (tests/shell/usage_langfuse_v2.sql prices them by hand).
--
-- Every generated trace has a root SPAN and an 'answer' GENERATION; every
-- third trace also a 'rewrite-query' GENERATION on xop3qwen8b, every tenth a
-- user-feedback EVENT.  What is in it:
--   - model as the application sent it: published names in other spellings
--     ('deepseek-v3', 'qwen3-14b') and as published ('Qwen3-235B-A22B'),
--     Xingchen service IDs 'xdeepseekv3' and 'xop3qwen8b' (DeepSeek-V3 and
--     Qwen3-8B);
--   - 'deepseek-chat', which the price list does not know, but which the
--     Langfuse project maps to its own model definition 'DeepSeek-V3'
--     (internal_model): priced as DeepSeek-V3;
--   - 'gpt-4o-mini' (internal_model 'gpt-4o-mini', with Langfuse's own USD
--     cost): not a Xingchen model, it stays unpriced;
--   - the generations up to 2025-07-08 05:24:59.999 (traces 1-41 and the
--     rewrite-query of trace 42) are from before the first published price
--     (2025-07-08 05:25:00 UTC); trace 42's answer starts at 05:25:00
--     exactly and is priced;
--   - 2 answers counted in CHARACTERS (traces 75 and 150), 2 generations
--     without a model (traces 37 and 137), 4 answers with no usage reported
--     (0 and 0 tokens: traces 5, 69, 133, 197), and 2 root SPANs that carry
--     the trace's token counts (traces 90 and 180), which are not calls;
--   - no user on every ninth trace.
CREATE TABLE observations (
  "id" TEXT, "trace_id" TEXT, "project_id" TEXT, "type" TEXT, "start_time" TEXT, "end_time" TEXT,
  "name" TEXT, "metadata" TEXT, "parent_observation_id" TEXT, "level" TEXT, "status_message" TEXT,
  "version" TEXT, "created_at" TEXT, "updated_at" TEXT, "model" TEXT, "internal_model" TEXT,
  "internal_model_id" TEXT, "modelParameters" TEXT, "input" TEXT, "output" TEXT, "prompt_tokens" TEXT,
  "completion_tokens" TEXT, "total_tokens" TEXT, "unit" TEXT, "input_cost" TEXT, "output_cost" TEXT,
  "total_cost" TEXT, "calculated_input_cost" TEXT, "calculated_output_cost" TEXT,
  "calculated_total_cost" TEXT, "completion_start_time" TEXT, "prompt_id" TEXT
);
-- The trace's user, joined by the export (bench/reports_data.py builds its
-- table from the CREATE above alone: the adapter reads user_id when present).
ALTER TABLE observations ADD COLUMN user_id TEXT;

INSERT INTO observations
WITH RECURSIVE
  seq(t) AS (SELECT 1 UNION ALL SELECT t + 1 FROM seq WHERE t < 200),
  -- A trace about every 22 hours; its answer starts 150 ms after the trace.
  -- The answers of traces 41 and 42 sit on either side of the first price.
  traces AS (
    SELECT t,
           CASE t WHEN 41 THEN 1751952299999 - 150                -- 2025-07-08 05:24:59.999
                  WHEN 42 THEN 1751952300000 - 150                -- 2025-07-08 05:25:00.000
                  ELSE (1748736000                                -- 2025-06-01 00:00:00
                        + (t - 1) * 79056 + (t * 7919) % 5000) * 1000 + (t * 389) % 1000
           END AS trace_ms,
           (t * 37) % 100 AS bucket,                              -- picks the model
           (t * 7919 + t * t * 104729) % 10007 AS r1,             -- scrambled numbers
           (t * 6151 + t * t * 3571 + 17) % 10009 AS r2,          -- for token counts
           printf('%08x-%04x-4%03x-8%03x-%012x', (t * 2654435761) % 4294967296, t % 65536,
                  (t * 7) % 4096, (t * 13) % 4096, t * 40503) AS trace_id,
           CASE WHEN t % 4 = 0 THEN 'cm0prjsearch00000000000001'
                ELSE 'cm0prjsupport0000000000001' END AS project_id
      FROM seq),
  -- usd_in, usd_out: Langfuse's price of gpt-4o-mini per token, in 1e-8 USD
  -- ($0.15 and $0.60 per million tokens).
  mix(lo, hi, model, internal_model, usd_in, usd_out) AS (VALUES
    ( 0, 24, 'deepseek-v3',     NULL,          NULL, NULL),
    (25, 39, 'xdeepseekv3',     NULL,          NULL, NULL),
    (40, 54, 'xop3qwen8b',      NULL,          NULL, NULL),
    (55, 64, 'deepseek-chat',   'DeepSeek-V3', NULL, NULL),
    (65, 79, 'Qwen3-235B-A22B', NULL,          NULL, NULL),
    (80, 89, 'gpt-4o-mini',     'gpt-4o-mini', 15,   60),
    (90, 99, 'qwen3-14b',       NULL,          NULL, NULL)),
  -- kind: 0 root span, 1 answer, 2 rewrite-query, 3 feedback event.
  kinds(kind) AS (VALUES (0), (1), (2), (3)),
  obs AS (
    SELECT tr.*, k.kind, m.model AS mix_model, m.internal_model AS mix_internal, m.usd_in, m.usd_out,
           CASE k.kind WHEN 0 THEN tr.trace_ms
                       WHEN 1 THEN tr.trace_ms + 150
                       WHEN 2 THEN tr.trace_ms + 40
                       ELSE tr.trace_ms + 60000 + tr.r2 % 90000 END AS start_ms
      FROM traces AS tr
      CROSS JOIN kinds AS k
      JOIN mix AS m ON tr.bucket BETWEEN m.lo AND m.hi
     WHERE k.kind IN (0, 1) OR (k.kind = 2 AND tr.t % 3 = 0) OR (k.kind = 3 AND tr.t % 10 = 0)),
  usage AS (
    SELECT *,
           CASE WHEN kind = 1 AND t % 64 = 5 THEN 0                               -- not reported
                WHEN kind = 1 AND t % 75 = 0 THEN 4 * (20 + 1000000 / (25 + r1 % 4000))  -- characters
                WHEN kind = 1 THEN 20 + 1000000 / (25 + r1 % 4000)
                WHEN kind = 2 THEN 40 + r2 % 300
                ELSE 0 END AS prompt,
           CASE WHEN kind = 1 AND t % 64 = 5 THEN 0
                WHEN kind = 1 AND t % 75 = 0 THEN 4 * (10 + r2 % 600)
                WHEN kind = 1 THEN 10 + r2 % 600 + (r2 % 7) * (r2 % 113)
                WHEN kind = 2 THEN 8 + r1 % 40
                ELSE 0 END AS completion
      FROM obs),
  rows AS (
    SELECT u.*,
           CASE kind WHEN 1 THEN CASE WHEN t % 100 = 37 THEN NULL ELSE mix_model END
                     WHEN 2 THEN 'xop3qwen8b' END AS model,
           CASE WHEN kind = 1 AND t % 100 <> 37 THEN mix_internal END AS internal_model,
           CASE WHEN kind = 1 AND t % 75 = 0 THEN 'CHARACTERS'
                WHEN kind IN (1, 2) THEN 'TOKENS' END AS unit,
           -- the two root spans that carry the answer's token counts
           CASE WHEN kind = 0 AND t % 90 = 0 THEN 1 ELSE 0 END AS span_usage,
           CASE kind WHEN 1 THEN 400 + 11 * (10 + r2 % 600) WHEN 2 THEN 300 + r1 % 200
                     WHEN 0 THEN 900 + 11 * (10 + r2 % 600) ELSE 0 END AS latency_ms
      FROM usage AS u),
  final AS (
    SELECT r.*,
           CASE WHEN span_usage THEN (SELECT a.prompt FROM usage AS a WHERE a.t = r.t AND a.kind = 1)
                ELSE prompt END AS prompt_tokens,
           CASE WHEN span_usage THEN (SELECT a.completion FROM usage AS a WHERE a.t = r.t AND a.kind = 1)
                ELSE completion END AS completion_tokens
      FROM rows AS r)
-- Postgres' text forms, as `\copy ... CSV` writes them: a timestamp(3)
-- without trailing zeros in its fraction ('...:56.78', '...:56'), a
-- numeric(65,30) with its 30 places, NULL as an empty field.
SELECT id, trace_id, project_id, type,
       CASE WHEN start_ms IS NOT NULL THEN strftime('%Y-%m-%d %H:%M:%S', start_ms / 1000, 'unixepoch')
         || rtrim(rtrim(printf('.%03d', start_ms % 1000), '0'), '.') ELSE '' END,
       CASE WHEN end_ms IS NOT NULL THEN strftime('%Y-%m-%d %H:%M:%S', end_ms / 1000, 'unixepoch')
         || rtrim(rtrim(printf('.%03d', end_ms % 1000), '0'), '.') ELSE '' END,
       name, coalesce(metadata, ''), coalesce(parent_id, ''), 'DEFAULT', '', '',
       CASE WHEN created_ms IS NOT NULL THEN strftime('%Y-%m-%d %H:%M:%S', created_ms / 1000, 'unixepoch')
         || rtrim(rtrim(printf('.%03d', created_ms % 1000), '0'), '.') ELSE '' END,
       CASE WHEN updated_ms IS NOT NULL THEN strftime('%Y-%m-%d %H:%M:%S', updated_ms / 1000, 'unixepoch')
         || rtrim(rtrim(printf('.%03d', updated_ms % 1000), '0'), '.') ELSE '' END,
       coalesce(model, ''), coalesce(internal_model, ''), coalesce(internal_model_id, ''), coalesce(params, ''), '', '',
       prompt_tokens, completion_tokens, prompt_tokens + completion_tokens, coalesce(unit, ''), '', '', '',
       CASE WHEN in_e8 IS NOT NULL
         THEN printf('%d.%08d', in_e8 / 100000000, in_e8 % 100000000) || '0000000000000000000000' ELSE '' END,
       CASE WHEN out_e8 IS NOT NULL
         THEN printf('%d.%08d', out_e8 / 100000000, out_e8 % 100000000) || '0000000000000000000000' ELSE '' END,
       CASE WHEN (in_e8 + out_e8) IS NOT NULL
         THEN printf('%d.%08d', (in_e8 + out_e8) / 100000000, (in_e8 + out_e8) % 100000000) || '0000000000000000000000' ELSE '' END,
       CASE WHEN completion_start_ms IS NOT NULL THEN strftime('%Y-%m-%d %H:%M:%S', completion_start_ms / 1000, 'unixepoch')
         || rtrim(rtrim(printf('.%03d', completion_start_ms % 1000), '0'), '.') ELSE '' END,
       '', user_id
  FROM (
SELECT printf('%s-%d', substr(trace_id, 1, 8), kind) AS id,
       trace_id,
       project_id,
       CASE kind WHEN 0 THEN 'SPAN' WHEN 3 THEN 'EVENT' ELSE 'GENERATION' END AS type,
       start_ms,
       CASE WHEN kind <> 3 THEN start_ms + latency_ms END AS end_ms,
       CASE kind WHEN 0 THEN CASE WHEN project_id LIKE '%search%' THEN 'search-turn' ELSE 'support-turn' END
                 WHEN 1 THEN 'answer' WHEN 2 THEN 'rewrite-query' ELSE 'user-feedback' END AS name,
       CASE kind WHEN 3 THEN '{"score":' || (r2 % 5 + 1) || '}' END AS metadata,
       CASE WHEN kind <> 0 THEN printf('%s-0', substr(trace_id, 1, 8)) END AS parent_id,
       start_ms + latency_ms + 800 AS created_ms,
       start_ms + latency_ms + 900 AS updated_ms,
       model,
       internal_model,
       CASE internal_model WHEN 'DeepSeek-V3' THEN 'cm0mdl0deepseekv300000001'
                           WHEN 'gpt-4o-mini' THEN 'clyrjpbe20000t0mzcbwc42rg' END AS internal_model_id,
       CASE WHEN kind IN (1, 2) THEN '{"temperature":0.3,"max_tokens":2048}' END AS params,
       prompt_tokens,
       completion_tokens,
       unit,
       CASE WHEN usd_in IS NOT NULL AND kind = 1 AND prompt_tokens + completion_tokens > 0
            THEN prompt_tokens * usd_in END AS in_e8,
       CASE WHEN usd_out IS NOT NULL AND kind = 1 AND prompt_tokens + completion_tokens > 0
            THEN completion_tokens * usd_out END AS out_e8,
       CASE WHEN kind IN (1, 2) THEN start_ms + 250 END AS completion_start_ms,
       -- the trace's user: none on every ninth trace
       CASE WHEN t % 9 = 0 THEN '' ELSE printf('u%02d', t % 6 + 1) END AS user_id
  FROM final)
 ORDER BY start_ms, id;

-- Six generations written out, for what the generated ones do not show (one
-- row each, traces 201-206):
--   x1 'openai/xdeepseekv3', a provider prefix before a service ID;
--   x2 'Spark-Max', the Spark API's product, billed at other prices;
--   x3 unit NULL (tokens, Langfuse's default) and a start_time on the second;
--   x4 a cost the application sent (usage.totalCost), which Langfuse also
--      keeps as calculated_total_cost;
--   x5 2025-07-31 16:30:00.5 UTC, in August in Beijing time;
--   x6 usage reported in IMAGES, not tokens.
INSERT INTO observations VALUES
  ('x1-1', 'x1', 'cm0prjsupport0000000000001', 'GENERATION', '2025-09-02 03:04:05.6', '2025-09-02 03:04:09.1',
   'answer', '', '', 'DEFAULT', '', '', '2025-09-02 03:04:10', '2025-09-02 03:04:10.1', 'openai/xdeepseekv3', '',
   '', '', '', '', '1500', '400', '1900', 'TOKENS', '', '', '', '', '', '', '', '', 'u01'),
  ('x2-1', 'x2', 'cm0prjsupport0000000000001', 'GENERATION', '2025-09-03 11:00:00.25', '2025-09-03 11:00:02.5',
   'answer', '', '', 'DEFAULT', '', '', '2025-09-03 11:00:03', '2025-09-03 11:00:03.1', 'Spark-Max', '',
   '', '', '', '', '300', '200', '500', 'TOKENS', '', '', '', '', '', '', '', '', 'u02'),
  ('x3-1', 'x3', 'cm0prjsearch00000000000001', 'GENERATION', '2025-09-04 10:00:00', '2025-09-04 10:00:05',
   'answer', '', '', 'DEFAULT', '', '', '2025-09-04 10:00:06', '2025-09-04 10:00:06.1', 'qwen3-14b', '',
   '', '', '', '', '800', '900', '1700', '', '', '', '', '', '', '', '', '', 'u03'),
  ('x4-1', 'x4', 'cm0prjsupport0000000000001', 'GENERATION', '2025-10-10 08:00:00.123', '2025-10-10 08:00:04',
   'answer', '', '', 'DEFAULT', '', '', '2025-10-10 08:00:05', '2025-10-10 08:00:05.1', 'deepseek-v3', '',
   '', '', '', '', '2000', '1000', '3000', 'TOKENS', '', '', '0.001200000000000000000000000000', '', '',
   '0.001200000000000000000000000000', '', '', ''),
  ('x5-1', 'x5', 'cm0prjsupport0000000000001', 'GENERATION', '2025-07-31 16:30:00.5', '2025-07-31 16:30:03',
   'answer', '', '', 'DEFAULT', '', '', '2025-07-31 16:30:04', '2025-07-31 16:30:04.1', 'xdeepseekv3', '',
   '', '', '', '', '1000', '1000', '2000', 'TOKENS', '', '', '', '', '', '', '', '', 'u04'),
  ('x6-1', 'x6', 'cm0prjsupport0000000000001', 'GENERATION', '2025-10-11 09:00:00.9', '2025-10-11 09:00:07',
   'image', '', '', 'DEFAULT', '', '', '2025-10-11 09:00:08', '2025-10-11 09:00:08.1', 'xdeepseekv3', '',
   '', '', '', '', '2', '0', '2', 'IMAGES', '', '', '', '', '', '', '', '', 'u05');

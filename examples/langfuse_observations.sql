-- langfuse_observations.sql - an example Langfuse v2 trace store: the
-- `observations` table with 486 made-up observations of 200 traces from
-- 2025-06-01 to 2025-11-30 (UTC).
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/langfuse_observations.sql
--   sqlite> .read sql/reports/langfuse.sql
--
-- The columns are those of Langfuse v2's `observations` (its Prisma schema,
-- Postgres), with SQLite types: start_time is TEXT in the form Postgres
-- prints a timestamp(3), '2025-08-01 12:34:56.789' (UTC); type is one of
-- 'SPAN', 'EVENT', 'GENERATION'; usage sits on GENERATION rows, in
-- prompt_tokens and completion_tokens (0 when not reported), counted in
-- `unit` (NULL or 'TOKENS' here, but 'CHARACTERS' where an integration
-- counted characters).  The rows are computed from their numbers alone,
-- without random(), so every run makes the same rows and the totals in
-- tests/shell/langfuse_report.expected stay the same.
--
-- Every trace has a root SPAN and an 'answer' GENERATION; every third trace
-- also a 'rewrite-query' GENERATION on xop3qwen8b, every tenth a user-feedback
-- EVENT.  What is in it, to show what the report does:
--   - model as the application sent it: published names in other spellings
--     ('deepseek-v3', 'qwen3-14b') and as published ('Qwen3-235B-A22B'),
--     Xingchen service IDs 'xdeepseekv3' and 'xop3qwen8b' (DeepSeek-V3 and
--     Qwen3-8B once the built-in aliases know them);
--   - 'deepseek-chat', which the price list does not know, but which the
--     Langfuse project maps to its own model definition 'DeepSeek-V3'
--     (internal_model): priced as DeepSeek-V3;
--   - 'gpt-4o-mini' (internal_model 'gpt-4o-mini', with Langfuse's own USD
--     cost): not a Xingchen model, it stays unpriced;
--   - 55 generations, up to 2025-07-08 05:24:59.999 (traces 1-41 and the
--     rewrite-query of trace 42), are from before the first published price
--     (2025-07-08 05:25:00 UTC); trace 42's answer starts at 05:25:00.000
--     exactly and is priced;
--   - 2 answers counted in CHARACTERS (traces 75 and 150), 2 generations
--     without a model (traces 37 and 137), 4 answers with no usage reported
--     (0 tokens: traces 5, 69, 133, 197), and 2 root SPANs that carry the
--     trace's token counts (traces 90 and 180), which is not where Langfuse
--     keeps usage.
CREATE TABLE observations (
  id                     TEXT PRIMARY KEY,
  trace_id               TEXT,
  project_id             TEXT NOT NULL,
  type                   TEXT NOT NULL,
  start_time             TEXT NOT NULL,
  end_time               TEXT,
  name                   TEXT,
  metadata               TEXT,
  parent_observation_id  TEXT,
  level                  TEXT NOT NULL DEFAULT 'DEFAULT',
  status_message         TEXT,
  version                TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  model                  TEXT,
  internal_model         TEXT,
  internal_model_id      TEXT,
  "modelParameters"      TEXT,
  input                  TEXT,
  output                 TEXT,
  prompt_tokens          INTEGER NOT NULL DEFAULT 0,
  completion_tokens      INTEGER NOT NULL DEFAULT 0,
  total_tokens           INTEGER NOT NULL DEFAULT 0,
  unit                   TEXT,
  input_cost             REAL,
  output_cost            REAL,
  total_cost             REAL,
  calculated_input_cost  REAL,
  calculated_output_cost REAL,
  calculated_total_cost  REAL,
  completion_start_time  TEXT,
  prompt_id              TEXT
);
CREATE INDEX observations_start_time_idx ON observations(start_time);
CREATE INDEX observations_type_idx ON observations(type);

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
  mix(lo, hi, model, internal_model, usd_in, usd_out) AS (VALUES
    ( 0, 24, 'deepseek-v3',     NULL,          NULL, NULL),
    (25, 39, 'xdeepseekv3',     NULL,          NULL, NULL),
    (40, 54, 'xop3qwen8b',      NULL,          NULL, NULL),
    (55, 64, 'deepseek-chat',   'DeepSeek-V3', NULL, NULL),
    (65, 79, 'Qwen3-235B-A22B', NULL,          NULL, NULL),
    (80, 89, 'gpt-4o-mini',     'gpt-4o-mini', 0.15, 0.60),
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
SELECT printf('%s-%d', substr(trace_id, 1, 8), kind),
       trace_id,
       project_id,
       CASE kind WHEN 0 THEN 'SPAN' WHEN 3 THEN 'EVENT' ELSE 'GENERATION' END,
       strftime('%Y-%m-%d %H:%M:%S', start_ms / 1000, 'unixepoch') || printf('.%03d', start_ms % 1000),
       CASE WHEN kind = 3 THEN NULL
            ELSE strftime('%Y-%m-%d %H:%M:%S', (start_ms + latency_ms) / 1000, 'unixepoch')
                 || printf('.%03d', (start_ms + latency_ms) % 1000) END,
       CASE kind WHEN 0 THEN CASE WHEN project_id LIKE '%search%' THEN 'search-turn' ELSE 'support-turn' END
                 WHEN 1 THEN 'answer' WHEN 2 THEN 'rewrite-query' ELSE 'user-feedback' END,
       CASE kind WHEN 3 THEN '{"score":' || (r2 % 5 + 1) || '}' ELSE NULL END,
       CASE WHEN kind = 0 THEN NULL ELSE printf('%s-0', substr(trace_id, 1, 8)) END,
       'DEFAULT',
       NULL,
       NULL,
       strftime('%Y-%m-%d %H:%M:%S', (start_ms + latency_ms + 800) / 1000, 'unixepoch')
         || printf('.%03d', (start_ms + latency_ms + 800) % 1000),
       strftime('%Y-%m-%d %H:%M:%S', (start_ms + latency_ms + 900) / 1000, 'unixepoch')
         || printf('.%03d', (start_ms + latency_ms + 900) % 1000),
       model,
       internal_model,
       CASE internal_model WHEN 'DeepSeek-V3' THEN 'cm0mdl0deepseekv300000001'
                           WHEN 'gpt-4o-mini' THEN 'clyrjpbe20000t0mzcbwc42rg' END,
       CASE WHEN kind IN (1, 2) THEN '{"temperature":0.3,"max_tokens":2048}' END,
       NULL,
       NULL,
       prompt_tokens,
       completion_tokens,
       prompt_tokens + completion_tokens,
       unit,
       NULL,
       NULL,
       NULL,
       CASE WHEN usd_in IS NOT NULL AND kind = 1 THEN prompt_tokens * usd_in / 1000000.0 END,
       CASE WHEN usd_out IS NOT NULL AND kind = 1 THEN completion_tokens * usd_out / 1000000.0 END,
       CASE WHEN usd_in IS NOT NULL AND kind = 1
            THEN (prompt_tokens * usd_in + completion_tokens * usd_out) / 1000000.0 END,
       CASE WHEN kind IN (1, 2)
            THEN strftime('%Y-%m-%d %H:%M:%S', (start_ms + 250) / 1000, 'unixepoch')
                 || printf('.%03d', (start_ms + 250) % 1000) END,
       NULL
  FROM final
 ORDER BY t, kind;

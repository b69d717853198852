-- make_openai_usage_export.sql - writes examples/openai_usage_export.csv, an
-- example usage export in the layout of OpenAI's completions usage export:
-- one row per day, project, key, user and model, 336 rows from 2025-06-16 to
-- 2025-11-30 (UTC).  Only needed to change the example; the CSV is kept in
-- the repository.
--
--   sqlite3 :memory: < examples/make_openai_usage_export.sql     # from the repository root
--
-- The rows are computed from their numbers alone, without random(), so the
-- file comes out the same every time.  Columns: start_time and end_time
-- (unix seconds of the day bucket), start_time_iso and end_time_iso,
-- project_id, num_model_requests, user_id, api_key_id, model, batch,
-- service_tier, input_tokens, output_tokens, input_cached_tokens (part of
-- input_tokens), input_audio_tokens and output_audio_tokens.  An empty field
-- (user_id of a service key) is written empty, as the export has it.
--
-- What is in it, to show what sql/reports/openai_usage_export.sql does:
--   - Xingchen models under the names an OpenAI-compatible gateway would
--     export: service IDs 'xdeepseekv3' and 'xop3qwen8b' (DeepSeek-V3 and
--     Qwen3-8B once the built-in aliases know them), 'deepseek-r1',
--     'deepseek-v3' and 'Qwen3-32B';
--   - 'gpt-4o-mini-2024-07-18' and 'text-embedding-3-small', which the
--     Xingchen price list does not have: they stay unpriced;
--   - the day buckets up to 2025-07-08 start before the first published
--     price (2025-07-08 05:25:00 UTC) and are unpriced: a bucket is priced at
--     its start_time;
--   - batch rows (batch 'True'), priced like the others: the Xingchen list has
--     no batch price;
--   - 8 rows after them, one rule each: a bucket not grouped by model (model
--     empty), a gateway's prefixed name 'openai/xdeepseekv3', an empty
--     input_cached_tokens (no cache: 0), an empty bucket (no call), Spark-Max
--     (another product), and damaged cells: no input_tokens, no start_time,
--     a count that is not a number.
.mode csv
.separator , "\n"
.headers on
.once examples/openai_usage_export.csv
WITH RECURSIVE
  days(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM days WHERE d < 167),
  slots(s) AS (VALUES (0), (1)),
  buckets AS (
    SELECT d, s, 1750032000 + d * 86400 AS start_time,                 -- 2025-06-16 + d days
           (d * 7 + s * 3 + (d * d) % 5) % 10 AS combo,
           (d * 7919 + s * 104729 + d * d * 31) % 10007 AS r1,
           (d * 6151 + s * 3571 + d * d * 17 + 17) % 10009 AS r2
      FROM days CROSS JOIN slots),
  combos(c, project_id, api_key_id, user_id, model, batch, reasoning, embedding) AS (VALUES
    (0, 'proj_Xk2fA9cLw3mQ7rT1vB8nD4sE', 'key_9fK2mQ4xL7pR1sT3', 'user-4Qm8fT2kLx9pR3vN', 'xdeepseekv3',            'False', 0, 0),
    (1, 'proj_Xk2fA9cLw3mQ7rT1vB8nD4sE', 'key_9fK2mQ4xL7pR1sT3', 'user-4Qm8fT2kLx9pR3vN', 'deepseek-r1',            'False', 1, 0),
    (2, 'proj_Xk2fA9cLw3mQ7rT1vB8nD4sE', 'key_3hW7nB2vC5xZ8kJ1', 'user-7Rt2Yp9Lm4Qs8Vw1', 'xop3qwen8b',             'False', 0, 0),
    (3, 'proj_Xk2fA9cLw3mQ7rT1vB8nD4sE', 'key_3hW7nB2vC5xZ8kJ1', 'user-7Rt2Yp9Lm4Qs8Vw1', 'text-embedding-3-small', 'False', 0, 1),
    (4, 'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', 'key_6tY1uI8oP3aS5dF2', NULL,                   'xdeepseekv3',            'False', 0, 0),
    (5, 'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', 'key_6tY1uI8oP3aS5dF2', NULL,                   'Qwen3-32B',              'False', 0, 0),
    (6, 'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', 'key_2gH4jK6lZ8xC1vB3', NULL,                   'xop3qwen8b',             'True',  0, 0),
    (7, 'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', 'key_2gH4jK6lZ8xC1vB3', NULL,                   'deepseek-r1',            'True',  1, 0),
    (8, 'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', 'key_6tY1uI8oP3aS5dF2', NULL,                   'gpt-4o-mini-2024-07-18', 'False', 0, 0),
    (9, 'proj_Xk2fA9cLw3mQ7rT1vB8nD4sE', 'key_9fK2mQ4xL7pR1sT3', 'user-4Qm8fT2kLx9pR3vN', 'deepseek-v3',            'False', 0, 0)),
  counted AS (
    SELECT b.*, c.*,
           20 + b.r1 % 180 AS requests
      FROM buckets AS b JOIN combos AS c ON c.c = b.combo),
  tokens AS (
    SELECT *,
           requests * (CASE WHEN embedding THEN 40 + r1 % 400 ELSE 300 + r1 % 1500 END) AS input,
           CASE WHEN embedding THEN 0
                ELSE requests * (50 + r2 % 400 + reasoning * (400 + r1 % 900)) END AS output
      FROM counted)
SELECT start_time, end_time, start_time_iso, end_time_iso, project_id, num_model_requests, user_id, api_key_id,
       model, batch, service_tier, input_tokens, output_tokens, input_cached_tokens, input_audio_tokens,
       output_audio_tokens
  FROM (
SELECT 0 AS part, d AS k1, s AS k2,
       start_time,
       start_time + 86400 AS end_time,
       strftime('%Y-%m-%dT%H:%M:%S+00:00', start_time, 'unixepoch') AS start_time_iso,
       strftime('%Y-%m-%dT%H:%M:%S+00:00', start_time + 86400, 'unixepoch') AS end_time_iso,
       project_id,
       requests AS num_model_requests,
       user_id,
       api_key_id,
       model,
       batch,
       'default' AS service_tier,
       input AS input_tokens,
       output AS output_tokens,
       CASE WHEN embedding THEN 0 ELSE input * ((r2 % 4) * 10) / 100 END AS input_cached_tokens,
       0 AS input_audio_tokens,
       0 AS output_audio_tokens
  FROM tokens
UNION ALL
-- One row per rule (NULL is written as an empty field, as the export has it):
-- a bucket not grouped by model first.
SELECT 1, n, 0, st, et, si, ei, pr, rq, us, ak, mo, ba, tier, it, ot, ic, ia, oa FROM (
  SELECT 1 AS n, '1759276800' AS st, '1759363200' AS et, '2025-10-01T00:00:00+00:00' AS si,
         '2025-10-02T00:00:00+00:00' AS ei, 'proj_Xk2fA9cLw3mQ7rT1vB8nD4sE' AS pr, '12' AS rq, NULL AS us, NULL AS ak,
         NULL AS mo, 'False' AS ba, 'default' AS tier, '9000' AS it, '1200' AS ot, '900' AS ic, '0' AS ia, '0' AS oa
  UNION ALL  -- a gateway's prefixed name
  SELECT 2, '1759363200', '1759449600', '2025-10-02T00:00:00+00:00', '2025-10-03T00:00:00+00:00',
         'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', '40', NULL, 'key_6tY1uI8oP3aS5dF2', 'openai/xdeepseekv3', 'False', 'default',
         '52000', '8800', '13000', '0', '0'
  UNION ALL  -- no cache count: 0
  SELECT 3, '1759449600', '1759536000', '2025-10-03T00:00:00+00:00', '2025-10-04T00:00:00+00:00',
         'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', '25', NULL, 'key_6tY1uI8oP3aS5dF2', 'Qwen3-32B', 'False', 'default',
         '30000', '5000', NULL, NULL, NULL
  UNION ALL  -- an empty bucket: no call
  SELECT 4, '1759536000', '1759622400', '2025-10-04T00:00:00+00:00', '2025-10-05T00:00:00+00:00',
         'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', '0', NULL, 'key_6tY1uI8oP3aS5dF2', 'Qwen3-32B', 'False', 'default',
         '0', '0', '0', '0', '0'
  UNION ALL  -- another product of the provider
  SELECT 5, '1759622400', '1759708800', '2025-10-05T00:00:00+00:00', '2025-10-06T00:00:00+00:00',
         'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', '7', NULL, 'key_6tY1uI8oP3aS5dF2', 'Spark-Max', 'False', 'default',
         '7000', '2100', '0', '0', '0'
  UNION ALL  -- damaged: no input_tokens
  SELECT 6, '1759708800', '1759795200', '2025-10-06T00:00:00+00:00', '2025-10-07T00:00:00+00:00',
         'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', '9', NULL, 'key_6tY1uI8oP3aS5dF2', 'xop3qwen8b', 'False', 'default',
         NULL, '900', '0', '0', '0'
  UNION ALL  -- damaged: no start_time
  SELECT 7, NULL, NULL, NULL, NULL, 'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', '3', NULL, 'key_6tY1uI8oP3aS5dF2', 'xop3qwen8b',
         'False', 'default', '3000', '300', '0', '0', '0'
  UNION ALL  -- damaged: a count that is not a whole number
  SELECT 8, '1759795200', '1759881600', '2025-10-07T00:00:00+00:00', '2025-10-08T00:00:00+00:00',
         'proj_7HgT2pLq9sVn4xW1zR6cJ3mK', '4', NULL, 'key_6tY1uI8oP3aS5dF2', 'xop3qwen8b', 'False', 'default',
         '4000', '4.5e2', '0', '0', '0')
 ORDER BY 1, 2, 3);

-- newapi_logs.sql - an example new-api usage log: the `logs` table with
-- 3,000 made-up rows from 2025-08-01 to 2026-01-31 (UTC).  The same gateway
-- a few upgrades later, with prompt caching: examples/newapi_logs_2026.sql.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/newapi_logs.sql
--   sqlite> .read sql/reports/newapi.sql
--
-- The columns are those of new-api's `logs` table (created_at in unix
-- seconds, type 2 = consume), so the report runs unchanged on a copy of a
-- real new-api database.  The rows are computed from the row number alone,
-- without random(), so every run makes the same rows and the totals in
-- tests/shell/usage_newapi.expected stay the same.
--
-- What is in it, to show what the reports do:
--   - usage that grows month by month and a model mix that moves from Spark
--     and DeepSeek-R1 to Qwen3, ten priced models in all;
--   - model names as clients really send them: 'deepseek-r1', 'QWEN3-8B',
--     'qwen3-32b' are priced as DeepSeek-R1, Qwen3-8B and Qwen3-32B;
--   - a long tail of prompt sizes, and long answers from reasoning models;
--   - 12 rows that are not consumption (type 1 top-ups, type 5 errors), which
--     the reports leave out; their `other` is '' (not JSON), as new-api
--     leaves it on such rows;
--   - a channel that maps the model: one in five DeepSeek-V3 requests asked
--     for 'deepseek-chat', which the channel served as 'xdeepseekv3'
--     (DeepSeek-V3's Xingchen service ID).  new-api logs the requested name
--     in model_name and the served one in `other`:
--     {"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"}.  The
--     reports price the served model, so these rows cost what DeepSeek-V3
--     costs; priced by model_name alone they would be unknown_model;
--   - 8 rows of 'gpt-4o-mini', which the price list does not have, and one of
--     'Spark Mini', which has no token price: both are left unpriced and
--     listed in the report's section 4 (left out, and why).
-- quota is the gateway's own unit and only filled in for looks.
CREATE TABLE logs (
  id                INTEGER PRIMARY KEY,
  user_id           INTEGER,
  created_at        INTEGER,
  type              INTEGER,
  content           TEXT,
  username          TEXT DEFAULT '',
  token_name        TEXT DEFAULT '',
  model_name        TEXT DEFAULT '',
  quota             INTEGER DEFAULT 0,
  prompt_tokens     INTEGER DEFAULT 0,
  completion_tokens INTEGER DEFAULT 0,
  use_time          INTEGER DEFAULT 0,
  is_stream         NUMERIC,
  channel_id        INTEGER,
  token_id          INTEGER DEFAULT 0,
  "group"           TEXT,
  ip                TEXT DEFAULT '',
  other             TEXT
);
CREATE INDEX idx_logs_created_at ON logs(created_at);
CREATE INDEX idx_logs_model_name ON logs(model_name);

INSERT INTO logs
WITH RECURSIVE
  seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 3000),
  -- The gap between rows shrinks from about 2.2 to 0.7 hours, so later
  -- months have more rows; the jitter is smaller than the gap, so ids stay
  -- in time order.
  timed AS (
    SELECT n,
           1754006400                                     -- 2025-08-01 00:00:00
             + (n - 1) * (9001 - n) * 15897000 / 18000000     -- 184 days
             + (n * 7919) % 600 AS created_at,
           (n * 37) % 100 AS bucket,                       -- 0..99, picks the model
           (n * 13) % 10 AS who,                           -- 0..9, picks the user
           (n * 7919 + n * n * 104729) % 10007 AS r1,      -- two scrambled numbers
           (n * 6151 + n * n * 3571 + 17) % 10009 AS r2    -- for token counts
      FROM seq),
  dated AS (
    SELECT *, CAST(strftime('%Y', created_at, 'unixepoch') AS INTEGER) * 12
              + CAST(strftime('%m', created_at, 'unixepoch') AS INTEGER)
              - (2025 * 12 + 8) AS month                  -- 0 = 2025-08 .. 5 = 2026-01
      FROM timed),
  -- Which model a request used: months first..last, buckets lo..hi.
  mix(first, last, lo, hi, model, channel, reasoning) AS (VALUES
    (0, 1,  0, 39, 'DeepSeek-V3',                  1, 0),
    (0, 1, 40, 59, 'DeepSeek-R1',                  1, 1),
    (0, 1, 60, 74, 'Spark Max',                    3, 0),
    (0, 1, 75, 89, 'Spark Lite',                   3, 0),
    (0, 2, 90, 99, 'Qwen_v2.5_7b_Instruct',        2, 0),
    (2, 3,  0, 34, 'DeepSeek-V3',                  1, 0),
    (2, 2, 35, 49, 'DeepSeek-R1',                  1, 1),
    (2, 2, 50, 69, 'Qwen3-8B',                     2, 0),
    (2, 2, 70, 79, 'Qwen3-30B-A3B',                2, 0),
    (2, 2, 80, 89, 'Spark Lite',                   3, 0),
    (3, 3, 35, 44, 'DeepSeek-R1',                  1, 1),
    (3, 3, 45, 54, 'DeepSeek-R1-Distill-Qwen-32B', 1, 1),
    (3, 5, 55, 74, 'Qwen3-8B',                     2, 0),
    (3, 5, 75, 89, 'Qwen3-30B-A3B',                2, 0),
    (3, 3, 90, 99, 'Qwen3-235B-A22B',              2, 0),
    (4, 5,  0, 29, 'DeepSeek-V3',                  1, 0),
    (4, 5, 30, 44, 'Qwen3-235B-A22B',              2, 0),
    (4, 5, 45, 54, 'qwen3-32b',                    2, 0),
    (4, 5, 90, 99, 'DeepSeek-R1-Distill-Qwen-32B', 1, 1)),
  users(who_lo, who_hi, user_id, username, token_name, token_id, grp) AS (VALUES
    (0, 5, 1, 'alice',  'alice-laptop', 11, 'default'),
    (6, 8, 2, 'bob',    'rag-service',  21, 'default'),
    (9, 9, 3, 'ci-bot', 'nightly-eval', 31, 'batch')),
  picked AS (
    SELECT d.n, d.created_at, d.r1, d.r2, u.*,
           CASE WHEN d.n % 250 = 125 AND d.n / 250 % 2 = 0 THEN 5  -- error
                WHEN d.n % 250 = 125 THEN 1                        -- top-up
                ELSE 2 END AS type,                                -- consume
           CASE WHEN d.n % 400 = 7 THEN 'gpt-4o-mini'
                WHEN d.n = 1777 THEN 'Spark Mini'
                WHEN m.model = 'DeepSeek-V3' AND d.n % 5 = 2 THEN 'deepseek-chat'  -- mapped, below
                WHEN m.model = 'DeepSeek-R1' AND d.n % 3 = 0 THEN 'deepseek-r1'
                WHEN m.model = 'Qwen3-8B' AND d.n % 4 = 1 THEN 'QWEN3-8B'
                ELSE m.model END AS model_name,
           CASE WHEN d.n % 400 = 7 THEN 4 WHEN d.n = 1777 THEN 3 ELSE m.channel END AS channel_id,
           m.reasoning
      FROM dated AS d
      JOIN mix AS m ON d.month BETWEEN m.first AND m.last AND d.bucket BETWEEN m.lo AND m.hi
      JOIN users AS u ON d.who BETWEEN u.who_lo AND u.who_hi),
  tokens AS (
    SELECT *,
           -- Mostly a few hundred to a few thousand tokens, now and then 50k.
           20 + 1000000 / (25 + r1 % 4000) AS prompt,
           10 + r2 % 600 + (r2 % 7) * (r2 % 113)
              + reasoning * (600 + r1 % 2500) AS completion  -- + chain of thought
      FROM picked)
SELECT n,
       user_id,
       created_at,
       type,
       CASE type WHEN 1 THEN 'top-up by admin: 5000000 quota'
                 WHEN 5 THEN 'upstream error: status code 503'
                 ELSE 'model ratio 1, completion ratio 4, group ratio 1' END,
       username,
       token_name,
       CASE type WHEN 1 THEN '' ELSE model_name END,
       CASE type WHEN 1 THEN 5000000 WHEN 5 THEN 0 ELSE prompt + 4 * completion END,
       CASE type WHEN 1 THEN 0 ELSE prompt END,
       CASE type WHEN 2 THEN completion ELSE 0 END,
       CASE type WHEN 2 THEN 1 + completion / 40 ELSE 0 END,
       n % 3 <> 0,
       CASE type WHEN 1 THEN 0 ELSE channel_id END,
       token_id,
       grp,
       '10.0.0.' || (10 + user_id),
       CASE WHEN type <> 2 THEN ''
            WHEN model_name = 'deepseek-chat'
              THEN '{"frt":' || (300 + r2 % 1700)
                   || ',"group_ratio":1,"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"}'
            ELSE '{"frt":' || (300 + r2 % 1700) || ',"group_ratio":1}' END
  FROM tokens
 ORDER BY n;


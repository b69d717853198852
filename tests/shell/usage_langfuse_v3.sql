-- usage_langfuse_v3.sql - sql/reports/langfuse_v3.sql on the example Langfuse
-- v3 export (examples/langfuse_v3_observations.sql: ClickHouse `observations`
-- as CSV, every column TEXT), its temp.maas_usage checked against a
-- computation written out by hand; then with a user card that prices cached
-- reads and cache writes; without the optional columns; a Langfuse v4
-- events_core export; and the column checks of both Langfuse adapters.
--
-- By hand, each call of the fixture: its Beijing month (UTC+8), the
-- published model that served it (names mapped by hand: deepseek-v3,
-- xdeepseekv3 and openai/xdeepseekv3 -> DeepSeek-V3, xop3qwen8b -> Qwen3-8B,
-- xdeepseekr1 -> DeepSeek-R1; gpt-4o-mini and text-embedding-3-small are not
-- on the list, Spark-Max is another product), its tokens with Langfuse's
-- buckets added back (input = input + its cache buckets, output = output +
-- output_reasoning_tokens), its user and Langfuse's own cost, and why it is
-- left out.  The AGENT o20, the SPANs, the EVENT and the TOOL are not calls.
-- o16 (input still holding the cached bucket, total below the buckets' sum)
-- and o17 (accepted_prediction_tokens, no token kind) cannot be read: their
-- counts are NULL.  Prices copied from the published list
-- (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of 1e-5 CNY per
-- 1,000 tokens, so tokens x price is the cost in 1e-8 CNY, an integer; the
-- built-in card has no cached-input price, so cached tokens cost the input
-- price.  The first price is in force from 2025-07-08 05:25:00 UTC.
--
-- The column checks at the end stop each adapter with its one line:
-- expect: error
.read examples/langfuse_v3_observations.sql
.output /dev/null
.read sql/reports/langfuse_v3.sql
.output

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3', 200,  800),  -- 0.002   0.008
  ('DeepSeek-R1', 400, 1600),  -- 0.004   0.016
  ('Qwen3-8B',     50,  500);  -- 0.0005  0.005
CREATE TEMP TABLE by_hand(id TEXT PRIMARY KEY, month TEXT, model TEXT, input INTEGER, cached INTEGER,
                          written INTEGER, output INTEGER, user_name TEXT, project TEXT, recorded TEXT,
                          reason TEXT);
INSERT INTO by_hand VALUES
  ('o1',  '2025-08', 'DeepSeek-V3',            1000,    0,   0,  500, 'alice', 'p1', NULL,       NULL),
  ('o3',  '2025-08', 'DeepSeek-V3',            2400,    0,   0,  800, 'bob',   'p1', NULL,       NULL),
  ('o4',  '2025-08', 'Qwen3-8B',               5000,    0,   0, 1000, 'alice', 'p1', NULL,       NULL),
  ('o5',  '2025-09', 'Qwen3-8B',               3000,    0,   0,  600, NULL,    'p2', NULL,       NULL),  -- 08-31 17:00 UTC
  ('o6',  '2025-09', 'gpt-4o-mini',             700,    0,   0,  300, 'bob',   'p1', '0.000285', 'unknown_model'),
  ('o7',  '2025-07', 'DeepSeek-V3',             900,    0,   0,  100, 'alice', 'p1', NULL,       'before_first_price'),
  ('o8',  '2025-09', NULL,                       50,    0,   0,    5, 'alice', 'p1', NULL,       'no_model_name'),
  ('o9',  '2025-09', 'DeepSeek-V3',            NULL, NULL, NULL, NULL, 'bob',  'p1', NULL,       'no_token_counts'),
  ('o11', '2025-09', 'DeepSeek-V3',           10000,    0,   0, 2000, NULL,    'p2', NULL,       NULL),
  ('o12', '2025-09', 'Qwen3-8B',                400,    0,   0,   40, NULL,    'p2', NULL,       NULL),
  ('o13', '2025-10', 'DeepSeek-V3',            1000,  800,   0,  500, 'alice', 'p1', '0.00028',  NULL),  -- 200 + 800 cached
  ('o14', '2025-10', 'DeepSeek-V3',            1000,  700, 200,  300, 'bob',   'p1', NULL,       NULL),  -- 100 + 700 + 200
  ('o15', '2025-10', 'DeepSeek-R1',            1000,    0,   0, 1000, NULL,    'p2', '0.0021',   NULL),  -- 200 + 800 reasoning
  ('o16', '2025-10', 'DeepSeek-V3',            NULL, NULL, NULL, NULL, 'alice', 'p1', NULL,      'no_token_counts'),
  ('o17', '2025-10', 'Qwen3-8B',               NULL, NULL, NULL, NULL, 'alice', 'p1', NULL,      'no_token_counts'),
  ('o18', '2025-10', 'DeepSeek-V3',            1200,    0,   0,  300, 'bob',   'p1', NULL,       NULL),
  ('o19', '2025-10', 'text-embedding-3-small', 5000,    0,   0,    0, 'bob',   'p1', '0.0001',   'unknown_model'),
  ('o21', '2025-10', 'DeepSeek-V3',            3000,    0,   0,  700, 'alice', 'p1', NULL,       NULL),
  ('o22', '2025-10', 'Spark-Max',               100,    0,   0,   50, 'bob',   'p1', NULL,       'other_product');
CREATE TEMP VIEW expected_rows AS
SELECT h.*, CASE WHEN h.reason IS NULL THEN h.input * p.input + h.output * p.output END AS cost_e8
  FROM by_hand AS h LEFT JOIN expected_price AS p ON p.model = h.model;

-- The totals per source and currency, here and in temp.maas_usage.
SELECT 'expected' AS "by", 'langfuse-v3' AS source, 'CNY' AS currency, count(*) AS calls,
       sum(input) AS input_tokens, sum(cached) AS cached_input_tokens, sum(written) AS cache_write_tokens,
       sum(output) AS output_tokens, printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows WHERE reason IS NULL
UNION ALL
SELECT 'report', source, currency, sum(requests), sum(input_tokens), sum(cached_input_tokens),
       sum(cache_write_tokens), sum(output_tokens), maas_round_text(maas_total_text(cost), 8)
  FROM temp.maas_usage WHERE reason IS NULL GROUP BY source, currency;
-- The calls left out, per reason.
SELECT 'expected' AS "by", coalesce(reason, '(counted)') AS reason, count(*) AS calls, sum(input) AS input_tokens,
       sum(output) AS output_tokens
  FROM expected_rows GROUP BY reason
UNION ALL
SELECT 'report', coalesce(reason, '(counted)'), count(*), sum(input_tokens), sum(output_tokens)
  FROM temp.maas_usage GROUP BY reason
 ORDER BY 2, 1;
-- Langfuse's own cost, as recorded (USD).
SELECT recorded_currency, count(recorded_cost) AS calls, maas_round_text(maas_total_text(recorded_cost), 8) AS cost
  FROM temp.maas_usage GROUP BY recorded_currency;

-- Every call the same, row by row.
CREATE TEMP TABLE compared AS
SELECT (SELECT count(*) FROM expected_rows) = (SELECT count(*) FROM temp.maas_usage) AS same_count,
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u ON u.source_id = e.id
         WHERE u.source = 'langfuse-v3' AND u.month = e.month AND u.priced_model IS e.model
           AND u.input_tokens IS e.input AND u.cached_input_tokens IS e.cached
           AND u.cache_write_tokens IS e.written AND u.output_tokens IS e.output AND u.requests = 1
           AND u.user_name IS e.user_name AND u.key_name IS NULL AND u.project_name = e.project
           AND u.recorded_cost IS e.recorded AND u.recorded_currency IS CASE WHEN e.recorded IS NOT NULL THEN 'USD' END
           AND u.reason IS e.reason
           AND (e.reason IS NOT NULL
                OR maas_round_text(u.cost, 8) = printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000)))
         = (SELECT count(*) FROM expected_rows) AS same_rows,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
          FROM expected_rows WHERE reason IS NULL)
         = (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL)
         AS same_total;
SELECT * FROM compared;

-- A card of the user's with prices for cache reads and writes of DeepSeek-V3:
-- reads at 0.0005 and writes at 0.0025 CNY per 1,000 tokens, never also at
-- the input price (o13: 200 x 200 + 800 x 50 + 500 x 800; o14: 100 x 200 +
-- 700 x 50 + 200 x 250 + 300 x 800).
CREATE TEMP TABLE maas_user_rates (
  provider TEXT NOT NULL, model TEXT NOT NULL, service TEXT NOT NULL, item TEXT NOT NULL, label TEXT,
  price TEXT NOT NULL, unit TEXT NOT NULL, currency TEXT NOT NULL, effective_from TEXT NOT NULL, source TEXT);
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) VALUES
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test'),
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cache_write', '0.0025', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test');
.output /dev/null
.read sql/reports/langfuse_v3.sql
.output
.headers on
.mode list
CREATE TEMP TABLE card_compared AS
SELECT (SELECT printf('%d.%08d', sum(e) / 100000000, sum(e) % 100000000)
          FROM (SELECT (input - cached - written) * 200 + cached * 50 + written * 250 + output * 800 AS e
                  FROM expected_rows WHERE reason IS NULL AND model = 'DeepSeek-V3')) AS expected,
       (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage
         WHERE reason IS NULL AND priced_model = 'DeepSeek-V3') AS report;
SELECT 'DeepSeek-V3 on the user card' AS what, * FROM card_compared;
DROP TABLE temp.maas_user_rates;

SELECT (SELECT same_count AND same_rows AND same_total FROM compared)
       AND (SELECT expected = report FROM card_compared) AS all_agree;

-- Without the optional columns (an export without user_id and total_cost):
-- the same calls, no user, no recorded cost.
CREATE TEMP TABLE bare AS SELECT id, trace_id, project_id, type, start_time, provided_model_name, usage_details
  FROM observations;
DROP TABLE observations;
CREATE TABLE observations AS SELECT * FROM temp.bare;
.output /dev/null
.read sql/reports/langfuse_v3.sql
.output
.headers on
.mode list
SELECT count(*) AS calls, count(user_name) AS with_user, count(recorded_cost) AS with_recorded_cost,
       maas_round_text(maas_total_text(cost), 8) AS cost
  FROM temp.maas_usage;

-- Langfuse v4's events_core, exported as docs/usage/langfuse.md says (span_id
-- as id, times with 6 places, user_id on the row, '' for none): two calls,
-- 2400 x 200 + 800 x 800 and 5000 x 50 + 1000 x 500 (1e-8 CNY).
DROP TABLE observations;
CREATE TABLE observations(id TEXT, trace_id TEXT, project_id TEXT, type TEXT, start_time TEXT,
                          provided_model_name TEXT, usage_details TEXT, total_cost TEXT, user_id TEXT);
INSERT INTO observations VALUES
  ('a1b2c3d4e5f60718', 't1', 'p1', 'GENERATION', '2026-08-01 10:00:00.123456', 'xdeepseekv3',
   '{''input'':2400,''output'':800,''total'':3200}', '\N', 'alice'),
  ('a1b2c3d4e5f60719', 't1', 'p1', 'AGENT', '2026-08-01 10:00:00.000001', 'xdeepseekv3',
   '{''input'':2400,''output'':800,''total'':3200}', '\N', 'alice'),
  ('0f1e2d3c4b5a6978', 't2', 'p1', 'GENERATION', '2026-08-31 16:00:00.000000', 'xop3qwen8b',
   '{''input'':5000,''output'':1000,''total'':6000}', '0.00042', '');
.output /dev/null
.read sql/reports/langfuse_v3.sql
.output
.headers on
.mode list
SELECT source_id, at, month, priced_model, user_name, recorded_cost, cost FROM temp.maas_usage ORDER BY at;
SELECT maas_round_text(maas_total_text(cost), 8) = printf('%d.%08d', (1120000 + 750000) / 100000000,
                                                         (1120000 + 750000) % 100000000) AS v4_export_agrees
  FROM temp.maas_usage;

-- Each Langfuse adapter refuses the other version's table with one line.
DROP TABLE observations;
CREATE TABLE observations(id, trace_id, project_id, type, start_time, model, internal_model, prompt_tokens,
                          completion_tokens, unit);
SELECT maas_exec(CAST(readfile('sql/sources/langfuse_v3.sql') AS TEXT));
DROP TABLE observations;
CREATE TABLE observations(id, trace_id, project_id, type, start_time, provided_model_name, usage_details);
SELECT maas_exec(CAST(readfile('sql/sources/langfuse_v2.sql') AS TEXT));

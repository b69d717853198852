-- usage_langfuse_v4.sql - sql/reports/langfuse_v4.sql on the example Langfuse
-- v4 export (examples/langfuse_v4_events.sql: ClickHouse `events_core` as
-- CSV, every column TEXT), its temp.maas_usage checked against a computation
-- written out by hand; then an export without the optional columns; and the
-- adapter's column check.
--
-- By hand, each call of the fixture (span ids c0ffee00000001NN, written NN
-- below, with their project where one span id is in two): its Beijing month
-- (UTC+8), the published model that served it (names mapped by hand:
-- deepseek-v3, xdeepseekv3 and openai/xdeepseekv3 -> DeepSeek-V3, xop3qwen8b
-- -> Qwen3-8B, xdeepseekr1 -> DeepSeek-R1; text-embedding-3-small is not on
-- the list, Spark-Max is another product), its tokens with Langfuse's buckets
-- added back (input = input + its cache buckets, output = output +
-- output_reasoning_tokens), its user ('' is none), Langfuse's own cost
-- (cost_details' total) and why it is left out.  The AGENT 06, the CHAIN 21,
-- the GUARDRAIL 22, the TOOL, the SPAN and the EVENT are not calls; of 15's
-- two versions the later by event_ts counts (3000 + 700, not 3000 + 0); 16's
-- later version is a deletion: not a call.  10 (accepted_prediction_tokens,
-- no token kind) cannot be read, 14 reported no usage: their counts are NULL.
-- Prices copied from the published list (shared/seed/000_1cd2ef185819af08.txt)
-- as whole numbers of 1e-5 CNY per 1,000 tokens, so tokens x price is the
-- cost in 1e-8 CNY, an integer; the built-in card has no cached-input price,
-- so cached tokens cost the input price.  The first price is in force from
-- 2025-07-08 05:25:00 UTC.
--
-- The column check at the end stops the adapter with its one line:
-- expect: error
.read examples/langfuse_v4_events.sql
.output /dev/null
.read sql/reports/langfuse_v4.sql
.output

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3', 200,  800),  -- 0.002   0.008
  ('DeepSeek-R1', 400, 1600),  -- 0.004   0.016
  ('Qwen3-8B',     50,  500);  -- 0.0005  0.005
CREATE TEMP TABLE by_hand(id TEXT, project TEXT, month TEXT, model TEXT, input INTEGER, cached INTEGER,
                          written INTEGER, output INTEGER, user_name TEXT, recorded TEXT, reason TEXT,
                          PRIMARY KEY (id, project));
INSERT INTO by_hand VALUES
  ('01', 'p1', '2026-08', 'DeepSeek-V3',             1000,    0,    0,  500, 'alice', NULL,      NULL),
  ('01', 'p2', '2026-08', 'DeepSeek-V3',             2000,    0,    0,  100, NULL,    NULL,      NULL),
  ('02', 'p1', '2026-08', 'DeepSeek-V3',             1000,  800,    0,  500, 'alice', '0.00028', NULL),  -- 200 + 800
  ('03', 'p1', '2026-08', 'DeepSeek-V3',             1000,  700,  200,  300, 'bob',   NULL,      NULL),  -- 100 + 700 + 200
  ('04', 'p2', '2026-08', 'DeepSeek-R1',             1000,    0,    0, 1000, NULL,    '0.0021',  NULL),  -- 200 + 800 reasoning
  ('05', 'p2', '2026-09', 'Qwen3-8B',                3000,    0,    0,  600, 'carol', NULL,      NULL),  -- 08-31 17:00 UTC
  ('07', 'p1', '2026-09', 'Qwen3-8B',                5000,    0,    0, 1000, 'bob',   NULL,      NULL),
  ('08', 'p1', '2026-09', 'text-embedding-3-small',  5000,    0,    0,    0, 'bob',   '0.0001',  'unknown_model'),
  ('09', 'p1', '2026-09', 'DeepSeek-V3',             1200,    0,    0,  300, 'alice', NULL,      NULL),
  ('10', 'p1', '2026-09', 'Qwen3-8B',                NULL, NULL, NULL, NULL, 'alice', NULL,      'no_token_counts'),
  ('11', 'p1', '2026-09', 'Spark-Max',                100,    0,    0,   50, 'bob',   NULL,      'other_product'),
  ('12', 'p1', '2025-07', 'DeepSeek-V3',              900,    0,    0,  100, 'alice', NULL,      'before_first_price'),
  ('13', 'p1', '2026-09', NULL,                        50,    0,    0,    5, 'alice', NULL,      'no_model_name'),
  ('14', 'p1', '2026-09', 'DeepSeek-V3',             NULL, NULL, NULL, NULL, 'bob',   NULL,      'no_token_counts'),
  ('15', 'p1', '2026-09', 'DeepSeek-V3',             3000,    0,    0,  700, 'alice', NULL,      NULL),
  ('17', 'p2', '2026-09', 'DeepSeek-V3',            10000,    0,    0, 2000, NULL,    NULL,      NULL),
  ('18', 'p2', '2026-09', 'Qwen3-8B',                 400,    0,    0,   40, NULL,    NULL,      NULL);
CREATE TEMP VIEW expected_rows AS
SELECT h.*, CASE WHEN h.reason IS NULL THEN h.input * p.input + h.output * p.output END AS cost_e8
  FROM by_hand AS h LEFT JOIN expected_price AS p ON p.model = h.model;

-- The totals per source and currency, here and in temp.maas_usage.
SELECT 'expected' AS "by", 'langfuse-v4' AS source, 'CNY' AS currency, count(*) AS calls,
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
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u
            ON u.source_id = 'c0ffee00000001' || e.id AND u.project_name = e.project
         WHERE u.source = 'langfuse-v4' AND u.month = e.month AND u.priced_model IS e.model
           AND u.input_tokens IS e.input AND u.cached_input_tokens IS e.cached
           AND u.cache_write_tokens IS e.written AND u.output_tokens IS e.output AND u.requests = 1
           AND u.user_name IS e.user_name AND u.key_name IS NULL
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
SELECT (SELECT same_count AND same_rows AND same_total FROM compared) AS all_agree;

-- An export without the optional columns (user_id, cost_details, event_ts,
-- is_deleted), made with LIMIT 1 BY and is_deleted = 0 in ClickHouse: one
-- version of 15, none of 16; the same calls, no user, no recorded cost.
CREATE TEMP TABLE bare AS
SELECT project_id, trace_id, span_id, parent_span_id, start_time, name, type, provided_model_name, usage_details
  FROM events_core
 WHERE NOT (span_id = 'c0ffee0000000115' AND event_ts < '2026-09-08 09:00:06')
   AND span_id <> 'c0ffee0000000116';
DROP TABLE events_core;
CREATE TABLE events_core AS SELECT * FROM temp.bare;
.output /dev/null
.read sql/reports/langfuse_v4.sql
.output
.headers on
.mode list
SELECT count(*) AS calls, count(user_name) AS with_user, count(recorded_cost) AS with_recorded_cost,
       maas_round_text(maas_total_text(cost), 8) AS cost,
       maas_round_text(maas_total_text(cost), 8) = (SELECT printf('%d.%08d', sum(cost_e8) / 100000000,
                                                                   sum(cost_e8) % 100000000)
                                                      FROM expected_rows WHERE reason IS NULL) AS bare_agrees
  FROM temp.maas_usage;

-- The v3 shape (observations' id in place of span_id) is refused with one line.
DROP TABLE events_core;
CREATE TABLE events_core(id, trace_id, project_id, type, start_time, provided_model_name, usage_details);
SELECT maas_exec(CAST(readfile('sql/sources/langfuse_v4.sql') AS TEXT));

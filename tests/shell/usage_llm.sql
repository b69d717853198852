-- usage_llm.sql - sql/reports/llm.sql on example logs.db files of simonw/llm,
-- its temp.maas_usage checked against a computation written out by hand:
--   1. examples/llm_logs.sql, upgraded to llm 0.32: `responses` and `turns`
--      (d01 is in both and is counted once, from turns); its months in UTC;
--   2. the same with a user card that prices DeepSeek-V3's cached input and
--      cache writes (each cached token at that price, never also at input);
--   3. examples/llm_logs_032.sql, as 0.32rc1/rc2 created it (turns without
--      response_json, responses empty), then without `responses`;
--   4. llm_logs.sql without `turns`, then `responses` without resolved_model
--      (before llm 0.27); 5. the column check.
-- expect: error (section 5: the column check)
-- By hand, each call of the fixture: its Beijing month (UTC+8), the published
-- model that served it (the names mapped by reading response_json and
-- resolved_model: xdeepseekv3 and deepseek-v3 -> DeepSeek-V3, xdeepseekr1 and
-- the user's alias xingchen-r1 -> DeepSeek-R1, xop3qwen8b -> Qwen3-8B), its
-- tokens with the cache included in input (llm-anthropic's rows r22, t03, n03
-- add cache_read_input_tokens and cache_creation_input_tokens to
-- input_tokens), and why it is left out.  Prices copied from the published
-- list (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of 1e-5 CNY
-- per 1,000 tokens, so tokens x price is the cost in 1e-8 CNY, an integer;
-- the built-in card has no cached-input price, so cached tokens cost the
-- input price.  The first price is in force from 2025-07-08 05:25:00 UTC.
.read examples/llm_logs.sql
.output /dev/null
.read sql/reports/llm.sql
.output

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3', 200,  800),  -- 0.002   0.008
  ('DeepSeek-R1', 400, 1600),  -- 0.004   0.016
  ('Qwen3-8B',     50,  500);  -- 0.0005  0.005
CREATE TEMP TABLE by_hand(source TEXT, id TEXT PRIMARY KEY, month TEXT, model TEXT, input INTEGER,
                          cached INTEGER, written INTEGER, output INTEGER, reason TEXT);
INSERT INTO by_hand VALUES
  ('llm-responses', 'r01', '2025-07', 'DeepSeek-V3',  1000,    0,   0,  500, NULL),
  ('llm-responses', 'r02', '2025-08', 'DeepSeek-R1',  2000,    0,   0, 1000, NULL),  -- 07-31 16:00 UTC
  ('llm-responses', 'r03', '2025-08', 'DeepSeek-R1',  1500,    0,   0, 3000, NULL),
  ('llm-responses', 'r04', '2025-08', 'DeepSeek-V3',  4000,    0,   0, 1000, NULL),  -- served xdeepseekv3
  ('llm-responses', 'r05', '2025-08', 'Qwen3-8B',    10000,    0,   0, 2000, NULL),
  ('llm-responses', 'r06', '2025-08', 'gpt-4o-mini-2024-07-18', 700, 0, 0, 300, 'unknown_model'),
  ('llm-responses', 'r07', '2025-08', 'Spark-Max',     300,    0,   0,  100, 'other_product'),
  ('llm-responses', 'r08', '2025-07', 'DeepSeek-V3',   900,    0,   0,  100, 'before_first_price'),
  ('llm-responses', 'r09', '2025-09', 'DeepSeek-V3',  3000,    0,   0,  600, NULL),  -- 08-31 16:30 UTC
  ('llm-responses', 'r10', '2025-09', 'DeepSeek-R1',   500,    0,   0, 2500, NULL),
  ('llm-responses', 'r11', '2025-09', 'DeepSeek-R1',  NULL,    0,   0, NULL, 'no_token_counts'),
  ('llm-responses', 'r12', '2025-09', 'DeepSeek-V3',  2000,    0,   0,  400, NULL),  -- response_json not JSON
  ('llm-responses', 'r13', '2025-09', 'Qwen3-8B',     8000,    0,   0, 4000, NULL),
  ('llm-responses', 'r14', '2025-09', 'DeepSeek-R1',  1000,    0,   0, 1000, NULL),
  ('llm-responses', 'r15', '2025-10', 'DeepSeek-V3',  5000,    0,   0, 1000, NULL),
  ('llm-responses', 'r16', NULL,      'DeepSeek-R1',   100,    0,   0,  100, 'no_time'),
  ('llm-responses', 'r17', '2025-10', NULL,             50,    0,   0,    5, 'no_model_name'),
  ('llm-responses', 'r18', '2025-10', 'DeepSeek-V3',   123,    0,   0,   45, NULL),
  ('llm-responses', 'r19', '2025-10', 'DeepSeek-R1',   777,    0,   0,  333, NULL),
  ('llm-responses', 'r20', '2025-10', 'Qwen3-8B',    12345,    0,   0,  678, NULL),
  ('llm-responses', 'r21', '2026-07', 'DeepSeek-V3',  2500, 1500,   0,  700, NULL),  -- resolved_model
  ('llm-responses', 'r22', '2025-11', 'DeepSeek-V3',  1500, 1200,   0,  200, NULL),  -- 300 + 1200 + 0
  ('llm-responses', 'r23', '2025-01', 'DeepSeek-V3',  1000,    0,   0,  100, 'before_first_price'),
  ('llm-turns',     'd01', '2026-07', 'DeepSeek-V3',   800,    0,   0,  200, NULL),  -- not its responses twin
  ('llm-turns',     't01', '2026-08', 'DeepSeek-V3',  3000, 2000,   0,  500, NULL),  -- 07-31 16:30 UTC
  ('llm-turns',     't02', '2026-08', 'DeepSeek-R1',  1200,    0,   0, 3000, NULL),
  ('llm-turns',     't03', '2026-08', 'DeepSeek-V3',  1000,  700, 100,  500, NULL),  -- 200 + 700 + 100
  ('llm-turns',     't04', '2026-08', 'Qwen3-8B',     4096, 1024,   0, 1000, NULL),
  ('llm-turns',     't05', '2026-08', 'gemini-2.5-flash', 5000, 4000, 0, 300, 'unknown_model'),
  ('llm-turns',     't06', NULL,      'DeepSeek-V3',   100,    0,   0,   10, 'no_time'),
  ('llm-turns',     't07', '2026-08', 'DeepSeek-R1',  NULL,    0,   0, NULL, 'no_token_counts'),
  ('llm-turns',     't08', '2026-08', 'DeepSeek-V3',   100, NULL, NULL,  10, 'no_token_counts'),
  ('llm-turns',     't09', '2026-08', 'DeepSeek-R1',   100,    0,   0,  100, NULL),  -- 08-31 15:59:59.999 UTC
  ('llm-turns',     't10', '2026-09', 'DeepSeek-V3',  1000, 5000,   0,  100, 'bad_token_counts');
CREATE TEMP VIEW expected_rows AS
SELECT b.*, CASE WHEN b.reason IS NULL THEN b.input * p.input + b.output * p.output END AS cost_e8
  FROM by_hand AS b LEFT JOIN expected_price AS p ON p.model = b.model;

.print '1. Both tables: the totals per source and currency, by hand and in temp.maas_usage'
SELECT 'expected' AS "by", source, 'CNY' AS currency, count(*) AS calls, sum(input) AS input_tokens,
       sum(cached) AS cached_input_tokens, sum(written) AS cache_write_tokens, sum(output) AS output_tokens,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows WHERE reason IS NULL GROUP BY source
UNION ALL
SELECT 'report', source, currency, sum(requests), sum(input_tokens), sum(cached_input_tokens),
       sum(cache_write_tokens), sum(output_tokens), maas_round_text(maas_total_text(cost), 8)
  FROM temp.maas_usage WHERE reason IS NULL GROUP BY source, currency
 ORDER BY 2, 3, 1;
SELECT 'expected' AS "by", source, coalesce(reason, '(counted)') AS reason, count(*) AS calls
  FROM expected_rows GROUP BY source, reason
UNION ALL
SELECT 'report', source, coalesce(reason, '(counted)'), count(*) FROM temp.maas_usage GROUP BY source, reason
 ORDER BY 2, 3, 1;
-- Every call the same, row by row: source, month, model, tokens, reason, cost.
CREATE TEMP TABLE compared AS
SELECT (SELECT count(*) FROM expected_rows) = (SELECT count(*) FROM temp.maas_usage) AS same_count,
       (SELECT count(*) FROM expected_rows AS e JOIN temp.maas_usage AS u ON u.source_id = e.id
         WHERE u.source = e.source AND u.month IS e.month AND u.priced_model IS e.model
           AND u.input_tokens IS e.input AND u.cached_input_tokens IS e.cached
           AND u.cache_write_tokens IS e.written AND u.output_tokens IS e.output AND u.reason IS e.reason
           AND (e.reason IS NOT NULL
                OR maas_round_text(u.cost, 8) = printf('%d.%08d', e.cost_e8 / 100000000, e.cost_e8 % 100000000)))
         = (SELECT count(*) FROM expected_rows) AS same_rows,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
          FROM expected_rows WHERE reason IS NULL)
         = (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL)
         AS same_total;
SELECT * FROM compared;
-- Months in UTC (@tz): by hand, the calls whose UTC month is not Beijing's.
.parameter set @tz "'+00:00'"
.output /dev/null
.read sql/reports/llm.sql
.output
.mode list
CREATE TEMP TABLE utc_months AS
SELECT 'r02:2025-07 r09:2025-08 r10:2025-08 r15:2025-09 t01:2026-07' AS expected,
       (SELECT group_concat(source_id || ':' || month, ' ')
          FROM (SELECT u.source_id, u.month FROM temp.maas_usage AS u JOIN expected_rows AS e ON e.id = u.source_id
                 WHERE u.month <> e.month ORDER BY u.source_id)) AS report;
SELECT * FROM utc_months;
.parameter clear

.print
.print '2. A user card: DeepSeek-V3 cached input at 0.0005 and cache writes at 0.0025 CNY per 1,000 tokens'
.read sql/user_tables.sql
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) VALUES
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test'),
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cache_write', '0.0025', 'k_tokens', 'CNY',
   '2025-07-08 05:25:00', 'test');
CREATE TEMP TABLE card_compared AS
SELECT (SELECT printf('%d.%08d', sum(e) / 100000000, sum(e) % 100000000)
          FROM (SELECT (input - cached - written) * 200 + cached * 50 + written * 250 + output * 800 AS e
                  FROM expected_rows WHERE reason IS NULL AND model = 'DeepSeek-V3')) AS expected,
       (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage
         WHERE reason IS NULL AND priced_model = 'DeepSeek-V3') AS report;
SELECT 'DeepSeek-V3 on the user card' AS what, * FROM card_compared;
DELETE FROM maas_user_rates;

.print
.print '3. A logs.db llm 0.32rc2 created: turns without response_json, responses empty; then no responses'
DROP TABLE responses;
DROP TABLE turns;
.read examples/llm_logs_032.sql
.output /dev/null
.read sql/reports/llm.sql
.output
.mode list
-- n01 xdeepseekv3 2000 in, 300 out: 400000 + 240000 =  640000  2026-07
-- n02 xingchen-r1  500 in, 1500 out: 200000 + 2400000 = 2600000  2026-08 (16:00 UTC)
-- n03 xdeepseekr1 1000 in (100 + 900 read), 50 out: 400000 + 80000 = 480000  2026-08
CREATE TEMP TABLE by_hand_032(id TEXT PRIMARY KEY, month TEXT, input INTEGER, cached INTEGER, cost_e8 INTEGER);
INSERT INTO by_hand_032 VALUES
  ('n01', '2026-07', 2000, 1000, 640000), ('n02', '2026-08', 500, 0, 2600000), ('n03', '2026-08', 1000, 900, 480000);
CREATE TEMP VIEW compared_032 AS
SELECT (SELECT count(*) FROM temp.maas_usage) AS calls,
       (SELECT group_concat(source, ' ') FROM (SELECT DISTINCT source FROM temp.maas_usage)) AS sources,
       (SELECT count(*) FROM by_hand_032 AS e JOIN temp.maas_usage AS u ON u.source_id = e.id
         WHERE u.month = e.month AND u.input_tokens = e.input AND u.cached_input_tokens = e.cached
           AND u.reason IS NULL AND maas_round_text(u.cost, 8) = printf('0.%08d', e.cost_e8)) AS same_rows,
       (SELECT printf('0.%08d', sum(cost_e8)) FROM by_hand_032) AS expected,
       (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage) AS report;
CREATE TEMP TABLE checks_032 AS SELECT 'with responses' AS db, * FROM compared_032;
DROP TABLE responses;
.output /dev/null
.read sql/reports/llm.sql
.output
.mode list
INSERT INTO checks_032 SELECT 'turns alone', * FROM compared_032;
SELECT * FROM checks_032;

.print
.print '4. llm_logs.sql without turns (d01 from responses), then responses without resolved_model'
DROP TABLE turns;
.read examples/llm_logs.sql
DROP TABLE turns;
.output /dev/null
.read sql/reports/llm.sql
.output
.mode list
CREATE TEMP TABLE responses_alone AS
SELECT 'expected' AS "by", count(*) AS calls,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM expected_rows WHERE reason IS NULL AND (source = 'llm-responses' OR id = 'd01')
UNION ALL
SELECT 'report', count(*), maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage WHERE reason IS NULL;
SELECT * FROM responses_alone;
SELECT source, source_id, served_model FROM temp.maas_usage WHERE source_id IN ('d01', 'r21') ORDER BY source_id;
-- Before llm 0.27 responses had no resolved_model: r21 is then priced by
-- response_json's "model", 'xingchen', which no card knows.
CREATE TEMP TABLE saved AS SELECT * FROM responses;
DROP TABLE responses;
CREATE TABLE responses (
  id TEXT PRIMARY KEY, model TEXT, prompt TEXT, system TEXT, prompt_json TEXT, options_json TEXT,
  response TEXT, response_json TEXT, conversation_id TEXT, duration_ms INTEGER, datetime_utc TEXT,
  input_tokens INTEGER, output_tokens INTEGER, token_details TEXT, schema_id TEXT
);
INSERT INTO responses SELECT id, model, prompt, system, prompt_json, options_json, response, response_json,
                             conversation_id, duration_ms, datetime_utc, input_tokens, output_tokens, token_details,
                             schema_id
                        FROM temp.saved;
.output /dev/null
.read sql/reports/llm.sql
.output
.mode list
CREATE TEMP TABLE before_027 AS
SELECT source, source_id, served_model, reason FROM temp.maas_usage WHERE source_id = 'r21';
SELECT * FROM before_027;

.print
SELECT (SELECT same_count AND same_rows AND same_total FROM compared)
       AND (SELECT expected = report FROM utc_months)
       AND (SELECT expected = report FROM card_compared)
       AND (SELECT count(*) = 2 FROM checks_032 WHERE calls = 3 AND sources = 'llm-turns' AND same_rows = 3
                                                  AND expected = report)
       AND (SELECT count(DISTINCT calls || ' ' || cost) = 1 FROM responses_alone)
       AND (SELECT served_model = 'xingchen' AND reason = 'unknown_model' FROM before_027) AS all_agree;

.print
.print '5. A logs.db of llm before 0.19 (no token columns), and one of no llm, stop the adapter with one line'
DROP TABLE responses;
CREATE TABLE responses(id TEXT PRIMARY KEY, model TEXT, prompt TEXT, system TEXT, prompt_json TEXT,
                       options_json TEXT, response TEXT, response_json TEXT, conversation_id TEXT,
                       duration_ms INTEGER, datetime_utc TEXT);
SELECT maas_exec(CAST(readfile('sql/sources/llm.sql') AS TEXT));
DROP TABLE responses;
SELECT maas_exec(CAST(readfile('sql/sources/llm.sql') AS TEXT));

-- newapi_reports.sql - the new-api / one-api reports added beside
-- cost_by_month_model.sql (checked by example_report.sql): cost by user and
-- key (sql/reports/cost_by_user_key.sql) and the what-if
-- (sql/reports/whatif_by_month.sql) on the example log
-- (examples/newapi_logs.sql), checked against totals computed here without
-- sqlite-maas; then the first price's time, in these reports and in
-- cost_by_month_model.sql and unpriced_usage.sql.
--
-- The check prices the log itself: the prices of the models it uses are
-- copied by hand from the published list (shared/seed/000_1cd2ef185819af08.txt)
-- as whole numbers of 1e-5 CNY per 1,000 tokens, so tokens x price is the
-- cost in 1e-8 CNY, an integer, and sums are exact.  Names are matched with
-- lower(), not maas_model().  The page's 更新时间：2025-7-8 13:25 (Beijing,
-- UTC+8) is 2025-07-08 05:25:00 UTC, unix time 1751952300 (20277 days of
-- 86400 s, plus 5 h 25 min): created_at is compared with it.  The reports'
-- costs are exact decimal text (maas_total_text); they are compared at 8
-- places (maas_round_text(cost, 8)) with the hand sums written out as text
-- in integer arithmetic (e8 below).
.read examples/newapi_logs.sql
.read sql/reports/cost_by_user_key.sql
.parameter clear
.read sql/reports/whatif_by_month.sql

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-R1',                    400, 1600),  -- 0.004   0.016
  ('DeepSeek-V3',                    200,  800),  -- 0.002   0.008
  ('DeepSeek-R1-Distill-Qwen-32B',   200,  600),  -- 0.002   0.006
  ('Qwen3-8B',                        50,  500),  -- 0.0005  0.005
  ('Qwen3-30B-A3B',                   75,  750),  -- 0.00075 0.0075
  ('Qwen3-235B-A22B',                200, 2000),  -- 0.002   0.02
  ('Qwen3-32B',                      200, 2000),  -- 0.002   0.02
  ('Qwen_v2.5_7b_Instruct',           50,  100),  -- 0.0005  0.001
  ('Spark Max',                      800, 4000),  -- 0.008   0.04
  ('Spark Lite',                     200,  600);  -- 0.002   0.006
-- The served model, by hand: the rows whose `other` says a channel mapped
-- the request to 'xdeepseekv3' (the example's one mapping; its Xingchen
-- service ID is DeepSeek-V3's) are DeepSeek-V3, with the requested name
-- beside; every other row is its model_name.
CREATE TEMP VIEW served_logs AS
SELECT id, created_at, type, username, token_name, prompt_tokens, completion_tokens,
       CASE WHEN instr(other, '"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"') > 0
            THEN 'DeepSeek-V3' ELSE model_name END AS model_name,
       CASE WHEN instr(other, '"is_model_mapped":true,"upstream_model_name":"xdeepseekv3"') > 0
            THEN model_name END AS requested
  FROM logs;
CREATE TEMP TABLE expected_whatif_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
CREATE TEMP VIEW expected_rows AS
SELECT strftime('%Y-%m', l.created_at + 8 * 3600, 'unixepoch') AS month,  -- Beijing time
       l.username, l.token_name, l.prompt_tokens, l.completion_tokens,
       -- the currency of the model's prices: CNY on the card; Spark Mini is on
       -- it too (deployment and training prices only); gpt-4o-mini is not
       CASE WHEN p.model IS NOT NULL OR l.model_name = 'Spark Mini' THEN 'CNY' END AS currency,
       CASE WHEN l.created_at >= 1751952300
            THEN l.prompt_tokens * p.input + l.completion_tokens * p.output END AS cost_e8,
       CASE WHEN l.created_at >= 1751952300
            THEN l.prompt_tokens * w.input + l.completion_tokens * w.output END AS whatif_e8
  FROM served_logs AS l
  LEFT JOIN expected_price AS p ON lower(p.model) = lower(l.model_name)
  LEFT JOIN expected_whatif_price AS w
 WHERE l.type = 2;
-- e8(x): 1e-8 CNY as the text of the CNY amount, 8 places.
CREATE TEMP VIEW expected_by_user_key AS
SELECT month, username, token_name, currency, requests, unpriced, prompt_tokens, completion_tokens,
       CASE WHEN cost_e8 IS NOT NULL THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END
         AS cost
  FROM (SELECT month, username, token_name, currency,
               count(*) AS requests, count(*) - count(cost_e8) AS unpriced,
               sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
               sum(cost_e8) AS cost_e8
          FROM expected_rows GROUP BY 1, 2, 3, 4);
CREATE TEMP VIEW report_by_user_key AS
SELECT month, username, token_name, currency, requests, unpriced, prompt_tokens, completion_tokens,
       maas_round_text(cost, 8) AS cost
  FROM maas_cost_by_user_key;
CREATE TEMP VIEW expected_whatif AS
SELECT month, 'CNY' AS currency, requests, compared,
       printf('%d.%08d', actual_e8 / 100000000, actual_e8 % 100000000) AS actual,
       printf('%d.%08d', whatif_e8 / 100000000, whatif_e8 % 100000000) AS whatif
  FROM (SELECT month, count(*) AS requests, count(cost_e8 + whatif_e8) AS compared,
               coalesce(sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END), 0) AS actual_e8,
               coalesce(sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END), 0) AS whatif_e8
          FROM expected_rows GROUP BY month);
CREATE TEMP VIEW report_whatif AS
SELECT month, currency, requests, compared,
       coalesce(maas_round_text(actual, 8), '0.00000000') AS actual,
       coalesce(maas_round_text(whatif, 8), '0.00000000') AS whatif
  FROM maas_whatif_by_month;

-- 1. Cost by user and key: the totals, computed here and by the report.  The
--    total is the one of cost_by_month_model.sql
--    (tests/shell/example_report.expected: 32.75037000).
SELECT 'expected' AS "by", sum(requests) AS requests, sum(unpriced) AS unpriced,
       sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
       (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) FROM expected_rows)
         AS cost
  FROM expected_by_user_key
UNION ALL
SELECT 'report', sum(requests), sum(unpriced), sum(prompt_tokens), sum(completion_tokens),
       (SELECT maas_round_text(cost, 8) FROM maas_cost_by_user_key_totals WHERE line = 'total')
  FROM maas_cost_by_user_key;
-- Every (month, user, key, currency) line equal, both ways.
SELECT count(*) AS lines_compared,
       (SELECT count(*) FROM (SELECT * FROM expected_by_user_key EXCEPT SELECT * FROM report_by_user_key))
         AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM report_by_user_key EXCEPT SELECT * FROM expected_by_user_key))
         AS extra_in_report
  FROM expected_by_user_key;

-- 2. The what-if with @whatif_model unset: Qwen3-8B (0.0005, 0.005).
INSERT INTO expected_whatif_price VALUES ('Qwen3-8B', 50, 500);
SELECT 'expected' AS "by", sum(requests) AS requests, sum(compared) AS compared,
       (SELECT printf('%d.%08d', sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) / 100000000,
                      sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) % 100000000) FROM expected_rows)
         AS actual,
       (SELECT printf('%d.%08d', sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) / 100000000,
                      sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) % 100000000) FROM expected_rows)
         AS whatif
  FROM expected_whatif
UNION ALL
SELECT 'report', sum(requests), sum(compared), maas_total_text(actual, 8), maas_total_text(whatif, 8)
  FROM maas_whatif_by_month;
SELECT (SELECT model FROM maas_whatif_model) AS whatif_model,
       (SELECT is_default FROM maas_whatif_model) AS is_default,
       (SELECT count(*) FROM (SELECT * FROM expected_whatif EXCEPT SELECT * FROM report_whatif))
         + (SELECT count(*) FROM (SELECT * FROM report_whatif EXCEPT SELECT * FROM expected_whatif))
         AS months_differing;

-- 3. The what-if on a name in other letter case: 'QWEN3-32B' is Qwen3-32B
--    (0.002, 0.02).
.parameter set @whatif_model 'QWEN3-32B'
.nullvalue ""
.read sql/reports/whatif_by_month.sql
.mode list
DELETE FROM expected_whatif_price;
INSERT INTO expected_whatif_price VALUES ('Qwen3-32B', 200, 2000);
SELECT 'expected' AS "by", sum(requests) AS requests, sum(compared) AS compared,
       (SELECT printf('%d.%08d', sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) / 100000000,
                      sum(CASE WHEN whatif_e8 IS NOT NULL THEN cost_e8 END) % 100000000) FROM expected_rows)
         AS actual,
       (SELECT printf('%d.%08d', sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) / 100000000,
                      sum(CASE WHEN cost_e8 IS NOT NULL THEN whatif_e8 END) % 100000000) FROM expected_rows)
         AS whatif
  FROM expected_whatif
UNION ALL
SELECT 'report', sum(requests), sum(compared), maas_total_text(actual, 8), maas_total_text(whatif, 8)
  FROM maas_whatif_by_month;
SELECT (SELECT model FROM maas_whatif_model) AS whatif_model,
       (SELECT is_default FROM maas_whatif_model) AS is_default,
       (SELECT count(*) FROM (SELECT * FROM expected_whatif EXCEPT SELECT * FROM report_whatif))
         + (SELECT count(*) FROM (SELECT * FROM report_whatif EXCEPT SELECT * FROM expected_whatif))
         AS months_differing;

-- 4. Refused: a model the list does not know, and one without token prices.
--    Nothing but the error is printed.
.parameter set @whatif_model 'gpt-4o-mini'
.read sql/reports/whatif_by_month.sql
.parameter set @whatif_model 'Spark Mini'
.read sql/reports/whatif_by_month.sql
.mode list
SELECT count(*) AS whatif_lines FROM maas_whatif_by_month;

-- 5. The first price: three more consume rows of DeepSeek-V3, 1000 prompt and
--    1000 completion tokens each, at 2025-06-30 12:00:00, 2025-07-08
--    05:24:59 and 2025-07-08 05:25:00 UTC.  Only the last has a price:
--    1000 x 0.002 / 1000 + 1000 x 0.008 / 1000 = 0.01 CNY.
--    They are counted, unpriced, in the reports, and listed by
--    unpriced_usage.sql as before_first_price.
INSERT INTO logs(id, user_id, created_at, type, username, token_name, model_name, prompt_tokens, completion_tokens)
VALUES (3001, 1, 1751284800, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 1000, 1000),
       (3002, 1, 1751952299, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 1000, 1000),
       (3003, 1, 1751952300, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 1000, 1000);
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.output stdout
.mode list
.nullvalue NULL
SELECT 'by month and model' AS report, month, model, currency, requests, unpriced, cost
  FROM maas_cost_by_month_model WHERE month < '2025-08'
UNION ALL
SELECT 'by user and key', month, username || '/' || token_name, currency, requests, unpriced, cost
  FROM maas_cost_by_user_key WHERE month < '2025-08'
 ORDER BY 1, 2;
.parameter set @whatif_model 'Qwen3-8B'
.nullvalue ""
.read sql/reports/whatif_by_month.sql
.read sql/reports/unpriced_usage.sql

-- 6. Months: Beijing time by default (@tz unset), where the provider bills.
--    The rows from 16:00 to 24:00 UTC on a month's last day are in the next
--    month there: 35 of them (4 on 2025-08-31, 4 on 2025-09-30, 4 on
--    2025-10-31, 6 on 2025-11-30, 7 on 2025-12-31 and 10 on 2026-01-31, in
--    2026-02).  With @tz '+00:00' every row is in its UTC month; with
--    '-05:00' the rows before 05:00 UTC on a month's first day go back a
--    month.  The hand months: created_at shifted by the offset, through
--    strftime.
.parameter clear
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.output stdout
.mode list
.nullvalue NULL
SELECT 'moved at +08:00' AS check_, strftime('%Y-%m', created_at, 'unixepoch') AS utc_month, month, count(*) AS rows,
       min(datetime(created_at, 'unixepoch')) AS first_utc, max(datetime(created_at, 'unixepoch')) AS last_utc
  FROM temp.maas_newapi_usage JOIN logs ON logs.created_at = maas_newapi_usage.at AND logs.type = 2
 WHERE month <> strftime('%Y-%m', created_at, 'unixepoch')
 GROUP BY 2, 3 ORDER BY 2;
CREATE TEMP TABLE months_by_hand(tz TEXT, month TEXT, requests INTEGER, cost TEXT);
CREATE TEMP TABLE months_by_report(tz TEXT, month TEXT, requests INTEGER, cost TEXT);
INSERT INTO months_by_hand
SELECT '+08:00', month, count(*), CASE WHEN count(cost_e8) > 0
                                        THEN printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) END
  FROM (SELECT strftime('%Y-%m', l.created_at + 8 * 3600, 'unixepoch') AS month,
               CASE WHEN l.created_at >= 1751952300 THEN l.prompt_tokens * p.input + l.completion_tokens * p.output
               END AS cost_e8
          FROM served_logs AS l LEFT JOIN expected_price AS p ON lower(p.model) = lower(l.model_name) WHERE l.type = 2)
 GROUP BY month;
INSERT INTO months_by_report
SELECT '+08:00', month, sum(requests), maas_total_text(cost, 8) FROM maas_cost_by_month_model GROUP BY month;
.parameter set @tz "'+00:00'"
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.output stdout
.mode list
INSERT INTO months_by_hand
SELECT '+00:00', month, count(*), CASE WHEN count(cost_e8) > 0
                                        THEN printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) END
  FROM (SELECT strftime('%Y-%m', l.created_at, 'unixepoch') AS month,
               CASE WHEN l.created_at >= 1751952300 THEN l.prompt_tokens * p.input + l.completion_tokens * p.output
               END AS cost_e8
          FROM served_logs AS l LEFT JOIN expected_price AS p ON lower(p.model) = lower(l.model_name) WHERE l.type = 2)
 GROUP BY month;
INSERT INTO months_by_report
SELECT '+00:00', month, sum(requests), maas_total_text(cost, 8) FROM maas_cost_by_month_model GROUP BY month;
.parameter set @tz "'-05:00'"
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.output stdout
.mode list
INSERT INTO months_by_hand
SELECT '-05:00', month, count(*), CASE WHEN count(cost_e8) > 0
                                        THEN printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) END
  FROM (SELECT strftime('%Y-%m', l.created_at - 5 * 3600, 'unixepoch') AS month,
               CASE WHEN l.created_at >= 1751952300 THEN l.prompt_tokens * p.input + l.completion_tokens * p.output
               END AS cost_e8
          FROM served_logs AS l LEFT JOIN expected_price AS p ON lower(p.model) = lower(l.model_name) WHERE l.type = 2)
 GROUP BY month;
INSERT INTO months_by_report
SELECT '-05:00', month, sum(requests), maas_total_text(cost, 8) FROM maas_cost_by_month_model GROUP BY month;
SELECT h.tz, h.month, h.requests, h.cost, r.requests = h.requests AND r.cost IS h.cost AS report_equal
  FROM months_by_hand AS h LEFT JOIN months_by_report AS r USING (tz, month)
 ORDER BY h.tz DESC, h.month;
SELECT (SELECT count(*) FROM (SELECT * FROM months_by_report EXCEPT SELECT * FROM months_by_hand)) AS extra_in_report;
.parameter clear

-- 7. `other` as new-api and one-api leave it: NULL, '' (top-ups), text that
--    is not JSON, JSON that is not an object, a BLOB, a mapping whose
--    upstream_model_name is not text, and a mapping to a model the list does
--    not know.  No report fails; only the last row changes what is priced:
--    it is listed as unknown_model under its served name.  Then a one-api
--    log, without the `other` column: priced by model_name.
CREATE TABLE odd AS SELECT * FROM logs WHERE 0;
INSERT INTO odd(id, created_at, type, username, token_name, model_name, prompt_tokens, completion_tokens, other)
VALUES (1, 1760000000, 2, 'u', 'k', 'DeepSeek-V3', 1000, 1000, NULL),
       (2, 1760000000, 2, 'u', 'k', 'DeepSeek-V3', 1000, 1000, ''),
       (3, 1760000000, 2, 'u', 'k', 'DeepSeek-V3', 1000, 1000, 'is_model_mapped: true'),
       (4, 1760000000, 2, 'u', 'k', 'DeepSeek-V3', 1000, 1000, '[true, "xdeepseekr1"]'),
       (5, 1760000000, 2, 'u', 'k', 'DeepSeek-V3', 1000, 1000, x'7b7d'),
       (6, 1760000000, 2, 'u', 'k', 'DeepSeek-V3', 1000, 1000, '{"is_model_mapped":true,"upstream_model_name":5}'),
       (7, 1760000000, 2, 'u', 'k', 'DeepSeek-V3', 1000, 1000, '{"is_model_mapped":false,"upstream_model_name":"x"}'),
       (8, 1760000000, 2, 'u', 'k', 'deepseek-chat', 1000, 1000,
        '{"is_model_mapped":true,"upstream_model_name":"our-ds"}');
ALTER TABLE logs RENAME TO logs_example;
ALTER TABLE odd RENAME TO logs;
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.read sql/reports/cost_by_user_key.sql
.read sql/reports/whatif_by_month.sql
.output stdout
.mode list
.nullvalue NULL
-- By hand: 7 rows of DeepSeek-V3 at 1000 x 0.002 / 1000 + 1000 x 0.008 / 1000 = 0.01: 0.07.
SELECT 'new-api, odd other' AS log, line, reason, requests, cost FROM maas_cost_by_month_model_totals ORDER BY k, reason;
.read sql/reports/unpriced_usage.sql
.mode list
CREATE TABLE oneapi AS SELECT id, created_at, type, username, token_name, model_name, prompt_tokens, completion_tokens
  FROM logs;
DROP TABLE logs;
ALTER TABLE oneapi RENAME TO logs;
.output /dev/null
.read sql/reports/cost_by_month_model.sql
.read sql/reports/whatif_by_month.sql
.output stdout
.mode list
-- By hand: the same 7 rows, 0.07; 'deepseek-chat' is not on the list.
SELECT 'one-api, no other' AS log, line, reason, requests, cost FROM maas_cost_by_month_model_totals ORDER BY k, reason;
SELECT 'one-api what-if' AS log, sum(requests), sum(compared), maas_total_text(actual) FROM maas_whatif_by_month;
.read sql/reports/unpriced_usage.sql
DROP TABLE logs;
ALTER TABLE logs_example RENAME TO logs;

-- llm_report.sql - sql/reports/llm.sql on the example logs.db of simonw/llm
-- (examples/llm_logs.sql), checked against prices written out by hand; then
-- the report's months in UTC, and its column check.
--
-- By hand (prices from the published list, per token in 1e-8 CNY:
-- DeepSeek-V3 200 in / 800 out, DeepSeek-R1 400 / 1600, Qwen3-8B 50 / 500;
-- tokens x price; the model is response_json's "model", else `model`):
--   r01 deepseek-v3           1000 in,  500 out:  200000 +  400000 =  600000  Jul (UTC Jul)
--   r02 xingchen-r1 (alias)   2000 in, 1000 out:  800000 + 1600000 = 2400000  Aug (UTC Jul: 16:00 UTC)
--   r03 xdeepseekr1           1500 in, 3000 out:  600000 + 4800000 = 5400000  Aug
--   r04 xdeepseekv3 (configured xingchen-r1)
--                             4000 in, 1000 out:  800000 +  800000 = 1600000  Aug
--   r05 xop3qwen8b (configured qwen)
--                            10000 in, 2000 out:  500000 + 1000000 = 1500000  Aug
--   r09 deepseek-v3           3000 in,  600 out:  600000 +  480000 = 1080000  Sep (UTC Aug: 16:30 UTC)
--   r10 xdeepseekr1            500 in, 2500 out:  200000 + 4000000 = 4200000  Sep (UTC Aug)
--   r12 deepseek-v3 (response_json not JSON)
--                             2000 in,  400 out:  400000 +  320000 =  720000  Sep
--   r13 Qwen3-8B              8000 in, 4000 out:  400000 + 2000000 = 2400000  Sep
--   r14 xdeepseekr1           1000 in, 1000 out:  400000 + 1600000 = 2000000  Sep (15:59 UTC)
--   r15 deepseek-v3           5000 in, 1000 out: 1000000 +  800000 = 1800000  Oct (UTC Sep: 16:01 UTC)
--   r18 deepseek-v3            123 in,   45 out:   24600 +   36000 =   60600  Oct
--   r19 xdeepseekr1            777 in,  333 out:  310800 +  532800 =  843600  Oct
--   r20 xop3qwen8b           12345 in,  678 out:  617250 +  339000 =  956250  Oct
-- Beijing months: Jul 600000, Aug 10900000, Sep 10400000, Oct 3660450;
-- UTC months: Jul 3000000, Aug 13780000, Sep 6920000, Oct 1860450;
-- total 25560450 = 0.2556045 CNY (0.255605 to 6 places).  Left out: r06
-- gpt-4o-mini (unknown_model), r07 Spark-Max (other_product), r08
-- (before_first_price, 2025-07-07), r11 (no_token_counts), r16 (empty
-- datetime_utc: no_usable_time), r17 (no model: no_model_name).
.read examples/llm_logs.sql
.read sql/reports/llm.sql
.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE by_hand(id TEXT PRIMARY KEY, month TEXT, utc_month TEXT, cost_e8 INTEGER);
INSERT INTO by_hand VALUES
  ('r01', '2025-07', '2025-07', 600000), ('r02', '2025-08', '2025-07', 2400000),
  ('r03', '2025-08', '2025-08', 5400000), ('r04', '2025-08', '2025-08', 1600000),
  ('r05', '2025-08', '2025-08', 1500000), ('r09', '2025-09', '2025-08', 1080000),
  ('r10', '2025-09', '2025-08', 4200000), ('r12', '2025-09', '2025-09', 720000),
  ('r13', '2025-09', '2025-09', 2400000), ('r14', '2025-09', '2025-09', 2000000),
  ('r15', '2025-10', '2025-09', 1800000), ('r18', '2025-10', '2025-10', 60600),
  ('r19', '2025-10', '2025-10', 843600), ('r20', '2025-10', '2025-10', 956250);
SELECT 'expected' AS "by", month, printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM by_hand GROUP BY month
UNION ALL
SELECT 'report', month, maas_total_text(cost, 8) FROM maas_llm_cost_by_month_model
 WHERE cost IS NOT NULL GROUP BY month
 ORDER BY 2, 1;
SELECT (SELECT cost FROM maas_llm_totals WHERE line = 'total') = '0.2556045' AS total_equal,
       (SELECT group_concat(id || ':' || reason, ' ') FROM (SELECT id, reason FROM maas_llm_usage
                                                            WHERE reason IS NOT NULL ORDER BY id)) AS left_out,
       (SELECT group_concat(id || ':' || model, ' ') FROM (SELECT id, model FROM maas_llm_usage
                                                           WHERE id IN ('r02', 'r04', 'r05', 'r12') ORDER BY id)) AS models;
-- The same rows, months in UTC.
.parameter set @tz "'+00:00'"
.output /dev/null
.read sql/reports/llm.sql
.output
.mode list
SELECT 'expected' AS "by", utc_month AS month, printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM by_hand GROUP BY utc_month
UNION ALL
SELECT 'report', month, maas_total_text(cost, 8) FROM maas_llm_cost_by_month_model
 WHERE cost IS NOT NULL GROUP BY month
 ORDER BY 2, 1;
.parameter clear

-- The column check: a logs.db from before token usage was logged (no
-- input_tokens) stops the report with one line (in a shell of its own).
.shell sqlite3 -batch :memory: "CREATE TABLE responses(id, model, prompt, system, prompt_json, options_json, response, response_json, conversation_id, duration_ms, datetime_utc)" ".read sql/reports/llm.sql" 2>&1; echo "exit status $?"

-- openwebui_report.sql - sql/reports/openwebui.sql on the example Open WebUI
-- webui.db (examples/openwebui_chat_messages.sql), checked against prices
-- written out by hand; then the report's months in UTC, and its column check.
--
-- By hand (prices from the published list, per token in 1e-8 CNY:
-- DeepSeek-V3 200 in / 800 out, DeepSeek-R1 400 / 1600, Qwen3-8B 50 / 500;
-- tokens x price; a merged usage is billed by input_tokens/output_tokens,
-- not by the last call's prompt_tokens/completion_tokens):
--   w01 xingchen.xdeepseekr1  3000 in, 1500 out: 1200000 + 2400000 = 3600000  Aug (UTC Jul: 16:30 UTC)
--       (prompt/completion 1800/900 would give 720000 + 1440000 = 2160000)
--   w02 xdeepseekv3           1000 in,  500 out:  200000 +  400000 =  600000  Aug
--   w04 xingchen.ds-chat (user alias of DeepSeek-V3)
--                             2000 in, 1000 out:  400000 +  800000 = 1200000  Aug
--   w09 xingchen.xop3qwen8b  10000 in, 2000 out:  500000 + 1000000 = 1500000  Sep (UTC Aug: 16:00 UTC)
--   w10 Qwen3-8B              4000 in,  800 out:  200000 +  400000 =  600000  Aug (15:59:59 UTC)
--   w11 xingchen.xdeepseekv3  5000 in, 2500 out: 1000000 + 2000000 = 3000000  Sep
--   w12 xingchen.xdeepseekr1  1234 in, 5678 out:  493600 + 9084800 = 9578400  Sep
--   w14 deepseek-v3           2000 in, 1000 out:  400000 +  800000 = 1200000  Oct (UTC Sep: 16:30 UTC)
--   w15 xingchen.xdeepseekr1   800 in,  200 out:  320000 +  320000 =  640000  Oct
--   w18 xingchen.ds-chat       100 in,   50 out:   20000 +   40000 =   60000  Oct (created_at in ms)
-- Beijing months: Aug 6000000, Sep 14078400, Oct 1900000; UTC months: Jul
-- 3600000, Aug 3900000, Sep 13778400, Oct 700000; total 21978400 =
-- 0.219784 CNY.  Left out: w05 (usage NULL) and w13 (usage {}) no_usage, w06
-- openai.gpt-4o (unknown_model), w07 spark.Spark-Max (other_product), w08
-- (before_first_price, 2025-07-07), w17 (model_id '': no_model_name); the 4
-- user messages are not usage.
.read examples/openwebui_chat_messages.sql
.read sql/reports/openwebui.sql
.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE by_hand(id TEXT PRIMARY KEY, month TEXT, utc_month TEXT, cost_e8 INTEGER);
INSERT INTO by_hand VALUES
  ('c1-w01', '2025-08', '2025-07', 3600000), ('c2-w02', '2025-08', '2025-08', 600000),
  ('c3-w04', '2025-08', '2025-08', 1200000), ('c8-w09', '2025-09', '2025-08', 1500000),
  ('c9-w10', '2025-08', '2025-08', 600000), ('c10-w11', '2025-09', '2025-09', 3000000),
  ('c11-w12', '2025-09', '2025-09', 9578400), ('c13-w14', '2025-10', '2025-09', 1200000),
  ('c14-w15', '2025-10', '2025-10', 640000), ('c16-w18', '2025-10', '2025-10', 60000);
SELECT 'expected' AS "by", month, printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM by_hand GROUP BY month
UNION ALL
SELECT 'report', month, maas_total_text(cost, 8) FROM maas_openwebui_cost_by_month_model
 WHERE cost IS NOT NULL GROUP BY month
 ORDER BY 2, 1;
SELECT (SELECT cost FROM maas_openwebui_totals WHERE line = 'total') = '0.219784' AS total_equal,
       (SELECT count(*) FROM by_hand
          JOIN (SELECT id, maas_total_text(cost, 8) AS t FROM maas_openwebui_usage GROUP BY id) USING (id)
         WHERE t = printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000)) AS rows_equal,
       (SELECT group_concat(id || ':' || reason, ' ') FROM (SELECT id, reason FROM maas_openwebui_usage
                                                            WHERE reason IS NOT NULL ORDER BY id)) AS left_out;
-- The same messages, months in UTC.
.parameter set @tz "'+00:00'"
.output /dev/null
.read sql/reports/openwebui.sql
.output
.mode list
SELECT 'expected' AS "by", utc_month AS month, printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM by_hand GROUP BY utc_month
UNION ALL
SELECT 'report', month, maas_total_text(cost, 8) FROM maas_openwebui_cost_by_month_model
 WHERE cost IS NOT NULL GROUP BY month
 ORDER BY 2, 1;
.parameter clear

-- The column check: a chat_message without usage (or a webui.db with only
-- the older chat table) stops the report with one line (in a shell of its
-- own).
.shell sqlite3 -batch :memory: "CREATE TABLE chat_message(id, chat_id, role, content, model_id, created_at)" ".read sql/reports/openwebui.sql" 2>&1; echo "exit status $?"
.shell sqlite3 -batch :memory: "CREATE TABLE chat(id, user_id, title, chat, created_at, updated_at)" ".read sql/reports/openwebui.sql" 2>&1; echo "exit status $?"

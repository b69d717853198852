-- usage_openwebui.sql - sql/reports/openwebui.sql on the example webui.db
-- (examples/openwebui_chat_messages.sql), its temp.maas_usage checked
-- against a computation written out here: per currency the calls, tokens
-- and cost, per reason the calls, per Beijing month the cost, and each
-- call's priced model.  Then the same database with the connections'
-- settings in the older one-row config, with none, and without the model
-- table; then the column check.
--
-- By hand: every assistant message with a usage is a call; the model that
-- served it is written out below (a workspace model's base, the configured
-- prefix taken off, the user's alias 'ds-chat' = DeepSeek-V3).  Prices copied
-- from the published list (shared/seed/000_1cd2ef185819af08.txt) as whole
-- numbers of 1e-5 CNY per 1,000 tokens, so tokens x price is the cost in
-- 1e-8 CNY, an integer (the list has one input price: cached tokens are
-- billed at it).  The list's 更新时间 2025-7-8 13:25 Beijing is unix
-- 1751952300: an older call has no price.  Months: unix time + 8 h.
-- expect: error (the column check, at the end)
.read examples/openwebui_chat_messages.sql
.output /dev/null
.read sql/reports/openwebui.sql
.output
.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-R1', 400, 1600),  -- 0.004   0.016
  ('DeepSeek-V3', 200,  800),  -- 0.002   0.008
  ('Qwen3-8B',     50,  500);  -- 0.0005  0.005
-- id, the model that served it, input (cached included), cached, output,
-- created_at in seconds, and the reason it is left out (NULL: counted).
CREATE TEMP TABLE by_hand(id TEXT PRIMARY KEY, served TEXT, input INTEGER, cached INTEGER, output INTEGER,
                          at_unix INTEGER, reason TEXT);
INSERT INTO by_hand VALUES
  ('c1-a01',  'DeepSeek-R1',          3000,    0, 1500, 1753979400, NULL),   -- xingchen.xdeepseekr1, turn totals
  ('c2-a02',  'DeepSeek-V3',          1000,    0,  500, 1754215200, NULL),   -- a model row without base
  ('c3-a03',  'DeepSeek-V3',          2000, 1200, 1000, 1754388000, NULL),   -- workspace code-helper
  ('c5-a05',  'gpt-4o',                700,    0,  300, 1754560800, 'unknown_model'),
  ('c6-a06',  'Spark-Max',             300,    0,  100, 1754647200, 'other_product'),
  ('c7-a07',  'DeepSeek-V3',           900,    0,  100, 1751889600, 'before_first_price'),
  ('c8-a08',  'Qwen3-8B',            10000,    0, 2000, 1756656000, NULL),   -- workspace qa-bot
  ('c9-a09',  'Qwen3-8B',             4000,    0,  800, 1756655999, NULL),
  ('c10-a10', 'DeepSeek-V3',          5000,    0, 2500, 1757066400, NULL),
  ('c11-a11', 'DeepSeek-V3',          1234,    0, 5678, 1757152800, NULL),   -- workspace code-helper
  ('c13-a13', 'DeepSeek-V3',          2000,    0, 1000, 1759249800, NULL),
  ('c14-a14', 'DeepSeek-R1',           800,    0,  200, 1759399200, NULL),
  ('c15-a15', NULL,                     10,    0,    5, 1759572000, 'no_model_name'),
  ('c16-a16', 'DeepSeek-V3',           100,    0,   50, 1759658400, NULL),   -- created_at in ms
  ('c17-a17', 'code-helper',           500,    0,  100, 1759658400, 'unknown_model'),
  ('c18-a18', 'gateway.xdeepseekr1',   500,    0,  100, 1759658400, 'unknown_model'),
  ('c19-a19', 'DeepSeek-V3',          NULL, NULL, NULL, 1759658400, 'no_token_counts'),
  ('c19-a20', 'DeepSeek-V3',          NULL, NULL, NULL, 1759658400, 'no_token_counts'),
  ('c19-a21', 'DeepSeek-V3',          NULL, NULL, NULL, 1759658400, 'no_token_counts'),
  ('c20-a22', 'DeepSeek-R1',           100,    0,  100, NULL,       'no_time'),
  ('c21-a24', 'DeepSeek-V3',          NULL, NULL, NULL, 1759658400, 'no_token_counts'),
  ('c22-a25', 'qwen3:8b',              300,    0,  200, 1759658400, 'unknown_model');
CREATE TEMP VIEW hand_cost AS
SELECT h.*, strftime('%Y-%m', h.at_unix + 8 * 3600, 'unixepoch') AS month,
       CASE WHEN h.reason IS NULL THEN 'CNY' END AS currency,
       CASE WHEN h.reason IS NULL THEN h.input * p.input + h.output * p.output END AS cost_e8
  FROM by_hand AS h LEFT JOIN expected_price AS p ON p.model = h.served;
-- The comparisons: each a list of lines, expected beside the report's.
CREATE TEMP VIEW compare_totals AS
SELECT 'expected' AS "by", 'openwebui' AS source, currency, count(*) AS calls, sum(input) AS input,
       sum(cached) AS cached, sum(output) AS output,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM hand_cost WHERE currency IS NOT NULL GROUP BY currency
UNION ALL
SELECT 'report', source, currency, count(*), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens),
       maas_round_text(maas_total_text(cost), 8)
  FROM temp.maas_usage WHERE currency IS NOT NULL GROUP BY source, currency;
CREATE TEMP VIEW compare_reasons AS
SELECT 'expected' AS "by", reason, count(*) AS calls FROM by_hand WHERE reason IS NOT NULL GROUP BY reason
UNION ALL
SELECT 'report', reason, count(*) FROM temp.maas_usage WHERE reason IS NOT NULL GROUP BY reason;
CREATE TEMP VIEW compare_months AS
SELECT 'expected' AS "by", month, printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM hand_cost WHERE cost_e8 IS NOT NULL GROUP BY month
UNION ALL
SELECT 'report', month, maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage
 WHERE cost IS NOT NULL GROUP BY month;
-- 1 when every line of a comparison has its twin (and no more lines).
CREATE TEMP VIEW agree AS
SELECT (SELECT count(*) FROM (SELECT source, currency, calls, input, cached, output, cost FROM compare_totals
                              GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) <> 2)) = 0
       AND (SELECT count(*) FROM compare_totals) > 0
       AND (SELECT count(*) FROM (SELECT reason, calls FROM compare_reasons GROUP BY 1, 2 HAVING count(*) <> 2)) = 0
       AND (SELECT count(*) FROM (SELECT month, cost FROM compare_months GROUP BY 1, 2 HAVING count(*) <> 2)) = 0
       AND (SELECT count(*) FROM temp.maas_usage) = (SELECT count(*) FROM by_hand)
       AND (SELECT count(*) FROM by_hand AS h JOIN temp.maas_usage AS u ON u.source_id = h.id
             WHERE u.priced_model IS h.served) = (SELECT count(*) FROM by_hand) AS all_agree;

SELECT * FROM compare_totals ORDER BY currency, 1;
SELECT * FROM compare_reasons ORDER BY reason, 1;
SELECT * FROM compare_months ORDER BY month, 1;
-- The workspace models priced at their base model, and the chats' folder.
SELECT source_id, model, served_model, priced_model, user_name, project_name, maas_round_text(cost, 8) AS cost
  FROM temp.maas_usage WHERE model IN ('code-helper', 'qa-bot', 'code-helper-2') ORDER BY source_id;
SELECT * FROM agree;

-- The same calls, months in UTC (@tz): expected beside the report's.
.parameter set @tz "'+00:00'"
.output /dev/null
.read sql/reports/openwebui.sql
.output
.mode list
SELECT 'expected' AS "by", strftime('%Y-%m', at_unix, 'unixepoch') AS utc_month,
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) AS cost
  FROM hand_cost WHERE cost_e8 IS NOT NULL GROUP BY 2
UNION ALL
SELECT 'report', month, maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage
 WHERE cost IS NOT NULL GROUP BY month
 ORDER BY 2, 1;
.parameter clear

-- The same connections in the one-row config of Open WebUI before v0.10
-- (config(id, data): data.openai.api_configs, data.ollama.api_configs; the
-- last row counts): the same rows.
ALTER TABLE config RENAME TO config_v010;
CREATE TABLE config (id INTEGER NOT NULL, data JSON NOT NULL, version INTEGER NOT NULL,
                     created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
                     updated_at DATETIME DEFAULT (CURRENT_TIMESTAMP), PRIMARY KEY (id));
INSERT INTO config(id, data, version) VALUES
  (1, '{"version": 0, "openai": {"api_configs": {"0": {"prefix_id": "old"}}}}', 0),
  (2, json_object('version', 0, 'ui', json_object('enable_signup', json('false')),
                  'openai', json_object('enable', json('true'),
                                        'api_configs', json((SELECT value FROM config_v010 WHERE key = 'openai.api_configs'))),
                  'ollama', json_object('api_configs', json((SELECT value FROM config_v010 WHERE key = 'ollama.api_configs')))), 0);
.output /dev/null
.read sql/reports/openwebui.sql
.output
.mode list
SELECT 'one-row config' AS config, (SELECT group_concat(prefix, ' ') FROM temp.maas_openwebui_prefixes) AS prefixes, all_agree
  FROM agree;

-- No connection settings in the database (set by environment only): the
-- part after the first '.' is taken when only it is a model name.  So
-- 'gateway.xdeepseekr1' is DeepSeek-R1, 500 x 400 + 100 x 1600 = 360000 more
-- (Oct), 'spark.Spark-Max' stays whole (unknown_model).
DROP TABLE config;
UPDATE by_hand SET served = 'DeepSeek-R1', reason = NULL WHERE id = 'c18-a18';
UPDATE by_hand SET served = 'spark.Spark-Max', reason = 'unknown_model' WHERE id = 'c6-a06';
UPDATE by_hand SET served = 'openai.gpt-4o' WHERE id = 'c5-a05';
UPDATE by_hand SET served = 'local.qwen3:8b' WHERE id = 'c22-a25';
.output /dev/null
.read sql/reports/openwebui.sql
.output
.mode list
SELECT 'no config' AS config, (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage) AS total,
       all_agree
  FROM agree;

-- No model table (an export of chat_message alone): the workspace models'
-- calls are unknown models, named as the user picked them.
ALTER TABLE model RENAME TO model_saved;
UPDATE by_hand SET served = (SELECT model_id FROM chat_message AS m WHERE m.id = by_hand.id), reason = 'unknown_model'
 WHERE id IN ('c3-a03', 'c8-a08', 'c11-a11', 'c17-a17');
.output /dev/null
.read sql/reports/openwebui.sql
.output
.mode list
SELECT 'no model table' AS config, (SELECT maas_round_text(maas_total_text(cost), 8) FROM temp.maas_usage) AS total,
       all_agree
  FROM agree;

-- The column check: a chat_message without usage, or a webui.db with only
-- the older chat table, stops the adapter with one line (run through
-- maas_exec, which reports the failing statement and goes on).
ALTER TABLE chat_message RENAME TO chat_message_kept;
CREATE TABLE chat_message(id, chat_id, role, content, model_id, created_at);
SELECT maas_exec(CAST(readfile('sql/sources/openwebui.sql') AS TEXT));
DROP TABLE chat_message;
SELECT maas_exec(CAST(readfile('sql/sources/openwebui.sql') AS TEXT));
ALTER TABLE chat_message_kept RENAME TO chat_message;

-- usage_lobechat.sql - sql/reports/lobechat.sql on the example LobeChat /
-- LobeHub messages, a CSV export imported as a user imports it
-- (examples/lobechat_import.sql: `.import --csv`, every column TEXT),
-- checked against calls written out here by hand from the CSV file.
-- expect: error (the last check: a table that is not LobeChat's)
-- The hand side:
--   calls   each billed call of the fixture, by its id, with the model it
--           means, its tokens (input counts the cached reads and writes, as
--           LobeChat's totalInputTokens does), the price of its cached
--           tokens, why it is left out (NULL: counted) and LobeChat's own
--           USD estimate in 1e-8 USD.  Not calls: msg_q1 (user), msg_t1
--           (tool), msg_s1 (system), msg_a06 (an error, no usage), msg_a08
--           (a copied transcript), msg_a09 (a model on the user's device);
--   prices  copied by hand from the published list
--           (shared/seed/000_1cd2ef185819af08.txt) as whole numbers of 1e-5
--           CNY per 1,000 tokens, so tokens x price is the cost in 1e-8 CNY,
--           an integer, and sums are exact; and one price of the user's own,
--           DeepSeek-V3's cached input at 0.0005 CNY per 1,000 tokens (50)
--           from 2026-01-01 UTC: msg_a02 (2025-12-31 15:59:59 UTC) pays the
--           input price for its cached tokens, msg_a01 and msg_a14 pay 50;
--           Qwen3-14B has no cached or cache-write price: the input price;
--   time    the list's 2025-7-8 13:25 Beijing time is 2025-07-08 05:25:00
--           UTC: msg_a03 (13:24:59.999+08) is before it, msg_a04 is not.
-- The report's costs are exact decimal text; they are compared at 8 places.
.read examples/lobechat_import.sql
.read sql/user_tables.sql
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)
VALUES ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'cached_input', '0.0005', 'k_tokens', 'CNY', '2026-01-01',
        'test');
.output /dev/null
.read sql/reports/lobechat.sql
.output stdout

.headers on
.mode list
.nullvalue NULL
CREATE TEMP TABLE expected_price(model TEXT PRIMARY KEY, input INTEGER, output INTEGER);
INSERT INTO expected_price VALUES
  ('DeepSeek-V3',  200,  800),  -- 0.002   0.008
  ('DeepSeek-R1',  400, 1600),  -- 0.004   0.016
  ('Qwen3-8B',      50,  500),  -- 0.0005  0.005
  ('Qwen3-14B',    100, 1000);  -- 0.001   0.01
CREATE TEMP TABLE expected_call(id TEXT PRIMARY KEY, model TEXT, input INTEGER, cached INTEGER, written INTEGER,
                                output INTEGER, cached_price INTEGER, reason TEXT, recorded_e8 INTEGER);
INSERT INTO expected_call VALUES
  ('msg_a01', 'DeepSeek-V3', 1000,  800,    0,  500,   50, NULL,                  81200),  -- usage column
  ('msg_a02', 'DeepSeek-V3', 2000, 1500,    0,  100,  200, NULL,                  31000),  -- metadata.usage
  ('msg_a03', 'DeepSeek-R1', 1000,    0,    0, 2000, NULL, 'before_first_price',   NULL),  -- flat metadata
  ('msg_a04', 'DeepSeek-R1', 1000,    0,    0, 2000,  400, NULL,                   NULL),
  ('msg_a05', 'Qwen3-14B',   1000,  700,  100,   50,  100, NULL,                   NULL),
  ('msg_a07', 'DeepSeek-V3', NULL, NULL, NULL, NULL, NULL, 'no_token_counts',      NULL),  -- no usage
  ('msg_a10', NULL,          1200,    0,    0,  300, NULL, 'unknown_model',       36000),  -- gpt-4o-mini
  ('msg_a11', 'Qwen3-8B',       0,    0,    0,   20,   50, NULL,                   NULL),  -- no input count: 0
  ('msg_a12', NULL,           500,    0,    0,  100, NULL, 'no_model_name',        NULL),
  ('msg_a13', 'DeepSeek-V3', NULL, NULL, NULL, NULL, NULL, 'no_token_counts',      NULL),  -- a total only
  ('msg_a14', 'DeepSeek-V3', 3000, 2000,    0, 1000,   50, NULL,                 200000);  -- column, not metadata
CREATE TEMP VIEW expected AS
SELECT c.id, c.input, c.cached, c.written, c.output, c.reason,
       CASE WHEN c.reason IS NULL
            THEN (c.input - c.cached) * p.input + c.cached * c.cached_price + c.output * p.output END AS cost_e8,
       c.recorded_e8
  FROM expected_call AS c LEFT JOIN expected_price AS p ON p.model = c.model;

-- Per source and currency, the counted calls: the report and by hand.
SELECT 'report' AS "by", source, currency, count(*) AS calls, sum(requests) AS requests,
       sum(input_tokens) AS input_tokens, sum(cached_input_tokens) AS cached_input_tokens,
       sum(cache_write_tokens) AS cache_write_tokens, sum(output_tokens) AS output_tokens,
       maas_round_text(maas_total_text(cost), 8) AS cost
  FROM maas_usage WHERE reason IS NULL GROUP BY source, currency
UNION ALL
SELECT 'expected', 'lobechat', 'CNY', count(*), count(*), sum(input), sum(cached), sum(written), sum(output),
       printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000)
  FROM expected WHERE reason IS NULL;
-- The calls left out, per reason.
SELECT 'report' AS "by", reason, count(*) AS calls, sum(input_tokens) AS input_tokens,
       sum(output_tokens) AS output_tokens
  FROM maas_usage WHERE reason IS NOT NULL GROUP BY reason
UNION ALL
SELECT 'expected', reason, count(*), sum(input), sum(output) FROM expected WHERE reason IS NOT NULL GROUP BY reason
 ORDER BY 2, 1;
-- LobeChat's own cost estimate (usage.cost, USD).
SELECT 'report' AS "by", recorded_currency, count(recorded_cost) AS calls,
       maas_round_text(maas_total_text(recorded_cost), 8) AS recorded
  FROM maas_usage WHERE recorded_cost IS NOT NULL GROUP BY recorded_currency
UNION ALL
SELECT 'expected', 'USD', count(*), printf('%d.%08d', sum(recorded_e8) / 100000000, sum(recorded_e8) % 100000000)
  FROM expected WHERE recorded_e8 IS NOT NULL
 ORDER BY 2, 1;
-- Every call, both ways: the same calls, tokens, reasons, costs and recorded costs.
CREATE TEMP VIEW report_rows AS
SELECT source_id, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, requests, reason,
       maas_round_text(cost, 8) AS cost, maas_round_text(recorded_cost, 8) AS recorded
  FROM maas_usage;
CREATE TEMP VIEW expected_rows AS
SELECT id, input, cached, written, output, 1, reason,
       CASE WHEN cost_e8 IS NOT NULL THEN printf('%d.%08d', cost_e8 / 100000000, cost_e8 % 100000000) END,
       CASE WHEN recorded_e8 IS NOT NULL THEN printf('%d.%08d', recorded_e8 / 100000000, recorded_e8 % 100000000) END
  FROM expected;
SELECT (SELECT count(*) FROM report_rows) AS calls,
       (SELECT count(*) FROM (SELECT * FROM expected_rows EXCEPT SELECT * FROM report_rows)) AS missing_from_report,
       (SELECT count(*) FROM (SELECT * FROM report_rows EXCEPT SELECT * FROM expected_rows)) AS extra_in_report;
-- Times: PostgreSQL's offsets ('+08', '-05', '+05:30') read to UTC; the
-- month in Beijing time (msg_a11, 2026-03-31 18:30 UTC, is in April).
SELECT source_id, at, month, user_name, key_name, project_name FROM maas_usage
 WHERE source_id IN ('msg_a01', 'msg_a03', 'msg_a10', 'msg_a11', 'msg_a14') ORDER BY source_id;
SELECT (SELECT maas_round_text(cost, 8) FROM maas_report_totals WHERE line = 'total' AND currency = 'CNY')
         = (SELECT printf('%d.%08d', sum(cost_e8) / 100000000, sum(cost_e8) % 100000000) FROM expected)
       AND NOT EXISTS (SELECT * FROM expected_rows EXCEPT SELECT * FROM report_rows)
       AND NOT EXISTS (SELECT * FROM report_rows EXCEPT SELECT * FROM expected_rows) AS report_agrees;

-- A table of LobeChat before 2.2, without the `usage` and `workspace_id`
-- columns: the usage kept in metadata is read as before (msg_a14 falls back
-- to its flat metadata, 999 and 99 tokens); the replies whose usage was only
-- in the column have none.
ALTER TABLE messages DROP COLUMN usage;
ALTER TABLE messages DROP COLUMN workspace_id;
.read sql/sources/lobechat.sql
SELECT coalesce(reason, '(counted)') AS reason, count(*) AS calls, group_concat(substr(source_id, 5), ' ') AS ids,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
       count(project_name) AS with_project
  FROM (SELECT * FROM temp.maas_usage ORDER BY source_id) GROUP BY reason ORDER BY reason;

-- A table that is not LobeChat's (here its `metadata` renamed): one line
-- naming the tool and what it expects.
ALTER TABLE messages RENAME COLUMN metadata TO meta;
SELECT maas_exec(CAST(readfile('sql/sources/lobechat.sql') AS TEXT));

-- bill.sql - sql/reports/bill.sql on the worked month (examples/bill_month.sql,
-- docs/bill.md), each figure held against one worked out here by hand.
-- expect: error (the last check: a month the shell read as a number)
--
-- Prices per token (the built-in card, CNY per 1,000 tokens / 1,000):
-- DeepSeek-V3 input 0.000002, output 0.000008; Qwen3-8B 0.0000005, 0.000005.
-- The packs in their order (no priority: earliest valid_until first):
-- trial (1,200,000 tokens, until 03-16 Beijing), then voucher (10 CNY,
-- DeepSeek-V3 only).  The calls, in time order:
--   02-27 DS 100k in, 100k out   trial takes 200k (February: no line)  trial 1,000,000 left
--   03-02 DS 400k, 100k          trial takes all 500k: 0.8 + 0.8        trial 500,000 left
--   03-05 Qwen 200k, 100k        trial takes all 300k: 0.1 + 0.5        trial 200,000 left
--   03-16 DS 1M, 500k            trial has expired (200,000 expired);
--                                voucher takes the list cost 2 + 4       voucher 4 left
--   03-20 DS 1.5M, 250k          list 3 + 2: voucher takes input 3 and 1 of the output's 2;
--                                1 is due (the call straddles the voucher's end)
--   03-25 10:00 Qwen 409,800, 200,077   due 0.2049 + 1.000385
--   03-25 11:30 Qwen 6,000, 1,000       due 0.003 + 0.005
--   03-26 gpt-9-preview                 not billed: unknown_model
--   04-01 00:30 Beijing DS 1k, 1k       April: not in March's bill
.read examples/bill_month.sql
.parameter set @month 202603
.output /dev/null
.read sql/reports/bill.sql
.output
.mode list
.headers off
.nullvalue NULL

CREATE TEMP TABLE hand_lines(model, item, quantity, list, covered, due, amount_due);
INSERT INTO hand_lines VALUES
  -- 400k + 1M + 1.5M; x 0.000002; trial 0.8 + voucher 2 + 3
  ('iflytek-xingchen/DeepSeek-V3', 'input', 2900000, '5.8', '5.8', '0', '0'),
  -- 100k + 500k + 250k; x 0.000008; trial 0.8 + voucher 4 + 1
  ('iflytek-xingchen/DeepSeek-V3', 'output', 850000, '6.8', '5.8', '1', '1'),
  -- 200k + 409,800 + 6,000; x 0.0000005; trial 0.1; due 0.2049 + 0.003, to the fen 0.21
  ('iflytek-xingchen/Qwen3-8B', 'input', 615800, '0.3079', '0.1', '0.2079', '0.21'),
  -- 100k + 200,077 + 1,000; x 0.000005; trial 0.5; due 1.000385 + 0.005, to the fen 1.01
  ('iflytek-xingchen/Qwen3-8B', 'output', 301077, '1.505385', '0.5', '1.005385', '1.01');
SELECT 'lines', count(*), sum(l.quantity = h.quantity AND l.list = h.list AND l.covered = h.covered
                              AND l.due = h.due AND l.settled = h.amount_due)
  FROM hand_lines AS h JOIN maas_bill_lines AS l USING (model, item);
SELECT 'line', model, item, currency, unit_price, quantity, list, covered, due, settled
  FROM maas_bill_lines ORDER BY model, item;

CREATE TEMP TABLE hand_coverage(pack, model, item, tokens, amount);
INSERT INTO hand_coverage VALUES
  ('trial', 'iflytek-xingchen/DeepSeek-V3', 'input', 400000, '0.8'),
  ('trial', 'iflytek-xingchen/DeepSeek-V3', 'output', 100000, '0.8'),
  ('trial', 'iflytek-xingchen/Qwen3-8B', 'input', 200000, '0.1'),
  ('trial', 'iflytek-xingchen/Qwen3-8B', 'output', 100000, '0.5'),
  ('voucher', 'iflytek-xingchen/DeepSeek-V3', 'input', 0, '5'),
  ('voucher', 'iflytek-xingchen/DeepSeek-V3', 'output', 0, '5');
SELECT 'coverage', count(*), sum(c.tokens = h.tokens AND c.amount = h.amount),
       (SELECT count(*) FROM maas_bill_coverage)
  FROM hand_coverage AS h JOIN maas_bill_coverage AS c USING (pack, model, item);

-- At the end of March: the trial used 200k in February and 800k in March
-- (list value 1.0 + 2.2) and expired with 200,000; the voucher is spent.
SELECT 'packs', pack, unit, currency, size, used, covered, expired, left FROM maas_bill_packs ORDER BY applied;
SELECT 'packs by hand',
       (SELECT used = '1000000' AND covered = '3.2' AND expired = '200000' AND left = '0' FROM maas_bill_packs
         WHERE pack = 'trial'),
       (SELECT used = '10' AND covered = '10' AND expired = '0' AND left = '0' FROM maas_bill_packs
         WHERE pack = 'voucher');

-- list 5.8 + 6.8 + 0.3079 + 1.505385 = 14.413285; covered 5.8 + 5.8 + 0.1 +
-- 0.5 = 12.2; due 14.413285 - 12.2 = 2.213285; to the fen per line 0 + 1 +
-- 0.21 + 1.01 = 2.22, so rounding 2.22 - 2.213285 = 0.006715.
SELECT 'totals', currency, list, covered, due, rounding, amount_due FROM maas_bill_totals;
SELECT 'not billed', reason, calls FROM maas_bill_not_billed;

-- Settled by the hour instead: the Qwen lines of 03-25 are two hours:
-- input 0.2049 -> 0.20 and 0.003 -> 0.00; output 1.000385 -> 1.00 and
-- 0.005 -> 0.01 (half away from zero); DS output 1 -> 1.  0 + 1 + 0.2 + 1.01
-- = 2.21, rounding 2.21 - 2.213285 = -0.003285.
UPDATE maas_user_settlement SET period = 'hour';
.output /dev/null
.read sql/reports/bill.sql
.output
.mode list
.headers off
SELECT 'by the hour', currency, due, rounding, amount_due FROM maas_bill_totals;

-- No rule: every amount exact, no rounding line.
DELETE FROM maas_user_settlement;
.output /dev/null
.read sql/reports/bill.sql
.output
.mode list
.headers off
SELECT 'no rule', currency, due, rounding, amount_due FROM maas_bill_totals;

-- No packs: the amount due is the list total, and it equals the usage
-- report's total for the month (sql/reports/auto.sql on the same database).
DELETE FROM maas_user_packs;
.output /dev/null
.read sql/reports/bill.sql
.output
CREATE TEMP TABLE bill_total AS SELECT currency, amount_due FROM maas_bill_totals;
.output /dev/null
.read sql/reports/auto.sql
.output
.mode list
.headers off
SELECT 'no packs', b.currency, b.amount_due, r.cost, b.amount_due = r.cost
  FROM bill_total AS b
  JOIN (SELECT currency, maas_total_text(cost) AS cost FROM maas_report_by_month_model
         WHERE month = '2026-03' GROUP BY currency) AS r USING (currency);

-- @month unset: the month of the last call, April (1,000 + 1,000 DS tokens:
-- 0.002 + 0.008; the voucher was spent in March).
.parameter clear
.output /dev/null
.read sql/reports/bill.sql
.output
.mode list
.headers off
SELECT 'last month', s.month, t.currency, t.amount_due FROM maas_bill_settings AS s, maas_bill_totals AS t;

-- The rule kept in an attached database whose name needs quoting (the
-- first database holding maas_user_settlement is read, as for the user
-- tables the extension reads): per hour to 0.1 CNY, no packs.  Per line
-- and hour: DS input 0.8, 2, 3 = 5.8; DS output 0.8, 4, 2 = 6.8; Qwen input
-- 0.1, 0.2049 -> 0.2, 0.003 -> 0 = 0.3; Qwen output 0.5, 1.000385 -> 1,
-- 0.005 -> 0 = 1.5.  14.4 in all, 14.413285 exact: rounding -0.013285.
DROP TABLE main.maas_user_settlement;
ATTACH ':memory:' AS "rules 'n' ""more""";
CREATE TABLE "rules 'n' ""more""".maas_user_settlement(provider, currency, period, decimals, source);
INSERT INTO "rules 'n' ""more""".maas_user_settlement VALUES ('*', 'CNY', 'hour', 1, NULL);
.parameter set @month 202603
.output /dev/null
.read sql/reports/bill.sql
.output
.mode list
.headers off
SELECT 'attached rule', currency, due, rounding, amount_due FROM maas_bill_totals;

-- '2026-03' unquoted is read by the shell as 2026 - 3 = 2023: an error
-- that says how to write it, and no bill.
.parameter set @month '2026-03'
.read sql/reports/bill.sql

-- bill_month.sql - a month of usage with two prepaid packs, for
-- sql/reports/bill.sql: the worked month of docs/bill.md, every figure of
-- which is checked by tests/shell/bill.sql.
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/bill_month.sql
--   sqlite> .parameter set @month 202603
--   sqlite> .read sql/reports/bill.sql
--
-- A new-api gateway's log (the columns its adapter reads; docs/usage/newapi.md)
-- in March 2026, Beijing time, at the built-in card's prices (CNY per 1,000
-- tokens: DeepSeek-V3 input 0.002, output 0.008; Qwen3-8B 0.0005, 0.005):
--   1  02-27 10:00  DeepSeek-V3  100,000 in  100,000 out  (February: uses the trial pack)
--   2  03-02 10:00  DeepSeek-V3  400,000     100,000
--   3  03-05 12:00  Qwen3-8B     200,000     100,000
--   4  03-16 09:00  DeepSeek-V3  1,000,000   500,000      (the trial pack has expired)
--   5  03-20 15:00  DeepSeek-V3  1,500,000   250,000      (the voucher runs out inside it)
--   6  03-25 10:00  Qwen3-8B     409,800     200,077
--   7  03-25 11:30  Qwen3-8B     6,000       1,000
--   8  03-26 09:00  gpt-9-preview 5,000      500          (no card knows it: not billed)
--   9  04-01 00:30  DeepSeek-V3  1,000       1,000        (April in Beijing, March in UTC)
-- The packs:
--   trial    1,200,000 tokens of any model, 2026-02-15 to 2026-03-16 (Beijing)
--   voucher  10 CNY for DeepSeek-V3, 2026-03-01 to 2026-06-01
-- and iFlytek's settlement stated as a rule: each line rounded to 0.01 CNY
-- for the month.
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
INSERT INTO logs(id, user_id, created_at, type, username, token_name, model_name, prompt_tokens, completion_tokens,
                 channel_id, other)
VALUES
  (1, 1, 1772157600, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 100000, 100000, 1, '{"cache_tokens":0}'),
  (2, 1, 1772416800, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 400000, 100000, 1, '{"cache_tokens":0}'),
  (3, 2, 1772683200, 2, 'bob', 'bob-ci', 'Qwen3-8B', 200000, 100000, 1, '{"cache_tokens":0}'),
  (4, 1, 1773622800, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 1000000, 500000, 1, '{"cache_tokens":0}'),
  (5, 1, 1773990000, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 1500000, 250000, 1, '{"cache_tokens":0}'),
  (6, 2, 1774404000, 2, 'bob', 'bob-ci', 'Qwen3-8B', 409800, 200077, 1, '{"cache_tokens":0}'),
  (7, 2, 1774409400, 2, 'bob', 'bob-ci', 'Qwen3-8B', 6000, 1000, 1, '{"cache_tokens":0}'),
  (8, 2, 1774486800, 2, 'bob', 'bob-ci', 'gpt-9-preview', 5000, 500, 1, '{"cache_tokens":0}'),
  (9, 1, 1774974600, 2, 'alice', 'alice-laptop', 'DeepSeek-V3', 1000, 1000, 1, '{"cache_tokens":0}');

.read sql/user_tables.sql
INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, valid_from, valid_until, priority,
                            source)
VALUES ('trial', 'iflytek-xingchen', '*', '*', '1200000', 'tokens', NULL, '2026-02-15 00:00:00+08:00',
        '2026-03-16 00:00:00+08:00', NULL, 'free quota on sign-up'),
       ('voucher', 'iflytek-xingchen', 'DeepSeek-V3', '*', '10', 'money', 'CNY', '2026-03-01 00:00:00+08:00',
        '2026-06-01 00:00:00+08:00', NULL, 'voucher of 2026-03-01');
INSERT INTO maas_user_settlement(provider, currency, period, decimals, source)
VALUES ('iflytek-xingchen', 'CNY', 'month', 2, 'the invoice rounds each line to the fen');

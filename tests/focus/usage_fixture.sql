-- usage_fixture.sql - a hand-made temp.maas_usage_source for the maas_focus tests
-- (tests/shell/usage_focus.sql, tests/focus/run_check_focus.sh), priced by
-- sql/usage/priced.sql (set @currency before reading this file to convert).
--
--   .read tests/focus/usage_fixture.sql
--
-- Prices: the built-in card (CNY per 1,000 tokens: DeepSeek-V3 0.002 in / 0.008 out,
-- DeepSeek-R1 0.004 / 0.016, no cached-input price), a user's newer DeepSeek-V3
-- output price (0.016 from 2026-01-01), and a user card 'acme' in USD per million
-- tokens with cached-input, cache-write and per-request prices.  USD -> CNY 7.1.
.read sql/user_tables.sql
DELETE FROM maas_user_rates;
DELETE FROM maas_user_fx;
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source) VALUES
  ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'output', '0.016', 'k_tokens', 'CNY', '2026-01-01', 'test'),
  ('acme', 'M1', 'inference', 'input', '2', 'm_tokens', 'USD', '2026-01-01', 'test'),
  ('acme', 'M1', 'inference', 'cached_input', '0.5', 'm_tokens', 'USD', '2026-01-01', 'test'),
  ('acme', 'M1', 'inference', 'cache_write', '2.5', 'm_tokens', 'USD', '2026-01-01', 'test'),
  ('acme', 'M1', 'inference', 'output', '8', 'm_tokens', 'USD', '2026-01-01', 'test'),
  ('acme', 'M1', 'inference', 'request', '0.01', 'request', 'USD', '2026-01-01', 'test');
INSERT INTO maas_user_fx(currency, to_currency, rate, effective_from, source)
VALUES ('USD', 'CNY', '7.1', '2024-01-01', 'test');
DROP VIEW IF EXISTS temp.maas_usage_source;
DROP TABLE IF EXISTS temp.focus_fixture;
CREATE TEMP TABLE focus_fixture(source, source_id, at, model, served_model, input_tokens, cached_input_tokens,
  cache_write_tokens, output_tokens, requests, user_name, key_name, project_name, recorded_cost,
  recorded_currency, usage_json);
INSERT INTO focus_fixture VALUES
  -- 1.2 x 0.002 + 3.4 x 0.008 = 0.0296 CNY
  ('test', 1, '2025-09-01 10:20:30', 'ds-v3', 'xdeepseekv3', 1200, 0, 0, 3400, 1, 'alice', 'k1', 'p1', NULL, NULL, NULL),
  -- 23:30 UTC on July 31 is on Beijing's August bill; the 800 cached tokens have no
  -- price of their own: all 1,000 at the input price.  1 x 0.004 + 2 x 0.016 = 0.036 CNY
  ('test', 2, '2025-07-31 23:30:00.250', 'DeepSeek-R1', 'DeepSeek-R1', 1000, 800, 0, 2000, 1, 'bob', 'k2', NULL, '0.04', 'CNY', NULL),
  -- 100 x 2 + 800 x 0.5 + 100 x 2.5 + 500 x 8 (per million) + 3 x 0.01 = 0.03485 USD
  ('test', 3, '2026-02-01 23:30:00', 'M1', 'acme/M1', 1000, 800, 100, 500, 3, 'alice', 'k1', 'p2', NULL, NULL, NULL),
  -- the user's newer output price: 1 x 0.016 = 0.016 CNY; 0 input tokens
  ('test', 4, '2026-01-15 00:00:00', 'DeepSeek-V3', 'DeepSeek-V3', 0, 0, 0, 1000, 1, NULL, NULL, NULL, NULL, NULL, NULL),
  -- a request and no tokens: 0.01 USD
  ('test', 5, '2026-03-01 00:00:00', 'M1', 'acme/M1', 0, 0, 0, 0, 1, 'carol', NULL, NULL, NULL, NULL, NULL),
  -- left out: unknown_model, before_first_price, no_token_counts
  ('test', 6, '2026-01-02 00:00:00', 'gpt-x', 'gpt-x', 10, 0, 0, 10, 1, NULL, NULL, NULL, NULL, NULL, NULL),
  ('test', 7, '2025-01-01 00:00:00', 'DeepSeek-V3', 'DeepSeek-V3', 10, 0, 0, 10, 1, NULL, NULL, NULL, NULL, NULL, NULL),
  ('test', 8, '2026-01-02 00:00:00', 'Qwen3-8B', 'Qwen3-8B', 10, 0, 0, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TEMP VIEW maas_usage_source AS SELECT * FROM temp.focus_fixture;
.read sql/usage/priced.sql

-- example.sql - sqlite-maas in the sqlite3 shell.
--
--   sqlite3 -cmd '.load ./build/maas' :memory: '.read examples/clients/sqlite3/example.sql'
--   sqlite3 -cmd '.load /usr/lib/sqlite3/maas' :memory: < examples/clients/sqlite3/example.sql  # the .deb
--
-- `.load FILE` needs no entry point: SQLite derives sqlite3_maas_init from
-- the file name maas.so (and adds .so itself when FILE has no suffix).
SELECT maas_version();
SELECT maas_cost('DeepSeek-R1', 1000000, 1000000);          -- 1M input + 1M output tokens, CNY
SELECT count(*) FROM maas_rates;                             -- built-in price lines
SELECT maas_model('xdeepseekv3'), maas_price('Qwen3-8B', 'input');
.mode list
.headers on
CREATE TEMP TABLE usage(at TEXT, model TEXT, input_tokens INTEGER, output_tokens INTEGER);
INSERT INTO usage VALUES
  ('2025-09-01 10:00:00', 'DeepSeek-R1', 1200, 3400),
  ('2025-09-01 10:05:00', 'qwen3-8b', 230, 300),
  ('2025-09-02 08:00:00', 'xdeepseekv3', 5000, 800),
  ('2025-09-02 09:00:00', 'gpt-4o-mini', 100, 100);
SELECT coalesce(maas_model(model), model) AS model,
       maas_cost(model, input_tokens, output_tokens, at) AS cost_cny
  FROM usage ORDER BY 1;

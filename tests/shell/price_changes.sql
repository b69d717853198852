-- price_changes.sql - sql/reports/price_changes.sql over the user's price
-- lines (sql/user_tables.sql), each change checked by hand against the
-- published list (shared/seed/000_1cd2ef185819af08.txt, data/pages/):
--   DeepSeek-V3  输出：0.008元/千tokens on the page; the user raises it to
--                0.016 from 2026-01-01 (UTC): changed, 0.008 -> 0.016, +100%
--   My-Model     not on the page; input 0.001 and output 0.003 from
--                2026-01-01: added (and removed when looking back)
--   Qwen3-8B     输入：0.0005元/千tokens on the page; the user replaces it by
--                0.0004 at the page's own time (2025-7-8 13:25 Beijing time):
--                a correction, in force at every instant, so never listed
-- The page has 131 prices; 130 are the same at both instants.
-- expect: error (section 6: @before and @after that are not times)
.read sql/user_tables.sql
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)
VALUES ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'output', '0.016', 'k_tokens', 'CNY',
        '2026-01-01', 'negotiated 2025-12'),
       ('iflytek-xingchen', 'My-Model', 'inference', 'input', '0.001', 'k_tokens', 'CNY',
        '2026-01-01', 'own deployment'),
       ('iflytek-xingchen', 'My-Model', 'inference', 'output', '0.003', 'k_tokens', 'CNY',
        '2026-01-01', 'own deployment'),
       ('iflytek-xingchen', 'Qwen3-8B', 'inference', 'input', '0.0004', 'k_tokens', 'CNY',
        '2025-07-08T13:25:00+08:00', 'correction');

-- What the report reads: the versions of these lines in maas_rates.  The
-- built-in DeepSeek-V3 output ends where the user's version starts; the
-- built-in Qwen3-8B input is gone, replaced.
.headers on
.mode list
.nullvalue NULL
SELECT model, item, price_text, effective_from, effective_to, source, origin
  FROM maas_rates
 WHERE model IN ('DeepSeek-V3', 'My-Model', 'Qwen3-8B') AND item IN ('input', 'output')
 ORDER BY model, item, effective_from;
.nullvalue ""

-- 1. The last day of 2025 against the first of 2026: the three changes.
.parameter set @before "'2025-12-31'"
.parameter set @after "'2026-01-01'"
.read sql/reports/price_changes.sql
-- The view behind it holds every line: 131 at 2025-12-31, 133 at 2026-01-01.
.mode list
SELECT change, count(*) AS lines FROM maas_price_changes GROUP BY change ORDER BY change;
SELECT model, item, change, price_text_before, price_text_after, source_before, source_after
  FROM maas_price_changes WHERE model = 'Qwen3-8B' AND item = 'input';

-- 2. The same instants written otherwise: the same report.
.parameter set @before "'2025-12-31 00:00:00'"
.parameter set @after "'2026-01-01T08:00:00+08:00'"
.read sql/reports/price_changes.sql

-- 3. One second before the change (07:59:59 Beijing time is 23:59:59 UTC):
--    nothing has changed yet.
.parameter set @after "'2026-01-01 07:59:59+08:00'"
.read sql/reports/price_changes.sql

-- 4. No parameters: from the first effective_from (the page's 2025-07-08
--    13:25 Beijing time) to the latest (2026-01-01): every change held.
.parameter clear
.read sql/reports/price_changes.sql

-- 5. Looking back, @before later than @after: the way back.
.parameter set @before "'2026-01-01'"
.parameter set @after "'2025-12-31'"
.read sql/reports/price_changes.sql

-- 6. Refused: the shell removes the quotes of '2025-12-31', so the value is
--    2025 - 12 - 31 = 1982, a number; 'next week' is not a time.  Nothing
--    but the error is printed.
.parameter set @before '2025-12-31'
.parameter set @after "'2026-01-01'"
.read sql/reports/price_changes.sql
.parameter set @before "'2025-12-31'"
.parameter set @after "'next week'"
.read sql/reports/price_changes.sql

-- 7. More kinds of change, from 2026-03-01 (checked against the page):
--    Spark Mini   独立部署：10元/小时 (unit hour); the user prices it at 10 per
--                 node-hour: changed, same price in another unit, no percent
--    Qwen3-4B     输入：0.0003元/千tokens; the user makes it 0: -100.0%
--    Qwen3-8B     输出：0.005元/千tokens; the user writes 0.0050, the same
--                 price: a new version, but nothing changed, not listed
--    With no parameters @after is now 2026-03-01, the latest effective_from.
INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)
VALUES ('iflytek-xingchen', 'Spark Mini', 'inference', 'deployment', '10', 'node_hour', 'CNY',
        '2026-03-01', 'per node'),
       ('iflytek-xingchen', 'Qwen3-4B', 'inference', 'input', '0', 'k_tokens', 'CNY',
        '2026-03-01', 'free input'),
       ('iflytek-xingchen', 'Qwen3-8B', 'inference', 'output', '0.0050', 'k_tokens', 'CNY',
        '2026-03-01', 'restated');
.parameter clear
.read sql/reports/price_changes.sql
.mode list
SELECT change, count(*) AS lines FROM maas_price_changes GROUP BY change ORDER BY change;

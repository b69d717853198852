-- bill.sql - a month's bill as an invoice shows it: the calls of this
-- database priced at the card, the user's prepaid packs (maas_user_packs)
-- applied in time order, and what is left to pay, per currency.  Any
-- database auto.sql recognises.
--
--   sqlite3 -cmd '.load ./build/maas' usage.db
--   sqlite> .parameter set @month 202603
--   sqlite> .read sql/reports/bill.sql
--
-- @month is YYYYMM, or the text 'YYYY-MM' (in the shell: .parameter set
-- @month "'2026-03'", since it reads '2026-03' as 2026 - 3); unset, the
-- month of the last call.  @tz the UTC
-- offset of the month as in every report (default '+08:00').  The bill is in
-- each card's own currency: @currency is not applied (a pack is spent in its
-- own currency), and currencies are never added together.
--
-- The packs are applied by maas_bill_json (docs/functions/maas_bill_json.md)
-- to every priced call up to the month's end, so calls before the month use
-- the packs up as they did.  Settlement rounding, when the user states it in
-- maas_user_settlement (sql/user_tables.sql): each line's amount due is
-- rounded half away from zero, per settlement period (hour, day or month at
-- @tz), to the decimals stated; the difference it makes is a line of its
-- own.  Without a rule every amount is exact.  A worked month: docs/bill.md.
--
-- Sections:
--   1. the invoice: one line per model, item, currency and unit price (a band
--      or a variant at another price is another line): quantity, list amount,
--      covered by packs, amount due; per currency the rounding and the total
--   2. what each pack covered of each line
--   3. the packs at the end of the month: size, used, the list value of what
--      they covered, expired, left
--   4. the calls of the month not billed, per reason (docs/usage/index.md)
-- It leaves the views maas_bill_lines, maas_bill_coverage, maas_bill_packs,
-- maas_bill_totals and maas_bill_not_billed (amounts as exact TEXT), besides
-- temp.maas_usage.
.read sql/usage/begin.sql
.bail on
.read sql/sources/auto.sql
.read sql/usage/priced.sql

DROP TABLE IF EXISTS temp.maas_bill_settings;
CREATE TEMP TABLE maas_bill_settings (
  month TEXT
    CONSTRAINT "@month is a month: .parameter set @month 202603 (or ""'2026-03'""); unset, the last call's"
      CHECK (month IS NULL OR (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12')),
  tz TEXT,
  from_at TEXT,
  until_at TEXT,
  by_hour INTEGER);
INSERT INTO maas_bill_settings(month, tz)
SELECT coalesce(CASE WHEN typeof(@month) = 'integer' AND @month BETWEEN 100001 AND 999912
                     THEN printf('%04d-%02d', @month / 100, @month % 100) ELSE @month END,
                (SELECT maas_month(max(at), s.tz) FROM temp.maas_usage_source)), s.tz
  FROM temp.maas_usage_settings AS s;

-- The settlement rules, from the first database that holds
-- maas_user_settlement (main, temp, then attached ones, as the user tables
-- the extension reads): copied here so that a database without the table
-- needs no other statement.
DROP TABLE IF EXISTS temp.maas_bill_rules;
CREATE TEMP TABLE maas_bill_rules (provider TEXT, currency TEXT, period TEXT, decimals INTEGER);
SELECT 1
  FROM (SELECT t.schema FROM pragma_table_list AS t JOIN pragma_database_list AS d ON d.name = t.schema
         WHERE t.name = 'maas_user_settlement' AND t.type = 'table' ORDER BY d.seq LIMIT 1) AS l
 WHERE maas_exec('INSERT INTO temp.maas_bill_rules SELECT provider, currency, period, decimals FROM '
                 || quote(l.schema) || '.maas_user_settlement') IS NULL;

-- The month's bounds as instants; lines are kept per local hour when a rule
-- settles by the hour or the day.
UPDATE temp.maas_bill_settings
   SET from_at = maas_instant(month || '-01T00:00:00' || tz),
       until_at = maas_instant(date(month || '-01', '+1 month') || 'T00:00:00' || tz),
       by_hour = EXISTS (SELECT 1 FROM temp.maas_bill_rules WHERE period IN ('hour', 'day'));
.bail off

-- One read of the usage (so the sections agree on a live database): every
-- priced call up to the month's end, in time order, through the packs; the
-- reasons of the month's calls that are not billed (and of those with no
-- time, which no month holds).
DROP TABLE IF EXISTS temp.maas_bill_run;
CREATE TEMP TABLE maas_bill_run AS
SELECT maas_bill_json(s.from_at, s.until_at, u.at, CASE WHEN u.price_cost IS NOT NULL THEN u.priced_name END,
                      u.input_tokens, u.cached_input_tokens, u.cache_write_tokens, u.output_tokens,
                      CASE WHEN s.by_hour THEN strftime('%Y-%m-%d %H', u.at, s.tz) END) AS bill,
       json_group_array(coalesce(u.reason, 'unpriced'))
         FILTER (WHERE u.price_cost IS NULL AND (u.at >= s.from_at OR u.at IS NULL)) AS not_billed
  FROM (SELECT at, priced_name, price_cost, reason, input_tokens, cached_input_tokens, cache_write_tokens,
               output_tokens
          FROM temp.maas_usage
         WHERE at < (SELECT until_at FROM temp.maas_bill_settings) OR at IS NULL
         ORDER BY at) AS u,
       temp.maas_bill_settings AS s;

-- The lines as maas_bill_json made them (per settlement hour when kept so),
-- each with the rule that settles it: the provider's own, else '*'.
DROP VIEW IF EXISTS temp.maas_bill_line_periods;
CREATE TEMP VIEW maas_bill_line_periods AS
WITH raw AS (
  SELECT json_extract(l.value, '$.model') AS model, json_extract(l.value, '$.item') AS item,
         json_extract(l.value, '$.currency') AS currency, json_extract(l.value, '$.unit_price') AS unit_price,
         json_extract(l.value, '$.period') AS hour, json_extract(l.value, '$.quantity') AS quantity,
         json_extract(l.value, '$.list') AS list, json_extract(l.value, '$.due') AS due,
         json_extract(l.value, '$.covered') AS covered
    FROM temp.maas_bill_run AS r, json_each(r.bill, '$.lines') AS l),
ruled AS (
  SELECT raw.*,
         (SELECT rowid FROM temp.maas_bill_rules AS b
           WHERE b.currency = raw.currency AND b.provider IN (substr(raw.model, 1, instr(raw.model, '/') - 1), '*')
           ORDER BY b.provider = '*' LIMIT 1) AS rule
    FROM raw)
SELECT ruled.*, b.period AS settle_period, b.decimals AS settle_decimals,
       CASE b.period WHEN 'hour' THEN hour WHEN 'day' THEN substr(hour, 1, 10) ELSE '' END AS settled_in
  FROM ruled LEFT JOIN temp.maas_bill_rules AS b ON b.rowid = ruled.rule;

-- What each pack covered of each line.
DROP VIEW IF EXISTS temp.maas_bill_coverage;
CREATE TEMP VIEW maas_bill_coverage AS
SELECT json_extract(c.value, '$.pack') AS pack, p.model, p.item, p.currency, p.unit_price,
       sum(json_extract(c.value, '$.tokens')) AS tokens, maas_total_text(json_extract(c.value, '$.amount')) AS amount
  FROM temp.maas_bill_line_periods AS p, json_each(p.covered) AS c
 GROUP BY 1, 2, 3, 4, 5;

-- The invoice's lines: due exact, and settled (rounded per period by the
-- line's rule; exact without one).
DROP VIEW IF EXISTS temp.maas_bill_lines;
CREATE TEMP VIEW maas_bill_lines AS
WITH settled AS (
  SELECT model, item, currency, unit_price, settle_period, settle_decimals, sum(quantity) AS quantity,
         maas_total_text(list) AS list, maas_total_text(due) AS due,
         CASE WHEN settle_decimals IS NOT NULL
              THEN maas_round_text(maas_total_text(due), settle_decimals) ELSE maas_total_text(due) END AS settled
    FROM temp.maas_bill_line_periods
   GROUP BY model, item, currency, unit_price, settled_in)
SELECT model, item, currency, unit_price, settle_period, settle_decimals, sum(quantity) AS quantity,
       maas_total_text(list) AS list,
       coalesce((SELECT maas_total_text(c.amount) FROM temp.maas_bill_coverage AS c
                  WHERE c.model = s.model AND c.item = s.item AND c.currency = s.currency
                    AND c.unit_price = s.unit_price), '0') AS covered,
       maas_total_text(due) AS due, maas_total_text(settled) AS settled
  FROM settled AS s
 GROUP BY model, item, currency, unit_price;

-- Per currency: the lines' sums, the rounding (settled - exact) and the
-- amount due.
DROP VIEW IF EXISTS temp.maas_bill_totals;
CREATE TEMP VIEW maas_bill_totals AS
SELECT currency, sum(quantity) AS quantity, maas_total_text(list) AS list, maas_total_text(covered) AS covered,
       maas_total_text(due) AS due,
       (SELECT maas_total_text(v) FROM (SELECT maas_total_text(l.settled) AS v FROM temp.maas_bill_lines AS l
                                         WHERE l.currency = t.currency
                                        UNION ALL
                                        SELECT '-' || maas_total_text(l.due) FROM temp.maas_bill_lines AS l
                                         WHERE l.currency = t.currency)) AS rounding,
       maas_total_text(settled) AS amount_due
  FROM temp.maas_bill_lines AS t
 GROUP BY currency;

DROP VIEW IF EXISTS temp.maas_bill_packs;
CREATE TEMP VIEW maas_bill_packs AS
SELECT json_extract(p.value, '$.pack') AS pack, json_extract(p.value, '$.unit') AS unit,
       json_extract(p.value, '$.currency') AS currency, json_extract(p.value, '$.size') AS size,
       json_extract(p.value, '$.used') AS used, json_extract(p.value, '$.covered') AS covered,
       json_extract(p.value, '$.expired') AS expired, json_extract(p.value, '$.left') AS left, p.key AS applied
  FROM temp.maas_bill_run AS r, json_each(r.bill, '$.packs') AS p;

DROP VIEW IF EXISTS temp.maas_bill_not_billed;
CREATE TEMP VIEW maas_bill_not_billed AS
SELECT n.value AS reason, count(*) AS calls
  FROM temp.maas_bill_run AS r, json_each(r.not_billed) AS n
 GROUP BY n.value;

.headers on
.mode box
.width
SELECT s.month, s.tz, s.from_at AS from_utc, s.until_at AS until_utc,
       coalesce(json_extract(r.bill, '$.calls'), 0) AS calls_billed,
       coalesce((SELECT sum(calls) FROM temp.maas_bill_not_billed), 0) AS not_billed,
       (SELECT count(*) FROM temp.maas_bill_packs) AS packs
  FROM temp.maas_bill_settings AS s, temp.maas_bill_run AS r;
.print '1. The invoice: per model, item and unit price (per token or request), in each currency'
.width 0 0 0 -12 -11 -14 -14 -14 -14
WITH invoice AS (
  SELECT 0 AS k, currency, model, item, unit_price, quantity, list, covered, due, settled
    FROM temp.maas_bill_lines
  UNION ALL
  SELECT 1, currency, '(rounding)', NULL, NULL, NULL, NULL, NULL, NULL, rounding
    FROM temp.maas_bill_totals WHERE rounding <> '0'
  UNION ALL
  SELECT 2, currency, 'total', NULL, NULL, quantity, list, covered, due, amount_due
    FROM temp.maas_bill_totals)
SELECT model, item, currency, unit_price, quantity, list, covered, due AS due_exact, settled AS amount_due
  FROM invoice
 ORDER BY currency, k, model COLLATE NOCASE, item, unit_price + 0;
.print
.print '2. Covered by each pack'
.width 0 0 0 0 -12 -14
SELECT pack, model, item, currency, tokens, amount
  FROM temp.maas_bill_coverage
UNION ALL
SELECT '(none)', NULL, NULL, NULL, 0, '0' WHERE NOT EXISTS (SELECT 1 FROM temp.maas_bill_coverage)
 ORDER BY 1, 2, 3;
.print
.print '3. The packs at the end of the month (tokens, or an amount of money; covered: the list value taken)'
.width 0 0 0 -14 -14 -14 -14 -14
SELECT pack, unit, currency, size, used, covered, expired, left
  FROM temp.maas_bill_packs
UNION ALL
SELECT '(none)', NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM temp.maas_bill_packs)
 ORDER BY 1;
.print
.print '4. Calls of the month not billed, and why'
.width 0 -8
SELECT reason, calls FROM temp.maas_bill_not_billed
UNION ALL
SELECT '(none)', 0 WHERE NOT EXISTS (SELECT 1 FROM temp.maas_bill_not_billed)
 ORDER BY calls DESC, reason;
.width

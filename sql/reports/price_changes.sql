-- price_changes.sql - what changed in the price list between two instants:
-- prices added, removed or changed, with the old and new price.
--
--   sqlite3 -cmd '.load ./build/maas' usage.db
--   sqlite> .parameter set @before "'2025-12-31'"
--   sqlite> .parameter set @after "'2026-01-01 08:00:00+08:00'"
--   sqlite> .read sql/reports/price_changes.sql
--
-- maas_rates holds every version of a price: the built-in card, and the
-- lines the user adds to maas_user_rates (sql/user_tables.sql) with a later
-- effective_from, such as a negotiated price from next month.  Before
-- relying on a cost computed across such a date, or when the card or the
-- user's lines were edited, this shows what is different, line by line.
--
-- For each provider, model and item, the price in force at @before is
-- compared with the price in force at @after.  The price in force at t is
-- the version with effective_from <= t < effective_to (no effective_to: still
-- in force).  A line is listed as
--   added     no price at @before, one at @after
--   removed   a price at @before, none at @after
--   changed   another price, unit or currency at @after; percent is the
--             change of the price (empty when the unit or currency changed,
--             or the old price was 0)
-- and lines that are the same at both instants are left out.  One line says
-- "(none)" when nothing changed.  Replacing a built-in line by a user line
-- with the same effective_from rewrites history rather than making a new
-- version, so such a correction is never listed: it is in force at both.
--
-- @before and @after are TEXT in any form SQLite's date functions accept:
-- '2026-01-01', '2026-01-01 00:00:00', '2026-01-01T08:00:00+08:00' (no offset
-- means UTC), 'now'.  In the shell the value needs its SQL quotes inside the
-- shell's quotes, "'2025-12-31'": a bare 2025-12-31 (or '2025-12-31', whose
-- quotes the shell removes) is the arithmetic 2025 - 12 - 31 = 1982, so a
-- number is refused rather than read as a time.  Unset (.parameter clear),
--   @before  is the earliest effective_from in maas_rates: the card as
--            first published
--   @after   is the latest effective_from or effective_to in maas_rates:
--            the newest prices, including any scheduled for a future date
-- so the report with no parameters lists every change the list holds.
-- @before may be later than @after: the report then shows the way back.
-- A parameter that is not a time stops the report with an error naming it.
--
-- It leaves TEMP objects for further queries (and for the tests): the table
-- maas_price_changes_at with the two instants as understood (julian days),
-- and the view maas_price_changes with every line, unchanged ones too
-- (change = 'unchanged'), and the price, unit, currency and source at each
-- instant.  The shell is left in `.mode box` with headers.
DROP VIEW IF EXISTS temp.maas_price_changes;
DROP TABLE IF EXISTS temp.maas_price_changes_at;
CREATE TEMP TABLE maas_price_changes_at (
  before_jd REAL
    CONSTRAINT "@before is a number, not a time: set it as TEXT, e.g. .parameter set @before ""'2025-12-31'"""
      CHECK (before_jd IS NOT -1)
    CONSTRAINT "@before is not a time such as '2025-12-31' or '2026-01-01 08:00:00+08:00'"
      CHECK (before_jd IS NOT NULL),
  after_jd REAL
    CONSTRAINT "@after is a number, not a time: set it as TEXT, e.g. .parameter set @after ""'2026-01-01'"""
      CHECK (after_jd IS NOT -1)
    CONSTRAINT "@after is not a time such as '2026-01-01' or '2026-01-01 08:00:00+08:00'"
      CHECK (after_jd IS NOT NULL));
-- -1 marks a number (no julian day of a card is negative), NULL a text that
-- is not a time.
INSERT INTO maas_price_changes_at(before_jd, after_jd)
SELECT CASE WHEN @before IS NULL THEN (SELECT min(julianday(effective_from)) FROM maas_rates)
            WHEN typeof(@before) <> 'text' THEN -1
            ELSE julianday(@before) END,
       CASE WHEN @after IS NULL THEN (SELECT max(max(julianday(effective_from)),
                                                 coalesce(max(julianday(effective_to)), 0))
                                        FROM maas_rates)
            WHEN typeof(@after) <> 'text' THEN -1
            ELSE julianday(@after) END;

CREATE TEMP VIEW maas_price_changes AS
WITH rates AS (
  SELECT provider, model, item, price, price_text, unit, currency, source,
         julianday(effective_from) AS from_jd,
         julianday(effective_to) AS to_jd
    FROM maas_rates),
was AS (
  SELECT rates.* FROM rates, temp.maas_price_changes_at AS at
   WHERE from_jd <= at.before_jd AND (to_jd IS NULL OR at.before_jd < to_jd)),
now AS (
  SELECT rates.* FROM rates, temp.maas_price_changes_at AS at
   WHERE from_jd <= at.after_jd AND (to_jd IS NULL OR at.after_jd < to_jd)),
lines AS (
  SELECT provider, model, item FROM was
  UNION
  SELECT provider, model, item FROM now)
SELECT l.provider,
       l.model,
       l.item,
       CASE WHEN was.price IS NULL THEN 'added'
            WHEN now.price IS NULL THEN 'removed'
            WHEN was.price = now.price AND was.unit = now.unit AND was.currency = now.currency
              THEN 'unchanged'
            ELSE 'changed' END AS change,
       was.price AS price_before,
       now.price AS price_after,
       was.price_text AS price_text_before,
       now.price_text AS price_text_after,
       was.unit AS unit_before,
       now.unit AS unit_after,
       was.currency AS currency_before,
       now.currency AS currency_after,
       was.source AS source_before,
       now.source AS source_after
  FROM lines AS l
  LEFT JOIN was ON was.provider = l.provider AND was.model = l.model AND was.item = l.item
  LEFT JOIN now ON now.provider = l.provider AND now.model = l.model AND now.item = l.item;

.headers on
.mode box
SELECT datetime(before_jd) AS before_utc, datetime(after_jd) AS after_utc
  FROM temp.maas_price_changes_at;
WITH shown AS (
  SELECT provider,
         model,
         item,
         CASE WHEN currency_before IS currency_after AND unit_before IS unit_after
                OR price_after IS NULL THEN currency_before || '/' || unit_before
              WHEN price_before IS NULL THEN currency_after || '/' || unit_after
              ELSE currency_before || '/' || unit_before || ' → ' || currency_after || '/' || unit_after
         END AS unit,
         price_text_before AS before,
         price_text_after AS after,
         change,
         CASE WHEN change = 'changed' AND unit_before = unit_after AND currency_before = currency_after
                   AND price_before > 0
              THEN printf('%+.1f%%', (price_after / price_before - 1) * 100) END AS percent,
         CASE item WHEN 'input' THEN 1 WHEN 'output' THEN 2 WHEN 'deployment' THEN 3
                   WHEN 'lora' THEN 4 WHEN 'full' THEN 5 WHEN 'lora_merge' THEN 6 ELSE 7 END AS item_order
    FROM temp.maas_price_changes
   WHERE change <> 'unchanged')
SELECT provider, model, item, unit, before, after, change, percent
  FROM (SELECT 0 AS is_none, * FROM shown
        UNION ALL
        SELECT 1, '(none)', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
         WHERE NOT EXISTS (SELECT 1 FROM shown)
           AND EXISTS (SELECT 1 FROM temp.maas_price_changes_at))
 ORDER BY is_none, provider, model COLLATE NOCASE, model, item_order, item;

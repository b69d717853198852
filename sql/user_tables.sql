-- user_tables.sql - the user's own prices, aliases, exchange rates, calendar
-- and prepaid packs, kept in the database.
--
--   sqlite3 usage.db '.read sql/user_tables.sql'
--   INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, source)
--     VALUES ('iflytek-xingchen', 'DeepSeek-V3', 'inference', 'output', '0.016', 'k_tokens', 'CNY',
--             '2026-01-01 00:00:00', 'negotiated 2025-12');
--   INSERT INTO maas_user_aliases(alias, model) VALUES ('my-ds-v3', 'DeepSeek-V3');
--
-- Ordinary tables, so they live with the database, are edited with plain
-- SQL and work in every connection that loads the extension.  Any
-- connection with the extension loaded overlays them on the built-in card:
-- a user line replaces the built-in line with the same provider, model, item
-- and effective_from; every other user line adds (a new model, a new
-- provider, another currency, a new price version).  maas_rates and
-- maas_aliases show the merged result, with origin = 'user' for these rows.
--
-- Where they are read from: the first database of the connection, in
-- SQLite's order (main, temp, then attached databases in the order they were
-- attached), that holds any of these tables.  So a read-only usage database
-- is priced with prices and aliases kept in a database of your own:
--   sqlite3 'file:usage.db?mode=ro' -cmd '.load ./build/maas' \
--     "ATTACH 'my-prices.db' AS prices" "SELECT ..."
-- (create them there with: sqlite3 my-prices.db '.read sql/user_tables.sql'),
-- or TEMP tables of the same names (read at every statement: TEMP has no
-- counter).  Tables in two databases at once are an error naming both, never
-- one silently ignored; a view of the same name is not a user table.  Kept
-- in an attached database, the change check costs one small read per
-- statement.
--
-- maas_user_rates, one row per price line (the columns of a card file):
--   provider        who sells it; 'iflytek-xingchen' for the built-in card
--   model           the model's name as the provider publishes it
--   service         'inference' or 'training'
--   item            'input', 'output', 'cached_input', 'cache_write',
--                   'request', 'deployment' (inference); 'lora', 'full',
--                   'lora_merge' (training).  cached_input and cache_write
--                   price the input tokens read from / written to the
--                   prompt cache (maas_cost_cached); without them those
--                   tokens cost the input price.  request is a price per
--                   call, added once per call to the token cost
--   label           free text shown in maas_rates (may be NULL)
--   price           the price as a decimal text, e.g. '0.016'; a number is
--                   stored as its text by the TEXT affinity
--   unit            what the price is per, as published: 'k_tokens' (per 1,000
--                   tokens) or 'm_tokens' (per 1,000,000) for the token items
--                   (input, output, cached_input, cache_write, lora, full,
--                   lora_merge); 'request' for request; 'node_hour' or 'hour'
--                   for deployment.  Any other pairing is a bad row
--   currency        3-letter code: 'CNY', 'USD', ...
--   effective_from  when the price takes effect: any form SQLite's date
--                   functions accept ('2026-01-01', '2026-01-01 08:00:00+08:00';
--                   no offset means UTC) or unix seconds (1767225600)
--   source          where the price comes from (free text, may be NULL)
--   condition       when the line applies (NULL or '': always), clauses
--                   joined by ' and ': 'input > 32k and input <= 128k',
--                   'time in 00:30-08:30 @+08:00', 'weekday in sat,sun @+08:00',
--                   'day is holiday @+08:00', 'variant = batch'.  Of the lines
--                   of one model and item in force, those whose condition
--                   holds compete and the one with the most clauses wins;
--                   it prices every token of that item in the call
--                   (docs/user-prices.md#conditions)
--   billed_per      'started_hour': a deployment line that bills each
--                   started hour whole (0.25 h costs 1 h); NULL otherwise
-- A table made before condition and billed_per existed still works (they
-- read as empty); add them with
--   ALTER TABLE maas_user_rates ADD COLUMN condition TEXT;
--   ALTER TABLE maas_user_rates ADD COLUMN billed_per TEXT;
--
-- maas_user_aliases, one row per extra name of a model:
--   alias           the name as it appears in usage (matched ignoring letter case)
--   model           the model it means: a published name or 'provider/model'
--   source          where the alias comes from (free text, may be NULL)
--
-- maas_user_fx, one row per exchange rate, versioned in time like prices:
--   currency        the currency an amount is in, 3 letters: 'USD'
--   to_currency     the currency it converts to: 'CNY'
--   rate            one unit of currency in to_currency, as decimal text:
--                   '7.1' means 1 USD = 7.1 CNY.  Rates are directional: the
--                   reverse conversion needs its own row (1/7.1 has no exact
--                   decimal, so none is made up)
--   effective_from  when the rate takes effect (the same forms as above); it
--                   is in force until the next row of the same pair
--   source          where the rate comes from (free text, may be NULL)
--
-- maas_user_calendar, one row per day marked for `day is holiday` and
-- `day is workday` conditions (public holidays, make-up working days;
-- docs/tables/maas_user_calendar.md):
--   date            the local date, 'YYYY-MM-DD'
--   kind            'holiday', or 'workday' (a weekend day worked in exchange
--                   for a holiday).  Any other day is a workday from Monday
--                   to Friday, and not one on Saturday and Sunday
--   source          where the mark comes from (free text, may be NULL)
-- maas_user_packs, one row per prepaid pack: a free quota, a resource pack,
-- a voucher, a Token Plan's monthly allowance (docs/bill.md,
-- docs/tables/maas_user_packs.md):
--   pack            an id of your choosing, unique: 'free-2026-03'
--   provider        whose models it covers: 'iflytek-xingchen'
--   models          '*' (every model of the provider) or a comma-separated
--                   list of names the model lookup accepts (aliases too):
--                   'DeepSeek-V3, deepseek-r1'
--   items           '*' (every inference item) or a comma-separated list:
--                   'input,output' (cached_input, cache_write, request too)
--   size            decimal text: whole tokens for 'tokens', an amount for
--                   'money': '1000000', '50.00'
--   unit            'tokens' (takes a call's tokens one for one, whatever
--                   their item, input before output) or 'money' (takes the
--                   call's list cost in its currency)
--   currency        3-letter code of a 'money' pack: 'CNY' (NULL for tokens)
--   valid_from      when it starts (inside), in the forms effective_from takes
--   valid_until     when it ends (outside); what is left then is expired
--   priority        a whole number (at most 9 digits), smaller first; NULL:
--                   after those with one, earliest valid_until first
--   source          where it comes from (free text, may be NULL)
--
-- maas_user_settlement, how a provider settles a bill (optional; read by
-- sql/reports/bill.sql only, when the report runs;
-- docs/tables/maas_user_settlement.md):
--   provider        whose lines it rounds: 'iflytek-xingchen', or '*' for
--                   every provider without a row of its own
--   currency        the currency of the lines it rounds: 'CNY'
--   period          'hour', 'day' or 'month' (local time at the report's
--                   @tz): each line's amount due is rounded per period
--   decimals        0 to 10: rounded half away from zero to so many places
--   source          where the rule comes from (free text, may be NULL)
--
-- maas_convert(amount, currency, to_currency, at) uses the rate in force at
-- `at`; with no rate in force it is NULL (never a guess), and the reports'
-- @currency total lists such rows as unconverted.
--
-- maas_user_changes holds one counter that the triggers below raise on every
-- change to the five tables.  The extension reads this counter, not the
-- tables, to notice a change: so a change is seen by the next statement and
-- nothing is re-read on every row.  Keep the triggers.
--
-- A bad row (unknown item or unit, a price that is not a decimal, two lines
-- for the same provider, model, item and effective_from, an alias of an
-- unknown model, a pack of negative size or ending before it starts) makes every pricing function fail with an error naming the
-- table, the rowid and the column, until it is fixed: never silently skipped.
CREATE TABLE IF NOT EXISTS maas_user_rates (
  provider       TEXT NOT NULL,
  model          TEXT NOT NULL,
  service        TEXT NOT NULL,
  item           TEXT NOT NULL,
  label          TEXT,
  price          TEXT NOT NULL,
  unit           TEXT NOT NULL,
  currency       TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  source         TEXT,
  condition      TEXT,
  billed_per     TEXT
);
CREATE TABLE IF NOT EXISTS maas_user_aliases (
  alias  TEXT NOT NULL,
  model  TEXT NOT NULL,
  source TEXT
);
CREATE TABLE IF NOT EXISTS maas_user_fx (
  currency       TEXT NOT NULL,
  to_currency    TEXT NOT NULL,
  rate           TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  source         TEXT
);
CREATE TABLE IF NOT EXISTS maas_user_calendar (
  date   TEXT NOT NULL,
  kind   TEXT NOT NULL,
  source TEXT
);
CREATE TABLE IF NOT EXISTS maas_user_packs (
  pack        TEXT NOT NULL,
  provider    TEXT NOT NULL,
  models      TEXT NOT NULL,
  items       TEXT NOT NULL,
  size        TEXT NOT NULL,
  unit        TEXT NOT NULL,
  currency    TEXT,
  valid_from  TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  priority    INTEGER,
  source      TEXT
);
CREATE TABLE IF NOT EXISTS maas_user_settlement (
  provider TEXT NOT NULL,
  currency TEXT NOT NULL
    CONSTRAINT "maas_user_settlement.currency is a 3-letter code such as 'CNY'"
      CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
  period   TEXT NOT NULL
    CONSTRAINT "maas_user_settlement.period is 'hour', 'day' or 'month'"
      CHECK (period IN ('hour', 'day', 'month')),
  decimals INTEGER NOT NULL
    CONSTRAINT "maas_user_settlement.decimals is a whole number from 0 to 10"
      CHECK (typeof(decimals) = 'integer' AND decimals BETWEEN 0 AND 10),
  source   TEXT,
  UNIQUE (provider, currency)
);
CREATE TABLE IF NOT EXISTS maas_user_changes (version INTEGER NOT NULL);
INSERT INTO maas_user_changes(version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM maas_user_changes);

CREATE TRIGGER IF NOT EXISTS maas_user_rates_insert AFTER INSERT ON maas_user_rates
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_rates_update AFTER UPDATE ON maas_user_rates
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_rates_delete AFTER DELETE ON maas_user_rates
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_aliases_insert AFTER INSERT ON maas_user_aliases
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_aliases_update AFTER UPDATE ON maas_user_aliases
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_aliases_delete AFTER DELETE ON maas_user_aliases
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_fx_insert AFTER INSERT ON maas_user_fx
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_fx_update AFTER UPDATE ON maas_user_fx
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_fx_delete AFTER DELETE ON maas_user_fx
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_calendar_insert AFTER INSERT ON maas_user_calendar
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_calendar_update AFTER UPDATE ON maas_user_calendar
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_calendar_delete AFTER DELETE ON maas_user_calendar
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_packs_insert AFTER INSERT ON maas_user_packs
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_packs_update AFTER UPDATE ON maas_user_packs
BEGIN UPDATE maas_user_changes SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS maas_user_packs_delete AFTER DELETE ON maas_user_packs
BEGIN UPDATE maas_user_changes SET version = version + 1; END;

-- begin.sql - the first step of every report: wait a bounded time for a
-- database another process holds locked, then forget the previous report's
-- source, so that a report whose adapter stops (a database of another tool)
-- never shows the rows of the one before.
--
--   .read sql/usage/begin.sql      (sql/reports/<tool>.sql does this)
--
-- A writer holding the database (a rollback-journal database in a write, or
-- BEGIN EXCLUSIVE; a WAL database only in locking_mode EXCLUSIVE or while it
-- is recovered) is waited for up to 5 s at each statement.  Still locked
-- after that, the report stops at its first read with one line, "database
-- is locked", having printed and made nothing.
.timeout 5000
.bail on
SELECT 1 FROM main.sqlite_schema WHERE 0;
.bail off
DROP VIEW IF EXISTS temp.maas_usage_source;
DROP TABLE IF EXISTS temp.maas_usage_totals;

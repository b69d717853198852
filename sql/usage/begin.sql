-- begin.sql - the first step of every report: forget the previous report's
-- source, so that a report whose adapter stops (a database of another tool)
-- never shows the rows of the one before.
--
--   .read sql/usage/begin.sql      (sql/reports/<tool>.sql does this)
DROP VIEW IF EXISTS temp.maas_usage_source;
DROP TABLE IF EXISTS temp.maas_usage_totals;

-- auto.sql - the usage report for whichever tool's tables this database
-- holds: it says which, then prints that tool's report.
--
--   sqlite3 -cmd '.load ./build/maas' usage.db '.read sql/reports/auto.sql'
--
-- Run it from the repository (or install) root.  The tools and how each is
-- recognised: sql/sources/auto.sql.  A database of no known tool gets one
-- line saying so.  Parameters, sections and what it leaves behind: as every
-- report (sql/usage/report.sql).
.read sql/usage/begin.sql
.bail on
.read sql/sources/auto.sql
.bail off
.read sql/usage/report.sql

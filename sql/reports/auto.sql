-- auto.sql - the usage report for whichever tool's tables this database
-- holds: it says which, then prints that tool's report.
--
--   sqlite3 -cmd '.load ./build/maas' usage.db '.read sql/reports/auto.sql'
--
-- Run it from the repository (or install) root: it reads the adapter
-- sql/sources/<tool>.sql by that path.  The tools and how each is
-- recognised: sql/sources/detect.sql.  A database of no known tool gets one
-- line saying so.  Parameters as for every report (@tz, @currency).
.read sql/usage/begin.sql
.bail on
.read sql/sources/detect.sql
.headers off
.mode list
-- The sqlite3 shell cannot choose a file to .read at run time, so the
-- adapter's SQL is read with the shell's readfile() and run by maas_exec().
SELECT 'Usage of ' || tool || ' (table ' || table_name || '), as sql/reports/' || adapter || '.sql reports it.'
  FROM temp.maas_detected
 WHERE maas_exec(coalesce(CAST(readfile('sql/sources/' || adapter || '.sql') AS TEXT),
                          'SELECT 1 FROM "cannot read sql/sources/' || adapter || '.sql: run auto.sql from the repository root"'))
       IS NOT NULL;
.bail off
.read sql/usage/report.sql

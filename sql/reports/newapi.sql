-- newapi.sql - the usage report for new-api's logs (docs/usage/newapi.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/newapi.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/newapi.sql
.bail off
.read sql/usage/report.sql

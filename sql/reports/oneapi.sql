-- oneapi.sql - the usage report for one-api's logs (docs/usage/newapi.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/oneapi.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/oneapi.sql
.bail off
.read sql/usage/report.sql

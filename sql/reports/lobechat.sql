-- lobechat.sql - the usage report for LobeChat's messages (docs/usage/lobechat.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/lobechat.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/lobechat.sql
.bail off
.read sql/usage/report.sql

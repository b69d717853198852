-- llm.sql - the usage report for llm's logs.db tables responses and turns (docs/usage/llm.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/llm.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/llm.sql
.bail off
.read sql/usage/report.sql

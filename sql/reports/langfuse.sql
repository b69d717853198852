-- langfuse.sql - the usage report for Langfuse v2's observations (docs/usage/langfuse.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/langfuse.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/langfuse_v2.sql
.bail off
.read sql/usage/report.sql

-- langfuse_v3.sql - the usage report for Langfuse v3's observations (docs/usage/langfuse.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/langfuse_v3.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/langfuse_v3.sql
.bail off
.read sql/usage/report.sql

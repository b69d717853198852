-- langfuse_v4.sql - the usage report for Langfuse v4's events_core (docs/usage/langfuse.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/langfuse_v4.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/langfuse_v4.sql
.bail off
.read sql/usage/report.sql

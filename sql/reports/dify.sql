-- dify.sql - the usage report for Dify's messages and workflow_node_executions (docs/usage/dify.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/dify.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/dify.sql
.bail off
.read sql/usage/report.sql

-- openai_usage_export.sql - the usage report for OpenAI's usage export, table usage_export (docs/usage/openai-export.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/openai_usage_export.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/openai_usage_export.sql
.bail off
.read sql/usage/report.sql

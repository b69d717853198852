-- litellm.sql - the usage report for LiteLLM's LiteLLM_SpendLogs (docs/usage/litellm.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/litellm.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/litellm.sql
.bail off
.read sql/usage/report.sql

-- openwebui.sql - the usage report for Open WebUI's chat_message table (docs/usage/openwebui.md).
--   sqlite3 -cmd '.load ./build/maas' <db> '.read sql/reports/openwebui.sql'
.read sql/usage/begin.sql
.bail on
.read sql/sources/openwebui.sql
.bail off
.read sql/usage/report.sql

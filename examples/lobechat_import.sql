-- lobechat_import.sql - the example LobeChat / LobeHub messages as a user
-- brings them from PostgreSQL: a CSV export (psql: \copy messages TO
-- 'lobechat_messages.csv' CSV HEADER) imported with the sqlite3 shell, which
-- makes the table from the CSV's header, every column TEXT and every NULL ''.
--   sqlite3 lobechat.db '.read examples/lobechat_import.sql'    (from the repository root)
-- The rows and what each one shows: docs/usage/lobechat.md.
.import --csv examples/lobechat_messages.csv messages

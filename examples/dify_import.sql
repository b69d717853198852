-- dify_import.sql - the example Dify tables as a user brings them from
-- PostgreSQL: CSV exports (psql: \copy messages TO 'dify_messages.csv' CSV HEADER)
-- imported with the sqlite3 shell, which makes each table from the CSV's
-- header, every column TEXT and every NULL ''.
--   sqlite3 dify.db '.read examples/dify_import.sql'     (from the repository root)
-- The rows and what each one shows: docs/usage/dify.md.
.import --csv examples/dify_messages.csv messages
.import --csv examples/dify_workflow_node_executions.csv workflow_node_executions

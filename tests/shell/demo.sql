-- demo.sql - the README's main job, examples/demo.sql (bash scripts/demo.sh),
-- printed as a user sees it.  Its figures are those of sql/reports/newapi.sql
-- on examples/newapi_logs.sql, which tests/shell/usage_newapi.sql holds
-- against a computation by hand; this test keeps the printed report whole.
.read examples/demo.sql

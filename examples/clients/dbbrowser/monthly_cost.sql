-- monthly_cost.sql - cost by month and model of a new-api log, for DB Browser
-- for SQLite's Execute SQL tab (paste it, or open it with the tab's "Open SQL
-- file" button, then Ctrl+Return), with sqlite-maas loaded by DB Browser
-- (Preferences > Extensions, or -o extensions/list=/usr/lib/sqlite3/maas.so):
--
--   sqlitebrowser -o extensions/list=/usr/lib/sqlite3/maas.so -s examples/clients/dbbrowser/monthly_cost.sql newapi.db
--
-- cost_cny is exact decimal text (maas_total_text, 6 places), so the grid
-- shows the sum, not its nearest double.  On examples/newapi_logs.sql.
SELECT strftime('%Y-%m', created_at, 'unixepoch') AS month,
       maas_model(model_name) AS model,
       count(*) AS calls,
       maas_total_text(maas_cost(model_name, prompt_tokens, completion_tokens, created_at), 6) AS cost_cny
  FROM logs
 WHERE type = 2 AND maas_model(model_name) IS NOT NULL
 GROUP BY 1, 2
 ORDER BY 1, 2

-- dify.sql - the adapter for Dify (langgenius/dify): its `messages` table, and
-- `workflow_node_executions` when the database holds it, onto
-- temp.maas_usage_source (columns: docs/tables/maas_usage.md; the mapping and
-- its pitfalls: docs/usage/dify.md).  Pure SQL (no dot command), so that
-- sql/reports/auto.sql can run it through maas_exec().
--
-- Read in Dify's source, version 1.13.3 (api/pyproject.toml at commit
-- 0055b983dc32deacc31351c13a555055ffc9b844; the repository snapshot is too
-- large to fetch whole, so files were read one by one, each at its indexed
-- commit): api/models/model.py (class Message), api/models/workflow.py
-- (WorkflowNodeExecutionModel), core/workflow/nodes/llm/node.py
-- (process_data: model_name, usage), model_runtime/entities/llm_entities.py
-- (LLMUsage: prompt_tokens, completion_tokens, total_price, currency; no
-- cached-token count), core/app/apps/message_based_app_generator.py (a
-- chatflow message has no model; every message starts at 0 tokens).
--
-- One row per billed call:
--   * a `messages` row with tokens (0 input and 0 output: an error before the
--     model answered, an annotation reply, an unfinished answer: no call);
--   * an LLM call of a workflow: a `workflow_node_executions` row of type
--     llm, question-classifier or parameter-extractor that recorded tokens,
--     or succeeded (then its counts are NULL when it kept no usage);
--   * a workflow run is counted once: a chatflow message (workflow_run_id
--     set) holds the sum of its run's LLM nodes without their models, so it
--     is left out when the node rows of that run are here, and counted (with
--     no model) when they are not.

-- 1. The columns this adapter needs, present since Dify 0.6.
DROP TABLE IF EXISTS temp.maas_check_dify;
CREATE TEMP TABLE maas_check_dify(ok INTEGER
  CONSTRAINT "Dify: expected table messages with columns id, app_id, model_id, message_tokens, answer_tokens, total_price, currency, from_end_user_id, from_account_id, workflow_run_id, created_at (as Dify 0.6 to 1.x writes it; see docs/usage/dify.md)"
  CHECK (ok));
INSERT INTO maas_check_dify
SELECT count(*) = 11 FROM pragma_table_info('messages')
 WHERE name IN ('id', 'app_id', 'model_id', 'message_tokens', 'answer_tokens', 'total_price', 'currency',
                'from_end_user_id', 'from_account_id', 'workflow_run_id', 'created_at');
DROP TABLE IF EXISTS temp.maas_check_dify_nodes;
CREATE TEMP TABLE maas_check_dify_nodes(ok INTEGER
  CONSTRAINT "Dify: expected table workflow_node_executions with columns id, app_id, workflow_run_id, node_type, process_data, status, created_by, created_at (as Dify 0.6 to 1.x writes it; see docs/usage/dify.md)"
  CHECK (ok));
INSERT INTO maas_check_dify_nodes
SELECT n = 8
  FROM (SELECT count(*) AS n FROM pragma_table_info('workflow_node_executions')
         WHERE name IN ('id', 'app_id', 'workflow_run_id', 'node_type', 'process_data', 'status', 'created_by',
                        'created_at'))
 WHERE EXISTS (SELECT 1 FROM pragma_table_list WHERE name = 'workflow_node_executions' AND schema <> 'temp');

-- 2. The LLM calls of workflows (an empty view when the table is not here):
--    the model and usage are in process_data, Dify's JSON text.  (maas_exec
--    returns the number of statements it ran; the WHERE keeps it from
--    printing.)
DROP VIEW IF EXISTS temp.maas_dify_node_calls;
SELECT 1 WHERE maas_exec(CASE WHEN EXISTS (SELECT 1 FROM pragma_table_list
                                    WHERE name = 'workflow_node_executions' AND schema <> 'temp')
THEN '
CREATE TEMP VIEW maas_dify_node_calls AS
WITH node AS (
  SELECT n.id, n.app_id, nullif(n.workflow_run_id, '''') AS run_id, n.status, n.created_by, n.created_at,
         CASE WHEN json_valid(n.process_data) THEN n.process_data END AS process_data
    FROM workflow_node_executions AS n
   WHERE n.node_type IN (''llm'', ''question-classifier'', ''parameter-extractor'')
   LIMIT -1 OFFSET 0),
used AS (
  SELECT *,
         CASE WHEN json_type(process_data, ''$.usage'') = ''object''
              THEN json_extract(process_data, ''$.usage'') END AS usage,
         CASE WHEN json_type(process_data, ''$.model_name'') = ''text''
              THEN nullif(json_extract(process_data, ''$.model_name''), '''') END AS model
    FROM node
   LIMIT -1 OFFSET 0),
counted AS (
  SELECT *,
         CASE WHEN json_type(usage, ''$.prompt_tokens'') = ''integer''
              THEN json_extract(usage, ''$.prompt_tokens'') END AS input_tokens,
         CASE WHEN json_type(usage, ''$.completion_tokens'') = ''integer''
              THEN json_extract(usage, ''$.completion_tokens'') END AS output_tokens,
         CASE json_type(usage, ''$.total_price'')
              WHEN ''integer'' THEN json_extract(usage, ''$.total_price'')
              WHEN ''real'' THEN json_extract(usage, ''$.total_price'')
              WHEN ''text'' THEN json_extract(usage, ''$.total_price'') END AS price,
         CASE WHEN json_type(usage, ''$.currency'') = ''text''
              THEN json_extract(usage, ''$.currency'') END AS currency
    FROM used
   LIMIT -1 OFFSET 0)
SELECT id, run_id, created_at, model, input_tokens, output_tokens, created_by AS user_name, app_id, price,
       currency, usage
  FROM counted
 WHERE input_tokens > 0 OR output_tokens > 0
    OR (status = ''succeeded'' AND (input_tokens IS NULL OR output_tokens IS NULL))'
ELSE '
CREATE TEMP VIEW maas_dify_node_calls AS
SELECT NULL AS id, NULL AS run_id, NULL AS created_at, NULL AS model, NULL AS input_tokens,
       NULL AS output_tokens, NULL AS user_name, NULL AS app_id, NULL AS price, NULL AS currency, NULL AS usage
 WHERE 0' END) IS NULL;

-- 3. The calls.  The steps end in LIMIT -1 OFFSET 0 (SQLite never flattens
--    such a step into the one reading it), so each column is computed once
--    per row, not once per use.  A CSV export brings every column as TEXT and
--    NULL as '': counts are read only when they are whole numbers, a price
--    only when it is a decimal, and '' is NULL.  message_metadata (where Dify keeps the
--    usage JSON) is optional: its usage is read through a lookup of the same
--    row, so that an export without the column reads NULL from d instead of
--    failing.
DROP VIEW IF EXISTS temp.maas_usage_source;
CREATE TEMP VIEW maas_usage_source AS
WITH message AS (
  SELECT m.id, m.app_id, nullif(m.model_id, '') AS model,
         CASE WHEN typeof(m.message_tokens) = 'integer' THEN m.message_tokens
              WHEN m.message_tokens GLOB '[0-9]*' AND m.message_tokens NOT GLOB '*[^0-9]*'
              THEN CAST(m.message_tokens AS INTEGER) END AS input_tokens,
         CASE WHEN typeof(m.answer_tokens) = 'integer' THEN m.answer_tokens
              WHEN m.answer_tokens GLOB '[0-9]*' AND m.answer_tokens NOT GLOB '*[^0-9]*'
              THEN CAST(m.answer_tokens AS INTEGER) END AS output_tokens,
         m.total_price AS price, m.currency,
         coalesce(nullif(m.from_account_id, ''), nullif(m.from_end_user_id, '')) AS user_name,
         m.created_at,
         (SELECT CASE WHEN json_valid(message_metadata) AND json_type(message_metadata, '$.usage') = 'object'
                      THEN json_extract(message_metadata, '$.usage') END
            FROM messages AS x WHERE x.rowid = m.rowid) AS usage
    FROM messages AS m, (SELECT NULL AS message_metadata) AS d
    -- The runs whose LLM nodes are counted below (DISTINCT: computed once).
    LEFT JOIN (SELECT DISTINCT run_id FROM temp.maas_dify_node_calls WHERE run_id IS NOT NULL) AS counted_run
           ON counted_run.run_id = nullif(m.workflow_run_id, '')
   WHERE counted_run.run_id IS NULL
   LIMIT -1 OFFSET 0),
calls AS (
  SELECT id, created_at, model, input_tokens, output_tokens, user_name, app_id, price, currency, usage
    FROM message
   WHERE (input_tokens = 0 AND output_tokens = 0) IS NOT TRUE
  UNION ALL
  SELECT id, created_at, model, input_tokens, output_tokens, user_name, app_id, price, currency, usage
    FROM temp.maas_dify_node_calls),
recorded AS (
  SELECT *,
         CASE WHEN typeof(price) IN ('integer', 'real') THEN price
              WHEN price GLOB '[0-9]*' AND price NOT GLOB '*[^0-9.]*' AND price NOT GLOB '*.*.*'
                   AND price NOT GLOB '*.' THEN price END AS recorded_cost
    FROM calls
   LIMIT -1 OFFSET 0)
SELECT 'dify' AS source,
       id AS source_id,
       maas_instant(created_at) AS at,  -- timestamp without time zone, in UTC
       model,
       model AS served_model,           -- Dify sends model_id to the provider as it is
       input_tokens,
       0 AS cached_input_tokens,        -- Dify records no cache counts
       0 AS cache_write_tokens,
       output_tokens,
       1 AS requests,
       user_name,
       app_id AS key_name,
       NULL AS project_name,
       recorded_cost,
       CASE WHEN recorded_cost IS NOT NULL AND nullif(currency, '') IS NOT NULL
            THEN CASE upper(currency) WHEN 'RMB' THEN 'CNY' ELSE upper(currency) END END AS recorded_currency,
       usage AS usage_json
  FROM recorded;

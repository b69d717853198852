-- usage_whatif.sql - sql/reports/whatif.sql on the new-api example log
-- (examples/newapi_logs.sql), held against a computation by hand.
--
-- The what-if model is given in lower case, 'qwen3-8b': Qwen3-8B, 0.0005
-- input and 0.005 output per 1,000 tokens on the built-in card (the seed
-- page), i.e. 50 and 500 units of 1e-8 CNY per token; the card has no cached
-- price, so every input token is at the input price.  Compared are the calls
-- the usage report counts (reason NULL): all of them, since Qwen3-8B is
-- priced from the same instant as every other model of the log.  Their
-- tokens are summed from temp.maas_usage's counts (the adapter's, held by
-- hand in tests/shell/usage_newapi.sql).
.read examples/newapi_logs.sql
.parameter set @whatif_model 'qwen3-8b'
.output /dev/null
.read sql/reports/whatif.sql
.output
.mode list
.headers on
.nullvalue NULL
SELECT * FROM temp.maas_whatif_model;
SELECT month, currency, compared, whatif FROM maas_whatif_by_month ORDER BY month;
SELECT * FROM maas_whatif_not_compared ORDER BY side, reason;
.headers off
-- By hand, per month: the counted calls' tokens at Qwen3-8B's prices.
CREATE TEMP TABLE by_hand AS
SELECT month, count(*) AS compared, sum(input_tokens) * 50 + sum(output_tokens) * 500 AS e8
  FROM temp.maas_usage WHERE reason IS NULL GROUP BY month;
SELECT 'whatif by hand', count(*), sum(w.compared = h.compared
                                     AND w.whatif = rtrim(rtrim(printf('%d.%08d', h.e8 / 100000000, h.e8 % 100000000),
                                                                '0'), '.'))
  FROM by_hand AS h JOIN maas_whatif_by_month AS w USING (month);
-- actual + difference = whatif, exactly, per month.
SELECT 'difference', sum((SELECT maas_total_text(v) FROM (SELECT actual AS v UNION ALL SELECT difference)) = whatif)
  FROM maas_whatif_by_month;
.parameter clear

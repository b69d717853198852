-- newapi_logs_2026.sql - the example new-api log of examples/newapi_logs.sql
-- (read it first), a few upgrades later: 26 rows written out, from 2025-06 to
-- 2026-07, each one rule of the new-api adapter (prompt caching on OpenAI-
-- and Claude-format channels, rows that are no call, odd values).
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/newapi_logs.sql
--   sqlite> .read examples/newapi_logs_2026.sql
--   sqlite> .read sql/reports/newapi.sql
--
-- A gateway kept running: new-api adds columns to `logs` as it upgrades
-- (GORM's AutoMigrate appends them: request_id from 2026-02,
-- upstream_request_id from 2026-05), and its later rows record prompt caching.
-- 26 rows written out (ids 3001 to 3026), each one rule of
-- sql/sources/newapi.sql (docs/usage/newapi.md), `other` as new-api's Go
-- encoding/json writes it (keys sorted, no spaces).  Channels: 1 Xingchen's
-- OpenAI-compatible API; 3 the Spark API; 5 an Anthropic-type channel on
-- Xingchen's Anthropic-compatible endpoint (Claude Code's requests for
-- claude-sonnet-4-5 are mapped to xdeepseekv3 there); 6 Anthropic itself;
-- 7 and 8 two other new-api gateways (older, newer) used as upstreams.
--   3001-3003  the first price: 2025-06-30 12:00:00, 2025-07-08 05:24:59 and
--              05:25:00 UTC; only the last is priced
--   3004       Claude Messages (/v1/messages), 2025-12: `claude` true, no
--              usage_semantic yet; prompt_tokens leaves out the 18000 cache
--              reads and 2000 writes (all 5-minute ones)
--   3005       an OpenAI-format call to the Anthropic channel before
--              2026-01-15: nothing marks it, and its prompt_tokens (400)
--              leaves out its 6000 cache reads: left out, bad_token_counts
--   3006       the same kind of call in 2026-02: `claude` and
--              usage_semantic 'anthropic' mark it
--   3007       an OpenAI-compatible call: prompt_tokens 12000 hold the 8000
--              cache reads
--   3008-3009  Claude Messages in 2026-05: writes split into 5-minute and
--              1-hour parts of cache_creation_tokens; 3009's upstream gave
--              the 5-minute part only (cache_creation_tokens 0)
--   3010       Claude itself, a model the card does not know
--   3011       OpenAI-compatible with an OpenAI-style cache write (in
--              prompt_tokens too)
--   3012       usage from an older gateway, untagged, with the 5-minute
--              part: new-api counts it as Anthropic does (prompt without cache)
--   3013       the same usage from a newer gateway, tagged
--              (input_tokens_total): prompt_tokens hold everything
--   3014       a video task (no tokens; kept, its model unknown)
--   3015-3016  type 2 rows that are no call: a task's settlement
--              (actual_quota) and a violation fee
--   3017       a channel test (token '模型测试', no user name)
--   3018-3021  an error (5), a top-up (1), a refund (6), a login (7)
--   3022       a Spark API model name (another product)
--   3023       `other` that is not JSON; 3024 a cache count that is not a
--              number; 3025 prompt_tokens NULL
--   3026       2026-07-31 17:30 UTC: August in Beijing
ALTER TABLE logs ADD COLUMN request_id varchar(64) DEFAULT '';
ALTER TABLE logs ADD COLUMN upstream_request_id varchar(128) DEFAULT '';

INSERT INTO logs(id, user_id, created_at, type, content, username, token_name, model_name, quota, prompt_tokens,
                 completion_tokens, use_time, is_stream, channel_id, token_id, "group", ip, other, request_id,
                 upstream_request_id)
VALUES
  (3001, 1, 1751284800, 2, '', 'alice', 'alice-laptop', 'DeepSeek-V3', 5000, 1000, 1000, 9, 0, 1, 11, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":1,"cache_tokens":0,"completion_ratio":4,"frt":640,"group_ratio":1,"model_price":-1,"model_ratio":1,"user_group_ratio":-1}',
   '', ''),
  (3002, 1, 1751952299, 2, '', 'alice', 'alice-laptop', 'DeepSeek-V3', 5000, 1000, 1000, 8, 0, 1, 11, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":1,"cache_tokens":0,"completion_ratio":4,"frt":702,"group_ratio":1,"model_price":-1,"model_ratio":1,"user_group_ratio":-1}',
   '', ''),
  (3003, 1, 1751952300, 2, '', 'alice', 'alice-laptop', 'DeepSeek-V3', 5000, 1000, 1000, 9, 0, 1, 11, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":1,"cache_tokens":0,"completion_ratio":4,"frt":588,"group_ratio":1,"model_price":-1,"model_ratio":1,"user_group_ratio":-1}',
   '', ''),
  (3004, 4, 1765335600, 2, '', 'dana', 'claude-code', 'claude-sonnet-4-5', 6240, 900, 650, 14, 1, 5, 41, 'vip', '',
   '{"admin_info":{"use_channel":["5"]},"cache_creation_ratio":1.25,"cache_creation_ratio_5m":1.25,"cache_creation_tokens":2000,"cache_creation_tokens_5m":2000,"cache_ratio":0.1,"cache_tokens":18000,"claude":true,"completion_ratio":4,"frt":1210,"group_ratio":0.8,"is_model_mapped":true,"model_price":-1,"model_ratio":1,"request_path":"/v1/messages","upstream_model_name":"xdeepseekv3","user_group_ratio":-1}',
   '', ''),
  (3005, 2, 1765521000, 2, '', 'bob', 'rag-service', 'deepseek-chat', 2000, 400, 300, 6, 0, 5, 21, 'default', '',
   '{"admin_info":{"use_channel":["5"]},"cache_ratio":0.1,"cache_tokens":6000,"completion_ratio":4,"frt":950,"group_ratio":1,"is_model_mapped":true,"model_price":-1,"model_ratio":1,"request_path":"/v1/chat/completions","upstream_model_name":"xdeepseekv3","user_group_ratio":-1}',
   '', ''),
  (3006, 2, 1770110100, 2, '', 'bob', 'rag-service', 'deepseek-chat', 5895, 1200, 480, 7, 0, 5, 21, 'default', '',
   '{"admin_info":{"use_channel":["5"]},"cache_creation_ratio":1.25,"cache_creation_tokens":1500,"cache_ratio":0.1,"cache_tokens":9000,"claude":true,"completion_ratio":4,"frt":1320,"group_ratio":1,"is_model_mapped":true,"model_price":-1,"model_ratio":1,"request_path":"/v1/chat/completions","upstream_model_name":"xdeepseekv3","usage_semantic":"anthropic","user_group_ratio":-1}',
   '', ''),
  (3007, 1, 1771551011, 2, '', 'alice', 'alice-laptop', 'DeepSeek-V3', 8400, 12000, 900, 11, 0, 1, 11, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":0.1,"cache_tokens":8000,"completion_ratio":4,"frt":410,"group_ratio":1,"model_price":-1,"model_ratio":1,"request_path":"/v1/chat/completions","user_group_ratio":-1}',
   '20260220093011857236914', ''),
  (3008, 4, 1778033400, 2, '', 'dana', 'claude-code', 'claude-sonnet-4-5', 10024, 1500, 820, 21, 1, 5, 41, 'vip', '',
   '{"admin_info":{"usage_billing_path":"billing-usage-anthropic","use_channel":["5"]},"cache_creation_ratio":1.25,"cache_creation_ratio_1h":2,"cache_creation_ratio_5m":1.25,"cache_creation_tokens":4000,"cache_creation_tokens_1h":1000,"cache_creation_tokens_5m":3000,"cache_ratio":0.1,"cache_tokens":20000,"cache_write_tokens":4000,"claude":true,"completion_ratio":4,"frt":1843,"group_ratio":0.8,"is_model_mapped":true,"model_price":-1,"model_ratio":1,"request_path":"/v1/messages","stream_status":{"end_reason":"done","status":"ok"},"upstream_model_name":"xdeepseekv3","usage_semantic":"anthropic","user_group_ratio":-1}',
   '20260506101000318807465', 'req_011CUqZ6n3kYd8x'),
  (3009, 4, 1778161200, 2, '', 'dana', 'claude-code', 'claude-sonnet-4-5', 3112, 300, 410, 9, 1, 5, 41, 'vip', '',
   '{"admin_info":{"usage_billing_path":"billing-usage-anthropic","use_channel":["5"]},"cache_creation_ratio":1.25,"cache_creation_ratio_5m":1.25,"cache_creation_tokens":0,"cache_creation_tokens_5m":600,"cache_ratio":0.1,"cache_tokens":12000,"cache_write_tokens":600,"claude":true,"completion_ratio":4,"frt":990,"group_ratio":0.8,"is_model_mapped":true,"model_price":-1,"model_ratio":1,"request_path":"/v1/messages","stream_status":{"end_reason":"done","status":"ok"},"upstream_model_name":"xdeepseekv3","usage_semantic":"anthropic","user_group_ratio":-1}',
   '20260507214000529140036', 'req_011CUr1xg8TQe2m'),
  (3010, 4, 1778227200, 2, '', 'dana', 'claude-code', 'claude-sonnet-4-5', 19500, 2000, 1000, 25, 1, 6, 41, 'vip', '',
   '{"admin_info":{"usage_billing_path":"billing-usage-anthropic","use_channel":["6"]},"cache_creation_ratio":1.25,"cache_creation_ratio_5m":1.25,"cache_creation_tokens":5000,"cache_creation_tokens_5m":5000,"cache_ratio":0.1,"cache_tokens":30000,"cache_write_tokens":5000,"claude":true,"completion_ratio":5,"frt":1502,"group_ratio":0.8,"model_price":-1,"model_ratio":1.5,"request_path":"/v1/messages","stream_status":{"end_reason":"done","status":"ok"},"usage_semantic":"anthropic","user_group_ratio":-1}',
   '20260508160000774201958', 'req_011CUrFb4WmNq7v'),
  (3011, 1, 1780394400, 2, '', 'alice', 'alice-laptop', 'xdeepseekr1', 30814, 5000, 3000, 48, 0, 1, 11, 'default', '',
   '{"admin_info":{"usage_billing_path":"upstream","use_channel":["1"]},"cache_creation_ratio":1.25,"cache_creation_tokens":1000,"cache_ratio":0.1,"cache_tokens":2048,"cache_write_tokens":1000,"completion_ratio":4,"frt":2210,"group_ratio":1,"model_price":-1,"model_ratio":2,"request_path":"/v1/chat/completions","user_group_ratio":-1}',
   '20260602180000116390527', ''),
  (3012, 3, 1781506800, 2, '', 'ci-bot', 'nightly-eval', 'DeepSeek-V3', 5200, 800, 600, 10, 0, 7, 31, 'batch', '',
   '{"admin_info":{"usage_billing_path":"upstream","use_channel":["7"]},"cache_creation_ratio":1.25,"cache_creation_ratio_5m":1.25,"cache_creation_tokens":1200,"cache_creation_tokens_5m":1200,"cache_ratio":0.1,"cache_tokens":5000,"cache_write_tokens":1200,"completion_ratio":4,"frt":730,"group_ratio":1,"model_price":-1,"model_ratio":1,"request_path":"/v1/chat/completions","user_group_ratio":-1}',
   '20260615150000402758813', '20260615150000117534230'),
  (3013, 3, 1781593200, 2, '', 'ci-bot', 'nightly-eval', 'DeepSeek-V3', 5200, 7000, 600, 10, 0, 8, 31, 'batch', '',
   '{"admin_info":{"usage_billing_path":"upstream","use_channel":["8"]},"cache_creation_ratio":1.25,"cache_creation_ratio_5m":1.25,"cache_creation_tokens":1200,"cache_creation_tokens_5m":1200,"cache_ratio":0.1,"cache_tokens":5000,"cache_write_tokens":1200,"completion_ratio":4,"frt":745,"group_ratio":1,"input_tokens_total":7000,"model_price":-1,"model_ratio":1,"request_path":"/v1/chat/completions","user_group_ratio":-1}',
   '20260616150000655018324', '20260616150000908127745'),
  (3014, 1, 1782878400, 2, '', 'alice', 'alice-laptop', 'kling-v2-1', 250000, 0, 0, 0, 0, 9, 11, 'default', '',
   '{"group_ratio":1,"is_task":true,"model_price":0.5,"request_path":"/v1/video/generations"}',
   '20260701120000231775409', ''),
  (3015, 1, 1782879600, 2, 'token重算', 'alice', 'alice-laptop', 'kling-v2-1', 50000, 0, 0, 0, 0, 9, 11, 'default', '',
   '{"actual_quota":300000,"group_ratio":1,"model_price":0.5,"pre_consumed_quota":250000,"task_id":"task_01K1F3A7"}',
   '20260701122000884107263', ''),
  (3016, 2, 1783076400, 2, 'Violation fee charged', 'bob', 'rag-service', 'grok-4', 500000, 0, 0, 2, 0, 10, 21, 'default', '',
   '{"base_amount":1,"fee_quota":500000,"group_ratio":1,"status_code":400,"upstream_error_code":"content_policy","upstream_error_type":"invalid_request_error","violation_fee":true,"violation_fee_code":"violation_fee_grok_csam","violation_fee_marker":"csam"}',
   '20260703190000540392871', ''),
  (3017, 1, 1783209900, 2, '模型测试', '', '模型测试', 'DeepSeek-V3', 32, 12, 5, 1, 0, 1, 0, '', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":1,"cache_tokens":0,"completion_ratio":4,"frt":380,"group_ratio":1,"model_price":-1,"model_ratio":1,"request_path":"/api/channel/test/1","user_group_ratio":-1}',
   '20260705080500193862047', ''),
  (3018, 2, 1783684800, 5, 'upstream error: status code 503', 'bob', 'rag-service', 'DeepSeek-V3', 0, 0, 0, 30, 0, 1, 21, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"error_code":"bad_response_status_code","error_type":"upstream_error","status_code":503}',
   '20260710200000477310962', ''),
  (3019, 1, 1783771200, 1, '使用在线充值成功，充值金额: ＄10.000000 额度，支付金额：10.00', 'alice', '', '', 5000000, 0, 0, 0, 0, 0, 0, '', '10.0.0.11',
   '{"admin_info":{"callback_payment_method":"stripe","caller_ip":"10.0.0.11","node_name":"","payment_method":"stripe","server_ip":"10.0.0.2","version":"v1.0.0"}}',
   '', ''),
  (3020, 1, 1783857600, 6, '', 'alice', 'alice-laptop', 'kling-v2-1', 250000, 0, 0, 0, 0, 9, 11, 'default', '',
   '{"group_ratio":1,"model_price":0.5,"reason":"task failed","task_id":"task_01K1H9Q2"}',
   '', ''),
  (3021, 1, 1783944000, 7, 'login', 'alice', '', '', 0, 0, 0, 0, 0, 0, 0, '', '10.0.0.11',
   '{"op":{"action":"login.password"}}',
   '', ''),
  (3022, 2, 1784516400, 2, '', 'bob', 'rag-service', 'generalv3.5', 1100, 300, 200, 3, 0, 3, 21, 'default', '',
   '{"admin_info":{"use_channel":["3"]},"cache_ratio":1,"cache_tokens":0,"completion_ratio":4,"frt":520,"group_ratio":1,"model_price":-1,"model_ratio":1,"request_path":"/v1/chat/completions","user_group_ratio":-1}',
   '20260720110000691284407', ''),
  (3023, 2, 1784602800, 2, '', 'bob', 'rag-service', 'DeepSeek-V3', 5000, 1000, 1000, 9, 0, 1, 21, 'default', '',
   'model ratio 1, completion ratio 4', '20260721110000120948336', ''),
  (3024, 2, 1784689200, 2, '', 'bob', 'rag-service', 'DeepSeek-V3', 5000, 1000, 1000, 9, 0, 1, 21, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":0.1,"cache_tokens":"many","completion_ratio":4,"frt":500,"group_ratio":1,"model_price":-1,"model_ratio":1,"user_group_ratio":-1}',
   '20260722110000853307129', ''),
  (3025, 2, 1784775600, 2, '', 'bob', 'rag-service', 'DeepSeek-V3', 400, NULL, 100, 2, 0, 1, 21, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":1,"cache_tokens":0,"completion_ratio":4,"frt":430,"group_ratio":1,"model_price":-1,"model_ratio":1,"user_group_ratio":-1}',
   '20260723110000310498566', ''),
  (3026, 2, 1785519000, 2, '', 'bob', 'rag-service', 'xop3qwen8b', 2439, 3000, 700, 12, 0, 1, 21, 'default', '',
   '{"admin_info":{"use_channel":["1"]},"cache_ratio":0.1,"cache_tokens":1024,"completion_ratio":4,"frt":640,"group_ratio":1,"model_price":-1,"model_ratio":0.5,"request_path":"/v1/chat/completions","user_group_ratio":-1}',
   '20260801013000702265981', '');

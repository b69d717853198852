-- oneapi_logs.sql - an example one-api usage log: the `logs` table as
-- one-api v0.6.11 creates it (model/log.go), with 18 made-up rows from
-- 2025-06-30 to 2025-11-15 (UTC).
--
--   sqlite3 -cmd '.load ./build/maas' :memory:
--   sqlite> .read examples/oneapi_logs.sql
--   sqlite> .read sql/reports/oneapi.sql
--
-- one-api's log is new-api's ancestor without `other`: no cache counts, no
-- record of a channel's model mapping.  It logs the name it sent upstream
-- (after the mapping), so a request for 'deepseek-chat' that the channel
-- mapped to 'xdeepseekv3' (Xingchen's service ID of DeepSeek-V3) is logged as
-- 'xdeepseekv3' and the requested name is lost.  created_at is unix seconds;
-- type 2 = consume, 1 top-up, 3 admin, 4 system, 5 channel test.  quota is
-- one-api's own charge in its quota units (500000 to the USD).
--   1-3    the first price: 2025-06-30 12:00:00, 2025-07-08 05:24:59 and
--          05:25:00 UTC; only the last is priced
--   4-7    priced models under their service IDs and other spellings; 7 is
--          at 2025-10-31 16:30 UTC, November in Beijing
--   8      a Spark API model (another product); 9 Claude on an Anthropic
--          channel (not on the card; its cache reads and writes are in no
--          column: one-api drops them)
--   10     speech to text: one-api puts the quota in prompt_tokens
--   11     an image: no tokens; 12 a call whose upstream returned no usage
--   13-16  a top-up, a channel test, an admin note, a system note
--   17-18  priced
CREATE TABLE logs (
  id                  INTEGER PRIMARY KEY,
  user_id             INTEGER,
  created_at          INTEGER,
  type                INTEGER,
  content             TEXT,
  username            TEXT DEFAULT '',
  token_name          TEXT DEFAULT '',
  model_name          TEXT DEFAULT '',
  quota               INTEGER DEFAULT 0,
  prompt_tokens       INTEGER DEFAULT 0,
  completion_tokens   INTEGER DEFAULT 0,
  channel_id          INTEGER,
  request_id          TEXT DEFAULT '',
  elapsed_time        INTEGER DEFAULT 0,
  is_stream           NUMERIC DEFAULT false,
  system_prompt_reset NUMERIC DEFAULT false
);
CREATE INDEX idx_created_at_type ON logs(created_at, type);
CREATE INDEX index_username_model_name ON logs(model_name, username);

INSERT INTO logs(id, user_id, created_at, type, content, username, token_name, model_name, quota, prompt_tokens,
                 completion_tokens, channel_id, request_id, elapsed_time, is_stream, system_prompt_reset)
VALUES
  (1, 1, 1751284800, 2, '倍率：1.00 × 1.00 × 4.00', 'alice', 'alice-laptop', 'xdeepseekv3', 5000, 1000, 1000, 1,
   '20250630200000118273645', 8210, 0, 0),
  (2, 1, 1751952299, 2, '倍率：1.00 × 1.00 × 4.00', 'alice', 'alice-laptop', 'xdeepseekv3', 5000, 1000, 1000, 1,
   '20250708132459330918274', 7950, 0, 0),
  (3, 1, 1751952300, 2, '倍率：1.00 × 1.00 × 4.00', 'alice', 'alice-laptop', 'xdeepseekv3', 5000, 1000, 1000, 1,
   '20250708132500562019384', 8020, 0, 0),
  (4, 1, 1756692000, 2, '倍率：1.00 × 1.00 × 4.00', 'alice', 'alice-laptop', 'xdeepseekv3', 5600, 2400, 800, 1,
   '20250901100000740192837', 6120, 1, 0),
  (5, 2, 1757842200, 2, '倍率：2.00 × 1.00 × 4.00', 'bob', 'rag-service', 'xdeepseekr1', 23800, 1500, 2600, 1,
   '20250914173000918273640', 41200, 1, 0),
  (6, 2, 1759489200, 2, '倍率：0.25 × 1.00 × 4.00', 'bob', 'rag-service', 'Qwen3-8B', 500, 800, 300, 2,
   '20251003190000203948576', 2980, 0, 0),
  (7, 3, 1761928200, 2, '倍率：0.25 × 1.00 × 4.00', 'ci-bot', 'nightly-eval', 'qwen3-8b', 1350, 5000, 100, 2,
   '20251101003000475869201', 3310, 0, 0),
  (8, 2, 1762329600, 2, '倍率：1.00 × 1.00 × 4.00', 'bob', 'rag-service', 'SparkDesk-v3.5', 1100, 300, 200, 3,
   '20251105160000384756102', 2450, 1, 0),
  (9, 4, 1762416000, 2, '倍率：1.50 × 1.00 × 5.00', 'dana', 'claude-code', 'claude-3-5-sonnet-20241022', 4350, 900,
   400, 6, '20251106160000192837465', 9870, 1, 0),
  (10, 1, 1762502400, 2, '倍率：15.00 × 1.00', 'alice', 'alice-laptop', 'whisper-1', 1500, 1500, 0, 4,
   '', 0, 0, 0),
  (11, 1, 1762588800, 2, '倍率：20.00 × 1.00', 'alice', 'alice-laptop', 'dall-e-3', 20000, 0, 0, 4,
   '', 0, 0, 0),
  (12, 2, 1762675200, 2, '倍率：1.00 × 1.00 × 4.00', 'bob', 'rag-service', 'xdeepseekv3', 0, 0, 0, 1,
   '20251109160000657483920', 60010, 1, 0),
  (13, 1, 1762761600, 1, '通过兑换码充值 ＄10.000000 额度', 'alice', '', '', 5000000, 0, 0, 0,
   '20251110160000102938475', 0, 0, 0),
  (14, 0, 1762848000, 5, '渠道 xingchen 测试成功，响应：你好', '', '', 'xdeepseekv3', 0, 0, 0, 1,
   '20251111160000564738291', 812, 0, 0),
  (15, 1, 1762934400, 3, '管理员将用户额度从 ＄10.000000 额度修改为 ＄20.000000 额度', 'alice', '', '', 0, 0, 0, 0,
   '20251112160000918273644', 0, 0, 0),
  (16, 1, 1763020800, 4, '用户注册赠送 ＄1.000000 额度', 'alice', '', '', 0, 0, 0, 0,
   '20251113160000273645198', 0, 0, 0),
  (17, 2, 1763107200, 2, '倍率：1.00 × 1.00 × 10.00', 'bob', 'rag-service', 'Qwen3-32B', 17000, 2000, 1500, 2,
   '20251114160000384950617', 5120, 0, 0),
  (18, 1, 1763193600, 2, '倍率：0.25 × 1.00 × 4.00', 'alice', 'alice-laptop', 'xop3qwen8b', 900, 1200, 600, 2,
   '20251115160000495061728', 1980, 1, 0);

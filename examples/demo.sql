-- demo.sql - price six months of an example new-api log, in memory.
--
-- From the root of the repository, after building:
--   sqlite3 -cmd '.load ./build/maas' :memory: '.read examples/demo.sql'
--   sqlite3 -cmd '.load ./build/maas' :memory: < examples/demo.sql
-- @currency is left unset: each cost stays in its prices' currency (CNY for
-- the built-in card), with one total per currency.
.read examples/newapi_logs.sql
.print 'Cost of a new-api usage log, priced with sqlite-maas (iFlytek Xingchen MaaS prices, CNY)'
.print
.read sql/reports/newapi.sql


// example.js - price usage from Node.js with better-sqlite3 and sqlite-maas.
//
//   (cd node && npm install)          # builds better-sqlite3 12 from source, about a minute
//   node examples/clients/node/example.js
//
// In your own project: npm install better-sqlite3@12 and this repository's
// node/ directory (npm install /path/to/sqlite-maas/node), then
//   const Database = require('better-sqlite3');
//   const maas = require('sqlite-maas');
'use strict';
const path = require('node:path');
const nodeDir = path.join(__dirname, '..', '..', '..', 'node');
const maas = require(nodeDir);
const Database = require(require.resolve('better-sqlite3', { paths: [nodeDir] }));

const db = new Database(':memory:');
maas.load(db);  // db.loadExtension(maas.getLoadablePath(), 'sqlite3_maas_init')

const { cost } = db.prepare("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cost").get();
console.log(`DeepSeek-R1, 1M input + 1M output tokens: ${cost} CNY`);
console.log(`price lines: ${db.prepare('SELECT count(*) AS n FROM maas_rates').pluck().get()}`);

db.exec('CREATE TABLE usage(at TEXT, model TEXT, input_tokens INTEGER, output_tokens INTEGER)');
const insert = db.prepare('INSERT INTO usage VALUES (?, ?, ?, ?)');
for (const row of [
  ['2025-09-01 10:00:00', 'DeepSeek-R1', 1200, 3400],
  ['2025-09-01 10:05:00', 'qwen3-8b', 230, 300],
  ['2025-09-02 08:00:00', 'xdeepseekv3', 5000, 800],
  ['2025-09-02 09:00:00', 'gpt-4o-mini', 100, 100],
]) insert.run(...row);
const rows = db.prepare(`SELECT coalesce(maas_model(model), model) AS model,
                                maas_cost(model, input_tokens, output_tokens, at) AS cost
                           FROM usage ORDER BY 1`).all();
for (const r of rows) console.log(`${r.model}: ${r.cost === null ? 'no price' : r.cost}`);
db.close();

// sqlite_maas.test.js - node/ (getLoadablePath, load) with better-sqlite3 12,
// and examples/clients/node.  Run by scripts/clients.sh, or:
//   (cd node && npm install) && MAAS_BUILD_DIR=build node --test tests/clients/node/
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..', '..');
const nodeDir = path.join(root, 'node');
const build = path.resolve(root, process.env.MAAS_BUILD_DIR || 'build');
const moduleFile = path.join(build, 'maas.so');
// VERSION is the one home of the version; expected outputs write it @VERSION@.
const version = fs.readFileSync(path.join(root, 'VERSION'), 'utf8').trim();
const maas = require(nodeDir);
const Database = require(require.resolve('better-sqlite3', { paths: [nodeDir] }));

function withEnv(value, fn) {
  const saved = process.env.MAAS_LOADABLE_PATH;
  if (value === undefined) delete process.env.MAAS_LOADABLE_PATH; else process.env.MAAS_LOADABLE_PATH = value;
  try { return fn(); } finally {
    if (saved === undefined) delete process.env.MAAS_LOADABLE_PATH; else process.env.MAAS_LOADABLE_PATH = saved;
  }
}

test('node/package.json has the version of VERSION and the MIT license', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(nodeDir, 'package.json'), 'utf8'));
  assert.equal(pkg.version, version);
  assert.equal(pkg.license, 'MIT');
});

test('better-sqlite3 is version 12', () => {
  const pkg = require(require.resolve('better-sqlite3/package.json', { paths: [nodeDir] }));
  assert.match(pkg.version, /^12\./);
});

test('db.loadExtension(getLoadablePath()) gives the maas functions and tables', () => {
  withEnv(moduleFile, () => {
    assert.equal(maas.getLoadablePath(), moduleFile);
    const db = new Database(':memory:');
    db.loadExtension(maas.getLoadablePath());  // entry point derived from maas.so
    assert.equal(db.prepare("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)").pluck().get(), 20);
    assert.equal(db.prepare('SELECT count(*) FROM maas_rates').pluck().get(), 131);
    assert.equal(db.prepare("SELECT count(*) FROM maas_aliases WHERE alias = 'xdeepseekv3'").pluck().get(), 1);
    assert.equal(db.prepare("SELECT maas_cost('Qwen3-8B', 230, 300)").pluck().get(), 0.001615);
    assert.equal(db.prepare("SELECT maas_cost('gpt-4o-mini', 1, 1)").pluck().get(), null);
    assert.throws(() => db.prepare("SELECT maas_cost('DeepSeek-R1', -1, 0)").get(),
      /maas_cost: input_tokens must be a non-negative integer/);
    db.close();
  });
});

test("SQL's load_extension() stays off: only the C API (loadExtension) may load", () => {
  const db = new Database(':memory:');
  assert.throws(() => db.prepare('SELECT load_extension(?)').get(moduleFile), /not authorized/);
  db.close();
});

test('load(db) names the entry point, so a renamed copy loads too', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maas-node-'));
  try {
    const renamed = path.join(dir, 'sqlite-maas.so');
    fs.copyFileSync(moduleFile, renamed);
    const db = new Database(':memory:');
    assert.throws(() => db.loadExtension(renamed), /sqlite3_sqlitemaas_init/);
    assert.equal(maas.load(db, renamed), renamed);
    assert.equal(db.prepare("SELECT maas_version()").pluck().get(), version);
    db.close();
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('load(db, { nofs: true }) loads maas_nofs.so, found beside MAAS_LOADABLE_PATH', () => {
  withEnv(moduleFile, () => {
    const nofs = path.join(build, 'maas_nofs.so');
    assert.equal(maas.getLoadablePath({ nofs: true }), nofs);
    const db = new Database(':memory:');
    assert.equal(maas.load(db, { nofs: true }), nofs);
    assert.equal(db.prepare("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)").pluck().get(), 20);
    assert.equal(db.prepare("SELECT count(*) FROM pragma_function_list WHERE name = 'maas_load_card'").pluck().get(), 0);
    db.close();
  });
});

test('MAAS_LOADABLE_PATH may leave out .so, and a wrong one is an error', () => {
  withEnv(moduleFile.replace(/\.so$/, ''), () => assert.equal(maas.getLoadablePath(), moduleFile));
  withEnv('/nonexistent/maas.so', () => assert.throws(() => maas.getLoadablePath(), /MAAS_LOADABLE_PATH=\/nonexistent\/maas.so/));
});

test('without MAAS_LOADABLE_PATH it finds the checkout build/maas.so', (t) => {
  const checkout = path.join(root, 'build', 'maas.so');
  if (!fs.existsSync(checkout)) return t.skip('no build/maas.so in this checkout');
  withEnv(undefined, () => assert.equal(maas.getLoadablePath(), checkout));
});

test('examples/clients/node/example.js prints the expected output', () => {
  const out = execFileSync(process.execPath, [path.join(root, 'examples', 'clients', 'node', 'example.js')],
    { env: { ...process.env, MAAS_LOADABLE_PATH: moduleFile }, encoding: 'utf8' });
  assert.equal(out, fs.readFileSync(path.join(root, 'tests', 'clients', 'expected', 'node.txt'), 'utf8')
    .replaceAll('@VERSION@', version));
});

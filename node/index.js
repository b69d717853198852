'use strict';
// sqlite-maas for Node.js: where the loadable module is, and loading it into
// a better-sqlite3 database.
//
//   const Database = require('better-sqlite3');
//   const maas = require('sqlite-maas');          // this directory
//   const db = new Database('usage.db');
//   maas.load(db);                                // = db.loadExtension(maas.getLoadablePath())
//   db.prepare("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cny").get();  // { cny: 20 }
//
// getLoadablePath() returns the first maas.so found of:
//   1. $MAAS_LOADABLE_PATH (a file, with or without .so);
//   2. maas.so in this directory (a bundled copy);
//   3. build/maas.so of the source checkout this directory is in (node/ beside build/);
//   4. `pkg-config --variable=module sqlite-maas` (an installed sqlite-maas);
//   5. /usr/local/lib[/ARCH]/sqlite3/maas.so, /usr/lib[/ARCH]/sqlite3/maas.so.
// and throws an Error listing where it looked otherwise.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const MODULE_NAME = 'maas.so';
const ENV_VAR = 'MAAS_LOADABLE_PATH';

function asFile(candidate) {
  for (const p of [candidate, candidate.endsWith('.so') ? null : candidate + '.so']) {
    if (p && fs.existsSync(p) && fs.statSync(p).isFile()) return path.resolve(p);
  }
  return null;
}

function inLibdirs(prefix) {
  const lib = path.join(prefix, 'lib');
  const out = [path.join(lib, 'sqlite3', MODULE_NAME)];
  let entries = [];
  try { entries = fs.readdirSync(lib).sort(); } catch { /* no such prefix */ }
  for (const e of entries) out.push(path.join(lib, e, 'sqlite3', MODULE_NAME));
  return out;
}

function* candidates() {
  yield path.join(__dirname, MODULE_NAME);
  yield path.join(__dirname, '..', 'build', MODULE_NAME);
  try {
    const out = execFileSync('pkg-config', ['--variable=module', 'sqlite-maas'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 }).trim();
    if (out) yield out;
  } catch { /* no pkg-config, or sqlite-maas not installed */ }
  for (const prefix of ['/usr/local', '/usr']) yield* inLibdirs(prefix);
}

function getLoadablePath() {
  const env = process.env[ENV_VAR];
  if (env) {
    const found = asFile(env);
    if (!found) throw new Error(`${ENV_VAR}=${env}: no such file (nor ${env}.so)`);
    return found;
  }
  const looked = [];
  for (const c of candidates()) {
    const found = asFile(c);
    if (found) return found;
    looked.push(c);
  }
  throw new Error('sqlite-maas: maas.so not found; build it (cmake -S . -B build && cmake --build build), ' +
    `install it, or set ${ENV_VAR}. Looked in: ${looked.join(', ')}`);
}

// Loads the extension into a better-sqlite3 Database; returns the path loaded.
// The entry point is sqlite3_maas_init, which SQLite derives from the name
// maas.so; a renamed copy needs it named: db.loadExtension(file, 'sqlite3_maas_init').
function load(db, file) {
  const p = file || getLoadablePath();
  db.loadExtension(p, 'sqlite3_maas_init');
  return p;
}

module.exports = { getLoadablePath, load, MODULE_NAME, ENV_VAR };

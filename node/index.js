'use strict';
// sqlite-maas for Node.js: where the loadable module is, and loading it into
// a better-sqlite3 database.
//
//   const Database = require('better-sqlite3');
//   const maas = require('sqlite-maas');          // this directory
//   const db = new Database('usage.db');
//   maas.load(db);                                // = db.loadExtension(maas.getLoadablePath())
//   maas.load(db, { nofs: true });                // maas_nofs.so: no maas_load_card
//   db.prepare("SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cny").get();  // { cny: 20 }
//
// getLoadablePath() returns the first maas.so found of:
//   1. $MAAS_LOADABLE_PATH (a file, with or without .so);
//   2. maas.so in this directory (the prebuilt copy `npm pack` bundles,
//      see pack-files.js: the tarball works without any other setup);
//   3. build/maas.so of the source checkout this directory is in (node/ beside build/);
//   4. `pkg-config --variable=module sqlite-maas` (an installed sqlite-maas);
//   5. /usr/local/lib[/ARCH]/sqlite3/maas.so, /usr/lib[/ARCH]/sqlite3/maas.so.
// and throws an Error listing where it looked otherwise.  getLoadablePath({ nofs: true })
// looks for maas_nofs.so (the same functions without maas_load_card, for hosts
// where untrusted people type SQL) in the same places, beside $MAAS_LOADABLE_PATH.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const MODULE_NAME = 'maas.so';
const NOFS_MODULE_NAME = 'maas_nofs.so';
const ENV_VAR = 'MAAS_LOADABLE_PATH';

function asFile(candidate) {
  for (const p of [candidate, candidate.endsWith('.so') ? null : candidate + '.so']) {
    if (p && fs.existsSync(p) && fs.statSync(p).isFile()) return path.resolve(p);
  }
  return null;
}

function inLibdirs(prefix, name) {
  const lib = path.join(prefix, 'lib');
  const out = [path.join(lib, 'sqlite3', name)];
  let entries = [];
  try { entries = fs.readdirSync(lib).sort(); } catch { /* no such prefix */ }
  for (const e of entries) out.push(path.join(lib, e, 'sqlite3', name));
  return out;
}

function* candidates(name) {
  yield path.join(__dirname, name);
  yield path.join(__dirname, '..', 'build', name);
  try {
    const out = execFileSync('pkg-config', ['--variable=module', 'sqlite-maas'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 }).trim();
    if (out) yield path.join(path.dirname(out), name);
  } catch { /* no pkg-config, or sqlite-maas not installed */ }
  for (const prefix of ['/usr/local', '/usr']) yield* inLibdirs(prefix, name);
}

function getLoadablePath(options = {}) {
  const name = options.nofs ? NOFS_MODULE_NAME : MODULE_NAME;
  const env = process.env[ENV_VAR];
  if (env) {
    const found = asFile(env);
    if (!found) throw new Error(`${ENV_VAR}=${env}: no such file (nor ${env}.so)`);
    if (!options.nofs) return found;
    const beside = path.join(path.dirname(found), name);
    if (!asFile(beside)) throw new Error(`${ENV_VAR}=${env}: no ${name} beside it`);
    return beside;
  }
  const looked = [];
  for (const c of candidates(name)) {
    const found = asFile(c);
    if (found) return found;
    looked.push(c);
  }
  throw new Error(`sqlite-maas: ${name} not found; ` + 'build it (cmake -S . -B build && cmake --build build), ' +
    `install it, or set ${ENV_VAR}. Looked in: ${looked.join(', ')}`);
}

// Loads the extension into a better-sqlite3 Database; returns the path loaded.
// The entry point is sqlite3_maas_init, which SQLite derives from the name
// maas.so; a renamed copy needs it named: db.loadExtension(file, 'sqlite3_maas_init').
// load(db, { nofs: true }) loads maas_nofs.so (entry point sqlite3_maasnofs_init).
function load(db, fileOrOptions) {
  const options = typeof fileOrOptions === 'object' && fileOrOptions !== null ? fileOrOptions : {};
  const p = typeof fileOrOptions === 'string' ? fileOrOptions : getLoadablePath(options);
  db.loadExtension(p, options.nofs ? 'sqlite3_maasnofs_init' : 'sqlite3_maas_init');
  return p;
}

module.exports = { getLoadablePath, load, MODULE_NAME, NOFS_MODULE_NAME, ENV_VAR };

#!/usr/bin/env bash
# test_npm.sh - the npm package: `npm pack` in node/ makes sqlite-maas-VERSION.tgz
# with this build's maas.so and maas_nofs.so inside; installed into an empty
# project next to better-sqlite3@12 (npm install TARBALL better-sqlite3@12),
# require('sqlite-maas').load(db) works there with no other setup.
#
# better-sqlite3 is compiled from source there (no prebuilt binary can be
# downloaded here): npm_config_build_from_source=true skips the download
# attempt and JOBS=max lets node-gyp use every core.  MAAS_NPM_PROJECT=DIR
# reuses a project installed before (only sqlite-maas is reinstalled).
source "$(dirname "$0")/common.sh"
need_module
scratch
command -v npm > /dev/null || fail "no npm (apt install npm)"

leftovers() { ls node/maas.so node/maas_nofs.so node/LICENSE 2>/dev/null || true; }
[[ -z $(leftovers) ]] || fail "node/ holds $(leftovers) before npm pack: remove them (an interrupted npm pack?)"
mkdir -p "$SCRATCH/pack"
(cd node && npm pack --pack-destination "$SCRATCH/pack") > "$SCRATCH/pack.log" 2>&1 ||
  { cat "$SCRATCH/pack.log" >&2; fail "npm pack in node/"; }
tarball=$(ls "$SCRATCH"/pack/*.tgz)
expect_eq "tarball name" "$(basename "$tarball")" "sqlite-maas-$MAAS_VERSION.tgz"
expect_eq "tarball contents" "$(tar tzf "$tarball" | sort | tr '\n' ' ')" \
  "package/LICENSE package/README.md package/index.d.ts package/index.js package/maas.so package/maas_nofs.so package/package.json "
cmp -s <(tar xzOf "$tarball" package/maas.so) "$MODULE" || fail "the tarball's maas.so is not $MODULE"
ok "the tarball's maas.so is this build's"
expect_eq "files npm pack copied into node/ are gone again (postpack)" "$(leftovers)" ""

project=${MAAS_NPM_PROJECT:-$SCRATCH/project}
mkdir -p "$project"
cd "$project" || exit 1  # nothing of the checkout from here on
[[ -f package.json ]] || cat > package.json <<'JSON'
{
  "name": "maas-npm-test",
  "private": true,
  "allowScripts": { "better-sqlite3": true }
}
JSON
start=$(date +%s)
npm_config_build_from_source=true JOBS=max npm install --no-audit --no-fund --loglevel=error "$tarball" better-sqlite3@12 \
  > "$SCRATCH/install.log" 2>&1 || { cat "$SCRATCH/install.log" >&2; fail "npm install $(basename "$tarball") better-sqlite3@12"; }
ok "npm install $(basename "$tarball") better-sqlite3@12 in an empty project ($(( $(date +%s) - start ))s)"
expect_eq "better-sqlite3 major version" "$(node -p "require('better-sqlite3/package.json').version.split('.')[0]")" "12"

expect_eq "the acceptance query" "$(env -u MAAS_LOADABLE_PATH -u NODE_PATH node -e "
const Database = require('better-sqlite3');
const db = new Database(':memory:');
require('sqlite-maas').load(db);
console.log(db.prepare(\"SELECT maas_cost('DeepSeek-R1', 1000000, 1000000)\").pluck().get());")" "20"
expect_eq "getLoadablePath() is inside the installed package" "$(env -u MAAS_LOADABLE_PATH node -e "
const maas = require('sqlite-maas');
console.log(maas.getLoadablePath(), maas.getLoadablePath({ nofs: true }));")" \
  "$project/node_modules/sqlite-maas/maas.so $project/node_modules/sqlite-maas/maas_nofs.so"
expect_eq "load(db, { nofs: true }): prices, and no maas_load_card" "$(env -u MAAS_LOADABLE_PATH node -e "
const Database = require('better-sqlite3');
const db = new Database(':memory:');
require('sqlite-maas').load(db, { nofs: true });
const row = db.prepare(\"SELECT maas_cost('DeepSeek-R1', 1000000, 1000000) AS cost, (SELECT count(*) FROM pragma_function_list WHERE name = 'maas_load_card') AS card\").get();
console.log(row.cost, row.card);")" "20 0"
expect_eq "the package's version and license" "$(node -p "const p = require('sqlite-maas/package.json'); p.version + ' ' + p.license")" "$MAAS_VERSION MIT"

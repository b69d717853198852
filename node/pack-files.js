'use strict';
// pack-files.js - what `npm pack` puts into the tarball besides index.js:
// the prebuilt modules maas.so and maas_nofs.so of the build tree, and
// LICENSE.  Run by npm as prepack (`node pack-files.js copy`) and postpack
// (`node pack-files.js remove`), so the copies live in node/ only while the
// tarball is made:
//
//   cmake -S . -B build && cmake --build build
//   cd node && npm pack            # sqlite-maas-VERSION.tgz, with maas.so inside
//
// The modules come from $MAAS_BUILD_DIR (default: ../build); a missing one
// stops npm pack with a message saying how to make it.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const build = path.resolve(root, process.env.MAAS_BUILD_DIR || 'build');
const files = [
  [path.join(build, 'maas.so'), 'maas.so'],
  [path.join(build, 'maas_nofs.so'), 'maas_nofs.so'],
  [path.join(root, 'LICENSE'), 'LICENSE'],
];

const what = process.argv[2];
if (what === 'copy') {
  for (const [from, to] of files) {
    if (!fs.existsSync(from)) {
      console.error(`sqlite-maas npm pack: no ${from}: build the modules first ` +
        '(cmake -S . -B build && cmake --build build), or set MAAS_BUILD_DIR');
      process.exit(1);
    }
    fs.copyFileSync(from, path.join(__dirname, to));
  }
} else if (what === 'remove') {
  for (const [, to] of files) fs.rmSync(path.join(__dirname, to), { force: true });
} else {
  console.error('usage: node pack-files.js copy|remove');
  process.exit(2);
}

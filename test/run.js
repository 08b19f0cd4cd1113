// Runs every compiled test file (test/out/**/*.test.js) with node's test runner, one summary at the end.
// --test-force-exit: a test file whose event loop is kept alive by a stray handle must not hang CI.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'suite' ? [] : find(full);
    return e.name.endsWith('.test.js') ? [full] : [];
  });
}

const only = process.argv.slice(2);
const files = find(path.join(__dirname, 'out')).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
if (files.length === 0) {
  console.error('no compiled tests found: run `npx tsc -b` first');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-force-exit', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);

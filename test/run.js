// Runs every compiled test file (test/out/**/*.test.js) with node's test runner, one summary at the end.
// Not --test-force-exit: with concurrency, Node 20 then drops the verdicts of a file's last tests at random and
// still reports "fail 0" (nodejs/node#64833; seen here as 407 of 418 core tests). A test file whose event loop a
// stray handle keeps alive would hang instead, so the whole run has a deadline: past it, the run and every test
// process it started are killed, and the run fails saying so.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const DEADLINE_MS = Number(process.env.CORROBORATE_TEST_DEADLINE_MS || 40 * 60 * 1000);

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
// Its own process group, so the deadline can stop the test processes too. Its TAP output passes through line by
// line; the failures are repeated just above the closing summary, so that the tail of a long log says what failed.
const child = spawn(process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=2', ...files],
  { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
const recap = failureRecap();
let pending = '';
child.stdout.on('data', (chunk) => {
  const lines = (pending + chunk.toString()).split('\n');
  pending = lines.pop();
  for (const line of lines) recap.line(line);
});
const deadline = setTimeout(() => {
  console.error(`\ntests still running after ${Math.round(DEADLINE_MS / 60000)} minutes: stopped (a test, or a handle left open, hangs)`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  process.exit(1);
}, DEADLINE_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { try { process.kill(-child.pid, signal); } catch { /* gone */ } process.exit(1); });
child.on('close', (code, signal) => {
  clearTimeout(deadline);
  if (pending) recap.line(pending);
  recap.end();
  process.exit(code ?? (signal ? 1 : 0));
});

/**
 * Passes TAP lines through, keeps each top-level failure's block ("not ok N - name" and its YAML, TODO and SKIP
 * excepted), and holds back the closing plan and summary ("1..N", "# tests ...") until end(), which prints the
 * failures again before them.
 */
function failureRecap() {
  const failures = [];
  const tail = [];
  let current;
  return {
    line(line) {
      if (tail.length || /^1\.\.\d+$/.test(line)) { tail.push(line); return; }
      process.stdout.write(line + '\n');
      if (/^not ok \d+ /.test(line) && !/# (TODO|SKIP)\b/i.test(line)) failures.push((current = [line]));
      else if (current && /^ {2}/.test(line)) { if (current.length < 120) current.push(line); if (line === '  ...') current = undefined; }
      else current = undefined;
    },
    end() {
      if (failures.length) {
        process.stdout.write(`# ${failures.length} failing test(s), repeated from above:\n`);
        for (const block of failures) process.stdout.write(block.map((l) => `# ${l}`).join('\n') + '\n');
      }
      for (const line of tail) process.stdout.write(line + '\n');
    },
  };
}

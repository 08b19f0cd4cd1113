// The example corpus's planted conflicts and look-alikes (test/fixtures/truth/conflicts.json) kept as a test:
// no look-alike may raise an alarm, every conflict found must be a planted one, and recall may not fall below
// what it is (16 of 28: 14, then the Duda / Chen quote and the $1 / $1.5 trillion pledge). `node scripts/measure-conflicts.js --verbose` explains.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

test('planted conflicts: no false alarm on the 32 look-alikes, at least 16 of 28 conflicts found, none unexplained', () => {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'measure-conflicts.js'), '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { detected: string[]; falseAlarms: string[]; unexplained: number; planted: number; lookAlikes: number };
  assert.equal(result.lookAlikes, 32);
  assert.deepEqual(result.falseAlarms, [], 'look-alikes flagged as conflicts');
  assert.equal(result.unexplained, 0, 'conflicts found that no planted conflict explains');
  assert.ok(result.detected.length >= 16, `only ${result.detected.length} of ${result.planted} planted conflicts found: ${result.detected.join(', ')}`);
  for (const id of ['c1', 'c3']) assert.ok(result.detected.includes(id), `${id} (a conflict found since the start) is missed`);
});

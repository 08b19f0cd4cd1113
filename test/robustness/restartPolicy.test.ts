// The client's crash-recovery policy (client/src/restartPolicy.ts): restart a dead server up to 4 times within
// 3 minutes, then stop with a message naming the output channel. Loaded from client/out (the test project does
// not reference the client project; the policy has no vscode import).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { REPO } from '../server/lspClient';

type Decision = { restart: true } | { restart: false; message: string };
interface Policy { serverDied(): Decision; reset(): void }
const { RestartPolicy } = require(path.join(REPO, 'client', 'out', 'restartPolicy.js')) as {
  RestartPolicy: new (maxRestarts?: number, windowMs?: number, now?: () => number) => Policy;
};

test('four deaths within three minutes are restarted; the fifth stops with a clear message', () => {
  let now = 0;
  const policy = new RestartPolicy(undefined, undefined, () => now);
  for (let i = 0; i < 4; i++) {
    now += 10_000;
    assert.deepEqual(policy.serverDied(), { restart: true }, `death ${i + 1}`);
  }
  now += 10_000;
  const fifth = policy.serverDied();
  assert.equal(fifth.restart, false);
  assert.match((fifth as { message: string }).message, /Corroborate's server stopped 5 times in the last 3 minutes/);
  assert.match((fifth as { message: string }).message, /Corroborate output channel/);
});

test('deaths spread over more than three minutes keep being restarted', () => {
  let now = 0;
  const policy = new RestartPolicy(undefined, undefined, () => now);
  for (let i = 0; i < 20; i++) {
    now += 50_000; // at most 4 deaths in any 3-minute window
    assert.deepEqual(policy.serverDied(), { restart: true }, `death ${i + 1}`);
  }
});

test('after the stop, or a restart the user asks for, the count starts again', () => {
  let now = 0;
  const policy = new RestartPolicy(undefined, undefined, () => now);
  for (let i = 0; i < 4; i++) policy.serverDied();
  assert.equal(policy.serverDied().restart, false);
  assert.equal(policy.serverDied().restart, true, 'a new start after the message is allowed its own restarts');
  policy.reset();
  for (let i = 0; i < 4; i++) assert.equal(policy.serverDied().restart, true);
});

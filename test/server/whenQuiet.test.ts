// The writes after an index wait for a pause in the editing, and never past their deadline (a fake clock: no timing).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { REPO } from './lspClient';
const { whenQuiet } = require(path.join(REPO, 'server/out/lsp/whenQuiet')) as typeof import('../../server/src/lsp/whenQuiet');

/** A clock whose timers fire when `advance` passes them. */
function fakeClock() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    after: (ms: number, run: () => void) => void timers.push({ at: now + ms, run }),
    advance(to: number) {
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        if (!timers.length || timers[0].at > to) break;
        const t = timers.shift()!;
        now = t.at;
        t.run();
      }
      now = to;
    },
  };
}

test('with no edits, the write runs after its delay', () => {
  const clock = fakeClock();
  const ran: number[] = [];
  whenQuiet({ delayMs: 3000, quietMs: 1500, deadline: 60_000, lastEditAt: () => -Infinity, run: () => ran.push(clock.now()) }, clock);
  clock.advance(2999);
  assert.deepEqual(ran, []);
  clock.advance(10_000);
  assert.deepEqual(ran, [3000]);
});

test('while edits come, the write waits until they pause for the quiet time, and runs once', () => {
  const clock = fakeClock();
  const ran: number[] = [];
  let lastEdit = 0;
  whenQuiet({ delayMs: 3000, quietMs: 1500, deadline: 60_000, lastEditAt: () => lastEdit, run: () => ran.push(clock.now()) }, clock);
  // An edit every 500 ms until 8 s.
  for (let t = 500; t <= 8000; t += 500) {
    clock.advance(t);
    lastEdit = t;
  }
  assert.deepEqual(ran, [], 'not while editing');
  clock.advance(30_000);
  assert.deepEqual(ran, [9500], 'once the edits paused for 1.5 s');
});

test('edits that never pause hold the write only until the deadline', () => {
  const clock = fakeClock();
  const ran: number[] = [];
  let lastEdit = 0;
  whenQuiet({ delayMs: 3000, quietMs: 1500, deadline: 20_000, lastEditAt: () => lastEdit, run: () => ran.push(clock.now()) }, clock);
  for (let t = 100; t <= 40_000; t += 100) {
    clock.advance(t);
    lastEdit = t;
  }
  assert.deepEqual(ran, [20_000]);
});

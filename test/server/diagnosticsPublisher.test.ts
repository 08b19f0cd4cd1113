// The publisher's pacing: after the first index every source with a conflict is published, a chunk at a time, the
// next chunk only once the connection has written the last (a request answered meanwhile waits behind one chunk,
// not behind every file's), open files first; `whenPublished` resolves when the last one is written.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { REPO } from './lspClient';

const { DiagnosticsPublisher } = require(path.join(REPO, 'server/out/lsp/diagnostics')) as typeof import('../../server/src/lsp/diagnostics');
const { DEFAULT_CONFLICT_SETTINGS } = require(path.join(REPO, 'server/out/lsp/conflictSettings')) as typeof import('../../server/src/lsp/conflictSettings');
const { Corpus } = require(path.join(REPO, 'server/out/core/corpus')) as typeof import('../../server/src/core/corpus');

const SOURCES = 250;
const uriOf = (i: number) => `file:///p/${String(i).padStart(3, '0')}.txt`;
// Every source gives Mowick Steel's bid one of two values: one conflict, a diagnostic in every source.
const text = (i: number) => `source: Wire ${i}\ndate: 2025-02-07\n\nMowick Steel's $${i % 2 ? '14.1' : '14.9'} billion bid for Harrow Mills remains frozen.\n`;

/** A connection whose writes finish only when the test says so. */
function slowConnection() {
  const sent: string[] = [];
  const pending: (() => void)[] = [];
  const connection = {
    sendDiagnostics(p: { uri: string }): Promise<void> {
      sent.push(p.uri);
      return new Promise((resolve) => pending.push(resolve));
    },
  };
  return { connection, sent, writeAll: () => pending.splice(0).forEach((resolve) => resolve()) };
}

const turns = (n: number) => new Promise<void>((resolve) => {
  const next = (k: number) => (k === 0 ? resolve() : setImmediate(() => next(k - 1)));
  next(n);
});

test('every source is published in chunks, the next built while the last is written, two at most unwritten; open files first', async () => {
  const corpus = new Corpus();
  for (let i = 0; i < SOURCES; i++) corpus.update({ uri: uriOf(i), text: text(i), version: 1 });
  assert.equal(corpus.conflicts().length, 1);
  const open = uriOf(200);
  const { connection, sent, writeAll } = slowConnection();
  const publisher = new DiagnosticsPublisher(connection as never, corpus, () => DEFAULT_CONFLICT_SETTINGS, (uri) => uri === open);
  let done = false;
  publisher.publishNow();
  const published = publisher.whenPublished().then(() => { done = true; });
  assert.deepEqual(sent, [open], 'the open file at once');
  /** What was sent between two writes of the connection: at most two chunks. */
  const rounds: number[] = [];
  let seen = sent.length;
  while (seen < SOURCES) {
    await turns(5);
    const round = sent.length - seen;
    assert.ok(round > 0, `chunks are sent while the connection writes (after ${seen})`);
    await turns(5);
    assert.equal(sent.length - seen, round, 'no more until the connection has written');
    assert.equal(done, false, 'not published before the last chunk is written');
    rounds.push(round);
    seen = sent.length;
    writeAll();
  }
  await published;
  assert.equal(new Set(sent).size, SOURCES, 'every source once');
  assert.equal(sent.length, SOURCES);
  assert.ok(rounds.length >= 2 && Math.max(...rounds) <= 200, `two chunks of at most 100 unwritten: ${rounds.join(', ')}`);
  assert.equal(rounds[0], 200, `the second chunk is built while the first is written: ${rounds.join(', ')}`);
  publisher.dispose();
});

test('a publish after an edit waits for the filing of claims under way, instead of making it finish at once', async () => {
  const corpus = new Corpus();
  for (let i = 0; i < 4; i++) corpus.update({ uri: uriOf(i), text: text(i), version: 1 });
  const sent: string[] = [];
  const connection = { sendDiagnostics: (p: { uri: string }) => { sent.push(p.uri); return Promise.resolve(); } };
  let finishFiling!: () => void;
  let filing: Promise<void> | undefined = new Promise<void>((resolve) => { finishFiling = resolve; });
  const publisher = new DiagnosticsPublisher(connection as never, corpus, () => DEFAULT_CONFLICT_SETTINGS, () => false, 1, () => filing);
  publisher.schedule();
  await new Promise((r) => setTimeout(r, 60));
  assert.deepEqual(sent, [], 'nothing published while the filing runs');
  filing.then(() => { filing = undefined; });
  finishFiling();
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(sent.length, 4, `published once it is done: ${sent.join(' ')}`);
});

// The first index stops taking files when the server's memory is full, and says how many it left out.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { REPO } from './lspClient';

const { indexFiles } = require(path.join(REPO, 'server/out/lsp/bulkIndex')) as typeof import('../../server/src/lsp/bulkIndex');
const { Corpus } = require(path.join(REPO, 'server/out/core/corpus')) as typeof import('../../server/src/core/corpus');

function options(read: string[], memoryFull: () => boolean) {
  return {
    corpus: new Corpus(), pool: () => undefined, cache: undefined, maxFileSize: 1e6,
    isOpen: () => false,
    readOne: async (file: string) => { read.push(file); },
    nextVersion: () => 1, skipped: () => undefined, note: () => undefined, progress: () => undefined, read: () => undefined,
    memoryFull,
  };
}

const files = Array.from({ length: 1300 }, (_, i) => `/corpus/${i}.txt`);

test('a full memory, seen twice in a row, leaves the rest of the files out', async () => {
  const read: string[] = [];
  const { leftOut } = await indexFiles(files, options(read, () => true));
  assert.equal(read.length, 512, 'one window of files read before the second look at the memory');
  assert.equal(leftOut, 1300 - 512);
});

test('memory that looks full once (garbage not yet collected) leaves nothing out', async () => {
  const read: string[] = [];
  let looks = 0;
  const { leftOut } = await indexFiles(files, options(read, () => looks++ === 1));
  assert.equal(leftOut, 0);
  assert.equal(read.length, 1300);
});

test('at a warm start the cache is checked against the stamps the snapshot took, without a second stat', async () => {
  const { statOfStamp, stampOf } = require(path.join(REPO, 'server/out/lsp/diagnosticsSnapshot')) as typeof import('../../server/src/lsp/diagnosticsSnapshot');
  assert.deepEqual(statOfStamp(stampOf(1733155200123.4567, 5120)), { mtimeMs: 1733155200123.4567, size: 5120 });
  assert.equal(statOfStamp('missing'), undefined);
  assert.equal(statOfStamp(undefined), undefined);
  // Files that are not on disk: only the stamps can say what they were.
  const corpus = new Corpus();
  const cached = ['/nowhere/a.txt', '/nowhere/b.txt'];
  const entries = new Map(cached.map((file) => {
    const probe = new Corpus();
    probe.update({ uri: `file://${file}`, text: 'Kenji Tanaka met Akira Mori in Tokyo.', version: 1 });
    const source = { analysis: probe.analysis(`file://${file}`)!, claims: probe.claimsOf(`file://${file}`)!, lineStarts: [0] };
    return [file, { mtimeMs: 7, size: 40, source }] as const;
  }));
  const cache = { has: (f: string) => entries.has(f), get: (f: string, m: number, s: number) => { const e = entries.get(f); return e && e.mtimeMs === m && e.size === s ? e.source : undefined; }, set: () => undefined };
  const read: string[] = [];
  const stamps = new Map([['/nowhere/a.txt', stampOf(7, 40)], ['/nowhere/b.txt', stampOf(8, 40)]]);
  const { cached: fromCache } = await indexFiles(cached, {
    ...options(read, () => false), corpus, cache: cache as never, seen: (file: string) => statOfStamp(stamps.get(file)),
  });
  assert.equal(fromCache, 1, 'the file whose stamp matches comes from the cache');
  assert.ok(corpus.has('file:///nowhere/a.txt'));
  assert.deepEqual(read, ['/nowhere/b.txt'], 'the file whose mtime changed is read again');
});

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

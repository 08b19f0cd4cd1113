// Memory of the core under edits: old versions of a document must not stay reachable after update().
// Found by the soak test: foldName() memoized V8 *sliced strings* (text.slice(...) of 13+ characters) as keys, and a
// sliced string keeps its whole parent alive, so every new name seen kept that version of the document in memory
// (30 versions of a 1 MB document retained ~29 MB). The memos now keep only keys shorter than 13 characters.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';

const CORE = path.resolve(__dirname, '../../../server/out/core');
const { Corpus } = require(path.join(CORE, 'corpus')) as typeof import('../../server/src/core/corpus');

test('editing a 1 MB document 30 times does not keep its old versions in memory', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const corpus = new Corpus();
  const filler = 'the talks went on and on without any result that anyone could see. '.repeat(15_000);
  const trees = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Ginkgo', 'Hazel', 'Ironwood', 'Juniper'];
  const name = (k: number) => `Shigeru ${trees[k % 10]}${'abc'[Math.floor(k / 10) % 3]}ston`;
  const version = (k: number) => `Prime Minister ${name(k)} said so. ${filler}${name(k)} left.`;
  corpus.update({ uri: 'file:///a.txt', text: version(0), version: 0 });
  corpus.entities();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let k = 1; k <= 30; k++) {
    corpus.update({ uri: 'file:///a.txt', text: version(k), version: k });
    corpus.entities();
  }
  gc();
  gc();
  const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  assert.ok(grown < 6, `heap grew ${grown.toFixed(1)} MB after 30 versions of a 1 MB document`);
});

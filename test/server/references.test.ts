// References of a name mentioned more often than the list can usefully hold: this source's mentions first, the
// list cut at the limit, and the user told once.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { REPO } from './lspClient';

const { provideReferences } = require(path.join(REPO, 'server/out/lsp/references')) as typeof import('../../server/src/lsp/references');
const { Corpus } = require(path.join(REPO, 'server/out/core/corpus')) as typeof import('../../server/src/core/corpus');

const text = (i: number) => `date: 2025-02-0${1 + (i % 9)}\n\nMowick Steel said on Monday that Mowick Steel would appeal. Analysts said Mowick Steel had little choice.\n`;

function corpusOf(n: number) {
  const corpus = new Corpus();
  for (let i = 0; i < n; i++) corpus.update({ uri: `file:///r/${String(i).padStart(2, '0')}.txt`, text: text(i), version: 1 });
  return corpus;
}

const at = (uri: string) => ({ textDocument: { uri }, position: { line: 2, character: 2 }, context: { includeDeclaration: true } });

test('under the limit every mention is listed and nothing is said', () => {
  const corpus = corpusOf(10);
  const told: string[] = [];
  const refs = provideReferences(corpus, at('file:///r/03.txt'), { max: 30, notify: (m) => told.push(m) });
  assert.equal(refs.length, 30);
  assert.equal(told.length, 0);
});

test('over the limit: this source first, cut at the limit, told once', () => {
  const corpus = corpusOf(20);
  const told: string[] = [];
  const uri = 'file:///r/17.txt';
  const refs = provideReferences(corpus, at(uri), { max: 25, notify: (m) => told.push(m) });
  assert.equal(refs.length, 25);
  assert.equal(refs.filter((r) => r.uri === uri).length, 3, "all of this source's mentions are in");
  provideReferences(corpus, at('file:///r/02.txt'), { max: 25, notify: (m) => told.push(m) });
  assert.equal(told.length, 1);
  assert.match(told[0], /Mowick Steel is mentioned 60 times in 20 sources/);
});

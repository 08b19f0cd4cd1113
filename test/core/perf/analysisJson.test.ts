// Analyses that cross a thread or go to disk as JSON come back as the same data: a corpus of them gives exactly
// the entities and conflicts of a corpus that analyzed the texts itself, unbounded figures included.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const { Corpus, lineStarts } = require(path.join(REPO, 'server/out/core/corpus')) as typeof import('../../../server/src/core/corpus');
const { analyzeDocument } = require(path.join(REPO, 'server/out/core/document')) as typeof import('../../../server/src/core/document');
const { extractClaims } = require(path.join(REPO, 'server/out/core/claims/extract')) as typeof import('../../../server/src/core/claims/extract');
const { analysisToJson, analysisFromJson } = require(path.join(REPO, 'server/out/core/analysisJson')) as typeof import('../../../server/src/core/analysisJson');

const dir = path.join(REPO, 'examples');
const texts = fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
texts.push('date: 2025-03-01\nsource: Test Wire\n\nMore than 50,000 workers at Mowick Steel walked out, the union said. Mowick Steel said at least 40,000 stayed.\n');

function analyzed(uri: string, text: string) {
  const analysis = analyzeDocument({ uri, text, version: 1 });
  return { analysis, claims: extractClaims(text, analysis, analysis.meta), lineStarts: lineStarts(text) };
}

test('an analysis through JSON keeps infinite bounds and leaves the original as it was', () => {
  const source = analyzed('file:///j/strike.txt', texts[texts.length - 1]);
  const before = source.claims.figures.map((f) => [f.low, f.high]);
  assert.ok(before.some(([, high]) => high === Infinity), 'an unbounded figure ("more than")');
  const back = analysisFromJson(analysisToJson(source));
  assert.deepEqual(back.claims.figures.map((f) => [f.low, f.high]), before);
  assert.deepEqual(source.claims.figures.map((f) => [f.low, f.high]), before);
  assert.equal(source.analysis.mentions[0].uri, 'file:///j/strike.txt', 'uris put back in the original');
  assert.equal(back.analysis.mentions[0].uri, '', 'and left out of the JSON');
});

test('an analysis parsed back is marked as parsed and writes the same JSON again', () => {
  const json = analysisToJson(analyzed('file:///j/strike.txt', texts[texts.length - 1]));
  const back = analysisFromJson(json);
  assert.equal(back.parsed, true, 'its shortest strings are shared already (SharedStrings.adopt skips them)');
  assert.equal(analysisToJson(back), json, 'the mark is not written');
});

test('a corpus of analyses through JSON equals a corpus that analyzed the texts', () => {
  const fresh = new Corpus();
  const moved = new Corpus();
  texts.forEach((text, i) => {
    const uri = `file:///j/${i}.txt`;
    fresh.update({ uri, text, version: 1 });
    const back = analysisFromJson(JSON.parse(analysisToJson(analyzed(uri, text))));
    back.analysis.version = 1;
    moved.insert(back);
  });
  assert.ok(fresh.conflicts().length > 5);
  assert.equal(JSON.stringify({ e: moved.entities(), c: moved.conflicts() }), JSON.stringify({ e: fresh.entities(), c: fresh.conflicts() }));
});

// Measures entity precision and recall on the example corpus against test/fixtures/truth/entities.json.
// Run after a build: node scripts/measure-entities.js
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { Corpus } = require('../server/out/core/corpus');

const root = path.join(__dirname, '..');
const truth = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/truth/entities.json'), 'utf8'));
const corpus = new Corpus();
for (const f of fs.readdirSync(path.join(root, 'examples')).filter((f) => /\.(txt|md)$/.test(f))) {
  corpus.update({ uri: pathToFileURL(path.join(root, 'examples', f)).href, text: fs.readFileSync(path.join(root, 'examples', f), 'utf8'), version: 1 });
}
const fold = (s) => s.toLowerCase().replace(/[’']s$/, '').replace(/’/g, "'");
const predicted = corpus.entities();
const truthByName = new Map();
for (const t of truth) for (const v of t.variants) truthByName.set(fold(v), [...(truthByName.get(fold(v)) || []), t]);

// An entity found is right when one of its names is a variant of a true entity of the same kind.
let correct = 0;
const wrong = [];
for (const e of predicted) {
  const matches = e.names.flatMap((n) => truthByName.get(fold(n)) || []);
  if (matches.some((t) => t.kind === e.kind)) correct++;
  else wrong.push(`${e.canonical} (${e.kind})`);
}
// A true entity is found when some entity of its kind carries one of its variants; it is grouped when every
// variant the system recognized landed in one entity. A variant that two true entities share ("Abe" of Shinzo and
// of Akie Abe) says nothing about which one an entity is, so it does not count as a split.
let found = 0;
let grouped = 0;
const missed = [];
const split = [];
const own = (t) => t.variants.map(fold).filter((v) => truthByName.get(v).filter((o) => o.kind === t.kind).length === 1);
for (const t of truth) {
  const carrying = (variants) => predicted.filter((e) => e.kind === t.kind && e.names.some((n) => variants.includes(fold(n))));
  const all = carrying(t.variants.map(fold));
  const owned = carrying(own(t));
  const hits = owned.length ? owned : all;
  if (all.length > 0) found++;
  else missed.push(`${t.canonical} (${t.kind})`);
  if (hits.length === 1) grouped++;
  else if (hits.length > 1) split.push(`${t.canonical}: ${hits.map((h) => h.canonical).join(' | ')}`);
}
const p = correct / predicted.length;
const r = found / truth.length;
console.log(`entities found ${predicted.length}, true ${truth.length}`);
console.log(`precision ${(p * 100).toFixed(1)}%  recall ${(r * 100).toFixed(1)}%  F1 ${((2 * p * r) / (p + r) * 100).toFixed(1)}%  grouped in one entity ${grouped}/${found}`);
if (process.argv.includes('--verbose')) {
  console.log('\nnot true entities:\n  ' + wrong.join('\n  '));
  console.log('\nmissed:\n  ' + missed.join('\n  '));
  console.log('\nsplit over several entities:\n  ' + split.join('\n  '));
}

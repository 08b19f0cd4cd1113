// Measures conflict detection on the example corpus against test/fixtures/truth/conflicts.json: recall on the
// planted true conflicts, false alarms on the planted look-alikes, and every other conflict found, for review.
// Run after a build: node scripts/measure-conflicts.js [--verbose | --json]
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { Corpus } = require('../server/out/core/corpus');

const root = path.join(__dirname, '..');
const truth = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/truth/conflicts.json'), 'utf8'));
const corpus = new Corpus();
const texts = new Map();
for (const f of fs.readdirSync(path.join(root, 'examples')).filter((f) => /\.(txt|md)$/.test(f))) {
  const uri = pathToFileURL(path.join(root, 'examples', f)).href;
  const text = fs.readFileSync(path.join(root, 'examples', f), 'utf8');
  texts.set('examples/' + f, { uri, text });
  corpus.update({ uri, text, version: 1 });
}
const found = corpus.conflicts();

/** The span of a truth place in its file. */
function span(place) {
  const doc = texts.get(place.file);
  if (!doc) throw new Error(`no file ${place.file}`);
  const start = doc.text.indexOf(place.text);
  if (start < 0) throw new Error(`"${place.text}" not in ${place.file}`);
  return { uri: doc.uri, start, end: start + place.text.length };
}
const overlaps = (claim, s) => claim.uri === s.uri && claim.start < s.end && s.start < claim.end;
/** A found conflict covers a truth pair when it has a claim on each side (in different places). */
const covers = (conflict, pair) => {
  const a = span(pair.a);
  const b = span(pair.b);
  return conflict.claims.some((c) => overlaps(c, a)) && conflict.claims.some((c) => overlaps(c, b));
};
const kindMatches = (conflict, pair) => pair.kind === 'quote' ? conflict.kind.startsWith('quote') : conflict.kind === pair.kind;

const hits = truth.conflicts.filter((pair) => found.some((c) => kindMatches(c, pair) && covers(c, pair)));
// A look-alike pair raises a false alarm when a conflict puts both places together and no planted true conflict
// explains that conflict (a group of three sources where two agree and one differs is not an alarm for the two).
const alarms = truth.nonConflicts.filter((pair) => found.some((c) => covers(c, pair) && !truth.conflicts.some((t) => covers(c, t))));
const explained = new Set(found.filter((c) => truth.conflicts.some((pair) => covers(c, pair))));
const others = found.filter((c) => !explained.has(c));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ found: found.length, planted: truth.conflicts.length, detected: hits.map((p) => p.id), lookAlikes: truth.nonConflicts.length, falseAlarms: alarms.map((p) => p.id), unexplained: others.length }));
  process.exit(0);
}
const byKind = (list) => list.reduce((acc, p) => ({ ...acc, [p.kind]: (acc[p.kind] || 0) + 1 }), {});
console.log(`conflicts found ${found.length}; planted true conflicts detected ${hits.length}/${truth.conflicts.length} (recall ${(100 * hits.length / truth.conflicts.length).toFixed(1)}%) by kind ${JSON.stringify(byKind(hits))} of ${JSON.stringify(byKind(truth.conflicts))}`);
console.log(`false alarms on planted look-alikes ${alarms.length}/${truth.nonConflicts.length}; found conflicts explained by a planted one ${explained.size}/${found.length} (precision lower bound ${(100 * explained.size / Math.max(1, found.length)).toFixed(1)}%)`);
if (process.argv.includes('--verbose')) {
  const missed = truth.conflicts.filter((p) => !hits.includes(p));
  console.log('\nmissed:\n' + missed.map((p) => `  ${p.id} ${p.kind} ${p.what}: "${p.a.text}" / "${p.b.text}"`).join('\n'));
  console.log('\nfalse alarms:\n' + alarms.map((p) => `  ${p.id} ${p.kind} (${p.why}): "${p.a.text}" / "${p.b.text}"`).join('\n'));
  console.log('\nother conflicts found (review by hand):\n' + others.map((c) => `  ${c.kind} ${c.subject}: ${c.claims.map((k) => k.text).join(' / ')}`).join('\n'));
}

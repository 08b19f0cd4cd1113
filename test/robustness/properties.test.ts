// Property tests of the core (fast-check): random documents built from a bag of names, titles, common words,
// punctuation, quotes, emoji and line endings, and random edit sequences over several documents.
//  - every mention lies inside its document and covers exactly the text it names;
//  - references are symmetric: an entity's mentions map back to it, and each mention of a document is among its
//    entity's mentions;
//  - the incremental corpus (update() after each edit) equals a corpus built from scratch from the final texts;
//  - no exception escapes (entities, mention look-ups at every offset, conflicts, hover text).
import test from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as path from 'path';

// Types from the core's source (project reference), code from server/out at run time: the source and the compiled
// test sit at different depths, so one relative import cannot serve both (as in test/core/entities/core.ts).
type Corpus = import('../../server/src/core/corpus').Corpus;
const CORE = path.resolve(__dirname, '../../../server/out/core');
const { Corpus } = require(path.join(CORE, 'corpus')) as typeof import('../../server/src/core/corpus');
const { entityHoverMarkdown } = require(path.join(CORE, 'hover')) as typeof import('../../server/src/core/hover');

const NAMES = ['Sheila Smith', 'Smith', 'Harlan Weiss', 'Weiss', 'Shigeru Ishiba', 'Ishiba Shigeru', 'Ishiba', 'Melania Trump', 'Donald Trump', 'Trump',
  'Akie Abe', 'Mrs. Abe', 'Shinzo Abe', 'Abe', 'Nippon Steel', 'U.S. Steel', 'US', 'U.S.', 'United States', 'Tokyo', 'Washington', 'Japan',
  'the Council on Foreign Relations', 'Liberal Democratic Party', '(LDP)', 'LDP', 'Strait of Hormuz', 'Meridian Daily', "Smith's", "Ishiba's"];
const TITLES = ['Prime Minister', 'President', 'Dr.', 'Mr.', 'Ms.', 'Senator', 'CEO', 'spokesman', 'SoftBank founder', 'a senior fellow at'];
const WORDS = ['the', 'said', 'met', 'in', 'on', 'Friday', 'February 6, 2025', 'talks', 'deal', 'billion', '$14.9', '14.1', '25%', 'and', 'with', 'of',
  'The', 'He', 'She', 'It', 'A', 'Summit', 'told', 'reporters', 'who', 'is', '68', 'aged', 'according to', 'officials', 'January', 'May'];
const PUNCT = [',', '.', ';', ':', '—', '-', '(', ')', '"', '“', '”', "'", '’', '?', '!', '…', '#', '*'];
const ODD = ['😀', '🇯🇵', '👩‍💻', '𝒜', '\u200B', '\uFEFF', '\u00A0', 'é', 'Ünal', '東京', 'قال', 'שלום', '\t', '\uD800', '\uDC00'];
const BREAKS = ['\n', '\r\n', '\n\n', '\r\n\r\n', '\r'];

const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...TITLES) },
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKS) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '  ');
const VERBS = ['said', 'met', 'told', 'called', 'thanked', 'criticized', 'visited', 'spoke with', 'according to'];
const ENDS = ['.', '.', '.\n', '.\r\n', '!', '?', '."', ',', '.\n\n'];
/** A sentence shaped like news prose, so that the core finds names: [title] name verb [words] name end. */
const sentence = fc
  .tuple(fc.option(fc.constantFrom(...TITLES), { nil: '' }), fc.constantFrom(...NAMES), fc.constantFrom(...VERBS), fc.array(fc.tuple(token, separator), { maxLength: 5 }), fc.constantFrom(...NAMES), fc.constantFrom(...ENDS))
  .map(([title, a, verb, middle, b, end]) => `${title ? title + ' ' : ''}${a} ${verb} ${middle.map(([t, s]) => t + s).join('')}${b}${end} `);
/** Random tokens joined by mostly single spaces: the noise between sentences. */
const noise = fc.array(fc.tuple(token, separator), { maxLength: 12 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
/** A document: sentences and noise, sometimes a header. */
const documentText = fc
  .tuple(fc.boolean(), fc.array(fc.oneof({ weight: 3, arbitrary: sentence }, { weight: 1, arbitrary: noise }), { maxLength: 12 }))
  .map(([header, parts]) => (header ? 'title: Talks\nsource: Meridian Daily\ndate: 2025-02-07\n\n' : '') + parts.join(''));

/** One edit: replace [at, at + remove) of document `doc` (positions taken modulo the length) with `insert`. */
const edit = fc.record({
  doc: fc.nat({ max: 3 }),
  at: fc.nat(),
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(documentText.map((t) => t.slice(0, 60)), fc.constantFrom('', ' ', 'Smith', 'Sheila ', '\r\n', '😀', 'Prime Minister ', '.')),
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const uriOf = (i: number) => `file:///ws/doc-${i}.txt`;

/** The corpus as comparable data: entities sorted, each as (kind, canonical, names, mention spans). */
function fingerprint(corpus: Corpus): string[] {
  return corpus
    .entities()
    .map((e) => `${e.id}|${e.kind}|${e.canonical}|${[...e.names].sort().join(',')}|${e.mentions.map((m) => `${m.uri}:${m.start}-${m.end}`).sort().join(' ')}`)
    .sort();
}

/** Checks the invariants of one corpus over the given texts; throws on the first violation. */
function checkInvariants(corpus: Corpus, texts: Map<string, string>): void {
  for (const [uri, text] of texts) {
    const analysis = corpus.analysis(uri)!;
    for (const m of analysis.mentions) {
      assert.ok(m.start >= 0 && m.start < m.end && m.end <= text.length, `mention ${m.start}-${m.end} inside ${text.length} chars`);
      assert.equal(text.slice(m.start, m.end), m.text, `mention text at ${m.start}-${m.end}`);
      assert.equal(m.uri, uri);
    }
    for (const { mention, entity } of corpus.mentionsIn(uri)) {
      assert.ok(entity.mentions.some((o) => o.uri === uri && o.start === mention.start && o.end === mention.end), `mention ${mention.text} is among ${entity.canonical}'s mentions`);
    }
    // Every offset can be looked up without an exception.
    for (let offset = 0; offset <= text.length; offset++) corpus.mentionAt(uri, offset);
  }
  for (const entity of corpus.entities()) {
    for (const m of entity.mentions) {
      const text = texts.get(m.uri);
      assert.ok(text !== undefined, `mention in a known document: ${m.uri}`);
      assert.equal(text.slice(m.start, m.end), m.text);
      const back = corpus.mentionAt(m.uri, m.start);
      assert.ok(back, `mention ${m.text}@${m.start} found again`);
      assert.equal(back.entity.id, entity.id, `"${m.text}" at ${m.uri}:${m.start} maps back to ${entity.canonical}`);
    }
    entityHoverMarkdown(corpus, entity);
  }
  corpus.conflicts();
  assert.deepEqual([...corpus.claimFailures.entries()], [], 'claim extraction never fails');
}

const NUM_RUNS = 150;

test('random documents: mentions lie inside the text and cover it; references are symmetric; nothing throws', (t) => {
  let entities = 0;
  let mentions = 0;
  fc.assert(
    fc.property(fc.array(documentText, { minLength: 1, maxLength: 4 }), (docs) => {
      const corpus = new Corpus();
      const texts = new Map<string, string>();
      docs.forEach((text, i) => {
        texts.set(uriOf(i), text);
        corpus.update({ uri: uriOf(i), text, version: 1 });
      });
      checkInvariants(corpus, texts);
      entities += corpus.entities().length;
      mentions += corpus.entities().reduce((n, e) => n + e.mentions.length, 0);
    }),
    { numRuns: NUM_RUNS },
  );
  t.diagnostic(`${entities} entities, ${mentions} mentions over ${NUM_RUNS} runs`);
  assert.ok(entities > NUM_RUNS * 5, 'the generator gives the core real names to find');
});

test('random edit sequences: the incremental corpus equals a corpus built from scratch from the final texts', () => {
  fc.assert(
    fc.property(fc.array(documentText, { minLength: 1, maxLength: 4 }), fc.array(edit, { maxLength: 25 }), (docs, edits) => {
      const corpus = new Corpus();
      const texts = docs.map((t) => t);
      const versions = docs.map(() => 1);
      texts.forEach((text, i) => corpus.update({ uri: uriOf(i), text, version: 1 }));
      for (const e of edits) {
        const i = e.doc % texts.length;
        texts[i] = applyEdit(texts[i], e);
        corpus.update({ uri: uriOf(i), text: texts[i], version: ++versions[i] });
        corpus.entities(); // the lazy grouping is exercised between edits too
      }
      const fresh = new Corpus();
      texts.forEach((text, i) => fresh.update({ uri: uriOf(i), text, version: 1 }));
      assert.deepEqual(fingerprint(corpus), fingerprint(fresh));
      assert.deepEqual(corpus.conflicts().map((c) => c.id).sort(), fresh.conflicts().map((c) => c.id).sort());
      checkInvariants(corpus, new Map(texts.map((t, i) => [uriOf(i), t])));
    }),
    { numRuns: NUM_RUNS },
  );
});

// Grouping once depended on the order documents were added (fast-check found: ["Sheila Smith said Sheila Smith,
// Ishiba spoke with Sheila Smith. ", "", "Ishiba's said Sheila Smith. "] gave "Ishiba" an organization in one order,
// a person in the other); grouping now reads documents in uri order.
test('removing and re-adding documents in another order gives the same entities', () => {
  fc.assert(
    fc.property(fc.array(documentText, { minLength: 2, maxLength: 4 }), (docs) => {
      const a = new Corpus();
      docs.forEach((text, i) => a.update({ uri: uriOf(i), text, version: 1 }));
      a.entities();
      a.remove(uriOf(0));
      a.update({ uri: uriOf(0), text: docs[0], version: 2 });
      const b = new Corpus();
      docs.forEach((text, i) => b.update({ uri: uriOf(i), text, version: 1 }));
      assert.deepEqual(fingerprint(a), fingerprint(b));
    }),
    { numRuns: NUM_RUNS },
  );
});

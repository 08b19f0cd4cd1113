// The candidate indexes behind the quote rules find every pair the rules could accept: checked against all pairs
// on random sets and quotes (fast-check), and the wording rule's time window on whole documents.
import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { seededRandom } from '../../seededRandom';
import {
  PrefixIndex, rarestFirst, wordingPairs, sameWordsPairs, wordingPairSteps, sameWordsPairSteps, Slices, quoteWords, sameWords, findConflicts,
  quoteRunHashes, anchorRunHashes, quoteTokens, hash32, GAP, type PairItem,
} from './claims';
import { docOf, person, type EntitySpec } from './fixtures';

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

const pairKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);

/** Pairs of items the generated pairs connect, directly or through identical members chained together. */
function connected(n: number, pairs: [number, number][]): (a: number, b: number) => boolean {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [a, b] of pairs) parent[find(a)] = find(b);
  return (a, b) => find(a) === find(b);
}

test('prefix index: every pair at or above the threshold is a candidate (random sets, three thresholds)', () => {
  fc.assert(fc.property(
    fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 10 }), { minLength: 2, maxLength: 40 }),
    fc.constantFrom(0.4, 0.6, 0.9),
    (raw, threshold) => {
      const sets = raw.map((xs) => new Set(xs.map((x) => `w${x}`)));
      const freq = new Map<string, number>();
      for (const s of sets) for (const t of s) freq.set(t, (freq.get(t) ?? 0) + 1);
      const index = new PrefixIndex(threshold);
      const found = new Set<string>();
      sets.forEach((s, i) => {
        const sorted = rarestFirst(s, freq);
        for (const j of index.probe(sorted)) found.add(pairKey(i, j));
        index.add(i, sorted);
      });
      for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) {
        if (jaccard(sets[i], sets[j]) >= threshold) assert.ok(found.has(pairKey(i, j)), `missed ${i},${j} at ${jaccard(sets[i], sets[j])}`);
      }
    },
  ), { numRuns: 300 });
});

test('prefix index: sets far below the threshold are pruned (a shared common word alone is no candidate)', () => {
  const sets = Array.from({ length: 200 }, (_, i) => new Set(['the', 'deal', 'is', 'good', 'for', 'both', `only${i}`]));
  const freq = new Map<string, number>();
  for (const s of sets) for (const t of s) freq.set(t, (freq.get(t) ?? 0) + 1);
  const index = new PrefixIndex(0.9);
  let candidates = 0;
  sets.forEach((s, i) => {
    const sorted = rarestFirst(s, freq);
    candidates += index.probe(sorted).length;
    index.add(i, sorted);
  });
  // Every pair shares 6 of 8 words (Jaccard 0.75): none can reach 0.9.
  assert.equal(candidates, 0);
});

const VOCAB = ['we', 'will', 'not', 'accept', 'the', 'deal', 'under', 'any', 'terms', 'steel', 'jobs', 'stay', 'here', 'and', 'grow'];

function randomQuote(r: () => number): string {
  const n = 3 + Math.floor(r() * 10);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(r() < 0.08 ? '…' : VOCAB[Math.floor(r() * VOCAB.length)]);
  return words.join(' ');
}

test('same-words index: every pair sameWords accepts within the window is connected (random quotes and dates)', () => {
  let checked = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const r = seededRandom(seed);
    const base = Array.from({ length: 6 }, () => randomQuote(r));
    // Quotes made of a few base quotes cut, joined and repeated, so many pairs overlap.
    const texts = Array.from({ length: 30 }, () => {
      const a = base[Math.floor(r() * base.length)].split(' ');
      const b = base[Math.floor(r() * base.length)].split(' ');
      const from = Math.floor(r() * a.length);
      return [...a.slice(from), ...b.slice(0, Math.floor(r() * b.length) + 1)].join(' ');
    });
    const items: PairItem[] = texts.map((t, i) => {
      const w = quoteWords(t);
      const day = r() < 0.2 ? undefined : Math.floor(r() * 150);
      return { i, uri: `file:///d${i % 7}.txt`, w, key: w.tokens.join(' '), speakerId: `p${i % 3}`, namedPerson: true, day };
    });
    const linked = connected(items.length, sameWordsPairs(items, 45));
    for (let a = 0; a < items.length; a++) for (let b = a + 1; b < items.length; b++) {
      if (!sameWords(items[a].w, items[b].w)) continue;
      const [da, db] = [items[a].day, items[b].day];
      if (da !== undefined && db !== undefined && Math.abs(da - db) > 45) continue;
      // An excerpt whose every stretch is under four words is found through its word set only (documented).
      const stretches = items[a].w.tokens.join(' ').split('\u0000').concat(items[b].w.tokens.join(' ').split('\u0000'));
      if (stretches.every((s) => s.trim().split(' ').length < 4)) continue;
      assert.ok(linked(a, b), `seed ${seed}: "${texts[a]}" ~ "${texts[b]}" not connected`);
      checked++;
    }
  }
  assert.ok(checked > 150, `only ${checked} pairs were the same words: the generator no longer tests anything`);
});

test('wording index: quotes of one speaker alike enough are paired within the window, never across speakers', () => {
  const words = (s: string) => quoteWords(s);
  const mk = (i: number, text: string, speakerId: string, day?: number): PairItem => ({ i, uri: `file:///d${i}.txt`, w: words(text), key: words(text).tokens.join(' '), speakerId, namedPerson: true, day });
  const items = [
    mk(0, 'The goal is to present a win-win proposition to the president', 'smith', 100),
    mk(1, 'The intention is to present a win-win value proposition to the president', 'smith', 110),
    mk(2, 'The aim is to present a win-win proposition to the president', 'smith', 400),
    mk(3, 'The goal is to offer a win-win proposition to the president', 'jones', 100),
    mk(4, 'The plan is to present a win-win proposition to the president', 'smith'),
  ];
  const pairs = new Set(wordingPairs(items, 45).map(([a, b]) => pairKey(a, b)));
  assert.ok(pairs.has(pairKey(0, 1)), '10 days apart: compared');
  assert.ok(!pairs.has(pairKey(0, 2)) && !pairs.has(pairKey(1, 2)), '300 days apart: not compared');
  assert.ok(![...pairs].some((p) => p.split(',').includes('3')), 'another speaker: never compared for wording');
  for (const other of [0, 1, 2]) assert.ok(pairs.has(pairKey(4, other)), 'an undated source meets every date');
});

test('wording index: identical quotes of one speaker months apart are chained only within a window', () => {
  const w = quoteWords('We will keep the plant open and the jobs here');
  const items: PairItem[] = [0, 10, 500, 510].map((day, i) => ({ i, uri: `file:///d${i}.txt`, w, key: w.tokens.join(' '), speakerId: 'smith', namedPerson: true, day }));
  const linked = connected(items.length, wordingPairs(items, 45));
  assert.ok(linked(0, 1) && linked(2, 3));
  assert.ok(!linked(1, 2));
});

test('same-words index: the same words in sources a year apart are not compared', () => {
  const w = quoteWords('Focusing on this point is extremely important for both countries');
  const items: PairItem[] = [0, 400].map((day, i) => ({ i, uri: `file:///d${i}.txt`, w, key: w.tokens.join(' '), speakerId: `p${i}`, namedPerson: true, day }));
  assert.deepEqual(sameWordsPairs(items, 45), []);
  assert.equal(sameWordsPairs(items, 500).length, 1);
});

const SMITH: EntitySpec = person('Sheila Smith', 'Smith');

test('quote-wording: one speaker worded two ways months apart is two statements, not a conflict', () => {
  const a = '"The goal is to present a win-win proposition from Ishiba to the president," Smith said.';
  const b = '"The intention is to present a win-win value proposition from Ishiba to the president," Smith said.';
  const near = findConflicts([
    docOf({ uri: 'file:///w/a.txt', text: a, entities: [SMITH], date: '2025-02-06' }),
    docOf({ uri: 'file:///w/b.txt', text: b, entities: [SMITH], date: '2025-02-20' }),
  ]);
  assert.deepEqual(near.map((c) => c.kind), ['quote-wording']);
  const far = findConflicts([
    docOf({ uri: 'file:///w/a.txt', text: a, entities: [SMITH], date: '2025-02-06' }),
    docOf({ uri: 'file:///w/b.txt', text: b, entities: [SMITH], date: '2025-09-20' }),
  ]);
  assert.deepEqual(far, []);
  const undated = findConflicts([
    docOf({ uri: 'file:///w/a.txt', text: a, entities: [SMITH], date: '2025-02-06' }),
    docOf({ uri: 'file:///w/b.txt', text: b, entities: [SMITH] }),
  ]);
  assert.deepEqual(undated.map((c) => c.kind), ['quote-wording']);
  const wide = findConflicts([
    docOf({ uri: 'file:///w/a.txt', text: a, entities: [SMITH], date: '2025-02-06' }),
    docOf({ uri: 'file:///w/b.txt', text: b, entities: [SMITH], date: '2025-09-20' }),
  ], { quoteWindowDays: 365 });
  assert.deepEqual(wide.map((c) => c.kind), ['quote-wording']);
});

test('the candidate pairs found in steps (a pause every few items) are the pairs found at once', () => {
  const r = seededRandom(7);
  const items: PairItem[] = Array.from({ length: 400 }, (_, i) => {
    const w = quoteWords(randomQuote(r));
    return { i, uri: `file:///s${i % 50}.txt`, w, key: w.tokens.join(' '), speakerId: `p${i % 4}`, namedPerson: true, day: i % 9 ? Math.floor(r() * 200) : undefined };
  });
  for (const [name, stepped, atOnce] of [
    ['wording', wordingPairSteps, wordingPairs], ['same words', sameWordsPairSteps, sameWordsPairs],
  ] as const) {
    const steps = stepped(items, 45, new Slices(0));
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    // Preparing the classes and their keys pauses too, not only the walk through them.
    assert.ok(pauses >= 150, `${name}: ${pauses} pauses`);
    assert.deepEqual(step.value, atOnce(items, 45), name);
  }
});

/** Every run of four words of a quote, read across omissions, as text (the reference the hashes are held to). */
function quoteRuns(tokens: string[]): string[] {
  const words = tokens.filter((t) => t !== GAP);
  return [...new Set(words.map((_, i) => words.slice(i, i + 4)).filter((run) => run.length === 4).map((run) => run.join(' ')))];
}

/** The first four words, and the first four of the longest stretch between omissions, as text. */
function anchorRuns(tokens: string[]): string[] {
  const words = tokens.filter((t) => t !== GAP);
  const stretches = tokens.join(' ').split(GAP).map((s) => s.split(' ').filter(Boolean));
  const longest = stretches.reduce((a, b) => (b.length > a.length ? b : a), [] as string[]);
  return [...new Set([words, longest].filter((w) => w.length >= 4).map((w) => w.slice(0, 4).join(' ')))];
}

test('the run hashes the conflict index files quotes under are the hashes of the runs of four words, each once', () => {
  const word = fc.constantFrom('the', 'deal', 'tokyo', 'steel', 'a', 'win-win', 'proposition', 'we', 'will', 'présent', GAP);
  fc.assert(fc.property(fc.array(word, { maxLength: 30 }), (tokens) => {
    assert.deepEqual(quoteRunHashes(tokens), [...new Set(quoteRuns(tokens).map(hash32))]);
  }), { numRuns: 300 });
  const tokens = quoteTokens('Our plan is to rebuild the river mill faster … and to hire in the valley first');
  assert.ok(quoteRunHashes(tokens).length >= 8, `${quoteRunHashes(tokens).length} runs`);
  assert.deepEqual(quoteRunHashes(tokens), quoteRuns(tokens).map(hash32));
});

test('the anchor hashes of the same-words candidates are the hashes of the first four words and of the longest stretch', () => {
  const word = fc.constantFrom('the', 'deal', 'tokyo', 'steel', 'a', 'win-win', 'we', 'will', GAP);
  fc.assert(fc.property(fc.array(word, { maxLength: 24 }), (tokens) => {
    assert.deepEqual(anchorRunHashes(quoteWords('', tokens)), anchorRuns(tokens).map(hash32));
  }), { numRuns: 300 });
  const w = quoteWords('We will not accept … any deal that closes the river mill in the valley');
  assert.deepEqual(anchorRunHashes(w), ['we will not accept', 'any deal that closes'].map(hash32));
});

// Candidate pairs for the two quote rules, found without comparing every quote with every other. Both compare only
// quotes from sources dated at most a window apart (an undated source meets every date): the same person saying
// alike things months apart has made two statements, and a common phrase in unrelated stories years apart is no
// misattribution.
// - wording (one speaker's words reported two ways): quotes of the same speaker whose content words may reach the
//   likeness threshold (prefix filtering with positional filtering, prefixIndex.ts);
// - same words credited to different people: quotes that share an anchor run of four words (the first four words
//   of one of them, or of its longest unbroken stretch) or whose word sets are nearly equal.
// Identical quotes of one stretch of time form one class (wire copy repeated in hundreds of articles): a class is
// chained once and only one member of it enters an index; a candidate pair of classes links each one's first
// member with every member of the other, so groups and per-source checks still see every source.
import { Postings } from './postings';
import { PrefixIndex, rarestFirst } from './prefixIndex';
import { unbroken, type QuoteWords } from './similarity';
import { Slices, finish } from '../steps';
import { FNV_BASIS, fnv1a } from './conflictKit';

export interface PairItem {
  i: number;
  uri: string;
  w: QuoteWords;
  /** The quote's words joined: equal keys are identical quotes. */
  key: string;
  speakerId?: string;
  namedPerson: boolean;
  /** Days since 1970-01-01 of the quoting source's date, when it has one. */
  day?: number;
}

/**
 * Jaccard threshold the wording index guarantees to find. 0.4 covers the first two tests of `reworded` (60% of the
 * longer quote's content words in order already means a Jaccard above 0.42); a short quote reworded inside a long
 * one may fall below it and be missed.
 */
const WORDING_THRESHOLD = 0.4;
/** `sameWords` accepts word sets this alike even when no run of words is shared. */
const SAME_WORDS_THRESHOLD = 0.9;
/** `sameWords` compares quotes of at least this many words. */
export const SAME_WORDS_MIN = 6;
const RUN = 4;

interface QuoteClass {
  members: number[];
  rep: PairItem;
  minDay?: number;
  maxDay?: number;
}

type Pair = [number, number];

/**
 * Items with the same words (and speaker, where `keyOf` says so) and of one stretch of `windowDays`, as classes whose
 * members are linked in a chain in source order (a source's quotes stand next to each other, so one crediting the
 * same words to two people shows as a linked pair). Ordered for `walkInTime`: dated classes by their first day,
 * then the undated.
 */
function* classesOf(items: PairItem[], keyOf: (it: PairItem) => string, windowDays: number, pairs: Pair[], slices: Slices): Generator<void, QuoteClass[]> {
  const stretch = (it: PairItem) => (it.day === undefined ? 'undated' : String(Math.floor(it.day / Math.max(1, windowDays))));
  const byKey = new Map<string, PairItem[]>();
  for (const it of items) {
    if (slices.due()) yield;
    push(byKey, `${keyOf(it)}\u0000${stretch(it)}`, it);
  }
  const classes: QuoteClass[] = [];
  for (const list of byKey.values()) {
    if (slices.due()) yield;
    if (list.length > 1) list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.i - b.i));
    let minDay: number | undefined;
    let maxDay: number | undefined;
    for (const { day } of list) {
      if (day === undefined) continue;
      if (minDay === undefined || day < minDay) minDay = day;
      if (maxDay === undefined || day > maxDay) maxDay = day;
    }
    for (let k = 1; k < list.length; k++) pairs.push([list[k - 1].i, list[k].i]);
    classes.push({ members: list.map((it) => it.i), rep: list[0], minDay, maxDay });
  }
  const dated = classes.filter((c) => c.minDay !== undefined).sort((a, b) => a.minDay! - b.minDay! || a.rep.i - b.rep.i);
  return [...dated, ...classes.filter((c) => c.minDay === undefined)];
}

/** How an index is read by the class probing it: skipping classes too old for it, or whole for an undated one. */
interface Scope {
  expired?: (id: number) => boolean;
  fromStart: boolean;
}

/**
 * Walks classes (as `classesOf` orders them) in time: each finds candidates among the classes before it through
 * `probe`, is linked with those near it in time, then is indexed through `add`. A dated class reads the indexes
 * from a head that has passed the classes starting more than two windows before it (a class spans less than one
 * window, so they ended more than one window before it began); an undated class comes after every dated one and
 * reads them whole.
 */
function* walkInTime(
  ordered: QuoteClass[], windowDays: number, pairs: Pair[], slices: Slices,
  probe: (c: QuoteClass, ci: number, scope: Scope) => Iterable<number>, add: (c: QuoteClass, ci: number) => void,
): Generator<void> {
  const near = (a: QuoteClass, b: QuoteClass) => a.minDay === undefined || b.minDay === undefined
    || Math.max(a.minDay - b.maxDay!, b.minDay - a.maxDay!) <= windowDays;
  for (let ci = 0; ci < ordered.length; ci++) {
    if (slices.due()) yield;
    const c = ordered[ci];
    const scope: Scope = c.minDay === undefined
      ? { fromStart: true }
      : { expired: (d) => ordered[d].minDay! < c.minDay! - 2 * windowDays, fromStart: false };
    const seen = new Set<number>();
    for (const d of probe(c, ci, scope)) {
      if (seen.has(d) || !near(c, ordered[d])) continue;
      seen.add(d);
      linkClasses(c, ordered[d], pairs);
    }
    add(c, ci);
  }
}

/** The pairs a candidate pair of classes stands for: each one's first member with every member of the other. */
function linkClasses(a: QuoteClass, b: QuoteClass, pairs: Pair[]): void {
  for (const m of a.members) pairs.push([b.members[0], m]);
  for (let k = 1; k < b.members.length; k++) pairs.push([b.members[k], a.members[0]]);
}

/** `list.map(f)`, pausing where `slices` says. */
function* mapInSteps<T, U>(list: T[], f: (x: T) => U, slices: Slices): Generator<void, U[]> {
  const out = new Array<U>(list.length);
  for (let i = 0; i < list.length; i++) {
    if (slices.due()) yield;
    out[i] = f(list[i]);
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Pairs of quotes of one speaker, near in time, whose content words are alike enough to be one statement worded two ways. */
export function wordingPairs(items: PairItem[], windowDays: number): Pair[] {
  return finish(wordingPairSteps(items, windowDays));
}

/** `wordingPairs` in steps of `slices` (the generator returns the pairs). */
export function* wordingPairSteps(items: PairItem[], windowDays: number, slices = new Slices(Infinity)): Generator<void, Pair[]> {
  const pairs: Pair[] = [];
  const bySpeaker = new Map<string, PairItem[]>();
  for (const it of items) if (it.speakerId && it.w.content.size) push(bySpeaker, it.speakerId, it);
  for (const block of bySpeaker.values()) {
    if (slices.due()) yield;
    if (block.length < 2) continue;
    const classes = yield* classesOf(block, (it) => it.key, windowDays, pairs, slices);
    if (classes.length < 2) continue;
    const freq = new Map<string, number>();
    for (const c of classes) for (const t of c.rep.w.content) freq.set(t, (freq.get(t) ?? 0) + 1);
    const sorted = yield* mapInSteps(classes, (c) => rarestFirst(c.rep.w.content, freq), slices);
    const index = new PrefixIndex(WORDING_THRESHOLD);
    yield* walkInTime(classes, windowDays, pairs, slices, (_, ci, scope) => index.probe(sorted[ci], scope.expired, scope.fromStart), (_, ci) => index.add(ci, sorted[ci]));
  }
  return pairs;
}

/**
 * The `hash32` of every run of four words of a quote (read across omissions), each hash once, without making the
 * runs: linking keys for the conflict index and the same-words candidates.
 */
export function quoteRunHashes(tokens: string[]): number[] {
  const words = unbroken(tokens);
  const out = new Set<number>();
  for (let i = 0; i + RUN <= words.length; i++) out.add(runHash(words, i));
  return [...out];
}

/** `hash32` of the four words from `i` joined by spaces. */
function runHash(words: string[], i: number): number {
  let h = fnv1a(FNV_BASIS, words[i]);
  for (let k = 1; k < RUN; k++) h = fnv1a(fnv1a(h, ' '), words[i + k]);
  return h | 0;
}

/**
 * The runs another quote must contain for `sameWords` to hold through a shared stretch, as `quoteRunHashes` hashes
 * them: the first four words (same wording; overlapping windows, whose shared run starts one of the two quotes),
 * and the first four of the longest stretch between omissions (an excerpt: every stretch of it stands in the
 * longer quote). Equal hashes of different runs only add candidates, which `sameWords` then turns down.
 */
export function anchorRunHashes(w: QuoteWords): number[] {
  const out = new Set<number>();
  if (w.words.length >= RUN) out.add(runHash(w.words, 0));
  let longest: string[] = [];
  for (const stretch of w.stretches) if (stretch.length > longest.length) longest = stretch;
  if (longest.length >= RUN) out.add(runHash(longest, 0));
  return [...out];
}

/**
 * Pairs of quotes by named people, near in time, that may be nearly the same words (`sameWords`): at least six
 * words, sharing an anchor run, or with word sets alike enough to reach its threshold. A quote whose stretches
 * between omissions are all shorter than four words is found only through the word sets.
 */
export function sameWordsPairs(items: PairItem[], windowDays: number): Pair[] {
  return finish(sameWordsPairSteps(items, windowDays));
}

/** `sameWordsPairs` in steps of `slices` (the generator returns the pairs). */
export function* sameWordsPairSteps(items: PairItem[], windowDays: number, slices = new Slices(Infinity)): Generator<void, Pair[]> {
  const pairs: Pair[] = [];
  const eligible = items.filter((it) => it.namedPerson && it.w.words.length >= SAME_WORDS_MIN);
  // The same words are the same words whoever they are credited to: one class, whatever the speakers.
  const classes = yield* classesOf(eligible, (it) => it.key, windowDays, pairs, slices);
  const sets = yield* mapInSteps(classes, (c) => (c.rep.w.tokenSet ??= new Set(c.rep.w.tokens)), slices); // as `sameWords` counts them
  const freq = new Map<string, number>();
  for (const set of sets) for (const t of set) freq.set(t, (freq.get(t) ?? 0) + 1);
  const sorted = yield* mapInSteps(sets, (set) => rarestFirst(set, freq), slices);
  const runs = yield* mapInSteps(classes, (c) => quoteRunHashes(c.rep.w.words), slices);
  const anchors = yield* mapInSteps(classes, (c) => anchorRunHashes(c.rep.w), slices);
  /** Earlier classes by each of their runs, by each of their anchors, and by their word sets. */
  const byRun = new Postings<{ id: number }, number>();
  const byAnchor = new Postings<{ id: number }, number>();
  const bySet = new PrefixIndex(SAME_WORDS_THRESHOLD);
  yield* walkInTime(classes, windowDays, pairs, slices, (_, ci, { expired, fromStart }) => {
    const found: number[] = [];
    const take = ({ id }: { id: number }) => { found.push(id); };
    for (const a of anchors[ci]) byRun.visit(a, take, expired, fromStart);
    for (const r of runs[ci]) byAnchor.visit(r, take, expired, fromStart);
    found.push(...bySet.probe(sorted[ci], expired, fromStart));
    return found;
  }, (_, ci) => {
    const entry = { id: ci };
    for (const r of runs[ci]) byRun.add(r, entry);
    for (const a of anchors[ci]) byAnchor.add(a, entry);
    bySet.add(ci, sorted[ci]);
  });
  return pairs;
}

// Quotes that disagree: one speaker's words reported two ways, or the same words credited to different people.
import { Groups, conflictId, listNames, snippet, sourceName } from './conflictKit';
import type { ClaimsOfDocument, ConflictOptions } from './corpusClaims';
import { sameWordsPairSteps, wordingPairSteps } from './quotePairs';
import { compatible, quoteWords, reworded, sameWords, type QuoteWords } from './similarity';
import { dayNumber } from './dateExpressions';
import type { Conflict, Quote } from './types';
import { Slices, finish } from '../steps';

interface Item {
  i: number;
  uri: string;
  doc: ClaimsOfDocument;
  q: Quote;
  w: QuoteWords;
  speakerId?: string;
  speakerName?: string;
  /** Named next to the quote by a person (or unknown kind): fit to be compared for who said it. */
  namedPerson: boolean;
  key: string;
  /** Days since 1970-01-01 of the source's date, when it has one. */
  day?: number;
}

function* itemsOf(docs: ClaimsOfDocument[], slices: Slices): Generator<void, Item[]> {
  const items: Item[] = [];
  for (const doc of docs) {
    if (slices.due()) yield;
    const day = dayNumber(doc.date);
    for (const q of doc.claims.quotes) {
      const w = quoteWords(q.text, q.tokens);
      if (!w.content.size) continue;
      const ent = q.speaker !== undefined ? doc.entityOf(q.speaker) : undefined;
      items.push({
        i: items.length, uri: doc.uri, doc, q, w, speakerId: ent?.id, speakerName: ent?.name,
        namedPerson: !!ent && q.attribution !== 'pronoun' && q.attribution !== 'previous' && (ent.kind === undefined || ent.kind === 'person' || q.speakerPerson === true),
        key: w.tokens.join(' '), day,
      });
    }
  }
  return items;
}

function pairsByGroup(groups: Groups, pairs: [number, number][]): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  for (const p of pairs) {
    const r = groups.find(p[0]);
    let list = out.get(r);
    if (!list) out.set(r, (list = []));
    list.push(p);
  }
  return out;
}

/**
 * The groups (sorted by source and place) where some pair differs across two sources. A source that differs from
 * itself probably reports two statements: no verdict for its group.
 */
function* disputedGroups(items: Item[], groups: Groups, differing: [number, number][]): Generator<Item[]> {
  const byRoot = pairsByGroup(groups, differing);
  for (const set of groups.sets(2)) {
    const diffs = byRoot.get(groups.find(set[0])) ?? [];
    if (!diffs.some(([a, b]) => items[a].doc.uri !== items[b].doc.uri)) continue;
    if (diffs.some(([a, b]) => items[a].doc.uri === items[b].doc.uri)) continue;
    yield set.map((i) => items[i]).sort((a, b) => a.doc.uri.localeCompare(b.doc.uri) || a.q.start - b.q.start);
  }
}

/** Sides of a wording conflict: quotes that are the same words, or excerpts of one another, stand together. */
function wordingSides(members: Item[]): number[] {
  const variants = [...new Map(members.map((m) => [m.key, m])).values()];
  const g = new Groups(variants.length);
  // Variants are few; past a bound each stands alone rather than costing quadratic time.
  if (variants.length <= 60) {
    for (let a = 0; a < variants.length; a++) for (let b = a + 1; b < variants.length; b++) if (compatible(variants[a].w, variants[b].w)) g.join(a, b);
  }
  const index = new Map(variants.map((v, i) => [v.key, i]));
  const roots = new Map<number, number>();
  return members.map((m) => {
    const r = g.find(index.get(m.key)!);
    if (!roots.has(r)) roots.set(r, roots.size);
    return roots.get(r)!;
  });
}

function* wordingConflicts(items: Item[], pairs: [number, number][], slices: Slices): Generator<void, Conflict[]> {
  const groups = new Groups(items.length);
  const rewordedPairs: [number, number][] = [];
  for (const [a, b] of pairs) {
    if (slices.due()) yield;
    const x = items[a];
    const y = items[b];
    if (!x.speakerId || x.speakerId !== y.speakerId) continue;
    if (reworded(x.w, y.w)) {
      rewordedPairs.push([a, b]);
      groups.join(a, b);
    } else if (compatible(x.w, y.w)) groups.join(a, b);
  }
  const out: Conflict[] = [];
  for (const members of disputedGroups(items, groups, rewordedPairs)) {
    if (slices.due()) yield;
    const speaker = members[0].speakerName ?? 'the speaker';
    const variants = new Map<string, Item[]>();
    for (const m of members) variants.set(m.key, [...(variants.get(m.key) ?? []), m]);
    const messages = members.map((m) => {
      let others = [...variants.values()].filter((v) => v[0].key !== m.key && !compatible(v[0].w, m.w));
      if (!others.length) others = [...variants.values()].filter((v) => v[0].key !== m.key);
      const rest = others.map((v) => `${listNames(v.map((o) => sourceName(o.doc)))} ${v.length > 1 ? 'have' : 'has'} “${snippet(v[0].q.text, 14)}”`);
      return `${speaker}'s words differ between sources: this source has “${snippet(m.q.text, 14)}”; ${rest.join('; ')}.`;
    });
    const subject = `${speaker}'s words “${snippet(members[0].q.text, 8)}”`;
    const claims = members.map((m) => ({ uri: m.doc.uri, start: m.q.start, end: m.q.end, text: m.q.text }));
    const id = conflictId('quote-wording', members[0].speakerId!, claims);
    out.push({ id, kind: 'quote-wording', subject, claims, messages, sides: wordingSides(members) });
  }
  return out;
}

function* speakerConflicts(items: Item[], pairs: [number, number][], slices: Slices): Generator<void, Conflict[]> {
  const groups = new Groups(items.length);
  const differ: [number, number][] = [];
  for (const [a, b] of pairs) {
    if (slices.due()) yield;
    const x = items[a];
    const y = items[b];
    if (!x.namedPerson || !y.namedPerson || !sameWords(x.w, y.w)) continue;
    groups.join(a, b);
    if (x.speakerId !== y.speakerId) differ.push([a, b]);
  }
  const out: Conflict[] = [];
  for (const members of disputedGroups(items, groups, differ)) {
    if (slices.due()) yield;
    const messages = members.map((m) => {
      const bySpeaker = new Map<string, string[]>();
      for (const o of members) {
        if (o.speakerId === m.speakerId) continue;
        bySpeaker.set(o.speakerName!, [...(bySpeaker.get(o.speakerName!) ?? []), sourceName(o.doc)]);
      }
      const rest = [...bySpeaker.entries()].map(([who, names]) => `${listNames(names)} ${names.length > 1 ? 'attribute' : 'attributes'} them to ${who}`);
      return `This source attributes the words “${snippet(m.q.text, 10)}” to ${m.speakerName}; ${rest.join('; ')}.`;
    });
    const subject = `who said “${snippet(members[0].q.text, 8)}”`;
    const claims = members.map((m) => ({ uri: m.doc.uri, start: m.q.start, end: m.q.end, text: m.q.text }));
    const id = conflictId('quote-speaker', members[0].key, claims);
    const speakers = [...new Set(members.map((m) => m.speakerId!))].sort();
    out.push({ id, kind: 'quote-speaker', subject, claims, messages, sides: members.map((m) => speakers.indexOf(m.speakerId!)) });
  }
  return out;
}

/**
 * Quote conflicts of the documents. Quotes are compared only between sources dated at most `quoteWindowDays` apart
 * (default 45; an undated source meets every date): the same person saying alike things months apart has made two
 * statements, and a common phrase in unrelated stories years apart is no misattribution.
 */
export function quoteConflicts(docs: ClaimsOfDocument[], options: ConflictOptions = {}): Conflict[] {
  return finish(quoteConflictSteps(docs, options));
}

/** `quoteConflicts` in steps of `slices` (the generator returns the conflicts); at once by default. */
export function* quoteConflictSteps(docs: ClaimsOfDocument[], options: ConflictOptions = {}, slices = new Slices(Infinity)): Generator<void, Conflict[]> {
  const items = yield* itemsOf(docs, slices);
  const window = options.quoteWindowDays ?? 45;
  const wording = yield* wordingConflicts(items, yield* wordingPairSteps(items, window, slices), slices);
  return [...wording, ...(yield* speakerConflicts(items, yield* sameWordsPairSteps(items, window, slices), slices))];
}

// Figures that cannot all be right: same owner, measure, unit, target and year, with ranges that cannot overlap.
import { conflictId, listNames, plural, sourceName } from './conflictKit';
import type { ClaimsOfDocument, ConflictOptions } from './corpusClaims';
import { dayNumber, parseIso } from './dateExpressions';
import { EVOLVING_MEASURES } from './measures';
import type { Conflict, Figure } from './types';
import { Slices, finish } from '../steps';

interface Item {
  doc: ClaimsOfDocument;
  /** When the figure holds: the month the text dates it to, else the source's date. */
  at?: string;
  /** `at` as days since 1970-01-01, when it is a date. */
  day?: number;
  fig: Figure;
  owner: { id: string; name: string };
  lo: number;
  hi: number;
}

/** Durations compared on one scale (minutes), so "90 minutes" and "three hours" meet. */
const MINUTES = new Map<string, number>(Object.entries({ seconds: 1 / 60, minutes: 1, hours: 60, days: 1440, weeks: 10080 }));

/** The range a figure stands for: its hedge bounds widened by the rounding of how it is written. */
function interval(fig: Figure): [number, number] {
  const r = fig.rounding ?? 0;
  const f = MINUTES.get(fig.unit) ?? 1;
  return [(fig.low - r) * f, (fig.high + r) * f];
}

const DAY = 86400000;

/** Figures without a year are compared with those of sources at most this many days apart. */
export const FIGURE_WINDOW_DAYS = 45;

/** Compared whatever the sources' days: ages (through birth dates) and figures that name their year. */
export function isTimeless(fig: Figure): boolean {
  return fig.unit === 'years-old' || fig.year !== undefined;
}

/** The largest gap, in days, within one stretch of a measure's figures (evolving measures: the same day only). */
export function figureWindowWidth(measure: string, windowDays = FIGURE_WINDOW_DAYS): number {
  return EVOLVING_MEASURES.has(measure) ? 0 : windowDays;
}

/**
 * Ages become ranges of birth dates: "68" on 2025-02-06 means born after 1956-02-06 and on or before 1957-02-06.
 * So "77" in March 2024 and "78" in February 2025 can agree, while "68" and "67" two days apart cannot.
 */
function birthRange(fig: Figure, docDate: string | undefined): [number, number] | undefined {
  const d = parseIso(docDate);
  if (!d) return undefined;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  return [(Date.UTC(y - fig.high - 1, m, day) + DAY) / DAY, Date.UTC(y - fig.low, m, day) / DAY];
}

function unitKey(fig: Figure): string {
  return MINUTES.has(fig.unit) ? 'duration' : fig.unit;
}

/** The measure and owner of a figure's group: what the conflict index links figures and conflicts by. */
export function figureLinkKey(measure: string, ownerId: string): string {
  return `${measure}\u0001${ownerId}`;
}

/** The key under which `knownOwners` lists a figure's stated owner, when it states one (ages never do). */
export function statedOwnerKey(fig: Figure): string | undefined {
  return fig.subject === undefined || !fig.measure || fig.unit === 'years-old' ? undefined : `${fig.measure}\u0001${unitKey(fig)}`;
}

/**
 * Owners the corpus knows for each measure: a figure whose own sentence names exactly one of them (and no other
 * name of the same kind) is taken to be that owner's ("since the $14.1 billion bid was announced" next to the
 * bidder's name).
 */
export function knownOwners(docs: ClaimsOfDocument[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const fig of doc.claims.figures) {
      const k = statedOwnerKey(fig);
      const ent = k === undefined ? undefined : doc.entityOf(fig.subject!);
      if (!ent) continue;
      let set = owners.get(k!);
      if (!set) owners.set(k!, (set = new Set()));
      set.add(ent.id);
    }
  }
  return owners;
}

function inferOwner(doc: ClaimsOfDocument, fig: Figure, owners: Map<string, Set<string>>): { id: string; name: string } | undefined {
  const known = owners.get(`${fig.measure}\u0001${unitKey(fig)}`);
  if (!known || !fig.nearby?.length) return undefined;
  const near = fig.nearby.map((l) => doc.entityOf(l)).filter((e): e is NonNullable<typeof e> => !!e);
  const hits = near.filter((e) => known.has(e.id));
  if (new Set(hits.map((e) => e.id)).size !== 1) return undefined;
  const owner = hits[0];
  // Another name of the same kind in the sentence could be the owner just as well.
  if (owner.kind && near.some((e) => e.id !== owner.id && e.kind === owner.kind)) return undefined;
  return owner;
}

/** When a figure holds: the month the text dates it to (its middle), else the source's date. */
function figureAt(doc: { date?: string }, fig: Figure): string | undefined {
  return fig.asOf ? `${fig.asOf}-15` : doc.date;
}

/** The day a figure holds on, as `Item.day`. */
export function figureDay(doc: { date?: string }, fig: Figure): number | undefined {
  return dayNumber(figureAt(doc, fig));
}

/** `dayNumber`, parsed once per distinct date. */
function dayOf(iso: string | undefined, memo: Map<string, number | undefined>): number | undefined {
  if (iso === undefined) return undefined;
  if (!memo.has(iso)) memo.set(iso, dayNumber(iso));
  return memo.get(iso);
}

/** Figures grouped by what they are about; never compared across groups. */
function* groupFigures(docs: ClaimsOfDocument[], owners: Map<string, Set<string>>, slices: Slices, only?: Set<string>, within?: Map<string, [number, number][]>): Generator<void, Map<string, Item[]>> {
  const groups = new Map<string, Item[]>();
  const days = new Map<string, number | undefined>();
  for (const doc of docs) {
    if (slices.due()) yield;
    for (const fig of doc.claims.figures) {
      if (!fig.measure) continue;
      const owner = fig.subject !== undefined ? doc.entityOf(fig.subject) : inferOwner(doc, fig, owners);
      if (!owner || (only && !only.has(figureLinkKey(fig.measure, owner.id)))) continue;
      const at = figureAt(doc, fig);
      const day = dayOf(at, days);
      const ranges = within?.get(figureLinkKey(fig.measure, owner.id));
      if (ranges && !isTimeless(fig) && (day === undefined || !ranges.some(([lo, hi]) => day >= lo && day <= hi))) continue;
      const target = fig.target !== undefined ? doc.entityOf(fig.target)?.id ?? `?${fig.target}` : '';
      if (target.startsWith('?')) continue;
      let lo: number;
      let hi: number;
      if (fig.unit === 'years-old') {
        const iv = birthRange(fig, doc.date);
        if (!iv) continue;
        [lo, hi] = iv;
      } else [lo, hi] = interval(fig);
      const year = fig.unit === 'years-old' ? '' : fig.year ?? '';
      const key = `${owner.id}\u0001${fig.measure}\u0001${unitKey(fig)}\u0001${target}\u0001${year}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push({ doc, at, day, fig, owner, lo, hi });
    }
  }
  return groups;
}

/** Splits a group into stretches of time: dated items chained by gaps of at most `days`; undated join each. */
function windows(items: Item[], days: number, sameDayOnly: boolean): Item[][] {
  const dated = items.filter((i) => i.day !== undefined).sort((a, b) => a.day! - b.day!);
  const undated = sameDayOnly ? [] : items.filter((i) => i.day === undefined);
  if (!dated.length) return [undated];
  const out: Item[][] = [];
  let cur: Item[] = [dated[0]];
  for (let k = 1; k < dated.length; k++) {
    const gap = dated[k].day! - dated[k - 1].day!;
    if (sameDayOnly ? gap > 0 : gap > days) {
      out.push(cur);
      cur = [];
    }
    cur.push(dated[k]);
  }
  out.push(cur);
  return out.map((w) => [...w, ...undated]);
}

/** No figure of a changed document is in the stretch, and none was or is within `days` of its first or last day. */
function untouched(items: Item[], change: FigureChange, days: number): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const i of items) {
    if (change.uris.has(i.doc.uri) || i.day === undefined) return false;
    if (i.day < min) min = i.day;
    if (i.day > max) max = i.day;
  }
  return !change.days.some((d) => d >= min - days && d <= max + days);
}

/** Items whose ranges overlap, chained: each cluster is one value the sources could share. */
function clusters(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => a.lo - b.lo);
  const out: Item[][] = [];
  let cur: Item[] = [];
  let reach = -Infinity;
  for (const it of sorted) {
    if (cur.length && it.lo > reach) {
      out.push(cur);
      cur = [];
      reach = -Infinity;
    }
    cur.push(it);
    reach = Math.max(reach, it.hi);
  }
  if (cur.length) out.push(cur);
  return out;
}

function mostCommonText(items: Item[]): string {
  const count = new Map<string, number>();
  for (const i of items) count.set(i.fig.text, (count.get(i.fig.text) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

function describe(it: Item): string {
  const { fig, owner } = it;
  if (fig.unit === 'years-old') return `${owner.name}'s age`;
  const target = fig.target !== undefined ? it.doc.entityOf(fig.target)?.name : undefined;
  // "troops in Japan": a measure ending in a preposition takes its owner after it.
  if (/ in$/.test(fig.measure)) return `${fig.measure} ${owner.name}${fig.year ? ` in ${fig.year}` : ''}`;
  return `${owner.name}'s ${fig.measure}${target ? ` (${target})` : ''}${fig.year ? ` in ${fig.year}` : ''}`;
}

/** What changed since `previous` was found, so stretches of time far from every change are taken from it as they were. */
export interface FigureChange {
  /** The changed documents. */
  uris: Set<string>;
  /** The days (as `Item.day`) of their figures before and after the change. */
  days: number[];
  /** Some figure of theirs, before or after, has no day (it would join every stretch). */
  undated: boolean;
  /** The conflicts of the groups found again, as they were before the change. */
  previous: Conflict[];
}

/** What the conflict index asks of `figureConflicts` after a change. */
export interface FigureScope {
  /** The corpus's known owners (so a few documents infer owners as the whole corpus would). */
  owners: Map<string, Set<string>>;
  /** The only groups (by `figureLinkKey`) to report. */
  only: Set<string>;
  /** Per group, the only ranges of days whose dated figures (not timeless ones) are read; the others keep theirs. */
  within?: Map<string, [number, number][]>;
  change?: FigureChange;
}

/** By uri (code units: fast, and any fixed order will do) and place in the document. */
const byPlace = (a: Item, b: Item) => (a.doc.uri < b.doc.uri ? -1 : a.doc.uri > b.doc.uri ? 1 : a.fig.start - b.fig.start);

/** A stretch's places, as a key: the same key before and after a change means the same stretch. */
function placesKey(claims: { uri: string; start: number; end: number }[]): string {
  return claims.map((c) => `${c.uri}\u0000${c.start}\u0000${c.end}`).sort().join('\u0001');
}

/**
 * Figure conflicts of the documents. `scope` (see `FigureScope`) is the conflict index's: with what changed, a
 * stretch of time with no changed figure in it or within a window of it (none could have joined, left or bridged
 * it) keeps the conflict it had, unbuilt.
 */
export function figureConflicts(docs: ClaimsOfDocument[], options: ConflictOptions = {}, scope?: FigureScope): Conflict[] {
  return finish(figureConflictSteps(docs, options, scope));
}

/** `figureConflicts` in steps of `slices` (the generator returns the conflicts). */
export function* figureConflictSteps(docs: ClaimsOfDocument[], options: ConflictOptions = {}, scope?: FigureScope, slices = new Slices(Infinity)): Generator<void, Conflict[]> {
  const windowDays = options.figureWindowDays ?? FIGURE_WINDOW_DAYS;
  const out = new Map<string, Conflict>();
  const change = scope?.change && !scope.change.undated ? scope.change : undefined;
  const previous = change ? new Map(change.previous.map((c) => [placesKey(c.claims), c])) : undefined;
  for (const [key, group] of yield* groupFigures(docs, scope?.owners ?? knownOwners(docs), slices, scope?.only, scope?.within)) {
    if (slices.due()) yield;
    if (new Set(group.map((i) => i.doc.uri)).size < 2) continue;
    // In place order, so the sample, the clusters' order and the sources each message names never depend on the
    // order the documents came in.
    group.sort(byPlace);
    const sample = group[0];
    const evolving = EVOLVING_MEASURES.has(sample.fig.measure);
    // Ages are compared through birth dates, which do not move; other yearless figures only within a time window.
    const timeless = isTimeless(sample.fig);
    const stretches = timeless ? [group] : windows(group, windowDays, evolving);
    for (const items of stretches) {
      if (slices.due()) yield;
      if (change && previous && !timeless && untouched(items, change, evolving ? 0 : windowDays)) {
        const kept = previous.get(placesKey(items.map((i) => ({ uri: i.doc.uri, start: i.fig.start, end: i.fig.end }))));
        if (kept) out.set(kept.id, kept);
        continue;
      }
      const cs = clusters(items);
      if (cs.length < 2) continue;
      // A source that itself gives two incompatible values is probably speaking of two things: no verdict.
      const clusterOf = new Map<string, number>();
      let ambiguous = false;
      cs.forEach((c, ci) => c.forEach((i) => {
        const prev = clusterOf.get(i.doc.uri);
        if (prev !== undefined && prev !== ci) ambiguous = true;
        clusterOf.set(i.doc.uri, ci);
      }));
      if (ambiguous) continue;
      const subject = describe(sample);
      // One summary per cluster, then one message per place naming the other clusters.
      const summaries = cs.map((c) => {
        const docsIn = new Set(c.map((i) => i.doc.uri)).size;
        const sources = [...new Set(c.map((i) => sourceName(i.doc)))];
        return `${plural(docsIn, 'other source gives', 'other sources give')} ${mostCommonText(c)} (${listNames(sources)})`;
      });
      const clusterIndex = new Map<Item, number>();
      cs.forEach((c, ci) => c.forEach((i) => clusterIndex.set(i, ci)));
      const all = cs.flat().sort((a, b) => a.doc.uri.localeCompare(b.doc.uri) || a.fig.start - b.fig.start);
      const messages = all.map((it) => {
        const mine = clusterIndex.get(it)!;
        const others = summaries.filter((_, ci) => ci !== mine);
        return `This source gives ${it.fig.text} for ${subject}; ${others.join('; ')}.`;
      });
      const claims = all.map((i) => ({ uri: i.doc.uri, start: i.fig.start, end: i.fig.end, text: i.fig.text }));
      const id = conflictId('figure', key, claims);
      out.set(id, { id, kind: 'figure', subject, claims, messages, sides: all.map((i) => clusterIndex.get(i)!), key: figureLinkKey(sample.fig.measure, sample.owner.id) });
    }
  }
  return [...out.values()];
}

// Figures that cannot all be right: same owner, measure, unit and year, with ranges that cannot overlap.
import { conflictId, listNames, plural, sourceName } from './conflictKit';
import type { ClaimsOfDocument, ConflictOptions } from './corpusClaims';
import { daysBetween, parseIso } from './dateExpressions';
import { EVOLVING_MEASURES } from './measures';
import type { Conflict, Figure } from './types';

interface Item {
  doc: ClaimsOfDocument;
  fig: Figure;
  lo: number;
  hi: number;
}

/** The range a figure stands for: its hedge bounds widened by the rounding of how it is written. */
function interval(fig: Figure): [number, number] {
  const r = fig.rounding ?? 0;
  return [fig.low - r, fig.high + r];
}

/** Ages become birth-year ranges, so articles a year apart can agree ("77" in 2024, "78" in 2025). */
function ageInterval(fig: Figure, docDate: string | undefined): [number, number] | undefined {
  const d = parseIso(docDate);
  if (!d) return undefined;
  const y = d.getUTCFullYear();
  return [y - fig.high - 1, y - fig.low];
}

/** Figures grouped by what they are about; never compared across groups. */
function groupFigures(docs: ClaimsOfDocument[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const doc of docs) {
    for (const fig of doc.claims.figures) {
      if (fig.subject === undefined || !fig.measure) continue;
      const ent = doc.entityOf(fig.subject);
      if (!ent) continue;
      let lo: number;
      let hi: number;
      if (fig.unit === 'years-old') {
        const iv = ageInterval(fig, doc.date);
        if (!iv) continue;
        [lo, hi] = iv;
      } else [lo, hi] = interval(fig);
      const key = `${ent.id}\u0001${fig.measure}\u0001${fig.unit}\u0001${fig.unit === 'years-old' ? '' : fig.year ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push({ doc, fig, lo, hi });
    }
  }
  return groups;
}

/** Splits a group into stretches of time: dated items chained by gaps of at most `days`; undated join each. */
function windows(items: Item[], days: number, sameDayOnly: boolean): Item[][] {
  const dated = items.filter((i) => parseIso(i.doc.date)).sort((a, b) => a.doc.date!.localeCompare(b.doc.date!));
  const undated = sameDayOnly ? [] : items.filter((i) => !parseIso(i.doc.date));
  if (!dated.length) return [undated];
  const out: Item[][] = [];
  let cur: Item[] = [dated[0]];
  for (let k = 1; k < dated.length; k++) {
    const gap = daysBetween(dated[k - 1].doc.date!, dated[k].doc.date!);
    if (sameDayOnly ? gap > 0 : gap > days) {
      out.push(cur);
      cur = [];
    }
    cur.push(dated[k]);
  }
  out.push(cur);
  return out.map((w) => [...w, ...undated]);
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

function describe(name: string, fig: Figure): string {
  if (fig.unit === 'years-old') return `${name}'s age`;
  return `${name}'s ${fig.measure}${fig.year ? ` (${fig.year})` : ''}`;
}

export function figureConflicts(docs: ClaimsOfDocument[], options: ConflictOptions = {}): Conflict[] {
  const windowDays = options.figureWindowDays ?? 45;
  const out = new Map<string, Conflict>();
  for (const [key, group] of groupFigures(docs)) {
    if (new Set(group.map((i) => i.doc.uri)).size < 2) continue;
    const sample = group[0];
    const evolving = EVOLVING_MEASURES.has(sample.fig.measure);
    // Ages are compared through birth years, which do not move; other yearless figures only within a time window.
    const stretches = sample.fig.unit === 'years-old' || sample.fig.year !== undefined ? [group] : windows(group, windowDays, evolving);
    for (const items of stretches) {
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
      const name = sample.doc.entityOf(sample.fig.subject!)!.name;
      const subject = describe(name, sample.fig);
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
      out.set(id, { id, kind: 'figure', subject, claims, messages });
    }
  }
  return [...out.values()];
}

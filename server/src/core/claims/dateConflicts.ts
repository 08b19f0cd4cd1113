// Event dates that cannot all be right: one event of the same participants set on different days.
import { Groups, conflictId, listNames, sourceName } from './conflictKit';
import type { ClaimsOfDocument, ConflictOptions } from './corpusClaims';
import { addDays, daysBetween, parseIso } from './dateExpressions';
import { MULTI_DAY, ONCE_PER_SUBJECT } from './events';
import type { Conflict, EventDate } from './types';
import { Slices, finish } from '../steps';

interface Item {
  i: number;
  doc: ClaimsOfDocument;
  d: EventDate;
  ids: string[];
  names: string[];
  /** The day compared, YYYY-MM-DD: the claim's date, or where a year-less claim was placed (see `how`). */
  day: string;
  /**
   * 'stated': a full date. 'inferred': a year-less date placed in the year nearest the dated claims of its event.
   * 'monthDay': a year-less date with no dated claim of its event near enough: compared only with other such claims,
   * by month and day (placed in the leap year MONTH_DAY_YEAR).
   */
  how: 'stated' | 'inferred' | 'monthDay';
}

/** The year month-day-only claims are compared in: a leap year, so February 29 stands. */
const MONTH_DAY_YEAR = 2000;

/** Most participants of one date used to build pair keys (bounds the pairs per date). */
const MAX_PARTICIPANTS = 6;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDay(iso: string): string {
  const d = parseIso(iso);
  if (!d) return iso;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** "February 6": the month and day of an ISO date. */
function formatMonthDay(iso: string): string {
  const d = parseIso(iso);
  if (!d) return iso;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/**
 * A year-less month and day (MM-DD) placed in the year that puts it nearest one of the dated days, with that
 * distance in days; undefined when two years are equally near (no way to choose).
 */
function placeYearless(monthDay: string, dated: string[]): { day: string; dist: number } | undefined {
  let best: { day: string; dist: number } | undefined;
  let tie = false;
  const years = new Set<number>();
  for (const d of dated) {
    const y = Number(d.slice(0, 4));
    years.add(y - 1).add(y).add(y + 1);
  }
  for (const y of [...years].sort((a, b) => a - b)) {
    const day = `${String(y).padStart(4, '0')}-${monthDay}`;
    const t = parseIso(day);
    if (!t || addDays(t, 0) !== day) continue; // February 29 of a common year
    const dist = Math.min(...dated.map((d) => Math.abs(daysBetween(d, day))));
    if (!best || dist < best.dist) {
      best = { day, dist };
      tie = false;
    } else if (dist === best.dist) tie = true;
  }
  return tie ? undefined : best;
}

function keysOf(it: Item): string[] {
  const ids = it.ids.slice(0, MAX_PARTICIPANTS);
  const keys: string[] = [];
  for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) keys.push(`${it.d.event}\u0001${ids[a]}\u0001${ids[b]}`);
  if (ids.length === 1 && ONCE_PER_SUBJECT.has(it.d.event)) keys.push(`${it.d.event}\u0001${ids[0]}`);
  return keys;
}

/** Splits items of one key into stretches where consecutive days are at most `days` apart. */
function stretches(items: Item[], days: number): Item[][] {
  const sorted = [...items].sort((a, b) => a.day.localeCompare(b.day));
  const out: Item[][] = [];
  let cur: Item[] = [];
  for (const it of sorted) {
    if (cur.length && daysBetween(cur[cur.length - 1].day, it.day) > days) {
      out.push(cur);
      cur = [];
    }
    cur.push(it);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The event in plain words: "the meeting of Donald Trump and Shigeru Ishiba". */
function describe(items: Item[]): string {
  const counts = new Map<string, number>();
  for (const it of items) for (const n of new Set(it.names)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const shared = [...counts.entries()].filter(([, c]) => c === items.length).map(([n]) => n).sort();
  const who = shared.length ? ` of ${listNames(shared, 4)}` : '';
  return `the ${items[0].d.event}${who}`;
}

export function dateConflicts(docs: ClaimsOfDocument[], options: ConflictOptions = {}): Conflict[] {
  return finish(dateConflictSteps(docs, options));
}

/** `dateConflicts` in steps of `slices` (the generator returns the conflicts). */
export function* dateConflictSteps(docs: ClaimsOfDocument[], options: ConflictOptions = {}, slices = new Slices(Infinity)): Generator<void, Conflict[]> {
  const windowDays = options.eventWindowDays ?? 7;
  const items: Item[] = [];
  for (const doc of docs) {
    if (slices.due()) yield;
    for (const d of doc.claims.dates) {
      if (MULTI_DAY.has(d.event)) continue;
      const ents = d.participants.map((p) => doc.entityOf(p)).filter((e): e is NonNullable<typeof e> => !!e);
      const byId = new Map(ents.map((e) => [e.id, e.name]));
      const ids = [...byId.keys()].sort();
      if (!ids.length) continue;
      if (d.yearless ? !/^--\d\d-\d\d$/.test(d.date) : !parseIso(d.date)) continue;
      items.push({ i: items.length, doc, d, ids, names: ids.map((i) => byId.get(i)!), day: d.date, how: 'stated' });
    }
  }
  const byKey = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const k of keysOf(it)) {
      let g = byKey.get(k);
      if (!g) byKey.set(k, (g = []));
      g.push(i);
    }
  });
  // A year-less date ("On February 6" in an undated document) takes the year that puts it nearest the dated claims
  // of the same event (same event and participants: a shared key), when that is within the window; otherwise it is
  // compared only with other year-less dates, by month and day.
  const datedNear = new Map<number, Set<string>>();
  for (const members of byKey.values()) {
    const dated = members.filter((i) => !items[i].d.yearless).map((i) => items[i].day);
    if (!dated.length) continue;
    for (const i of members) {
      if (!items[i].d.yearless) continue;
      let near = datedNear.get(i);
      if (!near) datedNear.set(i, (near = new Set()));
      for (const day of dated) near.add(day);
    }
  }
  for (const it of items) {
    if (!it.d.yearless) continue;
    const monthDay = it.d.date.slice(2);
    const near = datedNear.get(it.i);
    const placed = near && placeYearless(monthDay, [...near]);
    if (placed && placed.dist <= windowDays) {
      it.day = placed.day;
      it.how = 'inferred';
    } else {
      it.day = `${MONTH_DAY_YEAR}-${monthDay}`;
      it.how = 'monthDay';
    }
  }
  // Disagreeing items of every key, joined when keys share items (one conflict per event, not per pair of names).
  const groups = new Groups(items.length);
  const involved = new Set<number>();
  for (const members of byKey.values()) {
    if (slices.due()) yield;
    if (new Set(members.map((i) => items[i].doc.uri)).size < 2) continue;
    const its = members.map((i) => items[i]);
    // Dated claims (with the year-less ones placed among them) and month-day-only claims are compared apart.
    const sides = [its.filter((it) => it.how !== 'monthDay'), its.filter((it) => it.how === 'monthDay')];
    for (const st of sides.flatMap((side) => stretches(side, windowDays))) {
      const days = new Set(st.map((it) => it.day));
      if (days.size < 2) continue;
      // A source giving two days for the same event and people is speaking of two events: no verdict.
      const dayOf = new Map<string, string>();
      let ambiguous = false;
      for (const it of st) {
        const prev = dayOf.get(it.doc.uri);
        if (prev && prev !== it.day) ambiguous = true;
        dayOf.set(it.doc.uri, it.day);
      }
      if (ambiguous) continue;
      const idx = st.map((it) => it.i);
      for (const i of idx) {
        involved.add(i);
        groups.join(idx[0], i);
      }
    }
  }
  const out = new Map<string, Conflict>();
  for (const set of groups.sets(2)) {
    if (slices.due()) yield;
    const members = set.filter((i) => involved.has(i)).map((i) => items[i]);
    if (new Set(members.map((m) => m.day)).size < 2) continue;
    members.sort((a, b) => a.doc.uri.localeCompare(b.doc.uri) || a.d.start - b.d.start);
    const subject = describe(members);
    // Every member of a group is compared the same way: month-day-only claims meet only each other.
    const monthDayOnly = members[0].how === 'monthDay';
    // One summary per day, then one message per place naming the other days.
    const byDay = new Map<string, { names: Set<string>; inferred: Set<string> }>();
    for (const o of members) {
      let entry = byDay.get(o.day);
      if (!entry) byDay.set(o.day, (entry = { names: new Set(), inferred: new Set() }));
      entry.names.add(sourceName(o.doc));
      if (o.how === 'inferred') entry.inferred.add(sourceName(o.doc));
    }
    const summaries = new Map([...byDay.entries()].map(([day, { names, inferred }]): [string, string] => {
      const verb = names.size > 1 ? 'give' : 'gives';
      const who = listNames([...names]);
      if (monthDayOnly) return [day, `${who} ${verb} ${formatMonthDay(day)} (no year given)`];
      if (inferred.size === names.size) return [day, `${who} ${verb} ${formatMonthDay(day)} (no year given; ${day.slice(0, 4)} inferred)`];
      if (inferred.size) return [day, `${who} ${verb} ${formatDay(day)} (year inferred for ${listNames([...inferred])})`];
      return [day, `${who} ${verb} ${formatDay(day)}`];
    }));
    const messages = members.map((it) => {
      const rest = [...summaries.entries()].filter(([day]) => day !== it.day).map(([, text]) => text);
      if (monthDayOnly) {
        return `This source dates ${subject} to ${formatMonthDay(it.day)} (no year given); ${rest.join('; ')}. No source here gives a year: only month and day are compared.`;
      }
      const how = it.how === 'inferred'
        ? ` (“${it.d.text}”, no year given: ${it.day.slice(0, 4)} inferred as the year nearest the other sources' dates)`
        : it.d.relative ? ` (“${it.d.text}”, read against the article's date)` : '';
      return `This source dates ${subject} to ${formatDay(it.day)}${how}; ${rest.join('; ')}.`;
    });
    const claims = members.map((m) => ({ uri: m.doc.uri, start: m.d.start, end: m.d.end, text: m.d.text }));
    const key = `${members[0].d.event}\u0001${[...new Set(members.flatMap((m) => m.ids))].sort().join(',')}`;
    const id = conflictId('date', key, claims);
    const days = [...byDay.keys()].sort();
    out.set(id, { id, kind: 'date', subject, claims, messages, sides: members.map((m) => days.indexOf(m.day)) });
  }
  return [...out.values()];
}

// Event dates that cannot all be right: one event of the same participants set on different days.
import { Groups, conflictId, listNames, sourceName } from './conflictKit';
import type { ClaimsOfDocument, ConflictOptions } from './corpusClaims';
import { daysBetween, parseIso } from './dateExpressions';
import { MULTI_DAY, ONCE_PER_SUBJECT } from './events';
import type { Conflict, EventDate } from './types';

interface Item {
  i: number;
  doc: ClaimsOfDocument;
  d: EventDate;
  ids: string[];
  names: string[];
}

/** Most participants of one date used to build pair keys (bounds the pairs per date). */
const MAX_PARTICIPANTS = 6;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDay(iso: string): string {
  const d = parseIso(iso);
  if (!d) return iso;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
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
  const sorted = [...items].sort((a, b) => a.d.date.localeCompare(b.d.date));
  const out: Item[][] = [];
  let cur: Item[] = [];
  for (const it of sorted) {
    if (cur.length && daysBetween(cur[cur.length - 1].d.date, it.d.date) > days) {
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
  const windowDays = options.eventWindowDays ?? 7;
  const items: Item[] = [];
  for (const doc of docs) {
    for (const d of doc.claims.dates) {
      if (MULTI_DAY.has(d.event)) continue;
      const ents = d.participants.map((p) => doc.entityOf(p)).filter((e): e is NonNullable<typeof e> => !!e);
      const byId = new Map(ents.map((e) => [e.id, e.name]));
      const ids = [...byId.keys()].sort();
      if (!ids.length) continue;
      items.push({ i: items.length, doc, d, ids, names: ids.map((i) => byId.get(i)!) });
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
  // Disagreeing items of every key, joined when keys share items (one conflict per event, not per pair of names).
  const groups = new Groups(items.length);
  const involved = new Set<number>();
  for (const members of byKey.values()) {
    if (new Set(members.map((i) => items[i].doc.uri)).size < 2) continue;
    for (const st of stretches(members.map((i) => items[i]), windowDays)) {
      const days = new Set(st.map((it) => it.d.date));
      if (days.size < 2) continue;
      // A source giving two days for the same event and people is speaking of two events: no verdict.
      const dayOf = new Map<string, string>();
      let ambiguous = false;
      for (const it of st) {
        const prev = dayOf.get(it.doc.uri);
        if (prev && prev !== it.d.date) ambiguous = true;
        dayOf.set(it.doc.uri, it.d.date);
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
    const members = set.filter((i) => involved.has(i)).map((i) => items[i]);
    if (new Set(members.map((m) => m.d.date)).size < 2) continue;
    members.sort((a, b) => a.doc.uri.localeCompare(b.doc.uri) || a.d.start - b.d.start);
    const subject = describe(members);
    // One summary per day, then one message per place naming the other days.
    const byDay = new Map<string, Set<string>>();
    for (const o of members) {
      let names = byDay.get(o.d.date);
      if (!names) byDay.set(o.d.date, (names = new Set()));
      names.add(sourceName(o.doc));
    }
    const summaries = new Map([...byDay.entries()].map(([day, names]) => [day, `${listNames([...names])} ${names.size > 1 ? 'give' : 'gives'} ${formatDay(day)}`]));
    const messages = members.map((it) => {
      const how = it.d.relative ? ` (“${it.d.text}”, read against the article's date)` : '';
      const rest = [...summaries.entries()].filter(([day]) => day !== it.d.date).map(([, text]) => text);
      return `This source dates ${subject} to ${formatDay(it.d.date)}${how}; ${rest.join('; ')}.`;
    });
    const claims = members.map((m) => ({ uri: m.doc.uri, start: m.d.start, end: m.d.end, text: m.d.text }));
    const key = `${members[0].d.event}\u0001${[...new Set(members.flatMap((m) => m.ids))].sort().join(',')}`;
    const id = conflictId('date', key, claims);
    const days = [...byDay.keys()].sort();
    out.set(id, { id, kind: 'date', subject, claims, messages, sides: members.map((m) => days.indexOf(m.d.date)) });
  }
  return [...out.values()];
}

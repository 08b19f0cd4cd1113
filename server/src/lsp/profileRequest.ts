// corroborate/profile: everything known about one entity, ready to render as a page: descriptions, quotes,
// sources, and mentions by document date (a timeline).
import type { Range } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { rangeIn } from './convert';
import { sourceLabel } from './conflictsRequest';

interface Place { uri: string; range: Range; source: string }
export interface Profile {
  id: string;
  kind: string;
  name: string;
  names: string[];
  note?: string;
  mentionCount: number;
  sourceCount: number;
  descriptions: (Place & { kind: string; text: string })[];
  quotes: (Place & { text: string })[];
  sources: { uri: string; source: string; title?: string; date?: string; mentions: number }[];
  /** One entry per document date (undated documents last, date undefined). */
  timeline: { date?: string; mentions: number; sources: string[] }[];
}

export function provideProfile(corpus: Corpus, params: { id: string }): Profile | null {
  const entity = params?.id === undefined ? undefined : corpus.entity(params.id);
  if (!entity) return null;
  const place = (uri: string, start: number, end: number): Place => ({ uri, range: rangeIn(corpus, uri, start, end), source: sourceLabel(corpus, uri) });
  const seen = new Set<string>();
  const descriptions = entity.descriptions
    .filter((d) => {
      const key = `${d.kind}:${d.text.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((d) => ({ kind: d.kind, text: d.text, ...(d.uri ? place(d.uri, d.start, d.end) : { uri: '', range: zero, source: 'your note' }) }));

  const perSource = new Map<string, number>();
  for (const m of entity.mentions) perSource.set(m.uri, (perSource.get(m.uri) ?? 0) + 1);
  const sources = [...perSource].map(([uri, mentions]) => {
    const meta = corpus.source(uri)?.meta;
    return { uri, source: sourceLabel(corpus, uri), ...(meta?.title ? { title: meta.title } : {}), ...(meta?.date ? { date: meta.date } : {}), mentions };
  }).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.uri.localeCompare(b.uri));

  const byDate = new Map<string, { date?: string; mentions: number; sources: string[] }>();
  for (const s of sources) {
    const key = s.date ?? '';
    const entry = byDate.get(key) ?? { ...(s.date ? { date: s.date } : {}), mentions: 0, sources: [] };
    entry.mentions += s.mentions;
    if (!entry.sources.includes(s.source)) entry.sources.push(s.source);
    byDate.set(key, entry);
  }
  const timeline = [...byDate.values()].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));

  const quotes: Profile['quotes'] = [];
  for (const uri of perSource.keys()) {
    for (const q of corpus.claimsOf(uri)?.quotes ?? []) {
      if (q.speaker !== undefined && corpus.entityOfLocal(uri, q.speaker)?.id === entity.id) quotes.push({ text: q.text, ...place(uri, q.start, q.end) });
    }
  }

  return {
    id: entity.id, kind: entity.kind, name: entity.canonical, names: entity.names, ...(entity.note ? { note: entity.note } : {}),
    mentionCount: entity.mentions.length, sourceCount: entity.sources, descriptions, quotes, sources, timeline,
  };
}

const zero: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

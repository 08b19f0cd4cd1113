// Hand-made document analyses for claim tests: mentions are every whole-word occurrence of the names given.
import type { ClaimsOfDocument, DocumentAnalysis, DocumentMeta, EntityKind } from './claims';
import { extractClaims } from './claims';

export interface EntitySpec {
  /** Fullest name; also the corpus id unless `id` is given. */
  name: string;
  kind: EntityKind;
  /** Other surface forms ("Ishiba" for "Shigeru Ishiba"); the full name is always searched. */
  also?: string[];
  gender?: 'm' | 'f';
  id?: string;
}

export const person = (name: string, ...also: string[]): EntitySpec => ({ name, kind: 'person', also });
export const org = (name: string, ...also: string[]): EntitySpec => ({ name, kind: 'organization', also });
export const place = (name: string, ...also: string[]): EntitySpec => ({ name, kind: 'place', also });

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An analysis whose mentions are the non-overlapping, longest-first occurrences of each entity's names. */
export function analysisOf(text: string, entities: EntitySpec[], uri = 'file:///doc.txt', bodyStart = 0): DocumentAnalysis {
  const spans: { start: number; end: number; text: string; kind: EntityKind; local: number }[] = [];
  entities.forEach((e, local) => {
    for (const n of [e.name, ...(e.also ?? [])]) {
      const re = new RegExp(`(?<![A-Za-z])${escape(n)}(?![A-Za-z])`, 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) spans.push({ start: m.index, end: m.index + n.length, text: n, kind: e.kind, local });
    }
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: DocumentAnalysis['mentions'] = [];
  let last = -1;
  for (const s of spans) {
    if (s.start < last) continue;
    mentions.push({ ...s, uri });
    last = s.end;
  }
  const localEntities = entities.map((e, local) => ({
    kind: e.kind, name: e.name, names: [e.name, ...(e.also ?? [])], singleWord: !e.name.includes(' '),
    mentions: mentions.map((m, i) => (m.local === local ? i : -1)).filter((i) => i >= 0), descriptions: [],
    ...(e.gender ? { gender: e.gender } : {}),
  }));
  return { uri, version: 1, meta: { bodyStart, problems: [] }, mentions, localEntities };
}

export interface DocSpec {
  uri: string;
  text: string;
  entities: EntitySpec[];
  date?: string;
  source?: string;
  bodyStart?: number;
}

/** A document run through extractClaims, with corpus ids taken from the entity specs (id, else name). */
export function docOf(spec: DocSpec): ClaimsOfDocument {
  const analysis = analysisOf(spec.text, spec.entities, spec.uri, spec.bodyStart ?? 0);
  const meta: DocumentMeta = { bodyStart: spec.bodyStart ?? 0, problems: [], ...(spec.date ? { date: spec.date } : {}) };
  analysis.meta = meta;
  const claims = extractClaims(spec.text, analysis, meta);
  return {
    uri: spec.uri, date: spec.date, source: spec.source, claims,
    entityOf: (local: number) => {
      const e = spec.entities[local];
      return e && { id: e.id ?? e.name, name: e.name, kind: e.kind };
    },
  };
}

/** The name of the local entity a claim points at, for readable assertions. */
export function nameOf(analysis: DocumentAnalysis, local: number | undefined): string | undefined {
  return local === undefined ? undefined : analysis.localEntities[local]?.name;
}

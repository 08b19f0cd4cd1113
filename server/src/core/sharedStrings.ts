// One copy of each repeated string in the analyses the corpus holds. An analysis that crossed a thread or came
// from the cache carries its own copy of the document's uri in every mention, description and claim, and of every
// name and quote word; at 10,000 documents those copies are a third of the memory. Adopting an analysis points
// them at one shared string each. Plain data in, the same data out (only string identity changes).
import type { DocumentAnalysisInternal } from './document';
import type { DocumentClaims } from './claims/types';

/** Strings longer than this are not interned (quote texts, titles: rarely repeated). */
const MAX_LENGTH = 64;
/**
 * JSON.parse (V8) already gives one copy of each string value of up to this many characters: 1,000,000 copies of a
 * 10-character value parse to 8 MB (the array), of an 11-character one to 40 MB. Two thirds of the strings an
 * analysis from a worker or the cache holds are that short, and looking them up was a second of a 10,000-file index.
 */
const PARSED_SHARED_LENGTH = 10;

export class SharedStrings {
  private readonly strings = new Map<string, string>();

  /** The shared copy of a string (the first one seen). */
  get(s: string): string {
    if (s.length > MAX_LENGTH) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    // A flat copy: a slice of a larger string would keep all of it alive.
    const flat = s.length > 12 ? (' ' + s).slice(1) : s;
    this.strings.set(flat, flat);
    return flat;
  }

  get size(): number {
    return this.strings.size;
  }

  /**
   * Points the uri of every part of one document's analysis and claims at the analysis's uri, and names at shared
   * copies; `parsed`: the analysis is JSON.parse's, its shortest strings shared already.
   */
  adopt(analysis: DocumentAnalysisInternal, claims: DocumentClaims, parsed = false): void {
    restoreUris(analysis, claims);
    const shortest = parsed ? PARSED_SHARED_LENGTH + 1 : 0;
    const get = (s: string) => (s.length < shortest ? s : this.get(s));
    for (const m of analysis.mentions) m.text = get(m.text);
    for (const e of analysis.localEntities) {
      e.name = get(e.name);
      e.key = get(e.key);
      for (let i = 0; i < e.names.length; i++) e.names[i] = get(e.names[i]);
      for (const d of e.descriptions) d.text = get(d.text);
    }
    for (const f of claims.figures) {
      f.unit = get(f.unit);
      f.measure = get(f.measure);
    }
    for (const d of claims.dates) d.event = get(d.event);
    for (const q of claims.quotes) if (q.tokens) for (let i = 0; i < q.tokens.length; i++) q.tokens[i] = get(q.tokens[i]);
  }
}

/** Sets the uri of every part of an analysis (its mentions, descriptions and claims). */
function setPartUris(analysis: DocumentAnalysisInternal, claims: DocumentClaims, uri: string): void {
  for (const m of analysis.mentions) m.uri = uri;
  for (const e of analysis.localEntities) for (const d of e.descriptions) d.uri = uri;
  for (const f of claims.figures) f.uri = uri;
  for (const d of claims.dates) d.uri = uri;
  for (const q of claims.quotes) q.uri = uri;
}

/**
 * Blanks the uri of every part of an analysis but the analysis's own, so it crosses a thread or goes to disk
 * without a copy of the uri per mention; `SharedStrings.adopt` puts them back.
 */
export function stripUris(analysis: DocumentAnalysisInternal, claims: DocumentClaims): void {
  setPartUris(analysis, claims, '');
}

/** Points the uri of every part back at the analysis's own uri (one shared string). */
export function restoreUris(analysis: DocumentAnalysisInternal, claims: DocumentClaims): void {
  setPartUris(analysis, claims, analysis.uri);
}

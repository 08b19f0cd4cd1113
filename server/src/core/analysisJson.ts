// An analysis as JSON text, for crossing a thread or going to disk. JSON.parse builds compact objects (properties
// in the object, arrays of their exact length), where v8.deserialize and structured clone build objects with their
// properties out of line: at 10,000 documents, 240 MB of analyses instead of 450 MB, and parsed faster. The uris
// are left out (`stripUris`; the corpus puts them back), and figures' infinite bounds ("more than 50,000") kept.
import type { AnalyzedSource } from './corpus';
import type { Figure } from './claims/types';
import { restoreUris, stripUris } from './sharedStrings';

/** The analysis as JSON, without its uris (the analysis itself is left as it was). */
export function analysisToJson(source: AnalyzedSource): string {
  const { analysis, claims, lineStarts, claimFailure } = source;
  stripUris(analysis, claims);
  try {
    const figures = claims.figures.some(unbounded) ? claims.figures.map((f) => (unbounded(f) ? { ...f, low: encode(f.low), high: encode(f.high) } : f)) : claims.figures;
    return JSON.stringify({ analysis, claims: { ...claims, figures }, lineStarts, claimFailure });
  } finally {
    restoreUris(analysis, claims);
  }
}

/** An analysis parsed from `analysisToJson`'s text (or the value JSON.parse made of it), its bounds restored. */
export function analysisFromJson(json: string | object): AnalyzedSource {
  const source = (typeof json === 'string' ? JSON.parse(json) : json) as AnalyzedSource;
  // Not enumerable: a mark for the corpus, not part of the analysis (it is never written, nor compared).
  Object.defineProperty(source, 'parsed', { value: true });
  for (const f of source.claims?.figures ?? []) {
    if (typeof f.low === 'string') f.low = decode(f.low);
    if (typeof f.high === 'string') f.high = decode(f.high);
  }
  return source;
}

const unbounded = (f: Figure) => !Number.isFinite(f.low) || !Number.isFinite(f.high);
/** JSON has no Infinity (it would become null). */
const encode = (n: number): number | string => (Number.isFinite(n) ? n : String(n));
const decode = (s: string): number => Number(s);

// The claims of one document: its figures, event dates and quotes, sharing one pass of sentence and name look-ups.
import type { DocumentAnalysis, DocumentMeta } from '../types';
import { extractEventDates } from './dates';
import { extractFigures } from './figures';
import { MentionIndex } from './mentionIndex';
import { extractQuotes } from './quotes';
import { TextMap } from './text';
import type { DocumentClaims } from './types';

export function extractClaims(text: string, analysis: DocumentAnalysis, meta: DocumentMeta): DocumentClaims {
  const shared = { map: new TextMap(text), index: new MentionIndex(analysis) };
  const bodyStart = meta.bodyStart ?? analysis.meta?.bodyStart ?? 0;
  const withMeta: DocumentAnalysis = analysis.meta?.bodyStart === bodyStart ? analysis : { ...analysis, meta: { ...analysis.meta, ...meta } };
  return {
    figures: extractFigures(text, analysis, bodyStart, shared),
    dates: extractEventDates(text, analysis, meta, shared),
    quotes: extractQuotes(text, withMeta, shared),
  };
}

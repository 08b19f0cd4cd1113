// Direct quotations of four words or more, each with its speaker when the text says who spoke.
import type { DocumentAnalysis } from '../types';
import { MentionIndex } from './mentionIndex';
import { findQuoteSpans, type QuoteSpan } from './quoteSpans';
import { SpeakerFinder } from './speakers';
import { TextMap } from './text';
import type { Quote } from './types';
import { quoteTokens } from './similarity';

/** Shorter quotes are scare quotes or slogans ("golden age", "drill, baby, drill"), not statements worth checking. */
export const MIN_QUOTE_WORDS = 4;

/** Longest stretch between a quote (or its attribution) and the next one that may still inherit its speaker. */
const INHERIT_GAP = 400;

export interface QuoteScan {
  map?: TextMap;
  index?: MentionIndex;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

export function extractQuotes(text: string, analysis: DocumentAnalysis, shared: QuoteScan = {}): Quote[] {
  const map = shared.map ?? new TextMap(text);
  const index = shared.index ?? new MentionIndex(analysis);
  const bodyStart = analysis.meta?.bodyStart ?? 0;
  const spans = findQuoteSpans(text, bodyStart);
  const finder = new SpeakerFinder(text, index, map, spans);
  const out: Quote[] = [];
  const kept: QuoteSpan[] = [];
  for (const q of spans) {
    let s = q.contentStart;
    let e = q.contentEnd;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /[\s,]/.test(text[e - 1])) e--;
    const words = text.slice(s, e);
    if (wordCount(words) < MIN_QUOTE_WORDS) continue;
    const quote: Quote = { uri: analysis.uri, start: s, end: e, text: words, tokens: quoteTokens(words) };
    const sp = finder.find(q);
    if (sp) {
      quote.speakerSpan = sp.span;
      quote.attribution = sp.how;
      if (sp.local !== undefined) {
        quote.speaker = sp.local;
        if (index.entity(sp.local)?.kind !== 'person' && index.personLike(sp.local)) quote.speakerPerson = true;
      }
    }
    out.push(quote);
    kept.push(q);
  }
  inherit(text, out, kept, map, index, finder);
  return out;
}

/**
 * A quote with nobody named inherits the speaker of the quote before it when nobody else is named between them and
 * it is in the same paragraph or the paragraph right after (a quote continued over paragraphs always inherits).
 * A continued quote whose later piece names the speaker passes the name back to its earlier pieces.
 */
function inherit(text: string, quotes: Quote[], spans: QuoteSpan[], map: TextMap, index: MentionIndex, finder: SpeakerFinder): void {
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i];
    const prev = quotes[i - 1];
    if (q.speakerSpan || prev.speaker === undefined) continue;
    const span = spans[i];
    const prevSpan = spans[i - 1];
    const para = map.paragraphAt(span.start);
    const prevPara = map.paragraphAt(prevSpan.start);
    const gapStart = Math.max(prevSpan.end, prev.speakerSpan?.end ?? 0);
    const between = text.slice(gapStart, span.start);
    // Same paragraph, or the next one: no line with text between the two paragraphs.
    const nearPara = para.index === prevPara.index || !text.slice(prevPara.end, para.start).trim();
    if (!span.continued && (!nearPara || between.length > INHERIT_GAP)) continue;
    const others = index.between(gapStart, span.start, ['person', 'organization']).filter((m) => !finder.inQuote(m.start));
    if (!span.continued && others.length) continue;
    q.speaker = prev.speaker;
    q.attribution = 'previous';
  }
  for (let i = quotes.length - 2; i >= 0; i--) {
    if (!spans[i].continues || quotes[i].speaker !== undefined) continue;
    const next = quotes[i + 1];
    if (spans[i + 1].continued && next.speaker !== undefined) {
      quotes[i].speaker = next.speaker;
      quotes[i].attribution = 'previous';
    }
  }
}

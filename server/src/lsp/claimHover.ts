// The hover on a figure, date or quote: what it was read as, and what the other sources say where they disagree.
import type { Hover } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { rangeIn } from './convert';
import { disagree, sourceName } from './diagnostics';

export function claimHover(corpus: Corpus, uri: string, offset: number): Hover | null {
  const claims = corpus.claimsOf(uri);
  if (!claims) return null;
  const inside = <T extends { start: number; end: number }>(list: T[]) => list.find((c) => c.start <= offset && offset <= c.end);
  const figure = inside(claims.figures);
  const date = inside(claims.dates);
  const quote = inside(claims.quotes);
  const claim = figure ?? date ?? quote;
  if (!claim) return null;
  const lines: string[] = [];
  if (figure) lines.push(`**${figure.text}** · figure: ${figure.measure}${figure.subject !== undefined ? ` of ${corpus.entityOfLocal(uri, figure.subject)?.canonical ?? '?'}` : ''}${figure.year ? `, ${figure.year}` : ''}`);
  else if (date) lines.push(`**${date.text}** · ${date.event} on ${date.yearless ? `${date.date.slice(2)} (month and day; no year given)` : date.date}${date.relative ? ' (resolved from the document date)' : ''}`);
  else if (quote) lines.push(`**Quote** · ${quote.speaker !== undefined ? `said by ${corpus.entityOfLocal(uri, quote.speaker)?.canonical ?? '?'}` : 'speaker not found'}`);
  const involved = corpus.conflicts().filter((c) => c.claims.some((k) => k.uri === uri && k.start === claim.start && k.end === claim.end));
  if (involved.length === 0) lines.push('No other source disagrees.');
  for (const conflict of involved) {
    lines.push(`Disagrees about ${conflict.subject}:`);
    const self = conflict.claims.findIndex((k) => k.uri === uri && k.start === claim.start && k.end === claim.end);
    lines.push(conflict.claims.filter((_, j) => disagree(conflict, self, j)).map((k) => `- ${sourceName(corpus, k.uri)}: ${k.text}`).join('\n'));
  }
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: rangeIn(corpus, uri, claim.start, claim.end) };
}

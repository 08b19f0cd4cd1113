// textDocument/documentSymbol (outline): the source's people, organizations and places, then its quotes and figures.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type Range } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity, Mention } from '../core/types';
import { rangeIn } from './convert';
import { KIND_GROUPS, mentionSummary } from './entityFormat';
import { plural } from '../core/counts';

export const ENTITY_SYMBOL_KIND = { person: SymbolKind.Variable, organization: SymbolKind.Class, place: SymbolKind.Namespace } as const;

export function provideDocumentSymbols(corpus: Corpus, params: DocumentSymbolParams): DocumentSymbol[] {
  const uri = params.textDocument.uri;
  if (!corpus.has(uri)) return [];
  const firstMentions = new Map<string, { entity: Entity; first: Mention; count: number }>();
  for (const { mention, entity } of corpus.mentionsIn(uri)) {
    const known = firstMentions.get(entity.id);
    if (known) known.count++;
    else firstMentions.set(entity.id, { entity, first: mention, count: 1 });
  }
  const groups: DocumentSymbol[] = [];
  for (const { kind, label } of KIND_GROUPS) {
    const children = [...firstMentions.values()]
      .filter((e) => e.entity.kind === kind)
      .sort((a, b) => a.first.start - b.first.start)
      .map(({ entity, first, count }) => {
        const range = rangeIn(corpus, uri, first.start, first.end);
        return { name: entity.canonical, detail: `${plural(count, 'mention')} here · ${mentionSummary(entity)}`, kind: ENTITY_SYMBOL_KIND[kind], range, selectionRange: range };
      });
    if (children.length > 0) groups.push(group(label, children));
  }
  const claims = corpus.claimsOf(uri);
  if (claims) {
    const quotes = claims.quotes.map((q) => {
      const range = rangeIn(corpus, uri, q.start, q.end);
      const speaker = q.speaker === undefined ? undefined : corpus.entityOfLocal(uri, q.speaker);
      return { name: `“${short(q.text)}”`, detail: speaker ? `— ${speaker.canonical}` : '', kind: SymbolKind.String, range, selectionRange: range };
    });
    if (quotes.length > 0) groups.push(group('Quotes', quotes));
    const figures = claims.figures.map((f) => {
      const range = rangeIn(corpus, uri, f.start, f.end);
      return { name: f.text, detail: f.measure, kind: SymbolKind.Number, range, selectionRange: range };
    });
    if (figures.length > 0) groups.push(group('Figures', figures));
  }
  return groups;
}

function group(name: string, children: DocumentSymbol[]): DocumentSymbol {
  const range = enclosing(children.map((c) => c.range));
  return { name, detail: `${children.length}`, kind: SymbolKind.Package, range, selectionRange: { start: range.start, end: range.start }, children };
}

function enclosing(ranges: Range[]): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  let { start, end } = ranges[0];
  for (const r of ranges) {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  }
  return { start, end };
}

function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

// textDocument/semanticTokens/full: people, organizations, places (and figures, quotes when claims are available),
// as token types declared in package.json so themes can colour them.
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { positionAt } from './convert';

export const TOKEN_TYPES = ['person', 'organization', 'place', 'figure', 'quote'] as const;
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] };
const TYPE_INDEX = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<(typeof TOKEN_TYPES)[number], number>;

interface Piece { start: number; end: number; type: number }

export function provideSemanticTokens(corpus: Corpus, params: SemanticTokensParams): SemanticTokens {
  const uri = params.textDocument.uri;
  const source = corpus.source(uri);
  if (!source) return { data: [] };
  // Names and figures first; a quote is painted only around them (tokens may not overlap).
  const firm: Piece[] = corpus.mentionsIn(uri).map(({ mention, entity }) => ({ start: mention.start, end: mention.end, type: TYPE_INDEX[entity.kind] }));
  const claims = corpus.claimsOf(uri);
  for (const f of claims?.figures ?? []) firm.push({ start: f.start, end: f.end, type: TYPE_INDEX.figure });
  const pieces = withoutOverlaps(firm);
  for (const q of claims?.quotes ?? []) pieces.push(...subtract({ start: q.start, end: q.end, type: TYPE_INDEX.quote }, pieces));
  pieces.sort((a, b) => a.start - b.start);
  return { data: encode(pieces, source.lineStarts) };
}

function withoutOverlaps(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let end = -1;
  for (const p of [...pieces].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (p.start < end || p.end <= p.start) continue;
    out.push(p);
    end = p.end;
  }
  return out;
}

/** The parts of `piece` not covered by any of `taken` (sorted by start, not overlapping). */
function subtract(piece: Piece, taken: Piece[]): Piece[] {
  const out: Piece[] = [];
  let from = piece.start;
  for (const t of taken) {
    if (t.end <= from || t.start >= piece.end) continue;
    if (t.start > from) out.push({ start: from, end: t.start, type: piece.type });
    from = Math.max(from, t.end);
  }
  if (from < piece.end) out.push({ start: from, end: piece.end, type: piece.type });
  return out;
}

/** LSP's relative encoding, one token per line (a token may not cross a line break). */
function encode(pieces: Piece[], lineStarts: number[]): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const p of pieces) {
    const first = positionAt(lineStarts, p.start).line;
    const last = positionAt(lineStarts, Math.max(p.start, p.end - 1)).line;
    for (let line = first; line <= last; line++) {
      const start = Math.max(p.start, lineStarts[line]);
      const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : p.end;
      const end = Math.min(p.end, lineEnd);
      const char = start - lineStarts[line];
      const length = end - start;
      if (length <= 0) continue;
      data.push(line - prevLine, line === prevLine ? char - prevChar : char, length, p.type, 0);
      prevLine = line;
      prevChar = char;
    }
  }
  return data;
}

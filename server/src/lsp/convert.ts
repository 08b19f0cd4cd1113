// Core offsets (UTF-16 string indices) to LSP positions and ranges, and back, through a source's line starts.
import type { Location, Position, Range } from 'vscode-languageserver';
import { lineOf, type Corpus } from '../core/corpus';

export function positionAt(lineStarts: number[], offset: number): Position {
  const line = lineOf(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function offsetAt(lineStarts: number[], position: Position): number {
  const line = Math.max(0, Math.min(position.line, lineStarts.length - 1));
  return lineStarts[line] + Math.max(0, position.character);
}

/** The range of core offsets in a text with these line starts. */
export function rangeAt(lineStarts: number[], start: number, end: number): Range {
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

export function rangeIn(corpus: Corpus, uri: string, start: number, end: number): Range {
  return rangeAt(corpus.source(uri)?.lineStarts ?? [0], start, end);
}

export function locationIn(corpus: Corpus, uri: string, start: number, end: number): Location {
  return { uri, range: rangeIn(corpus, uri, start, end) };
}

/** The corpus offset of an LSP position in a document, or undefined when the document is not indexed. */
export function offsetIn(corpus: Corpus, uri: string, position: Position): number | undefined {
  const source = corpus.source(uri);
  return source ? offsetAt(source.lineStarts, position) : undefined;
}

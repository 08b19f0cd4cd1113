// textDocument/documentHighlight: the entity's mentions in the current file.
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { offsetIn, rangeIn } from './convert';

export function provideHighlights(corpus: Corpus, params: DocumentHighlightParams): DocumentHighlight[] {
  const uri = params.textDocument.uri;
  const offset = offsetIn(corpus, uri, params.position);
  const found = offset === undefined ? undefined : corpus.mentionAt(uri, offset);
  if (!found) return [];
  return found.entity.mentions
    .filter((m) => m.uri === uri)
    .map((m) => ({ range: rangeIn(corpus, uri, m.start, m.end), kind: DocumentHighlightKind.Text }));
}

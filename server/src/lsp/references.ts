// textDocument/references (Shift+F12): every mention of the entity under the cursor, in every source.
import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { locationIn, offsetIn } from './convert';

export function provideReferences(corpus: Corpus, params: ReferenceParams): Location[] {
  const uri = params.textDocument.uri;
  const offset = offsetIn(corpus, uri, params.position);
  const found = offset === undefined ? undefined : corpus.mentionAt(uri, offset);
  if (!found) return [];
  return [...found.entity.mentions]
    .sort((a, b) => (a.uri === b.uri ? a.start - b.start : a.uri < b.uri ? -1 : 1))
    .map((m) => locationIn(corpus, m.uri, m.start, m.end));
}

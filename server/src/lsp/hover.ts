// textDocument/hover: who or what the entity under the cursor is, from the sources themselves; on a figure,
// date or quote, what the other sources say.
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { entityHoverMarkdown } from '../core/hover';
import { offsetIn, rangeIn } from './convert';
import { claimHover } from './claimHover';

export function provideHover(corpus: Corpus, params: HoverParams): Hover | null {
  const uri = params.textDocument.uri;
  const offset = offsetIn(corpus, uri, params.position);
  if (offset === undefined) return null;
  const found = corpus.mentionAt(uri, offset);
  if (!found) return claimHover(corpus, uri, offset);
  return {
    contents: { kind: 'markdown', value: entityHoverMarkdown(corpus, found.entity) },
    range: rangeIn(corpus, uri, found.mention.start, found.mention.end),
  };
}

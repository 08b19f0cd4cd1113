// textDocument/references (Shift+F12): every mention of the entity under the cursor, in every source.
import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity } from '../core/types';
import { offsetIn, rangeAt } from './convert';

/**
 * Answers already made, by entity object (replaced by the corpus whenever the entity's mentions change): the
 * mentions of a name found in thousands of sources are sorted and placed once.
 */
const ANSWERS = new WeakMap<Entity, Location[]>();

export function provideReferences(corpus: Corpus, params: ReferenceParams): Location[] {
  const uri = params.textDocument.uri;
  const offset = offsetIn(corpus, uri, params.position);
  const found = offset === undefined ? undefined : corpus.mentionAt(uri, offset);
  if (!found) return [];
  let answer = ANSWERS.get(found.entity);
  if (!answer) ANSWERS.set(found.entity, (answer = locationsOf(corpus, found.entity)));
  return answer;
}

function locationsOf(corpus: Corpus, entity: Entity): Location[] {
  const sorted = [...entity.mentions].sort((a, b) => (a.uri === b.uri ? a.start - b.start : a.uri < b.uri ? -1 : 1));
  const out: Location[] = [];
  let lastUri: string | undefined;
  let starts: number[] = [0];
  for (const m of sorted) {
    if (m.uri !== lastUri) {
      lastUri = m.uri;
      starts = corpus.source(m.uri)?.lineStarts ?? [0];
    }
    out.push({ uri: m.uri, range: rangeAt(starts, m.start, m.end) });
  }
  return out;
}

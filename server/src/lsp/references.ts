// textDocument/references (Shift+F12): every mention of the entity under the cursor, in every source (for a name
// mentioned more than MAX_REFERENCES times, the current source's and the first others', and a message saying so).
import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity } from '../core/types';
import { offsetIn, rangeAt } from './convert';
import { formatCount } from '../core/counts';

/**
 * Answers already made, by entity object (replaced by the corpus whenever the entity's mentions change): the
 * mentions of a name found in thousands of sources are sorted and placed once.
 */
const ANSWERS = new WeakMap<Entity, Location[]>();

/**
 * At most this many references: a name in every story of a large archive has hundreds of thousands of mentions,
 * tens of megabytes an editor would have to take in and could not usefully show.
 */
export const MAX_REFERENCES = 10_000;

export interface ReferenceOptions {
  max?: number;
  /** Told when the list is cut (once per entity). */
  notify?: (message: string) => void;
}

const TOLD = new WeakSet<Entity>();

export function provideReferences(corpus: Corpus, params: ReferenceParams, options: ReferenceOptions = {}): Location[] {
  const uri = params.textDocument.uri;
  const offset = offsetIn(corpus, uri, params.position);
  const found = offset === undefined ? undefined : corpus.mentionAt(uri, offset);
  if (!found) return [];
  const { entity } = found;
  const max = options.max ?? MAX_REFERENCES;
  if (entity.mentions.length > max) {
    if (!TOLD.has(entity)) {
      TOLD.add(entity);
      options.notify?.(`${entity.canonical} is mentioned ${formatCount(entity.mentions.length)} times in ${formatCount(entity.sources)} sources: references list this source's mentions and the first others, ${formatCount(max)} in all.`);
    }
    // Not kept: which source comes first depends on where it is asked.
    return locationsOf(corpus, [...entity.mentions.filter((m) => m.uri === uri), ...entity.mentions.filter((m) => m.uri !== uri)].slice(0, max));
  }
  let answer = ANSWERS.get(entity);
  if (!answer) ANSWERS.set(entity, (answer = locationsOf(corpus, entity.mentions)));
  return answer;
}

function locationsOf(corpus: Corpus, mentions: Entity['mentions']): Location[] {
  const sorted = [...mentions].sort((a, b) => (a.uri === b.uri ? a.start - b.start : a.uri < b.uri ? -1 : 1));
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

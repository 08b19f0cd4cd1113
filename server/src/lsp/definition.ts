// textDocument/definition: jumps to the most descriptive mention of the entity, the one a source explains
// ("Sheila Smith, a senior fellow at ..."), else its first full-name mention.
import type { DefinitionParams, Location } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity, Mention } from '../core/types';
import { locationIn, offsetIn } from './convert';

export function provideDefinition(corpus: Corpus, params: DefinitionParams): Location | null {
  const uri = params.textDocument.uri;
  const offset = offsetIn(corpus, uri, params.position);
  const found = offset === undefined ? undefined : corpus.mentionAt(uri, offset);
  if (!found) return null;
  const target = mostDescriptiveMention(found.entity);
  return target ? locationIn(corpus, target.uri, target.start, target.end) : null;
}

export function mostDescriptiveMention(entity: Entity): Mention | undefined {
  const described = [...entity.descriptions]
    .filter((d) => d.uri && (d.kind === 'appositive' || d.kind === 'title'))
    .sort((a, b) => (a.kind === b.kind ? b.text.length - a.text.length : a.kind === 'appositive' ? -1 : 1))[0];
  if (described) {
    const near = entity.mentions
      .filter((m) => m.uri === described.uri)
      .sort((a, b) => Math.abs(a.start - described.start) - Math.abs(b.start - described.start))[0];
    if (near) return near;
  }
  return entity.mentions.find((m) => m.text === entity.canonical) ?? entity.mentions[0];
}

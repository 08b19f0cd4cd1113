// corroborate/entities and corroborate/entityMentions: the entity list of the Entities view and exports.
import type { Location } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity, Mention } from '../core/types';
import { locationIn } from './convert';

export interface EntityInfo {
  id: string;
  kind: string;
  name: string;
  names: string[];
  mentionCount: number;
  sourceCount: number;
  note?: string;
  /** Only with `{ withMentions: true }`. */
  mentions?: (Location & { text: string })[];
}

export function provideEntities(corpus: Corpus, params: { withMentions?: boolean } | undefined): { entities: EntityInfo[] } {
  const entities = [...corpus.entities()].sort((a, b) => b.mentions.length - a.mentions.length || a.canonical.localeCompare(b.canonical));
  return {
    entities: entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.canonical,
      names: e.names,
      mentionCount: e.mentions.length,
      sourceCount: e.sources,
      ...(e.note ? { note: e.note } : {}),
      ...(params?.withMentions ? { mentions: mentionLocations(corpus, e) } : {}),
    })),
  };
}

export function provideEntityMentions(corpus: Corpus, params: { id: string }): { mentions: (Location & { text: string })[] } {
  const entity = params?.id === undefined ? undefined : corpus.entity(params.id);
  return { mentions: entity ? mentionLocations(corpus, entity) : [] };
}

function mentionLocations(corpus: Corpus, entity: Entity): (Location & { text: string })[] {
  return [...entity.mentions].sort(byPlace).map((m) => ({ ...locationIn(corpus, m.uri, m.start, m.end), text: m.text }));
}

const byPlace = (a: Mention, b: Mention) => (a.uri === b.uri ? a.start - b.start : a.uri < b.uri ? -1 : 1);

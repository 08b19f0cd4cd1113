// Shared wording for entities in symbols, lenses and views: kinds, counts ("9 mentions in 4 sources").
import type { Entity, EntityKind } from '../core/types';
import { plural } from '../core/counts';

export const KIND_GROUPS: { kind: EntityKind; label: string }[] = [
  { kind: 'person', label: 'People' },
  { kind: 'organization', label: 'Organizations' },
  { kind: 'place', label: 'Places' },
];

/** "9 mentions in 4 sources" */
export function mentionSummary(entity: Entity): string {
  return `${plural(entity.mentions.length, 'mention')} in ${plural(entity.sources, 'source')}`;
}

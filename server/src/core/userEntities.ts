// The user's corrections, kept in the workspace as .corroborate/entities.json: merge, split, alias, note, ignore.
// Parsing never throws: a malformed file yields problems with offsets, and the parts that are valid still apply.

export interface EntityCorrection {
  /** The name that picks the entity (any of its names). */
  name: string;
  aliases?: string[];
  kind?: 'person' | 'organization' | 'place';
  note?: string;
  description?: string;
}

export interface UserEntities {
  entities: EntityCorrection[];
  /** Each list names entities (by any name) that are one. */
  merge: string[][];
  /** Names that must stand as an entity of their own, not joined to a fuller name. */
  split: string[];
  /** Names of false entities to hide. */
  ignore: string[];
}

export interface ConfigProblem {
  start: number;
  end: number;
  message: string;
}

export const EMPTY_USER_ENTITIES: UserEntities = { entities: [], merge: [], split: [], ignore: [] };

export function parseUserEntities(text: string): { config: UserEntities; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (text.trim() === '') return { config: EMPTY_USER_ENTITIES, problems };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const start = at ? Math.min(+at[1], Math.max(0, text.length - 1)) : 0;
    return { config: EMPTY_USER_ENTITIES, problems: [{ start, end: Math.min(start + 1, text.length), message: `Corroborate cannot read this file as JSON: ${message}` }] };
  }
  const whole = { start: 0, end: Math.min(text.length, 1) };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: EMPTY_USER_ENTITIES, problems: [{ ...whole, message: 'Expected an object with "entities", "merge", "split" and "ignore".' }] };
  }
  const obj = raw as Record<string, unknown>;
  const where = (needle: string) => {
    const i = text.indexOf(JSON.stringify(needle));
    return i >= 0 ? { start: i, end: i + needle.length + 2 } : whole;
  };
  const strings = (value: unknown, field: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      problems.push({ ...where(field), message: `"${field}" must be a list of names (strings).` });
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    }
    return value as string[];
  };
  const config: UserEntities = { entities: [], merge: [], split: strings(obj.split, 'split'), ignore: strings(obj.ignore, 'ignore') };
  if (obj.merge !== undefined) {
    if (!Array.isArray(obj.merge)) problems.push({ ...where('merge'), message: '"merge" must be a list of lists of names.' });
    else for (const group of obj.merge) {
      if (Array.isArray(group) && group.every((g) => typeof g === 'string') && group.length >= 2) config.merge.push(group as string[]);
      else problems.push({ ...where('merge'), message: 'Each "merge" entry must be a list of two or more names.' });
    }
  }
  if (obj.entities !== undefined) {
    if (!Array.isArray(obj.entities)) problems.push({ ...where('entities'), message: '"entities" must be a list of objects with a "name".' });
    else for (const entry of obj.entities) {
      const e = entry as Record<string, unknown>;
      if (typeof e !== 'object' || e === null || typeof e.name !== 'string') {
        problems.push({ ...where('entities'), message: 'Each entry of "entities" needs a "name" (a string).' });
        continue;
      }
      const kind = e.kind;
      if (kind !== undefined && kind !== 'person' && kind !== 'organization' && kind !== 'place') {
        problems.push({ ...where(String(kind)), message: `"kind" must be "person", "organization" or "place", not ${JSON.stringify(kind)}.` });
      }
      config.entities.push({
        name: e.name,
        aliases: strings(e.aliases, 'aliases'),
        kind: kind === 'person' || kind === 'organization' || kind === 'place' ? kind : undefined,
        note: typeof e.note === 'string' ? e.note : undefined,
        description: typeof e.description === 'string' ? e.description : undefined,
      });
    }
  }
  for (const key of Object.keys(obj)) {
    if (!['entities', 'merge', 'split', 'ignore', '$schema'].includes(key)) problems.push({ ...where(key), message: `Unknown field "${key}" (expected entities, merge, split, ignore).` });
  }
  return { config, problems };
}

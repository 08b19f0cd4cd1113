// `corroborate show <folder>`: the entities found, by type, with their names and mentions per source.
import type { LoadedFolder } from './loadFolder';

export function show({ corpus, relative }: LoadedFolder, json: boolean): string {
  const entities = corpus.entities();
  const countBy = (items: string[]) => items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i]: (acc[i] ?? 0) + 1 }), {});
  if (json) {
    return JSON.stringify(entities.map((e) => ({ id: e.id, kind: e.kind, name: e.canonical, names: e.names, mentions: e.mentions.length, sources: countBy(e.mentions.map((m) => relative(m.uri))) })), null, 2);
  }
  const out = [`${corpus.size} sources, ${entities.length} entities, ${corpus.conflicts().length} conflicts`, ''];
  const titles = { person: 'People', organization: 'Organizations', place: 'Places' } as const;
  for (const kind of ['person', 'organization', 'place'] as const) {
    const list = entities.filter((e) => e.kind === kind);
    out.push(`${titles[kind]} (${list.length})`);
    for (const e of list) {
      const sources = Object.keys(countBy(e.mentions.map((m) => m.uri))).length;
      const others = e.names.filter((n) => n !== e.canonical);
      const description = e.descriptions.find((d) => d.kind === 'appositive') ?? e.descriptions.find((d) => d.kind === 'title');
      out.push(`  ${e.canonical}${others.length ? ` (also ${others.join(', ')})` : ''} — ${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}${description ? `; "${description.text}"` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

// Builds the hover for an entity: canonical name and type, the user's note, who or what it is according to
// the sources (each description linked to its source and line), its other names and how often it is mentioned.
import type { Description, Entity } from './types';
import { lineOf, type Corpus } from './corpus';
import { plural } from './counts';

const MAX_DESCRIPTIONS = 5;

/**
 * Hovers already made, by entity object: the corpus replaces an entity's object whenever its names, mentions or
 * descriptions change, so a hover over a name mentioned 50,000 times is built once, not at every request.
 */
const MADE = new WeakMap<Entity, string>();

export function entityHoverMarkdown(corpus: Corpus, entity: Entity): string {
  let made = MADE.get(entity);
  if (made === undefined) MADE.set(entity, (made = buildHover(corpus, entity)));
  return made;
}

function buildHover(corpus: Corpus, entity: Entity): string {
  const parts: string[] = [];
  parts.push(`**${escape(entity.canonical)}** · ${entity.kind}`);
  if (entity.note) parts.push(`> ${escape(entity.note)}`);
  const described = pickDescriptions(entity.descriptions);
  if (described.length > 0) parts.push(described.map((d) => `- ${describe(d)} — ${sourceLink(corpus, d)}`).join('\n'));
  const others = entity.names.filter((n) => n !== entity.canonical);
  if (others.length > 0) parts.push(`Also written: ${others.slice(0, 8).map(escape).join(', ')}${others.length > 8 ? ', …' : ''}`);
  parts.push(`${plural(entity.mentions.length, 'mention')} in ${plural(entity.sources, 'source')}`);
  return parts.join('\n\n');
}

/**
 * User notes first, then the longest distinct descriptions, one per text (the first place each is given). Distinct
 * texts are found before sorting: a president's title repeated at 50,000 mentions sorts as one.
 */
function pickDescriptions(all: Description[]): Description[] {
  const distinct = new Map<string, { d: Description; at: number }>();
  // The same text given again (a title at every mention) is skipped before it is folded.
  const seen = new Map<Description['kind'], Set<string>>();
  all.forEach((d, at) => {
    let texts = seen.get(d.kind);
    if (!texts) seen.set(d.kind, (texts = new Set()));
    if (texts.has(d.text)) return;
    texts.add(d.text);
    const key = d.kind + ':' + d.text.toLowerCase().replace(/[’']/g, "'");
    if (!distinct.has(key)) distinct.set(key, { d, at });
  });
  const order = { note: 0, appositive: 1, title: 2, age: 3 } as const;
  return [...distinct.values()]
    .sort((x, y) => order[x.d.kind] - order[y.d.kind] || clauseRank(x.d) - clauseRank(y.d) || y.d.text.length - x.d.text.length || x.at - y.at)
    .map((x) => x.d)
    .slice(0, MAX_DESCRIPTIONS);
}

/** "a senior fellow at ..." reads better first than "who studies ...". */
const clauseRank = (d: Description) => (/^who /.test(d.text) ? 1 : 0);

function describe(d: Description): string {
  if (d.kind === 'age') return `age ${d.text}`;
  return escape(d.text);
}

function sourceLink(corpus: Corpus, d: Description): string {
  if (!d.uri) return 'your note';
  const source = corpus.source(d.uri);
  const line = source ? lineOf(source.lineStarts, d.start) + 1 : 1;
  const name = source?.meta.source ?? d.uri.replace(/^.*\//, '');
  return `[${escape(name)}, line ${line}](${d.uri}#L${line})`;
}

const escape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

// Groups document-local entities into corpus entities: same name key across documents; a bare surname to the
// one full name the corpus gives for it (gender-compatible, most mentioned); acronyms to the name they were
// introduced for; weak candidates only when a firmer entity or repetition supports them; then the user's
// corrections (merge, split, alias, ignore). Pure and deterministic: the same documents give the same ids.
import type { Description, Entity, EntityKind, Mention } from './types';
import type { DocumentAnalysisInternal, LocalEntityInternal } from './document';
import type { UserEntities } from './userEntities';
import { foldName, isGenerational, personKey, phraseKey } from './names';
import { SLICE_MS, Slices, finish } from './steps';

export interface Grouping {
  entities: Entity[];
  byId: Map<string, Entity>;
  /** uri -> the entity id of each local entity of that document, by local index (see `entityIdOf`). */
  entityOfLocal: Map<string, (string | undefined)[]>;
  /** The groups behind each entity id, kept so one document's change can be patched in (`patchGrouping`). */
  groupsById: Map<string, Group[]>;
  /** Position of each entity in `entities`. */
  indexById: Map<string, number>;
  /**
   * The group entries of each document's local entities, with where their mentions and descriptions stand in the
   * entity's lists, so a patch never walks a large group.
   */
  localsByUri: Map<string, Placed[]>;
}

interface Placed {
  id: string;
  local: LocalEntry;
  /** Index of the local entity's first mention in the entity's mentions, and of its first description. */
  mentionsAt: number;
  descriptionsAt: number;
}

type LocalEntry = Group['locals'][number];

export interface Group {
  key: string;
  /** `at`: the document's place in uri order, for per-document tables that need no lookup by uri. */
  locals: { doc: DocumentAnalysisInternal; index: number; entity: LocalEntityInternal; at: number }[];
  acronyms: Set<string>;
  userNote?: string;
  userDescription?: string;
  userKind?: EntityKind;
}

/** The corpus entity id of local entity `index` of document `uri`. */
export function entityIdOf(grouping: Grouping, uri: string, index: number): string | undefined {
  return grouping.entityOfLocal.get(uri)?.[index];
}

export function groupEntities(docs: Iterable<DocumentAnalysisInternal>, user: UserEntities): Grouping {
  return finish(groupEntitySteps(docs, user, Infinity));
}

/**
 * `groupEntities` in steps of about `sliceMs` of work each (the generator returns the grouping), so a server can
 * answer requests in between; the documents must not change meanwhile (a caller throws the result away if they did).
 */
export function* groupEntitySteps(docs: Iterable<DocumentAnalysisInternal>, user: UserEntities, sliceMs = SLICE_MS): Generator<void, Grouping> {
  // A bare surname's candidates can cost milliseconds each at 100,000 documents (128 of them held a request 3 s).
  const slices = new Slices(sliceMs);
  const groups = new Map<string, Group>();
  const acronymOwner = new Map<string, string>();
  const weak: LocalEntry[] = [];
  const singles: LocalEntry[] = [];
  const splitNames = new Set(user.split.map(foldName));
  const groupFor = (key: string): Group => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, locals: [], acronyms: new Set() }));
    return g;
  };

  // 1. Firm entities with full names meet by key. Documents in uri order, so the result never depends on the
  // order in which they were added.
  const ordered = [...docs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  for (let at = 0; at < ordered.length; at++) {
    const doc = ordered[at];
    doc.localEntities.forEach((entity, index) => {
      const entry = { doc, index, entity, at };
      if (splitNames.size && splitNames.has(foldName(entity.name))) groupFor('split:' + foldName(entity.name)).locals.push(entry);
      else if (entity.weak) weak.push(entry);
      else if (entity.kind === 'person' && entity.singleWord) singles.push(entry);
      else {
        const g = groupFor(entity.key);
        g.locals.push(entry);
        if (entity.acronym) {
          g.acronyms.add(entity.acronym);
          if (!acronymOwner.has(entity.acronym)) acronymOwner.set(entity.acronym, entity.key);
        }
      }
    });
    if (slices.due()) yield;
  }
  // 2. Acronyms used alone join the name they were introduced for anywhere in the corpus.
  for (const [acronym, ownerKey] of acronymOwner) {
    const alone = groups.get(phraseKey(acronym));
    if (alone && alone.key !== ownerKey) {
      append(groups.get(ownerKey)!.locals, alone.locals);
      groups.delete(alone.key);
    }
  }
  // 3. Bare surnames join the full name the corpus gives them.
  const surnameIndex = buildNameWordIndex(groups);
  for (const entry of singles) {
    const target = pickPerson(groups, surnameIndex.get(personKey([entry.entity.name.replace(/\s+(?:jr|sr|ii|iii)\.?$/i, '')])) ?? [], entry.entity.gender);
    groupFor(target ?? 'person:' + personKey([entry.entity.name])).locals.push(entry);
    if (slices.due()) yield;
  }
  // 4. Weak candidates need support: a firm entity with their name, or repetition across documents.
  const weakByKey = new Map<string, typeof weak>();
  for (const entry of weak) {
    if (slices.due()) yield;
    const key = entry.entity.key;
    const word = foldName(entry.entity.name);
    const firm = groups.get(key) ?? groups.get('person:' + personKey([entry.entity.name])) ?? groups.get(acronymOwner.get(entry.entity.name.replace(/\./g, '')) ?? '\u0000');
    const person = firm ? undefined : pickPerson(groups, surnameIndex.get(word) ?? [], entry.entity.gender);
    if (firm) firm.locals.push(entry);
    else if (person) groups.get(person)!.locals.push(entry);
    else {
      const list = weakByKey.get(key);
      if (list) list.push(entry);
      else weakByKey.set(key, [entry]);
    }
  }
  for (const [key, entries] of weakByKey) {
    const documents = new Set(entries.map((e) => e.doc.uri)).size;
    if (documents >= 2) append(groupFor(key).locals, entries);
  }
  applyCorrections(groups, user);
  yield;
  return yield* materialize(groups, slices, ordered.length);
}

/** Word of a full person name -> keys of the person groups containing it. */
function buildNameWordIndex(groups: Map<string, Group>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const g of groups.values()) {
    if (!g.key.startsWith('person:')) continue;
    for (const word of g.key.slice('person:'.length).split(' ')) {
      const list = index.get(word) ?? [];
      list.push(g.key);
      index.set(word, list);
    }
  }
  return index;
}

/** Among the full-name people whose names contain a word, the gender-compatible one with most mentions. */
function pickPerson(groups: Map<string, Group>, keys: string[], gender: 'm' | 'f' | undefined): string | undefined {
  const candidates = keys
    .map((key) => groups.get(key))
    .filter((g): g is Group => !!g && g.key.slice('person:'.length).includes(' '))
    .filter((g) => !gender || !groupGender(g) || groupGender(g) === gender);
  if (candidates.length === 0) return undefined;
  // Known to fit beats merely not known to clash: "Mrs. Abe" goes to the Abe described as a widow.
  const fits = (g: Group) => (gender && groupGender(g) === gender ? 1 : 0);
  candidates.sort((a, b) => fits(b) - fits(a) || mentionCount(b) - mentionCount(a) || a.key.localeCompare(b.key));
  return candidates[0].key;
}

/**
 * What pickPerson asks of a group, counted once: groups only grow (locals appended) while grouping, so each count
 * resumes where it stopped. Asking for every bare surname in 100,000 documents would otherwise walk a
 * much-mentioned person's locals each time.
 */
const STATS = new WeakMap<Group, { counted: number; mentions: number; scanned: number; gender?: 'm' | 'f' }>();

function statsOf(g: Group) {
  let st = STATS.get(g);
  if (!st) STATS.set(g, (st = { counted: 0, mentions: 0, scanned: 0 }));
  return st;
}

function groupGender(g: Group): 'm' | 'f' | undefined {
  const st = statsOf(g);
  while (!st.gender && st.scanned < g.locals.length) st.gender = g.locals[st.scanned++].entity.gender;
  return st.gender;
}

function mentionCount(g: Group): number {
  const st = statsOf(g);
  for (; st.counted < g.locals.length; st.counted++) st.mentions += g.locals[st.counted].entity.mentions.length;
  return st.mentions;
}

function applyCorrections(groups: Map<string, Group>, user: UserEntities): void {
  const find = (name: string): Group | undefined => {
    const folded = foldName(name);
    const key = phraseKey(name);
    const pkey = 'person:' + personKey(name.split(/\s+/));
    return groups.get(pkey) ?? groups.get(key) ?? [...groups.values()].find((g) => g.locals.some((l) => l.entity.names.some((n) => foldName(n) === folded)));
  };
  const merge = (names: string[]) => {
    const found = names.map(find).filter((g): g is Group => !!g);
    const [first, ...rest] = [...new Set(found)];
    for (const g of rest) {
      append(first.locals, g.locals);
      groups.delete(g.key);
    }
  };
  for (const group of user.merge) merge(group);
  for (const correction of user.entities) {
    const aliases = correction.aliases ?? [];
    merge([correction.name, ...aliases]);
    const g = find(correction.name);
    if (!g) continue;
    g.userNote = correction.note;
    g.userDescription = correction.description;
    g.userKind = correction.kind;
  }
  for (const name of user.ignore) {
    const g = find(name);
    if (g) groups.delete(g.key);
  }
}

/** What `materialize` reads from one group's local entities, gathered in one walk over them. */
interface GroupParts {
  kind: EntityKind;
  mentions: Mention[];
  nameCounts: Map<string, number>;
  /** The local entities' descriptions, in order. */
  descriptions: Description[];
  /** Per local entity (as in `locals`): its mentions and its descriptions, counted. */
  mentionCounts: number[];
  descriptionCounts: number[];
}

/**
 * The entities of the groups; pauses where `slices` says (checked between any two entities: one entity can hold
 * 50,000 mentions). Each group's local entities are read once (they lie all over the heap, so reading them is most
 * of the cost), and per-document tables are indexed by the document's place in uri order, not looked up by uri.
 */
function* materialize(groups: Map<string, Group>, slices: Slices, documents: number): Generator<void, Grouping> {
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  const groupsById = new Map<string, Group[]>();
  const parts = new Map<Group, GroupParts>();
  const entityOfLocal = new Map<string, (string | undefined)[]>();
  const localsByUri = new Map<string, Placed[]>();
  /** The same lists as the two maps, by the document's place in uri order. */
  const idsAt = new Array<(string | undefined)[] | undefined>(documents);
  const placedAt = new Array<Placed[] | undefined>(documents);
  for (const g of groups.values()) {
    if (slices.due()) yield;
    const gathered = gather(g);
    parts.set(g, gathered);
    const id = gathered.kind + ':' + g.key.replace(/^person:/, '');
    for (const l of g.locals) {
      let ids = idsAt[l.at];
      if (!ids) entityOfLocal.set(l.doc.uri, (idsAt[l.at] = ids = []));
      ids[l.index] = id;
    }
    const list = groupsById.get(id);
    if (list) list.push(g);
    else groupsById.set(id, [g]);
  }
  /** Documents already counted for the entity being built (`sources`), by the entity's number. */
  const counted = new Int32Array(documents);
  let number = 0;
  for (const [id, list] of groupsById) {
    if (slices.dueNow()) yield;
    const entity = buildEntity(id, list, parts, counted, ++number);
    if (!entity) continue;
    entities.push(entity);
    byId.set(id, entity);
    for (const placed of placeLocals(id, list, parts)) {
      const at = placed.local.at;
      const locals = placedAt[at];
      if (locals) locals.push(placed);
      else localsByUri.set(placed.local.doc.uri, (placedAt[at] = [placed]));
    }
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.canonical.localeCompare(b.canonical));
  const indexById = new Map<string, number>();
  entities.forEach((e, i) => indexById.set(e.id, i));
  return { entities, byId, entityOfLocal, groupsById, indexById, localsByUri };
}

/** One walk over a group's local entities: its kind (the majority of mentions), mentions, names and descriptions. */
function gather(g: Group): GroupParts {
  const votes = new Votes();
  const mentions: Mention[] = [];
  const nameCounts = new Map<string, number>();
  const descriptions: Description[] = [];
  const mentionCounts: number[] = [];
  const descriptionCounts: number[] = [];
  for (const l of g.locals) {
    const entity = l.entity;
    const local = entity.mentions;
    votes.add(entity.kind, (entity.weak ? 0.5 : 1) * local.length);
    const all = l.doc.mentions;
    // Every mention's text is one of the entity's names: with one name, the count needs no mention read.
    if (entity.names.length === 1) {
      for (const m of local) mentions.push(all[m]);
      if (local.length) nameCounts.set(entity.names[0], (nameCounts.get(entity.names[0]) ?? 0) + local.length);
    } else {
      for (const m of local) {
        const mention = all[m];
        mentions.push(mention);
        nameCounts.set(mention.text, (nameCounts.get(mention.text) ?? 0) + 1);
      }
    }
    append(descriptions, entity.descriptions);
    mentionCounts.push(local.length);
    descriptionCounts.push(entity.descriptions.length);
  }
  return { kind: g.userKind ?? votes.majority(), mentions, nameCounts, descriptions, mentionCounts, descriptionCounts };
}

/** The entity of one id from its groups (several groups may share an id): the first with mentions names it. */
function buildEntity(id: string, list: Group[], parts: Map<Group, GroupParts>, counted: Int32Array, number: number): Entity | undefined {
  let entity: Entity | undefined;
  let sources = 0;
  for (const g of list) {
    const p = parts.get(g)!;
    if (p.mentions.length === 0) continue;
    g.locals.forEach((l, k) => {
      if (p.mentionCounts[k] && counted[l.at] !== number) {
        counted[l.at] = number;
        sources++;
      }
    });
    if (entity) append(entity.mentions, p.mentions);
    else entity = { id, kind: p.kind, canonical: canonicalName(p.kind, p.nameCounts), names: [...p.nameCounts.keys()].sort(), mentions: p.mentions, sources: 0, descriptions: [], note: g.userNote };
  }
  if (entity) {
    entity.sources = sources;
    entity.descriptions = gatherDescriptions(list, parts);
  }
  return entity;
}

/**
 * Replaces one document's analysis in a grouping without regrouping, when its grouping signature (see
 * `groupingSignature`) is unchanged: the groups stay, and so do the names and their counts (the signature holds
 * every mention's text), so each entity the document takes part in only swaps the document's mentions for the new
 * ones in place and gathers its descriptions again. Costs the entity's mentions, not a rebuild of its names.
 */
export function patchGrouping(grouping: Grouping, doc: DocumentAnalysisInternal): void {
  const entries = grouping.localsByUri.get(doc.uri) ?? [];
  if (!entries.length) return;
  const moved = sameShape(entries[0].local.doc, doc);
  const touched = new Set<string>();
  for (const placed of entries) {
    const { id, local } = placed;
    const entity = grouping.byId.get(id);
    const next = doc.localEntities[local.index];
    local.doc = doc;
    local.entity = next;
    touched.add(id);
    if (!entity) continue;
    next.mentions.forEach((m, k) => { entity.mentions[placed.mentionsAt + k] = doc.mentions[m]; });
    if (moved) next.descriptions.forEach((d, k) => { entity.descriptions[placed.descriptionsAt + k] = d; });
  }
  for (const id of touched) {
    const entity = grouping.byId.get(id);
    const at = grouping.indexById.get(id);
    if (!entity || at === undefined) continue;
    const list = grouping.groupsById.get(id) ?? [];
    if (!moved) {
      // Descriptions were added or dropped: gather them again, and where each local entity's now start.
      entity.descriptions = gatherDescriptions(list);
      const places = new Map(placeLocals(id, list).map((p) => [p.local, p.descriptionsAt]));
      for (const locals of [...new Set(list.flatMap((g) => g.locals.map((l) => l.doc.uri)))].map((uri) => grouping.localsByUri.get(uri) ?? [])) {
        for (const p of locals) if (p.id === id) p.descriptionsAt = places.get(p.local) ?? p.descriptionsAt;
      }
    }
    const fresh = { ...entity };
    grouping.entities[at] = fresh;
    grouping.byId.set(id, fresh);
  }
}

/**
 * Where each local entity's mentions and descriptions stand in the entity `buildEntity` makes of the groups, from
 * the counts `gather` made (`parts`) or, for a patch, from the local entities themselves.
 */
function placeLocals(id: string, list: Group[], parts?: Map<Group, GroupParts>): Placed[] {
  const out: Placed[] = [];
  let mentionsAt = 0;
  let descriptionsAt = 0;
  for (const g of list) {
    const p = parts?.get(g);
    if (!hasMentions(g, p)) continue;
    if (g.userDescription) descriptionsAt++;
    g.locals.forEach((local, k) => {
      out.push({ id, local, mentionsAt, descriptionsAt });
      mentionsAt += p ? p.mentionCounts[k] : local.entity.mentions.length;
      descriptionsAt += p ? p.descriptionCounts[k] : local.entity.descriptions.length;
    });
  }
  return out;
}

/** Every group's descriptions, in the order `buildEntity` gives them (from `parts` when `gather` made them). */
function gatherDescriptions(list: Group[], parts?: Map<Group, GroupParts>): Description[] {
  const descriptions: Description[] = [];
  for (const g of list) {
    const p = parts?.get(g);
    if (!hasMentions(g, p)) continue;
    if (g.userDescription) descriptions.push({ uri: '', kind: 'note', start: 0, end: 0, text: g.userDescription });
    if (p) append(descriptions, p.descriptions);
    else for (const l of g.locals) append(descriptions, l.entity.descriptions);
  }
  return descriptions;
}

/** Some local entity of the group has mentions (a group without any makes no entity). */
const hasMentions = (g: Group, p: GroupParts | undefined) => (p ? p.mentions.length > 0 : g.locals.some((l) => l.entity.mentions.length));

/** The same descriptions (kind and text, in order) for every local entity: only their places may have moved. */
function sameShape(a: DocumentAnalysisInternal, b: DocumentAnalysisInternal): boolean {
  if (a.localEntities.length !== b.localEntities.length) return false;
  return a.localEntities.every((e, i) => {
    const other = b.localEntities[i].descriptions;
    return e.descriptions.length === other.length && e.descriptions.every((d, k) => d.kind === other[k].kind && d.text === other[k].text);
  });
}

/** Everything grouping reads from a document except offsets and descriptions: equal signatures, equal groups. */
export function groupingSignature(doc: DocumentAnalysisInternal): string {
  const parts: string[] = [];
  for (const e of doc.localEntities) {
    parts.push(e.key, e.kind, e.weak ? '1' : '0', e.singleWord ? '1' : '0', e.name, e.acronym ?? '', e.gender ?? '', e.names.join('\u0003'),
      e.mentions.map((m) => doc.mentions[m].text).join('\u0003'));
  }
  return parts.join('\u0001');
}

/** The kind most mentions give (a weak one counting half); on a tie, the kind seen first. */
class Votes {
  private readonly kinds: EntityKind[] = [];
  private readonly counts: number[] = [];

  add(kind: EntityKind, n: number): void {
    const at = this.kinds.indexOf(kind);
    if (at < 0) {
      this.kinds.push(kind);
      this.counts.push(n);
    } else this.counts[at] += n;
  }

  majority(): EntityKind {
    let best: EntityKind = 'organization';
    let most = -Infinity;
    this.kinds.forEach((kind, i) => {
      if (this.counts[i] > most) {
        best = kind;
        most = this.counts[i];
      }
    });
    return best;
  }
}

/** The most used full name: a person's longest frequent form, an organization's most used non-acronym form. */
function canonicalName(kind: EntityKind, counts: Map<string, number>): string {
  const names = [...counts.keys()];
  const score = (name: string) => {
    const parts = name.split(/[\s-]+/);
    // A generational suffix is no given name: "Marcos Jr" is a surname alone beside "Ferdinand Marcos Jr".
    const words = kind === 'person' ? parts.filter((w) => !isGenerational(w)).length : parts.length;
    const acronym = /^[\p{Lu}.&]+$/u.test(name);
    const count = counts.get(name) ?? 0;
    // A quoted nickname inside the name ("Ferdinand 'Bongbong' Marcos") is no extra word, and the plain form wins a tie.
    const nickname = /\s['"‘“]\p{L}+['"’”]\s/u.test(name) ? 1 : 0;
    if (kind === 'person') return (words - nickname >= 2 ? 100000 : 0) + count * 10 + Math.min(words - nickname, 3) - nickname;
    return (kind === 'place' ? 0 : words * 1000) + (acronym && kind !== 'place' ? -5000 : 0) + count;
  };
  return names.sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
}

/** Appends without spreading into arguments, which overflows the stack for very large lists. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

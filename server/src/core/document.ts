// Analyzes one document on its own: header, name runs, and the document's local entities, where a bare
// surname joins the full name the same document gives, an acronym joins the name it was introduced for,
// and names in headings and at sentence starts count only when the body names them too.
import type { Description, DocumentAnalysis, LocalEntity, Mention, SourceText, Token } from './types';
import { readMeta } from './meta';
import { tokenize } from './tokenize';
import { findNameRuns, type NameRun } from './recognize';
import { findDescriptions } from './descriptions';
import { foldName, initials, isAcronym, personKey, phraseKey } from './names';

/** Internal: a local entity while it is being built, with its grouping keys. */
interface Building extends LocalEntity {
  key: string;
  weak: boolean;
}

export interface LocalEntityInternal extends LocalEntity {
  /** The key that groups it across documents (person: sorted words; others: folded phrase). */
  key: string;
  /** True when only capitals support it; it survives only by joining a firmer entity elsewhere. */
  weak: boolean;
}

export interface DocumentAnalysisInternal extends DocumentAnalysis {
  localEntities: LocalEntityInternal[];
}

export function analyzeDocument(source: SourceText): DocumentAnalysisInternal {
  const { text, uri } = source;
  const meta = readMeta(text);
  const tokenized = tokenize(text, meta.bodyStart);
  const vocabulary = lowercaseWords(tokenized.tokens);
  const runs = findNameRuns(text, tokenized, vocabulary).filter((r) => !isLowercaseAcronymDefinition(text, r));
  const entities: Building[] = [];
  const mentions: Mention[] = [];
  const byKey = new Map<string, number>();
  /** Word of an entity's key (after its "person:" prefix) -> entities, in creation order. */
  const byWord = new Map<string, number[]>();
  const addMention = (run: NameRun, entityIndex: number) => {
    const entity = entities[entityIndex];
    mentions.push({ uri, start: run.start, end: run.end, text: run.text, kind: entity.kind, local: entityIndex });
    entity.mentions.push(mentions.length - 1);
    if (!entity.names.includes(run.text)) entity.names.push(run.text);
    if (!run.weak) {
      if (entity.weak && run.kind) entity.kind = run.kind;
      entity.weak = false;
    }
    if (run.gender && !entity.gender) entity.gender = run.gender;
    if (run.title) entity.descriptions.push(describe(uri, 'title', run.title));
  };
  const newEntity = (run: NameRun, key: string): number => {
    entities.push({
      kind: run.kind ?? 'organization', name: run.text, names: [], singleWord: run.words.length === 1 || (run.kind === 'person' && !personKey(run.words).includes(' ')), mentions: [], descriptions: [],
      key, weak: run.weak || run.kind === undefined, gender: run.gender,
    });
    byKey.set(key, entities.length - 1);
    for (const word of key.slice('person:'.length).split(' ')) {
      const list = byWord.get(word);
      if (list) list.push(entities.length - 1);
      else byWord.set(word, [entities.length - 1]);
    }
    return entities.length - 1;
  };

  // Pass 1: firm multi-word names and acronyms define the document's entities.
  const pending: NameRun[] = [];
  for (const run of runs) {
    if (run.kind && !run.weak && (run.words.length > 1 || run.kind !== 'person' && isAcronym(run.words[0]) || run.kind === 'place')) {
      const key = keyOf(run);
      const index = byKey.get(key) ?? byKey.get('acronym:' + run.words[0].replace(/\./g, '')) ?? newEntity(run, key);
      if (run.acronym) {
        entities[index].acronym = run.acronym.text;
        byKey.set('acronym:' + run.acronym.text, index);
      }
      addMention(run, index);
    } else {
      pending.push(run);
    }
  }
  // Pass 2: single words and weak runs join what the document already named, else stand as candidates.
  /** "Mrs. Abe" where the document names two Abes of unknown gender: placed again once descriptions tell more. */
  const unsure: { mention: number; run: NameRun; candidates: number[] }[] = [];
  for (const run of pending) {
    if (run.words.includes('-') && resolvePair(run, entities, byKey, byWord, addMention)) continue;
    const index = resolveInDocument(run, entities, byKey, byWord);
    const candidates = run.gender && index !== undefined ? genderedCandidates(run, entities, byWord) : [];
    if (candidates.length > 1 && candidates[0] === index && entities[index].gender !== run.gender) {
      // Its gender is not the entity's to take yet: it may be the other's.
      unsure.push({ mention: mentions.length, run, candidates });
      addMention({ ...run, gender: undefined }, index);
    } else if (index !== undefined) {
      addMention(run, index);
    } else if (run.kind === 'person' && !run.weak) {
      addMention(run, newEntity(run, keyOf(run)));
    } else if (!isPlainWordCapitalized(run, tokenized.tokens)) {
      addMention(run, newEntity({ ...run, weak: true }, keyOf(run)));
    }
  }
  for (const entity of entities) entity.name = fullestName(entity);
  for (const d of findDescriptions(text, uri, mentions, entities, tokenized.tokens)) entities[d.entity].descriptions.push(d.description);
  for (const entity of entities) if (entity.kind === 'person' && !entity.gender) entity.gender = genderOfDescriptions(entity.descriptions);
  for (const { mention, run, candidates } of unsure) {
    // The one the descriptions now say fits ("Akie Abe, the widow of ..."), else the most mentioned, as before.
    const fitting = candidates.filter((i) => entities[i].gender === run.gender);
    if (fitting.length !== 1) continue;
    const target = entities[fitting[0]];
    mentions[mention].local = fitting[0];
    if (!target.names.includes(run.text)) target.names.push(run.text);
  }
  // A mention takes its entity's final kind (a weak entity may have been typed by a later, firmer mention).
  for (const m of mentions) m.kind = entities[m.local].kind;
  mentions.sort((a, b) => a.start - b.start);
  for (const entity of entities) entity.mentions = [];
  mentions.forEach((m, i) => entities[m.local].mentions.push(i));
  return { uri, version: source.version, meta, mentions, localEntities: entities };
}

const FEMALE_ROLE = /\b(?:widow|wife|daughter|mother|sister|first lady|actress|chairwoman|spokeswoman|congresswoman|businesswoman|queen|princess|empress)\b/i;
const MALE_ROLE = /\b(?:widower|husband|son|father|brother|chairman|spokesman|congressman|businessman|king|prince|emperor)\b/i;

/** "Akie Abe, the widow of ..." or "First Lady Melania Trump": a role that says she or he. */
function genderOfDescriptions(descriptions: Description[]): 'm' | 'f' | undefined {
  let female = false;
  let male = false;
  for (const d of descriptions) {
    if (d.kind !== 'appositive' && d.kind !== 'title') continue;
    // Only the head of the phrase speaks of the person: "the widow of Japan's former leader", not "... his son".
    const head = d.text.split(/\s+(?:of|at|for|to|in|with|who|whose)\s+/i)[0];
    if (FEMALE_ROLE.test(head)) female = true;
    if (MALE_ROLE.test(head)) male = true;
  }
  return female === male ? undefined : female ? 'f' : 'm';
}

function describe(uri: string, kind: Description['kind'], span: { start: number; end: number; text: string }): Description {
  return { uri, kind, start: span.start, end: span.end, text: span.text };
}

function keyOf(run: NameRun): string {
  if (run.kind === 'person' && run.words.length > 1) return 'person:' + personKey(run.words);
  return phraseKey(run.words.join(' '));
}

/** A single word or weak run: the document's own fuller name for it, by surname, given name, acronym or phrase. */
function resolveInDocument(run: NameRun, entities: Building[], byKey: Map<string, number>, byWord: Map<string, number[]>): number | undefined {
  const key = keyOf(run);
  const direct = byKey.get(key) ?? byKey.get('acronym:' + run.words.join('').replace(/\./g, ''));
  if (direct !== undefined && !entities[direct].weak) return direct;
  if (run.words.length === 1 && (run.weak || run.kind === 'person' || run.kind === undefined)) {
    const candidates = genderedCandidates(run, entities, byWord);
    return candidates.length ? candidates[0] : direct;
  }
  if (run.kind === undefined || run.weak) {
    const person = byKey.get('person:' + personKey(run.words));
    if (person !== undefined) return person;
  }
  return direct;
}

/**
 * The people of the document with a full name holding the run's one word, its gender allowing: known to fit first
 * ("Mrs. Abe": the Abe called "Mrs." or a widow), then the most mentioned.
 */
function genderedCandidates(run: NameRun, entities: Building[], byWord: Map<string, number[]>): number[] {
  if (run.words.length !== 1) return [];
  const fits = (e: Building) => (run.gender && e.gender === run.gender ? 1 : 0);
  return (byWord.get(foldName(run.words[0])) ?? [])
    .filter((i) => entities[i].kind === 'person' && !entities[i].singleWord)
    .filter((i) => !run.gender || !entities[i].gender || entities[i].gender === run.gender)
    .sort((a, b) => fits(entities[b]) - fits(entities[a]) || entities[b].mentions.length - entities[a].mentions.length);
}

/** "Ishiba-Trump relationship": each part is a mention when the document names both. */
function resolvePair(
  run: NameRun, entities: Building[], byKey: Map<string, number>, byWord: Map<string, number[]>, add: (run: NameRun, index: number) => void,
): boolean {
  const parts = run.text.split(/[-‐‑–—]/);
  if (parts.length !== 2) return false;
  const sub: NameRun[] = [];
  let offset = run.start;
  for (const part of parts) {
    sub.push({ ...run, start: offset, end: offset + part.length, text: part, words: [part], kind: undefined, weak: true, title: undefined, acronym: undefined });
    offset += part.length + 1;
  }
  const found = sub.map((s) => resolveInDocument(s, entities, byKey, byWord));
  if (found.some((f) => f === undefined || entities[f].weak)) return false;
  sub.forEach((s, k) => add(s, found[k]!));
  return true;
}

/** Capitalized only because of where it stands (sentence start, heading), and not named elsewhere in the document. */
function isPlainWordCapitalized(run: NameRun, tokens: Token[]): boolean {
  const first = tokens[run.firstToken];
  return run.weak && run.kind === undefined && (run.words.length > 3 || first.sentenceStart || first.inHeading);
}

/** "liquefied natural gas (LNG)": an acronym for lowercase words names a thing, not an entity. */
function isLowercaseAcronymDefinition(text: string, run: NameRun): boolean {
  if (run.words.length !== 1 || !isAcronym(run.words[0]) || text[run.start - 1] !== '(') return false;
  const before = text.slice(Math.max(0, run.start - 80), run.start - 1).trim().split(/\s+/);
  const letters = run.words[0].replace(/\./g, '');
  const candidate = before.slice(-letters.length);
  return candidate.length === letters.length && candidate.every((w) => /^[a-z]/.test(w)) && initials(candidate) === letters.toUpperCase();
}

function fullestName(entity: Building): string {
  const counts = new Map<string, number>();
  for (const name of entity.names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...entity.names].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length)[0] ?? entity.name;
}

function lowercaseWords(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    const c = t.text.charCodeAt(0);
    if (c >= 97 && c <= 122) out.add(t.text);
  }
  return out;
}

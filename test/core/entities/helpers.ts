// Helpers for the entity tests: a Corpus built from inline documents, and look-ups by name and cursor marker.
import assert from 'node:assert/strict';
import { Corpus, analyzeDocument, type Entity, type EntityKind, type Mention } from './core';

export type Docs = Record<string, string>;

/** The cursor marker: `mentionAt(corpus, docs, 'a.txt', 'said Sm|ith')` finds the mention under the bar. */
export const CURSOR = '|';

export function corpusOf(docs: Docs, userEntities?: string): Corpus {
  const corpus = new Corpus();
  for (const [uri, text] of Object.entries(docs)) corpus.update({ uri, text, version: 1 });
  if (userEntities !== undefined) corpus.setUserEntities(userEntities);
  return corpus;
}

/** The entity that has `name` among its names (exact surface form), or undefined. */
export function findEntity(corpus: Corpus, name: string, kind?: EntityKind): Entity | undefined {
  const matches = corpus.entities().filter((e) => (e.canonical === name || e.names.includes(name)) && (!kind || e.kind === kind));
  return matches.find((e) => e.canonical === name) ?? matches[0];
}

export function entity(corpus: Corpus, name: string, kind?: EntityKind): Entity {
  const found = findEntity(corpus, name, kind);
  assert.ok(found, `no entity named "${name}"${kind ? ' of kind ' + kind : ''}; entities: ${listEntities(corpus)}`);
  return found;
}

export function listEntities(corpus: Corpus): string {
  return corpus.entities().map((e) => `${e.canonical} [${e.kind}] {${e.names.join(' | ')}}`).join('; ');
}

/** True when any entity of the corpus uses `name` (exactly) as one of its names. */
export function hasName(corpus: Corpus, name: string): boolean {
  return corpus.entities().some((e) => e.names.includes(name) || e.canonical === name);
}

/**
 * The mention and entity under a cursor. `context` is a piece of the document's text with a `|` where the
 * cursor stands, e.g. "said Sm|ith"; it must occur once in the document once the bar is removed.
 */
export function at(corpus: Corpus, docs: Docs, uri: string, context: string): { mention: Mention; entity: Entity } | undefined {
  const bar = context.indexOf(CURSOR);
  assert.ok(bar >= 0, 'context needs a cursor marker');
  const plain = context.slice(0, bar) + context.slice(bar + 1);
  const text = docs[uri];
  const where = text.indexOf(plain);
  assert.ok(where >= 0, `"${plain}" is not in ${uri}`);
  assert.equal(text.indexOf(plain, where + 1), -1, `"${plain}" occurs more than once in ${uri}`);
  return corpus.mentionAt(uri, where + bar);
}

export function entityAt(corpus: Corpus, docs: Docs, uri: string, context: string): Entity {
  const found = at(corpus, docs, uri, context);
  assert.ok(found, `no mention at "${context}" in ${uri}; entities: ${listEntities(corpus)}`);
  return found.entity;
}

/** Mentions analyzeDocument finds in one text, as their surface strings. */
export function mentionTexts(text: string): string[] {
  return analyzeDocument({ uri: 'x.txt', text, version: 1 }).mentions.map((m) => m.text);
}

/** Every mention of every document slices exactly its own text. */
export function assertOffsetsExact(corpus: Corpus, docs: Docs): void {
  for (const [uri, text] of Object.entries(docs)) {
    const doc = corpus.analysis(uri);
    assert.ok(doc);
    for (const m of doc.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text, `mention ${JSON.stringify(m.text)} at ${m.start}-${m.end} in ${uri}`);
    }
  }
}

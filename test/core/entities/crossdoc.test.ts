// Grouping across documents: bare surnames, people who share a surname, acronyms, weak candidates.
import test from 'node:test';
import assert from 'node:assert/strict';
import { corpusOf, entity, entityAt, hasName, listEntities } from './helpers';

test('a bare "Smith" in one document resolves to "Sheila Smith" named only in another', () => {
  const docs = {
    'a.txt': 'The alliance is under strain, Smith said in an interview on Tuesday.',
    'b.txt': 'Sheila Smith, a senior fellow at the Council on Foreign Relations, said the summit went well.',
  };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'a.txt', 'Sm|ith said');
  assert.equal(e.canonical, 'Sheila Smith');
  assert.equal(new Set(e.mentions.map((m) => m.uri)).size, 2);
});

test('two people sharing a surname in different documents stay apart', () => {
  const docs = {
    'a.txt': 'Laura Chen, a senior analyst at the Halden Institute, said tariffs would hurt exporters.',
    'b.txt': 'David Chen, chief executive of Three Rivers Fabrication, said orders had fallen.',
  };
  const c = corpusOf(docs);
  const laura = entity(c, 'Laura Chen');
  const david = entity(c, 'David Chen');
  assert.notEqual(laura.id, david.id);
  assert.equal(laura.mentions.length, 1);
  assert.equal(david.mentions.length, 1);
});

test('a bare surname goes to the full name of its own document first', () => {
  const docs = {
    'a.txt': 'Laura Chen spoke in Washington. Laura Chen later met reporters. Laura Chen left on Friday.',
    'b.txt': 'David Chen, a plant manager in Ohio, was worried. Chen said layoffs were likely.',
  };
  const c = corpusOf(docs);
  // Laura has more mentions in the corpus, but document b names David.
  assert.equal(entityAt(c, docs, 'b.txt', 'Ch|en said').canonical, 'David Chen');
  assert.equal(entity(c, 'Laura Chen').mentions.length, 3);
});

test('a bare surname in a third document goes to the person mentioned most', () => {
  const docs = {
    'a.txt': 'Laura Chen spoke in Washington. Laura Chen later met reporters.',
    'b.txt': 'David Chen runs a plant in Ohio.',
    'c.txt': 'Exporters are nervous, Chen said.',
  };
  const c = corpusOf(docs);
  assert.equal(entityAt(c, docs, 'c.txt', 'Ch|en said').canonical, 'Laura Chen');
});

test('a bare surname with a female honorific avoids a man of that surname', () => {
  const docs = {
    'a.txt': 'Mr. Chen said little. David Chen runs a steel plant in Ohio. David Chen hired 40 workers.',
    'b.txt': 'Laura Chen, an analyst, published a report.',
    'c.txt': 'Ms. Chen said the report was accurate.',
  };
  const c = corpusOf(docs);
  assert.equal(entityAt(c, docs, 'c.txt', 'Ms. Ch|en said').canonical, 'Laura Chen');
});

test('a bare surname nobody names in full stays an entity of its own', () => {
  const docs = {
    'a.txt': 'The plan was drafted by officials, Nakagawa said on Friday.',
    'b.txt': 'Nakagawa told lawmakers that the budget was tight.',
  };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'b.txt', 'Naka|gawa told');
  assert.equal(e.kind, 'person');
  assert.equal(e.canonical, 'Nakagawa');
});

test('an organization named in two documents is one entity with mentions from both', () => {
  const docs = {
    'a.txt': 'The Halden Institute published the survey.',
    'b.txt': 'A report by the Halden Institute in Washington was cited.',
  };
  const c = corpusOf(docs);
  const e = entity(c, 'Halden Institute');
  assert.equal(e.kind, 'organization');
  assert.equal(new Set(e.mentions.map((m) => m.uri)).size, 2);
});

test('a sentence-initial capitalized word that is a candidate only in one document is dropped', () => {
  const docs = { 'a.txt': 'Stronger demand lifted prices. Exporters welcomed the news in Osaka.' };
  const c = corpusOf(docs);
  assert.ok(!hasName(c, 'Stronger') && !hasName(c, 'Exporters'), listEntities(c));
});

test('entity ids are stable: the same documents in another order give the same ids', () => {
  const docs = {
    'a.txt': 'Prime Minister Shigeru Ishiba met President Donald Trump in Washington.',
    'b.txt': 'Ishiba said Trump had been gracious. Nippon Steel will invest in US Steel.',
  };
  const reversed = Object.fromEntries(Object.entries(docs).reverse());
  const ids = (d: Record<string, string>) => corpusOf(d).entities().map((e) => e.id).sort();
  assert.deepEqual(ids(docs), ids(reversed));
});

test('updating a document replaces its mentions; removing it drops its entities', () => {
  const c = corpusOf({ 'a.txt': 'Laura Chen visited Tokyo.' });
  assert.ok(hasName(c, 'Laura Chen'));
  c.update({ uri: 'a.txt', text: 'Kenji Morimoto visited Osaka.', version: 2 });
  assert.ok(!hasName(c, 'Laura Chen') && hasName(c, 'Kenji Morimoto'), listEntities(c));
  c.remove('a.txt');
  assert.equal(c.entities().length, 0);
});

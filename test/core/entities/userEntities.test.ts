// The user's corrections (.corroborate/entities.json): merge, split, alias, note, ignore, and problems in the file.
import test from 'node:test';
import assert from 'node:assert/strict';
import { corpusOf, entity, entityAt, findEntity, hasName, listEntities } from './helpers';
import { entityHoverMarkdown, parseUserEntities } from './core';

const docs = {
  'a.txt': 'Prime Minister Shigeru Ishiba met President Donald Trump at the White House. Ishiba said the talks went well.',
  'b.txt': 'The Halden Institute and the Kairos Energy Research group both expect more LNG deals. Laura Chen, an analyst in Washington, agreed.',
  'c.txt': 'The PM flew home on Sunday. Chen said the visit to Washington was a success.',
};

test('merge: two entities named in a merge list become one', () => {
  const c = corpusOf(docs, JSON.stringify({ merge: [['Halden Institute', 'Kairos Energy Research']] }));
  const halden = entity(c, 'Halden Institute');
  assert.ok(halden.names.includes('Kairos Energy Research'), halden.names.join(','));
  assert.equal(c.entities().filter((e) => e.names.includes('Kairos Energy Research')).length, 1);
});

test('split: a name listed in split stands apart from the fuller name it would join', () => {
  const before = corpusOf(docs);
  assert.equal(entityAt(before, docs, 'c.txt', 'Ch|en said').canonical, 'Laura Chen');
  const c = corpusOf(docs, JSON.stringify({ split: ['Chen'] }));
  const chen = entityAt(c, docs, 'c.txt', 'Ch|en said');
  assert.equal(chen.canonical, 'Chen');
  assert.notEqual(chen.id, entity(c, 'Laura Chen').id);
});

test('alias: an entity correction with aliases merges the aliases in', () => {
  const c = corpusOf({ ...docs, 'd.txt': 'Reporters asked Washington Post columnist Bob Kessler about Ishiba. Kessler said nothing.' },
    JSON.stringify({ entities: [{ name: 'Shigeru Ishiba', aliases: ['Bob Kessler'] }] }));
  const e = entity(c, 'Shigeru Ishiba');
  assert.ok(e.names.includes('Bob Kessler'), listEntities(c));
});

test('note: shown first in the hover, before the sources\' descriptions', () => {
  const c = corpusOf(docs, JSON.stringify({ entities: [{ name: 'Laura Chen', note: 'Former trade official; check her 2019 paper.' }] }));
  const e = entity(c, 'Laura Chen');
  assert.equal(e.note, 'Former trade official; check her 2019 paper.');
  const md = entityHoverMarkdown(c, e);
  const note = md.indexOf('> Former trade official');
  assert.ok(note > 0, md);
  assert.ok(note < md.indexOf('an analyst in Washington'), md);
});

test('description and kind from the user replace the guessed kind and come first', () => {
  const c = corpusOf(docs, JSON.stringify({ entities: [{ name: 'Halden Institute', kind: 'place', description: 'a think tank in Washington' }] }));
  const e = entity(c, 'Halden Institute');
  assert.equal(e.kind, 'place');
  assert.equal(e.descriptions[0].kind, 'note');
  assert.equal(e.descriptions[0].text, 'a think tank in Washington');
  assert.match(entityHoverMarkdown(c, e), /a think tank in Washington — your note/);
});

test('ignore: a listed entity disappears, others stay, and mentionAt finds nothing there', () => {
  const c = corpusOf(docs, JSON.stringify({ ignore: ['White House'] }));
  assert.ok(!hasName(c, 'White House'), listEntities(c));
  assert.ok(hasName(c, 'Donald Trump'));
  const text = docs['a.txt'];
  assert.equal(c.mentionAt('a.txt', text.indexOf('White House') + 2), undefined);
});

test('corrections can be replaced and removed again', () => {
  const c = corpusOf(docs, JSON.stringify({ ignore: ['White House'] }));
  assert.ok(!hasName(c, 'White House'));
  const version = c.version;
  assert.deepEqual(c.setUserEntities(undefined), []);
  assert.ok(c.version > version);
  assert.ok(hasName(c, 'White House'), listEntities(c));
});

test('malformed JSON gives one problem with an offset, and does not throw', () => {
  const text = '{\n  "ignore": ["White House",]\n}';
  const { config, problems } = parseUserEntities(text);
  assert.equal(problems.length, 1);
  assert.ok(problems[0].start >= 0 && problems[0].start < text.length, JSON.stringify(problems[0]));
  assert.ok(problems[0].end > problems[0].start);
  assert.match(problems[0].message, /JSON/);
  assert.deepEqual(config.ignore, []);
  // The corpus still works with the broken file.
  const c = corpusOf(docs);
  assert.equal(c.setUserEntities(text).length, 1);
  assert.ok(hasName(c, 'White House'));
});

test('malformed JSON: the offset points at or near the error', () => {
  const text = '{"ignore": ["A"] "merge": []}';
  const { problems } = parseUserEntities(text);
  assert.equal(problems.length, 1);
  // The error is at the second key (offset 17); the reported offset is within a few characters of it.
  assert.ok(Math.abs(problems[0].start - 17) <= 2, JSON.stringify(problems[0]));
});

test('unknown fields are reported with the field\'s offset; the valid parts still apply', () => {
  const text = '{ "ignore": ["White House"], "aliases": [["PM", "Shigeru Ishiba"]] }';
  const { config, problems } = parseUserEntities(text);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /Unknown field "aliases"/);
  assert.equal(text.slice(problems[0].start, problems[0].end), '"aliases"');
  assert.deepEqual(config.ignore, ['White House']);
});

test('wrong types are problems, not exceptions', () => {
  for (const text of ['[]', '42', 'null', '{"merge": "A"}', '{"merge": [["only one"]]}', '{"entities": [{"note": "x"}]}', '{"entities": [{"name": "X", "kind": "animal"}]}', '{"split": [1, "Chen"]}']) {
    const { problems, config } = parseUserEntities(text);
    assert.ok(problems.length >= 1, text);
    for (const p of problems) assert.ok(p.start >= 0 && p.end <= text.length && p.start <= p.end, `${text}: ${JSON.stringify(p)}`);
    assert.ok(Array.isArray(config.entities) && Array.isArray(config.merge));
  }
  assert.deepEqual(parseUserEntities('{"split": [1, "Chen"]}').config.split, ['Chen']);
});

test('an empty file is no problem', () => {
  assert.deepEqual(parseUserEntities('').problems, []);
  assert.deepEqual(parseUserEntities('  \n').problems, []);
  assert.deepEqual(parseUserEntities('{}').problems, []);
});

test('corrections naming entities that do not exist are harmless', () => {
  const c = corpusOf(docs, JSON.stringify({ merge: [['Nobody Here', 'Also Nobody']], ignore: ['Ghost'], split: ['Phantom'], entities: [{ name: 'Nemo', note: 'x' }] }));
  assert.ok(findEntity(c, 'Shigeru Ishiba'));
});

// What the sources say about who someone is: appositives, titles before names, ages; and what is no description.
import test from 'node:test';
import assert from 'node:assert/strict';
import { corpusOf, entity, entityAt, Docs } from './helpers';
import { entityHoverMarkdown } from './core';

const texts = (docs: Docs, name: string, kind?: string) =>
  entity(corpusOf(docs), name).descriptions.filter((d) => !kind || d.kind === kind).map((d) => d.text);

test('appositive with an article', () => {
  const docs = { 'a.txt': 'Sheila Smith, a senior fellow at the Council on Foreign Relations, said the visit was a success.' };
  assert.deepEqual(texts(docs, 'Sheila Smith', 'appositive'), ['a senior fellow at the Council on Foreign Relations']);
});

test('appositive without an article, before "told"', () => {
  const docs = { 'a.txt': 'Ruth Okafor, chief Asia economist at Stanmore Capital, told AFP that the yen would weaken.' };
  assert.deepEqual(texts(docs, 'Ruth Okafor', 'appositive'), ['chief Asia economist at Stanmore Capital']);
});

test('appositive without an article or a leading adjective: "senior fellow at ..."', () => {
  const docs = { 'a.txt': 'Sheila Smith, senior fellow at the Council on Foreign Relations, told AFP the talks went well.' };
  assert.deepEqual(texts(docs, 'Sheila Smith', 'appositive'), ['senior fellow at the Council on Foreign Relations']);
});

test('the description offsets slice the description from the text', () => {
  const text = 'Takashi Shiraishi, a professor at the Prefectural University of Kumamoto, said Japan must adapt.';
  const docs = { 'a.txt': text };
  const d = entity(corpusOf(docs), 'Takashi Shiraishi').descriptions.find((x) => x.kind === 'appositive');
  assert.ok(d);
  assert.equal(text.slice(d.start, d.end), d.text);
  assert.equal(d.uri, 'a.txt');
});

test('a lowercase role with its organization before the name: "SoftBank founder Masayoshi Son"', () => {
  const docs = { 'a.txt': 'SoftBank founder Masayoshi Son announced the fund at the White House.' };
  const c = corpusOf(docs);
  const son = entity(c, 'Masayoshi Son');
  assert.equal(son.kind, 'person');
  assert.ok(son.descriptions.some((d) => d.kind === 'title' && d.text === 'SoftBank founder'), JSON.stringify(son.descriptions));
  assert.equal(entity(c, 'SoftBank').kind, 'organization');
});

test('a capitalized title before the name becomes a title description', () => {
  const docs = { 'a.txt': 'Japanese Prime Minister Shigeru Ishiba arrived on Thursday.' };
  assert.deepEqual(texts(docs, 'Shigeru Ishiba', 'title'), ['Japanese Prime Minister']);
});

test('age after the name: "Ishiba, 68,"', () => {
  const docs = { 'a.txt': 'Shigeru Ishiba met the president. Ishiba, 68, has led the government since October.' };
  assert.deepEqual(texts(docs, 'Shigeru Ishiba', 'age'), ['68']);
});

test('age before the name: "the 78-year-old Trump"', () => {
  const docs = { 'a.txt': 'Donald Trump spoke first. The remarks by the 78-year-old Trump were brief.' };
  const ages = texts(docs, 'Donald Trump', 'age');
  assert.deepEqual(ages, ['78']);
});

test('a participle after the name is no description: "Smith, speaking on Monday,"', () => {
  const docs = { 'a.txt': 'Sheila Smith, speaking on Monday, said the alliance was strong.' };
  assert.deepEqual(texts(docs, 'Sheila Smith'), []);
});

test('a place opening a sentence gets no description: "In Tokyo, the mood was grim"', () => {
  const docs = { 'a.txt': 'In Tokyo, the mood was grim after the vote.' };
  const c = corpusOf(docs);
  const tokyo = entityAt(c, docs, 'a.txt', 'In Tok|yo,');
  assert.equal(tokyo.kind, 'place');
  assert.deepEqual(tokyo.descriptions, []);
});

test('a list after a name is no description: "Japan, South Korea and Australia"', () => {
  const docs = { 'a.txt': 'Officials from Japan, South Korea and Australia met in Canberra.' };
  assert.deepEqual(texts(docs, 'Japan'), []);
});

test('a clause after a name is no description: "Smith, who ..."', () => {
  const docs = { 'a.txt': 'Sheila Smith, who has studied the alliance for decades, was cautious.' };
  assert.deepEqual(texts(docs, 'Sheila Smith'), []);
});

test('an organization\'s appositive with an article is kept', () => {
  const docs = { 'a.txt': 'Nippon Steel, the largest steelmaker in Japan, raised its offer.' };
  assert.deepEqual(texts(docs, 'Nippon Steel', 'appositive'), ['the largest steelmaker in Japan']);
});

test('a number after a name that is not an age is no age: "Toyota, 2024."', () => {
  const docs = { 'a.txt': 'Sheila Smith met Masayoshi Son in 2024. The book by Sheila Smith, 1999, is out of print.' };
  assert.deepEqual(texts(docs, 'Sheila Smith', 'age'), []);
});

test('hover shows canonical name, kind, description, counts and other names', () => {
  const docs = {
    'a.txt': 'Sheila Smith, a senior fellow at the Council on Foreign Relations, said the summit went well.',
    'b.txt': 'The alliance is strong, Smith said. Smith added that costs would rise.',
  };
  const c = corpusOf(docs);
  const e = entity(c, 'Sheila Smith');
  const md = entityHoverMarkdown(c, e);
  assert.match(md, /\*\*Sheila Smith\*\* · person/);
  assert.match(md, /a senior fellow at the Council on Foreign Relations/);
  assert.match(md, /3 mentions in 2 sources/);
  assert.match(md, /Also written: Smith/);
  assert.match(md, /\[a\.txt, line 1\]\(a\.txt#L1\)/);
});

test('hover counts a single mention in the singular', () => {
  const c = corpusOf({ 'a.txt': 'The Halden Institute published a survey.' });
  assert.match(entityHoverMarkdown(c, entity(c, 'Halden Institute')), /1 mention in 1 source$/);
});

test('hover names the source from the header and the line of the description', () => {
  const docs = { 'a.txt': 'Source: Harbor Ledger\nDate: 2025-02-06\n\nThe talks went on.\nRuth Okafor, an economist at Stanmore Capital, said so.' };
  const c = corpusOf(docs);
  const md = entityHoverMarkdown(c, entity(c, 'Ruth Okafor'));
  assert.match(md, /\[Harbor Ledger, line 5\]\(a\.txt#L5\)/);
});

test('hover escapes markdown in names and descriptions', () => {
  const docs = { 'a.txt': 'Analysts at Corliss & Dunn said the *deal* was fair. Priya Raman, an analyst at Corliss & Dunn_Group, agreed.' };
  const c = corpusOf(docs);
  const md = entityHoverMarkdown(c, entity(c, 'Priya Raman'));
  assert.ok(!/[^\\]_Group/.test(md), md);
});

// Traps: people who share a surname, headings, sentence-initial capitals, months, common acronyms.
import test from 'node:test';
import assert from 'node:assert/strict';
import { corpusOf, entity, entityAt, hasName, listEntities, mentionTexts } from './helpers';

test('Melania Trump is not Donald Trump', () => {
  const docs = {
    'a.txt': 'President Donald Trump greeted the delegation. First Lady Melania Trump hosted a lunch for the spouses.',
  };
  const c = corpusOf(docs);
  const donald = entity(c, 'Donald Trump');
  const melania = entity(c, 'Melania Trump');
  assert.notEqual(donald.id, melania.id);
  assert.equal(melania.kind, 'person');
});

test('a bare "Trump" in a document naming both Trumps joins Donald, the one mentioned more', () => {
  const docs = {
    'a.txt': [
      'President Donald Trump met the prime minister on Friday.',
      'Donald Trump later spoke to reporters.',
      'Melania Trump toured a museum with the visiting spouse.',
      'Trump said the talks had gone very well.',
    ].join(' '),
  };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'a.txt', 'Tr|ump said the talks');
  assert.equal(e.canonical, 'Donald Trump');
  assert.equal(entity(c, 'Melania Trump').mentions.length, 1);
});

test('a bare "Trump" in another document joins Donald, not Melania', () => {
  const docs = {
    'a.txt': 'President Donald Trump met the prime minister. Donald Trump praised him. Melania Trump stayed in Florida.',
    'b.txt': 'Trump said on Sunday that tariffs would rise.',
  };
  const c = corpusOf(docs);
  assert.equal(entityAt(c, docs, 'b.txt', 'Tr|ump said').canonical, 'Donald Trump');
});

test('"Mrs. Abe" joins Akie Abe, not Shinzo Abe', () => {
  const docs = {
    'a.txt': 'Former Prime Minister Shinzo Abe was assassinated in 2022. Shinzo Abe had led the country for years.',
    'b.txt': 'His widow, Akie Abe, met the president in Florida. Mrs. Abe said she was grateful for the invitation.',
  };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'b.txt', 'Mrs. A|be said');
  assert.equal(e.canonical, 'Akie Abe');
  assert.notEqual(e.id, entity(c, 'Shinzo Abe').id);
});

test('"Mrs. Abe" in a third document joins Akie Abe (described as a widow), not the more mentioned Shinzo Abe', () => {
  const docs = {
    'a.txt': 'Former Prime Minister Shinzo Abe was assassinated in 2022. Shinzo Abe had led the country for years.',
    'b.txt': 'Akie Abe, the widow of the former leader, visited Florida.',
    'c.txt': 'Mrs. Abe said she was grateful for the invitation.',
  };
  const c = corpusOf(docs);
  assert.equal(entityAt(c, docs, 'c.txt', 'Mrs. A|be said').canonical, 'Akie Abe');
  assert.equal(entity(c, 'Shinzo Abe').mentions.length, 2);
});

test('"Mrs. Abe" in a document naming both Abes joins the one introduced as a widow ("his widow, Akie Abe"), though named less', () => {
  const docs = {
    'a.txt': [
      'The late Shinzo Abe built close ties with Washington. Shinzo Abe visited the White House often.',
      'At the reception his widow, Akie Abe, sat beside the host.',
      'Mrs. Abe later thanked the president.',
    ].join(' '),
  };
  const c = corpusOf(docs);
  assert.equal(entityAt(c, docs, 'a.txt', 'Mrs. A|be later').canonical, 'Akie Abe');
  assert.equal(entity(c, 'Shinzo Abe').mentions.length, 2);
});

test('"Mrs. Abe" placed before the description that tells the Abes apart still joins the widow', () => {
  const docs = {
    'a.txt': [
      'Shinzo Abe led Japan for years, and Shinzo Abe met Trump often.',
      'Mrs. Abe arrived first.',
      'Akie Abe, the widow of the former leader, spoke at the dinner.',
    ].join(' '),
    'b.txt': 'Mr. Abe said the alliance mattered.',
  };
  const c = corpusOf(docs);
  assert.equal(entityAt(c, docs, 'a.txt', 'Mrs. A|be arrived').canonical, 'Akie Abe');
  assert.equal(entity(c, 'Shinzo Abe').mentions.length, 3);
  // The honorific did not make him a woman: "Mr. Abe" elsewhere still finds him.
  assert.equal(entityAt(c, docs, 'b.txt', 'Mr. A|be said').canonical, 'Shinzo Abe');
});

// Known limitation: a bare surname resolves inside its own document first (the document's own full name wins), and
// nothing says "Shinzo" is a man's name, so "Mrs. Abe" joins the Shinzo Abe of the same document. Fixing it needs
// the corpus-wide view during local resolution, or a gender lexicon for Japanese given names.
test.todo('"Mrs. Abe" in a document that names only Shinzo Abe still joins Akie Abe named elsewhere', () => {
  const docs = {
    'a.txt': 'Akie Abe, the widow of the former leader, visited Florida.',
    'b.txt': 'Shinzo Abe was a close friend of the president. Mrs. Abe also attended the dinner.',
  };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'b.txt', 'Mrs. A|be also');
  assert.equal(e.canonical, 'Akie Abe');
});

test('a section heading alone on a line is not an entity', () => {
  const docs = {
    'a.txt': [
      'Japan and the United States agreed to expand cooperation on Friday.',
      '',
      'Energy Security',
      '',
      'Officials discussed purchases of American gas.',
      '',
      'Defense Ties',
      '',
      'The two sides also discussed joint exercises.',
    ].join('\n'),
  };
  const c = corpusOf(docs);
  for (const name of ['Energy Security', 'Energy', 'Security', 'Defense Ties', 'Defense', 'Ties']) {
    assert.ok(!hasName(c, name), `${name} is an entity: ${listEntities(c)}`);
  }
  assert.ok(hasName(c, 'Japan'));
});

test('sentence-initial capitalized words are not entities', () => {
  const text = 'However, the talks stalled. Analysts expect a deal. Officials declined to comment. Security is a concern for Japan. Critics say the plan is vague.';
  const names = mentionTexts(text);
  assert.deepEqual(names, ['Japan']);
});

test('months and weekdays are not entities', () => {
  const text = 'The summit was held on Friday, February 7. Talks resume in March, and a vote is due Monday. In May the prime minister will visit Ottawa.';
  const names = mentionTexts(text);
  for (const w of ['Friday', 'February', 'March', 'Monday', 'May', 'In May']) assert.ok(!names.includes(w), names.join(','));
  assert.ok(names.includes('Ottawa'), names.join(','));
});

test('"liquefied natural gas (LNG)" is not an entity', () => {
  const docs = { 'a.txt': 'Japan will buy more liquefied natural gas (LNG) from Alaska. LNG prices have fallen this year.' };
  const c = corpusOf(docs);
  assert.ok(!hasName(c, 'LNG'), listEntities(c));
  assert.ok(hasName(c, 'Alaska'));
});

test('"GDP" is not an entity', () => {
  const docs = { 'a.txt': 'GDP grew 1.2% in the quarter, and economists expect GDP to slow in Japan next year.' };
  const c = corpusOf(docs);
  assert.ok(!hasName(c, 'GDP'), listEntities(c));
});

test('a pronoun or ordinary word after a quotation mark is not an entity', () => {
  const text = '"We are ready," the minister said. "This is a historic day," he added in Tokyo.';
  assert.deepEqual(mentionTexts(text), ['Tokyo']);
});

test('a bullet list of plain words is not a list of entities', () => {
  const text = 'The agreement covers:\n- Tariffs on cars\n- Investment in shipbuilding\n- Purchases of gas from Alaska\n';
  const names = mentionTexts(text);
  for (const w of ['Tariffs', 'Investment', 'Purchases']) assert.ok(!names.includes(w), names.join(','));
});

test('a demonym is not a place or a person', () => {
  const docs = { 'a.txt': 'Japanese officials and American executives met in Osaka. Chinese exporters were wary.' };
  const c = corpusOf(docs);
  for (const w of ['Japanese', 'American', 'Chinese']) assert.ok(!hasName(c, w), listEntities(c));
  assert.equal(entity(c, 'Osaka').kind, 'place');
});

test('a date after a month is not a name: "Feb. 7"', () => {
  const names = mentionTexts('The deal was signed on Feb. 7 in Tokyo, and the deadline is Dec. 31.');
  assert.deepEqual(names, ['Tokyo']);
});

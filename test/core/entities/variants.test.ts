// Name variants that must meet: spellings of the United States, of U.S. Steel, possessives, middle initials.
import test from 'node:test';
import assert from 'node:assert/strict';
import { corpusOf, entity, entityAt, listEntities } from './helpers';

test('"US", "U.S." and "United States" are one place across documents', () => {
  const docs = {
    'a.txt': 'Exports to the United States rose in March.',
    'b.txt': 'Officials in Tokyo said the U.S. would respond.',
    'c.txt': 'Lawmakers said the US was not ready for a deal.',
  };
  const c = corpusOf(docs);
  const us = entityAt(c, docs, 'b.txt', 'the U.|S. would');
  assert.equal(us.kind, 'place');
  assert.equal(entityAt(c, docs, 'a.txt', 'the Uni|ted States').id, us.id);
  assert.equal(entityAt(c, docs, 'c.txt', 'the U|S was').id, us.id);
  assert.equal(us.mentions.length, 3);
});

test('"US Steel", "U.S. Steel" and "United States Steel" are one organization, not the place US', () => {
  const docs = {
    'a.txt': 'Nippon Steel offered to buy United States Steel for $14.9 billion.',
    'b.txt': 'Shares of U.S. Steel fell 5% after the announcement in Washington.',
    'c.txt': 'Workers at US Steel plants in Pennsylvania voted on the contract, and the US government stayed quiet.',
  };
  const c = corpusOf(docs);
  const steel = entityAt(c, docs, 'b.txt', 'of U.S. St|eel fell');
  assert.equal(steel.kind, 'organization');
  assert.equal(entityAt(c, docs, 'a.txt', 'buy Unit|ed States Steel').id, steel.id);
  assert.equal(entityAt(c, docs, 'c.txt', 'at U|S Steel plants').id, steel.id);
  const place = entityAt(c, docs, 'c.txt', 'the U|S government');
  assert.equal(place.kind, 'place');
  assert.notEqual(place.id, steel.id);
  assert.ok(!place.names.includes('US Steel'), place.names.join(','));
});

test('possessive "Nippon Steel\'s" is the same organization, mention text without the ending', () => {
  const docs = {
    'a.txt': "Nippon Steel's offer was the largest ever made for a US company.",
    'b.txt': 'The board of Nippon Steel met in Tokyo on Friday.',
  };
  const c = corpusOf(docs);
  const e = entity(c, 'Nippon Steel');
  assert.equal(e.kind, 'organization');
  assert.equal(e.mentions.length, 2);
  assert.deepEqual(e.names, ['Nippon Steel']);
});

test('curly possessive "Nippon Steel’s" is the same organization', () => {
  const docs = {
    'a.txt': 'Nippon Steel’s chairman flew to Pittsburgh.',
    'b.txt': 'Analysts doubted that Nippon Steel would raise its bid.',
  };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'a.txt', 'Nip|pon Steel’s');
  assert.equal(e.canonical, 'Nippon Steel');
  assert.equal(e.mentions.length, 2);
  assert.ok(e.mentions.every((m) => m.text === 'Nippon Steel'), e.mentions.map((m) => m.text).join(','));
});

test('plural possessive "the States\'" keeps the apostrophe out of the name', () => {
  const text = "Officials said Nippon Steel's plan would protect Pennsylvania's mills.";
  const c = corpusOf({ 'a.txt': text });
  assert.ok(c.entities().some((e) => e.names.includes('Pennsylvania')), listEntities(c));
  assert.ok(!c.entities().some((e) => e.names.some((n) => /['’]/.test(n))), listEntities(c));
});

test('"Donald J. Trump" and "Donald Trump" are one person', () => {
  const docs = {
    'a.txt': 'President Donald J. Trump signed the order on Monday.',
    'b.txt': 'Donald Trump told reporters the tariffs would stay.',
  };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'b.txt', 'Don|ald Trump told');
  assert.equal(e.kind, 'person');
  assert.ok(e.names.includes('Donald J. Trump') && e.names.includes('Donald Trump'), e.names.join(','));
  assert.equal(c.entities().filter((x) => x.kind === 'person').length, 1, listEntities(c));
});

test('a bare surname in the same document joins the full name', () => {
  const docs = { 'a.txt': 'Laura Chen, an analyst in Washington, expects a deal. Chen said talks would resume in May.' };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'a.txt', 'Ch|en said');
  assert.equal(e.canonical, 'Laura Chen');
  assert.equal(e.mentions.length, 2);
});

test('the canonical name of a person is the full name, not the most frequent bare surname', () => {
  const docs = { 'a.txt': 'Kenji Morimoto spoke first. Morimoto said costs were rising. Morimoto added that the yen was weak.' };
  const c = corpusOf(docs);
  assert.equal(entityAt(c, docs, 'a.txt', 'Morim|oto said').canonical, 'Kenji Morimoto');
});

test('an acronym and its full name in one document are one organization with the full name canonical', () => {
  const docs = { 'a.txt': 'The Committee on Foreign Investment in the United States (CFIUS) reviewed the bid. CFIUS did not reach a decision.' };
  const c = corpusOf(docs);
  const e = entityAt(c, docs, 'a.txt', 'CFI|US did');
  assert.equal(e.kind, 'organization');
  assert.ok(e.mentions.length >= 2, listEntities(c));
  assert.ok(e.canonical.startsWith('Committee on Foreign Investment'), e.canonical);
});

test('a surname with a generational suffix ("Marcos Jr.") does not become the name shown, though written more often', () => {
  const docs = {
    'a.txt': 'President Ferdinand Marcos Jr. met Biden. Marcos Jr. said the talks went well. Marcos Jr. smiled. Later Marcos Jr. left.',
  };
  const c = corpusOf(docs);
  const e = entity(c, 'Marcos Jr');
  assert.equal(e.canonical, 'Ferdinand Marcos Jr');
  assert.equal(e.mentions.length, 4);
});

test('a quoted nickname inside a name (Rodrigo "Digong" Duterte) is one mention, grouped with the name without it', () => {
  const docs = {
    'a.txt': "President Ferdinand 'Bongbong' Marcos Jr. spoke first. Earlier, Rodrigo “Digong” Duterte had left the hall.",
    'b.txt': 'Ferdinand Marcos Jr. thanked Rodrigo Duterte for the visit. Duterte said he was proud.',
  };
  const c = corpusOf(docs);
  const marcos = entityAt(c, docs, 'a.txt', "Ferdinand 'Bongbong' Mar|cos");
  assert.equal(marcos.canonical, 'Ferdinand Marcos Jr');
  assert.equal(marcos.mentions.length, 2, listEntities(c));
  const duterte = entityAt(c, docs, 'a.txt', 'Rodrigo “Digong” Dut|erte');
  assert.equal(duterte.canonical, 'Rodrigo Duterte');
  assert.equal(duterte.mentions.length, 3, listEntities(c));
  assert.ok(!c.entities().some((e) => e.canonical === 'Bongbong' || e.canonical === 'Digong'), listEntities(c));
});

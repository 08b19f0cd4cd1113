// Offsets are UTF-16 string indices: astral characters, CRLF and tabs must not shift a mention off its name.
import test from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, tokenize } from './core';
import { assertOffsetsExact, corpusOf, entityAt, hasName, listEntities } from './helpers';

const mentionsOf = (text: string) => analyzeDocument({ uri: 'a.txt', text, version: 1 }).mentions;

test('emoji before a name: the mention slices exactly the name', () => {
  const text = '🇯🇵🤝🇺🇸 Prime Minister Shigeru Ishiba met President Donald Trump 🎉 in Washington.';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  assertOffsetsExact(c, docs);
  assert.deepEqual(mentionsOf(text).map((m) => m.text), ['Shigeru Ishiba', 'Donald Trump', 'Washington']);
  assert.equal(entityAt(c, docs, 'a.txt', 'Donald Tr|ump').canonical, 'Donald Trump');
});

test('other astral characters (math letters, CJK extension B) before a name', () => {
  const text = '𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 𠀋𠀋: Nippon Steel raised its bid for US Steel in Pittsburgh.';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  assertOffsetsExact(c, docs);
  assert.ok(hasName(c, 'Nippon Steel') && hasName(c, 'US Steel'), listEntities(c));
});

test('a name right after an emoji with no space is still found with exact offsets', () => {
  const text = 'Big news 🔥Shigeru Ishiba said on Friday the deal was done.';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  assertOffsetsExact(c, docs);
  assert.ok(hasName(c, 'Shigeru Ishiba'), listEntities(c));
});

test('accented and non-Latin letters inside names keep their offsets', () => {
  const text = 'François Hollande met José Raúl Mulino and Zoë Ødegaard in São Paulo.';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  assertOffsetsExact(c, docs);
  assert.ok(hasName(c, 'São Paulo'), listEntities(c));
});

test('combining marks (decomposed accents) stay inside the word', () => {
  const text = 'Officials said Jose\u0301 Mulino spoke with Rene\u0301e Dupont in Panama.';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  assertOffsetsExact(c, docs);
  const names = mentionsOf(text).map((m) => m.text);
  assert.ok(names.includes('Jose\u0301 Mulino'), names.join(','));
});

test('CRLF text: offsets exact, names not joined across the line break', () => {
  // The first line has no final period (as in a caption), so only the line break separates Washington and Tokyo.
  const text = 'Prime Minister Shigeru Ishiba was greeted warmly by officials in Washington\r\nTokyo officials were pleased.\r\nIshiba said so.\r\n';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  assertOffsetsExact(c, docs);
  assert.ok(!hasName(c, 'Washington Tokyo'), listEntities(c));
  assert.ok(hasName(c, 'Washington'), listEntities(c));
  assert.equal(entityAt(c, docs, 'a.txt', 'Ish|iba said').canonical, 'Shigeru Ishiba');
});

test('tabs between words and before names', () => {
  const text = '\tPrime Minister\tShigeru Ishiba\tmet\tPresident Donald\tTrump in\tWashington.';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  assertOffsetsExact(c, docs);
  assert.ok(hasName(c, 'Washington'), listEntities(c));
  assert.ok(hasName(c, 'Shigeru Ishiba'), listEntities(c));
});

test('tokens slice their own text, with astral characters and CRLF', () => {
  const text = '😀 U.S. President Donald J. Trump\r\nsaid 1,000.5 𝒳 Mar-a-Lago’s guests\tleft.';
  for (const t of tokenize(text).tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('mentionAt finds the mention at its first and last character, not past it', () => {
  const text = '🎌 Ishiba Shigeru met Laura Chen.';
  const docs = { 'a.txt': text };
  const c = corpusOf(docs);
  const start = text.indexOf('Laura');
  const end = start + 'Laura Chen'.length;
  assert.equal(c.mentionAt('a.txt', start)?.mention.text, 'Laura Chen');
  assert.equal(c.mentionAt('a.txt', end)?.mention.text, 'Laura Chen');
  assert.equal(c.mentionAt('a.txt', end + 1), undefined);
  assert.equal(c.mentionAt('a.txt', 1), undefined);
  assert.equal(c.mentionAt('nope.txt', 0), undefined);
});

test('a possessive mention ends before the apostrophe, straight or curly', () => {
  for (const text of ["Japan's leader met Trump.", 'Japan’s leader met Trump.']) {
    const m = mentionsOf(text).find((x) => x.text === 'Japan');
    assert.ok(m, text);
    assert.equal(m.end, 5);
  }
});

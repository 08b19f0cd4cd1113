// Property-style: random documents from a word bag never throw, and every mention slices exactly its text.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Corpus, analyzeDocument, entityHoverMarkdown, findHeadingLines, tokenize } from './core';
import { seededRandom as rng } from '../../seededRandom';


const BAG = [
  // names and name parts
  'Shigeru', 'Ishiba', 'Donald', 'J.', 'Trump', 'Melania', 'Akie', 'Abe', 'Mrs.', 'Mr.', 'Ms.', 'Dr.', 'President', 'Prime',
  'Minister', 'Nippon', 'Steel', "Steel's", 'Steel’s', 'U.S.', 'US', 'United', 'States', 'Japan', 'Tokyo', 'Taiwan', 'Strait',
  'Council', 'on', 'Foreign', 'Relations', '(CFR)', '(LDP)', 'LDP', 'Liberal', 'Democratic', 'Party', 'Mar-a-Lago',
  'US-Japan', 'Ishiba-Trump', 'SoftBank', 'founder', 'Masayoshi', 'Son', 'Sheila', 'Smith', 'Chen', 'Laura', 'GDP', 'LNG',
  'Energy', 'Security', 'However', 'Analysts', 'Monday', 'February', 'May', 'Indo-Pacific', 'São', 'Paulo', 'Zoë',
  // common words and punctuation
  'the', 'a', 'of', 'and', 'in', 'said', 'told', 'met', 'who', 'at', 'for', 'senior', 'fellow', 'year-old', '78-year-old',
  ',', ',', '.', '.', '.', ';', ':', '"', '“', '”', "'", '’', '(', ')', '-', '–', '—', '&', '#', '*', '•', '!', '?',
  '68', '2025', '1,000.5', '$14.9', '5%',
  // odd characters and breaks
  '😀', '🇯🇵', '𝐁𝐫𝐞𝐚𝐤', '𠀋', '\u0301', '\uFEFF', '\t', '\r\n', '\r\n', '\n', '\n\n', '\r\n\r\n', '---', 'Date:', 'Title:',
];

function randomDocument(next: () => number): string {
  const length = 1 + Math.floor(next() * 120);
  let out = '';
  for (let i = 0; i < length; i++) {
    const word = BAG[Math.floor(next() * BAG.length)];
    const glue = next() < 0.15 ? '' : next() < 0.1 ? '\t' : ' ';
    out += (i === 0 ? '' : glue) + word;
  }
  return out;
}

test('random documents: no exception, mentions slice their text exactly, in order, tokens too', () => {
  const corpus = new Corpus();
  const next = rng(20250206);
  const docs = new Map<string, string>();
  for (let n = 0; n < 400; n++) {
    const text = randomDocument(next);
    const uri = `r${n % 150}.txt`;
    docs.set(uri, text);
    const context = `seed document ${n}: ${JSON.stringify(text)}`;
    const analysis = analyzeDocument({ uri, text, version: n });
    let last = -1;
    for (const m of analysis.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text, context);
      assert.ok(m.start >= last, `mentions out of order: ${context}`);
      assert.ok(m.end > m.start, context);
      assert.ok(m.local >= 0 && m.local < analysis.localEntities.length, context);
      last = m.start;
    }
    for (const e of analysis.localEntities) {
      for (const d of e.descriptions) if (d.kind !== 'note') assert.equal(text.slice(d.start, d.end), d.text, `description: ${context}`);
    }
    for (const t of tokenize(text).tokens) assert.equal(text.slice(t.start, t.end), t.text, context);
    findHeadingLines(text);
    corpus.update({ uri, text, version: n });
  }
  // The grouping over the whole random corpus also holds together.
  for (const e of corpus.entities()) {
    assert.ok(e.mentions.length > 0);
    assert.ok(e.names.includes(e.canonical) || e.names.length === 0, `${e.canonical} not among ${e.names.join('|')}`);
    for (const m of e.mentions) assert.equal(docs.get(m.uri)!.slice(m.start, m.end), m.text);
    assert.equal(typeof entityHoverMarkdown(corpus, e), 'string');
  }
  for (const [uri, text] of docs) {
    for (let offset = 0; offset <= text.length; offset += 7) {
      const hit = corpus.mentionAt(uri, offset);
      if (hit) assert.ok(hit.mention.start <= offset && offset <= hit.mention.end);
    }
  }
});

test('random user-correction files never throw and report problems inside the text', async () => {
  const { parseUserEntities } = await import('./core');
  const next = rng(7);
  const pieces = ['{', '}', '[', ']', '"merge"', '"ignore"', '"split"', '"entities"', '"name"', '"note"', '"kind"', '"person"', ':', ',', '"Ishiba"', '"Abe"', '1', 'null', 'true', ' ', '\n', '"', '\\'];
  const corpus = new Corpus();
  corpus.update({ uri: 'a.txt', text: 'Prime Minister Shigeru Ishiba met Akie Abe in Tokyo.', version: 1 });
  for (let n = 0; n < 300; n++) {
    let text = '';
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    const { problems } = parseUserEntities(text);
    for (const p of problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= Math.max(1, text.length), `${JSON.stringify(text)} ${JSON.stringify(p)}`);
    corpus.setUserEntities(text);
    corpus.entities();
  }
});

// Sentence boundaries, glued sentences and abbreviations included.
import assert from 'node:assert/strict';
import test from 'node:test';
import { TextMap, sentenceStarts } from './claims';

function sentences(text: string): string[] {
  const s = sentenceStarts(text);
  return s.map((start, i) => text.slice(start, s[i + 1] ?? text.length).trim());
}

test('sentences: ordinary stops', () => {
  assert.deepEqual(sentences('One here. Two there! Three?'), ['One here.', 'Two there!', 'Three?']);
});

test('sentences: abbreviations and initials do not end a sentence', () => {
  assert.deepEqual(sentences('The U.S. President met Mr. Smith on Feb. 7 in Washington. Then he left.'), [
    'The U.S. President met Mr. Smith on Feb. 7 in Washington.', 'Then he left.',
  ]);
});

test('sentences: glued sentences break before a capital or an opening quote', () => {
  assert.deepEqual(sentences("It told parliament.Trump agreed. Japan.'The goal is clear.'"), [
    'It told parliament.', 'Trump agreed.', "Japan.'", "The goal is clear.'",
  ]);
});

test('sentences: decimals and lowercase after a period do not break', () => {
  assert.deepEqual(sentences('It was $14.9 billion. e.g. not here.'), ['It was $14.9 billion. e.g. not here.']);
});

test('sentences: line breaks start a sentence', () => {
  assert.deepEqual(sentences('Heading\nBody text'), ['Heading', 'Body text']);
});

test('map: sentence and paragraph of an offset', () => {
  const text = 'First one. Second one.\nNext line.';
  const m = new TextMap(text);
  assert.deepEqual(m.sentenceAt(text.indexOf('Second')), { start: 11, end: 23 });
  assert.equal(m.paragraphAt(text.indexOf('Next')).index, 1);
});

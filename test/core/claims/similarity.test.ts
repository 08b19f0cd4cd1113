// Quote likeness: normalized words, excerpts, rewordings, same words.
import assert from 'node:assert/strict';
import test from 'node:test';
import { GAP, compatible, isExcerpt, quoteTokens, quoteWords, reworded, sameWords } from './claims';

test('tokens: case, curly apostrophes, contractions and possessives are normalized', () => {
  assert.deepEqual(quoteTokens('It’s JAPAN’s turn, isn’t it?'), ['it', 'is', 'japan', 'turn', 'is', 'not', 'it']);
});

test('tokens: "..." and [insertions] become one gap', () => {
  assert.deepEqual(quoteTokens('That is where... the [fiscal year] plan'), ['that', 'is', 'where', GAP, 'the', GAP, 'plan']);
});

test('tokens: British spellings read as American ones', () => {
  assert.deepEqual(quoteTokens('defence colour organised centre'), quoteTokens('defense color organized center'));
});

test('tokens: "per cent" and "%" read as "percent"', () => {
  assert.deepEqual(quoteTokens('a 2 per cent rise'), quoteTokens('a 2% rise'));
});

test('excerpt: a contiguous part is an excerpt', () => {
  assert.ok(isExcerpt(quoteTokens('a very calm meeting'), quoteTokens('This is probably a very calm meeting')));
  assert.ok(!isExcerpt(quoteTokens('a very calm session'), quoteTokens('This is probably a very calm meeting')));
});

test('excerpt: parts split by an ellipsis must appear in order', () => {
  const whole = quoteTokens('That is where, frankly, the relationship could get sticky');
  assert.ok(isExcerpt(quoteTokens('That is where... the relationship could get sticky'), whole));
  assert.ok(!isExcerpt(quoteTokens('the relationship could get sticky... That is where'), whole));
});

test('reworded: same content words, different wording', () => {
  assert.ok(reworded(quoteWords('The goal is to present a win-win proposition'), quoteWords('The intention is to present a win-win value proposition')));
});

test('reworded: not when identical or an excerpt', () => {
  assert.ok(!reworded(quoteWords('We will win this fight together'), quoteWords('we will win this fight, together!')));
  assert.ok(!reworded(quoteWords('win this fight together'), quoteWords('We will win this fight together today')));
});

test('reworded: not when few content words are shared', () => {
  assert.ok(!reworded(quoteWords('We will not accept this deal'), quoteWords('We will not accept any tariffs')));
});

test('compatible: identical after normalization', () => {
  assert.ok(compatible(quoteWords('It’s a great honor.'), quoteWords('it is a great honor')));
});

test('sameWords: at least six words, nearly identical', () => {
  assert.ok(sameWords(quoteWords('Focusing on this point is extremely important'), quoteWords('focusing on this point is extremely important.')));
  assert.ok(!sameWords(quoteWords('Build more homes now'), quoteWords('Build more homes now')));
  assert.ok(!sameWords(quoteWords('Focusing on this point is extremely important'), quoteWords('Focusing on that issue is not important at all')));
});

test('compatible: two overlapping windows of one longer quote', () => {
  assert.ok(compatible(
    quoteWords('continue to secure the commitment to the region and its allies'),
    quoteWords('secure the commitment to the region and its allies, to avoid a power vacuum'),
  ));
  assert.ok(!compatible(quoteWords('The goal is to present a win-win proposition'), quoteWords('The intention is to present a win-win value proposition')));
});

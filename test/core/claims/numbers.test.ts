// Written numbers: precision of the last digit, number words, currency signs.
import assert from 'node:assert/strict';
import test from 'node:test';
import { currencyBefore, normalizeMeasure, parseNumberWord, roundingOf } from './claims';

test('rounding: half the place of the last significant digit', () => {
  assert.equal(roundingOf('68'), 0.5);
  assert.equal(roundingOf('14.9'), 0.05);
  assert.equal(roundingOf('68.5'), 0.05);
  assert.equal(roundingOf('54,000'), 500);
  assert.equal(roundingOf('529,000'), 500);
  assert.equal(roundingOf('7'), 0.5);
});

test('rounding: a round number counts two significant digits', () => {
  assert.equal(roundingOf('100'), 5);
  assert.equal(roundingOf('2,000'), 50);
  assert.equal(roundingOf('20'), 0.5);
});

test('number words', () => {
  assert.equal(parseNumberWord('three'), 3);
  assert.equal(parseNumberWord('Twenty-five'), 25);
  assert.equal(parseNumberWord('dozen'), 12);
  assert.equal(parseNumberWord('several'), undefined);
});

test('words named like what every object has are looked up as words ("constructor", "valueOf")', () => {
  assert.equal(parseNumberWord('constructor'), undefined);
  assert.equal(parseNumberWord('valueOf'), undefined);
  assert.equal(normalizeMeasure('constructor'), 'constructor');
  assert.equal(normalizeMeasure('constructors'), 'constructor');
});

test('currency before a number: longest sign wins, letters must stand alone', () => {
  assert.deepEqual(currencyBefore('US$100', 3), { code: 'USD', start: 0 });
  assert.deepEqual(currencyBefore('a $5', 3), { code: 'USD', start: 2 });
  assert.deepEqual(currencyBefore('HK$5', 3), { code: 'HKD', start: 0 });
  assert.deepEqual(currencyBefore('EUR 5', 4), { code: 'EUR', start: 0 });
  assert.equal(currencyBefore('PEUR 5', 5), undefined);
  assert.equal(currencyBefore('in 5', 3), undefined);
});

test('measures: synonyms and plurals', () => {
  assert.equal(normalizeMeasure('personnel'), 'troops');
  assert.equal(normalizeMeasure('Soldiers'), 'troops');
  assert.equal(normalizeMeasure('offer'), 'bid');
  assert.equal(normalizeMeasure('investments'), 'investment');
  assert.equal(normalizeMeasure('subsidies'), 'subsidy');
  assert.equal(normalizeMeasure('jobs'), 'jobs');
});

// Document headers: key: value lines, YAML front matter, datelines; CRLF and BOM.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readMeta, parseDate } from './core';
import { corpusOf, hasName, listEntities, mentionTexts } from './helpers';

test('a key: value header gives date, title, source, author and where the body starts', () => {
  const text = 'Title: Ishiba heads to Washington\nSource: Harbor Ledger\nAuthor: Mika Sato\nDate: 2025-02-06\n\nPrime Minister Shigeru Ishiba left Tokyo.';
  const meta = readMeta(text);
  assert.equal(meta.date, '2025-02-06');
  assert.equal(meta.title, 'Ishiba heads to Washington');
  assert.equal(meta.source, 'Harbor Ledger');
  assert.equal(meta.author, 'Mika Sato');
  assert.equal(text.slice(meta.bodyStart).trimStart().slice(0, 5), 'Prime');
  assert.deepEqual(meta.problems, []);
});

test('the header is not analyzed for names', () => {
  const text = 'Title: Ishiba heads to Washington\nSource: Harbor Ledger\nAuthor: Mika Sato\nDate: 2025-02-06\n\nThe trip began in Osaka.';
  assert.deepEqual(mentionTexts(text), ['Osaka']);
});

test('YAML front matter with quoted values', () => {
  const text = '---\ntitle: "Steel deal in doubt"\ndate: 2025-02-07\nsource: \'Pacific Wire\'\n---\nNippon Steel said on Friday it would wait.';
  const meta = readMeta(text);
  assert.equal(meta.title, 'Steel deal in doubt');
  assert.equal(meta.source, 'Pacific Wire');
  assert.equal(meta.date, '2025-02-07');
  assert.ok(text.slice(meta.bodyStart).startsWith('Nippon Steel'));
});

test('a dateline gives the date when no header does', () => {
  assert.equal(readMeta('TOKYO, Feb. 6, 2025 (Pacific Wire) - Prime Minister Shigeru Ishiba left for Washington.').date, '2025-02-06');
  assert.equal(readMeta('WASHINGTON, 7 February 2025 - The talks began.').date, '2025-02-07');
});

test('written dates in the header are read', () => {
  assert.equal(readMeta('Date: February 6, 2025\n\nText.').date, '2025-02-06');
  assert.equal(parseDate('6th Feb, 2025'), '2025-02-06');
  assert.equal(parseDate('Sept. 30, 2024'), '2024-09-30');
});

test('an unreadable header date gives a problem whose span is the value', () => {
  const text = 'Title: Talks\nDate: sometime next week\n\nThe talks began.';
  const meta = readMeta(text);
  assert.equal(meta.date, undefined);
  assert.equal(meta.problems.length, 1);
  assert.equal(text.slice(meta.problems[0].span.start, meta.problems[0].span.end), 'sometime next week');
});

test('an impossible calendar date is a problem, not a date', () => {
  const meta = readMeta('Date: 2025-02-30\n\nText.');
  assert.equal(meta.date, undefined);
  assert.equal(meta.problems.length, 1);
});

test('CRLF header: values carry no \\r, body found, names still found', () => {
  const text = 'Title: Summit\r\nSource: Harbor Ledger\r\nDate: 2025-02-08\r\n\r\nPrime Minister Shigeru Ishiba met President Donald Trump.\r\nIshiba said the talks went well.\r\n';
  const meta = readMeta(text);
  assert.equal(meta.title, 'Summit');
  assert.equal(meta.source, 'Harbor Ledger');
  assert.equal(meta.date, '2025-02-08');
  const c = corpusOf({ 'a.txt': text });
  assert.ok(hasName(c, 'Shigeru Ishiba') && hasName(c, 'Donald Trump'), listEntities(c));
  assert.ok(!hasName(c, 'Summit') && !hasName(c, 'Harbor Ledger'), listEntities(c));
});

test('CRLF front matter', () => {
  const text = '---\r\ntitle: Steel\r\ndate: 2025-02-07\r\n---\r\nNippon Steel waited.';
  const meta = readMeta(text);
  assert.equal(meta.title, 'Steel');
  assert.equal(meta.date, '2025-02-07');
  assert.ok(text.slice(meta.bodyStart).startsWith('Nippon Steel'));
});

test('a BOM before the header or the front matter is skipped', () => {
  const header = readMeta('\uFEFFTitle: Summit\nDate: 2025-02-08\n\nText.');
  assert.equal(header.title, 'Summit');
  assert.equal(header.date, '2025-02-08');
  const front = readMeta('\uFEFF---\ntitle: Steel\ndate: 2025-02-07\n---\nText.');
  assert.equal(front.title, 'Steel');
  assert.equal(front.date, '2025-02-07');
});

test('a BOM before plain text does not hide the first name', () => {
  const text = '\uFEFFShigeru Ishiba met Donald Trump in Washington.';
  const c = corpusOf({ 'a.txt': text });
  assert.ok(hasName(c, 'Shigeru Ishiba'), listEntities(c));
});

test('a first line with a colon in prose is not a header', () => {
  const text = 'Ishiba: the man who waited\nPrime Minister Shigeru Ishiba met the president.';
  const meta = readMeta(text);
  assert.equal(meta.bodyStart, 0);
});

test('a wire dateline names the outlet when no header does', () => {
  assert.equal(readMeta('TOKYO, Feb 6 (Pacific Wire Service) - Ishiba left for Washington.').source, 'Pacific Wire Service');
  assert.equal(readMeta('source: The Lantern\n\nTOKYO, Feb 6 (Pacific Wire Service) - Ishiba left.').source, 'The Lantern');
  assert.equal(readMeta('Ishiba (the prime minister) - left for Washington.').source, undefined);
});

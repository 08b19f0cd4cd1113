// extractClaims on a whole article-like text: all three kinds at once, body start, and speed.
import assert from 'node:assert/strict';
import test from 'node:test';
import { extractClaims } from './claims';
import { analysisOf, nameOf, org, person, place } from './fixtures';

const ARTICLE = `title: Harbor deal under review
date: 2025-03-12
---
PORT CITY, March 12 (Coast Wire) - Northwind Shipping's $2.4 billion bid for Gull Harbor drew fresh scrutiny on Wednesday.

Mayor Ana Ruiz will meet Northwind chief Tomas Berg on Friday to discuss the offer, her office said.

"We want the harbor to stay open to every shipper in the region," Ruiz said. "That is the one condition we will not trade away."

Berg, 61, has said the company employs about 4,500 workers in the region and plans to invest up to $300 million in new cranes.

'Nobody is closing anything,' he told reporters.
`;

const ENTITIES = [
  org('Northwind Shipping', 'Northwind'), place('Gull Harbor'), person('Ana Ruiz', 'Ruiz'), person('Tomas Berg', 'Berg'),
  org('Coast Wire'),
];

test('extract: figures, dates and quotes of one article', () => {
  const bodyStart = ARTICLE.indexOf('PORT CITY');
  const a = analysisOf(ARTICLE, ENTITIES, 'file:///harbor.md', bodyStart);
  const claims = extractClaims(ARTICLE, a, { bodyStart, date: '2025-03-12', problems: [] });

  const figs = claims.figures.map((f) => [f.text, f.measure, nameOf(a, f.subject)]);
  assert.deepEqual(figs, [
    ['$2.4 billion', 'bid', 'Northwind Shipping'],
    ['61', 'age', 'Tomas Berg'],
    ['about 4,500', 'workers', undefined],
    ['up to $300 million', 'investment', undefined],
  ]);

  assert.equal(claims.dates.length, 1);
  assert.equal(claims.dates[0].date, '2025-03-14');
  assert.equal(claims.dates[0].event, 'meeting');
  assert.deepEqual(claims.dates[0].participants.map((p) => nameOf(a, p)).sort(), ['Ana Ruiz', 'Northwind Shipping', 'Tomas Berg']);

  assert.deepEqual(claims.quotes.map((q) => [q.text, nameOf(a, q.speaker), q.attribution]), [
    ['We want the harbor to stay open to every shipper in the region', 'Ana Ruiz', 'name'],
    ['That is the one condition we will not trade away.', 'Ana Ruiz', 'previous'],
    ['Nobody is closing anything', 'Tomas Berg', 'pronoun'],
  ]);
});

test('extract: nothing before the body start is read', () => {
  const text = 'Summary: "a quote of many words in the header" and $5 billion on February 7\n\nBody.';
  const a = analysisOf(text, []);
  const claims = extractClaims(text, a, { bodyStart: text.indexOf('Body'), date: '2025-02-06', problems: [] });
  assert.deepEqual(claims, { figures: [], dates: [], quotes: [] });
});

// Throughput is measured by `npm run bench`, not asserted here (timed tests are flaky on shared machines).
test('extract: a long text without stops or line breaks is read whole', () => {
  const run = 'and 54,000 troops on February 7 said "we will hold the line for now" '.repeat(4000);
  const a = { uri: 'file:///run.txt', version: 1, meta: { bodyStart: 0, problems: [] }, mentions: [], localEntities: [] };
  const claims = extractClaims(run, a, { bodyStart: 0, date: '2025-02-06', problems: [] });
  assert.equal(claims.figures.length, 4000);
});

// Figures: money, counts, percentages, ages, durations; hedges and ranges; what is not a figure; measure, owner, year.
import assert from 'node:assert/strict';
import test from 'node:test';
import { extractFigures, type Figure } from './claims';
import { analysisOf, nameOf, org, person, place, type EntitySpec } from './fixtures';

function figs(text: string, entities: EntitySpec[] = []): { list: Figure[]; name: (f: Figure) => string | undefined } {
  const a = analysisOf(text, entities);
  return { list: extractFigures(text, a, 0), name: (f) => nameOf(a, f.subject) };
}

function one(text: string, entities: EntitySpec[] = []): Figure & { owner?: string } {
  const { list, name } = figs(text, entities);
  assert.equal(list.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(list.map((f) => f.text))}`);
  return { ...list[0], owner: name(list[0]) };
}

const ACME = org('Acme Steel');

// --- money -------------------------------------------------------------------------------------------------

test('money: "$14.9 billion" is 14.9e9 USD', () => {
  const f = one('Acme Steel made a $14.9 billion bid for the mill.', [ACME]);
  assert.equal(f.value, 14.9e9);
  assert.equal(f.unit, 'USD');
  assert.equal(f.text, '$14.9 billion');
  assert.equal(f.low, 14.9e9);
  assert.equal(f.high, 14.9e9);
});

test('money: hyphenated "$14.9-billion" reads the same', () => {
  const f = one('Regulators studied the $14.9-billion bid closely.');
  assert.equal(f.value, 14.9e9);
  assert.equal(f.text, '$14.9-billion');
  assert.equal(f.measure, 'bid');
});

test('money: "US$100 billion" is USD', () => {
  const f = one('The fund raised US$100 billion from investors.');
  assert.equal(f.value, 100e9);
  assert.equal(f.unit, 'USD');
  assert.equal(f.text, 'US$100 billion');
});

test('money: "150 trillion yen" and "¥150 trillion" are both JPY', () => {
  const a = one('The budget tops 150 trillion yen this time.');
  assert.equal(a.unit, 'JPY');
  assert.equal(a.value, 150e12);
  const b = one('A package of ¥150 trillion was approved.');
  assert.equal(b.unit, 'JPY');
  assert.equal(b.value, 150e12);
});

test('money: "€5m" and "£2bn" use short scales after a currency sign', () => {
  assert.deepEqual([one('They paid €5m in fines.').value, one('They paid €5m in fines.').unit], [5e6, 'EUR']);
  assert.deepEqual([one('A £2bn loan was agreed.').value, one('A £2bn loan was agreed.').unit], [2e9, 'GBP']);
});

test('money: "USD 5 million" with a letter code', () => {
  const f = one('The grant was USD 5 million over three years.'.replace(' over three years', ''));
  assert.equal(f.unit, 'USD');
  assert.equal(f.value, 5e6);
});

test('money: "5 million dollars" and "2 billion euros" written out', () => {
  assert.equal(one('They lost 5 million dollars last quarter.').unit, 'USD');
  assert.equal(one('They lost 2 billion euros last quarter.').unit, 'EUR');
});

test('money: rounding of the last significant digit is kept', () => {
  assert.equal(one('a $68 billion deficit').rounding, 0.5e9);
  assert.ok(Math.abs(one('a $14.9 billion bid').rounding! - 0.05e9) < 1);
  // A lone 1 or 2 before a scale word: a fifth of the value, not half a unit.
  assert.equal(one('a $1 trillion pledge').rounding, 0.2e12);
  assert.equal(one('a $2 billion fund').rounding, 0.4e9);
  assert.equal(one('a $3 billion fund').rounding, 0.5e9);
});

// --- counts ------------------------------------------------------------------------------------------------

test('count: "around 54,000 US military personnel" -> troops, hedged', () => {
  const f = one('The country hosts around 54,000 US military personnel at bases.');
  assert.equal(f.value, 54000);
  assert.equal(f.unit, 'count');
  assert.equal(f.measure, 'troops');
  assert.equal(f.hedge, 'around');
  assert.equal(f.text, 'around 54,000');
  assert.ok(f.low < 54000 && f.high > 54000);
});

test('count: soldiers and troops normalize to the same measure', () => {
  assert.equal(one('Some 3,000 soldiers arrived.').measure, 'troops');
  assert.equal(one('About 3,000 troops arrived.').measure, 'troops');
});

test('count: "nearly one million American jobs" with a number word and scale', () => {
  const f = one('Foreign firms support nearly one million American jobs.');
  assert.equal(f.value, 1e6);
  assert.equal(f.measure, 'jobs');
  assert.equal(f.hedge, 'nearly');
  assert.equal(f.high, 1e6);
  assert.ok(f.low < 1e6);
});

test('count: "thousands", "hundreds", "dozens" are not figures', () => {
  assert.equal(figs('Thousands of jobs and hundreds of firms, dozens of towns.').list.length, 0);
  assert.equal(figs('The plan could create tens of thousands of jobs.').list.length, 0);
});

test('count: number words count only known nouns', () => {
  assert.equal(one('Three soldiers were wounded.').value, 3);
  assert.equal(figs('The two leaders had three goals for the visit.').list.length, 0);
  assert.equal(figs('It is one of the closest allies.').list.length, 0);
});

// --- percentages ----------------------------------------------------------------------------------------------

test('percent: "2 percent of GDP" is a share of gdp', () => {
  const f = one('The plan sets spending at 2 percent of GDP.');
  assert.equal(f.unit, 'percent');
  assert.equal(f.value, 2);
  assert.equal(f.measure, 'share of gdp');
});

test('percent: "of gross domestic product" reads as gdp too', () => {
  assert.equal(one('spending 2 percent of gross domestic product').measure, 'share of gdp');
});

test('percent: "20%", "20 per cent" and "20 pct"', () => {
  assert.equal(one('Sales rose 20% last year.').unit, 'percent');
  assert.equal(one('Sales rose 20 per cent last year.').unit, 'percent');
  assert.equal(one('Sales rose 20 pct last year.').value, 20);
});

test('percent: percentage points are their own unit', () => {
  assert.equal(one('Rates fell 2 percentage points.').unit, 'percentage-points');
});

test('percent: "a 25 percent tariff" measures the tariff', () => {
  assert.equal(one('They imposed a 25 percent tariff.').measure, 'tariff');
  assert.equal(one('They imposed tariffs of 25 percent.').measure, 'tariff');
});

// --- hedges -------------------------------------------------------------------------------------------------

for (const [hedge, low, high] of [
  ['more than', 50000, Infinity], ['over', 50000, Infinity], ['at least', 50000, Infinity],
  ['up to', 0, 50000], ['less than', 0, 50000], ['fewer than', 0, 50000], ['under', 0, 50000],
  ['almost', 45000, 50000], ['nearly', 45000, 50000],
] as const) {
  test(`hedge: "${hedge} 50,000 troops" -> [${low}, ${high}]`, () => {
    const f = one(`The army keeps ${hedge} 50,000 troops there.`);
    assert.equal(f.hedge, hedge);
    assert.equal(f.value, 50000);
    assert.equal(f.low, low);
    assert.equal(f.high, high);
    assert.ok(f.text.startsWith(hedge));
  });
}

for (const hedge of ['about', 'some', 'roughly', 'approximately', 'around']) {
  test(`hedge: "${hedge}" widens both ways`, () => {
    const f = one(`The army keeps ${hedge} 50,000 troops there.`);
    assert.equal(f.hedge, hedge);
    assert.ok(f.low < 50000 && f.high > 50000 && f.high < Infinity);
  });
}

test('hedge: "up to $500 billion" is at most 500 billion', () => {
  const f = one('The venture will invest up to $500 billion in data centres.');
  assert.equal(f.high, 500e9);
  assert.equal(f.low, 0);
  assert.equal(f.measure, 'investment');
});

test('hedge: capitalized at sentence start', () => {
  const f = one('About 3,000 troops arrived.');
  assert.equal(f.hedge, 'about');
});

// --- ranges ---------------------------------------------------------------------------------------------------

test('range: "from $800 billion to $1 trillion"', () => {
  const f = one('Estimates of the cost run from $800 billion to $1 trillion.');
  assert.equal(f.low, 800e9);
  assert.equal(f.high, 1e12);
  assert.equal(f.unit, 'USD');
  assert.equal(f.text, 'from $800 billion to $1 trillion');
  // A measure changed from one level to another is a target, not a range (see owners.test.ts).
  const t = one('Japan aims to lift investment from $800 billion to $1 trillion.');
  assert.deepEqual([t.text, t.measure, t.value], ['$1 trillion', 'target investment', 1e12]);
});

test('range: "20 to 60 percent" shares the unit', () => {
  const f = one('Costs have risen by 20 to 60 percent.');
  assert.equal(f.unit, 'percent');
  assert.equal(f.low, 20);
  assert.equal(f.high, 60);
});

test('range: "$1-2 billion" shares the scale', () => {
  const f = one('The project will cost $1-2 billion.');
  assert.equal(f.low, 1e9);
  assert.equal(f.high, 2e9);
});

test('range: "between 5 and 10 percent"', () => {
  const f = one('Growth was between 5 and 10 percent.');
  assert.equal(f.low, 5);
  assert.equal(f.high, 10);
});

test('range: a score like "3-2" is no figure', () => {
  assert.equal(figs('The vote ended 3-2 in committee.').list.length, 0);
});

// --- ages -----------------------------------------------------------------------------------------------------

const ISHIBA = person('Shigeru Ishiba', 'Ishiba');
const TRUMP = person('Donald Trump', 'Trump');

test('age: "Ishiba, 68," belongs to the name before', () => {
  const { list, name } = figs('Ishiba, 68, will not be the first to visit.', [ISHIBA]);
  assert.equal(list.length, 1);
  assert.equal(list[0].measure, 'age');
  assert.equal(list[0].unit, 'years-old');
  assert.equal(list[0].value, 68);
  assert.equal(name(list[0]), 'Shigeru Ishiba');
});

test('age: "the 78-year-old Trump" belongs to the name after', () => {
  const f = one('He met the 78-year-old Trump in person.', [TRUMP]);
  assert.equal(f.measure, 'age');
  assert.equal(f.value, 78);
  assert.equal(f.owner, 'Donald Trump');
});

test('age: titles between the age and the name', () => {
  assert.equal(one('the 78-year-old former president Donald Trump spoke', [TRUMP]).owner, 'Donald Trump');
});

test('age: "aged 68" after a name', () => {
  const f = one('Shigeru Ishiba, aged 68, spoke first.', [ISHIBA]);
  assert.equal(f.measure, 'age');
  assert.equal(f.owner, 'Shigeru Ishiba');
});

test('age: "(68)" after a name', () => {
  assert.equal(one('Shigeru Ishiba (68) spoke first.', [ISHIBA]).owner, 'Shigeru Ishiba');
});

test('age: two people keep their own ages', () => {
  const { list, name } = figs('Ishiba, 68, met Trump, 78, at the White House.', [ISHIBA, TRUMP]);
  assert.deepEqual(list.map((f) => [f.value, name(f)]), [[68, 'Shigeru Ishiba'], [78, 'Donald Trump']]);
});

test('age: a number after a place is not an age', () => {
  const { list } = figs('In Tokyo, 68, the index closed.', [place('Tokyo')]);
  assert.ok(list.every((f) => f.measure !== 'age'));
});

test('age: "the 100-year-old company" has no person owner', () => {
  const f = one('The 100-year-old company was sold.', [ACME]);
  assert.equal(f.measure, 'age');
  assert.equal(f.subject, undefined);
});

// --- durations ------------------------------------------------------------------------------------------------

test('duration: "a 36-hour visit" in hours, measuring the visit', () => {
  const f = one('He made a short 36-hour visit.');
  assert.equal(f.unit, 'hours');
  assert.equal(f.value, 36);
  assert.equal(f.measure, 'visit');
});

test('duration: "three days" and "more than 80 years"', () => {
  const a = one('The talks lasted three days.');
  assert.equal(a.unit, 'days');
  assert.equal(a.value, 3);
  const b = one('The alliance has stood for more than 80 years.');
  assert.equal(b.unit, 'years');
  assert.equal(b.low, 80);
});

// --- not figures ------------------------------------------------------------------------------------------------

test('not a figure: list markers "(1)" and "1." at line start', () => {
  assert.equal(figs('The deal would (1) move technology and (2) add jobs.').list.length, 0);
  assert.equal(figs('1. High stakes\n2. Trade talks').list.length, 0);
});

test('not a figure: years standing alone or in dates', () => {
  assert.equal(figs('In 2024, the firm grew. The 2022 plan set goals through 2027.').list.length, 0);
  assert.equal(figs('It was signed on February 7, 2025.').list.length, 0);
});

test('not a figure: days in dates', () => {
  assert.equal(figs('They met on February 7 and again on 9 March.').list.length, 0);
  assert.equal(figs('The report of 6th Feb, 2025 said so.').list.length, 0);
  assert.equal(figs('He visits from February 6 to 8.').list.length, 0);
  assert.equal(figs('He met them on Feb. 7.').list.length, 0);
});

test('not a figure: numbers inside names', () => {
  assert.equal(figs('Ministers met at the Security 2+2 talks.').list.length, 0);
  assert.equal(figs('The G7 leaders discussed F-35 jets and COVID-19.').list.length, 0);
  assert.equal(figs('Article 9 of the constitution applies.').list.length, 0);
});

test('not a figure: times of day', () => {
  assert.equal(figs('The meeting starts at 10:30 and ends at 5 p.m.').list.length, 0);
});

test('not a figure: ordinals and decades', () => {
  assert.equal(figs('It was the 2nd visit since the 1990s.').list.length, 0);
});

test('not a figure: ISO dates', () => {
  assert.equal(figs('Filed 2025-02-06 by staff.').list.length, 0);
});

// --- measure ----------------------------------------------------------------------------------------------------

test('measure: "offer" and "bid" are the same measure', () => {
  assert.equal(one("Acme Steel's $14.9 billion offer was blocked.", [ACME]).measure, 'bid');
});

test('measure: investment/investments normalize', () => {
  assert.equal(one('They pledged a $100 billion investment.').measure, 'investment');
  assert.equal(one('They made $100 billion investments.').measure, 'investment');
});

test('measure: head of a compound ("trade surplus" -> surplus)', () => {
  assert.equal(one('a $68.5 billion trade surplus with the US').measure, 'surplus');
});

test('measure: surplus and deficit stay apart', () => {
  assert.equal(one('a $68.5 billion trade deficit').measure, 'deficit');
});

test('measure: from a noun before "of" ("a deficit of")', () => {
  assert.equal(one('The country ran a deficit of $68.5 billion.').measure, 'deficit');
});

test('measure: from a copula ("the surplus was")', () => {
  assert.equal(one('Last year the surplus was $68.5 billion.').measure, 'surplus');
});

test('measure: from a verb ("to invest $5 billion")', () => {
  assert.equal(one('The firm plans to invest $5 billion in plants.').measure, 'investment');
});

test('measure: "total" changes what is measured', () => {
  assert.equal(one('Their total investment of $500 billion was cited.').measure, 'total investment');
});

test('measure: a participle after the noun ends the phrase', () => {
  assert.equal(one('There are 54,000 troops stationed in the country.').measure, 'troops');
});

test('target: "tariffs on Canada and Mexico" are aimed at Canada, and Trump still owns them', () => {
  const { list, name } = figs('Trump ordered 25 percent tariffs on Canada and Mexico.', [TRUMP, place('Canada'), place('Mexico')]);
  assert.equal(list[0].measure, 'tariff');
  assert.equal(list[0].target, 1);
  assert.equal(name(list[0]), 'Donald Trump');
});

test('target: "on goods from Canada" reads the same', () => {
  const { list } = figs('Trump ordered 20 percent tariffs on goods from Canada.', [TRUMP, place('Canada')]);
  assert.equal(list[0].target, 1);
});

test('target: a demonym narrows the measure ("a levy on Chinese goods")', () => {
  assert.equal(one('Trump ordered a 10 percent levy on Chinese goods.', [TRUMP]).measure, 'tariff on chinese');
});

test('target: "the U.S. goods deficit with Japan was $68.5 billion in 2024"', () => {
  const { list, name } = figs('The U.S. goods deficit with Japan was $68.5 billion in 2024.', [place('U.S.'), place('Japan')]);
  assert.equal(list.length, 1);
  assert.equal(list[0].measure, 'deficit');
  assert.equal(name(list[0]), 'U.S.');
  assert.equal(list[0].target, 1);
  assert.equal(list[0].year, 2024);
});

test('nearby: an ownerless figure lists the names of its sentence', () => {
  const { list } = figs('Acme Steel chief Jo Park has led the effort since the $14.1 billion bid was announced.', [ACME, person('Jo Park')]);
  assert.equal(list[0].subject, undefined);
  assert.deepEqual(list[0].nearby, [0, 1]);
});

test('measure: nothing after the number leaves it empty', () => {
  assert.equal(one('The index rose to 54 before noon.').measure, '');
});

// --- owner ------------------------------------------------------------------------------------------------------

test("owner: possessive before ('Acme Steel's $14.9 billion bid')", () => {
  const f = one("Acme Steel's $14.9 billion bid was blocked.", [ACME]);
  assert.equal(f.owner, 'Acme Steel');
  assert.equal(f.measure, 'bid');
});

test('owner: curly possessive ("Acme Steel’s")', () => {
  assert.equal(one('Acme Steel’s $14.9 billion bid was blocked.', [ACME]).owner, 'Acme Steel');
});

test('owner: "bid by X" after the measure', () => {
  assert.equal(one('The $14.9 billion bid by Acme Steel was blocked.', [ACME]).owner, 'Acme Steel');
});

test('owner: possessive of a short phrase ("Son’s pledge to invest $100 billion")', () => {
  const f = one('Masayoshi Son’s pledge to invest $100 billion in the project impressed.', [person('Masayoshi Son')]);
  assert.equal(f.owner, 'Masayoshi Son');
  assert.equal(f.measure, 'investment');
});

test('owner: the clause subject, when it is plainly the subject', () => {
  const f = one('Acme Steel offered $14.9 billion for the mill.', [ACME]);
  assert.equal(f.owner, 'Acme Steel');
  assert.equal(f.measure, 'bid');
});

test('owner: the subject across one appositive', () => {
  const f = one('Japan, a close ally, hosts 54,000 troops.', [place('Japan')]);
  assert.equal(f.owner, 'Japan');
});

test('owner: unsure when several names precede', () => {
  const f = one('Japan and the United States said 54,000 troops remain.', [place('Japan'), place('United States')]);
  assert.equal(f.subject, undefined);
});

test('owner: unsure when a name follows the figure in the clause', () => {
  const f = one('Trump announced tariffs of 25 percent against Canada.', [TRUMP, place('Canada')]);
  assert.equal(f.subject, undefined);
});

test('owner: a possessive pronoun is no owner', () => {
  assert.equal(one('Its $14.9 billion bid was blocked.').subject, undefined);
});

test('owner: none when the measure is unknown', () => {
  assert.equal(one('Acme Steel rose to 54 before noon.', [ACME]).subject, undefined);
});

// --- year -------------------------------------------------------------------------------------------------------

test('year: "in 2023" after the figure', () => {
  assert.equal(one('The share fell to 6.7 percent in 2023.').year, 2023);
});

test('year: "the 2023 deficit was"', () => {
  assert.equal(one('The 2023 deficit was $68.5 billion.').year, 2023);
});

test('year: "by 2027" target year', () => {
  assert.equal(one('The goal is 2 percent of GDP by 2027.').year, 2027);
});

test('year: "In 2023," opening the clause', () => {
  assert.equal(one('In 2023, the surplus was $68.5 billion.').year, 2023);
});

test('year: each figure takes its own nearby year', () => {
  const { list } = figs('The share fell from 65.5 percent of trade in 1991 to just 6.7 percent in 2023.');
  assert.deepEqual(list.map((f) => f.year), [1991, 2023]);
});

test('year: none given', () => {
  assert.equal(one('The surplus was $68.5 billion.').year, undefined);
});

// --- offsets ----------------------------------------------------------------------------------------------------

test('offsets: span text equals the figure text, body start respected', () => {
  const text = 'Header $1 billion\n\nThe fund holds $5 billion in cash.';
  const a = analysisOf(text, []);
  const list = extractFigures(text, a, text.indexOf('The fund'));
  assert.equal(list.length, 1);
  assert.equal(text.slice(list[0].start, list[0].end), list[0].text);
  assert.equal(list[0].uri, 'file:///doc.txt');
});

test('owner: not the speaker of reported speech ("Berg has said the company employs 4,500 workers")', () => {
  assert.equal(one('Berg has said the company employs about 4,500 workers.', [person('Tomas Berg', 'Berg')]).subject, undefined);
});

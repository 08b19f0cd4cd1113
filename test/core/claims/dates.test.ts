// Event dates: absolute and relative days, the event they date, who takes part, and dates that are not events.
import assert from 'node:assert/strict';
import test from 'node:test';
import { extractEventDates, findDates, resolveWeekday, type EventDate } from './claims';
import { analysisOf, nameOf, org, person, type EntitySpec } from './fixtures';

const ISHIBA = person('Shigeru Ishiba', 'Ishiba');
const TRUMP = person('Donald Trump', 'Trump');
const PEOPLE = [ISHIBA, TRUMP, person('Joe Biden', 'Biden'), org('Acme Steel')];

function dates(text: string, date: string | undefined, entities: EntitySpec[] = PEOPLE, bodyStart = 0): (EventDate & { who: string[] })[] {
  const a = analysisOf(text, entities);
  const meta = { bodyStart, problems: [], ...(date ? { date } : {}) };
  return extractEventDates(text, a, meta).map((d) => ({ ...d, who: d.participants.map((p) => nameOf(a, p)!) }));
}

// 2025-02-06 is a Thursday.
const THU = '2025-02-06';

test('absolute: "February 7" takes the year of the document', () => {
  const [d] = dates('Trump will meet Ishiba on February 7 in Washington.', THU);
  assert.equal(d.date, '2025-02-07');
  assert.equal(d.relative, false);
  assert.equal(d.event, 'meeting');
  assert.deepEqual(d.who.sort(), ['Donald Trump', 'Shigeru Ishiba']);
});

test('absolute: "Feb. 7, 2025" with its own year', () => {
  assert.equal(dates('Trump met Ishiba on Feb. 7, 2025.', undefined)[0].date, '2025-02-07');
});

test('absolute: "7 February" and "6th Feb, 2025"', () => {
  assert.equal(dates('The summit of Trump and Ishiba opens 7 February.', THU)[0].date, '2025-02-07');
  assert.equal(dates('Trump met Ishiba on the 6th Feb, 2025 summit.', undefined)[0].date, '2025-02-06');
});

test('absolute: the nearest year, not the next one ("December 15" in a February article)', () => {
  const [d] = dates('Trump met Ishiba at a dinner on December 15.', THU);
  assert.equal(d.date, '2024-12-15');
});

test('absolute: no year and no document date -> kept as a month and day, the year left to infer', () => {
  const list = dates('Trump will meet Ishiba on February 7.', undefined);
  assert.equal(list.length, 1);
  assert.equal(list[0].date, '--02-07');
  assert.equal(list[0].yearless, true);
  assert.equal(list[0].relative, false);
  assert.equal(list[0].event, 'meeting');
  assert.deepEqual(list[0].who.sort(), ['Donald Trump', 'Shigeru Ishiba']);
});

test('absolute: year-less only when neither the text nor the document gives a year', () => {
  assert.equal(dates('Trump will meet Ishiba on February 7.', THU)[0].yearless, undefined);
  assert.equal(dates('Trump met Ishiba on Feb. 7, 2025.', undefined)[0].yearless, undefined);
  // February 29 may be a day of the year to infer; February 30 never is.
  assert.equal(dates('Trump met Ishiba on February 29.', undefined)[0].date, '--02-29');
  assert.equal(dates('Trump met Ishiba on February 30.', undefined).length, 0);
  // A weekday still needs the document date.
  assert.deepEqual(dates('Trump met Ishiba on Friday and will meet Biden on March 3.', undefined).map((d) => d.text), ['March 3']);
});

test('absolute: glued to the next word ("on January 12President")', () => {
  const [d] = dates('Leaders set for trilateral phone call on January 12President Biden will join Ishiba.', THU);
  assert.equal(d.date, '2025-01-12');
  assert.equal(d.event, 'call');
});

test('absolute: a range of days is not one day', () => {
  assert.equal(dates('Ishiba will visit from February 6 to 8 to meet Trump.', THU).length, 0);
});

test('absolute: an event noun right after ("January 20 inauguration")', () => {
  const [d] = dates("The drive began after Trump's January 20 inauguration.", THU);
  assert.equal(d.event, 'inauguration');
  assert.deepEqual(d.who, ['Donald Trump']);
});

test('relative: "on Friday" ahead of a Thursday article, future tense', () => {
  const [d] = dates('Trump will meet Ishiba in Washington on Friday.', THU);
  assert.equal(d.date, '2025-02-07');
  assert.equal(d.relative, true);
  assert.equal(d.text, 'on Friday');
});

test('relative: "on Monday" in the past tense goes back', () => {
  const [d] = dates('Trump met Ishiba on Monday.', THU);
  assert.equal(d.date, '2025-02-03');
});

test('relative: the nearest weekday when the tense says nothing', () => {
  assert.equal(dates('The Trump-Ishiba summit on Saturday.'.replace('-', ' and '), THU)[0].date, '2025-02-08');
});

test('relative: yesterday and tomorrow', () => {
  assert.equal(dates('Trump met Ishiba yesterday.', THU)[0].date, '2025-02-05');
  assert.equal(dates('Trump meets Ishiba tomorrow.', THU)[0].date, '2025-02-07');
});

test('relative: needs the document date', () => {
  assert.equal(dates('Trump will meet Ishiba on Friday.', undefined).length, 0);
});

test('relative: "last week" and "next month" are not day-precise', () => {
  assert.equal(dates('Trump met Ishiba last week and will meet Biden next month.', THU).length, 0);
});

test('relative: "last Friday" and "next Friday"', () => {
  assert.equal(resolveWeekday({ start: 0, end: 0, text: '', relative: true, weekday: 5, modifier: 'last' }, THU, undefined), '2025-01-31');
  assert.equal(resolveWeekday({ start: 0, end: 0, text: '', relative: true, weekday: 5, modifier: 'next' }, THU, undefined), '2025-02-07');
  assert.equal(resolveWeekday({ start: 0, end: 0, text: '', relative: true, weekday: 4, modifier: 'next' }, THU, undefined), '2025-02-13');
});

test('event: synonyms summit, talks and meeting are one event', () => {
  for (const w of ['summit', 'talks', 'meeting']) {
    assert.equal(dates(`Trump and Ishiba hold ${w} on February 7.`, THU)[0].event, 'meeting', w);
  }
});

test('event: announced / signed as verbs', () => {
  assert.equal(dates('Acme Steel announced the deal on February 3.', THU)[0].event, 'announcement');
  assert.equal(dates('Trump signed the order on February 3.', THU)[0].event, 'signing');
});

test('event: none near the date -> no event date', () => {
  assert.equal(dates('Markets were quiet on February 3 as traders waited.', THU).length, 0);
});

test('event: the event of the date, not of the clause after "ahead of"', () => {
  const [d] = dates("Ishiba heads to the United States on Thursday ahead of Trump's summit.", THU);
  assert.equal(d.event, 'visit');
  assert.deepEqual(d.who, ['Shigeru Ishiba']);
});

test('participants: only people and organizations in the same part of the sentence', () => {
  const [d] = dates('Trump will meet Ishiba on Friday -- days after Biden met reporters.', THU);
  assert.deepEqual(d.who.sort(), ['Donald Trump', 'Shigeru Ishiba']);
});

test('not an event: the date of a statement ("said Thursday")', () => {
  assert.equal(dates('The Nikkei said Thursday that Trump and Ishiba will issue a statement at their meeting.', THU, [...PEOPLE, org('Nikkei')]).length, 0);
});

test('not an event: a dateline "(Agency - 6th Feb, 2025)"', () => {
  const text = 'Tokyo, (Wire - Some Paper - 6th Feb, 2025) Ishiba heads to meet Trump at a summit.';
  assert.ok(dates(text, THU).every((d) => d.text !== '6th Feb, 2025'));
});

test('not an event: "WASHINGTON, Feb 7 (Reuters) -" dateline', () => {
  const text = 'WASHINGTON, Feb 7 (Reuters) - Trump met Ishiba at the White House summit.';
  assert.equal(dates(text, '2025-02-07').length, 0);
});

test('not an event: "Published February 7, 2025" line', () => {
  const text = 'Published February 7, 2025\nTrump hosted Ishiba for talks.';
  assert.equal(dates(text, '2025-02-07').length, 0);
});

test('not an event: before the body start', () => {
  const text = 'Meeting on February 7 of Trump and Ishiba\n\nBody text here.';
  assert.equal(dates(text, THU, PEOPLE, text.indexOf('Body')).length, 0);
});

test('findDates: month names only when capitalized and with a day ("may" is a verb)', () => {
  const found = findDates('Ishiba may visit in May. He may 5 times say so. It happened May 5.', 0, 1000, THU);
  assert.deepEqual(found.map((d) => d.text), ['May 5']);
});

test('offsets: the span covers the date text', () => {
  const text = 'Trump will meet Ishiba on February 7 in Washington.';
  const [d] = dates(text, THU);
  assert.equal(text.slice(d.start, d.end), d.text);
  assert.equal(d.text, 'February 7');
});

test('absolute: "on Friday, February 7" is one date', () => {
  const list = dates('Trump met Ishiba on Friday, February 7, at the White House.', '2025-02-10');
  assert.equal(list.length, 1);
  assert.equal(list[0].text, 'on Friday, February 7');
  assert.equal(list[0].relative, false);
});

test('event: each event word goes to its own date ("set off on Thursday for talks with Trump on Friday")', () => {
  const list = dates('Ishiba set off for Washington on Thursday for talks with Trump on Friday.', THU);
  assert.deepEqual(list.map((d) => [d.text, d.event]), [['on Thursday', 'departure'], ['on Friday', 'meeting']]);
});

test('participants: the people of the sentence when the date part names none', () => {
  const [d] = dates('Trump and Ishiba declared a new era after talks at the White House on February 7.', THU, [...PEOPLE, org('White House')]);
  assert.deepEqual(d.who.sort(), ['Donald Trump', 'Shigeru Ishiba', 'White House']);
});

test('event words: a word every object has ("constructor") is no event, and dates no event of it', () => {
  const found = dates('The constructor finished the bridge on February 7, Trump said.', THU);
  assert.deepEqual(found.map((d) => typeof d.event), []);
  const [met] = dates('The constructor met Trump on February 7.', THU);
  assert.equal(met.event, 'meeting');
});

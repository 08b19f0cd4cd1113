// Whose a figure is when the text only implies it: definite descriptions ("the Japanese steelmaker"), bare surnames,
// troops counted in a place, prices per share; and the tempting cases that must stay without an owner.
import assert from 'node:assert/strict';
import test from 'node:test';
import { extractFigures, extractQuotes, findConflicts, type ClaimsOfDocument, type DocumentAnalysis, type Figure } from './claims';
import { analysisOf, docOf, nameOf, org, person, place, type EntitySpec } from './fixtures';

type Described = EntitySpec & { descriptions?: { kind: 'title' | 'appositive'; text: string }[] };

/** An analysis with descriptions (titles, appositives) added to its entities. */
function described(text: string, entities: Described[]): DocumentAnalysis {
  const a = analysisOf(text, entities);
  entities.forEach((e, i) => {
    a.localEntities[i].descriptions = (e.descriptions ?? []).map((d) => ({ uri: a.uri, start: 0, end: 0, kind: d.kind, text: d.text }));
  });
  return a;
}

function figures(text: string, entities: Described[]): (Figure & { owner?: string })[] {
  const a = described(text, entities);
  return extractFigures(text, a, 0).map((f) => ({ ...f, owner: nameOf(a, f.subject) }));
}

function figure(text: string, entities: Described[], written: string): Figure & { owner?: string } {
  const f = figures(text, entities).find((x) => x.text === written);
  assert.ok(f, `no figure "${written}" in ${JSON.stringify(text)}`);
  return f;
}

let n = 0;
function doc(text: string, entities: EntitySpec[], date = '2025-02-07'): ClaimsOfDocument {
  n++;
  return docOf({ uri: `file:///owners/doc${n}.txt`, text, entities, date });
}

const ACME = org('Acme Steel');
const BETA = org('Beta Corp');
const JAPAN = place('Japan');
const US = place('United States');

// --- definite descriptions -------------------------------------------------------------------------------------

test('owner: "The Japanese steelmaker will pay" is the organization opening the sentence before', () => {
  const text = 'Acme Steel said on Monday that it had agreed to buy Beta Corp for $14.9 billion. The Japanese steelmaker will pay $55 a share, 40 percent more than where Beta Corp stock closed on Friday.';
  const f = figure(text, [ACME, BETA], '$55 a share');
  assert.equal(f.owner, 'Acme Steel');
  assert.equal(f.unit, 'USD/share');
});

test('owner: "the company\'s $5 billion bid" through a possessive description', () => {
  const f = figure('Acme Steel is expanding. Regulators approved the company\'s $5 billion bid on Monday.', [ACME], '$5 billion');
  assert.equal(f.owner, 'Acme Steel');
  assert.equal(f.measure, 'bid');
});

test('owner: a description after two coordinated organizations stays without an owner', () => {
  const f = figure('Acme Steel and Beta Corp held talks on Monday. The company will pay $55 a share.', [ACME, BETA], '$55 a share');
  assert.equal(f.owner, undefined);
});

test('owner: "the rival firm", "the former company" are not the organization named before', () => {
  assert.equal(figure('Acme Steel held talks. The rival firm will pay $55 a share.', [ACME], '$55 a share').owner, undefined);
  assert.equal(figure('Acme Steel held talks. The other company will pay $55 a share.', [ACME], '$55 a share').owner, undefined);
});

test('owner: a description with no organization in the sentence before stays without an owner', () => {
  const f = figure('Markets were calm.\nThe company will pay $55 a share.', [ACME], '$55 a share');
  assert.equal(f.owner, undefined);
});

test('owner: "the prime minister" is the one person titled so in the document', () => {
  const ents: Described[] = [
    { ...person('Shigeru Ishiba', 'Ishiba'), descriptions: [{ kind: 'title', text: 'Prime Minister' }] },
    { ...person('Donald Trump', 'Trump'), descriptions: [{ kind: 'title', text: 'President' }] },
  ];
  const text = 'Prime Minister Shigeru Ishiba met Donald Trump. The prime minister\'s 36-hour visit ended on Saturday.';
  assert.equal(figure(text, ents, '36-hour').owner, 'Shigeru Ishiba');
});

test('owner: "the president" with two persons titled President stays without an owner', () => {
  const ents: Described[] = [
    { ...person('Joe Biden', 'Biden'), descriptions: [{ kind: 'title', text: 'President' }] },
    { ...person('Donald Trump', 'Trump'), descriptions: [{ kind: 'title', text: 'President' }] },
  ];
  assert.equal(figure('Biden met Trump. The president\'s 36-hour visit ended.', ents, '36-hour').owner, undefined);
  // A former holder of the role is not "the president".
  const former: Described[] = [
    { ...person('Joe Biden', 'Biden'), descriptions: [{ kind: 'appositive', text: 'the former president' }] },
    { ...person('Donald Trump', 'Trump'), descriptions: [{ kind: 'title', text: 'President' }] },
  ];
  assert.equal(figure('Biden met Trump. The president\'s 36-hour visit ended.', former, '36-hour').owner, 'Donald Trump');
});

// --- the clause's subject ----------------------------------------------------------------------------------------

test('owner: names after the figure\'s phrase (past a comma) do not take the figure from the subject', () => {
  const f = figure('Acme Steel was founded in 1901 and employs about 22,000 people, most of them at mills in Ohio and Texas.',
    [ACME, place('Ohio'), place('Texas')], 'about 22,000');
  assert.equal(f.owner, 'Acme Steel');
  // Inside the phrase, a name still blocks: the figure may be about it.
  assert.equal(figure('Acme Steel employs about 22,000 people for Beta Corp.', [ACME, BETA], 'about 22,000').owner, undefined);
});

test('owner: "<Org> founder <Person> ... promised to invest $100 billion in the US" is the person\'s', () => {
  const f = figure('SoftBank founder Masayoshi Son stood beside the president in December and promised to invest $100 billion in the United States over four years.',
    [org('SoftBank'), person('Masayoshi Son'), US], '$100 billion');
  assert.equal(f.owner, 'Masayoshi Son');
  assert.equal(f.measure, 'investment');
});

// --- ages by a bare surname --------------------------------------------------------------------------------------

test('age: "Son, 67," is the age of the one person the document names with that surname', () => {
  const f = figure('Masayoshi Son met investors. Son, 67, has since become chairman.', [person('Masayoshi Son')], '67');
  assert.equal(f.measure, 'age');
  assert.equal(f.owner, 'Masayoshi Son');
});

test('age: a surname two persons share gives no owner, and a word that is no surname gives no age', () => {
  const abes = [person('Shinzo Abe'), person('Akie Abe')];
  const f = figures('Shinzo Abe and Akie Abe travelled. Abe, 67, spoke first.', abes).find((x) => x.text.startsWith('67'));
  assert.ok(!f || f.owner === undefined);
  assert.ok(!figures('Masayoshi Son met investors. Stock, 67, was sold.', [person('Masayoshi Son')]).some((x) => x.measure === 'age'));
});

// --- troops counted in a place -----------------------------------------------------------------------------------

test('troops: "45,000 troops in Japan" and "Japan hosts 54,000 US service members" are troops in Japan', () => {
  const a = figure('The United States keeps about 45,000 troops in Japan, many of them on Okinawa.', [US, JAPAN, place('Okinawa')], 'about 45,000');
  assert.deepEqual([a.measure, a.owner], ['troops in', 'Japan']);
  const b = figure('Japan hosts 54,000 American service members, more than any other country, and Tokyo wants more.', [JAPAN, place('Tokyo')], '54,000');
  assert.deepEqual([b.measure, b.owner], ['troops in', 'Japan']);
  const c = figure('The alliance rests on more than 50,000 American troops based in Japan, and the president wants more.', [JAPAN], 'more than 50,000');
  assert.deepEqual([c.measure, c.owner], ['troops in', 'Japan']);
});

test('troops: a part of them, a list of places or troops on the move are not the troops in the place', () => {
  const ents = [US, JAPAN, place('South Korea'), place('Guam')];
  assert.notEqual(figure('About 9,000 troops in Japan will move to Guam.', ents, 'About 9,000').measure, 'troops in');
  assert.notEqual(figure('The US keeps 80,000 troops in Japan and South Korea.', ents, '80,000').measure, 'troops in');
  assert.notEqual(figure('The US will send another 2,000 troops in Japan.', ents, '2,000').measure, 'troops in');
  assert.notEqual(figure('Japan has 247,000 troops.', ents, '247,000').measure, 'troops in');
});

test('troops: troops in a place conflict across sources; a country\'s own force does not meet them', () => {
  const ents = [US, JAPAN];
  assert.deepEqual(findConflicts([doc('Japan hosts 54,000 US troops.', ents), doc('The US keeps about 45,000 troops in Japan.', ents)]).map((c) => c.subject), ['troops in Japan']);
  assert.deepEqual(findConflicts([doc('Japan hosts 54,000 US troops.', ents), doc('Japan has 247,000 troops.', ents)]), []);
  assert.deepEqual(findConflicts([doc('Japan hosts 54,000 US troops.', ents), doc('More than 50,000 troops are based in Japan.', ents)]), []);
});

// --- prices per share --------------------------------------------------------------------------------------------

test('per share: "$53 a share" is never compared with a total bid', () => {
  const ents = [ACME, BETA];
  assert.deepEqual(findConflicts([doc('Acme Steel offered $53 a share for Beta Corp.', ents), doc("Acme Steel's $14.9 billion bid for Beta Corp.", ents)]), []);
  assert.equal(figure('Acme Steel offered $53 per share.', ents, '$53 per share').unit, 'USD/share');
});

// --- hedges ------------------------------------------------------------------------------------------------------

test('hedge: "about 45,000" and "around 54,000" cannot both be right', () => {
  const ents = [JAPAN];
  assert.equal(findConflicts([doc('Japan hosts about 45,000 troops.', ents), doc('Japan hosts around 54,000 troops.', ents)]).length, 1);
  assert.deepEqual(findConflicts([doc('Japan hosts about 52,000 troops.', ents), doc('Japan hosts around 54,000 troops.', ents)]), []);
});

// --- quote speakers typed as organizations -----------------------------------------------------------------------

test('quote: a speaker the recognizer typed as an organization but described as a person is marked as a person', () => {
  const text = '"All anybody here wants is a decision," Frank Duda, a crane operator who has worked at the plant for 26 years, told reporters.';
  const a = described(text, [{ ...org('Frank Duda'), descriptions: [{ kind: 'appositive', text: 'a crane operator who has worked at the plant for 26 years' }] }]);
  const [q] = extractQuotes(text, a);
  assert.equal(q.speakerPerson, true);
  const other = text.replace('Frank Duda, a crane operator who has worked at the plant for 26 years', 'Duda Holdings, a company which runs the plant');
  const b = described(other, [{ ...org('Duda Holdings'), descriptions: [{ kind: 'appositive', text: 'a company which runs the plant' }] }]);
  assert.equal(extractQuotes(other, b)[0].speakerPerson, undefined);
});

// --- quote speakers named by their role --------------------------------------------------------------------------

const PM: Described = { ...person('Shigeru Ishiba', 'Ishiba'), descriptions: [{ kind: 'title', text: 'Prime Minister' }] };
const PRESIDENT: Described = { ...person('Donald Trump', 'Trump'), descriptions: [{ kind: 'title', text: 'President' }] };

function speakerOf(text: string, entities: Described[]): { name?: string; how?: string } {
  const a = described(text, entities);
  const [q] = extractQuotes(text, a);
  assert.ok(q, `no quote in ${JSON.stringify(text)}`);
  return { name: nameOf(a, q.speaker), how: q.attribution };
}

test('quote: "the prime minister said" is the one person of the document titled Prime Minister', () => {
  const intro = 'Prime Minister Shigeru Ishiba met President Donald Trump on Friday.\n';
  assert.deepEqual(speakerOf(`${intro}"We will not give up on the alliance," the prime minister said.`, [PM, PRESIDENT]), { name: 'Shigeru Ishiba', how: 'pronoun' });
  assert.deepEqual(speakerOf(`${intro}"We will not give up on the alliance," said the Japanese prime minister.`, [PM, PRESIDENT]), { name: 'Shigeru Ishiba', how: 'pronoun' });
  assert.deepEqual(speakerOf(`${intro}The president said: "We will make a great deal for everyone."`, [PM, PRESIDENT]), { name: 'Donald Trump', how: 'pronoun' });
});

test('quote: a role nobody or several hold, a former holder or somebody else\'s role gives no speaker', () => {
  const intro = 'Prime Minister Shigeru Ishiba met President Donald Trump on Friday.\n';
  const quote = '"We will not give up on the alliance,"';
  assert.equal(speakerOf(`${intro}${quote} the company president said.`, [PM, PRESIDENT]).name, undefined);
  assert.equal(speakerOf(`${intro}${quote} the former president said.`, [PM, PRESIDENT]).name, undefined);
  assert.equal(speakerOf(`${intro}${quote} said the president's spokesman.`, [PM, PRESIDENT]).name, undefined);
  assert.equal(speakerOf(`${intro}${quote} the chancellor said.`, [PM, PRESIDENT]).name, undefined);
  const two: Described = { ...person('Joe Biden', 'Biden'), descriptions: [{ kind: 'title', text: 'President' }] };
  assert.equal(speakerOf(`Biden met Trump.\n${quote} the president said.`, [two, PRESIDENT]).name, undefined);
});

// --- the length of a trip ----------------------------------------------------------------------------------------

test('visit: the trip in a travelling subject\'s predicate is the subject\'s', () => {
  const ents = [person('Shigeru Ishiba', 'Ishiba'), person('Donald Trump', 'Trump'), place('Japan'), place('Tokyo'), place('Washington')];
  assert.equal(figure('Prime Minister Shigeru Ishiba flew home on Saturday after a 36-hour visit that went well.', ents, '36-hour').owner, 'Shigeru Ishiba');
  assert.equal(figure('Ishiba returned to Tokyo on Sunday at the end of a 48-hour trip to Washington.', ents, '48-hour').owner, 'Shigeru Ishiba');
  assert.equal(figure("Japan's prime minister, Shigeru Ishiba, lands in Washington this week for a 36-hour visit.", ents, '36-hour').owner, 'Shigeru Ishiba');
});

test('visit: a host, two people, reported speech or no travel verb gives the trip no owner', () => {
  const ents = [person('Shigeru Ishiba', 'Ishiba'), person('Donald Trump', 'Trump'), place('Washington')];
  assert.equal(figure('Trump welcomed Ishiba to Washington for a 36-hour visit.', ents, '36-hour').owner, undefined);
  assert.equal(figure('Ishiba met Trump during a 36-hour visit.', ents, '36-hour').owner, undefined);
  assert.equal(figure('Ishiba said Trump flew home after a 36-hour visit.', ents, '36-hour').owner, undefined);
  assert.equal(figure('Ishiba spoke on the phone before a 36-hour visit.', ents, '36-hour').owner, undefined);
  assert.equal(figure('Ishiba flew to Washington for a 36-hour visit with Trump.', ents, '36-hour').owner, undefined);
});

// --- targets a measure is to be changed to -----------------------------------------------------------------------

test('target: "raise its investment in the US to $1.5 trillion" is a target of the subject "its" refers to', () => {
  const ents = [person('Donald Trump'), place('Japan'), US];
  const f = figure('Trump praised the talks, with Japan promising to raise its investment in the United States to $1.5 trillion.', ents, '$1.5 trillion');
  assert.deepEqual([f.measure, f.owner], ['target investment', 'Japan']);
});

test('target: "taking Japanese investment from about $800 billion to $1 trillion" keeps the target alone, owned through the demonym', () => {
  const ents = [person('Shigeru Ishiba'), place('Japan'), US];
  const list = figures('Shigeru Ishiba set a goal of taking Japanese investment in the United States from about $800 billion to $1 trillion.', ents);
  assert.deepEqual(list.map((f) => [f.text, f.measure, f.owner]), [['$1 trillion', 'target investment', 'Japan']]);
});

test('target: a target never meets the level the measure has now', () => {
  const ents = [place('Japan'), US];
  assert.deepEqual(findConflicts([
    doc("Japan's investment in the United States is $800 billion.", ents),
    doc('Japan promised to raise its investment in the United States to $1.5 trillion.', ents),
  ]), []);
});

test('target: "its" with another organization or place in between, or no verb after the antecedent, has no owner', () => {
  const ents = [place('Japan'), US, org('Acme Steel')];
  assert.equal(figure('Japan and Acme Steel agreed that it would raise its investment to $5 billion.', ents, '$5 billion').owner, undefined);
  assert.equal(figure('In Japan, officials will raise its investment to $5 billion.', ents, '$5 billion').owner, undefined);
  // A demonym of no place the document names.
  assert.equal(figure('Officials want to raise Chinese investment in the United States to $5 billion.', ents, '$5 billion').owner, undefined);
});

// --- subjects of clauses inside the sentence ---------------------------------------------------------------------

test('owner: the subject of a "when" clause or of a clause after an opening phrase', () => {
  const ents = [ACME, BETA, JAPAN];
  assert.equal(figure('Acme Steel first announced its offer in December 2023, when Beta Corp employed about 27,000 people.', ents, 'about 27,000').owner, 'Beta Corp');
  assert.equal(figure('Under a plan adopted in 2022, Japan is spending 45 trillion yen on defense.', ents, '45 trillion yen').owner, 'Japan');
});

test('owner: a name after a speech verb, or one of a list, is not the clause\'s subject', () => {
  const ents = [ACME, BETA, JAPAN];
  assert.equal(figure('Officials met in May, when Acme Steel said Beta Corp employed 27,000 people.', ents, '27,000').owner, undefined);
  assert.equal(figure('In May, Acme Steel and Beta Corp employed 27,000 people.', ents, '27,000').owner, undefined);
});

// --- what money is spent on --------------------------------------------------------------------------------------

test('spending: "spend 43 trillion yen on defense" never meets spending on something else', () => {
  const ents = [JAPAN];
  assert.equal(figure('Japan will spend 43 trillion yen on defense.', ents, '43 trillion yen').measure, 'spending on defense');
  assert.deepEqual(findConflicts([doc('Japan will spend 43 trillion yen on defense.', ents), doc('Japan will spend 5 trillion yen on childcare.', ents)]), []);
  assert.equal(findConflicts([doc('Japan will spend 43 trillion yen on defense.', ents), doc('Japan will spend 45 trillion yen on defense.', ents)]).length, 1);
});

// --- figures the text dates to a month ---------------------------------------------------------------------------

test('as of: "in December 2023, when Beta employed about 27,000 people" meets sources of December 2023 only', () => {
  const ents = [ACME, BETA];
  const then = 'Acme Steel first announced its offer in December 2023, when Beta Corp employed about 27,000 people.';
  assert.equal(figure(then, ents, 'about 27,000').asOf, '2023-12');
  const late = doc(then, ents, '2025-02-08');
  assert.equal(findConflicts([late, doc('Beta Corp employs about 22,000 people.', ents, '2023-12-19')]).length, 1);
  // Against a source of 2025, the 2023 figure says nothing.
  assert.deepEqual(findConflicts([late, doc('Beta Corp employs about 22,000 people.', ents, '2025-02-07')]), []);
});

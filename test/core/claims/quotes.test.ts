// Quotes: quote marks of every kind told from apostrophes, and each way a text names who spoke.
import assert from 'node:assert/strict';
import test from 'node:test';
import { extractQuotes, findQuoteSpans, type Quote } from './claims';
import { analysisOf, nameOf, org, person, type EntitySpec } from './fixtures';

const SMITH = person('Sheila Smith', 'Smith');
const JONES = person('Robert Jones', 'Jones');
const ISHIBA = person('Shigeru Ishiba', 'Ishiba');
const TRUMP = person('Donald Trump', 'Trump');
const AFP = org('AFP');
const ALL = [SMITH, JONES, ISHIBA, TRUMP, AFP, org('Yomiuri')];

function quotes(text: string, entities: EntitySpec[] = ALL): (Quote & { who?: string; said?: string })[] {
  const a = analysisOf(text, entities);
  return extractQuotes(text, a).map((q) => ({
    ...q, who: nameOf(a, q.speaker), said: q.speakerSpan && text.slice(q.speakerSpan.start, q.speakerSpan.end),
  }));
}

function one(text: string, entities: EntitySpec[] = ALL): Quote & { who?: string; said?: string } {
  const list = quotes(text, entities);
  assert.equal(list.length, 1, `expected one quote, got ${JSON.stringify(list.map((q) => q.text))}`);
  return list[0];
}

// --- marks ------------------------------------------------------------------------------------------------------

test('marks: curly double quotes', () => {
  const q = one('“We will protect the alliance at all costs,” Smith said.');
  assert.equal(q.text, 'We will protect the alliance at all costs');
  assert.equal(q.who, 'Sheila Smith');
});

test('marks: straight double quotes', () => {
  assert.equal(one('"We will protect the alliance at all costs," Smith said.').who, 'Sheila Smith');
});

test('marks: curly single quotes', () => {
  assert.equal(one('‘We will protect the alliance at all costs,’ Smith said.').who, 'Sheila Smith');
});

test('marks: straight single quotes with apostrophes inside', () => {
  const q = one("'That's where the trouble starts for the two leaders,' Smith said.");
  assert.equal(q.text, "That's where the trouble starts for the two leaders");
});

test("marks: apostrophes are not quote marks (Trump's, don’t, nations')", () => {
  assert.equal(quotes("Trump's plan and Japan’s plan don’t match the nations' trade goals at all.").length, 0);
});

test('marks: a glued sentence "energy.\'The goal is …,\' X told AFP"', () => {
  const q = one("Japan needs energy.'The goal is to present a strong offer to the president,' Sheila Smith, a senior fellow at a think tank, told AFP.");
  assert.equal(q.text, 'The goal is to present a strong offer to the president');
  assert.equal(q.who, 'Sheila Smith');
});

test('marks: a closing mark glued to the next sentence ("sticky.\'Trump")', () => {
  const q = one("Smith noted, 'That could get a bit sticky for everyone.'Trump's tariffs came next.");
  assert.equal(q.text, 'That could get a bit sticky for everyone.');
  assert.equal(q.who, 'Sheila Smith');
});

test('marks: scare quotes of fewer than four words are skipped', () => {
  assert.equal(quotes("They hope for a 'golden age' and 'new heights' under an \"America First\" agenda.").length, 0);
});

test('marks: a plural possessive inside a single-quoted quote does not close it', () => {
  const q = one("'We protect the nations' trade and our workers,' Jones said.");
  assert.equal(q.text, "We protect the nations' trade and our workers");
});

test('marks: inch marks are not quotes', () => {
  assert.equal(findQuoteSpans('It has a 5" screen and a 7" one.').length, 0);
});

// --- speakers -----------------------------------------------------------------------------------------------------

test('speaker: "…," said Smith', () => {
  const q = one('"We will protect the alliance at all costs," said Smith.');
  assert.equal(q.who, 'Sheila Smith');
  assert.equal(q.said, 'Smith');
  assert.equal(q.attribution, 'name');
});

test('speaker: "…," said a title and a name', () => {
  assert.equal(one('"We will protect the alliance at all costs," said Prime Minister Shigeru Ishiba.').who, 'Shigeru Ishiba');
});

test('speaker: Smith said: "…"', () => {
  assert.equal(one('Smith said: "We will protect the alliance at all costs."').who, 'Sheila Smith');
});

test('speaker: Smith noted, "…"', () => {
  assert.equal(one('Smith noted, "We will protect the alliance at all costs."').who, 'Sheila Smith');
});

test('speaker: "…," X told AFP (the agency is not the speaker)', () => {
  const q = one('"I hope the two sides find other ways to cooperate," Jones told AFP.');
  assert.equal(q.who, 'Robert Jones');
});

test('speaker: "…," X, an appositive, told AFP', () => {
  const q = one('"The intention is to present a strong offer," Sheila Smith, senior fellow at the Council, told AFP.');
  assert.equal(q.who, 'Sheila Smith');
});

test('speaker: "…", X recently told parliament (adverb)', () => {
  assert.equal(one('Tokyo must "continue to secure the commitment to the region", Ishiba recently told parliament.').who, 'Shigeru Ishiba');
});

test('speaker: according to X', () => {
  assert.equal(one('"The talks will focus on energy and defense," according to the Yomiuri.').who, 'Yomiuri');
});

test('speaker: X stated to a news agency', () => {
  assert.equal(one("'The goal is a strong offer to the president,' Sheila Smith stated to the agency.").who, 'Sheila Smith');
});

test('speaker: ", she said" resolves to the last female or unknown person', () => {
  const text = 'Smith spoke after Jones left. "This is probably a calm reassurance meeting," she said.';
  const q = one(text, [SMITH, { ...JONES, gender: 'm' }]);
  assert.equal(q.who, 'Sheila Smith');
  assert.equal(q.said, 'she');
  assert.equal(q.attribution, 'pronoun');
});

test('speaker: "she" skips a known man, "he" skips a known woman', () => {
  const she = one('Smith met Jones. "We reached a good and fair deal today," she said.', [{ ...SMITH, gender: 'f' }, { ...JONES, gender: 'm' }]);
  assert.equal(she.who, 'Sheila Smith');
  const he = one('Jones met Smith. "We reached a good and fair deal today," he said.', [{ ...SMITH, gender: 'f' }, { ...JONES, gender: 'm' }]);
  assert.equal(he.who, 'Robert Jones');
});

test('speaker: gender from a first name when the recognizer gave none', () => {
  // "Sheila" is a female first name in the lexicon, "Robert" a male one.
  const q = one('Sheila Smith met Robert Jones. "We reached a good and fair deal today," he said.');
  assert.equal(q.who, 'Robert Jones');
});

test('speaker: a pronoun ignores names inside the quote', () => {
  const q = one('Jones spoke first. "I hope Ishiba will show the way forward," he said.', [{ ...JONES, gender: 'm' }, ISHIBA]);
  assert.equal(q.who, 'Robert Jones');
});

test('speaker: the sentence subject of ", stating, “…”"', () => {
  const q = one('Trump welcomed Ishiba warmly, stating, “It is a great honor to be with him.”');
  assert.equal(q.who, 'Donald Trump');
});

test('speaker: an attribution elsewhere in the sentence', () => {
  const q = one('The summit could be calm, Smith said, as Trump "has a fairly strong commitment to allies".');
  assert.equal(q.who, 'Sheila Smith');
});

test('speaker: "X and Y said" is nobody alone', () => {
  const q = one('In their statement Ishiba and Trump said they "opposed any attempts to change the status quo".');
  assert.equal(q.speaker, undefined);
});

test('speaker: "it said" for an organization', () => {
  const q = one('The Yomiuri reported on the plan. "Both sides will state their firm commitment," it said.');
  assert.equal(q.who, 'Yomiuri');
});

test('speaker: none named', () => {
  assert.equal(one('The statement referred to "efforts to reinforce its defense capabilities beyond 2027".').speaker, undefined);
});

test('speaker: a new sentence after a finished quote is not an attribution', () => {
  const q = one('"We will protect the alliance at all costs." Smith then visited the factory floor with workers and managers.');
  assert.equal(q.speaker, undefined);
});

// --- quotes over several paragraphs ----------------------------------------------------------------------------

test('continued: a quote left open continues in the next paragraph, both pieces credited', () => {
  const text = '"We have worked for years on this plan," Smith said. "It covers energy and trade\n\n"and it will last for a decade at least," she added.';
  const list = quotes(text, [SMITH]);
  assert.equal(list.length, 3);
  assert.ok(list.every((q) => q.who === 'Sheila Smith'));
  assert.equal(list[1].text, 'It covers energy and trade');
  assert.equal(list[2].text, 'and it will last for a decade at least');
});

test('continued: the name given in a later piece passes back to the first', () => {
  const text = '"It covers energy and trade across the region\n\n"and it will last for a decade," Smith said.';
  const list = quotes(text, [SMITH]);
  assert.equal(list.length, 2);
  assert.equal(list[0].who, 'Sheila Smith');
  assert.equal(list[0].attribution, 'previous');
});

test('inherit: an unattributed quote in the next paragraph inherits', () => {
  const text = '"We will protect the alliance at all costs," Smith said.\n\n"There is no other choice for us now."';
  const list = quotes(text, [SMITH]);
  assert.equal(list[1].who, 'Sheila Smith');
  assert.equal(list[1].attribution, 'previous');
});

test('inherit: in the same paragraph too', () => {
  const list = quotes('"We will protect the alliance," Smith said. "There is no other choice for us now."', [SMITH]);
  assert.equal(list[1].who, 'Sheila Smith');
});

test('inherit: not two paragraphs later', () => {
  const text = '"We will protect the alliance at all costs," Smith said.\n\nMarkets were calm.\n\n"There is no other choice for us now."';
  assert.equal(quotes(text, [SMITH])[1].speaker, undefined);
});

test('inherit: not across another name', () => {
  const text = '"We will protect the alliance at all costs," Smith said. Jones disagreed. "There is no other choice for us now."';
  assert.equal(quotes(text, [SMITH, JONES])[1].speaker, undefined);
});

// --- spans ----------------------------------------------------------------------------------------------------

test('span: start/end cover the words inside the marks', () => {
  const text = 'Smith said: "We will protect the alliance at all costs."';
  const q = one(text);
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal(q.uri, 'file:///doc.txt');
});

test('span: a trailing comma inside the marks is left out', () => {
  assert.equal(one('"We will protect the alliance at all costs," said Smith.').text.endsWith('costs'), true);
});

test('speaker: a name between the verb and the quote may own the words: nobody', () => {
  assert.equal(one('Smith said Trump had called the deal "a disaster for everyone involved".').speaker, undefined);
});

test('speaker: the one told may stand between ("Smith told AFP: …")', () => {
  assert.equal(one('Smith told AFP: "We will protect the alliance at all costs."').who, 'Sheila Smith');
});

test('speaker: a name that is only the topic between the verb and the quote does not block', () => {
  const q = one('Trump announced that Acme Steel "will be making an investment rather than a purchase."', [TRUMP, org('Acme Steel')]);
  assert.equal(q.who, 'Donald Trump');
});

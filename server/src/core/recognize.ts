// Finds proper-noun runs in tokenized text and types them as person, organization or place from the words
// themselves (lexicon, suffixes, acronyms) and from their context (titles, "said", "the X newspaper", "in X").
// No lists of particular people: a name is recognized by how the text uses it.
import type { EntityKind, Span, Token } from './types';
import type { TokenizedText } from './tokenize';
import {
  COMMON_WORDS, DEMONYMS, FEMALE_NAMES, FEMALE_TITLES, FIRST_NAMES, KNOWN_ORGANIZATIONS, MALE_TITLES, NAME_CONNECTORS,
  NAME_EQUIVALENTS, NEVER_NAMES, NON_ENTITY_ACRONYMS, ORG_NOUNS_AFTER, ORG_SUFFIXES, PERSON_PARTICLES, PERSON_TITLES,
  PERSON_DESCRIPTION, PLACE_SUFFIXES, PLACES, SPEECH_VERBS, STRONG_PERSON_TITLES, LAST_NAMES, MALE_NAMES, DIRECTIONS,
} from './lexicon';
import { MEMO_MAX_LENGTH, foldName, hasPossessive, initials, isAcronym, stripPossessive } from './names';

/** A candidate name found in the text, typed when the evidence allows. */
export interface NameRun extends Span {
  /** Name words as written, possessive ending removed. */
  words: string[];
  text: string;
  kind?: EntityKind;
  /** True when nothing but capitals supports it (sentence start, heading, no cue): kept only if a firmer mention matches. */
  weak: boolean;
  gender?: 'm' | 'f';
  /** Title or role written before the name ("Japanese Prime Minister", "SoftBank founder"), for descriptions. */
  title?: Span & { text: string };
  /** An acronym this run introduces in parentheses right after it: "Liberal Democratic Party (LDP)". */
  acronym?: Span & { text: string };
  /** Index of the run's last token, for context look-ups. */
  lastToken: number;
  firstToken: number;
}

/** First character an uppercase letter (ASCII answered without a regex). */
const isCapitalized = (word: string) => {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}]/u.test(word);
};
const bare = (word: string) => {
  const stripped = stripPossessive(word);
  return stripped.charCodeAt(stripped.length - 1) === 46 ? stripped.slice(0, -1) : stripped;
};
const lowered = new Map<string, string>();
/** The folded bare word, memoized: the recognizer asks for it many times per token. */
const lower = (word: string) => {
  let out = lowered.get(word);
  if (out === undefined) {
    out = foldName(bare(word));
    if (lowered.size >= 200_000) lowered.clear();
    if (word.length < MEMO_MAX_LENGTH) lowered.set(word, out);
  }
  return out;
};

/** Words of a run that are titles ("President", "Prime Minister", "Mr.") rather than the name. */
function isTitleWord(word: string): boolean {
  return PERSON_TITLES.has(lower(word));
}

export function findNameRuns(text: string, tokenized: TokenizedText, lowercaseVocabulary: ReadonlySet<string>): NameRun[] {
  const { tokens, joinedLeft } = tokenized;
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!startsName(tokens[i])) {
      i++;
      continue;
    }
    // Gather a maximal run of capitalized words, hyphen-joined parts and inner connectors.
    let j = i;
    let end = i;
    while (j < tokens.length) {
      const t = tokens[j];
      if (t.sentence !== tokens[i].sentence && j > i) break;
      // An initial's dot ("Donald J. Trump") stays inside the name.
      if (t.text === '.' && j > i && /^\p{Lu}$/u.test(tokens[j - 1].text) && joinedLeft[j] && tokens[j + 1] && isNameWord(tokens[j + 1]) && tokens[j + 1].sentence === t.sentence) {
        j++;
        continue;
      }
      if (isNameWord(t) || (j > i && isHyphenPart(tokens, joinedLeft, j))) {
        end = j;
        if (hasPossessive(t.text)) break;
        j++;
        continue;
      }
      if (j > i && nicknameAt(tokens, joinedLeft, j)) {
        j += 3; // the quotes and the nickname; the surname follows
        continue;
      }
      // Not before a day, a month or a pronoun: "the United States on Thursday" is a place, then a day.
      if (j > i && NAME_CONNECTORS.has(t.text.toLowerCase()) && j + 1 < tokens.length && isNameWord(tokens[j + 1])
        && !NEVER_NAMES.has(lower(tokens[j + 1].text)) && connectorFits(tokens, i, j)) {
        j++;
        continue;
      }
      break;
    }
    splitAndType(text, tokens, joinedLeft, i, end, runs, lowercaseVocabulary);
    i = end + 1;
  }
  markAcronymDefinitions(text, tokens, runs);
  return runs;
}

function startsName(t: Token): boolean {
  return isNameWord(t);
}

function isNameWord(t: Token): boolean {
  const w = t.text;
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  if (!/^\p{L}/u.test(w)) return false;
  if (!isCapitalized(w)) return false;
  return true;
}

const OPENING_QUOTES = new Set(["'", '"', '‘', '“']);
const CLOSING_QUOTES = new Set(["'", '"', '’', '”']);

/**
 * Ferdinand 'Bongbong' Marcos, Earvin "Magic" Johnson: a quoted nickname of one word at `at`, between a known given
 * name and a capitalized word; the run goes on through it, and its words leave it out.
 */
function nicknameAt(tokens: Token[], joinedLeft: boolean[], at: number): boolean {
  const open = tokens[at];
  const nick = tokens[at + 1];
  const close = tokens[at + 2];
  const after = tokens[at + 3];
  if (!OPENING_QUOTES.has(open.text) || !nick || !close || !after || !CLOSING_QUOTES.has(close.text)) return false;
  if (joinedLeft[at] || !joinedLeft[at + 1] || !joinedLeft[at + 2] || joinedLeft[at + 3]) return false;
  if (after.sentence !== open.sentence || !isNameWord(nick) || !isNameWord(after)) return false;
  return FIRST_NAMES.has(lower(tokens[at - 1].text));
}

/** "Mar-a-Lago", "France-Presse", "Indo-Pacific": parts joined by a hyphen with no spaces. */
function isHyphenPart(tokens: Token[], joinedLeft: boolean[], j: number): boolean {
  const t = tokens[j];
  if (isDash(t.text) && joinedLeft[j] && j + 1 < tokens.length && joinedLeft[j + 1] && /^\p{L}/u.test(tokens[j + 1].text)) return true;
  if (!(isDash(tokens[j - 1]?.text ?? '') && joinedLeft[j] && /^\p{L}/u.test(t.text) && j >= 2 && joinedLeft[j - 1])) return false;
  // A lowercase part belongs to the name only inside it ("Mar-a-Lago"), not at its end ("Commerce-designate").
  return isCapitalized(t.text) || (isDash(tokens[j + 1]?.text ?? '') && joinedLeft[j + 1] && isCapitalized(tokens[j + 2]?.text ?? ''));
}

const isDash = (w: string) => w === '-' || w === '–' || w === '‐';

/** "of", "on", "and" join an organization's or a place's name only after a word that announces one. */
function connectorFits(tokens: Token[], from: number, at: number): boolean {
  const connector = tokens[at].text.toLowerCase();
  const before = tokens.slice(from, at).map((t) => lower(t.text));
  if (connector === '&') return true;
  if (connector === 'and') return before.some((w) => ORG_SUFFIXES.has(w)) && tokens.slice(from, at).some((t) => t.text.toLowerCase() === 'of');
  if (PERSON_PARTICLES.has(connector) && !['of', 'on', 'for', 'and'].includes(connector)) return true;
  const last = before[before.length - 1];
  return ORG_SUFFIXES.has(last) || last === 'secretary' || last === 'minister' || last === 'ministry' || PLACE_SUFFIXES.has(last);
}

/** Splits a capitalized run at titles ("U.S. President Donald Trump" -> place "U.S." + person "Donald Trump"), then types each part. */
function splitAndType(
  text: string, tokens: Token[], joinedLeft: boolean[], from: number, to: number, runs: NameRun[], vocabulary: ReadonlySet<string>,
): void {
  // Drop leading words that are plain words written with a capital (sentence starts, headings).
  let start = from;
  while (start <= to && isDroppableLead(tokens[start], vocabulary, start < to ? tokens[start + 1] : undefined)) start++;
  if (start > to) return;
  // Find a title sequence containing a strong person title followed by a name.
  let titleStart = -1;
  let titleEnd = -1;
  for (let k = start; k <= to; k++) {
    if (STRONG_PERSON_TITLES.has(lower(tokens[k].text))) {
      let a = k;
      while (a > start && (isTitleWord(tokens[a - 1].text) || tokens[a - 1].text.toLowerCase() === 'of')) a--;
      let b = k;
      while (b + 1 <= to && (isTitleWord(tokens[b + 1].text) || (tokens[b + 1].text.toLowerCase() === 'of' && b + 2 <= to))) b++;
      if (b < to && !endsLikeOrgOrPlace(tokens, b + 1, to)) {
        titleStart = a;
        titleEnd = b;
      } else if (b === to && a > start && tokens[to + 1]?.text === '.' && tokens[to + 1].start === tokens[to].end && STRONG_PERSON_TITLES.has(lower(tokens[to].text))) {
        // An abbreviated title ends the run and its name follows the dot: "New York Gov. Kathy Hochul".
        typeRun(text, tokens, joinedLeft, start, a - 1, runs, vocabulary, undefined);
        return;
      }
      break;
    }
  }
  if (titleStart >= 0) {
    // What stands before the title is a name of its own ("U.S.", "SoftBank") or a demonym.
    if (titleStart > start) typeRun(text, tokens, joinedLeft, start, titleStart - 1, runs, vocabulary, undefined);
    const titleSpan = { start: tokens[titleStart].start, end: tokens[titleEnd].end, text: '' };
    // Extend the title description leftwards over a demonym or place before it ("Japanese Prime Minister").
    // A demonym dropped from the name still belongs to the title ("Japanese Prime Minister").
    let lead = start;
    while (lead > from && titleStart === start && DEMONYMS.has(lower(tokens[lead - 1].text))) lead--;
    const left = titleStart > start ? tokens[start].start : tokens[lead].start;
    titleSpan.start = left;
    titleSpan.text = text.slice(titleSpan.start, titleSpan.end);
    typeRun(text, tokens, joinedLeft, titleEnd + 1, to, runs, vocabulary, titleSpan, tokens.slice(titleStart, titleEnd + 1).map((t) => lower(t.text)));
    return;
  }
  typeRun(text, tokens, joinedLeft, start, to, runs, vocabulary, undefined);
}

function endsLikeOrgOrPlace(tokens: Token[], from: number, to: number): boolean {
  const last = lower(tokens[to].text);
  return ORG_SUFFIXES.has(last) || (PLACE_SUFFIXES.has(last) && to > from);
}

/** A capitalized first word that is an ordinary word ("However", "Analysts", "The"), a demonym or a month. */
function isDroppableLead(t: Token, vocabulary: ReadonlySet<string>, next: Token | undefined): boolean {
  const w = lower(t.text);
  if (NEVER_NAMES.has(w) && !(next && isDash(next.text) && next.start === t.end)) return true;
  if (PERSON_TITLES.has(w) && next && isNameWord(next)) return false;
  // The first word of a known two-word place or body: "New York", "Hong Kong".
  if (next) {
    const pair = w + ' ' + lower(next.text);
    if (PLACES.has(pair) || KNOWN_ORGANIZATIONS.has(pair)) return false;
  }
  if (isAcronym(bare(t.text))) return false;
  if (DEMONYMS.has(w)) return !!next;
  if (!t.sentenceStart && !t.inHeading) return false;
  if (FIRST_NAMES.has(w) || PLACES.has(w) || LAST_NAMES.has(w)) return false;
  return COMMON_WORDS.has(w) || vocabulary.has(w);
}

function typeRun(
  text: string, tokens: Token[], joinedLeft: boolean[], from: number, to: number, runs: NameRun[],
  vocabulary: ReadonlySet<string>, title: (Span & { text: string }) | undefined, titleWords: string[] = [],
): void {
  // Trim trailing connectors and titles.
  while (to >= from && (NAME_CONNECTORS.has(tokens[to].text.toLowerCase()) || isDash(tokens[to].text))) to--;
  while (from <= to && (DEMONYMS.has(lower(tokens[from].text)) && from < to) && !endsLikeOrgOrPlace(tokens, from, to)) from++;
  if (from > to) return;
  const first = tokens[from];
  const last = tokens[to];
  const words: string[] = [];
  for (let k = from; k <= to; k++) {
    if (k > from && nicknameAt(tokens, joinedLeft, k)) {
      k += 2;
      continue;
    }
    const t = tokens[k].text;
    words.push(isDash(t) ? '-' : k === to ? stripPossessive(t) : t);
  }
  // Party-and-state tags ("R-TN") and single letters are not names.
  if (joinedLength(words) <= 5 && /^\p{Lu}{1,2}-\p{Lu}{2}$/u.test(words.join(''))) return;
  const nameText = text.slice(first.start, last.end - (last.text.length - stripPossessive(last.text).length));
  const lowerWords = words.filter((w) => w !== '-').map((w) => lower(w));
  const single = lowerWords.length === 1;
  if (single && (NEVER_NAMES.has(lowerWords[0]) || DEMONYMS.has(lowerWords[0]))) return;
  if (DEMONYMS.has(lowerWords[lowerWords.length - 1]) && !endsLikeOrgOrPlace(tokens, from, to)) return;
  if (single && lowerWords[0].length < 2) return;
  if (single && NON_ENTITY_ACRONYMS.has(bare(words[0]).replace(/\./g, '').toUpperCase()) && isAcronym(bare(words[0]))) return;
  // A plain word capitalized by its place is no name, but an abbreviation in capitals ("U.S.", "US") is written so on purpose.
  const shapes = words.filter((w) => w !== '-');
  if (lowerWords.every((w, k) => NEVER_NAMES.has(w) || COMMON_WORDS.has(w) && !isAcronym(bare(shapes[k])) && (first.sentenceStart || first.inHeading))) return;
  // A number after a month-like word is a date, not a name.
  if (single && /^\d/.test(tokens[to + 1]?.text ?? '') && NEVER_NAMES.has(lowerWords[0])) return;
  // "Ishiba-Trump" may be two names; after a title or honorific ("Ms. Okonkwo-Baptiste") it is one person's.
  /** The word before the run, as typing and gender read it. */
  const before = wordBefore(tokens, from);
  // A hyphenated place of its own ("Indo-Pacific", "Asia-Pacific") is not a pair either.
  const pair = isNamePair(words) && !titleWords.some((w) => STRONG_PERSON_TITLES.has(w)) && !HONORIFICS.has(before)
    && !PLACES.has(lowerWords.join(' '));
  const run: NameRun = {
    start: first.start, end: first.start + nameText.length, words: pair ? words : words.filter((w) => w !== '-'), text: nameText,
    weak: false, title, firstToken: from, lastToken: to,
  };
  const evidence = pair ? { kind: undefined, weak: true } : typeFromContext(text, tokens, from, to, lowerWords, titleWords, vocabulary, before);
  run.kind = evidence.kind;
  run.weak = evidence.weak || first.inHeading;
  run.gender = genderOf(lowerWords, titleWords, before) ?? genderOfRoleBefore(tokens, from);
  if (!run.title && run.kind === 'person') run.title = lowercaseTitleBefore(text, tokens, from);
  // Hyphen-joined places ("US-Japan") are two mentions.
  const parts = words.includes('-') ? words.join(' ').split(' - ').map((p) => lower(p)) : [];
  if (parts.length > 1 && parts.filter((p) => placeKind(p) === 'place').length >= 2) {
    let k = from;
    for (let m = from; m <= to + 1; m++) {
      if (m > to || isDash(tokens[m].text)) {
        typeRun(text, tokens, joinedLeft, k, m - 1, runs, vocabulary, undefined);
        k = m + 1;
      }
    }
    return;
  }
  runs.push(run);
}

function joinedLength(words: string[]): number {
  let n = 0;
  for (const w of words) n += w.length;
  return n;
}

/** "Ishiba-Trump": two capitalized names joined by a hyphen, each to be resolved on its own. */
export function isNamePair(words: string[]): boolean {
  return words.length === 3 && words[1] === '-' && /^\p{Lu}\p{Ll}/u.test(words[0]) && /^\p{Lu}\p{Ll}/u.test(words[2]);
}

function placeKind(word: string): EntityKind | undefined {
  if (PLACES.has(word) || NAME_EQUIVALENTS.has(word) && !['un', 'eu'].includes(NAME_EQUIVALENTS.get(word)!) || word === 'us' || word === 'uk') return 'place';
  return undefined;
}

interface Evidence { kind?: EntityKind; weak: boolean }

function typeFromContext(
  text: string, tokens: Token[], from: number, to: number, words: string[], titleWords: string[], vocabulary: ReadonlySet<string>, prevWord: string,
): Evidence {
  const phrase = words.join(' ');
  const lastWord = words[words.length - 1];
  const firstWord = words[0];
  const next = tokens[to + 1];
  const nextWord = next?.text.toLowerCase() ?? '';
  const afterPossessive = hasPossessive(tokens[to].text) ? nextWord : (next?.text === "'" || next?.text === '’') && tokens[to + 2]?.text === 's' ? tokens[to + 3]?.text.toLowerCase() ?? '' : '';
  const firstToken = tokens[from];
  const plainCapital = firstToken.sentenceStart || firstToken.inHeading;
  if (titleWords.some((w) => STRONG_PERSON_TITLES.has(w))) return { kind: 'person', weak: false };
  if (words.length === 1 && isAcronym(bare(tokens[from].text))) {
    return { kind: placeKind(firstWord) ?? 'organization', weak: false };
  }
  if (KNOWN_ORGANIZATIONS.has(phrase)) return { kind: 'organization', weak: false };
  const equivalent = NAME_EQUIVALENTS.get(phrase);
  if (equivalent && ['un', 'eu'].includes(equivalent)) return { kind: 'organization', weak: false };
  if (placeKind(phrase)) return { kind: 'place', weak: false };
  if (words.length > 1 && (DIRECTIONS.has(firstWord) || firstWord === 'indo') && (placeKind(words.slice(1).join(' ')) || !COMMON_WORDS.has(lastWord))) return { kind: 'place', weak: false };
  if (ORG_SUFFIXES.has(lastWord) && words.length > 1) return { kind: 'organization', weak: false };
  if (words.includes('&')) return { kind: 'organization', weak: false };
  if (words.length > 2 && words.some((w) => ORG_SUFFIXES.has(w)) && words.some((w) => w === 'of' || w === 'on' || w === 'for')) return { kind: 'organization', weak: false };
  if (PLACE_SUFFIXES.has(lastWord) && words.length > 1) return { kind: 'place', weak: false };
  if (isAcronymDefinitionAfter(tokens, to)) return { kind: FIRST_NAMES.has(firstWord) && words.length <= 3 ? 'person' : 'organization', weak: false };
  if (ORG_NOUNS_AFTER.has(nextWord) || ORG_NOUNS_AFTER.has(afterPossessive)) return { kind: 'organization', weak: false };
  if (ROLE_BEFORE.has(prevWord) || HONORIFICS.has(prevWord) || lowercaseTitleBefore(text, tokens, from)) return { kind: 'person', weak: false };
  // "Frank Duda, a crane operator who ...": an appositive only a person takes.
  const appositive = next?.text === ',' ? text.slice(next.end, next.end + 80).trimStart() : '';
  const describedAsPerson = appositive !== '' && PERSON_DESCRIPTION.test(appositive);
  if (words.length >= 2 && words.length <= 4 && describedAsPerson && !ORG_SUFFIXES.has(lastWord)) return { kind: 'person', weak: false };
  const personish = words.length >= 2 && words.length <= 4 && FIRST_NAMES.has(firstWord) && !COMMON_WORDS.has(lastWord);
  if (personish) return { kind: 'person', weak: false };
  // A speech verb or an age after the name ("Smith said", "Smith, 68,"): a person's, whatever the name's length.
  const saysOrAged = SPEECH_VERBS.has(nextWord) || (next?.text === ',' && AGE_AFTER.test(text.slice(next.end, next.end + 6)));
  const speaks = saysOrAged || APPOSITIVE_AFTER.test(appositive);
  // A single word needs more: "Stargate, a venture with OpenAI" is described, but not as a person.
  const speaksAsPerson = saysOrAged || describedAsPerson || PERSON_APPOSITIVE_START.test(appositive);
  const said = tokens[from - 1] && (prevWord === 'said' || prevWord === 'says' || prevWord === 'by') && !plainCapital;
  const allUnknown = words.every((w) => !COMMON_WORDS.has(w) && !vocabulary.has(w));
  const verbFollows = /^[a-z]+$/.test(next?.text ?? '') && !NAME_CONNECTORS.has(nextWord);
  if (words.length >= 2 && words.length <= 3 && allUnknown && (speaks || said || !plainCapital || (firstToken.sentenceStart && verbFollows))) return { kind: 'person', weak: false };
  if (words.length >= 2 && !allUnknown && !plainCapital) return { kind: 'organization', weak: !ORG_NOUNS_AFTER.has(nextWord) };
  if (words.length === 1) {
    if (speaksAsPerson && !plainCapital && (LAST_NAMES.has(firstWord) || allUnknown)) return { kind: 'person', weak: false };
    if (speaksAsPerson && LAST_NAMES.has(firstWord)) return { kind: 'person', weak: false };
    // "Trump said ..." opening a sentence: likely the surname of someone named in full elsewhere; a candidate only.
    if (speaksAsPerson && allUnknown && !firstToken.inHeading) return { kind: 'person', weak: true };
    // "Komeito, the junior coalition partner": described, not as a person; a candidate body.
    if (speaks && allUnknown && !firstToken.inHeading) return { kind: 'organization', weak: true };
    return { kind: undefined, weak: true };
  }
  return { kind: undefined, weak: true };
}

/** Honorifics written before a surname that prove a person: "Mr. Ishiba", "Dr. Okafor". */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'sir', 'dame', 'madam']);

/** The lowercased word before a token, looking past the dot of an abbreviation ("Mrs. Abe" -> "mrs"). */
function wordBefore(tokens: Token[], from: number): string {
  const prev = tokens[from - 1];
  if (!prev) return '';
  const before = tokens[from - 2];
  // Only a dot that did not end the sentence (an abbreviation's) is looked past: not "... the president. Conclusion".
  if (prev.text === '.' && before && before.end === prev.start && before.sentence === tokens[from].sentence && /^\p{L}+$/u.test(before.text)) return before.text.toLowerCase();
  return prev.text.toLowerCase();
}

const ROLE_BEFORE = new Set(['founder', 'ceo', 'chairman', 'chairwoman', 'spokesman', 'spokeswoman', 'spokesperson', 'fellow', 'analyst', 'professor', 'economist', 'minister', 'president', 'secretary', 'senator', 'lawmaker', 'ambassador', 'director', 'adviser', 'advisor', 'researcher', 'official', 'executive', 'commentator', 'correspondent', 'reporter', 'editor', 'lady', 'wife', 'husband', 'widow', 'son', 'daughter', 'mother', 'father', 'leader', 'premier', 'chancellor', 'governor', 'mayor', 'general', 'envoy', 'strategist', 'scholar', 'expert', 'historian', 'diplomat', 'negotiator', 'chief', 'head']);
const AGE_AFTER = /^\s*\d{1,3}\s*,/;
const APPOSITIVE_AFTER = /^(?:a|an|the|who|whose|former|senior|chief|deputy)\s/;
/** Appositives after a single word that speak of a person whatever follows: "Smith, who ...", "Son, former ...". */
const PERSON_APPOSITIVE_START = /^(?:who|former|senior|chief|deputy)\s/;

/** Lowercase role words right before a name: "SoftBank founder Masayoshi Son", "senior fellow Sheila Smith". */
function lowercaseTitleBefore(text: string, tokens: Token[], from: number): (Span & { text: string }) | undefined {
  let k = from - 1;
  let found = false;
  while (k >= 0 && k >= from - 4 && /^[a-z][a-z-]*$/.test(tokens[k].text) && (ROLE_BEFORE.has(tokens[k].text) || PERSON_TITLES.has(tokens[k].text) || (found && /^(?:former|late|first|senior|deputy|vice|chief|executive|prime)$/.test(tokens[k].text)))) {
    if (ROLE_BEFORE.has(tokens[k].text)) found = true;
    k--;
  }
  if (!found) return undefined;
  let start = tokens[k + 1].start;
  // Take in the organization or place that owns the role ("SoftBank founder", "Japan's foreign minister").
  while (k >= 0 && tokens[k].sentence === tokens[from].sentence && (isNameWord(tokens[k]) && (!tokens[k].sentenceStart || !COMMON_WORDS.has(lower(tokens[k].text))) || /^['’]s$/.test(tokens[k].text)) && k >= from - 8) {
    start = tokens[k].start;
    k--;
  }
  return { start, end: tokens[from - 1].end, text: text.slice(start, tokens[from - 1].end) };
}

function isAcronymDefinitionAfter(tokens: Token[], to: number): boolean {
  return tokens[to + 1]?.text === '(' && isAcronym(tokens[to + 2]?.text ?? '') && tokens[to + 3]?.text === ')';
}

function genderOf(words: string[], titleWords: string[], prev: string): 'm' | 'f' | undefined {
  if (titleWords.some((w) => FEMALE_TITLES.has(w))) return 'f';
  if (titleWords.some((w) => MALE_TITLES.has(w))) return 'm';
  const title = prev.endsWith('.') ? prev.slice(0, -1) : prev;
  if (prev && FEMALE_TITLES.has(title)) return 'f';
  if (prev && MALE_TITLES.has(title)) return 'm';
  if (prev === 'lady' || prev === 'wife' || prev === 'widow' || prev === 'daughter' || prev === 'mother') return 'f';
  if (words.length >= 2 && FEMALE_NAMES.has(words[0]) && !MALE_NAMES.has(words[0])) return 'f';
  if (words.length >= 2 && MALE_NAMES.has(words[0]) && !FEMALE_NAMES.has(words[0])) return 'm';
  return undefined;
}

const FEMALE_KIN = new Set(['widow', 'wife', 'daughter', 'mother', 'sister', 'granddaughter', 'grandmother']);
const MALE_KIN = new Set(['widower', 'husband', 'son', 'father', 'brother', 'grandson', 'grandfather']);

/** "Abe's widow, Akie Abe" or "his son, Eric": a kinship noun, a comma, then the name it introduces. */
function genderOfRoleBefore(tokens: Token[], from: number): 'm' | 'f' | undefined {
  const comma = tokens[from - 1];
  const role = tokens[from - 2];
  if (comma?.text !== ',' || !role || role.sentence !== tokens[from].sentence) return undefined;
  if (FEMALE_KIN.has(role.text)) return 'f';
  if (MALE_KIN.has(role.text)) return 'm';
  return undefined;
}

const JOINING_WORDS = /^\s+(?:(?:in|of|on|for|and|the|to|at|de)\s+)+$/;

/**
 * "Committee on Foreign Investment in the United States (CFIUS)": the acronym spells runs joined by small words
 * that the recognizer kept apart; join them into one organization. Returns true when it did.
 */
function joinRunsForAcronym(text: string, tokens: Token[], runs: NameRun[], r: number, acronym: string): boolean {
  for (let k = r - 1; k >= 0 && k >= r - 3; k--) {
    const gap = text.slice(runs[k].end, runs[k + 1].start);
    if (!JOINING_WORDS.test(gap) || tokens[runs[k].lastToken].sentence !== tokens[runs[k + 1].firstToken].sentence) return false;
    const words = tokens.slice(runs[k].firstToken, runs[r].lastToken + 1).map((t) => t.text).filter((w) => /^[\p{L}\p{N}]/u.test(w));
    const significant = words.filter((w) => !/^(?:in|to|at)$/.test(w));
    if (initials(words) !== acronym && initials(significant) !== acronym) continue;
    const first = runs[k];
    const last = runs[r];
    const joined: NameRun = {
      ...first, end: last.end, text: text.slice(first.start, last.end), words: words.map((w, i) => (i === words.length - 1 ? stripPossessive(w) : w)),
      kind: 'organization', weak: false, lastToken: last.lastToken, gender: undefined,
    };
    runs.splice(k, r - k + 1, joined);
    return true;
  }
  return false;
}

/** "Liberal Democratic Party (LDP)": record LDP as the acronym of the run before it, and type the acronym alike. */
function markAcronymDefinitions(text: string, tokens: Token[], runs: NameRun[]): void {
  for (let r = 0; r < runs.length - 1; r++) {
    const run = runs[r];
    const next = runs[r + 1];
    if (!isAcronymDefinitionAfter(tokens, run.lastToken) || next.firstToken !== run.lastToken + 2) continue;
    const acronym = bare(next.words[0]).replace(/\./g, '');
    if (initials(run.words) !== acronym && joinRunsForAcronym(text, tokens, runs, r, acronym)) r = runs.indexOf(next) - 1;
    const run2 = runs[r];
    if (run2 !== run) {
      run2.acronym = { start: next.start, end: next.end, text: acronym };
      next.kind = run2.kind;
      continue;
    }
    const matches = initials(run.words) === acronym || acronym.length >= 2 && initials(run.words).startsWith(acronym[0]);
    if (!matches && run.kind !== 'organization') continue;
    run.acronym = { start: next.start, end: next.end, text: acronym };
    next.kind = run.kind ?? 'organization';
    run.kind = run.kind ?? 'organization';
  }
}

// Around a figure: which noun it measures, which entity owns it and which year it is tied to.
import type { Mention } from '../types';
import {
  STOP_WORDS, isKnownMeasure, isPluralNoun, isQualifier, isVerbish, measureFromVerb, normalizeMeasure, qualify,
} from './measures';
import { DESCRIPTION_MODIFIER, OTHER_MODIFIER, ROLE_NOUN, type MentionIndex } from './mentionIndex';
import { wordsIn, type Word } from './text';

export interface FigureContext {
  text: string;
  index: MentionIndex;
  /** The figure's own span (hedge included) and the clause it sits in. */
  start: number;
  end: number;
  clauseStart: number;
  clauseEnd: number;
  /** The target phrase after the measure ("on Canada and Mexico"), when there is one. */
  targetSpan?: { start: number; end: number };
  /** Where the figure's sentence and the sentence before it start, for definite descriptions ("the company"). */
  sentenceStart?: number;
  previousSentenceStart?: number;
}

export interface Head {
  measure: string;
  /** Offset just after the measure noun itself. */
  nounEnd?: number;
  /** Offset just after the head noun (or the figure when the measure came from before it). */
  after: number;
  /** Where the noun phrase that names the measure starts, when it stands before the figure. */
  npStart?: number;
}

const MULTIWORD = new Set(['gross domestic product', 'death toll', 'service members', 'takeover bid', 'takeover offer', 'buyout offer', 'acquisition offer']);

/** Words following `from` with nothing but spaces between them, stopping at punctuation. */
function adjacentWords(text: string, from: number, limit: number, max: number): Word[] {
  const out: Word[] = [];
  let prevEnd = from;
  for (const w of wordsIn(text, from, Math.min(limit, from + 120), max)) {
    for (let k = prevEnd; k < w.start; k++) if (!/\s/.test(text[k])) return out;
    out.push(w);
    prevEnd = w.end;
  }
  return out;
}

/** The noun phrase right after `from`: its normalized head and any qualifier ("total", "annual"). */
export function headAfter(text: string, from: number, limit: number): Head | undefined {
  const ws = adjacentWords(text, from, limit, 6);
  const run: Word[] = [];
  for (let i = 0; i < ws.length && run.length < 5; i++) {
    const w = ws[i];
    const lw = w.text.toLowerCase();
    if (STOP_WORDS.has(lw) && !(isKnownMeasure(lw) || isQualifier(lw))) break;
    if (/^\d/.test(lw)) break;
    const next = ws[i + 1];
    if (isVerbish(w.text)) {
      const nextNounish = next && !STOP_WORDS.has(next.text.toLowerCase()) && !isVerbish(next.text);
      const prev = run[run.length - 1];
      if ((prev && !/ly$/.test(prev.text)) || !nextNounish) break;
    }
    run.push(w);
    const nextKnown = next && (isKnownMeasure(next.text) || MULTIWORD.has(`${lw} ${next.text.toLowerCase()}`));
    if ((isKnownMeasure(lw) || isPluralNoun(w.text)) && !nextKnown) break;
  }
  while (run.length && (/ly$/.test(run[run.length - 1].text) || isQualifier(run[run.length - 1].text) && run.length > 1 && !isKnownMeasure(run[run.length - 1].text))) run.pop();
  if (!run.length) return undefined;
  const head = run[run.length - 1];
  let noun = head.text;
  let nounWords = 1;
  for (const n of [3, 2]) {
    if (run.length < n) continue;
    const words = run.slice(-n).map((w) => w.text.toLowerCase()).join(' ');
    if (MULTIWORD.has(words)) {
      noun = words;
      nounWords = n;
      break;
    }
  }
  // A lone adjective or a capitalized name is not what is measured.
  if (run.length === 1 && /^[A-Z]/.test(head.text) && !/^[A-Z]{2,}$/.test(head.text)) return undefined;
  const qualifier = run.slice(0, run.length - nounWords).map((w) => w.text).find((w) => isQualifier(w));
  return { measure: qualify(normalizeMeasure(noun), qualifier), after: head.end, nounEnd: head.end };
}

/** The word before `pos` (skipping spaces), with its start. */
function wordBefore(text: string, pos: number): Word | undefined {
  let i = pos;
  while (i > 0 && text[i - 1] === ' ') i--;
  let s = i;
  while (s > 0 && /[A-Za-z0-9'’-]/.test(text[s - 1])) s--;
  if (s === i) return undefined;
  return { text: text.slice(s, i), start: s, end: i };
}

/** "<measure> with|to|from|on|against <Name>" standing between a measure noun and its verb. */
const PARTNER_PHRASE = /([a-z]+)\s+(?:with|to|from|on|against)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*$/;

const COPULAS = /(?:\b(?:is|was|were|are|stood at|stands at|totaled|totalled|totals|reached|reaches|hit|hits|rose to|fell to|climbed to|jumped to|dropped to|grew to|increased to|decreased to|amounted to|came to|of)\s+)$/i;

/** A measure named before the figure: "a deficit of $5bn", "the 2023 surplus was $5bn", "invest $5bn". */
export function headBefore(text: string, figStart: number, clauseStart: number): Head | undefined {
  const before = text.slice(Math.max(clauseStart, figStart - 40), figStart);
  const cop = COPULAS.exec(before);
  if (cop) {
    let nounEnd = figStart - cop[0].length;
    // "The U.S. goods deficit with Japan was $68.5 billion": look past a short phrase naming a partner or target.
    const pp = PARTNER_PHRASE.exec(text.slice(Math.max(clauseStart, nounEnd - 60), nounEnd));
    if (pp && isKnownMeasure(pp[1]) && cop[0].trim().toLowerCase() !== 'of') nounEnd -= pp[0].length - pp[1].length;
    const w = wordBefore(text, nounEnd);
    if (w && w.start >= clauseStart && (isKnownMeasure(w.text) || (cop[0].trim().toLowerCase() === 'of' && /^[a-z]+$/.test(w.text) && !STOP_WORDS.has(w.text) && !isVerbish(w.text)))) {
      // Walk back over qualifiers and years in the noun phrase ("Japan's 2023 trade surplus of").
      let npStart = w.start;
      let qualifier: string | undefined;
      for (let k = 0; k < 3; k++) {
        const p = wordBefore(text, npStart);
        if (!p || p.start < clauseStart || /[^\s]/.test(text.slice(p.end, npStart))) break;
        if (/^(?:19|20)\d\d$/.test(p.text) || isQualifier(p.text)) {
          if (isQualifier(p.text) && !qualifier) qualifier = p.text;
          npStart = p.start;
        } else break;
      }
      return { measure: qualify(normalizeMeasure(w.text), qualifier), after: figStart, npStart, nounEnd: w.end };
    }
  }
  const v = wordBefore(text, figStart);
  if (v && v.start >= clauseStart) {
    const m = measureFromVerb(v.text);
    if (m) return { measure: m, after: figStart, npStart: v.start };
  }
  return undefined;
}

const PERSONISH = ['person', 'organization', 'place'] as const;

/** Verbs that report someone else's statement: what follows is not the subject's own figure. */
const REPORTING = /^(?:said|says|say|told|tells|believes?|thinks?|noted|added|claimed|claims|argued|argues|estimated|estimates|reported|reports|expects?|expected|according|suggested|warned|that|which|who)$/i;

/** The entity owning the figure, by the rules in order; undefined when unsure. */
export function subjectOf(c: FigureContext, head: Head | undefined): number | undefined {
  const { text, index } = c;
  // 1. "Nippon Steel's $14.9 billion bid": possessive right before the figure (or before its noun phrase).
  for (const at of [c.start, head?.npStart]) {
    if (at === undefined) continue;
    const poss = /(['’]s?)\s+$/.exec(text.slice(Math.max(0, at - 6), at));
    if (poss) {
      const m = index.endingAt(at - poss[0].length, text) ?? index.endingAt(at - poss[0].length + poss[1].length, text);
      if (m) return m.local;
      // "the company's $14.9 billion bid": a definite description standing for an entity named before.
      const described = describedEntity(c, c.clauseStart, at - poss[0].length);
      if (described !== undefined) return described;
    }
  }
  // 1b. "The U.S. goods deficit was ...": a name right before the noun phrase, as a modifier.
  if (head?.npStart !== undefined) {
    let e = head.npStart;
    while (e > 0 && text[e - 1] === ' ') e--;
    const m = index.endingAt(e, text);
    if (m && m.start >= c.clauseStart && /(?:^|\b[Tt]he\s+)$/.test(text.slice(Math.max(c.clauseStart, m.start - 4), m.start))) return m.local;
  }
  // 2. "the $14.9 billion bid by Nippon Steel".
  if (head && head.after > c.end) {
    const by = /^\s+(?:by|from)\s+(?:the\s+)?/.exec(text.slice(head.after, head.after + 12));
    if (by) {
      const m = index.startingAt(head.after + by[0].length, text);
      if (m) return m.local;
    }
  }
  // 3. "Masayoshi Son's pledge to invest $100 billion": possessive a few words before, no punctuation between.
  const near = text.slice(Math.max(c.clauseStart, c.start - 60), c.start);
  const short = /([A-Za-z.]+)(['’]s?)\s+((?:[A-Za-z-]+\s+){1,5})$/.exec(near);
  if (short && !/[,;:()"“”]/.test(short[3]) && !short[3].split(/\s+/).some((w) => REPORTING.test(w))) {
    const end = c.start - short[3].length - short[2].length;
    const m = index.endingAt(end, text);
    if (m && !index.between(end, c.start).length) return m.local;
  }
  // 4. The clause's grammatical subject: the first name of the clause, a few words before, nothing in between.
  if (!head) return undefined;
  return clauseSubject(c) ?? subordinateSubject(c) ?? (head.measure === 'visit' ? traveler(c) : undefined);
}

/** Words opening a clause inside a sentence: its subject follows. */
const SUBORDINATOR = /(?:^|[,;]|\b(?:when|while|as|because|since|after|before|although|though|whereas|where|but|and|so))\s+(?:the\s+)?$/i;

/**
 * "Acme first announced its offer in December 2023, when Beta employed about 27,000 people": the subject of the
 * clause holding the figure, opened by a subordinator or a comma, with a short verb phrase before the figure.
 */
function subordinateSubject(c: FigureContext): number | undefined {
  const { text, index } = c;
  const m = index.lastBefore(c.start, Math.max(c.clauseStart, c.start - 80), () => true);
  if (!m || m.start <= c.clauseStart) return undefined;
  if (!SUBORDINATOR.test(text.slice(Math.max(c.clauseStart, m.start - 12), m.start))) return undefined;
  // Not one of a list ("Acme, Beta and Gamma employ ...").
  if (/(?:,|\band|\bor|&)\s*(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 6), m.start)) && index.lastBefore(m.start, m.start - 40, () => true)) {
    const prev = index.lastBefore(m.start, m.start - 40, () => true)!;
    if (/^(?:['’]s)?\s*(?:,|and|or|&)\s*(?:the\s+)?$/i.test(text.slice(prev.end, m.start))) return undefined;
  }
  const gap = text.slice(m.end, c.start);
  const words = gap.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 4 || /[,;:"“”()]/.test(gap)) return undefined;
  if (words.some((w) => REPORTING.test(w))) return undefined;
  if (words.slice(0, -1).some((w) => /^(?:the|a|an|its|their|his|her|our|this|that|these|those)$/i.test(w))) return undefined;
  // A verb right after the subject: "employed", "hosts", "had", "will pay".
  if (!/^(?:[a-z]+(?:ed|s)|had|has|have|is|was|are|were|will|would|can|could|may|might|must|shall|should|paid|spent|made|kept|held|won|lost|got|gave|took|put|set|cut|sold|bought|brought)$/.test(words[0])) return undefined;
  const comma = text.slice(c.end, c.clauseEnd).search(/[,;]/);
  const phraseEnd = comma < 0 ? c.clauseEnd : c.end + comma;
  const after = index.between(c.end, phraseEnd, [...PERSONISH])
    .filter((x) => !(x.kind === 'place' && /\b(?:in|into|across|throughout)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, x.start - 16), x.start))));
  if (after.length) return undefined;
  return m.local;
}

/** Verbs of someone travelling: the trip in their predicate is theirs. */
const TRAVEL = /\b(?:flew|flies|returned|returns|lands|landed|arrived|arrives|left|leaves|heads|headed|travels|travel(?:l)?ed|departed|departs|set off|sets off|embarked|wrapped up|wraps up|began|begins|started|starts|ended|ends|concluded|concludes)\b/;
/** Words before a person showing they are not the sentence's subject ("met with Ishiba", "welcomed Ishiba"). */
const NOT_SUBJECT = /\b(?:with|by|for|to|from|of|and|or|met|meets|welcomed|welcomes|hosted|hosts|received|receives|invited|invites|after|before|when|while|said|says|told)\b/i;

/**
 * "Prime Minister Ishiba flew home on Saturday after a 36-hour visit", "Ishiba, Japan's leader, lands in Washington
 * for a 36-hour visit": the length of a trip belongs to the one person who is the sentence's subject and travels.
 */
function traveler(c: FigureContext): number | undefined {
  const { text, index } = c;
  const from = Math.max(c.sentenceStart ?? c.clauseStart, c.start - 240);
  if (!/\b(?:a|an|his|her|the)\s+$/i.test(text.slice(Math.max(from, c.start - 6), c.start))) return undefined;
  const names = index.between(from, c.start, ['person', 'organization']);
  const persons = names.filter((m) => m.kind === 'person');
  if (!persons.length || new Set(persons.map((m) => m.local)).size !== 1) return undefined;
  const first = persons[0];
  const last = persons[persons.length - 1];
  const lead = text.slice(from, first.start);
  if (lead.trim().split(/\s+/).filter(Boolean).length > 5 || NOT_SUBJECT.test(lead) || /["“”]/.test(lead)) return undefined;
  // After the subject (and an appositive), a short predicate with a travel verb and no punctuation.
  let gap = text.slice(last.end, c.start);
  const appositive = /^(?:['’]s)?\s*,[^,;"“”]{1,80},\s*/.exec(gap);
  if (appositive) gap = gap.slice(appositive[0].length);
  else gap = gap.replace(/^\s*,\s*/, ' ');
  if (gap.length > 120 || /[,;:"“”()]/.test(gap) || !TRAVEL.test(gap)) return undefined;
  if (gap.split(/\s+/).some((w) => REPORTING.test(w))) return undefined;
  if (index.between(c.end, c.clauseEnd, ['person']).length) return undefined;
  return first.local;
}

/** "The Japanese steelmaker will pay ...": a definite description opening the clause, as a pseudo-mention. */
function leadingDescription(c: FigureContext): Mention | undefined {
  const { text } = c;
  const lead = LEADING_DESCRIPTION.exec(text.slice(c.clauseStart, Math.min(c.start, c.clauseStart + 80)));
  if (!lead) return undefined;
  const end = c.clauseStart + lead[0].length;
  const local = describedEntity(c, c.clauseStart, end);
  if (local === undefined) return undefined;
  const entity = c.index.entity(local);
  if (!entity) return undefined;
  return { uri: '', start: c.clauseStart + lead[0].length - lead[0].trimStart().length, end, text: text.slice(c.clauseStart, end).trim(), kind: entity.kind, local };
}

function clauseSubject(c: FigureContext): number | undefined {
  const { text, index } = c;
  // Names after the figure matter up to the end of its phrase (a comma): "pay $55 a share, 40 percent more than
  // where Acme stock closed" is still the payer's.
  const comma = text.slice(c.end, c.clauseEnd).search(/[,;]/);
  const phraseEnd = comma < 0 ? c.clauseEnd : c.end + comma;
  // ... and a place it is spent or counted in ("invest $100 billion in the US") is where, not whose.
  const after = index.between(c.end, phraseEnd, [...PERSONISH])
    .filter((m) => !(m.kind === 'place' && /\b(?:in|into|across|throughout)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, m.start - 16), m.start))));
  let names = index.between(c.clauseStart, c.start, [...PERSONISH]);
  const described = leadingDescription(c);
  if (described && (!names.length || names[0].start >= described.end)) names = [described, ...names];
  if (!names.length) return undefined;
  // "SoftBank founder Masayoshi Son promised ...": an organization naming the person's role is not the subject.
  if (names.length > 1 && names[0].kind === 'organization' && names[1].kind === 'person'
    && ROLE_BETWEEN.test(text.slice(names[0].end, names[1].start))) names = names.slice(1);
  const first: Mention = names[0];
  const lead = text.slice(c.clauseStart, first.start);
  if (lead.trim().split(/\s+/).filter(Boolean).length > 2 || /[,"“”]/.test(lead)) return undefined;
  // "Son stood beside Trump in December and promised to invest $100 billion": a second verb of the subject.
  const conj = /\band\s+((?:[a-z]+\s+){1,3})$/.exec(text.slice(Math.max(first.end, c.start - 40), c.start));
  if (conj && /(?:ed|s)\s/.test(conj[1]) && !conj[1].split(/\s+/).some((w) => REPORTING.test(w) || /^(?:the|a|an|its|their)$/.test(w))
    && !/[;:"“”()]/.test(text.slice(first.end, c.start)) && !after.length
    && !text.slice(first.end, c.start).split(/\s+/).some((w) => REPORTING.test(w))) return first.local;
  // Between the name and the figure: a short verb phrase, optionally after one appositive ("Japan, a US ally, hosts").
  let gap = text.slice(first.end, c.start);
  const appositive = /^(?:['’]s)?\s*,[^,]{1,80},\s*/.exec(gap);
  let gapStart = first.end;
  if (appositive) {
    gap = gap.slice(appositive[0].length);
    gapStart += appositive[0].length;
  }
  // A short verb phrase only: no reported speech ("Berg has said the company employs ..."), and no other noun
  // phrase opening before the figure's own determiner ("made a $5 billion bid" is fine).
  const gapWords = gap.trim().split(/\s+/).filter(Boolean);
  if (/[,;:"“”()]/.test(gap) || gapWords.length > 5) return undefined;
  if (gapWords.some((w) => REPORTING.test(w))) return undefined;
  if (gapWords.slice(0, -1).some((w) => /^(?:the|a|an|its|their|his|her|our|this|that|these|those)$/i.test(w))) return undefined;
  if (index.between(gapStart, c.start).length) return undefined;
  if (names.some((m) => m.local !== first.local && m.start < gapStart && !appositive)) return undefined;
  // A name after the figure in the same clause may be what the figure is about ("tariffs of 25 percent against
  // Canada"), unless it is the target already folded into the measure.
  if (after.some((m) => !c.targetSpan || m.start < c.targetSpan.start || m.end > c.targetSpan.end)) return undefined;
  return first.local;
}

/** A year the figure is tied to: in its noun phrase, or in "in/for/by 2023" shortly after it. */
export function yearOf(c: FigureContext, head: Head | undefined): number | undefined {
  const { text } = c;
  // Inside the noun phrase: "the 2023 deficit was $5bn", "Japan's 2023 surplus of", "the 2023 $5bn deficit".
  if (head?.npStart !== undefined) {
    const np = /^(19\d\d|20\d\d)\b/.exec(text.slice(head.npStart, head.npStart + 4));
    if (np) return Number(np[1]);
  }
  // After: "in 2023", "by 2027", "in fiscal year 2023", within the clause.
  const tailEnd = Math.min(c.clauseEnd, Math.max(head?.after ?? c.end, c.end) + 80);
  const tail = text.slice(c.end, tailEnd);
  const post = /^[^.;:()]*?\b(?:in|for|during|of|by|through|as of|since|until)\s+(?:(?:the\s+)?(?:fiscal|financial|calendar)\s+(?:year\s+)?|FY\s?)?(19\d\d|20\d\d)\b/.exec(tail);
  if (post) return Number(post[1]);
  // An adjectival year just before: "the 2023 $5bn deficit", "Japan's 2023 $5bn surplus".
  const pre = /(?:\b(?:the|a|an|its|their)|['’]s?)\s+(19\d\d|20\d\d)\s+(?:[a-z-]+\s+){0,2}$/i.exec(text.slice(Math.max(c.clauseStart, c.start - 30), c.start));
  if (pre) return Number(pre[1]);
  // A clause opening "In 2023, ...".
  const lead = /^\s*(?:In|in|For|for|By|by|During|during)\s+(19\d\d|20\d\d)\b/.exec(text.slice(c.clauseStart, c.start));
  if (lead) return Number(lead[1]);
  return undefined;
}

export interface Target {
  /** The first entity named (document-local), or a demonym when no name is given ("on Chinese goods"). */
  local?: number;
  word?: string;
  end: number;
}

const TARGET_LEAD = /^\s+(?:on|against|with|toward|towards)\s+(?:the\s+)?(?:(?:goods|imports|products|exports|shipments|steel|cars)\s+(?:from\s+)?)?/;

/** "tariffs on Canada and Mexico", "deficit with Japan", "levy on Chinese goods": what the measure is aimed at. */
export function targetAfter(text: string, after: number, index: MentionIndex): Target | undefined {
  const t = TARGET_LEAD.exec(text.slice(after, after + 40));
  if (!t) return undefined;
  const at = after + t[0].length;
  const m = index.startingAt(at, text);
  if (m) {
    // The whole list belongs to the target phrase: "on Canada and Mexico".
    let end = m.end;
    for (;;) {
      const more = /^\s*(?:,|and|or|&)\s*/.exec(text.slice(end, end + 8));
      const next = more ? index.startingAt(end + more[0].length, text) : undefined;
      if (!next) break;
      end = next.end;
    }
    return { local: m.local, end };
  }
  const demonym = /^([A-Z][a-z]+(?:an|ese|ish|i|ch))\s+(?:goods|imports|products|exports|steel|cars|companies|firms)\b/.exec(text.slice(at, at + 40));
  if (demonym) return { word: demonym[1].toLowerCase(), end: at + demonym[0].length };
  // "45 trillion yen on defense", "$500 billion on data centers": what money is spent on (the noun phrase, at most
  // two words), so spending on one thing never meets spending on another.
  if (/^\s+on\s+(?:the\s+)?$/.test(t[0])) {
    const np = /^([a-z][a-z-]{2,})(?:\s+([a-z][a-z-]{2,}))?\b/.exec(text.slice(at, at + 40));
    if (np && !STOP_WORDS.has(np[1]) && !isVerbish(np[1])) {
      const two = np[2] && !STOP_WORDS.has(np[2]) && !isVerbish(np[2]);
      return { word: two ? `${np[1]} ${np[2]}` : np[1], end: at + (two ? np[0].length : np[1].length) };
    }
  }
  return undefined;
}

/** Verbs saying a place has troops of others on its soil: "Japan hosts 54,000 US troops". */
const HOSTS = /(?:^|[^A-Za-z])((?:now\s+|currently\s+|still\s+)?(?:hosts|hosted|houses|housed|is\s+home\s+to|was\s+home\s+to))\s+$/;

/**
 * Troops located in a place: "45,000 troops in Japan", "54,000 troops stationed in Japan", "Japan hosts 54,000 US
 * troops". The place is the owner (the count of troops there, whoever sends them). A count that is a part of those
 * troops ("another 2,000", "9,000 troops in Japan will move") or a list of places is not taken.
 */
export function stationedIn(c: FigureContext, head: Head): number | undefined {
  const { text, index } = c;
  if (/\b(?:another|additional|extra|further|more|new)\s+$/i.test(text.slice(Math.max(0, c.start - 16), c.start))) return undefined;
  if (head.nounEnd !== undefined && head.nounEnd > c.end) {
    const lead = /^\s+(?:(?:based|stationed|deployed|posted|garrisoned|serving)\s+)?(?:in|on)\s+(?:the\s+)?/.exec(text.slice(head.nounEnd, head.nounEnd + 40));
    if (lead) {
      const m = index.startingAt(head.nounEnd + lead[0].length, text);
      if (m && m.kind === 'place' && m.end <= c.clauseEnd) {
        const rest = text.slice(m.end, m.end + 40);
        // The place ends the phrase: no list of places, no verb saying what happens to these troops.
        const list = /^\s*(?:,|and\b|or\b|&)\s*(?:and\s+|or\s+)?/.exec(rest);
        const next = list ? index.startingAt(m.end + list[0].length, text) : undefined;
        if (/^\s*(?:[,.;:)—–]|$)/.test(rest) && next?.kind !== 'place') return m.local;
      }
      return undefined;
    }
  }
  const host = HOSTS.exec(text.slice(Math.max(c.clauseStart, c.start - 40), c.start));
  if (!host) return undefined;
  let e = c.start - host[0].length + (host[0].length - host[0].trimStart().length);
  while (e > 0 && text[e - 1] === ' ') e--;
  const m = index.endingAt(e, text);
  if (!m || m.kind !== 'place' || m.start < c.clauseStart) return undefined;
  const lead = text.slice(c.clauseStart, m.start);
  if (lead.trim().split(/\s+/).filter(Boolean).length > 2 || /[,"“”]/.test(lead)) return undefined;
  return m.local;
}

/** Nouns that stand for an organization named before: "the company", "the Japanese steelmaker". */
const ORG_NOUN = '(?:company|firm|group|corporation|conglomerate|giant|business|bank|lender|insurer|retailer|airline|carrier|'
  + 'startup|start-up|manufacturer|producer|supplier|utility|bidder|buyer|acquirer|[a-z]{3,}maker)';
/** "The Japanese steelmaker", "the prime minister": a definite description, up to two modifiers before the noun. */
const DEFINITE = new RegExp(`(?:^|[^A-Za-z])[Tt]he\\s+((?:${DESCRIPTION_MODIFIER}\\s+){0,2}?)(${ORG_NOUN}|${ROLE_NOUN})$`);
/** A definite description opening a clause: "The Japanese steelmaker". */
const LEADING_DESCRIPTION = new RegExp(`^\\s*(?:(?:But|And|So|Now|Meanwhile|Instead),?\\s+)?[Tt]he\\s+(?:${DESCRIPTION_MODIFIER}\\s+){0,2}?(?:${ORG_NOUN}|${ROLE_NOUN})(?![A-Za-z'’-])`);
/** "SoftBank founder Masayoshi Son": the role between an organization and a person. */
const ROLE_BETWEEN = new RegExp(`^\\s+(?:${ROLE_NOUN}|co-founder|chief|head|boss|owner|CEO)\\s+$`, 'i');
/** A role noun and nothing else: "president", "prime minister". */
const ROLE_ONLY = new RegExp(`^${ROLE_NOUN}$`, 'i');

/**
 * The entity a definite description ending at `end` stands for: for a role, the one person of the document holding
 * it; for a company noun, the organization the discourse is about (the one named at the start of the sentence before,
 * or the only organization named since then). Undefined when unsure.
 */
export function describedEntity(c: FigureContext, start: number, end: number): number | undefined {
  const { text, index } = c;
  const d = DEFINITE.exec(text.slice(Math.max(start, end - 60), end));
  if (!d) return undefined;
  const mods = d[1].trim().split(/\s+/).filter(Boolean);
  // "the former president", "the new company", "the other firm": not the one named before.
  if (mods.some((w) => OTHER_MODIFIER.test(w))) return undefined;
  if (ROLE_ONLY.test(d[2])) return index.roleBefore(text, end)?.local;
  const floor = c.previousSentenceStart ?? c.sentenceStart;
  if (floor === undefined) return undefined;
  const descStart = end - d[0].length;
  const orgs = index.between(floor, descStart, ['organization']);
  if (!orgs.length) return undefined;
  // The organization opening the sentence before (or this one): "Nippon Steel said ... acquire U.S. Steel ... The
  // Japanese steelmaker will pay".
  for (const sStart of [c.sentenceStart, c.previousSentenceStart]) {
    if (sStart === undefined || sStart > descStart) continue;
    const first = index.between(sStart, descStart, ['person', 'organization', 'place'])[0];
    if (!first || first.kind !== 'organization') continue;
    const lead = text.slice(sStart, first.start);
    // "Acme and Beta Corp agreed ...": two organizations opening the sentence, either could be "the company".
    const conj = /^(?:['’]s)?\s*(?:,|and\b|or\b|&)\s*/.exec(text.slice(first.end, first.end + 10));
    const coordinated = !!conj && index.startingAt(first.end + conj[0].length, text)?.kind === 'organization';
    if (lead.trim().split(/\s+/).filter(Boolean).length <= 1 && !/[,"“”]/.test(lead) && !coordinated) return first.local;
    if (coordinated) return undefined;
  }
  const ids = new Set(orgs.map((m) => m.local));
  return ids.size === 1 ? orgs[0].local : undefined;
}

const CHANGE_VERB = '(?:rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|tak(?:e|es|ing)|took|bring(?:s|ing)?|brought|expand(?:s|ed|ing)?|grow(?:s|ing)?|grew|doubl(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?)';
/** "raise its investment in the United States to", "taking Japanese investment in the US" (then "from A to B"). */
const CHANGE = new RegExp(`\\b${CHANGE_VERB}\\s+(?:(its|their|his|her|the|[A-Z][\\w.’'-]*(?:\\s+[A-Z][\\w.’'-]*){0,2}['’]s?)\\s+)?((?:[A-Za-z-]+\\s+){0,2}?)([a-z]+)(\\s+(?:in|into|to|for|with|on)\\s+(?:the\\s+)?[A-Z][\\w.’'-]*(?:\\s+[A-Z][\\w.’'-]*){0,3})?\\s+(to\\s+|from\\s+)?$`);

export interface ChangeTarget {
  /** "target investment": what the measure is to become, never the level it has now. */
  measure: string;
  subject?: number;
}

/**
 * A figure a measure is to be changed to: "raise its investment in the US to $1.5 trillion", "taking Japanese
 * investment from $800 billion to $1 trillion". The value is a target, kept apart from what the measure is now; its
 * owner is the possessor ("its" -> the subject it refers to; "Japan's"; "Japanese" -> Japan).
 */
export function changeTarget(c: FigureContext, ranged: boolean): ChangeTarget | undefined {
  const { text, index } = c;
  const before = text.slice(Math.max(c.clauseStart, c.start - 120), c.start);
  const m = CHANGE.exec(before);
  if (!m) return undefined;
  const [, det, modsText, noun, , to] = m;
  // "to $1.5 trillion" after the noun phrase, or a range "from A to B" standing right after it.
  const from = to === undefined ? /^from\b/i.test(text.slice(c.start, c.start + 5)) : /^from/i.test(to);
  if (from ? !ranged : !to) return undefined;
  if (!isKnownMeasure(noun)) return undefined;
  const mods = modsText.trim().split(/\s+/).filter(Boolean);
  if (mods.some((w) => isQualifier(w) && !/^(?:foreign|direct|private|public|military|defense|defence|trade)$/i.test(w))) return undefined;
  const measure = `target ${normalizeMeasure(noun)}`;
  const detStart = c.start - before.length + m.index + m[0].indexOf(det ?? modsText + noun);
  let subject: number | undefined;
  if (det && /['’]s?$/.test(det) && /^[A-Z]/.test(det)) {
    subject = index.endingAt(detStart + det.length, text)?.local ?? index.endingAt(detStart + det.replace(/['’]s?$/, '').length, text)?.local;
  } else if (det && /^its$/i.test(det)) {
    subject = antecedentOfIts(c, detStart);
  } else if (!det || /^the$/i.test(det)) {
    // "Japanese investment": the place the demonym comes from, when the document names it.
    const demonym = mods.find((w) => /^[A-Z][a-z]+(?:an|ian|ese|i|ish|ch)$/.test(w));
    if (demonym) subject = placeOfDemonym(index, demonym);
  }
  return { measure, subject };
}

/**
 * "with Japan promising to raise its investment": "its" is the organization or place just before, standing as a
 * subject (a verb follows it) within a few words, with no other organization or place between.
 */
function antecedentOfIts(c: FigureContext, at: number): number | undefined {
  const { text, index } = c;
  const floor = Math.max(c.sentenceStart ?? c.clauseStart, at - 80);
  const m = index.lastBefore(at, floor, (x) => x.kind === 'organization' || x.kind === 'place');
  if (!m) return undefined;
  const gap = text.slice(m.end, at);
  if (/[,;:"“”()]/.test(gap)) return undefined;
  const words = gap.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 5) return undefined;
  if (!/^(?:[a-z]+(?:ing|ed|s)|will|would|can|could|must|may|might|plans|wants|agreed|promised|pledged|vowed)$/.test(words[0])) return undefined;
  if (index.between(m.end, at, ['person', 'organization', 'place']).length) return undefined;
  // "Japan and Acme agreed ...": either could be "its".
  if (/(?:,|\band|\bor|&)\s*$/.test(text.slice(Math.max(0, m.start - 6), m.start))
    && index.lastBefore(m.start, m.start - 60, () => true)) return undefined;
  return m.local;
}

/** The one place of the document a demonym comes from: "Japanese" -> Japan, "Chinese" -> China, "Canadian" -> Canada. */
function placeOfDemonym(index: MentionIndex, demonym: string): number | undefined {
  const d = demonym.toLowerCase();
  let found: number | undefined;
  const ents = index.analysis.localEntities;
  for (let local = 0; local < ents.length; local++) {
    const e = ents[local];
    if (e.kind !== 'place') continue;
    const hit = [e.name, ...e.names].some((n) => {
      const p = n.toLowerCase();
      if (!/^[a-z]{4,}$/.test(p)) return false;
      // The place name, or all but its last letter or two, then a demonym ending.
      for (const cut of [0, 1, 2]) {
        const stem = p.slice(0, p.length - cut);
        if (stem.length >= 4 && d.startsWith(stem) && /^(?:an|ian|ese|i|ish|n)$/.test(d.slice(stem.length))) return true;
      }
      return false;
    });
    if (!hit) continue;
    if (found !== undefined && found !== local) return undefined;
    found = local;
  }
  return found;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const AS_OF = new RegExp(`\\b(?:in|by|during)\\s+(${MONTHS.join('|')})\\s+((?:19|20)\\d\\d),?\\s+when\\s+[^,;:"“”]*$`, 'i');

/** "in December 2023, when Acme employed about 27,000 people": the month the figure is stated for, YYYY-MM. */
export function asOfMonth(c: FigureContext): string | undefined {
  const m = AS_OF.exec(c.text.slice(Math.max(c.clauseStart, c.start - 120), c.start));
  if (!m) return undefined;
  return `${m[2]}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, '0')}`;
}


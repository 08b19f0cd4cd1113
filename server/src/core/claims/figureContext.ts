// Around a figure: which noun it measures, which entity owns it and which year it is tied to.
import type { Mention } from '../types';
import {
  STOP_WORDS, isKnownMeasure, isPluralNoun, isQualifier, isVerbish, measureFromVerb, normalizeMeasure, qualify,
} from './measures';
import type { MentionIndex } from './mentionIndex';
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
  return clauseSubject(c);
}

function clauseSubject(c: FigureContext): number | undefined {
  const { text, index } = c;
  const names = index.between(c.clauseStart, c.start, [...PERSONISH]);
  if (!names.length) return undefined;
  const first: Mention = names[0];
  const lead = text.slice(c.clauseStart, first.start);
  if (lead.trim().split(/\s+/).filter(Boolean).length > 2 || /[,"“”]/.test(lead)) return undefined;
  // "Son stood beside Trump in December and promised to invest $100 billion": a second verb of the subject.
  const conj = /\band\s+((?:[a-z]+\s+){1,3})$/.exec(text.slice(Math.max(first.end, c.start - 40), c.start));
  if (conj && /(?:ed|s)\s/.test(conj[1]) && !conj[1].split(/\s+/).some((w) => REPORTING.test(w) || /^(?:the|a|an|its|their)$/.test(w))
    && !/[;:"“”()]/.test(text.slice(first.end, c.start)) && !index.between(c.end, c.clauseEnd, [...PERSONISH]).length
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
  if (index.between(c.end, c.clauseEnd, [...PERSONISH]).some((m) => !c.targetSpan || m.start < c.targetSpan.start || m.end > c.targetSpan.end)) return undefined;
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
  return undefined;
}

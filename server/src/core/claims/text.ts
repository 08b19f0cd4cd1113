// Sentence, paragraph and clause boundaries of a text, found in one linear pass and looked up by offset.

/** Words before a period that do not end a sentence ("Mr. Smith", "Feb. 7", "Marcos Jr. said"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'st', 'jr', 'sr',
  'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'rev', 'hon', 'pres', 'adm', 'maj', 'cmdr', 'fig', 'approx', 'est', 'dept', 'univ',
]);

const OPENERS = '"“‘\'(';

function isUpper(ch: string): boolean {
  return ch >= 'A' && ch <= 'Z';
}

function isLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/** True when the period at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && isLetter(text[i])) i--;
  const word = text.slice(i + 1, dot);
  if (word.length === 0) return false;
  // "U.S.", "J. Smith": a single letter before the period.
  if (word.length === 1 && isUpper(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Offsets where sentences start, in order; line breaks always start a new sentence. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = /[.!?]+["'”’)]*|\n+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[0][0] === '\n') {
      if (end < text.length) starts.push(end);
      continue;
    }
    let k = end;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    const after = text[k];
    if (after === undefined || after === '\n') continue;
    const spaced = k > end;
    // Glued sentences ("alliance.'The goal", "parliament.Trump") break only before a capital or an opening quote.
    const ok = isUpper(after) || OPENERS.includes(after) || (spaced && after >= '0' && after <= '9');
    if (!ok) continue;
    if (m[0][0] === '.' && isAbbreviation(text, m.index)) continue;
    starts.push(k);
  }
  return starts;
}

/** Offsets where paragraphs (lines) start. */
export function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the last entry of sorted `starts` that is <= pos. */
export function indexAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Boundaries of sentences and paragraphs, computed once per text. */
export class TextMap {
  readonly sentences: number[];
  readonly paragraphs: number[];
  constructor(readonly text: string) {
    this.sentences = sentenceStarts(text);
    this.paragraphs = paragraphStarts(text);
  }
  sentenceAt(pos: number): { start: number; end: number } {
    const i = indexAt(this.sentences, pos);
    const end = i + 1 < this.sentences.length ? this.sentences[i + 1] : this.text.length;
    return { start: this.sentences[i], end };
  }
  paragraphAt(pos: number): { start: number; end: number; index: number } {
    const i = indexAt(this.paragraphs, pos);
    let end = i + 1 < this.paragraphs.length ? this.paragraphs[i + 1] - 1 : this.text.length;
    if (end < this.paragraphs[i]) end = this.paragraphs[i];
    return { start: this.paragraphs[i], end, index: i };
  }
}

/** How far around a claim its sentence is read, at most. */
export const MAX_REACH = 400;

/** Marks that separate clauses inside a sentence: semicolons, colons, dashes used as punctuation. */
const CLAUSE_BREAK = /;|:(?!\d)|\s[-–—]{1,2}\s|—|–(?=\s)|\s\(|\)\s/g;

/** The clause around [from, to) inside the sentence [sStart, sEnd). */
export function clauseAround(text: string, sStart: number, sEnd: number, from: number, to: number): { start: number; end: number } {
  // A run-on "sentence" (a list, a text without stops) is looked at only near the span: work stays linear.
  sStart = Math.max(sStart, from - MAX_REACH);
  sEnd = Math.min(sEnd, to + MAX_REACH);
  let start = sStart;
  let end = sEnd;
  // Scan the sentence only: a search on the whole text would run on to the next break, however far.
  const sentence = text.slice(sStart, sEnd);
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence)) !== null) {
    const bStart = sStart + m.index;
    const bEnd = bStart + m[0].length;
    if (bEnd <= from) start = bEnd;
    else if (bStart >= to) {
      end = bStart;
      break;
    }
  }
  return { start, end };
}

/** Words of a span: letters, digits, inner hyphens and apostrophes, with their offsets. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*/g;

export function wordsIn(text: string, start: number, end: number, max = Infinity): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = start;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = WORD.exec(text)) !== null && m.index < end) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Splits a document into word tokens with exact UTF-16 offsets, sentence numbers and heading flags.
// Hand-written and linear: one regex pass for words, one pass over lines for headings.
import type { Token } from './types';
import { COMMON_WORDS } from './lexicon';
import { WordScanner } from './wordScanner';

// Words are found by wordScanner.ts (letters with inner apostrophes, abbreviations such as "U.S.", numbers, or
// any other single non-space character); hyphens split words, and `joinedLeft` on the next token records it.

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'st', 'jr', 'sr', 'inc',
  'co', 'corp', 'ltd', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'mt', 'ft', 'rev', 'est', 'approx', 'dept', 'univ', 'e.g', 'i.e', 'etc', 'fig',
]);

export interface TokenizedText {
  tokens: Token[];
  /** For each token, whether it touches the previous one with no space (e.g. after a hyphen or apostrophe). */
  joinedLeft: boolean[];
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const OPENING_MARKS = new Set(['"', '“', '‘', "'", '(', '[', '«', '•', '-', '–', '—', '*', '#', '>']);

export function tokenize(text: string, from = 0): TokenizedText {
  const tokens: Token[] = [];
  const joinedLeft: boolean[] = [];
  const headingLines = findHeadingLines(text, from);
  let sentence = 0;
  let atSentenceStart = true;
  let lastEnd = from;
  let headingIndex = 0;
  const scanner = new WordScanner(text, from);
  while (scanner.next()) {
    const start = scanner.start;
    const word = text.slice(start, scanner.end);
    const gapLength = start - lastEnd;
    if (tokens.length > 0 && gapLength > 0 && hasNewline(text, lastEnd, start)) {
      sentence++;
      atSentenceStart = true;
    }
    while (headingIndex < headingLines.length && headingLines[headingIndex].end <= start) headingIndex++;
    const inHeading = headingIndex < headingLines.length && headingLines[headingIndex].start <= start;
    const isWordToken = isLetterOrNumber(word);
    const token: Token = { start, end: start + word.length, text: word, sentence, sentenceStart: false, inHeading };
    if (isWordToken) {
      token.sentenceStart = atSentenceStart;
      atSentenceStart = false;
    } else if (word === '.' || word === '!' || word === '?') {
      const prev = tokens[tokens.length - 1];
      if (!(word === '.' && prev && isAbbreviation(prev, text))) {
        tokens.push(token);
        joinedLeft.push(gapLength === 0);
        sentence++;
        atSentenceStart = true;
        lastEnd = token.end;
        continue;
      }
    } else if (OPENING_MARKS.has(word)) {
      const next = text[token.end];
      if (next && isUpper(next) && (word === '"' || word === '“' || word === '‘' || word === "'" || word === '•' || word === '*' || word === '#' || word === '>')) {
        atSentenceStart = atSentenceStart || gapLength > 0 || tokens.length === 0 || !/[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ');
      }
    }
    tokens.push(token);
    joinedLeft.push(gapLength === 0);
    lastEnd = token.end;
  }
  return { tokens, joinedLeft };
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Whether a token's first UTF-16 unit is a letter or a number (ASCII answered without a regex). */
function isLetterOrNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /[\p{L}\p{N}]/u.test(word[0]);
}

/** A period after "Mr" or "U.S" or a single capital letter ("Donald J. Trump") does not end the sentence. */
function isAbbreviation(prev: Token, text: string): boolean {
  const lower = prev.text.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (/^\p{Lu}$/u.test(prev.text)) return true;
  // "U.S" is already a token ending in a dot; "parliament.Trump" is a glued sentence end.
  return prev.text.endsWith('.') && text[prev.end] !== ' ';
}

/** Lines that hold only a short title-cased phrase: section headings, captions, headlines. */
export function findHeadingLines(text: string, from = 0): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart <= 160 && isHeading(text.slice(lineStart, lineEnd))) lines.push({ start: lineStart, end: lineEnd });
    lineStart = lineEnd + 1;
  }
  return lines;
}

function isHeading(line: string): boolean {
  const trimmed = line.trim().replace(/^(?:#+|\d+[.)]|[-*•–—])\s*/, '');
  if (!trimmed || /[.!?;,"”]$/.test(trimmed)) return /^#+\s/.test(line.trim());
  const words = trimmed.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 14) return false;
  const content = words.filter((w) => !COMMON_SMALL_WORDS.has(w.toLowerCase()));
  const capitalized = content.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
  return content.length > 0 && capitalized.length / content.length >= 0.75 && words.length >= 1 && (words.length > 1 || COMMON_WORDS.has(words[0].toLowerCase()));
}

const COMMON_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'on', 'in', 'at', 'to', 'for', 'with', 'by', 'as', 'from', 'vs', 'is', 'are', 'be']);

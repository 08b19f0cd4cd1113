// Dates given for events: a day-precise date, the event noun or verb next to it, and the people or bodies taking part.
import type { DocumentAnalysis, DocumentMeta } from '../types';
import { findDates, resolveWeekday, type DateExpression } from './dateExpressions';
import { eventWords, tenseOf } from './events';
import { MentionIndex } from './mentionIndex';
import { MAX_REACH, TextMap } from './text';
import type { EventDate } from './types';

/** Where one event stops and another is introduced inside a sentence ("... on Friday -- days after a press conference"). */
const SEGMENT_BREAK = /;|\s[-–—]{1,2}\s|—|\b(?:ahead of|after|before|following|preceding|since|until|while|whereas|but)\b/gi;

/** How far (in characters) an event word may stand from its date. */
const REACH = 110;

function isDateline(text: string, e: DateExpression, bodyStart: number): boolean {
  // Only the last stretch of the line matters; a search further back would make long lines quadratic.
  const floor = Math.max(bodyStart, e.start - 200);
  let lineStart = e.start;
  while (lineStart > floor && text[lineStart - 1] !== '\n') lineStart--;
  const atLineStart = lineStart === bodyStart || lineStart === 0 || text[lineStart - 1] === '\n';
  const lineBefore = text.slice(lineStart, e.start);
  if (/\b(?:published|updated|posted|last updated|dated?|filed)\b[^.]{0,30}$/i.test(lineBefore)) return true;
  // Inside parentheses on its line: "(APP - ... - 6th Feb, 2025)", "(AFP, Feb 7)".
  const open = lineBefore.lastIndexOf('(');
  if (open >= 0 && lineBefore.indexOf(')', open) === -1) return true;
  // "WASHINGTON, Feb 7 (Reuters) -" and the like, at the start of the body or of a line.
  const after = text.slice(e.end, e.end + 40);
  if (/^,?\s*(?:\d{4}\s*)?(?:\([^)]{1,30}\)\s*)?(?:-|–|—|--)\s/.test(after) && atLineStart && /^(?:[A-Z][A-Z .'/-]*,?)?$/.test(lineBefore.trim())) return true;
  // A bare date on a line of its own.
  let lineEnd = e.end;
  while (lineEnd < text.length && lineEnd - e.end < 60 && text[lineEnd] !== '\n') lineEnd++;
  const toLineEnd = lineEnd === text.length || text[lineEnd] === '\n';
  if (atLineStart && toLineEnd && !lineBefore.trim() && !text.slice(e.end, lineEnd).replace(/[\s,.|·-]/g, '').replace(/\d{1,2}:\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?/gi, '').length) return true;
  return false;
}

/** "said Thursday", "told reporters on Friday": the date of a statement, not of an event. */
function datesASaying(text: string, e: DateExpression): boolean {
  return /\b(?:said|says|say|told|tells|reported|reports|wrote|writes|added|stated|noted|confirmed)\s+(?:\w+\s+)?(?:on\s+)?$/i.test(text.slice(Math.max(0, e.start - 30), e.start));
}

export interface DateScan {
  map?: TextMap;
  index?: MentionIndex;
}

export function extractEventDates(text: string, analysis: DocumentAnalysis, meta: DocumentMeta, shared: DateScan = {}): EventDate[] {
  const map = shared.map ?? new TextMap(text);
  const index = shared.index ?? new MentionIndex(analysis);
  const out: EventDate[] = [];
  const bodyStart = meta.bodyStart ?? 0;
  const all = findDates(text, bodyStart, text.length, meta.date);
  const distance = (d: DateExpression, w: { start: number; end: number }) => (w.start >= d.end ? w.start - d.end : d.start - w.end);
  for (let k = 0; k < all.length; k++) {
    const e = all[k];
    if (isDateline(text, e, bodyStart) || datesASaying(text, e)) continue;
    const whole = map.sentenceAt(e.start);
    const sent = { start: Math.max(whole.start, e.start - MAX_REACH), end: Math.min(whole.end, e.end + MAX_REACH) };
    // The segment of the sentence that holds the date.
    let segStart = sent.start;
    let segEnd = sent.end;
    const sentence = text.slice(sent.start, sent.end);
    SEGMENT_BREAK.lastIndex = 0;
    let b: RegExpExecArray | null;
    while ((b = SEGMENT_BREAK.exec(sentence)) !== null) {
      const bStart = sent.start + b.index;
      const bEnd = bStart + b[0].length;
      if (bEnd <= e.start) segStart = /^[a-z]/i.test(b[0]) ? bStart : bEnd;
      else if (bStart >= e.end) {
        segEnd = bStart;
        break;
      }
    }
    const words = eventWords(text, segStart, segEnd);
    let best: { event: string; dist: number } | undefined;
    // An event word belongs to the nearest date: "set off on Thursday for talks with Trump on Friday".
    const neighbours = [all[k - 1], all[k + 1]].filter((d): d is DateExpression => !!d && d.start < sent.end && d.end > sent.start);
    for (const w of words) {
      const dist = distance(e, w);
      if (dist > REACH || (best && dist >= best.dist)) continue;
      // "talks with Trump on Friday": the first date later in the same phrase is the event's own date; otherwise
      // the nearest date is.
      const dates = [e, ...neighbours];
      const own = dates.filter((d) => d.start >= w.end && d.start - w.end <= REACH && !/[,;:.!?]/.test(text.slice(w.end, d.start)))
        .sort((a, b) => a.start - b.start)[0];
      const owner = own ?? dates.reduce((x, y) => (distance(y, w) < distance(x, w) ? y : x));
      if (owner !== e) continue;
      best = { event: w.event, dist };
    }
    if (!best) continue;
    let date = e.date;
    if (e.weekday !== undefined) date = resolveWeekday(e, meta.date, tenseOf(text.slice(segStart, segEnd)));
    // "On February 6" in an undated document: kept as a month and day; the year is inferred at conflict time.
    const yearless = !date && !!e.monthDay;
    if (yearless) date = `--${e.monthDay}`;
    if (!date) continue;
    let named = index.between(segStart, segEnd, ['person', 'organization']);
    // "Trump and Ishiba declared a golden age after talks at the White House on Friday": the people of the whole
    // sentence, when the part holding the date names no person.
    if (!named.some((m) => m.kind === 'person')) named = index.between(sent.start, sent.end, ['person', 'organization']);
    const participants = [...new Set(named.map((m) => m.local))].sort((x, y) => x - y);
    out.push({ uri: analysis.uri, start: e.start, end: e.end, text: e.text, date, relative: e.relative, event: best.event, participants, ...(yearless ? { yearless } : {}) });
  }
  return out;
}

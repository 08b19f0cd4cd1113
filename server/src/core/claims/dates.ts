// Dates given for events: a day-precise date, the event noun or verb next to it, and the people or bodies taking part.
import type { DocumentAnalysis, DocumentMeta } from '../types';
import { findDates, resolveWeekday, type DateExpression } from './dateExpressions';
import { eventWords, tenseOf } from './events';
import { MentionIndex } from './mentionIndex';
import { TextMap } from './text';
import type { EventDate } from './types';

/** Where one event stops and another is introduced inside a sentence ("... on Friday -- days after a press conference"). */
const SEGMENT_BREAK = /;|\s[-–—]{1,2}\s|—|\b(?:ahead of|after|before|following|preceding|since|until|while|whereas|but)\b/gi;

/** How far (in characters) an event word may stand from its date. */
const REACH = 110;

function isDateline(text: string, e: DateExpression, bodyStart: number): boolean {
  const lineStart = Math.max(bodyStart, text.lastIndexOf('\n', e.start - 1) + 1);
  const lineBefore = text.slice(lineStart, e.start);
  if (/\b(?:published|updated|posted|last updated|dated?|filed)\b[^.]{0,30}$/i.test(lineBefore)) return true;
  // Inside parentheses on its line: "(APP - ... - 6th Feb, 2025)", "(AFP, Feb 7)".
  const open = lineBefore.lastIndexOf('(');
  if (open >= 0 && lineBefore.indexOf(')', open) === -1) return true;
  // "WASHINGTON, Feb 7 (Reuters) -" and the like, at the start of the body or of a line.
  const after = text.slice(e.end, e.end + 40);
  if (/^,?\s*(?:\d{4}\s*)?(?:\([^)]{1,30}\)\s*)?(?:-|–|—|--)\s/.test(after) && /^(?:[A-Z][A-Z .'/-]*,?)?$/.test(lineBefore.trim())) return true;
  // A bare date on a line of its own.
  const lineEnd = text.indexOf('\n', e.end);
  if (!lineBefore.trim() && !text.slice(e.end, lineEnd === -1 ? text.length : lineEnd).replace(/[\s,.|·-]/g, '').replace(/\d{1,2}:\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?/gi, '').length) return true;
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
  for (const e of findDates(text, bodyStart, text.length, meta.date)) {
    if (isDateline(text, e, bodyStart) || datesASaying(text, e)) continue;
    const sent = map.sentenceAt(e.start);
    // The segment of the sentence that holds the date.
    let segStart = sent.start;
    let segEnd = sent.end;
    SEGMENT_BREAK.lastIndex = sent.start;
    let b: RegExpExecArray | null;
    while ((b = SEGMENT_BREAK.exec(text)) !== null && b.index < sent.end) {
      const bEnd = b.index + b[0].length;
      if (bEnd <= e.start) segStart = /^[a-z]/i.test(b[0]) ? b.index : bEnd;
      else if (b.index >= e.end) {
        segEnd = b.index;
        break;
      }
    }
    const words = eventWords(text, segStart, segEnd);
    let best: { event: string; dist: number } | undefined;
    for (const w of words) {
      const dist = w.start >= e.end ? w.start - e.end : e.start - w.end;
      if (dist <= REACH && (!best || dist < best.dist)) best = { event: w.event, dist };
    }
    if (!best) continue;
    let date = e.date;
    if (e.weekday !== undefined) date = resolveWeekday(e, meta.date, tenseOf(text.slice(segStart, segEnd)));
    if (!date) continue;
    const participants = [...new Set(index.between(segStart, segEnd, ['person', 'organization']).map((m) => m.local))].sort((x, y) => x - y);
    out.push({ uri: analysis.uri, start: e.start, end: e.end, text: e.text, date, relative: e.relative, event: best.event, participants });
  }
  return out;
}

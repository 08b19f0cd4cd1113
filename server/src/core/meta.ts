// Reads what a document says about itself: a `key: value` header or YAML front matter (date, title, source,
// author), or failing that a dateline near the top ("TOKYO, Feb 6, 2025 (Wire) -").
import type { DocumentMeta, Span } from './types';

const HEADER_KEYS = new Set(['date', 'title', 'source', 'author', 'publication', 'publisher', 'byline', 'url', 'link', 'published', 'updated', 'tags', 'language', 'section', 'id']);
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

export function readMeta(text: string): DocumentMeta {
  const meta: DocumentMeta = { bodyStart: 0, problems: [] };
  const fields = readFrontMatter(text) ?? readKeyValueHeader(text);
  if (fields) {
    meta.bodyStart = fields.end;
    for (const field of fields.entries) applyField(meta, field);
  }
  if (!meta.date) {
    const dateline = findDateline(text, meta.bodyStart);
    if (dateline) meta.date = dateline;
  }
  if (!meta.source) meta.source = datelineSource(text, meta.bodyStart);
  return meta;
}

interface Field { key: string; value: string; span: Span }

function readFrontMatter(text: string): { entries: Field[]; end: number } | undefined {
  const open = /^\uFEFF?---\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return undefined;
  return { entries: parseLines(text, open[0].length, m.index), end: m.index + m[0].length };
}

function readKeyValueHeader(text: string): { entries: Field[]; end: number } | undefined {
  const entries: Field[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    if (line.trim() === '') break;
    const field = parseLine(line, pos);
    if (!field) return undefined;
    entries.push(field);
    pos = lineEnd + 1;
  }
  if (!entries.some((e) => HEADER_KEYS.has(e.key))) return undefined;
  return { entries, end: Math.min(pos, text.length) };
}

function parseLines(text: string, from: number, to: number): Field[] {
  const out: Field[] = [];
  let pos = from;
  while (pos < to) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const field = parseLine(text.slice(pos, lineEnd).replace(/\r$/, ''), pos);
    if (field) out.push(field);
    pos = lineEnd + 1;
  }
  return out;
}

function parseLine(line: string, offset: number): Field | undefined {
  const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
  if (!m) return undefined;
  let value = m[2].trim();
  if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
  const valueStart = offset + line.indexOf(m[2]);
  return { key: m[1].toLowerCase(), value, span: { start: valueStart, end: valueStart + m[2].length } };
}

function applyField(meta: DocumentMeta, field: Field): void {
  switch (field.key) {
    case 'date':
    case 'published': {
      const date = parseDate(field.value);
      if (date) meta.date = date;
      else meta.problems.push({ span: field.span, message: `Corroborate cannot read "${field.value}" as a date; write it as YYYY-MM-DD.` });
      break;
    }
    case 'title': meta.title = field.value; break;
    case 'source': case 'publication': case 'publisher': meta.source = field.value; break;
    case 'author': case 'byline': meta.author = field.value; break;
  }
}

/** ISO dates and the common written forms ("February 6, 2025", "6 Feb 2025", "6th Feb, 2025"); undefined otherwise. */
export function parseDate(value: string): string | undefined {
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(value);
  if (m && MONTHS[m[1].toLowerCase()]) return iso(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(value);
  if (m && MONTHS[m[2].toLowerCase()]) return iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  return undefined;
}

function iso(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** A full date in the first lines of the body, as datelines and bylines give it. */
function findDateline(text: string, bodyStart: number): string | undefined {
  const head = text.slice(bodyStart, bodyStart + 400);
  return parseDate(head);
}

/** The outlet a wire dateline names: "TOKYO, Feb 6 (Pacific Wire Service) - ...". */
function datelineSource(text: string, bodyStart: number): string | undefined {
  const m = /^\s*\p{Lu}[\p{Lu} .'’-]{1,40},[^()\n]{0,30}\(([^()\n]{2,60})\)\s*[-–—]/u.exec(text.slice(bodyStart, bodyStart + 200));
  return m ? m[1].trim() : undefined;
}

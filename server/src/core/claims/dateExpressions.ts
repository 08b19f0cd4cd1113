// Day-precise date expressions in text ("Feb. 7, 2025", "7 February", "on Friday", "yesterday") and their calendar days.

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7,
  jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

// Factored by first letters so the scan rejects most positions at once.
const M = '(Jan(?:uary)?|Feb(?:ruary)?|Ma(?:r(?:ch)?|y)|Apr(?:il)?|Ju(?:ne?|ly?)|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WD = '((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)';
/**
 * One pass over the text. Alternatives: month-day ("February 7", "Feb. 7, 2025", glued "January 12President"),
 * day-month ("7 February", "6th Feb, 2025"), a weekday with an optional "last/next/this/on", and yesterday/today/tomorrow.
 */
const DATE_RE = new RegExp(
  `\\b${M}\\.?\\s+(\\d{1,2})(?!\\d|:|,\\d{3})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4})(?!\\d))?` +
  `|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${M}\\b\\.?(?:,?\\s+(\\d{4})(?!\\d))?` +
  `|\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\\s+)?${WD}\\b` +
  `|\\b([Yy]esterday|[Tt]o(?:morrow|day))\\b`,
  'g',
);

export interface DateExpression {
  start: number;
  end: number;
  text: string;
  /** Resolved calendar day, YYYY-MM-DD; undefined when it cannot be resolved (no document date). */
  date?: string;
  relative: boolean;
  /**
   * Month and day, MM-DD, of a date written without a year ("February 6") when there is no document date to take
   * the year from: kept so the year can be inferred later from dated sources of the same event.
   */
  monthDay?: string;
  /** For weekdays without "last/next": which way to resolve is decided by the tense around. */
  weekday?: number;
  modifier?: string;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function validDay(y: number, m: number, d: number): boolean {
  if (d < 1 || m < 1 || m > 12) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1;
}

/** Parses "2025-02-06" into a UTC time, or undefined. */
export function parseIso(date: string | undefined): Date | undefined {
  const m = date && /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function addDays(ref: Date, days: number): string {
  const t = new Date(ref.getTime() + days * 86400000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD...), or undefined. */
export function dayNumber(date: string | undefined): number | undefined {
  const d = parseIso(date);
  return d ? Math.round(d.getTime() / 86400000) : undefined;
}

/** Days between two ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  const x = parseIso(a);
  const y = parseIso(b);
  if (!x || !y) return NaN;
  return Math.round((y.getTime() - x.getTime()) / 86400000);
}

/** A day without a year: the year that puts it nearest the document date (never pushed forward by default). */
function nearestYear(month: number, day: number, ref: Date): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const y0 = ref.getUTCFullYear();
  for (const y of [y0 - 1, y0, y0 + 1]) {
    if (!validDay(y, month, day)) continue;
    const dist = Math.abs(Date.UTC(y, month - 1, day) - ref.getTime());
    if (dist < bestDist) {
      bestDist = dist;
      best = iso(y, month, day);
    }
  }
  return best;
}

/** All day-precise date expressions in [from, to); weekday ones keep `weekday` for tense-aware resolution. */
export function findDates(text: string, from: number, to: number, docDate: string | undefined): DateExpression[] {
  const ref = parseIso(docDate);
  const out: DateExpression[] = [];
  DATE_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(text)) !== null && m.index < to) {
    const e: DateExpression = { start: m.index, end: m.index + m[0].length, text: m[0], relative: false };
    if (m[1] || m[4]) {
      const month = MONTHS[(m[1] ?? m[5]).toLowerCase()];
      const day = Number(m[2] ?? m[4]);
      const year = m[3] ?? m[6];
      // "May" is also a verb: only "May 5" with a capital M and a day right after counts, which the pattern ensures.
      const after = text.slice(e.end, e.end + 12);
      // Ranges ("February 6 to 8", "6-8 February") are spans of days, not one day.
      if (/^\s*(?:-|–|to|and|through)\s*\d/.test(after)) {
        DATE_RE.lastIndex = e.end + (/^\s*(?:-|–|to|and|through)\s*\d+/.exec(after)?.[0].length ?? 0);
        continue;
      }
      if (m[4] && /\d\s*(?:-|–|to|and)\s*$/.test(text.slice(Math.max(0, e.start - 6), e.start))) continue;
      if (year) {
        if (validDay(Number(year), month, day)) e.date = iso(Number(year), month, day);
      } else if (ref) {
        e.date = nearestYear(month, day, ref);
      } else if (validDay(2000, month, day)) {
        // No year anywhere (2000 is a leap year, so February 29 stands).
        e.monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      }
      if (!e.date && (year || ref || !e.monthDay)) continue;
    } else if (m[8]) {
      e.relative = true;
      e.weekday = WEEKDAYS[m[8].toLowerCase()];
      e.modifier = m[7]?.toLowerCase();
    } else if (m[9]) {
      e.relative = true;
      const shift = { yesterday: -1, today: 0, tomorrow: 1 }[m[9].toLowerCase() as 'today'];
      if (ref) e.date = addDays(ref, shift);
    }
    // "on Friday, February 7": one date written two ways, kept as one absolute expression.
    const prev = out[out.length - 1];
    if (prev && prev.weekday !== undefined && !e.relative && /^,?\s*(?:the\s+)?$/.test(text.slice(prev.end, e.start))) {
      out[out.length - 1] = { ...e, start: prev.start, text: text.slice(prev.start, e.end) };
      continue;
    }
    out.push(e);
  }
  return out;
}

/** Resolves a weekday against the document date: forward for the future, back for the past, else the nearest. */
export function resolveWeekday(e: DateExpression, docDate: string | undefined, tense: 'future' | 'past' | undefined): string | undefined {
  const ref = parseIso(docDate);
  if (!ref || e.weekday === undefined) return undefined;
  const refDow = ref.getUTCDay();
  const fwd = (e.weekday - refDow + 7) % 7;
  const back = fwd === 0 ? 0 : 7 - fwd;
  if (e.modifier === 'last') return addDays(ref, -(back === 0 ? 7 : back));
  if (e.modifier === 'next') return addDays(ref, fwd === 0 ? 7 : fwd);
  if (tense === 'future') return addDays(ref, fwd);
  if (tense === 'past') return addDays(ref, -back);
  return addDays(ref, fwd <= back ? fwd : -back);
}

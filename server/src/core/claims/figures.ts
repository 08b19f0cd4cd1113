// Figures a document states (money, counts, percentages, ages, durations) with hedges, ranges, measure, owner, year.
import type { DocumentAnalysis } from '../types';
import { asOfMonth, changeTarget, headAfter, headBefore, stationedIn, subjectOf, targetAfter, yearOf, type FigureContext, type Head, type Target } from './figureContext';
import type { Figure } from './types';
import { MentionIndex } from './mentionIndex';
import { isKnownMeasure, STOP_WORDS } from './measures';
import { CURRENCY_SUFFIX, SCALES, currencyBefore, parseDigits, parseNumberWord, roundingOf } from './numbers';
import { MAX_REACH, TextMap, clauseAround } from './text';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)';
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s*$`);
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?(?:\\s*(?:-|–|to|and)\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s*(?:of\\s+)?${MONTH}\\b`);
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?/g;
const WORD_NUMBER = /\b(?:[Oo]ne|[Tt](?:w(?:o|elve|enty)|h(?:ree|irt(?:een|y))|en)|[Ff](?:o(?:ur(?:teen)?|rty)|i(?:ve|ft(?:een|y)))|[Ss](?:ix|even)(?:teen|ty)?|[Ee](?:ight(?:een|y)?|leven)|[Nn]ine(?:teen|ty)?|[Hh]undred|[Dd]ozen)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b/g;

/** Hedge phrases, longest first, and how each bounds the value. */
type Bound = 'approx' | 'below' | 'atLeast' | 'atMost' | 'exact';
const HEDGES: [string, Bound][] = [
  ['approximately', 'approx'], ['an estimated', 'approx'], ['estimated', 'approx'], ['roughly', 'approx'],
  ['around', 'approx'], ['about', 'approx'], ['some', 'approx'], ['circa', 'approx'], ['approx.', 'approx'],
  ['close to', 'approx'], ['nearly', 'below'], ['almost', 'below'], ['just under', 'below'], ['just shy of', 'below'],
  ['more than', 'atLeast'], ['at least', 'atLeast'], ['in excess of', 'atLeast'], ['upwards of', 'atLeast'],
  ['no less than', 'atLeast'], ['no fewer than', 'atLeast'], ['a minimum of', 'atLeast'], ['just over', 'atLeast'],
  ['over', 'atLeast'], ['above', 'atLeast'], ['exceeding', 'atLeast'], ['up to', 'atMost'], ['less than', 'atMost'],
  ['fewer than', 'atMost'], ['at most', 'atMost'], ['no more than', 'atMost'], ['as many as', 'atMost'],
  ['as much as', 'atMost'], ['a maximum of', 'atMost'], ['under', 'atMost'], ['below', 'atMost'],
];
const HEDGE_RE = new RegExp(`(?:^|[^A-Za-z])(${HEDGES.map(([h]) => h.replace('.', '\\.')).join('|')})\\s+$`, 'i');
const HEDGE_BOUND = new Map(HEDGES);
const RANGE_OPEN = /(?:^|[^A-Za-z])(from|between)\s+$/i;

const TIME_UNITS: Record<string, string> = {
  second: 'seconds', minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks', month: 'months', year: 'years', decade: 'decades',
};
const TIME_UNIT = /^(\s|-)(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i;

/** A number read at one place: value, rounding, unit clues and where it ends. */
interface Reading {
  start: number;
  end: number;
  value: number;
  rounding: number;
  currency?: string;
  percent?: string;
  scaled: boolean;
}

/** Reads currency, digits, scale and percent starting at a digit match. */
function readNumber(text: string, ns: number, digits: string): Reading {
  let start = ns;
  let currency: string | undefined;
  const cur = currencyBefore(text, ns) ?? (text[ns - 1] === ' ' ? currencyBefore(text, ns - 1) : undefined);
  if (cur) {
    currency = cur.code;
    start = cur.start;
  }
  let value = parseDigits(digits);
  let rounding = roundingOf(digits);
  let end = ns + digits.length;
  let scaled = false;
  const after = text.slice(end, end + 14);
  // "14.9 billion", "14.9-billion"; after a currency also "5bn", "5 bn", "5m" (a lone letter only when glued).
  const sc = /^(?:\s|-|\s-\s)?(thousand|million|billion|trillion)\b/i.exec(after)
    ?? (currency ? /^(?:\s?(mn|mln|bn|tn|trn)|(k|m|b))\b/i.exec(after) : null);
  if (sc) {
    const f = SCALES[(sc[1] ?? sc[2] ?? sc[3]).toLowerCase()];
    value *= f;
    rounding *= f;
    // Half a unit of a leading 1 or 2 is a third or half of the figure: "$1 trillion" is not written for $1.4
    // trillion. A lone digit before a scale word is read to within a fifth of its value.
    if (/^[12]$/.test(digits)) rounding = Math.min(rounding, 0.2 * value);
    end += sc[0].length;
    scaled = true;
  }
  let percent: string | undefined;
  const pct = /^(?:\s?%|\s?-?(?:percent|per\s?cent|pct)\b|\s(?:percentage|%)\s?points?\b)/i.exec(text.slice(end, end + 22));
  if (pct && !currency) {
    percent = /point/i.test(pct[0]) ? 'percentage-points' : 'percent';
    end += pct[0].length;
  }
  return { start, end, value, rounding, currency, percent, scaled };
}

/** Reasons a number is not a figure: part of a name, a date, a time, a list marker, a year... */
function notAFigure(text: string, ns: number, ne: number, digits: string, index: MentionIndex): boolean {
  const prev = text[ns - 1] ?? '';
  const next = text[ne] ?? '';
  const before = text.slice(Math.max(0, ns - 24), ns);
  const after = text.slice(ne, ne + 24);
  // G7, F-35, COVID-19, 2+2, v1.2
  if (/[A-Za-z]/.test(prev) && !/(?:US|U\.S\.|[A-Z]{1,2})\$$/.test(before)) return true;
  if (prev === '-' && /[A-Za-z]-$/.test(before)) return true;
  if (prev === '+' || next === '+' || prev === '#' || prev === '/' || (next === '/' && /^\/\d/.test(after))) return true;
  if (prev === '.' && /\d\.$/.test(before)) return true;
  // ISO dates and year spans: "2025-02-06", "2023-24".
  if (prev === '-' && /\d-$/.test(before)) return true;
  if (/^(?:1[89]|20)\d\d$/.test(digits) && /^-\d/.test(after)) return true;
  // Ordinals and glued letters ("6th", "1990s", "5G", "3D"), but not currency scales ("$5bn").
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return true;
  if (/[A-Za-z]/.test(next) && !/^(?:mn|mln|bn|tn|trn|k|m|b)\b/i.test(after)) return true;
  // Times: "10:30", "5 p.m.", "0900 GMT".
  if (next === ':' && /^:\d/.test(after)) return true;
  if (prev === ':' && /\d:$/.test(before)) return true;
  if (/^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|EST|EDT|PST|JST|CET|BST|hrs\b|local time)/i.test(after)) return true;
  // List markers: "(1)", "1." or "1)" at the start of a line.
  if (digits.length <= 2 && /\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  if (/(?:^|\n)[ \t•*-]*$/.test(before) && /^[.)]\s/.test(after)) return true;
  // "No. 1", "number 3".
  if (/\b(?:No\.|no\.|number|Number)\s*$/.test(before)) return true;
  // Days in dates: "February 7", "7 February", "6th Feb".
  if (MONTH_BEFORE.test(before) && digits.length <= 2) return true;
  if (digits.length <= 2 && MONTH_AFTER.test(after)) return true;
  // Years standing alone: 1900-2100 written without separators and without a unit.
  if (/^(?:1[89]|20)\d\d$/.test(digits) || digits === '2100') {
    if (!/^(?:\s?%|\s?-?(?:percent|per cent)|\s?-?(?:thousand|million|billion|trillion)\b)/i.test(after) && !/\$\s?$/.test(before)) return true;
  }
  // Numbers inside names ("Article 9", "Boeing 737", "Security 2+2").
  if (index.at(ns)) return true;
  const word = /([A-Z][A-Za-z]*)\s$/.exec(before);
  if (word && !/[%$€£¥]/.test(before.slice(-3)) && !STOP_WORDS.has(word[1].toLowerCase()) && !HEDGE_BOUND.has(word[1].toLowerCase())
    && !/^\s?(?:%|percent|per cent|thousand|million|billion|trillion)/i.test(after)
    && !/^(?:Another|Nearly|Almost|Roughly|Approximately|Only|Just|Some|Over|Under|Estimated|Totaling|Totalling)$/.test(word[1])) return true;
  return false;
}

/** Bounds implied by a hedge. */
function bounds(low: number, high: number, bound: Bound): [number, number] {
  switch (bound) {
    case 'approx': return [low * 0.95, high * 1.05];
    case 'below': return [low * 0.9, high];
    case 'atLeast': return [low, Infinity];
    case 'atMost': return [0, high];
    default: return [low, high];
  }
}

export interface FigureScan {
  map?: TextMap;
  index?: MentionIndex;
}

export function extractFigures(text: string, analysis: DocumentAnalysis, bodyStart: number, shared: FigureScan = {}): Figure[] {
  const map = shared.map ?? new TextMap(text);
  const index = shared.index ?? new MentionIndex(analysis);
  const out: Figure[] = [];
  const uri = analysis.uri;

  const emit = (f: Omit<Figure, 'uri' | 'measure' | 'subject' | 'year'>, fixed?: { measure: string; subject?: number }): void => {
    const sent = map.sentenceAt(f.start);
    const clause = clauseAround(text, sent.start, sent.end, f.start, f.end);
    const c: FigureContext = { text, index, start: f.start, end: f.end, clauseStart: clause.start, clauseEnd: clause.end, sentenceStart: sent.start };
    if (sent.start > bodyStart) c.previousSentenceStart = Math.max(bodyStart, map.sentenceAt(sent.start - 1).start);
    let head: Head | undefined;
    let measure: string;
    let subject: number | undefined;
    let target: Target | undefined;
    const ranged = f.low < f.high && /\sto\s/.test(f.text);
    const change = fixed ? undefined : changeTarget(c, ranged);
    if (change) {
      // "raise its investment to $1.5 trillion", "from $800 billion to $1 trillion": the target alone.
      if (ranged) {
        const to = /\sto\s+(?:US\$|\$|€|£|¥)?\s?(\d)/.exec(f.text);
        if (!to) return;
        const at = f.start + to.index + to[0].length - 1;
        const digits = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|^\d+(?:\.\d+)?/.exec(text.slice(at))![0];
        const r = readNumber(text, at, digits);
        const b = finishFigure(text, r, r.start);
        if (!b) return;
        f = b;
        c.start = f.start;
        c.end = f.end;
      }
      measure = change.measure;
      subject = change.subject;
      head = { measure, after: f.end };
    } else if (fixed) {
      measure = fixed.measure;
      subject = fixed.subject;
      head = { measure, after: f.end };
    } else {
      head = headAfter(text, f.end, clause.end) ?? ofHead(text, f.end, clause.end, f.unit) ?? headBefore(text, f.start, clause.start);
      measure = head?.measure ?? '';
      // The phrase after the measure noun; for a measure read from a verb ("spend 43 trillion yen on defense"), after
      // the figure.
      const targetFrom = head?.nounEnd ?? (head ? f.end : undefined);
      if (targetFrom !== undefined && measure) {
        target = targetAfter(text, targetFrom, index);
        if (target && target.end <= clause.end) {
          c.targetSpan = { start: targetFrom, end: target.end };
          if (target.word) measure += ` on ${target.word}`;
        } else target = undefined;
      }
      subject = measure ? subjectOf(c, head) : undefined;
      // Troops counted in a place belong to the place: "troops in Japan", not the sender's whole force.
      const station = head && measure === 'troops' ? stationedIn(c, head) : undefined;
      if (station !== undefined) {
        measure = 'troops in';
        subject = station;
      }
    }
    const figure: Figure = { uri, ...f, measure };
    if (subject !== undefined) figure.subject = subject;
    if (target?.local !== undefined && target.local !== subject) figure.target = target.local;
    if (subject === undefined && measure && !fixed) {
      const near = [...new Set(index.between(Math.max(sent.start, f.start - MAX_REACH), Math.min(sent.end, f.end + MAX_REACH), ['person', 'organization']).map((m) => m.local))];
      if (near.length && near.length <= 8) figure.nearby = near;
    }
    const year = yearOf(c, head);
    if (year !== undefined) figure.year = year;
    const asOf = fixed ? undefined : asOfMonth(c);
    if (asOf !== undefined && (year === undefined || year === Number(asOf.slice(0, 4)))) {
      figure.asOf = asOf;
      // Dated to its month, the figure is compared in time rather than keyed by its year.
      delete figure.year;
    }
    out.push(figure);
  };

  NUMBER.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text)) !== null) {
    const ns = m.index;
    const digits = m[0];
    const ne = ns + digits.length;
    const age = readAge(text, ns, ne, digits, index);
    if (age) {
      emit(age.figure, { measure: 'age', subject: age.subject });
      NUMBER.lastIndex = Math.max(NUMBER.lastIndex, age.figure.end);
      continue;
    }
    if (notAFigure(text, ns, ne, digits, index)) {
      // Skip the rest of a date range ("February 6 to 8").
      const rest = /^(?:st|nd|rd|th)?\s*(?:-|–|to)\s*\d{1,2}\b/.exec(text.slice(ne, ne + 12));
      if (rest && MONTH_BEFORE.test(text.slice(Math.max(0, ns - 12), ns))) NUMBER.lastIndex = ne + rest[0].length;
      continue;
    }
    const r = readNumber(text, ns, digits);
    const fig = finishFigure(text, r, r.start);
    if (!fig) continue;
    emit(fig);
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, fig.end);
  }

  WORD_NUMBER.lastIndex = bodyStart;
  while ((m = WORD_NUMBER.exec(text)) !== null) {
    const ws = m.index;
    const word = m[0];
    const value = parseNumberWord(word);
    if (value === undefined) continue;
    const we = ws + word.length;
    if (index.at(ws)) continue;
    const after = text.slice(we, we + 40);
    const scale = /^\s(thousand|million|billion|trillion)\b/i.exec(after);
    const unit = TIME_UNIT.exec(after);
    let r: Reading;
    if (scale) {
      const f = SCALES[scale[1].toLowerCase()];
      r = { start: ws, end: we + scale[0].length, value: value * f, rounding: 0.5 * f, scaled: true };
      const cur = /^\s+(dollars|euros|yen|pounds|yuan)\b/i.exec(text.slice(r.end, r.end + 12));
      if (cur) {
        r.currency = CURRENCY_SUFFIX[cur[1].toLowerCase()].code;
        r.end += cur[0].length;
      }
      const pre = currencyBefore(text, ws) ?? (text[ws - 1] === ' ' ? currencyBefore(text, ws - 1) : undefined);
      if (pre && pre.code === 'USD' && text[ws - 1] !== '$') continue;
    } else if (unit) {
      if (/^-year-old\b|^\s+years?\s+old\b/i.test(after)) continue;
      r = { start: ws, end: we, value, rounding: 0, scaled: false };
    } else {
      // "three soldiers", "two US service members": a number word counts only a known noun.
      const noun = /^\s+(?:[A-Za-z.-]+\s+){0,2}?([A-Za-z]+)\b/.exec(after);
      if (!noun || !isKnownMeasure(noun[1]) || value < 2) continue;
      r = { start: ws, end: we, value, rounding: 0, scaled: false };
    }
    const fig = finishFigure(text, r, ws);
    if (fig) emit(fig);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** "2 percent of GDP": for a share, the noun after "of" says what it is a share of. */
function ofHead(text: string, end: number, limit: number, unit: string): Head | undefined {
  if (unit !== 'percent') return undefined;
  const of = /^\s+of\s+(?:the\s+|its\s+|their\s+)?/.exec(text.slice(end, end + 16));
  if (!of) return undefined;
  const h = headAfter(text, end + of[0].length, limit);
  return h && { measure: `share of ${h.measure}`, after: h.after };
}

/** Turns a reading into a figure: range, unit, hedge and bounds. */
function finishFigure(text: string, r: Reading, start: number): Omit<Figure, 'uri' | 'measure' | 'subject' | 'year'> | undefined {
  let end = r.end;
  let low = r.value;
  let high = r.value;
  let rounding = r.rounding;
  let currency = r.currency;
  let percent = r.percent;
  // Ranges: "20 to 60 percent", "$1-2 billion", "from $800 billion to $1 trillion", "between 5 and 10".
  const open = RANGE_OPEN.exec(text.slice(Math.max(0, start - 10), start));
  const sep = /^\s*(?:-|–|—|to|and)\s*/.exec(text.slice(end, end + 8));
  let ranged = false;
  if (sep && (!/and/.test(sep[0]) || open?.[1].toLowerCase() === 'between')) {
    const after = end + sep[0].length;
    const m2 = /^(?:US\$|\$|€|£|¥)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d:])/.exec(text.slice(after, after + 24));
    if (m2 && !(r.percent && !/^\s?(?:%|percent|per cent)/i.test(text.slice(after + m2[0].length, after + m2[0].length + 10)))) {
      const ns2 = after + m2[0].length - m2[1].length;
      const r2 = readNumber(text, ns2, m2[1]);
      const year2 = /^(?:19|20)\d\d$/.test(m2[1]) && !r2.scaled && !r2.percent && !r2.currency;
      if (!year2 && !(r.currency && r2.currency && r.currency !== r2.currency)) {
        let lo = r.value;
        let loRound = r.rounding;
        if (!r.scaled && r2.scaled) {
          const f = r2.value / parseDigits(m2[1]);
          lo *= f;
          loRound *= f;
        }
        if (lo < r2.value) {
          low = lo;
          high = r2.value;
          rounding = Math.max(loRound, r2.rounding);
          currency = currency ?? r2.currency;
          percent = percent ?? r2.percent;
          end = r2.end;
          ranged = true;
        }
      }
    }
  }
  if (!ranged && /^-\d/.test(text.slice(end, end + 2)) && !currency && !percent) return undefined;
  // Units written after: "150 trillion yen", "36-hour", "80 years".
  let unit = currency ?? percent;
  if (!unit) {
    const cur = /^\s+(?:(?:U\.?S\.?|American|Australian|Canadian|Hong Kong|New Zealand|Singapore)\s+)?(yen|dollars?|euros?|pounds|sterling|yuan|renminbi|won|rupees|rubles|roubles|pesos|USD|EUR|JPY)\b/i.exec(text.slice(end, end + 40));
    if (cur) {
      const c = CURRENCY_SUFFIX[cur[1].toLowerCase()];
      if (c && (!c.needsScale || r.scaled)) {
        unit = /Australian/i.test(cur[0]) ? 'AUD' : /Canadian/i.test(cur[0]) ? 'CAD' : /Hong Kong/i.test(cur[0]) ? 'HKD' : /New Zealand/i.test(cur[0]) ? 'NZD' : /Singapore/i.test(cur[0]) ? 'SGD' : c.code;
        end += cur[0].length;
      }
    }
  }
  if (!unit) {
    const t = TIME_UNIT.exec(text.slice(end, end + 12));
    if (t) {
      unit = TIME_UNITS[t[2].toLowerCase().replace(/s$/, '')];
      end += t[0].length;
    }
  }
  unit = unit ?? 'count';
  // "$55 a share", "$2 per share": a price per share is never compared with a total.
  if (currency && unit === currency) {
    const ps = /^\s+(?:a|per|each)\s+(?:share|ordinary share|common share)\b/i.exec(text.slice(end, end + 24));
    if (ps) {
      unit = `${currency}/share`;
      end += ps[0].length;
    }
  }
  // Hedges: "around 54,000", "up to $500 billion", "more than 80 years".
  const hedgeMatch = HEDGE_RE.exec(text.slice(Math.max(0, start - 24), start));
  let hedge: string | undefined;
  let figStart = start;
  let bound: Bound = 'exact';
  if (hedgeMatch) {
    hedge = hedgeMatch[1].toLowerCase();
    bound = HEDGE_BOUND.get(hedge) ?? 'exact';
    figStart = start - (hedgeMatch[0].length - hedgeMatch[0].indexOf(hedgeMatch[1]));
  } else if (ranged && open) {
    figStart = start - (open[0].length - open[0].indexOf(open[1]));
  }
  const [lo, hi] = bounds(low, high, bound);
  const fig: Omit<Figure, 'uri' | 'measure' | 'subject' | 'year'> = {
    start: figStart, end, text: text.slice(figStart, end), value: low, low: lo, high: hi, rounding, unit,
  };
  if (hedge) fig.hedge = hedge;
  return fig;
}

/** Ages: "Ishiba, 68,", "the 78-year-old Trump", "aged 68", "68 years old". */
function readAge(text: string, ns: number, ne: number, digits: string, index: MentionIndex): { figure: Omit<Figure, 'uri' | 'measure' | 'subject' | 'year'>; subject?: number } | undefined {
  if (!/^\d{1,3}$/.test(digits)) return undefined;
  const value = Number(digits);
  if (value < 1 || value > 120) return undefined;
  const after = text.slice(ne, ne + 20);
  const before = text.slice(Math.max(0, ns - 12), ns);
  const make = (end: number, subject: number | undefined, start = ns) => ({
    figure: { start, end, text: text.slice(start, end), value, low: value, high: value, rounding: 0, unit: 'years-old' },
    subject,
  });
  const person = (local: number | undefined) => (local !== undefined && index.entity(local)?.kind === 'person' ? local : undefined);
  // "the 78-year-old Trump", "the 78-year-old former president Donald Trump", "Trump, the 78-year-old".
  const yo = /^-year-old\b/.exec(after) ?? /^\s+years?\s+old\b/.exec(after);
  if (yo) {
    const end = ne + yo[0].length;
    let subject: number | undefined;
    if (yo[0].startsWith('-')) {
      // Up to three words (titles, descriptions) between the age and the name.
      const follow = /^\s+((?:[A-Za-z]+\.?\s+){0,3})/.exec(text.slice(end, end + 60));
      const words = follow ? follow[1].split(/\s+/).filter(Boolean) : [];
      let at = end + (follow ? follow[0].length - follow[1].length : 0);
      for (let k = 0; k <= words.length && subject === undefined; k++) {
        const m = index.startingAt(at, text);
        if (m) subject = person(m.local);
        if (k < words.length) {
          if (/^(?:of|and|with|for|to|in|at|by|who|that|was|is|has)$/.test(words[k])) break;
          at = text.indexOf(words[k], at) + words[k].length;
        }
      }
    }
    if (subject === undefined) {
      const lead = /,\s*(?:the\s+|a\s+|who\s+is\s+|aged\s+)?$/.exec(text.slice(Math.max(0, ns - 14), ns));
      if (lead) subject = person(index.endingAt(ns - lead[0].length, text)?.local);
    }
    return make(end, subject);
  }
  // "Ishiba, 68, will..." / "Ishiba (68)" / "Smith, aged 68,".
  const lead = /(?:,\s*(?:aged\s+)?|\s\()$/.exec(before);
  const tail = /^(?:\s*(?:,|\.(?!\d)|;|\)|\s--|\s—|\s-\s)|$)/.exec(after);
  if (lead && tail) {
    const nameEnd = ns - lead[0].length;
    const m = index.endingAt(nameEnd, text);
    // "Name, 68," is an age of a person; a recognizer may have typed the person as an organization.
    let subject = m && m.kind !== 'place' ? m.local : undefined;
    // "Son, 67," where the recognizer missed the bare surname of a person the document names in full.
    if (subject === undefined && !m) {
      const w = /(?:^|[^A-Za-z'’-])([A-Z][a-z'’-]+)$/.exec(text.slice(Math.max(0, nameEnd - 30), nameEnd));
      if (w) subject = index.surname(text, nameEnd - w[1].length, nameEnd);
    }
    if (subject !== undefined) return make(ne, subject);
  }
  if (/\baged\s+$/.test(before)) return make(ne, undefined, ns);
  return undefined;
}

// Where quotations are: pairs of double (“…”, "…") and single (‘…’, '…') quote marks, apostrophes told apart.

export interface QuoteSpan {
  /** Offsets of the opening mark and just after the closing mark (or the paragraph end for a continued quote). */
  start: number;
  end: number;
  /** The words inside the marks. */
  contentStart: number;
  contentEnd: number;
  /** True when this piece continues the quote of the paragraph before. */
  continued: boolean;
  /** True when the quote goes on into the next paragraph. */
  continues: boolean;
}

const isLetter = (c: string | undefined): boolean => !!c && /[A-Za-z0-9\u00C0-\u024F]/.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/** Double-quoted spans of one paragraph [ps, pe). Returns spans and whether a quote is left open at the end. */
function doubleSpans(text: string, ps: number, pe: number, continuedFromBefore: boolean): { spans: QuoteSpan[]; openAt?: number; openContinued: boolean } {
  const spans: QuoteSpan[] = [];
  let open: number | undefined;
  let continued = false;
  const para = text.slice(ps, pe);
  const re = /["“”]/g;
  for (let mt = re.exec(para); mt !== null; mt = re.exec(para)) {
    const i = ps + mt.index;
    const c = mt[0];
    // 5" (inches), or a stray mark glued between letters.
    if (c === '"' && open === undefined && /\d/.test(text[i - 1] ?? '')) continue;
    const opening = c === '“' || (c === '"' && open === undefined);
    if (opening && open === undefined) {
      open = i;
      continued = continuedFromBefore && i === firstNonSpace(text, ps, pe);
    } else if (!opening || c === '"') {
      if (open === undefined) continue;
      spans.push({ start: open, end: i + 1, contentStart: open + 1, contentEnd: i, continued, continues: false });
      open = undefined;
    } else {
      // “ while one is open: the earlier one never closed; start again here.
      open = i;
      continued = false;
    }
  }
  return { spans, openAt: open, openContinued: continued };
}

function firstNonSpace(text: string, ps: number, pe: number): number {
  let i = ps;
  while (i < pe && /\s/.test(text[i])) i++;
  return i;
}

type Mark = { at: number; open: boolean; close: boolean; possessive: boolean };

/** Single-quoted spans of one paragraph, outside the double-quoted ones. */
function singleSpans(text: string, ps: number, pe: number, masked: QuoteSpan[]): QuoteSpan[] {
  const inDouble = (i: number): boolean => masked.some((s) => i >= s.start && i < s.end);
  const marks: Mark[] = [];
  const para = text.slice(ps, pe);
  const re = /['‘’]/g;
  for (let mt = re.exec(para); mt !== null; mt = re.exec(para)) {
    const i = ps + mt.index;
    const c = mt[0];
    if (inDouble(i)) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    // Apostrophes inside words: Trump's, don't, Japan’s.
    if (isLetter(prev) && isLetter(next)) continue;
    const open = (c === '‘' || c === "'") && !isLetter(prev) && (isLetter(next) || (next === '.' && text[i + 2] === '.'))
      && !/^['‘’](?:s\b|\d0s|em\b|til\b|n\b)/.test(text.slice(i, i + 5));
    // A mark glued between a stop and a capital ("sticky.'Trump", "Japan.'The") may close or open.
    const close = (c === '’' || c === "'") && !isSpace(prev) && prev !== '(' &&
      (isSpace(next) || /[.,;:!?)\]—–-]/.test(next ?? '') || (/[.,!?]/.test(prev ?? '') && isLetter(next)));
    if (!open && !close) continue;
    // "the nations' trade": a plural possessive more likely than the end of a quote.
    const possessive = close && prev === 's' && /^\s+[a-z]/.test(text.slice(i + 1, i + 4));
    marks.push({ at: i, open, close, possessive });
  }
  const spans: QuoteSpan[] = [];
  let pending: number | undefined;
  for (let k = 0; k < marks.length; k++) {
    const mk = marks[k];
    if (pending === undefined) {
      if (mk.open) pending = mk.at;
      continue;
    }
    if (mk.close) {
      if (mk.possessive) {
        // Skip it when another mark later in the paragraph can close the quote before a new one opens.
        let later = false;
        for (let j = k + 1; j < marks.length; j++) {
          if (marks[j].close && !marks[j].possessive) {
            later = true;
            break;
          }
          if (marks[j].open && !marks[j].close) break;
        }
        if (later) continue;
      }
      spans.push({ start: pending, end: mk.at + 1, contentStart: pending + 1, contentEnd: mk.at, continued: false, continues: false });
      pending = undefined;
    } else if (mk.open) {
      // A second opening mark before any close: the first one was not a quote.
      pending = mk.at;
    }
  }
  return spans;
}

/** All quotation spans of a text from `from`, in order; short scare quotes included (callers filter by length). */
export function findQuoteSpans(text: string, from = 0): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let ps = from;
  let carry = false;
  while (ps <= text.length) {
    let pe = text.indexOf('\n', ps);
    if (pe === -1) pe = text.length;
    if (text.slice(ps, pe).trim()) {
      const { spans, openAt, openContinued } = doubleSpans(text, ps, pe, carry);
      carry = false;
      if (openAt !== undefined) {
        // A paragraph left open continues only if the next non-empty paragraph opens with a quote mark.
        let nx = pe + 1;
        while (nx < text.length && /\s/.test(text[nx])) nx++;
        if (nx < text.length && (text[nx] === '“' || text[nx] === '"')) {
          let end = pe;
          while (end > openAt && /\s/.test(text[end - 1])) end--;
          spans.push({ start: openAt, end, contentStart: openAt + 1, contentEnd: end, continued: openContinued, continues: true });
          carry = true;
        }
      }
      out.push(...spans, ...singleSpans(text, ps, pe, spans));
    }
    if (pe >= text.length) break;
    ps = pe + 1;
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

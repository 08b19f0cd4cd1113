// How alike two quotations are: normalized words, content-word overlap, and whether one is an excerpt of the other.

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'], [/\bcan't\b/g, 'can not'], [/\bcannot\b/g, 'can not'], [/\bshan't\b/g, 'shall not'],
  [/\b(\w+)n't\b/g, '$1 not'], [/\b(\w+)'re\b/g, '$1 are'], [/\b(\w+)'ve\b/g, '$1 have'], [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(i)'m\b/g, '$1 am'], [/\b(it|that|there|here|what|who|he|she|where)'s\b/g, '$1 is'], [/\blet's\b/g, 'let us'],
];

const STOP = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'i', 'we',
  'you', 'he', 'she', 'they', 'me', 'us', 'him', 'her', 'them', 'my', 'our', 'your', 'his', 'their', 'will', 'would',
  'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'have', 'has', 'had', 'not', 'no',
  'so', 'very', 'just', 'also', 'than', 'then', 'if', 'what', 'which', 'who', 'whom', 'about', 'into', 'more', 'most',
  'all', 'any', 'some', 'such', 'am', 'let', 'up', 'out', 'over', 'only',
]);

/** The gap token standing for "...", "…" and "[editorial insertions]". */
export const GAP = '\u0000';

/** Spellings already looked up (words repeat across quotes); cleared when it grows large. */
const SPELLINGS = new Map<string, string>();

/** British and American spellings read alike; applied to both sides, so a rule never makes two words differ. */
function spelling(w: string): string {
  let out = SPELLINGS.get(w);
  if (out === undefined) {
    if (SPELLINGS.size > 100_000) SPELLINGS.clear();
    SPELLINGS.set(w, (out = respell(w)));
  }
  return out;
}

function respell(w: string): string {
  return w
    .replace(/^(defen|offen|licen|preten)ce$/, '$1se')
    .replace(/([a-z]{2,})our(s|ed|ing)?$/, '$1or$2')
    .replace(/([a-z]{2,})is(e|ed|es|ing|ation|ations)$/, '$1iz$2')
    .replace(/([a-z]{2,})ys(e|ed|es|ing)$/, '$1yz$2')
    .replace(/([a-z]{2,})tre(s?)$/, '$1ter$2')
    .replace(/([a-z]+)ll(ed|ing|er)$/, '$1l$2')
    .replace(/^programme(s?)$/, 'program$1');
}

/** Lower-case words of a quote, contractions expanded, punctuation dropped, omissions kept as GAP tokens. */
export function quoteTokens(text: string): string[] {
  let s = text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
  s = s.replace(/\[[^\]]*\]/g, ` ${GAP} `).replace(/\.\s*\.\s*\.|…/g, ` ${GAP} `);
  s = s.replace(/\bu\.s\.(?:a\.)?/g, 'us').replace(/\bper\s+cent\b/g, 'percent').replace(/%/g, ' percent');
  for (const [re, rep] of CONTRACTIONS) s = s.replace(re, rep);
  s = s.replace(/'s\b/g, '');
  const out: string[] = [];
  for (const raw of s.split(/[^a-z0-9\u0000]+|(?=\u0000)|(?<=\u0000)/)) {
    if (!raw) continue;
    if (raw === GAP) {
      if (out.length && out[out.length - 1] !== GAP) out.push(GAP);
      continue;
    }
    out.push(spelling(raw));
  }
  while (out.length && out[0] === GAP) out.shift();
  while (out.length && out[out.length - 1] === GAP) out.pop();
  return out;
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Content words (no function words), stemmed, in order. */
export function contentSeq(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t !== GAP && !STOP.has(t)) out.push(stem(t));
  return out;
}

/** Length of the longest common subsequence (quotes are short; long ones are cut at 300 words). */
export function lcs(a: string[], b: string[]): number {
  const n = Math.min(a.length, 300);
  const m = Math.min(b.length, 300);
  let prev = scratchRow(0, m + 1);
  let cur = scratchRow(1, m + 1);
  for (let i = 1; i <= n; i++) {
    const xi = a[i - 1];
    for (let j = 1; j <= m; j++) cur[j] = xi === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** Two reusable rows for the dynamic programs below, zeroed to `length` (the comparisons run by the million). */
const ROWS: Int32Array[] = [new Int32Array(64), new Int32Array(64)];
function scratchRow(which: 0 | 1, length: number): Int32Array {
  if (ROWS[which].length < length) ROWS[which] = new Int32Array(Math.max(length, 2 * ROWS[which].length));
  const row = ROWS[which];
  row.fill(0, 0, length);
  return row;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function shared(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter;
}

/** Same words in the same order (the words without omission marks), once punctuation, case and spelling are set aside. */
function sameList(x: string[], y: string[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The words without omission marks (the same array when there are none). */
export function unbroken(tokens: string[]): string[] {
  return tokens.includes(GAP) ? tokens.filter((t) => t !== GAP) : tokens;
}

/** The stretches of words between omission marks (none empty). */
function stretches(tokens: string[]): string[][] {
  if (!tokens.includes(GAP)) return tokens.length ? [tokens] : [];
  const segments: string[][] = [];
  let seg: string[] = [];
  for (const t of tokens) {
    if (t === GAP) {
      if (seg.length) segments.push(seg);
      seg = [];
    } else seg.push(t);
  }
  if (seg.length) segments.push(seg);
  return segments;
}

function indexOfRun(hay: string[], needle: string[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** True when every stretch of `part` (split at omissions) appears in `whole`, in order: an excerpt, not a rewording. */
export function isExcerpt(part: string[], whole: string[]): boolean {
  return stretchesIn(stretches(part), unbroken(whole));
}

function stretchesIn(segments: string[][], words: string[]): boolean {
  if (!segments.length) return false;
  let at = 0;
  for (const s of segments) {
    const i = indexOfRun(words, s, at);
    if (i < 0) return false;
    at = i + s.length;
  }
  return true;
}

/** One quote's words, computed once. */
export interface QuoteWords {
  tokens: string[];
  /** Content words in order, and as a set. */
  seq: string[];
  content: Set<string>;
  /** The tokens without omission marks, and the stretches between them (what the comparisons below read). */
  words: string[];
  stretches: string[][];
  /** Every token (omission mark too) as a set, made when `sameWords` first needs it. */
  tokenSet?: Set<string>;
}

/** A quote's words from its text, or from its tokens when they were computed already. */
export function quoteWords(text: string, known?: string[]): QuoteWords {
  const tokens = known ?? quoteTokens(text);
  const seq = contentSeq(tokens);
  return { tokens, seq, content: new Set(seq), words: unbroken(tokens), stretches: stretches(tokens), tokenSet: undefined };
}

/**
 * Two overlapping windows of one longer quote (words without omission marks): "continue to secure the commitment to the region" and "secure the
 * commitment to the region, to avoid a vacuum" share a run of at least four words and differ only beyond its ends.
 */
function windowsOverlap(x: string[], y: string[]): boolean {
  const n = Math.min(x.length, 300);
  const m = Math.min(y.length, 300);
  let best = 0;
  let endX = 0;
  let endY = 0;
  let prev = scratchRow(0, m + 1);
  let cur = scratchRow(1, m + 1);
  for (let i = 1; i <= n; i++) {
    const xi = x[i - 1];
    for (let j = 1; j <= m; j++) {
      const run = xi === y[j - 1] ? prev[j - 1] + 1 : 0;
      cur[j] = run;
      if (run > best) {
        best = run;
        endX = i;
        endY = j;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  if (best < 4) return false;
  const before = endX - best === 0 || endY - best === 0;
  const after = endX === n || endY === m;
  return before && after;
}

/** Either one is an excerpt of the other, they overlap as windows of one quote, or they are the same words. */
export function compatible(a: QuoteWords, b: QuoteWords): boolean {
  return sameList(a.words, b.words) || stretchesIn(a.stretches, b.words) || stretchesIn(b.stretches, a.words)
    || windowsOverlap(a.words, b.words);
}

/**
 * Mostly the same words but not the same wording: one quote reported two ways. At least three content words in
 * common, and either half of all content words shared, 60% of them in the same order, or three quarters of the
 * shorter quote's content words in the same order.
 */
export function reworded(a: QuoteWords, b: QuoteWords): boolean {
  if (shared(a.content, b.content) < 3 || compatible(a, b)) return false;
  if (jaccard(a.content, b.content) >= 0.5) return true;
  const common = lcs(a.seq, b.seq);
  if (common / Math.max(a.seq.length, b.seq.length) >= 0.6) return true;
  // A short quote reported inside a longer one, reworded: most of its content words, in order.
  return common >= 3 && common / Math.min(a.seq.length, b.seq.length) >= 0.75;
}

/** Nearly the same words (at least 6 of them): the same quotation, whoever it is credited to. */
export function sameWords(a: QuoteWords, b: QuoteWords): boolean {
  if (Math.min(a.words.length, b.words.length) < 6) return false;
  if (compatible(a, b)) return true;
  return jaccard((a.tokenSet ??= new Set(a.tokens)), (b.tokenSet ??= new Set(b.tokens))) >= 0.9;
}

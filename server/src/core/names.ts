// Name normalization: the keys that let variants of one name meet ("U.S." / "US" / "United States",
// "Ishiba Shigeru" / "Shigeru Ishiba", "Nippon Steel's" / "Nippon Steel").
import { NAME_EQUIVALENTS } from './lexicon';

/** Strips a possessive ending: "Nippon Steel's" -> "Nippon Steel", "States'" -> "States". */
export function stripPossessive(word: string): string {
  if (!mayEndPossessive(word)) return word;
  return word.replace(/['’]s$/u, '').replace(/(?<=s)['’]$/u, '');
}

export function hasPossessive(word: string): boolean {
  if (!mayEndPossessive(word)) return false;
  return /['’]s$/u.test(word) || /s['’]$/u.test(word);
}

/** Only words ending in "s" or an apostrophe can carry a possessive ending. */
function mayEndPossessive(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last === 115 || last === 39 || last === 0x2019;
}

const folded = new Map<string, string>();
/**
 * Only short strings are memoized: V8 keeps a slice of 13 or more characters as a view into the whole document
 * text, so a memo holding one would keep every old version of an edited document alive.
 */
export const MEMO_MAX_LENGTH = 13;

/** Lowercase, dots of abbreviations removed, curly apostrophes straightened, spaces folded (memoized). */
export function foldName(name: string): string {
  let key = folded.get(name);
  if (key === undefined) {
    key = isPlainLowerable(name) ? name.toLowerCase() : foldSlow(name);
    if (folded.size >= 200_000) folded.clear();
    if (name.length < MEMO_MAX_LENGTH) folded.set(name, key);
  }
  return key;
}

/** ASCII letters, digits and inner single spaces only: folding is lowercasing. */
function isPlainLowerable(name: string): boolean {
  const n = name.length;
  if (n === 0) return true;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (!alnum && !(c === 32 && i > 0 && i < n - 1 && name.charCodeAt(i - 1) !== 32)) return false;
  }
  return true;
}

function foldSlow(name: string): string {
  return name
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/(?<![\p{L}])(\p{L})\./gu, '$1')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key of an organization or place name: folded, leading "the" dropped, known equivalents applied. */
export function phraseKey(name: string): string {
  let key = foldName(name).replace(/^the /, '');
  const whole = NAME_EQUIVALENTS.get(key);
  if (whole) return whole;
  for (const [long, short] of NAME_EQUIVALENTS) {
    if (key.startsWith(long + ' ')) {
      key = short + key.slice(long.length);
      break;
    }
  }
  return key.replace(/ (inc|corp|corporation|co|ltd|llc|plc)$/, '');
}

const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'jr.', 'sr.']);

/** "Jr", "Sr.", "III": a generational suffix, no word of the name itself. */
export function isGenerational(word: string): boolean {
  return GENERATIONAL.has(foldName(word));
}

/** The key of a person's full name: its words sorted, initials dropped, so word order does not matter. */
export function personKey(words: readonly string[]): string {
  return words
    .map((w) => foldName(w))
    .filter((w) => w.length > 1 && !GENERATIONAL.has(w))
    .sort()
    .join(' ');
}

/** Initials of the significant words of a name: "Council on Foreign Relations" -> "CFR". */
export function initials(words: readonly string[]): string {
  return words
    .filter((w) => !/^(of|on|for|and|the|de|&|du|des|la|le)$/i.test(w))
    .flatMap((w) => w.split('-'))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

export function isAcronym(word: string): boolean {
  const bare = word.replace(/\./g, '');
  return bare.length >= 2 && bare.length <= 6 && /^[\p{Lu}][\p{Lu}\p{N}&]+$/u.test(bare) && /\p{Lu}.*\p{Lu}/u.test(bare);
}

// Name normalization: the keys that let variants of one name meet ("U.S." / "US" / "United States",
// "Ishiba Shigeru" / "Shigeru Ishiba", "Nippon Steel's" / "Nippon Steel").
import { NAME_EQUIVALENTS } from './lexicon';

/** Strips a possessive ending: "Nippon Steel's" -> "Nippon Steel", "States'" -> "States". */
export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '').replace(/(?<=s)['’]$/u, '');
}

export function hasPossessive(word: string): boolean {
  return /['’]s$/u.test(word) || /s['’]$/u.test(word);
}

/** Lowercase, dots of abbreviations removed, curly apostrophes straightened, spaces folded. */
export function foldName(name: string): string {
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

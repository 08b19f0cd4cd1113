// The tokenizer's word pattern as a hand-written scanner: ASCII text is scanned by character codes, anything
// else falls back to the one regex, so the tokens are exactly the regex's (checked against it in the tests).

/**
 * Words: letters with inner apostrophes or dots of abbreviations ("U.S."), numbers with separators, or any
 * other single non-space character.
 */
export const TOKEN_PATTERN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*|\p{N}[\p{N},.]*\p{N}|\p{N}|[^\s]/gu;

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Walks a text's tokens from an offset: after each `next()` returning true, `start`/`end` delimit one token. */
export class WordScanner {
  start = 0;
  end = 0;
  private readonly pattern = new RegExp(TOKEN_PATTERN.source, 'gu');

  constructor(private readonly text: string, private pos: number) {}

  next(): boolean {
    const text = this.text;
    const n = text.length;
    let p = this.pos;
    let c = text.charCodeAt(p);
    while (p < n && (c === 32 || (c >= 9 && c <= 13))) c = text.charCodeAt(++p);
    if (p >= n) return false;
    const end = c < 128 ? this.scanAscii(p, c) : -1;
    if (end >= 0) {
      this.start = p;
      this.end = this.pos = end;
      return true;
    }
    this.pattern.lastIndex = p;
    const m = this.pattern.exec(text);
    if (!m) {
      this.pos = n;
      return false;
    }
    this.start = m.index;
    this.end = this.pos = m.index + m[0].length;
    return true;
  }

  /** End of the token starting at p with ASCII code c, or -1 when only the regex can tell. */
  private scanAscii(p: number, c: number): number {
    const text = this.text;
    if (isAsciiLetter(c)) {
      // "U.S." and the like: leave abbreviations to the regex.
      if (c <= 90 && text.charCodeAt(p + 1) === 46) return -1;
      let q = p + 1;
      let d = text.charCodeAt(q);
      while (isAsciiLetter(d) || isDigit(d)) d = text.charCodeAt(++q);
      while (isApostrophe(d)) {
        const after = text.charCodeAt(q + 1);
        if (after >= 128) return -1;
        if (!isAsciiLetter(after)) break;
        q += 2;
        d = text.charCodeAt(q);
        while (isAsciiLetter(d)) d = text.charCodeAt(++q);
      }
      return d >= 128 ? -1 : q;
    }
    if (isDigit(c)) {
      let q = p + 1;
      let lastDigit = p;
      let d = text.charCodeAt(q);
      while (isDigit(d) || d === 44 || d === 46) {
        if (isDigit(d)) lastDigit = q;
        d = text.charCodeAt(++q);
      }
      return d >= 128 ? -1 : lastDigit + 1;
    }
    return p + 1;
  }
}

// Reading written numbers: digits with separators, number words, scale words, currencies and their precision.

/** Scale words; the abbreviations count only right after a currency figure ("$5bn", "€5m"): "5m" alone may be metres. */
export const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, tn: 1e12, trn: 1e12,
};

export const NUMBER_WORDS = new Map<string, number>(Object.entries({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
}));

/** Currency written before the number. Longest first so "US$" wins over "$". */
export const CURRENCY_PREFIX: [string, string][] = [
  ['U.S. $', 'USD'], ['U.S.$', 'USD'], ['US$', 'USD'], ['USD', 'USD'], ['AU$', 'AUD'], ['A$', 'AUD'],
  ['CA$', 'CAD'], ['C$', 'CAD'], ['HK$', 'HKD'], ['NZ$', 'NZD'], ['S$', 'SGD'], ['R$', 'BRL'], ['$', 'USD'],
  ['EUR', 'EUR'], ['€', 'EUR'], ['GBP', 'GBP'], ['£', 'GBP'], ['JPY', 'JPY'], ['¥', 'JPY'], ['CNY', 'CNY'],
  ['RMB', 'CNY'], ['INR', 'INR'], ['Rs.', 'INR'], ['Rs', 'INR'], ['₹', 'INR'], ['KRW', 'KRW'], ['₩', 'KRW'],
];

/** Currency written after the number ("150 trillion yen"). `needsScale`: the word is too ambiguous alone. */
export const CURRENCY_SUFFIX: Record<string, { code: string; needsScale?: boolean }> = {
  yen: { code: 'JPY' }, dollars: { code: 'USD' }, dollar: { code: 'USD' }, euros: { code: 'EUR' }, euro: { code: 'EUR' },
  pounds: { code: 'GBP', needsScale: true }, sterling: { code: 'GBP' }, yuan: { code: 'CNY' }, renminbi: { code: 'CNY' },
  won: { code: 'KRW', needsScale: true }, rupees: { code: 'INR' }, rubles: { code: 'RUB' }, roubles: { code: 'RUB' },
  pesos: { code: 'MXN', needsScale: true }, usd: { code: 'USD' }, eur: { code: 'EUR' }, jpy: { code: 'JPY' },
};

/** Value of digits as written: "54,000" -> 54000, "14.9" -> 14.9. */
export function parseDigits(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/**
 * Half the place value of the last significant digit written. Trailing zeros are not significant, but a number of
 * two or more digits counts at least two: "68" -> 0.5, "14.9" -> 0.05, "54,000" -> 500, "100" -> 5, "7" -> 0.5.
 */
export function roundingOf(digits: string): number {
  const s = digits.replace(/,/g, '');
  const dot = s.indexOf('.');
  if (dot >= 0) return 0.5 * Math.pow(10, -(s.length - dot - 1));
  const trimmed = s.replace(/^0+/, '') || '0';
  const zeros = trimmed.length - trimmed.replace(/0+$/, '').length;
  const sig = trimmed.length - zeros;
  if (sig >= 2 || trimmed.length === 1) return 0.5 * Math.pow(10, zeros);
  return 0.5 * Math.pow(10, trimmed.length - 2);
}

/** Words like "twenty-five" or "seven" as a number, or undefined. */
export function parseNumberWord(w: string): number | undefined {
  const lw = w.toLowerCase();
  const n = NUMBER_WORDS.get(lw);
  if (n !== undefined) return n;
  const m = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.exec(lw);
  if (m) return NUMBER_WORDS.get(m[1])! + NUMBER_WORDS.get(m[2])!;
  return undefined;
}

/** Reads a currency prefix that ends exactly at `end` in text; returns its code and start. */
const LAST_CHARS = new Set(CURRENCY_PREFIX.map(([sym]) => sym[sym.length - 1]));
/** Each sign with the gaps allowed before the number: letter codes may stand one space away ("USD 5"). */
const PREFIXES = CURRENCY_PREFIX.map(([sym, code]) => ({ sym, code, gaps: /[A-Za-z.]$/.test(sym) ? [1, 0] : [0], letters: /^[A-Za-z]/.test(sym) }));

export function currencyBefore(text: string, end: number): { code: string; start: number } | undefined {
  const last = text[end - 1] === ' ' ? text[end - 2] : text[end - 1];
  if (last === undefined || !LAST_CHARS.has(last)) return undefined;
  for (const { sym, code, gaps, letters } of PREFIXES) {
    for (const gap of gaps) {
      const s = end - sym.length - gap;
      if (s < 0 || (gap && text[end - 1] !== ' ') || !text.startsWith(sym, s)) continue;
      // Letter codes must stand alone: "AUSD" is no currency.
      if (letters && s > 0 && /[A-Za-z]/.test(text[s - 1])) continue;
      // "$" after a letter is part of "US$", "A$"... handled by longer entries; a bare letter+"$" we do not know.
      if (sym === '$' && s > 0 && /[A-Za-z]/.test(text[s - 1])) return undefined;
      return { code, start: s };
    }
  }
  return undefined;
}

// Counts as a reader expects them ("12,480 mentions in 3,021 sources"). One number formatter for the whole server:
// Number.prototype.toLocaleString makes a new one at each call, which cost milliseconds a hover while indexing.
const ENGLISH = new Intl.NumberFormat('en-US');

/** 12480 -> "12,480" */
export const formatCount = (n: number): string => ENGLISH.format(n);

/** "1 mention", "12,480 mentions" */
export const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

// Where sources disagree: figures, event dates and quotes compared across the documents of a corpus.
import type { ClaimsOfDocument, ConflictOptions } from './corpusClaims';
import { dateConflicts } from './dateConflicts';
import { figureConflicts } from './figureConflicts';
import { quoteConflicts } from './quoteConflicts';
import type { Conflict } from './types';

export type { ClaimsOfDocument, ConflictOptions } from './corpusClaims';

/** Every conflict of the corpus, grouped by what is disputed, in a stable order (kind, then first place). */
export function findConflicts(docs: ClaimsOfDocument[], options: ConflictOptions = {}): Conflict[] {
  const all = [...figureConflicts(docs, options), ...dateConflicts(docs, options), ...quoteConflicts(docs, options)];
  const order = { figure: 0, date: 1, 'quote-wording': 2, 'quote-speaker': 3 } as const;
  return all.sort((a, b) => order[a.kind] - order[b.kind]
    || a.claims[0].uri.localeCompare(b.claims[0].uri) || a.claims[0].start - b.claims[0].start || a.id.localeCompare(b.id));
}

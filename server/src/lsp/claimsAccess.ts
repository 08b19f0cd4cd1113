// Reads claims and conflicts from the corpus when it exposes them (being wired in), and nothing otherwise.
import type { Corpus } from '../core/corpus';
import type { Conflict, DocumentClaims } from '../core/claims/types';

type MaybeClaims = { claims?: (uri: string) => DocumentClaims | undefined; claimsOf?: (uri: string) => DocumentClaims | undefined; conflicts?: () => Conflict[] };

/** The figures, dates and quotes of one document, or undefined when the corpus does not extract claims (yet). */
export function claimsOf(corpus: Corpus, uri: string): DocumentClaims | undefined {
  const c = corpus as unknown as MaybeClaims;
  const read = typeof c.claims === 'function' ? c.claims : typeof c.claimsOf === 'function' ? c.claimsOf : undefined;
  if (!read) return undefined;
  const claims = read.call(corpus, uri);
  if (!claims) return undefined;
  return { figures: claims.figures ?? [], dates: claims.dates ?? [], quotes: claims.quotes ?? [] };
}

/** True when the corpus can give claims at all (so clients may show quotes and figures). */
export function hasClaims(corpus: Corpus): boolean {
  const c = corpus as unknown as MaybeClaims;
  return typeof c.claims === 'function' || typeof c.claimsOf === 'function';
}

/** Every conflict between sources, or [] when the corpus does not find conflicts (yet). */
export function conflictsOf(corpus: Corpus): Conflict[] {
  const c = corpus as unknown as MaybeClaims;
  return typeof c.conflicts === 'function' ? c.conflicts.call(corpus) ?? [] : [];
}

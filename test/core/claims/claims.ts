// The claims modules, loaded from their compiled output. Sources and compiled tests sit at different depths
// (test/core/claims vs test/out/core/claims), so the types come from the source through the project reference
// and the code from server/out at run time.
import * as path from 'path';

type Figures = typeof import('../../../server/src/core/claims/figures');
type Dates = typeof import('../../../server/src/core/claims/dates');
type DateExpressions = typeof import('../../../server/src/core/claims/dateExpressions');
type Quotes = typeof import('../../../server/src/core/claims/quotes');
type QuoteSpans = typeof import('../../../server/src/core/claims/quoteSpans');
type Extract = typeof import('../../../server/src/core/claims/extract');
type Conflicts = typeof import('../../../server/src/core/claims/conflicts');
type Similarity = typeof import('../../../server/src/core/claims/similarity');
type Numbers = typeof import('../../../server/src/core/claims/numbers');
type Text = typeof import('../../../server/src/core/claims/text');
type Measures = typeof import('../../../server/src/core/claims/measures');
type Kit = typeof import('../../../server/src/core/claims/conflictKit');
type PrefixIndexModule = typeof import('../../../server/src/core/claims/prefixIndex');
type QuotePairs = typeof import('../../../server/src/core/claims/quotePairs');

const DIR = path.resolve(__dirname, '../../../../server/out/core/claims');
const load = <T>(name: string): T => require(path.join(DIR, name)) as T;

export const { extractFigures } = load<Figures>('figures');
export const { extractEventDates } = load<Dates>('dates');
export const { findDates, resolveWeekday, daysBetween } = load<DateExpressions>('dateExpressions');
export const { extractQuotes, MIN_QUOTE_WORDS } = load<Quotes>('quotes');
export const { findQuoteSpans } = load<QuoteSpans>('quoteSpans');
export const { extractClaims } = load<Extract>('extract');
export const { findConflicts } = load<Conflicts>('conflicts');
export const { quoteWords, quoteTokens, reworded, sameWords, compatible, isExcerpt, GAP } = load<Similarity>('similarity');
export const { roundingOf, parseNumberWord, currencyBefore } = load<Numbers>('numbers');
export const { sentenceStarts, TextMap } = load<Text>('text');
export const { normalizeMeasure } = load<Measures>('measures');
export const { stableHash, hash32, conflictId, sourceName, listNames } = load<Kit>('conflictKit');
export const { PrefixIndex, rarestFirst } = load<PrefixIndexModule>('prefixIndex');
export const { wordingPairs, sameWordsPairs, wordingPairSteps, sameWordsPairSteps, quoteRunHashes, anchorRunHashes } = load<QuotePairs>('quotePairs');
export const { Slices } = require(path.join(DIR, '..', 'steps')) as typeof import('../../../server/src/core/steps');

export type { ClaimsOfDocument } from '../../../server/src/core/claims/conflicts';
export type { PairItem } from '../../../server/src/core/claims/quotePairs';
export type { Figure, EventDate, Quote, Conflict, DocumentClaims } from '../../../server/src/core/claims/types';
export type { DocumentAnalysis, DocumentMeta, EntityKind } from '../../../server/src/core/types';

// The claims of one document as conflict finding sees them, with the corpus-wide identity of its entities.
import type { EntityKind } from '../types';
import type { DocumentClaims } from './types';

export interface ClaimsOfDocument {
  uri: string;
  title?: string;
  /** The outlet, e.g. "Pacific Wire Service"; the file name stands in when absent. */
  source?: string;
  /** ISO date (YYYY-MM-DD) of the document, when known. */
  date?: string;
  claims: DocumentClaims;
  /** The corpus entity a document-local entity belongs to. `kind` is optional; when given, speaker checks use it. */
  entityOf(local: number): { id: string; name: string; kind?: EntityKind } | undefined;
}

export interface ConflictOptions {
  /** Figures without a year are compared only between documents dated at most this many days apart (default 45). */
  figureWindowDays?: number;
  /** Two dates for one event further apart than this are taken as two events (default 7). */
  eventWindowDays?: number;
  /** Quotes are compared only between documents dated at most this many days apart (default 45). */
  quoteWindowDays?: number;
}

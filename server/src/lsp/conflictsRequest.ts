// corroborate/conflicts: every conflict between sources, for the Conflicts tree view and exports.
import type { Range } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { rangeIn } from './convert';

export interface ConflictClaimInfo { uri: string; range: Range; text: string; source?: string }
export interface ConflictInfo { id: string; kind: string; subject: string; claims: ConflictClaimInfo[]; messages: string[] }

export function provideConflicts(corpus: Corpus): { conflicts: ConflictInfo[] } {
  if (typeof (corpus as unknown as { conflicts?: unknown }).conflicts !== 'function') return { conflicts: [] };
  return {
    conflicts: corpus.conflicts().map((c) => ({
      id: c.id,
      kind: c.kind,
      subject: c.subject,
      claims: c.claims.map((claim) => ({
        uri: claim.uri,
        range: rangeIn(corpus, claim.uri, claim.start, claim.end),
        text: claim.text,
        source: sourceLabel(corpus, claim.uri),
      })),
      messages: c.messages,
    })),
  };
}

/** The publication named in a source's header, else its file name. */
export function sourceLabel(corpus: Corpus, uri: string): string {
  return corpus.source(uri)?.meta.source ?? decodeURIComponent(uri.replace(/^.*\//, ''));
}

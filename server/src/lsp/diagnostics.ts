// Publishes conflicts between sources as diagnostics: one per disputed place, naming the values and sources in
// plain words, pointing at every other place through relatedInformation. For every source (or open files only),
// re-published shortly after each change (only the sources whose conflicts changed); sources whose conflicts are
// gone are cleared.
import type { Connection, Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Conflict } from '../core/claims/types';
import { locationIn, rangeIn } from './convert';
import { severityFor, type ConflictSettings } from './conflictSettings';

export const DIAGNOSTIC_SOURCE = 'corroborate';

export interface ConflictDiagnosticData {
  conflictId: string;
  subject: string;
}

/**
 * At most this many related places per diagnostic: a conflict reported by hundreds of sources would otherwise send
 * hundreds of locations with every one of its diagnostics. The message says how many more there are.
 */
export const MAX_RELATED = 20;
/** Files re-published between two turns of the event loop. */
const CHUNK = 100;

/** Diagnostics per uri for the given conflicts (or, with `only`, for that one uri). */
export function conflictDiagnostics(corpus: Corpus, conflicts: Conflict[], settings: ConflictSettings, isOpen: (uri: string) => boolean, only?: string): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  for (const conflict of conflicts) {
    const severity = severityFor(settings, conflict.kind);
    if (severity === undefined) continue;
    conflict.claims.forEach((claim, i) => {
      if (only !== undefined && claim.uri !== only) return;
      if (settings.scope === 'openFiles' && !isOpen(claim.uri)) return;
      if (!corpus.has(claim.uri)) return;
      const diagnostic: Diagnostic = {
        range: rangeIn(corpus, claim.uri, claim.start, claim.end),
        severity,
        source: DIAGNOSTIC_SOURCE,
        code: conflict.kind,
        message: conflict.messages[i] ?? `Sources disagree about ${conflict.subject}.`,
        relatedInformation: relatedPlaces(corpus, conflict, i),
        data: { conflictId: conflict.id, subject: conflict.subject } satisfies ConflictDiagnosticData,
      };
      const list = byUri.get(claim.uri) ?? [];
      list.push(diagnostic);
      byUri.set(claim.uri, list);
    });
  }
  return byUri;
}

/** The places that disagree with place `i` of a conflict, at most MAX_RELATED (the last one saying how many more). */
function relatedPlaces(corpus: Corpus, conflict: Conflict, i: number): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  let more = 0;
  conflict.claims.forEach((other, j) => {
    if (!disagree(conflict, i, j) || !corpus.has(other.uri)) return;
    if (out.length < MAX_RELATED) out.push({ location: locationIn(corpus, other.uri, other.start, other.end), message: `${sourceName(corpus, other.uri)}: ${other.text}` });
    else more++;
  });
  if (more) out[out.length - 1].message += ` (and ${more} more ${more === 1 ? 'place' : 'places'}: see the Conflicts view)`;
  return out;
}

/** Two places of a conflict disagree unless the conflict puts them on the same side (they give the same value). */
export function disagree(conflict: Conflict, i: number, j: number): boolean {
  if (i === j) return false;
  return !conflict.sides || conflict.sides[i] !== conflict.sides[j];
}

export function sourceName(corpus: Corpus, uri: string): string {
  return corpus.source(uri)?.meta.source ?? decodeURIComponent(uri.replace(/^.*\//, ''));
}

/** Keeps the published diagnostics in step with the corpus, debounced so fast typing publishes once. */
export class DiagnosticsPublisher {
  private published = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly corpus: Corpus,
    private readonly settings: () => ConflictSettings,
    private readonly isOpen: (uri: string) => boolean,
    private readonly delayMs = 25,
  ) {}

  private lastSettings = '';
  private lastCostMs = 0;

  /**
   * Publishes after a short quiet time, never shorter than the last publish took (so typing never piles publishes up). While
   * the first index is loading nothing is published: every batch would find the conflicts of the whole corpus again,
   * and the index publishes once it is done.
   */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const loading = this.corpus.loading;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.corpus.loading) this.schedule();
      else this.publishNow(false);
    }, loading ? 500 : Math.max(this.delayMs, Math.min(this.lastCostMs, 1000)));
  }

  /** Sources whose diagnostics are still to be re-published (the rest of the last change, sent in chunks). */
  private readonly backlog = new Set<string>();
  private draining: NodeJS.Immediate | undefined;

  /**
   * Re-publishes the files whose conflicts changed (every file after a change of settings or reviewed conflicts).
   * Open files first, at once; the other files of a change in chunks, between which requests are answered (a
   * conflict reported by hundreds of sources touches all of them). `everything` sends the whole backlog now.
   */
  publishNow(everything = true): void {
    const settings = this.settings();
    const settingsKey = JSON.stringify(settings);
    const changed = this.corpus.takeConflictChanges();
    if (changed === 'all' || settingsKey !== this.lastSettings || settings.scope === 'openFiles') {
      this.lastSettings = settingsKey;
      if (everything || settings.scope === 'openFiles') {
        this.backlog.clear();
        const byUri = conflictDiagnostics(this.corpus, this.corpus.conflicts(), settings, this.isOpen);
        for (const uri of this.published) if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
        this.published = new Set(byUri.keys());
        return;
      }
      // Every file again, as a backlog: open files first, the rest in chunks between requests.
      for (const uri of this.published) this.backlog.add(uri);
      for (const c of this.corpus.conflicts()) for (const claim of c.claims) this.backlog.add(claim.uri);
    }
    const started = Date.now();
    if (changed !== 'all') for (const uri of changed) this.backlog.add(uri);
    this.publishSome([...this.backlog].filter((uri) => this.isOpen(uri)));
    if (everything) this.publishSome([...this.backlog]);
    else this.drainLater();
    this.lastCostMs = Date.now() - started;
  }

  private drainLater(): void {
    if (this.draining || !this.backlog.size) return;
    this.draining = setImmediate(() => {
      this.draining = undefined;
      this.publishSome([...this.backlog].slice(0, CHUNK));
      this.drainLater();
    });
  }

  private publishSome(uris: string[]): void {
    const settings = this.settings();
    for (const uri of uris) {
      this.backlog.delete(uri);
      const diagnostics = this.corpus.has(uri) ? conflictDiagnostics(this.corpus, this.corpus.conflictsIn(uri), settings, this.isOpen, uri).get(uri) ?? [] : [];
      if (!diagnostics.length && !this.published.has(uri)) continue;
      void this.connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) this.published.add(uri);
      else this.published.delete(uri);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.draining) clearImmediate(this.draining);
  }
}

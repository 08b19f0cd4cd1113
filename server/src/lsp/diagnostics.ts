// Publishes conflicts between sources as diagnostics: one per disputed place, naming the values and sources in
// plain words, pointing at every other place through relatedInformation. For every source (or open files only),
// re-published shortly after each change (only the sources whose conflicts changed); sources whose conflicts are
// gone are cleared.
import type { Connection, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Conflict } from '../core/claims/types';
import { rangeIn } from './convert';
import { severityFor, type ConflictSettings } from './conflictSettings';
import { shownConflicts, type Snapshot } from './diagnosticsSnapshot';

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
/** Chunks handed to the connection at once: the next one is built while the last one is written. */
const CHUNKS_IN_FLIGHT = 2;

/** What diagnostics need to know of the places of conflicts: the corpus's sources, or a snapshot of them. */
export interface Places {
  has(uri: string): boolean;
  range(uri: string, start: number, end: number): Range;
  sourceName(uri: string): string;
}

export function corpusPlaces(corpus: Corpus): Places {
  return { has: (uri) => corpus.has(uri), range: (uri, start, end) => rangeIn(corpus, uri, start, end), sourceName: (uri) => sourceName(corpus, uri) };
}

/** The places of a snapshot's conflicts, as they were when it was saved. */
export function snapshotPlaces(snapshot: Snapshot): Places {
  const ranges = new Map<string, Range>();
  for (const c of snapshot.conflicts) c.claims.forEach((claim, i) => ranges.set(`${claim.uri}\u0000${claim.start}\u0000${claim.end}`, c.ranges[i]));
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    has: (uri) => uri in snapshot.sources,
    range: (uri, start, end) => ranges.get(`${uri}\u0000${start}\u0000${end}`) ?? zero,
    sourceName: (uri) => snapshot.sources[uri] ?? fileNameOf(uri),
  };
}

/**
 * Diagnostics per uri for the given conflicts (or, with `only`, for that one uri), each file's in the order of their
 * places (then conflict ids): the same list whether a file is published alone or with the whole corpus.
 */
export function conflictDiagnostics(places: Places, conflicts: Conflict[], settings: ConflictSettings, isOpen: (uri: string) => boolean, only?: string): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  for (const [uri, list] of disputedPlaces(places, conflicts, settings, isOpen, only)) byUri.set(uri, diagnosticsAt(places, list));
  return byUri;
}

/** One place of a conflict that gets a diagnostic. */
interface DisputedPlace { conflict: Conflict; index: number; severity: DiagnosticSeverity }

/** The places of the conflicts that get a diagnostic, by uri (with `only`, that uri's alone): no diagnostic built yet. */
function disputedPlaces(places: Places, conflicts: Conflict[], settings: ConflictSettings, isOpen: (uri: string) => boolean, only?: string): Map<string, DisputedPlace[]> {
  const byUri = new Map<string, DisputedPlace[]>();
  for (const conflict of conflicts) {
    const severity = severityFor(settings, conflict.kind);
    if (severity === undefined) continue;
    conflict.claims.forEach((claim, index) => {
      if (only !== undefined && claim.uri !== only) return;
      if (settings.scope === 'openFiles' && !isOpen(claim.uri)) return;
      if (!places.has(claim.uri)) return;
      const list = byUri.get(claim.uri);
      if (list) list.push({ conflict, index, severity });
      else byUri.set(claim.uri, [{ conflict, index, severity }]);
    });
  }
  return byUri;
}

/** The diagnostics of one file's disputed places, in reading order. */
function diagnosticsAt(places: Places, list: DisputedPlace[]): Diagnostic[] {
  const diagnostics = list.map(({ conflict, index, severity }): Diagnostic => {
    const claim = conflict.claims[index];
    return {
      range: places.range(claim.uri, claim.start, claim.end),
      severity,
      source: DIAGNOSTIC_SOURCE,
      code: conflict.kind,
      message: conflict.messages[index] ?? `Sources disagree about ${conflict.subject}.`,
      relatedInformation: relatedPlaces(places, conflict, index),
      data: { conflictId: conflict.id, subject: conflict.subject } satisfies ConflictDiagnosticData,
    };
  });
  if (diagnostics.length > 1) diagnostics.sort(inReadingOrder);
  return diagnostics;
}

function inReadingOrder(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character
    || idOf(a).localeCompare(idOf(b));
}

const idOf = (d: Diagnostic) => (d.data as ConflictDiagnosticData).conflictId;

/** The places that disagree with place `i` of a conflict, at most MAX_RELATED (the last one saying how many more). */
function relatedPlaces(places: Places, conflict: Conflict, i: number): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  let more = 0;
  conflict.claims.forEach((other, j) => {
    if (!disagree(conflict, i, j) || !places.has(other.uri)) return;
    if (out.length < MAX_RELATED) out.push({ location: { uri: other.uri, range: places.range(other.uri, other.start, other.end) }, message: `${places.sourceName(other.uri)}: ${other.text}` });
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
  return corpus.source(uri)?.meta.source ?? fileNameOf(uri);
}

const fileNameOf = (uri: string) => decodeURIComponent(uri.replace(/^.*\//, ''));

/** Keeps the published diagnostics in step with the corpus, debounced so fast typing publishes once. */
export class DiagnosticsPublisher {
  private published = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly corpus: Corpus,
    private readonly settings: () => ConflictSettings,
    private readonly isOpen: (uri: string) => boolean,
    private readonly delayMs = 10,
    /** Work a publish waits for while there is some (the filing of claims after an index, when an edit needs it); asked again once it resolves. */
    private readonly ready: () => Promise<void> | undefined = () => undefined,
  ) {}

  private lastSettings = '';
  private lastCostMs = 0;

  /**
   * Publishes after a short quiet time, never shorter than the last publish took (so typing never piles publishes up). While
   * the first index is loading nothing is published: every batch would find the conflicts of the whole corpus again,
   * and the index publishes once it is done. While `ready` gives work under way, the publish waits for it.
   */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const loading = this.corpus.loading;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.corpus.loading) return this.schedule();
      const pending = this.ready();
      if (pending) void pending.then(() => this.schedule());
      else this.publishNow();
    }, loading ? 500 : Math.max(this.delayMs, Math.min(this.lastCostMs, 1000)));
  }

  /**
   * Shows the diagnostics of a snapshot of the last session while the index loads (only before anything else was
   * published); the first publish from the index replaces them. Resolves once they are written (the connection
   * writes one message per turn of the event loop, which the index would otherwise keep busy).
   */
  async showSnapshot(snapshot: Snapshot): Promise<void> {
    if (this.published.size) return;
    const settings = this.settings();
    const places = snapshotPlaces(snapshot);
    const byUri = disputedPlaces(places, shownConflicts(snapshot), settings, this.isOpen);
    this.published = new Set(byUri.keys());
    this.fromSnapshot = true;
    this.snapshotSettings = JSON.stringify(settings);
    // A chunk at a time, each built while the one before is written (and read by the editor), two at most handed
    // to the connection: building them all first kept the editor waiting for the first one.
    const uris = [...byUri.keys()];
    let before: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < uris.length; i += CHUNK) {
      const written = uris.slice(i, i + CHUNK).map((uri) => this.connection.sendDiagnostics({ uri, diagnostics: diagnosticsAt(places, byUri.get(uri)!) }));
      await before;
      before = Promise.all(written);
    }
    await before;
  }

  private fromSnapshot = false;
  /** The settings the snapshot's diagnostics were made with. */
  private snapshotSettings = '';

  /**
   * The index found what the snapshot shows (it took the snapshot's conflicts, every source being as it was): the
   * diagnostics shown stand, and are not published again unless the settings changed since.
   */
  snapshotHolds(): void {
    if (!this.fromSnapshot) return;
    this.fromSnapshot = false;
    this.lastSettings = this.snapshotSettings;
    // What the load changed (every source, the reviewed conflicts read) is what the snapshot already shows.
    this.corpus.takeConflictChanges();
  }

  /** Sources whose diagnostics are still to be re-published (the rest of the last change, sent in chunks). */
  private readonly backlog = new Set<string>();
  private draining = false;

  /**
   * Re-publishes the files whose conflicts changed (every file after a change of settings or reviewed conflicts).
   * Open files first, at once; the other files in chunks, between which requests are answered (a conflict reported
   * by hundreds of sources touches all of them, and the first index touches every source).
   */
  publishNow(): void {
    const settings = this.settings();
    const settingsKey = JSON.stringify(settings);
    const changed = this.corpus.takeConflictChanges();
    // What a snapshot showed is replaced by what the index finds, file by file.
    if (this.fromSnapshot) for (const uri of this.published) this.backlog.add(uri);
    this.fromSnapshot = false;
    if (changed === 'all' || settingsKey !== this.lastSettings || settings.scope === 'openFiles') {
      this.lastSettings = settingsKey;
      if (settings.scope === 'openFiles') {
        // Only open files have diagnostics: all of them at once.
        this.backlog.clear();
        const byUri = conflictDiagnostics(corpusPlaces(this.corpus), this.corpus.conflicts(), settings, this.isOpen);
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
    this.drainLater();
    this.lastCostMs = Date.now() - started;
  }

  /** Publishes what changed now and resolves once every pending file is out. */
  publishAll(): Promise<void> {
    this.publishNow();
    return this.whenPublished();
  }

  /** Resolves once every pending file has been re-published and written (what `corroborate/whenIndexed` waits for). */
  whenPublished(): Promise<void> {
    if (!this.backlog.size && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private drained: (() => void)[] = [];

  /**
   * Publishes the backlog a chunk at a time, the next chunk built while the last one is written, never more than two
   * handed to the connection: a request answered meanwhile waits behind two chunks of messages at most, not behind
   * every file's.
   */
  private drainLater(): void {
    if (this.draining || this.writing >= CHUNKS_IN_FLIGHT) return;
    if (!this.backlog.size) {
      if (!this.writing) for (const resolve of this.drained.splice(0)) resolve();
      return;
    }
    this.draining = true;
    setImmediate(() => {
      this.draining = false;
      if (this.disposed) return;
      const written = this.publishSome([...takeSome(this.backlog, CHUNK)]);
      this.writing++;
      void Promise.all(written).catch(() => undefined).then(() => {
        this.writing--;
        if (!this.disposed) this.drainLater();
      });
      this.drainLater();
    });
  }

  /** Chunks handed to the connection and not yet written. */
  private writing = 0;

  private publishSome(uris: string[]): Promise<void>[] {
    const settings = this.settings();
    const written: Promise<void>[] = [];
    for (const uri of uris) {
      this.backlog.delete(uri);
      const diagnostics = this.corpus.has(uri) ? conflictDiagnostics(corpusPlaces(this.corpus), this.corpus.conflictsIn(uri), settings, this.isOpen, uri).get(uri) ?? [] : [];
      if (!diagnostics.length && !this.published.has(uri)) continue;
      written.push(this.connection.sendDiagnostics({ uri, diagnostics }));
      if (diagnostics.length) this.published.add(uri);
      else this.published.delete(uri);
    }
    return written;
  }

  private disposed = false;

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const resolve of this.drained.splice(0)) resolve();
  }
}

/** The first `n` members of a set, in its order (without copying the rest). */
function* takeSome<T>(set: Set<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let k = 0;
  for (const x of set) {
    yield x;
    if (++k >= n) return;
  }
}

// The corpus: every source's analysis, cached by uri and version, the entity grouping over all of them and the
// conflicts between them. Kept current cheaply: an edit that leaves a document's names as they were patches its
// entities in place instead of regrouping, and conflicts are re-found only for the claims the change touches
// (conflictIndex.ts). The one stateful object of the core; it never reads files itself.
import type { DocumentMeta, Entity, Mention, SourceText } from './types';
import { analyzeDocument, type DocumentAnalysisInternal } from './document';
import { entityIdOf, groupEntities, groupEntitySteps, groupingSignature, patchGrouping, type Grouping } from './grouping';
import { EMPTY_USER_ENTITIES, parseUserEntities, type ConfigProblem, type UserEntities } from './userEntities';
import { extractClaims } from './claims/extract';
import type { ClaimsOfDocument } from './claims/conflicts';
import { stableHash } from './claims/conflictKit';
import type { Conflict, ConflictKind, DocumentClaims } from './claims/types';
import { parseReviewed, type ReviewedConflict } from './reviewed';
import { ConflictIndex } from './conflictIndex';
import { SharedStrings } from './sharedStrings';
import { SLICE_MS, Slices, finish } from './steps';

const NO_CLAIMS: DocumentClaims = { figures: [], dates: [], quotes: [] };

export interface SourceInfo {
  uri: string;
  meta: DocumentMeta;
  /** Offsets where each line starts, to name lines in hovers and reports. */
  lineStarts: number[];
}

/** One document analyzed elsewhere (a worker thread, a cache): plain data, inserted as is. */
export interface AnalyzedSource {
  analysis: DocumentAnalysisInternal;
  claims: DocumentClaims;
  lineStarts: number[];
  /** Why claims could not be extracted, when they could not. */
  claimFailure?: string;
  /** Made by JSON.parse (`analysisFromJson`): its shortest strings are shared already (see `SharedStrings.adopt`). */
  parsed?: boolean;
}

export class Corpus {
  private readonly docs = new Map<string, DocumentAnalysisInternal>();
  private readonly lines = new Map<string, number[]>();
  private user: UserEntities = EMPTY_USER_ENTITIES;
  private readonly claims = new Map<string, DocumentClaims>();
  private grouping: Grouping | undefined;
  private conflictList: Conflict[] | undefined;
  private reviewed = new Map<string, ReviewedConflict>();
  private generation = 0;
  /** Texts given with `updateLater`, analyzed when something is next read (only the latest version of each). */
  private readonly pending = new Map<string, SourceText>();
  private regroup = true;
  private readonly patches = new Set<string>();
  /** How each document's local entities resolve (id, name, kind), as last given to the conflict index. */
  private readonly resolutions = new Map<string, Resolved[]>();
  private resolveAll = false;
  private readonly claimsDirty = new Set<string>();
  /** Order in which documents entered (as the Map of analyses keeps them), for the conflict index. */
  private readonly ranks = new Map<string, number>();
  private nextRank = 0;
  private readonly conflictIndex = new ConflictIndex((uri) => this.ranks.get(uri) ?? Infinity);
  private allConflictsTouched = false;
  /** Documents were handed to the conflict index by `prepareSteps` since the last sync. */
  private givenSinceSync = false;
  private bulk = false;
  /** `prepareSteps` is under way. */
  private preparing = false;
  private groupedAt = 0;
  private groupMs = 0;
  /** One copy of each uri, name and quote word the analyses repeat. */
  private readonly strings = new SharedStrings();

  /** `sliceMs`: how long one step of `prepareSteps`' grouping and first conflicts works (tests make it 0: a step per few items). */
  constructor(private readonly options: { sliceMs?: number } = {}) {}

  private get sliceMs(): number {
    return this.options.sliceMs ?? SLICE_MS;
  }

  /** Documents whose claims could not be extracted (kept out of conflicts, reported by the server). */
  readonly claimFailures = new Map<string, string>();

  /** Analyzes a source unless the same version is already known. Returns true when anything changed. */
  update(source: SourceText): boolean {
    this.pending.delete(source.uri);
    const known = this.docs.get(source.uri);
    if (known && known.version === source.version) return false;
    const analysis = analyzeDocument(source);
    let claims = NO_CLAIMS;
    let claimFailure: string | undefined;
    try {
      claims = extractClaims(source.text, analysis, analysis.meta);
    } catch (error) {
      claimFailure = error instanceof Error ? error.message : String(error);
    }
    this.insert({ analysis, claims, lineStarts: lineStarts(source.text), claimFailure });
    return true;
  }

  /**
   * Takes a source to analyze when the corpus is next read: a newer version given before then replaces it, so
   * fast typing analyzes only the text that is read.
   */
  updateLater(source: SourceText): void {
    const known = this.docs.get(source.uri);
    if (known && known.version === source.version) {
      this.pending.delete(source.uri);
      return;
    }
    this.pending.set(source.uri, source);
    this.generation++;
  }

  /** Adds a document analyzed elsewhere (worker thread, cache); replaces the one with the same uri. */
  insert(source: AnalyzedSource): void {
    const { analysis } = source;
    const uri = analysis.uri;
    this.strings.adopt(analysis, source.claims, source.parsed);
    this.pending.delete(uri);
    const before = this.docs.get(uri);
    if (!before) this.ranks.set(uri, this.nextRank++);
    this.docs.set(uri, analysis);
    this.lines.set(uri, source.lineStarts);
    this.claims.set(uri, source.claimFailure === undefined ? source.claims : NO_CLAIMS);
    if (source.claimFailure === undefined) this.claimFailures.delete(uri);
    else this.claimFailures.set(uri, source.claimFailure);
    // The same grouping signature as the version before (compared only when a grouping could be patched): its
    // entities are patched in place.
    if (before && this.grouping && !this.regroup && groupingSignature(before) === groupingSignature(analysis)) this.patches.add(uri);
    else this.regroup = true;
    this.claimsDirty.add(uri);
    this.changedAnalysis();
  }

  remove(uri: string): boolean {
    const hadPending = this.pending.delete(uri);
    const had = this.docs.delete(uri);
    this.lines.delete(uri);
    this.claims.delete(uri);
    this.claimFailures.delete(uri);
    this.ranks.delete(uri);
    if (had) {
      this.regroup = true;
      this.claimsDirty.add(uri);
      this.changedAnalysis();
    }
    return had || hadPending;
  }

  /**
   * While bulk loading (the first index), reads may be answered from a grouping and conflicts a little behind,
   * recomputed at most as often as keeps that work a small share of the time.
   */
  setBulk(on: boolean): void {
    this.bulk = on;
  }

  /** True while an edit (or any change) is not yet in the conflicts: what `conflicts()` would bring up to date. */
  get changesPending(): boolean {
    return this.pending.size > 0 || this.claimsDirty.size > 0;
  }

  /** True while bulk loading (the first index) or preparing after it: conflicts are best left until it ends. */
  get loading(): boolean {
    return this.bulk || this.preparing;
  }

  has(uri: string): boolean {
    return this.docs.has(uri) || this.pending.has(uri);
  }

  /** Reads the user's corrections; returns the problems found in the file (the valid parts still apply). */
  setUserEntities(text: string | undefined): ConfigProblem[] {
    const { config, problems } = text === undefined ? { config: EMPTY_USER_ENTITIES, problems: [] } : parseUserEntities(text);
    this.user = config;
    this.regroup = true;
    this.changedAnalysis();
    return problems;
  }

  /** Reads .corroborate/reviewed.json: conflicts listed there are no longer reported. */
  setReviewed(text: string | undefined): ConfigProblem[] {
    const { reviewed, problems } = parseReviewed(text);
    const before = JSON.stringify([...this.reviewed.values()]);
    this.reviewed = new Map(reviewed.map((r) => [r.id, r]));
    // The file read again as it was: nothing changes, nothing is published again.
    if (JSON.stringify([...this.reviewed.values()]) === before) return problems;
    this.conflictList = undefined;
    this.allConflictsTouched = true;
    this.generation++;
    return problems;
  }

  reviewedConflict(id: string): ReviewedConflict | undefined {
    return this.reviewed.get(id);
  }

  claimsOf(uri: string): DocumentClaims | undefined {
    this.flush();
    return this.claims.get(uri);
  }

  /** Every unreviewed conflict between sources; after a change only the conflicts it touches are found again. */
  conflicts(): Conflict[] {
    this.updateConflicts();
    return (this.conflictList ??= this.conflictIndex.conflicts().filter((c) => !this.reviewed.has(c.id)));
  }

  /**
   * Brings the conflicts up to date with the changes, without listing them all (which sorts every conflict: 9 ms
   * of each edit at 10,000 sources). While bulk loading, a list made moments before stands.
   */
  private updateConflicts(): void {
    if (this.conflictList && this.bulk && Date.now() - this.groupedAt < 4 * this.groupMs + 250) return;
    if (this.syncConflicts()) this.conflictList = undefined;
    this.conflictIndex.update();
  }

  /** The unreviewed conflicts with a place in one document. */
  conflictsIn(uri: string): Conflict[] {
    this.updateConflicts();
    return this.conflictIndex.conflictsOf(uri).filter((c) => !this.reviewed.has(c.id));
  }

  /**
   * The uris whose conflicts may have changed since the last call ('all' after a change of reviewed conflicts),
   * so diagnostics are re-published only there.
   */
  takeConflictChanges(): Set<string> | 'all' {
    this.updateConflicts();
    const touched = this.conflictIndex.takeTouched();
    if (this.allConflictsTouched) {
      this.allConflictsTouched = false;
      return 'all';
    }
    return touched;
  }

  /** Changes whenever the analysis changes; lets callers cache what they derive. */
  get version(): number {
    return this.generation;
  }

  get size(): number {
    this.flush();
    return this.docs.size;
  }

  uris(): string[] {
    this.flush();
    return [...this.docs.keys()];
  }

  analysis(uri: string): DocumentAnalysisInternal | undefined {
    this.flush();
    return this.docs.get(uri);
  }

  source(uri: string): SourceInfo | undefined {
    this.flush();
    const doc = this.docs.get(uri);
    return doc && { uri, meta: doc.meta, lineStarts: this.lines.get(uri) ?? [0] };
  }

  entities(): Entity[] {
    return this.group().entities;
  }

  entity(id: string): Entity | undefined {
    return this.group().byId.get(id);
  }

  /** The entity of the local entity `index` of document `uri`. */
  entityOfLocal(uri: string, index: number): Entity | undefined {
    const grouping = this.group(uri);
    const id = entityIdOf(grouping, uri, index);
    return id === undefined ? undefined : grouping.byId.get(id);
  }

  /** The mention under an offset, and its entity. */
  mentionAt(uri: string, offset: number): { mention: Mention; entity: Entity } | undefined {
    this.flush();
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const mentions = doc.mentions;
    let lo = 0;
    let hi = mentions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = mentions[mid];
      if (offset < m.start) hi = mid - 1;
      else if (offset > m.end) lo = mid + 1;
      else {
        const entity = this.entityOfLocal(uri, m.local);
        return entity ? { mention: m, entity } : undefined;
      }
    }
    return undefined;
  }

  /** Mentions of entities in one document, each with its entity (mentions of dropped candidates left out). */
  mentionsIn(uri: string): { mention: Mention; entity: Entity }[] {
    this.flush();
    const doc = this.docs.get(uri);
    if (!doc) return [];
    const out: { mention: Mention; entity: Entity }[] = [];
    for (const mention of doc.mentions) {
      const entity = this.entityOfLocal(uri, mention.local);
      if (entity) out.push({ mention, entity });
    }
    return out;
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    for (const source of [...this.pending.values()]) this.update(source);
  }

  /**
   * The grouping, brought up to date. While bulk loading, a read about one document (`forUri`) that the current
   * grouping already covers, as analyzed now, is answered from it; other reads regroup at most as often as keeps
   * that work a small share of the load. While the first grouping after a load runs in steps (`prepareSteps`), the
   * same holds for a read about one document.
   */
  private group(forUri?: string): Grouping {
    this.flush();
    if (!this.grouping || this.regroup) {
      const loading = this.bulk || this.preparing;
      if (this.grouping && loading && forUri !== undefined && this.grouping.localsByUri.get(forUri)?.[0]?.local.doc === this.docs.get(forUri)) return this.grouping;
      if (this.grouping && this.bulk && Date.now() - this.groupedAt < 4 * this.groupMs + 250) return this.grouping;
      const started = Date.now();
      return this.installGrouping(groupEntities(this.docs.values(), this.user), Date.now() - started);
    } else if (this.patches.size) {
      for (const uri of this.patches) {
        const doc = this.docs.get(uri);
        if (doc) patchGrouping(this.grouping, doc);
      }
      this.patches.clear();
    }
    return this.grouping;
  }

  /**
   * Brings grouping and conflicts up to date in steps of about `sliceMs` each (grouping, handing documents to the
   * conflict index, the first full pass of conflicts), so a server can answer requests between them after a bulk
   * load. The step after grouping yields 'grouped'. Reading the corpus at any point finishes the rest at once; the
   * result is the same either way.
   */
  *prepareSteps(): Generator<'grouped' | void> {
    this.preparing = true;
    const expected = this.expected;
    this.expected = undefined;
    this.adoptedExpected = false;
    try {
      this.flush();
      yield* this.groupInSteps();
      const grouping = this.group();
      yield 'grouped';
      yield* this.giveSteps(grouping, new Slices(this.sliceMs));
      if (this.grouping !== grouping || this.regroup || this.pending.size || this.claimsDirty.size) return;
      this.adoptedExpected = !!expected && expected.generation === this.generation && this.conflictIndex.adopt(expected.conflicts);
      if (!this.adoptedExpected && this.conflictIndex.fullPassDue) yield* this.conflictIndex.fullPassSteps(this.sliceMs);
      this.conflictList = undefined;
    } finally {
      this.preparing = false;
    }
  }

  /**
   * Files the conflict index's claims under the keys of `kinds` (all by default) an edit's partial pass follows, in
   * steps of about `sliceMs`: the first full pass does not need them, so `prepareSteps` leaves them for a server to
   * run once the first conflicts are published. An edit before then files what is left of the kinds it follows at once.
   */
  *linkSteps(kinds?: readonly ConflictKind[]): Generator<void> {
    yield* this.conflictIndex.linkSteps(new Slices(this.sliceMs), kinds);
  }

  /**
   * The kinds of claims bringing the conflicts up to date now would file at once, some source not being filed under
   * them yet (the changes since the last conflicts follow their keys): a server may file them in steps first
   * (`linkSteps`). The changes are given to the conflict index first, as `conflicts()` does; none while loading.
   */
  kindsToLink(): ConflictKind[] {
    // While an index loads nothing is filed yet, and nothing is brought up to date but in `prepareSteps`.
    if (this.loading) return [];
    this.giveChanges();
    return this.conflictIndex.kindsToLink();
  }

  private expected: { conflicts: Conflict[]; generation: number } | undefined;
  private adoptedExpected = false;

  /**
   * What the next `prepareSteps`' full pass of conflicts would find, known beforehand (the last session's
   * conflicts, when every source is as it was then): it takes them instead of running the pass, if no document,
   * setting or correction changed in between and every place is still a claim of its kind (`adoptedExpected` then).
   */
  expectConflicts(conflicts: Conflict[]): void {
    this.expected = { conflicts, generation: this.generation };
  }

  /** True when the last `prepareSteps` took the expected conflicts instead of finding them. */
  get tookExpectedConflicts(): boolean {
    return this.adoptedExpected;
  }

  /** Every conflict, the reviewed ones too (what `expectConflicts` takes), and the ids of the reviewed ones. */
  conflictsWithReviewed(): { conflicts: Conflict[]; reviewed: string[] } {
    this.conflicts();
    const conflicts = this.conflictIndex.conflicts();
    return { conflicts, reviewed: conflicts.filter((c) => this.reviewed.has(c.id)).map((c) => c.id) };
  }

  /**
   * A regrouping, when one is due, in steps (a read meanwhile about a source the last grouping covers is answered
   * from it); if anything changed meanwhile, the result is dropped and the next read regroups.
   */
  private *groupInSteps(): Generator<void> {
    if (this.grouping && !this.regroup) return;
    const generation = this.generation;
    const steps = groupEntitySteps([...this.docs.values()], this.user, this.sliceMs);
    let busy = 0;
    for (;;) {
      const started = Date.now();
      const step = steps.next();
      busy += Date.now() - started;
      if (step.done) {
        if (this.generation === generation && this.regroup && !this.pending.size) this.installGrouping(step.value, busy);
        return;
      }
      yield;
    }
  }

  private installGrouping(grouping: Grouping, ms: number): Grouping {
    this.grouping = grouping;
    this.groupedAt = Date.now();
    this.groupMs = ms;
    this.regroup = false;
    this.patches.clear();
    this.resolveAll = true;
    return grouping;
  }

  /** Gives the conflict index every document whose claims or entities changed; true when any did. */
  private syncConflicts(): boolean {
    this.giveChanges();
    const changed = this.givenSinceSync;
    this.givenSinceSync = false;
    return changed;
  }

  /** Gives the conflict index every change since the last time, at once. */
  private giveChanges(): void {
    finish(this.giveSteps(this.group(), new Slices(Infinity)));
  }

  /**
   * Gives the conflict index, in steps of `slices`, the changed documents and, after a regrouping, every one whose
   * entities now resolve otherwise. Stops (leaving the rest to the next sync) if the grouping is replaced between
   * steps.
   */
  private *giveSteps(grouping: Grouping, slices: Slices): Generator<void> {
    const checkAll = this.resolveAll;
    const uris = checkAll ? [...new Set([...this.docs.keys(), ...this.claimsDirty])] : [...this.claimsDirty];
    for (const uri of uris) {
      if (slices.due()) {
        yield;
        if (this.grouping !== grouping) return;
      }
      if (this.claimsDirty.delete(uri)) this.giveToConflicts(uri, grouping);
      else if (checkAll && this.docs.has(uri) && !sameResolution(this.resolutions.get(uri), resolvedEntities(this.docs.get(uri)!, grouping))) this.giveToConflicts(uri, grouping);
    }
    if (checkAll && this.grouping === grouping) this.resolveAll = false;
  }

  private giveToConflicts(uri: string, grouping: Grouping): void {
    const entry = this.claimsEntry(uri, grouping);
    this.conflictIndex.set(uri, entry?.doc, entry && (() => resolutionHash(entry.resolved)));
    if (entry) this.resolutions.set(uri, entry.resolved);
    else this.resolutions.delete(uri);
    this.givenSinceSync = true;
  }

  /** A document as conflict finding sees it, with a snapshot of its entities' corpus identity. */
  private claimsEntry(uri: string, grouping: Grouping): { doc: ClaimsOfDocument; resolved: Resolved[] } | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const resolved = resolvedEntities(doc, grouping);
    return {
      doc: { uri, title: doc.meta.title, source: doc.meta.source, date: doc.meta.date, claims: this.claims.get(uri) ?? NO_CLAIMS, entityOf: (local) => resolved[local] },
      resolved,
    };
  }

  private changedAnalysis(): void {
    this.conflictList = undefined;
    this.generation++;
  }
}

type Resolved = { id: string; name: string; kind: Entity['kind'] } | undefined;

/** The corpus identity (id, name, kind) of each local entity of a document. */
function resolvedEntities(doc: DocumentAnalysisInternal, grouping: Grouping): Resolved[] {
  const ids = grouping.entityOfLocal.get(doc.uri);
  return doc.localEntities.map((_, index) => {
    const id = ids?.[index];
    const entity = id === undefined ? undefined : grouping.byId.get(id);
    return entity && identityOf(entity);
  });
}

/** One identity object per entity, shared by the documents that name it (as long as its name and kind stay). */
function identityOf(entity: Entity): NonNullable<Resolved> {
  const known = IDENTITIES.get(entity);
  if (known && known.id === entity.id && known.name === entity.canonical && known.kind === entity.kind) return known;
  const identity = { id: entity.id, name: entity.canonical, kind: entity.kind };
  IDENTITIES.set(entity, identity);
  return identity;
}

const IDENTITIES = new WeakMap<Entity, NonNullable<Resolved>>();

function resolutionHash(resolved: Resolved[]): string {
  return stableHash(resolved.map((e) => (e ? `${e.id}\u0001${e.name}\u0001${e.kind}` : '')));
}

/** The same corpus identity (id, name, kind) for each local entity. */
function sameResolution(a: Resolved[] | undefined, b: Resolved[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.id !== y.id || x.name !== y.name || x.kind !== y.kind) return false;
  }
  return true;
}

/** Offsets where lines start; a line ends at \n, \r\n or a lone \r, as in LSP. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Zero-based line of an offset. */
export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

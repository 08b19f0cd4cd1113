// Conflicts kept up to date one document at a time: every claim carries the keys that link it to the claims it
// could conflict with (measure and owner, the event's participants, the speaker, the quote's word shingles);
// a change re-runs the conflict finders only on the claims connected to the changed documents by those keys.
import type { ClaimsOfDocument } from './claims/corpusClaims';
import { dateConflicts, dateConflictSteps } from './claims/dateConflicts';
import { MULTI_DAY, ONCE_PER_SUBJECT } from './claims/events';
import { figureConflicts, figureConflictSteps, figureDay, figureLinkKey, figureWindowWidth, isTimeless, statedOwnerKey, type FigureChange } from './claims/figureConflicts';
import { FigureDays, type DayMember } from './figureDays';
import { Slices, finish } from './steps';
import { quoteConflicts, quoteConflictSteps } from './claims/quoteConflicts';
import { quoteTokens } from './claims/similarity';
import { quoteRunHashes } from './claims/quotePairs';
import type { Conflict, ConflictKind, DocumentClaims } from './claims/types';
import { stableHash } from './claims/conflictKit';

const KINDS: ConflictKind[] = ['figure', 'date', 'quote-wording', 'quote-speaker'];
const ORDER: Record<ConflictKind, number> = { figure: 0, date: 1, 'quote-wording': 2, 'quote-speaker': 3 };
/** As in dateConflicts: at most this many participants of one date make its keys. */
const MAX_PARTICIPANTS = 6;
/** Above this share of changed documents, one full pass is cheaper than following keys. */
const FULL_PASS_SHARE = 0.2;

interface Entry {
  doc: ClaimsOfDocument;
  /** Whatever else the finders read of the document, hashed by the caller (see `set`); asked only of changed documents. */
  context: () => string;
  /** Per kind, per claim (figures, dates or quotes, by index): its linking keys (made when first needed: `keysOfEntry`). */
  keys?: Partial<Record<ConflictKind, LinkKey[][]>>;
}

export class ConflictIndex {
  private readonly entries = new Map<string, Entry>();
  /** kind -> key -> uris holding a claim with that key (see `UriSet`). */
  private readonly byKey = new Map<ConflictKind, Map<LinkKey, UriSet>>(KINDS.map((k) => [k, new Map()]));
  private readonly found = new Map<string, Conflict>();
  private readonly byUri = new Map<string, Set<string>>();
  /** Changed documents and what they were before the change. */
  private readonly dirty = new Map<string, { entry: Entry } | undefined>();
  /**
   * Per kind, documents set but not yet filed under that kind's keys (`byKey`; `figureDays` for figures): only a
   * partial pass follows keys, and only those of the kinds whose claims changed, so a full pass does not wait for
   * them (`linkSteps` files them afterwards, the cheap kinds first) and a partial pass files only the kinds it follows.
   */
  private readonly unlinked = new Map<ConflictKind, Set<string>>(KINDS.map((k) => [k, new Set()]));
  private built = false;
  private list: Conflict[] | undefined;
  private readonly touched = new Set<string>();
  /** Stated owners of figures, per measure and unit: how many figures state each (as figureConflicts' knownOwners). */
  private readonly ownerCounts = new Map<string, Map<string, number>>();
  private readonly owners = new Map<string, Set<string>>();
  /** Owners (measure, unit, owner) whose count changed since the last pass, and whether each was known before. */
  private readonly ownerMarks = new Map<string, { k: string; id: string; known: boolean }>();
  private readonly figureDays = new FigureDays();

  /** `rankOf` orders documents as the corpus does (the finders' messages list sources in that order). */
  constructor(private readonly rankOf: (uri: string) => number) {}

  /**
   * Sets (or with undefined removes) one document's claims, as conflict finding sees them; `context` stands for
   * whatever else the finders read of it (its date, source, how its entities resolve), hashed by the caller.
   */
  set(uri: string, doc: ClaimsOfDocument | undefined, context: () => string = () => ''): void {
    const old = this.entries.get(uri);
    if (!this.dirty.has(uri)) this.dirty.set(uri, old && { entry: old });
    if (old) {
      this.countOwners(old, -1);
      for (const kind of KINDS) if (!this.unlinked.get(kind)!.delete(uri)) this.file(uri, old, kind, false);
    }
    if (doc) {
      const entry: Entry = { doc, context };
      this.entries.set(uri, entry);
      this.countOwners(entry, 1);
      for (const kind of KINDS) this.unlinked.get(kind)!.add(uri);
    } else this.entries.delete(uri);
    this.list = undefined;
  }

  /**
   * Files the documents not filed yet under the keys of `kinds`, kind by kind, in steps of `slices`: for a server to
   * run once the first conflicts are out, so the first edit does not wait for them. Safe to interleave with `set`:
   * each step takes what is unlinked then.
   */
  *linkSteps(slices: Slices, kinds: readonly ConflictKind[] = KINDS): Generator<void> {
    for (const kind of kinds) yield* this.linkKindSteps(kind, slices);
  }

  private *linkKindSteps(kind: ConflictKind, slices: Slices): Generator<void> {
    const unlinked = this.unlinked.get(kind)!;
    for (const uri of unlinked) {
      if (slices.due()) yield;
      if (!unlinked.delete(uri)) continue;
      this.file(uri, this.entries.get(uri)!, kind, true);
    }
  }

  /**
   * The kinds whose keys the next `conflicts()` would follow though some unchanged document is not filed under
   * them yet (it would then file them all at once): a caller may rather file them in steps first (`linkSteps`).
   */
  kindsToLink(): ConflictKind[] {
    if (!this.dirty.size || this.fullPassDue) return [];
    // The changed documents themselves are unfiled (set anew), and filed by the pass in no time.
    return this.kindsToFollow().filter((kind) => {
      for (const uri of this.unlinked.get(kind)!) if (!this.dirty.has(uri)) return true;
      return false;
    });
  }

  /** The kinds a partial pass follows keys for: those of which some changed document's claims changed, not only moved. */
  private kindsToFollow(): ConflictKind[] {
    return KINDS.filter((kind) => [...this.dirty].some(([uri, old]) => !this.onlyMoved(uri, old, kind)));
  }

  /** A changed document's claims of one kind are the same but for their places (the text was edited around them). */
  private onlyMoved(uri: string, old: { entry: Entry } | undefined, kind: ConflictKind): boolean {
    const now = this.entries.get(uri);
    return !!old && !!now && signatureOf(old.entry, kind) === signatureOf(now, kind);
  }

  /** Finds the conflicts again where documents changed since the last time (all of them when a full pass is due). */
  update(): void {
    if (this.fullPassDue) this.fullPass();
    else if (this.dirty.size) this.partialPass();
  }

  /** Every conflict, sorted as findConflicts sorts them (kind, first place, id). */
  conflicts(): Conflict[] {
    this.update();
    if (!this.list) {
      this.list = [...this.found.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]
        || a.claims[0].uri.localeCompare(b.claims[0].uri) || a.claims[0].start - b.claims[0].start || a.id.localeCompare(b.id));
    }
    return this.list;
  }

  /** The conflicts with a claim in one document (call `update()` first to bring them up to date). */
  conflictsOf(uri: string): Conflict[] {
    return [...(this.byUri.get(uri) ?? [])].map((id) => this.found.get(id)!);
  }

  /** Uris whose conflicts may have changed since the last call (all of them after a full pass). */
  takeTouched(): Set<string> {
    this.update();
    const out = new Set(this.touched);
    this.touched.clear();
    return out;
  }

  private fullPass(): void {
    finish(this.fullPassSteps());
  }

  /**
   * A full pass in steps of about `sliceMs` of work (and one between the kinds of conflict), so a caller can answer
   * requests between them; `conflicts()` runs them all at once. The pass applies at its last step.
   */
  *fullPassSteps(sliceMs = Infinity): Generator<void> {
    const slices = new Slices(sliceMs);
    const docs = [...this.entries.values()].map((e) => e.doc).sort((a, b) => this.rankOf(a.uri) - this.rankOf(b.uri));
    const entries = this.entries.size;
    const found: Conflict[] = yield* figureConflictSteps(docs, {}, undefined, slices);
    yield;
    found.push(...(yield* dateConflictSteps(docs, {}, slices)));
    yield;
    found.push(...(yield* quoteConflictSteps(docs, {}, slices)));
    // Changed while paused (an edit between steps): this pass is stale, a full one runs when next asked.
    if (this.entries.size !== entries || docs.some((d) => this.entries.get(d.uri)?.doc !== d)) return;
    this.applyPass(found);
  }

  /**
   * Takes the result of a full pass found elsewhere (the last session's, when every document is as it was then)
   * instead of running one: only when a full pass is due, and only if every place of every conflict is a claim of
   * its kind, with its text, in the index (else false, and nothing changes). Nothing counts as touched: what the
   * conflicts say is already shown.
   */
  adopt(found: Conflict[]): boolean {
    if (!this.fullPassDue || !found.every((c) => this.holds(c))) return false;
    this.applyPass(found);
    this.touched.clear();
    return true;
  }

  private holds(c: Conflict): boolean {
    return c.claims.every((place) => {
      const entry = this.entries.get(place.uri);
      const claims: { start: number; end: number; text: string }[] | undefined = entry && claimsOfKind(entry.doc.claims, c.kind);
      return !!claims?.some((x) => x.start === place.start && x.end === place.end && x.text === place.text);
    });
  }

  private applyPass(found: Conflict[]): void {
    for (const uri of this.dirty.keys()) this.touched.add(uri);
    const before = new Map(this.found);
    this.found.clear();
    this.byUri.clear();
    for (const c of found) this.add(c, before);
    for (const c of before.values()) this.touchAll(c);
    this.dirty.clear();
    this.ownerMarks.clear();
    this.built = true;
    this.list = undefined;
  }

  /** True when a full pass is due (nothing built yet, or too much changed to follow keys). */
  get fullPassDue(): boolean {
    return !this.built || this.dirty.size > FULL_PASS_SHARE * Math.max(this.entries.size, 1);
  }

  private partialPass(): void {
    for (const kind of KINDS) {
      const seeds = new Set<LinkKey>();
      const changed = new Set<string>();
      for (const [uri, old] of this.dirty) {
        const now = this.entries.get(uri);
        // Claims that only moved (text edited around them): their conflicts stay, with the new places.
        if (this.onlyMoved(uri, old, kind)) {
          this.move(uri, kind, claimsOfKind(old!.entry.doc.claims, kind), claimsOfKind(now!.doc.claims, kind));
          continue;
        }
        changed.add(uri);
        for (const ks of old ? keysOfEntry(old.entry, kind) : []) for (const k of ks) seeds.add(k);
        for (const ks of now ? keysOfEntry(now, kind) : []) for (const k of ks) seeds.add(k);
      }
      if (!seeds.size && !changed.size) continue;
      // Keys are followed from here on: every document is filed under this kind's first.
      finish(this.linkKindSteps(kind, new Slices(Infinity)));
      if (kind === 'figure' && !this.ownersChanged()) {
        this.figurePass(seeds as Set<string>, changed, this.figureChange(changed)); // figure keys are strings
        continue;
      }
      const items = this.closure(kind, seeds);
      // Drop what these claims (and the changed documents) were in, then find their conflicts again.
      const spans = new Set<string>();
      for (const [uri, indices] of items) for (const i of indices) spans.add(spanKey(uri, claimsOfKind(this.entries.get(uri)!.doc.claims, kind)[i]));
      const candidates = new Set<string>();
      for (const uri of new Set([...items.keys(), ...changed])) for (const id of this.byUri.get(uri) ?? []) candidates.add(id);
      const stale = new Set<string>();
      for (const id of candidates) {
        const c = this.found.get(id)!;
        if (c.kind === kind && c.claims.some((claim) => changed.has(claim.uri) || spans.has(spanKey(claim.uri, claim)))) stale.add(id);
      }
      this.findAgain(kind, stale, items, (docs) => (kind === 'figure' ? figureConflicts(docs) : kind === 'date' ? dateConflicts(docs) : quoteConflicts(docs)));
    }
    for (const uri of this.dirty.keys()) this.touched.add(uri);
    this.dirty.clear();
    this.ownerMarks.clear();
    this.list = undefined;
  }

  /** The days of the changed documents' figures, before and after (see `FigureChange`). */
  private figureChange(changed: Set<string>): Omit<FigureChange, 'previous'> {
    const days: number[] = [];
    let undated = false;
    for (const uri of changed) {
      for (const doc of [this.dirty.get(uri)?.entry.doc, this.entries.get(uri)?.doc]) {
        for (const fig of doc?.claims.figures ?? []) {
          const day = figureDay(doc!, fig);
          if (day === undefined) undated = true;
          else days.push(day);
        }
      }
    }
    return { uris: changed, days, undated };
  }

  /**
   * Figures, while no owner became known or unknown: the groups the changed figures were or are in are the seed keys
   * (measure and owner); every member of such a group carries its key, so one hop from the seeds finds them all, and
   * with the corpus's known owners each is grouped as in a full pass. Only those groups are found again, and of
   * them only the stretches of time the change can reach (`FigureDays`), unless some member has no day.
   */
  private figurePass(seeds: Set<string>, changed: Set<string>, change: Omit<FigureChange, 'previous'>): void {
    const reach = change.undated ? undefined : this.figureReach(seeds, change.days);
    const items = new Map<string, Set<number>>();
    const pick = (uri: string, i: number) => {
      let set = items.get(uri);
      if (!set) items.set(uri, (set = new Set()));
      set.add(i);
    };
    if (reach) for (const members of reach.members.values()) for (const m of members) pick(m.uri, m.index);
    else for (const key of seeds) for (const uri of urisOf(this.byKey.get('figure')!.get(key))) {
      keysOfEntry(this.entries.get(uri)!, 'figure').forEach((ks, i) => ks.includes(key) && pick(uri, i));
    }
    // A conflict outside the reach of its key stays as it is.
    const spans = reach && new Map([...reach.members].map(([key, members]) => [key, new Set(members.map((m) => spanKey(m.uri, this.entries.get(m.uri)!.doc.claims.figures[m.index])))]));
    const reached = (c: Conflict) => !spans || c.claims.some((claim) => changed.has(claim.uri) || spans.get(c.key!)!.has(spanKey(claim.uri, claim)));
    const stale = new Set<string>();
    for (const uri of new Set([...items.keys(), ...changed])) for (const id of this.byUri.get(uri) ?? []) {
      const c = this.found.get(id)!;
      if (c.kind === 'figure' && c.key !== undefined && seeds.has(c.key) && reached(c)) stale.add(id);
    }
    const previous = [...stale].map((id) => this.found.get(id)!);
    const scope = { owners: this.owners, only: seeds, within: reach?.ranges, change: { ...change, previous } };
    this.findAgain('figure', stale, items, (docs) => figureConflicts(docs, {}, scope));
  }

  /** Per seed key, the figures a change on these days can reach, and the ranges of days they span (see `FigureDays`). */
  private figureReach(seeds: Set<string>, days: number[]): { members: Map<string, DayMember[]>; ranges: Map<string, [number, number][]> } | undefined {
    const members = new Map<string, DayMember[]>();
    const ranges = new Map<string, [number, number][]>();
    for (const key of seeds) {
      const r = this.figureDays.reach(key, days, figureWindowWidth(key.slice(0, key.indexOf('\u0001'))));
      if (!r) return undefined;
      members.set(key, r.members);
      ranges.set(key, r.ranges);
    }
    return { members, ranges };
  }

  /**
   * Drops the stale conflicts and finds those of the given claims again (`find` on the documents restricted to
   * them, in corpus order). Conflicts found again just as they were touch no source: only what changed is
   * re-published.
   */
  private findAgain(kind: ConflictKind, stale: Set<string>, items: Map<string, Set<number>>, find: (docs: ClaimsOfDocument[]) => Conflict[]): void {
    const before = new Map<string, Conflict>();
    for (const id of stale) {
      before.set(id, this.found.get(id)!);
      this.remove(id, false);
    }
    if (items.size) {
      const docs = [...items].sort((a, b) => this.rankOf(a[0]) - this.rankOf(b[0])).map(([uri, indices]) => restrict(this.entries.get(uri)!.doc, kind, indices));
      for (const c of find(docs)) if (c.kind === kind) this.add(c, before);
    }
    for (const c of before.values()) this.touchAll(c);
  }

  /** Moves a document's places in the conflicts of one kind from the old spans to the new (same claims, in order). */
  private move(uri: string, kind: ConflictKind, before: { start: number; end: number }[], after: { start: number; end: number }[]): void {
    const to = new Map<string, { start: number; end: number }>();
    before.forEach((b, i) => to.set(spanKey(uri, b), after[i]));
    for (const id of this.byUri.get(uri) ?? []) {
      const c = this.found.get(id)!;
      if (c.kind !== kind) continue;
      const claims = c.claims.map((claim) => {
        const span = claim.uri === uri ? to.get(spanKey(uri, claim)) : undefined;
        return span ? { ...claim, start: span.start, end: span.end } : claim;
      });
      this.found.set(id, { ...c, claims });
      for (const claim of claims) this.touched.add(claim.uri);
    }
  }

  /** The claims of one kind connected to the seed keys, as uri -> claim indices. */
  private closure(kind: ConflictKind, seeds: Set<LinkKey>): Map<string, Set<number>> {
    const byKey = this.byKey.get(kind)!;
    const out = new Map<string, Set<number>>();
    const seen = new Set(seeds);
    const queue = [...seeds];
    while (queue.length) {
      const key = queue.pop()!;
      for (const uri of urisOf(byKey.get(key))) {
        const perClaim = keysOfEntry(this.entries.get(uri)!, kind);
        perClaim.forEach((ks, i) => {
          if (!ks.includes(key)) return;
          let set = out.get(uri);
          if (!set) out.set(uri, (set = new Set()));
          set.add(i);
          for (const k of ks) if (!seen.has(k)) {
            seen.add(k);
            queue.push(k);
          }
        });
      }
    }
    return out;
  }

  /**
   * Adds a conflict; its sources are touched unless `before` holds the same conflict (which is then taken out of
   * `before`, so what remains there is what is gone).
   */
  private add(c: Conflict, before?: Map<string, Conflict>): void {
    const old = before?.get(c.id);
    const same = !!old && sameConflict(old, c);
    if (old && before) before.delete(c.id);
    if (old && !same) this.touchAll(old);
    this.found.set(c.id, c);
    for (const claim of c.claims) {
      let ids = this.byUri.get(claim.uri);
      if (!ids) this.byUri.set(claim.uri, (ids = new Set()));
      ids.add(c.id);
      if (!same) this.touched.add(claim.uri);
    }
  }

  private remove(id: string, touch = true): void {
    const c = this.found.get(id);
    if (!c) return;
    this.found.delete(id);
    for (const claim of c.claims) this.byUri.get(claim.uri)?.delete(id);
    if (touch) this.touchAll(c);
  }

  private touchAll(c: Conflict): void {
    for (const claim of c.claims) this.touched.add(claim.uri);
  }

  /** Counts the owners a document's figures state (+1 when indexed, -1 when taken out). */
  private countOwners(entry: Entry, delta: 1 | -1): void {
    for (const fig of entry.doc.claims.figures) {
      const k = statedOwnerKey(fig);
      const id = k === undefined ? undefined : entry.doc.entityOf(fig.subject!)?.id;
      if (id === undefined) continue;
      let counts = this.ownerCounts.get(k!);
      if (!counts) this.ownerCounts.set(k!, (counts = new Map()));
      const had = counts.get(id) ?? 0;
      const mark = `${k}\u0000${id}`;
      if (!this.ownerMarks.has(mark)) this.ownerMarks.set(mark, { k: k!, id, known: had > 0 });
      const n = had + delta;
      if (n > 0) counts.set(id, n);
      else counts.delete(id);
      let set = this.owners.get(k!);
      if (!set) this.owners.set(k!, (set = new Set()));
      if (n > 0) set.add(id);
      else set.delete(id);
    }
  }

  /** Adds a document's figures to (or takes them out of) the days of their keys. */
  private placeFigures(uri: string, entry: Entry, add: boolean): void {
    keysOfEntry(entry, 'figure').forEach((ks, index) => {
      if (!ks.length) return;
      const fig = entry.doc.claims.figures[index];
      const day = figureDay(entry.doc, fig);
      const timeless = isTimeless(fig);
      for (const key of ks as string[]) { // figure keys are strings
        if (add) this.figureDays.add(key, uri, index, day, timeless);
        else this.figureDays.remove(key, uri, index, day, timeless);
      }
    });
  }

  /** Whether an owner became known or unknown since the last pass (owners could then be inferred otherwise). */
  private ownersChanged(): boolean {
    for (const { k, id, known } of this.ownerMarks.values()) if (known !== !!this.owners.get(k)?.has(id)) return true;
    return false;
  }

  /** Files a document's claims of one kind under their keys, or (`add` false) takes them out (its owners are counted when it is set). */
  private file(uri: string, entry: Entry, kind: ConflictKind, add: boolean): void {
    if (kind === 'figure') this.placeFigures(uri, entry, add);
    const map = this.byKey.get(kind)!;
    for (const ks of keysOfEntry(entry, kind)) for (const k of ks) {
      const uris = map.get(k);
      if (add) {
        if (uris === undefined) map.set(k, uri);
        else if (typeof uris === 'string') {
          if (uris !== uri) map.set(k, new Set([uris, uri]));
        } else uris.add(uri);
      } else if (uris === uri) map.delete(k);
      else if (typeof uris === 'object') {
        uris.delete(uri);
        if (uris.size === 1) map.set(k, uris.values().next().value!);
      }
    }
  }
}

/**
 * The uris under one key: most keys (a quote's runs of words) belong to one document, so a lone uri is kept as
 * itself and a Set is made only for a second one (a Set per key was a fifth of the memory at 10,000 documents).
 */
type UriSet = string | Set<string>;

/** What links claims: a string, or for the runs of words of quotes a 32-bit hash (a small integer, no string). */
type LinkKey = string | number;

function urisOf(uris: UriSet | undefined): Iterable<string> {
  return uris === undefined ? [] : typeof uris === 'string' ? [uris] : uris;
}

/** The same places, messages and sides: nothing a source shows of it changed. */
function sameConflict(a: Conflict, b: Conflict): boolean {
  if (a.subject !== b.subject || a.claims.length !== b.claims.length) return false;
  for (let i = 0; i < a.claims.length; i++) {
    const x = a.claims[i];
    const y = b.claims[i];
    if (x.uri !== y.uri || x.start !== y.start || x.end !== y.end || x.text !== y.text || a.messages[i] !== b.messages[i]) return false;
    if ((a.sides?.[i] ?? -1) !== (b.sides?.[i] ?? -1)) return false;
  }
  return true;
}

const spanKey = (uri: string, span: { start: number; end: number }) => `${uri}\u0000${span.start}\u0000${span.end}`;

function claimsOfKind(claims: DocumentClaims, kind: ConflictKind): { start: number; end: number; text: string }[] {
  return kind === 'figure' ? claims.figures : kind === 'date' ? claims.dates : claims.quotes;
}

/** The document with only the given claims of one kind (conflict finders look at nothing else). */
function restrict(doc: ClaimsOfDocument, kind: ConflictKind, indices: Set<number>): ClaimsOfDocument {
  const pick = <T>(list: T[]) => list.filter((_, i) => indices.has(i));
  const claims: DocumentClaims = { figures: [], dates: [], quotes: [] };
  if (kind === 'figure') claims.figures = pick(doc.claims.figures);
  else if (kind === 'date') claims.dates = pick(doc.claims.dates);
  else claims.quotes = pick(doc.claims.quotes);
  return { ...doc, claims };
}

/**
 * A hash of one kind of claims of a document without their offsets (start, end at any depth), and of its context:
 * equal before and after a change means the claims only moved. Computed only for changed documents.
 */
function signatureOf(entry: Entry, kind: ConflictKind): string {
  const memo = SIGNATURES.get(entry);
  const known = memo?.[kind];
  if (known !== undefined) return known;
  const { doc, context } = entry;
  const withoutOffsets = (key: string, value: unknown) => (key === 'start' || key === 'end' ? undefined : value);
  const claims = kind === 'figure' ? doc.claims.figures : kind === 'date' ? doc.claims.dates : doc.claims.quotes;
  const sig = stableHash([context(), doc.title ?? '', doc.source ?? '', doc.date ?? '', JSON.stringify(claims, withoutOffsets)]);
  SIGNATURES.set(entry, { ...memo, [kind]: sig });
  return sig;
}

const SIGNATURES = new WeakMap<Entry, Partial<Record<ConflictKind, string>>>();

/** An entry's keys, made on first use (the document's entities resolve as they did when it was set). */
function keysOfEntry(entry: Entry, kind: ConflictKind): LinkKey[][] {
  const keys = (entry.keys ??= {});
  return (keys[kind] ??= keysOf(entry.doc, kind));
}

/** The linking keys of every claim of one kind of a document. */
function keysOf(doc: ClaimsOfDocument, kind: ConflictKind): LinkKey[][] {
  switch (kind) {
    // Figures meet by measure and owner: the stated owner, or any name near the figure (an owner may be inferred
    // from them, given which of them other figures of the measure are about).
    case 'figure': return doc.claims.figures.map((f) => {
      if (!f.measure) return [];
      const owners = [f.subject, ...(f.nearby ?? [])].map((l) => (l === undefined ? undefined : doc.entityOf(l)?.id)).filter((id): id is string => !!id);
      return [...new Set(owners)].map((id) => figureLinkKey(f.measure, id));
    });
    case 'date': return doc.claims.dates.map((d) => {
      if (MULTI_DAY.has(d.event)) return [];
      const ids = [...new Set(d.participants.map((p) => doc.entityOf(p)?.id).filter((id): id is string => !!id))].sort().slice(0, MAX_PARTICIPANTS);
      const keys: string[] = [];
      for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) keys.push(`${d.event}\u0001${ids[a]}\u0001${ids[b]}`);
      if (ids.length === 1 && ONCE_PER_SUBJECT.has(d.event)) keys.push(`${d.event}\u0001${ids[0]}`);
      return keys;
    });
    case 'quote-wording': return doc.claims.quotes.map((q) => {
      const id = q.speaker !== undefined ? doc.entityOf(q.speaker)?.id : undefined;
      return id ? [id] : [];
    });
    // Same words credited to different people: quotes linked by a run of four words (as the candidate index links
    // them; quotePairs.ts). Hashed to numbers: a quote has a run per word (most of the index's keys), and a
    // collision only makes the closure larger (still closed).
    case 'quote-speaker': return doc.claims.quotes.map((q) => (q.speaker === undefined || !doc.entityOf(q.speaker) ? [] : quoteRunHashes(q.tokens ?? quoteTokens(q.text))));
  }
}

// The corpus: every source's analysis, cached by uri and version, and the entity grouping over all of them,
// rebuilt lazily after a change. The one stateful object of the core; it never reads files itself.
import type { DocumentMeta, Entity, Mention, SourceText } from './types';
import { analyzeDocument, type DocumentAnalysisInternal } from './document';
import { groupEntities, localId, type Grouping } from './grouping';
import { EMPTY_USER_ENTITIES, parseUserEntities, type ConfigProblem, type UserEntities } from './userEntities';
import { extractClaims } from './claims/extract';
import { findConflicts, type ClaimsOfDocument } from './claims/conflicts';
import type { Conflict, DocumentClaims } from './claims/types';
import { parseReviewed, type ReviewedConflict } from './reviewed';

const NO_CLAIMS: DocumentClaims = { figures: [], dates: [], quotes: [] };

export interface SourceInfo {
  uri: string;
  meta: DocumentMeta;
  /** Offsets where each line starts, to name lines in hovers and reports. */
  lineStarts: number[];
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
  /** Documents whose claims could not be extracted (kept out of conflicts, reported by the server). */
  readonly claimFailures = new Map<string, string>();

  /** Analyzes a source unless the same version is already known. Returns true when anything changed. */
  update(source: SourceText): boolean {
    const known = this.docs.get(source.uri);
    if (known && known.version === source.version) return false;
    const analysis = analyzeDocument(source);
    this.docs.set(source.uri, analysis);
    this.lines.set(source.uri, lineStarts(source.text));
    try {
      this.claims.set(source.uri, extractClaims(source.text, analysis, analysis.meta));
      this.claimFailures.delete(source.uri);
    } catch (error) {
      this.claims.set(source.uri, NO_CLAIMS);
      this.claimFailures.set(source.uri, error instanceof Error ? error.message : String(error));
    }
    this.invalidate();
    return true;
  }

  remove(uri: string): boolean {
    const had = this.docs.delete(uri);
    this.lines.delete(uri);
    this.claims.delete(uri);
    this.claimFailures.delete(uri);
    if (had) this.invalidate();
    return had;
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** Reads the user's corrections; returns the problems found in the file (the valid parts still apply). */
  setUserEntities(text: string | undefined): ConfigProblem[] {
    const { config, problems } = text === undefined ? { config: EMPTY_USER_ENTITIES, problems: [] } : parseUserEntities(text);
    this.user = config;
    this.invalidate();
    return problems;
  }

  /** Reads .corroborate/reviewed.json: conflicts listed there are no longer reported. */
  setReviewed(text: string | undefined): ConfigProblem[] {
    const { reviewed, problems } = parseReviewed(text);
    this.reviewed = new Map(reviewed.map((r) => [r.id, r]));
    this.conflictList = undefined;
    this.generation++;
    return problems;
  }

  reviewedConflict(id: string): ReviewedConflict | undefined {
    return this.reviewed.get(id);
  }

  claimsOf(uri: string): DocumentClaims | undefined {
    return this.claims.get(uri);
  }

  /** Every unreviewed conflict between sources, computed once per change of the corpus. */
  conflicts(): Conflict[] {
    if (!this.conflictList) {
      const docs: ClaimsOfDocument[] = [];
      for (const [uri, doc] of this.docs) {
        docs.push({
          uri, title: doc.meta.title, source: doc.meta.source, date: doc.meta.date, claims: this.claims.get(uri) ?? NO_CLAIMS,
          entityOf: (local) => {
            const entity = this.entityOfLocal(uri, local);
            return entity && { id: entity.id, name: entity.canonical, kind: entity.kind };
          },
        });
      }
      this.conflictList = findConflicts(docs).filter((c) => !this.reviewed.has(c.id));
    }
    return this.conflictList;
  }

  /** Changes whenever the analysis changes; lets callers cache what they derive. */
  get version(): number {
    return this.generation;
  }

  get size(): number {
    return this.docs.size;
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  analysis(uri: string): DocumentAnalysisInternal | undefined {
    return this.docs.get(uri);
  }

  source(uri: string): SourceInfo | undefined {
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
    const id = this.group().entityOfLocal.get(localId(uri, index));
    return id === undefined ? undefined : this.group().byId.get(id);
  }

  /** The mention under an offset, and its entity. */
  mentionAt(uri: string, offset: number): { mention: Mention; entity: Entity } | undefined {
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
    const doc = this.docs.get(uri);
    if (!doc) return [];
    const out: { mention: Mention; entity: Entity }[] = [];
    for (const mention of doc.mentions) {
      const entity = this.entityOfLocal(uri, mention.local);
      if (entity) out.push({ mention, entity });
    }
    return out;
  }

  private group(): Grouping {
    if (!this.grouping) this.grouping = groupEntities(this.docs.values(), this.user);
    return this.grouping;
  }

  private invalidate(): void {
    this.grouping = undefined;
    this.conflictList = undefined;
    this.generation++;
  }
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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

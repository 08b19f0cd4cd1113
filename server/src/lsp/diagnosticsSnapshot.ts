// The conflicts the last session showed, kept beside the analysis cache in the extension's storage (never in the
// user's folder). At the next start, when every source is on disk exactly as the index had read it (the same files
// with the same sizes and mtimes, the same .corroborate files, settings and analyzer), their diagnostics are shown
// at once, seconds before the index is loaded; the loaded index then publishes its own in their place.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { Range } from 'vscode-languageserver';
import type { Conflict } from '../core/claims/types';
import type { Corpus } from '../core/corpus';
import { analyzerVersion, foldersKey, readRecords, record, removeTemporaries } from './analysisCache';
import { rangeIn } from './convert';
import { sourceName } from './diagnostics';

/** A conflict with the LSP range of each of its places. */
export interface SnapshotConflict extends Conflict {
  ranges: Range[];
}

export interface Snapshot {
  /** What the sources were when it was saved (see `fingerprint`). */
  fingerprint: string;
  /** Every conflict, the reviewed ones too (what the next index would find: see `Corpus.expectConflicts`). */
  conflicts: SnapshotConflict[];
  /** Ids of the conflicts marked reviewed (not shown). */
  reviewed: string[];
  /** Uri -> the source's name, for every source with a place in a conflict. */
  sources: Record<string, string>;
}

/** 3: records (a header, then conflicts a thousand at a time); 2: one value; 1 held only the unreviewed conflicts. */
const FORMAT = 3;
/** Conflicts per record of the snapshot file. */
const RECORD_CONFLICTS = 1000;

/**
 * Stands for everything the conflicts depend on: each source file's path, mtime and size (sorted), the
 * .corroborate files' texts, the settings that choose and read the files, and the analyzer's code.
 */
export function fingerprint(stamps: Iterable<[string, string]>, configs: (string | undefined)[], settings: unknown): string {
  const hash = crypto.createHash('sha1').update(`${FORMAT}\n${analyzerVersion()}\n${JSON.stringify(settings)}\n`);
  for (const config of configs) hash.update(`${config === undefined ? 'none' : `${config.length}:${config}`}\n`);
  for (const [file, stamp] of [...stamps].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) hash.update(`${file}\u0000${stamp}\n`);
  return hash.digest('hex');
}

/** A file's mtime and size, as `fingerprint` takes them. */
export const stampOf = (mtimeMs: number, size: number): string => `${mtimeMs}:${size}`;

/** The mtime and size a stamp holds (undefined for 'missing'). */
export function statOfStamp(stamp: string | undefined): { mtimeMs: number; size: number } | undefined {
  const at = stamp === undefined ? -1 : stamp.indexOf(':');
  if (at < 0) return undefined;
  const mtimeMs = Number(stamp!.slice(0, at));
  const size = Number(stamp!.slice(at + 1));
  return Number.isFinite(mtimeMs) && Number.isFinite(size) ? { mtimeMs, size } : undefined;
}

/** Path -> stamp ('missing' when gone) of each file, a few hundred stats at a time. */
export async function stampFiles(files: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(files.slice(i, i + 256).map(async (file) => {
      const st = await fs.promises.stat(file).catch(() => undefined);
      out.set(file, st ? stampOf(st.mtimeMs, st.size) : 'missing');
    }));
  }
  return out;
}

/** The corpus's conflicts as a snapshot holds them: with the range and source name of every place. */
export function snapshotOf(corpus: Corpus, fingerprint: string): Snapshot {
  const all = corpus.conflictsWithReviewed();
  const conflicts: SnapshotConflict[] = all.conflicts.map((c) => ({ ...c, ranges: c.claims.map((p) => rangeIn(corpus, p.uri, p.start, p.end)) }));
  const sources: Record<string, string> = {};
  for (const c of conflicts) for (const p of c.claims) sources[p.uri] ??= sourceName(corpus, p.uri);
  return { fingerprint, conflicts, reviewed: all.reviewed, sources };
}

/** The conflicts a snapshot shows: all but the reviewed. */
export function shownConflicts(snapshot: Snapshot): SnapshotConflict[] {
  const reviewed = new Set(snapshot.reviewed);
  return reviewed.size ? snapshot.conflicts.filter((c) => !reviewed.has(c.id)) : snapshot.conflicts;
}

/** A snapshot's conflicts as the corpus finds them (without the LSP ranges), for `Corpus.expectConflicts`. */
export function snapshotConflicts(snapshot: Snapshot): Conflict[] {
  return snapshot.conflicts.map(({ ranges: _ranges, ...conflict }) => conflict);
}

export class SnapshotFile {
  private readonly file: string;

  constructor(private readonly dir: string, folders: string[]) {
    this.file = path.join(dir, `diagnostics-${foldersKey(folders)}.snapshot`);
  }

  /** The saved snapshot, or undefined when there is none or it cannot be read. */
  async load(): Promise<Snapshot | undefined> {
    let file: fs.promises.FileHandle | undefined;
    try {
      file = await fs.promises.open(this.file, 'r');
      const records: Buffer[] = [];
      for await (const r of readRecords(file)) records.push(r);
      const header = v8.deserialize(records[0]) as { format?: number; fingerprint?: string; reviewed?: string[]; sources?: Record<string, string>; count?: number };
      if (header?.format !== FORMAT || typeof header.fingerprint !== 'string' || !Array.isArray(header.reviewed) || typeof header.sources !== 'object' || !header.sources) return undefined;
      const conflicts: SnapshotConflict[] = [];
      for (const r of records.slice(1)) conflicts.push(...(v8.deserialize(r) as SnapshotConflict[]));
      if (conflicts.length !== header.count) return undefined;
      const ok = conflicts.every((c) => Array.isArray(c.claims) && Array.isArray(c.ranges) && c.ranges.length === c.claims.length && Array.isArray(c.messages));
      return ok ? { fingerprint: header.fingerprint, conflicts, reviewed: header.reviewed, sources: header.sources } : undefined;
    } catch {
      return undefined;
    } finally {
      await file?.close().catch(() => undefined);
    }
  }

  /**
   * Writes the snapshot (to a temporary file first, so a crash never leaves half of one): a header, then the
   * conflicts a thousand at a time, each thousand serialized on its own turn of the event loop (100,000 sources'
   * conflicts serialized at once held requests for seconds).
   */
  async save(snapshot: Snapshot): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    // What an earlier session left half-written (stopped while saving) goes first.
    const stem = `${path.basename(this.file)}.`;
    await removeTemporaries(this.dir, (name) => name.startsWith(stem) && name.endsWith('.tmp'), 0);
    const { fingerprint, reviewed, sources, conflicts } = snapshot;
    const parts = [record(v8.serialize({ format: FORMAT, fingerprint, reviewed, sources, count: conflicts.length }))];
    for (let i = 0; i < conflicts.length; i += RECORD_CONFLICTS) {
      await new Promise((resolve) => setImmediate(resolve));
      parts.push(record(v8.serialize(conflicts.slice(i, i + RECORD_CONFLICTS))));
    }
    const tmp = `${this.file}.${process.pid}.tmp`;
    // The parts as they are: one buffer of them all (12 MB at 10,000 sources) held the main thread for 0.1-0.2 s,
    // and an edit's diagnostics with it.
    await fs.promises.writeFile(tmp, parts);
    await fs.promises.rename(tmp, this.file);
  }
}

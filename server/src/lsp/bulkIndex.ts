// The first index of many files: cached analyses where mtime and size are unchanged, the rest read and analyzed
// by the worker pool (or on the main thread without one), inserted into the corpus as they come, requests answered
// in between.
import { promises as fs } from 'fs';
import { pathToFileURL } from 'url';
import type { Corpus } from '../core/corpus';
import type { AnalysisPool } from './analysisPool';
import type { AnalysisCache } from './analysisCache';

export interface BulkIndexOptions {
  corpus: Corpus;
  /** The worker pool, started when first asked for (undefined: analyze on the main thread). */
  pool(): AnalysisPool | undefined;
  cache: AnalysisCache | undefined;
  /**
   * A file's mtime and size from a stat moments before (the snapshot's check at a warm start), so the cache is
   * checked without a second stat of every file; undefined when there was none.
   */
  seen?(file: string): { mtimeMs: number; size: number } | undefined;
  maxFileSize: number;
  /** Files open in the editor are skipped (their buffer wins). */
  isOpen(uri: string): boolean;
  /** Main-thread fallback for one file (reads, analyzes and inserts it). */
  readOne(file: string): Promise<void>;
  nextVersion(): number;
  skipped(file: string, reason: string): void;
  /** A file's text went into the corpus as it was at this mtime and size. */
  read(file: string, mtimeMs: number, size: number): void;
  note(file: string, note: string): void;
  progress(done: number, total: number): void;
  /** True when the server's memory is too full to hold more analyses (the rest of the files are then left out). */
  memoryFull(): boolean;
}

/** Files in progress at once; progress is reported, and memory checked, every this many files. */
const WINDOW = 512;

/**
 * Indexes the files (the caller holds the corpus in bulk mode meanwhile); returns how many came from the cache, and
 * how many were left out for lack of memory. A sliding window, not batches: the next file starts as soon as one is
 * done, so the workers are never left idle while the slowest file of a batch finishes.
 */
export async function indexFiles(files: string[], o: BulkIndexOptions): Promise<{ cached: number; leftOut: number }> {
  let cached = 0;
  let done = 0;
  let next = 0;
  let leftOut = 0;
  let full = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length && !leftOut) {
      const at = next++;
      if (at % WINDOW === 0) {
        // Twice in a row: garbage not yet collected can make the heap look full once.
        full = o.memoryFull() ? full + 1 : 0;
        if (full >= 2) {
          leftOut = files.length - at;
          break;
        }
      }
      if (await indexOne(files[at], o)) cached++;
      if (++done % WINDOW === 0) o.progress(done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WINDOW, files.length) }, lane));
  o.progress(done, files.length);
  return { cached, leftOut };
}

/** True when the file came from the cache. */
async function indexOne(file: string, o: BulkIndexOptions): Promise<boolean> {
  const uri = pathToFileURL(file).href;
  if (o.isOpen(uri)) return false;
  // Stat only what the cache may hold (a worker stats the rest as it reads them).
  if (o.cache?.has(file)) {
    const stat = o.seen?.(file) ?? (await fs.stat(file).catch(() => undefined));
    const hit = stat && o.cache.get(file, stat.mtimeMs, stat.size);
    if (hit && hit.analysis.uri === uri) {
      hit.analysis.version = o.nextVersion();
      o.corpus.insert(hit);
      o.read(file, stat.mtimeMs, stat.size);
      return true;
    }
  }
  const pool = o.pool();
  if (!pool) {
    await o.readOne(file);
    return false;
  }
  const result = await pool.analyze(file, o.maxFileSize, o.nextVersion());
  if (o.isOpen(uri)) return false;
  if (!result.ok) {
    if (result.reason === 'cancelled') return false;
    o.skipped(file, result.reason);
    return false;
  }
  if (result.note) o.note(file, result.note);
  o.corpus.insert(result.source);
  o.read(file, result.mtimeMs, result.size);
  o.cache?.set(file, { mtimeMs: result.mtimeMs, size: result.size, source: result.source }, result.record);
  return false;
}

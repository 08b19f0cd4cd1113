// The analyses of the last index, kept in the extension's storage folder (never in the user's folder) so the next
// start reads them instead of analyzing again: one file per set of workspace folders, entries keyed by path,
// mtime, size and analyzer version; a cache that cannot be read is ignored, old caches beyond a few are deleted. A
// save cut short (the server shutting down) keeps the entries it wrote: the next start analyzes only the rest. The
// records the workers made (`cacheRecord.ts`) are spooled while the index runs (`cacheSpool.ts`), and a save copies
// them, and the records of the loaded file for the analyses still in use.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { AnalyzedSource } from '../core/corpus';
import { analysisFromJson, analysisToJson } from '../core/analysisJson';
import { CacheSpool, LoadedRecords, writeAll } from './cacheSpool';
import { cacheRecord, parseCacheRecord } from './cacheRecord';

export interface CacheEntry { mtimeMs: number; size: number; source: AnalyzedSource }

/** 2: entries as JSON (compact objects when parsed); 1 was v8-serialized. */
const FORMAT = 2;
/** Caches kept in the storage folder (one per set of workspace folders), the least recently used deleted. */
const MAX_CACHES = 4;
/** Above this many bytes a cache is not written (the index is then rebuilt at each start). */
const MAX_BYTES = 4_000_000_000;
/** Bytes read from the cache file at a time. */
const READ_CHUNK = 8 * 1024 * 1024;
/** A temporary file this old is left over from a server that died while saving (a live save writes every turn). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** A hash of the analyzer's compiled code: any change to the core invalidates every cache. */
export function analyzerVersion(): string {
  return (versionMemo ??= hashAnalyzer());
}

let versionMemo: string | undefined;

function hashAnalyzer(): string {
  const hash = crypto.createHash('sha1').update(String(FORMAT));
  const core = path.join(__dirname, '..', 'core');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(js|json)$/.test(e.name)) files.push(full);
    }
  };
  try {
    if (fs.existsSync(core)) walk(core);
    else files.push(__filename); // bundled: the server's one file holds the core
    for (const f of files.sort()) hash.update(fs.readFileSync(f));
  } catch {
    hash.update(String(Date.now())); // unknown code: never reuse
  }
  return hash.digest('hex').slice(0, 16);
}

/** The name a set of workspace folders gives its files in the storage folder. */
export function foldersKey(folders: string[]): string {
  return crypto.createHash('sha1').update(folders.join('\n')).digest('hex').slice(0, 16);
}

export class AnalysisCache {
  private entries = new Map<string, CacheEntry>();
  private readonly file: string;
  private readonly version = analyzerVersion();
  /** Set by `cutShort`: the save under way stops at its next chunk and keeps what it wrote. */
  private stopSaving = false;
  private saving: Promise<void> | undefined;
  /** Entries the cache file held when loaded: a save cut short before writing as many leaves that file in place. */
  private loaded = 0;
  /** The records given with analyses since the last save (`set`: the workers' records). */
  private spool: CacheSpool | undefined;
  private spools = 0;
  /** Where the loaded file holds each loaded entry's record, until a save replaces the file. */
  private stored: LoadedRecords | undefined;

  constructor(private readonly dir: string, folders: string[]) {
    this.file = path.join(dir, `index-${foldersKey(folders)}.bin`);
  }

  /**
   * Loads the cache file (records of [length, bytes]: a v8-serialized header, then one entry each as JSON), yielding now
   * and then so requests are answered meanwhile; anything unreadable, of another version or malformed is ignored.
   */
  async load(): Promise<number> {
    this.entries = new Map();
    this.stored = undefined;
    let file: fs.promises.FileHandle | undefined;
    try {
      file = await fs.promises.open(this.file, 'r');
      const stored = new LoadedRecords(this.file, await LoadedRecords.identityOf(file));
      const records = readRecords(file);
      const first = await records.next();
      const header = v8.deserialize(first.done ? Buffer.alloc(0) : first.value) as { format?: number; version?: string };
      if (header?.format !== FORMAT || header.version !== this.version) return (this.loaded = 0);
      let n = 0;
      /** Where the next record starts (its length prefix). */
      let offset = first.done ? 0 : 4 + first.value.length;
      for await (const record of records) {
        const { path, mtimeMs, size, source } = parseCacheRecord(record) as { path: string; mtimeMs: number; size: number; source: object };
        const entry = { mtimeMs, size, source: source && analysisFromJson(source) };
        if (typeof path === 'string' && isEntry(entry)) {
          this.entries.set(path, entry);
          stored.add(path, entry.source, offset, 4 + record.length);
        }
        offset += 4 + record.length;
        if (++n % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      this.stored = stored;
    } catch {
      this.entries = new Map();
      this.stored = undefined;
    } finally {
      await file?.close().catch(() => undefined);
    }
    return (this.loaded = this.entries.size);
  }

  /** Whether the cache holds an analysis of a file (at whatever mtime and size). */
  has(file: string): boolean {
    return this.entries.has(file);
  }

  /** The cached analysis of a file when its mtime and size are unchanged. */
  get(file: string, mtimeMs: number, size: number): AnalyzedSource | undefined {
    const e = this.entries.get(file);
    return e && e.mtimeMs === mtimeMs && e.size === size ? e.source : undefined;
  }

  /**
   * Keeps an analysis for the next save. `record`: the analysis's record as a worker made it (`cacheRecord`), spooled
   * to disk now so the save copies it instead of writing it again.
   */
  set(file: string, entry: CacheEntry, record?: Buffer): void {
    this.entries.set(file, entry);
    if (record === undefined) return;
    // Headed as the cache file is: when the workers made every analysis of a save, the spool becomes the file.
    this.spool ??= new CacheSpool(`${this.file}.${process.pid}-${++this.spools}.spool`, this.header());
    this.spool.add(file, entry.source, record);
  }

  /**
   * Ends a save under way at its next chunk, keeping the entries written so far as the cache (the server is
   * shutting down: writing the rest of a large cache would take seconds), unless the cache file it replaces holds
   * more. Resolves once the file is in place.
   */
  async cutShort(): Promise<void> {
    const spool = this.spool;
    this.spool = undefined;
    await spool?.dispose();
    if (!this.saving) return;
    this.stopSaving = true;
    await this.saving.catch(() => undefined);
  }

  /** Keeps only the given files (the current index), writes the cache in small steps and prunes old caches. */
  save(files: Set<string>): Promise<void> {
    this.stopSaving = false;
    // Analyses given from now on go to a new spool; this one is read by the save, then deleted.
    const spool = this.spool;
    this.spool = undefined;
    const run = this.write(files, spool).finally(async () => {
      await spool?.dispose();
      if (this.saving === run) this.saving = undefined;
    });
    this.saving = run;
    return run;
  }

  private header(): Buffer {
    return record(v8.serialize({ format: FORMAT, version: this.version }));
  }

  private async write(files: Set<string>, spool: CacheSpool | undefined): Promise<void> {
    for (const f of this.entries.keys()) if (!files.has(f)) this.entries.delete(f);
    await fs.promises.mkdir(this.dir, { recursive: true });
    // Every analysis is the workers' (a first index): their spool, headed as the cache is, becomes the cache file
    // as it is. Copying it through memory (156 MB at 10,000 sources) held the edits after an index for 0.1-0.3 s.
    if (spool?.holdsExactly(this.entries) && spool.bytes <= MAX_BYTES) {
      const whole = await spool.finishAsFile();
      if (whole) {
        this.stored = undefined;
        await fs.promises.rename(whole, this.file);
        await this.prune();
        return;
      }
    }
    const tmp = `${this.file}.${process.pid}.tmp`;
    const out = await fs.promises.open(tmp, 'w');
    // The loaded file's records serve this save only: it replaces the file.
    const stored = await this.stored?.open();
    this.stored = undefined;
    /**
     * The record of an entry: spooled, else as loaded, else written now (without a copy of the uri per mention and
     * claim, a third of the bytes: the corpus puts them back on load).
     */
    const recordOf = async (file: string, entry: CacheEntry): Promise<Buffer> =>
      (await spool?.read(file, entry.source)) ?? (await stored?.read(file, entry.source)) ?? cacheRecord(file, entry.mtimeMs, entry.size, analysisToJson(entry.source));
    try {
      let bytes = 0;
      let chunk: (Buffer | Promise<Buffer>)[] = [this.header()];
      let n = 0;
      let cut = false;
      for (const [file, entry] of this.entries) {
        chunk.push(recordOf(file, entry));
        if (++n % 50 === 0) {
          bytes += await flush(out, chunk);
          chunk = [];
          if (bytes > MAX_BYTES) throw new Error(`cache larger than ${MAX_BYTES} bytes`);
          if ((cut = this.stopSaving)) break; // every record written so far is whole
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await flush(out, chunk);
      if (cut && n < this.loaded) throw new Error(`cut short after ${n} of ${this.entries.size} entries; the last cache (${this.loaded}) stays`);
    } catch (error) {
      await out.close();
      await stored?.close();
      await fs.promises.unlink(tmp).catch(() => undefined);
      throw error;
    }
    await out.close();
    await stored?.close();
    await fs.promises.rename(tmp, this.file);
    await this.prune();
  }

  private async prune(): Promise<void> {
    // Left by a server that died while saving (a live save of another window writes every turn).
    await removeTemporaries(this.dir, (n) => /^index-[0-9a-f]+\.bin\.\d+\.tmp$/.test(n), STALE_TEMP_MS);
    await removeTemporaries(this.dir, (n) => /^index-[0-9a-f]+\.bin\.\d+-\d+\.spool$/.test(n), STALE_TEMP_MS);
    const names = (await fs.promises.readdir(this.dir)).filter((n) => /^index-[0-9a-f]+\.bin$/.test(n));
    const stats = await Promise.all(names.map(async (n) => ({ n, t: (await fs.promises.stat(path.join(this.dir, n))).mtimeMs })));
    for (const { n } of stats.sort((a, b) => b.t - a.t).slice(MAX_CACHES)) await fs.promises.unlink(path.join(this.dir, n)).catch(() => undefined);
  }
}

/**
 * Deletes the temporary files of storage-file saves (`<file>.<pid>.tmp`) in `dir` whose names match, when older than
 * `olderThanMs` (0: all of them).
 */
export async function removeTemporaries(dir: string, isTemporary: (name: string) => boolean, olderThanMs: number): Promise<void> {
  for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
    if (!isTemporary(name)) continue;
    const full = path.join(dir, name);
    const stat = olderThanMs > 0 ? await fs.promises.stat(full).catch(() => undefined) : undefined;
    if (olderThanMs > 0 && !(stat && Date.now() - stat.mtimeMs > olderThanMs)) continue;
    await fs.promises.unlink(full).catch(() => undefined);
  }
}

/** A record of a storage file: its length (4 bytes, little-endian) and its bytes. */
export function record(value: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(value.length);
  return Buffer.concat([length, value]);
}

async function flush(out: fs.promises.FileHandle, chunk: (Buffer | Promise<Buffer>)[]): Promise<number> {
  const buffers = await Promise.all(chunk);
  await writeAll(out, buffers);
  return buffers.reduce((n, b) => n + b.length, 0);
}

/**
 * The records of a storage file (the cache, the diagnostics snapshot), read a few megabytes at a time (a cache of
 * 100,000 analyses is gigabytes); throws on a truncated file.
 */
export async function* readRecords(file: fs.promises.FileHandle): AsyncGenerator<Buffer> {
  const size = (await file.stat()).size;
  let buffer = Buffer.alloc(0);
  let position = 0;
  const fill = async (need: number): Promise<boolean> => {
    while (buffer.length < need && position < size) {
      const chunk = Buffer.alloc(Math.min(READ_CHUNK, size - position));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      buffer = buffer.length ? Buffer.concat([buffer, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    }
    return buffer.length >= need;
  };
  while (await fill(4)) {
    const length = buffer.readUInt32LE(0);
    if (!(await fill(4 + length))) throw new Error('truncated file');
    yield buffer.subarray(4, 4 + length);
    buffer = buffer.subarray(4 + length);
  }
  if (buffer.length) throw new Error('truncated file');
}

function isEntry(e: unknown): e is CacheEntry {
  const x = e as CacheEntry;
  return !!x && typeof x.mtimeMs === 'number' && typeof x.size === 'number' && !!x.source?.analysis && Array.isArray(x.source.analysis.mentions)
    && Array.isArray(x.source.analysis.localEntities) && Array.isArray(x.source.lineStarts) && !!x.source.claims;
}

// The analyses of the last index, kept in the extension's storage folder (never in the user's folder) so the next
// start reads them instead of analyzing again: one file per set of workspace folders, entries keyed by path,
// mtime, size and analyzer version; a cache that cannot be read is ignored, old caches beyond a few are deleted.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { AnalyzedSource } from '../core/corpus';

export interface CacheEntry { mtimeMs: number; size: number; source: AnalyzedSource }

const FORMAT = 1;
/** Caches kept in the storage folder (one per set of workspace folders), the least recently used deleted. */
const MAX_CACHES = 4;
/** Above this many bytes a cache is not written (the index is then rebuilt at each start). */
const MAX_BYTES = 1_500_000_000;

/** A hash of the analyzer's compiled code: any change to the core invalidates every cache. */
function analyzerVersion(): string {
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

export class AnalysisCache {
  private entries = new Map<string, CacheEntry>();
  private readonly file: string;
  private readonly version = analyzerVersion();

  constructor(private readonly dir: string, folders: string[]) {
    const key = crypto.createHash('sha1').update(folders.join('\n')).digest('hex').slice(0, 16);
    this.file = path.join(dir, `index-${key}.bin`);
  }

  /** Loads the cache file; anything unreadable, of another version or malformed leaves it empty. */
  async load(): Promise<number> {
    try {
      const data = v8.deserialize(await fs.promises.readFile(this.file)) as { format: number; version: string; entries: [string, CacheEntry][] };
      if (data?.format !== FORMAT || data.version !== this.version || !Array.isArray(data.entries)) return 0;
      this.entries = new Map(data.entries.filter(([file, e]) => typeof file === 'string' && isEntry(e)));
    } catch {
      this.entries = new Map();
    }
    return this.entries.size;
  }

  /** The cached analysis of a file when its mtime and size are unchanged. */
  get(file: string, mtimeMs: number, size: number): AnalyzedSource | undefined {
    const e = this.entries.get(file);
    return e && e.mtimeMs === mtimeMs && e.size === size ? e.source : undefined;
  }

  set(file: string, entry: CacheEntry): void {
    this.entries.set(file, entry);
  }

  /** Keeps only the given files (the current index), writes the cache and prunes old caches of other folders. */
  async save(files: Set<string>): Promise<void> {
    for (const f of this.entries.keys()) if (!files.has(f)) this.entries.delete(f);
    const buffer = v8.serialize({ format: FORMAT, version: this.version, entries: [...this.entries] });
    if (buffer.length > MAX_BYTES) return;
    await fs.promises.mkdir(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, buffer);
    await fs.promises.rename(tmp, this.file);
    await this.prune();
  }

  private async prune(): Promise<void> {
    const names = (await fs.promises.readdir(this.dir)).filter((n) => /^index-[0-9a-f]+\.bin$/.test(n));
    const stats = await Promise.all(names.map(async (n) => ({ n, t: (await fs.promises.stat(path.join(this.dir, n))).mtimeMs })));
    for (const { n } of stats.sort((a, b) => b.t - a.t).slice(MAX_CACHES)) await fs.promises.unlink(path.join(this.dir, n)).catch(() => undefined);
  }
}

function isEntry(e: unknown): e is CacheEntry {
  const x = e as CacheEntry;
  return !!x && typeof x.mtimeMs === 'number' && typeof x.size === 'number' && !!x.source?.analysis && Array.isArray(x.source.analysis.mentions)
    && Array.isArray(x.source.analysis.localEntities) && Array.isArray(x.source.lineStarts) && !!x.source.claims;
}

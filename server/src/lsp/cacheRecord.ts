// One analysis as a record of the cache file: 4 bytes of length (little-endian), then {path, mtimeMs, size, source}
// as JSON. A worker makes the record of each file it analyzes: its bytes cross to the main thread without a copy
// (their buffer is transferred), the main thread parses the analysis from them, and the cache spools them as they
// are. The cache makes one itself for an analysis made on the main thread.

/** The record of one file's analysis, `json` being the analysis as `analysisToJson` wrote it. */
export function cacheRecord(file: string, mtimeMs: number, size: number, json: string): Buffer {
  const text = `${JSON.stringify({ path: file, mtimeMs, size }).slice(0, -1)},"source":${json}}`;
  const length = Buffer.byteLength(text, 'utf8');
  // A buffer of its own (not a slice of Node's pool), so it can be transferred to another thread; one buffer, the
  // length in front: a cache of 100,000 analyses is 1.5 GB of them, made and dropped as it is written.
  const bytes = Buffer.allocUnsafeSlow(4 + length);
  bytes.writeUInt32LE(length, 0);
  bytes.write(text, 4, 'utf8');
  return bytes;
}

/** A record's path, stamp and analysis, as JSON.parse makes them from its bytes after the length (the caller checks their shape). */
export function parseCacheRecord(body: Buffer): { path: unknown; mtimeMs: unknown; size: unknown; source: unknown } {
  return JSON.parse(body.toString('utf8'));
}

// A worker thread of the analysis pool: reads source files (synchronously: only this thread waits) and runs the
// pure core on them, posting back each analysis as the bytes of its cache record for the main thread's corpus.
import { parentPort } from 'worker_threads';
import { pathToFileURL } from 'url';
import * as fs from 'fs';
import { analyzeDocument } from '../core/document';
import { extractClaims } from '../core/claims/extract';
import { lineStarts, type AnalyzedSource } from '../core/corpus';
import { decodeSource } from '../files/decode';
import { analysisToJson } from '../core/analysisJson';
import { cacheRecord } from './cacheRecord';
import { readFailure, statSkip } from '../files/readSource';

export interface WorkerJob { id: number; file: string; maxBytes: number; version: number }
export type WorkerResult = { id: number } & (
  | { ok: true; /** The analysis's cache record (`cacheRecord`), its buffer transferred. */ record: Uint8Array; mtimeMs: number; size: number; note?: string }
  | { ok: false; reason: string }
);

/** Reads and analyzes one file (exported for tests: the pool posts jobs to it on a worker thread). */
export function run(job: WorkerJob): WorkerResult {
  let fd: number | undefined;
  try {
    // One open, then the stat and the read through it (a stat by path, then readFileSync, looked the path up
    // twice); non-blocking, so a FIFO put in a source's place is never waited on.
    fd = fs.openSync(job.file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    const skip = statSkip(stat, job.maxBytes);
    if (skip) return { id: job.id, ok: false, reason: skip };
    const decoded = decodeSource(readAll(fd, stat.size));
    if (!decoded.ok) return { id: job.id, ok: false, reason: decoded.reason };
    const text = decoded.text;
    const analysis = analyzeDocument({ uri: pathToFileURL(job.file).href, text, version: job.version });
    let claims: AnalyzedSource['claims'] = { figures: [], dates: [], quotes: [] };
    let claimFailure: string | undefined;
    try {
      claims = extractClaims(text, analysis, analysis.meta);
    } catch (error) {
      claimFailure = error instanceof Error ? error.message : String(error);
    }
    // As JSON: parsed on the main thread into compact objects (a structured clone would take twice the memory).
    const json = analysisToJson({ analysis, claims, lineStarts: lineStarts(text), claimFailure });
    return { id: job.id, ok: true, record: cacheRecord(job.file, stat.mtimeMs, stat.size, json), mtimeMs: stat.mtimeMs, size: stat.size, note: decoded.note };
  } catch (error) {
    return { id: job.id, ok: false, reason: readFailure(error) };
  } finally {
    try {
      if (fd !== undefined) fs.closeSync(fd);
    } catch { /* closed already */ }
  }
}

/** The file from an open descriptor, as readFileSync reads it: the `size` bytes the stat gave (fewer if it shrank). */
function readAll(fd: number, size: number): Buffer {
  if (size === 0) {
    // A size of 0 may still come with content: read to the end.
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks);
      chunks.push(chunk.subarray(0, n));
    }
  }
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const n = fs.readSync(fd, buffer, length, size - length, null);
    if (n === 0) break;
    length += n;
  }
  return length < size ? buffer.subarray(0, length) : buffer;
}

parentPort?.on('message', (jobs: WorkerJob[]) => {
  const results = jobs.map(run);
  // The records' bytes move to the main thread rather than being copied.
  parentPort!.postMessage(results, results.flatMap((r) => (r.ok ? [r.record.buffer as ArrayBuffer] : [])));
});

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
import { tooLarge } from '../files/readSource';

export interface WorkerJob { id: number; file: string; maxBytes: number; version: number }
export type WorkerResult = { id: number } & (
  | { ok: true; /** The analysis's cache record (`cacheRecord`), its buffer transferred. */ record: Uint8Array; mtimeMs: number; size: number; note?: string }
  | { ok: false; reason: string }
);

function run(job: WorkerJob): WorkerResult {
  try {
    const stat = fs.statSync(job.file);
    if (!stat.isFile()) return { id: job.id, ok: false, reason: 'not a regular file' };
    if (stat.size > job.maxBytes) return { id: job.id, ok: false, reason: tooLarge(stat.size, job.maxBytes) };
    const decoded = decodeSource(fs.readFileSync(job.file));
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
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file disappeared while being read' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return { id: job.id, ok: false, reason };
  }
}

parentPort?.on('message', (jobs: WorkerJob[]) => {
  const results = jobs.map(run);
  // The records' bytes move to the main thread rather than being copied.
  parentPort!.postMessage(results, results.flatMap((r) => (r.ok ? [r.record.buffer as ArrayBuffer] : [])));
});

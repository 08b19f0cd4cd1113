// A worker thread of the analysis pool: reads a source file and runs the pure core on it, posting back plain
// data (analysis, claims, line starts) for the main thread to insert into its corpus.
import { parentPort } from 'worker_threads';
import { pathToFileURL } from 'url';
import { analyzeDocument } from '../core/document';
import { extractClaims } from '../core/claims/extract';
import { lineStarts, type AnalyzedSource } from '../core/corpus';
import { readSource } from '../files/readSource';

export interface WorkerJob { id: number; file: string; maxBytes: number; version: number }
export type WorkerResult = { id: number } & (
  | { ok: true; source: AnalyzedSource; mtimeMs: number; size: number; note?: string }
  | { ok: false; reason: string }
);

parentPort?.on('message', async (job: WorkerJob) => {
  let result: WorkerResult;
  try {
    const read = await readSource(job.file, job.maxBytes);
    if (!read.ok) result = { id: job.id, ok: false, reason: read.reason };
    else {
      const uri = pathToFileURL(job.file).href;
      const analysis = analyzeDocument({ uri, text: read.text, version: job.version });
      let claims: AnalyzedSource['claims'] = { figures: [], dates: [], quotes: [] };
      let claimFailure: string | undefined;
      try {
        claims = extractClaims(read.text, analysis, analysis.meta);
      } catch (error) {
        claimFailure = error instanceof Error ? error.message : String(error);
      }
      result = { id: job.id, ok: true, source: { analysis, claims, lineStarts: lineStarts(read.text), claimFailure }, mtimeMs: read.mtimeMs, size: read.size, note: read.note };
    }
  } catch (error) {
    result = { id: job.id, ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result);
});

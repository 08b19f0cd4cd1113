// A pool of worker threads that read and analyze source files in parallel (one per core beyond the first, at
// least one), so the first index uses every core while the main thread keeps answering requests.
import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import type { WorkerJob, WorkerResult } from './analysisWorker';
import type { AnalyzedSource } from '../core/corpus';
import { analysisFromJson } from '../core/analysisJson';
import { parseCacheRecord } from './cacheRecord';

/** A worker's answer for one file, its analysis parsed. */
export type PoolResult =
  | { ok: true; source: AnalyzedSource; /** The analysis's cache record as the worker made it (`cacheRecord`). */ record: Buffer; mtimeMs: number; size: number; note?: string }
  | { ok: false; reason: string };

interface Task { job: WorkerJob; resolve: (r: WorkerResult) => void }
/** Jobs sent to a worker at once: fewer messages, and a worker never waits for the next file. */
const CHUNK = 8;
/**
 * Chunks a worker holds at once: the next one waits in its port while it analyzes the current one, so it never
 * idles until the main thread, busy taking in the other worker's results, gets round to sending more.
 */
const IN_FLIGHT = 2;

export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly queue: Task[] = [];
  /** Per worker, the chunks sent and not yet answered, oldest first (a worker answers them in order). */
  private readonly running = new Map<Worker, Task[][]>();
  private nextId = 0;
  private disposed = false;

  /** Undefined when worker threads cannot start here (the caller then analyzes on the main thread). */
  static create(size = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8))): AnalysisPool | undefined {
    const script = path.join(__dirname, 'analysisWorker.js');
    if (!fs.existsSync(script)) return undefined;
    try {
      return new AnalysisPool(script, size);
    } catch {
      return undefined;
    }
  }

  private constructor(private readonly script: string, size: number) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** How many worker threads the pool runs. */
  get size(): number {
    return this.workers.length;
  }

  /** Reads and analyzes one file off the main thread. */
  async analyze(file: string, maxBytes: number, version: number): Promise<PoolResult> {
    const result = await new Promise<WorkerResult>((resolve) => {
      this.queue.push({ job: { id: this.nextId++, file, maxBytes, version }, resolve });
      this.pump();
    });
    if (!result.ok) return result;
    const record = Buffer.from(result.record.buffer, result.record.byteOffset, result.record.byteLength);
    return { ok: true, source: analysisFromJson(parseCacheRecord(record.subarray(4)).source as object), record, mtimeMs: result.mtimeMs, size: result.size, note: result.note };
  }

  /** Drops queued jobs (a new index supersedes them); running ones finish and are answered. */
  cancelQueued(): void {
    for (const { job, resolve } of this.queue.splice(0)) resolve({ id: job.id, ok: false, reason: 'cancelled' });
  }

  dispose(): void {
    this.disposed = true;
    this.cancelQueued();
    for (const w of this.workers) void w.terminate();
  }

  private spawn(): void {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (results: WorkerResult[]) => {
      const tasks = this.running.get(worker)?.shift() ?? [];
      this.pump();
      tasks.forEach((task, i) => task.resolve(results[i] ?? { id: task.job.id, ok: false, reason: 'no result' }));
    });
    worker.on('error', (error) => this.replace(worker, error.message));
    worker.on('exit', (code) => { if (code !== 0) this.replace(worker, `worker exited with code ${code}`); });
    this.workers.push(worker);
    this.running.set(worker, []);
  }

  /** A crashed worker answers its job with a failure and is replaced. */
  private replace(worker: Worker, reason: string): void {
    if (this.disposed) return;
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    const chunks = this.running.get(worker) ?? [];
    this.running.delete(worker);
    for (const task of chunks.flat()) task.resolve({ id: task.job.id, ok: false, reason });
    this.spawn();
    this.pump();
  }

  /** Keeps `IN_FLIGHT` chunks at every worker while jobs wait. */
  private pump(): void {
    for (const worker of this.workers) {
      const chunks = this.running.get(worker)!;
      while (chunks.length < IN_FLIGHT && this.queue.length) {
        const tasks = this.queue.splice(0, CHUNK);
        chunks.push(tasks);
        worker.postMessage(tasks.map((t) => t.job));
      }
    }
  }
}

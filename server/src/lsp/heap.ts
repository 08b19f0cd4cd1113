// The server's heap: how full it is (the first index stops taking files past a share of the limit) and, on a
// large heap, a full garbage collection between the stages of the first index, so the peak of memory is what is
// live, not what a large heap limit lets pile up, and V8's own collections stay short (100,000 sources: without
// them one held requests for 11 s, with them the longest wait was 4 s; one run each).
import * as v8 from 'v8';
import * as vm from 'vm';

/**
 * Share of the heap limit the analyses may fill while indexing: grouping and conflict finding need about as much
 * again as the analyses they read, and the editor must keep answering.
 */
const INDEX_HEAP_SHARE = 0.45;

/**
 * Below this much live heap, a collection between stages costs more than it gives: at 10,000 sources (about
 * 0.5 GB) the two of a cold index took about 0.4 s, and the peak was 636–661 MB with them, 655–667 MB without.
 */
const STAGE_COLLECTION_BYTES = 1.5e9;

export const memoryLimitMb = (): number => Math.round(v8.getHeapStatistics().heap_size_limit / 1e6);

/** A full collection between two stages of the first index, when the heap is large enough to be worth it. */
export function collectBetweenStages(): void {
  if (v8.getHeapStatistics().used_heap_size > STAGE_COLLECTION_BYTES) collectGarbage();
}

/**
 * True when the analyses already fill their share of the heap (the rest of a folder is then left out). A heap that
 * looks full is collected and looked at again: garbage the heap limit let pile up (the workers' messages, once
 * parsed) is not the analyses.
 */
export function memoryFull(): boolean {
  const limit = INDEX_HEAP_SHARE * v8.getHeapStatistics().heap_size_limit;
  if (process.memoryUsage().heapUsed <= limit) return false;
  collectGarbage();
  return process.memoryUsage().heapUsed > limit;
}

let gc: (() => void) | undefined | null = null;

/** A full collection now (a few hundred milliseconds on a heap of half a gigabyte); nothing if V8 will not allow it. */
export function collectGarbage(): void {
  if (gc === null) {
    try {
      gc = (globalThis as { gc?: () => void }).gc;
      if (!gc) {
        v8.setFlagsFromString('--expose-gc');
        gc = vm.runInNewContext('gc') as () => void;
      }
    } catch {
      gc = undefined;
    }
  }
  gc?.();
}

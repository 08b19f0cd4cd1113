// Finds the sets that may be at least `threshold` alike (Jaccard) with a probe, without comparing all pairs:
// prefix filtering with positional filtering (as in PPJoin, Xiao et al. 2008). Each set is indexed under its
// rarest tokens only (a prefix long enough that two sets this alike always share one of them), and a shared token
// whose positions leave too few tokens after it to reach the overlap needed is not counted. Candidates still need
// the caller's exact check; no pair at or above the threshold is ever missed.
import { Postings } from './postings';

/** Tokens sorted rarest first (ties by text), the order every set of one index must be given in. */
export function rarestFirst(tokens: Iterable<string>, freq: Map<string, number>): string[] {
  const list = [...tokens];
  // Each token's count looked up once, not at every comparison.
  const count = list.map((t) => freq.get(t) ?? 0);
  const order = list.map((_, i) => i);
  order.sort((a, b) => count[a] - count[b] || (list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0));
  return order.map((i) => list[i]);
}

/** How many of a set's first tokens are indexed and probed. */
function prefixLength(size: number, threshold: number): number {
  return size - Math.ceil(threshold * size) + 1;
}

interface Posting {
  id: number;
  position: number;
  size: number;
}

export class PrefixIndex {
  private readonly postings = new Postings<Posting>();

  constructor(private readonly threshold: number) {}

  /** Indexes a set (sorted with `rarestFirst`) under its prefix. */
  add(id: number, sorted: string[]): void {
    const n = prefixLength(sorted.length, this.threshold);
    for (let position = 0; position < n && position < sorted.length; position++) this.postings.add(sorted[position], { id, position, size: sorted.length });
  }

  /**
   * The ids of indexed sets that may reach the threshold with `sorted`; `expired` and `fromStart` as in
   * `Postings.read` (for indexes walked in time order).
   */
  probe(sorted: string[], expired?: (id: number) => boolean, fromStart = false): number[] {
    const t = this.threshold;
    const n = prefixLength(sorted.length, t);
    const overlap = new Map<number, number>();
    for (let i = 0; i < n && i < sorted.length; i++) {
      this.postings.visit(sorted[i], ({ id, position, size }) => {
        const seen = overlap.get(id);
        if (seen === -1) return;
        // Too small or too large to be this alike.
        if (size < t * sorted.length - 1e-9 || sorted.length < t * size - 1e-9) return;
        const needed = Math.ceil((t / (1 + t)) * (sorted.length + size) - 1e-9);
        const bound = (seen ?? 0) + 1 + Math.min(sorted.length - i - 1, size - position - 1);
        overlap.set(id, bound >= needed ? (seen ?? 0) + 1 : -1);
      }, expired, fromStart);
    }
    const out: number[] = [];
    for (const [id, count] of overlap) if (count > 0) out.push(id);
    return out;
  }
}

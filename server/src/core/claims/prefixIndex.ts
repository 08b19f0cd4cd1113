// Finds the sets that may be at least `threshold` alike (Jaccard) with a probe, without comparing all pairs:
// prefix filtering with positional filtering (as in PPJoin, Xiao et al. 2008). Each set is indexed under its
// rarest tokens only (a prefix long enough that two sets this alike always share one of them), and a shared token
// whose positions leave too few tokens after it to reach the overlap needed is not counted. Candidates still need
// the caller's exact check; no pair at or above the threshold is ever missed.

/** Tokens sorted rarest first (ties by text), the order every set of one index must be given in. */
export function rarestFirst(tokens: Iterable<string>, freq: Map<string, number>): string[] {
  return [...tokens].sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
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
  private readonly lists = new Map<string, { entries: Posting[]; head: number }>();

  constructor(private readonly threshold: number) {}

  /** Indexes a set (sorted with `rarestFirst`) under its prefix. */
  add(id: number, sorted: string[]): void {
    const n = prefixLength(sorted.length, this.threshold);
    for (let position = 0; position < n && position < sorted.length; position++) {
      const token = sorted[position];
      const list = this.lists.get(token);
      const entry = { id, position, size: sorted.length };
      if (list) list.entries.push(entry);
      else this.lists.set(token, { entries: [entry], head: 0 });
    }
  }

  /**
   * The ids of indexed sets that may reach the threshold with `sorted`. `expired`, when given, must hold for a
   * leading run of every list (entries added in an order it is monotone in): those entries are skipped for this and
   * every later probe. `fromStart` reads every list whole, skipped entries included.
   */
  probe(sorted: string[], expired?: (id: number) => boolean, fromStart = false): number[] {
    const t = this.threshold;
    const n = prefixLength(sorted.length, t);
    const overlap = new Map<number, number>();
    for (let i = 0; i < n && i < sorted.length; i++) {
      const list = this.lists.get(sorted[i]);
      if (!list) continue;
      if (expired && !fromStart) while (list.head < list.entries.length && expired(list.entries[list.head].id)) list.head++;
      for (let k = fromStart ? 0 : list.head; k < list.entries.length; k++) {
        const { id, position, size } = list.entries[k];
        const seen = overlap.get(id);
        if (seen === -1) continue;
        // Too small or too large to be this alike.
        if (size < t * sorted.length - 1e-9 || sorted.length < t * size - 1e-9) continue;
        const needed = Math.ceil((t / (1 + t)) * (sorted.length + size) - 1e-9);
        const bound = (seen ?? 0) + 1 + Math.min(sorted.length - i - 1, size - position - 1);
        overlap.set(id, bound >= needed ? (seen ?? 0) + 1 : -1);
      }
    }
    const out: number[] = [];
    for (const [id, count] of overlap) if (count > 0) out.push(id);
    return out;
  }
}

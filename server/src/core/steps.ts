// Work done in steps: a generator that yields between slices of work (so a server can answer requests in
// between) and returns its result. `finish` runs one to its end at once; `Slices` tells a loop when to yield.

/** How long one step of stepwise work runs by default: a request waits at most about this long behind it. */
export const SLICE_MS = 50;

export function finish<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * When a slice of stepwise work is used up: `due()`, asked once per item of a loop, is true once `sliceMs` of work
 * have passed since the slice began. The clock is read every 8 asks (an item of some loops costs milliseconds at
 * 100,000 documents), or at every ask with `dueNow()` (items that may each be long); a slice of 0 ms yields at
 * every ask, Infinity never. The next slice begins at the first ask after the pause, so time spent elsewhere
 * meanwhile does not count.
 */
export class Slices {
  private asks = 0;
  private started = Date.now();
  private paused = false;
  private readonly mask: number;

  constructor(private readonly sliceMs: number) {
    this.mask = sliceMs <= 0 ? 0 : 7;
  }

  due(): boolean {
    return (++this.asks & this.mask) === 0 && this.dueNow();
  }

  dueNow(): boolean {
    if (this.paused) {
      this.paused = false;
      this.started = Date.now();
    }
    if (this.sliceMs === Infinity || Date.now() - this.started < this.sliceMs) return false;
    this.paused = true;
    return true;
  }
}

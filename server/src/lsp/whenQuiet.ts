// Runs background work (the cache and snapshot writes after an index) once the user has stopped editing for a
// moment, so it does not hold the main thread while an edit waits for its diagnostics; never later than a deadline.

export interface Clock {
  now(): number;
  /** Calls `run` in `ms` (a timer that does not keep the process alive). */
  after(ms: number, run: () => void): void;
}

const REAL_CLOCK: Clock = { now: () => Date.now(), after: (ms, run) => void setTimeout(run, ms).unref() };

/**
 * Calls `run` in `delayMs`, or later, once `lastEditAt()` is `quietMs` in the past; at `deadline` whatever the
 * edits. Exactly once.
 */
export function whenQuiet(o: { delayMs: number; quietMs: number; deadline: number; lastEditAt(): number; run(): void }, clock: Clock = REAL_CLOCK): void {
  clock.after(o.delayMs, () => {
    const now = clock.now();
    const quietFor = now - o.lastEditAt();
    if (quietFor >= o.quietMs || now >= o.deadline) o.run();
    else whenQuiet({ ...o, delayMs: Math.min(o.quietMs - quietFor, o.deadline - now) }, clock);
  });
}

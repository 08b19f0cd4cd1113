// Work done in steps: a generator that yields between slices of work (so a server can answer requests in
// between) and returns its result. `finish` runs one to its end at once.

export function finish<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

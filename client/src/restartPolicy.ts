// When the language server dies, restart it, but not forever: up to `maxRestarts` restarts within `windowMs`;
// one more death inside that window stops the restarts with a clear message. Pure (no vscode import), so the
// robustness tests can check it; extension.ts turns its answers into the LanguageClient's error handler.

export type RestartDecision = { restart: true } | { restart: false; message: string };

export const STOPPED_MESSAGE = (deaths: number, minutes: number) =>
  `Corroborate's server stopped ${deaths} times in the last ${minutes} minutes and will not be restarted again. ` +
  'Your files are not affected. See the Corroborate output channel for the cause, then run "Corroborate: Restart Server".';

export class RestartPolicy {
  private deaths: number[] = [];

  constructor(private readonly maxRestarts = 4, private readonly windowMs = 3 * 60 * 1000, private readonly now: () => number = Date.now) {}

  /** Called each time the server's connection closes unexpectedly (or its initialization fails). */
  serverDied(): RestartDecision {
    const now = this.now();
    this.deaths = this.deaths.filter((t) => now - t <= this.windowMs);
    this.deaths.push(now);
    if (this.deaths.length <= this.maxRestarts) return { restart: true };
    this.deaths = [];
    return { restart: false, message: STOPPED_MESSAGE(this.maxRestarts + 1, Math.round(this.windowMs / 60_000)) };
  }

  /** Called after a restart the user asked for: they start with a clean slate. */
  reset(): void {
    this.deaths = [];
  }
}

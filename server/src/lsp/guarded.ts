// Wraps a request handler so that an exception is logged and answered with an empty result, never a crash.
import type { Connection } from 'vscode-languageserver';

export function guarded<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error)?.stack ?? error}`);
      return fallback;
    }
  };
}

/** The same for handlers that answer asynchronously. */
export function guardedAsync<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P) => Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error)?.stack ?? error}`);
      return fallback;
    }
  };
}

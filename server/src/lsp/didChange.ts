// corroborate/didChange: tells the client the analysis changed (debounced), so its views and status bar refresh.
import type { Connection } from 'vscode-languageserver';

export const DID_CHANGE_NOTIFICATION = 'corroborate/didChange';

export function notifyChangesDebounced(connection: Connection, delayMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void connection.sendNotification(DID_CHANGE_NOTIFICATION).catch(() => undefined);
    }, delayMs);
  };
}

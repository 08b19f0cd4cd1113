// A minimal LSP client for protocol tests: spawns the built server over stdio and speaks JSON-RPC to it,
// as an editor does.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(REPO, 'server', 'out', 'server.js');

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcess;
  diagnostics: Map<string, unknown[]>;
  logs: string[];
  /** Diagnostics and log lines in the order they arrived. */
  events: ({ kind: 'diagnostics'; uri: string; diagnostics: unknown[] } | { kind: 'log'; message: string })[];
  stop(): Promise<void>;
}

export async function startServer(rootFolder: string, options: { progress?: boolean; initializationOptions?: unknown; configuration?: unknown } = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, unknown[]>();
  const logs: string[] = [];
  const events: TestClient['events'] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    events.push({ kind: 'diagnostics', ...p });
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    events.push({ kind: 'log', message: p.message });
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.configuration ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onError(() => undefined);
  child.stdin!.on('error', () => undefined);
  connection.listen();
  const rootUri = pathToFileURL(rootFolder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(rootFolder) }],
    capabilities: { window: { workDoneProgress: options.progress ?? false }, workspace: { configuration: true } },
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  await connection.sendRequest('corroborate/whenIndexed');
  return {
    connection, process: child, diagnostics, logs, events,
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit').catch(() => undefined);
      } catch {
        /* already gone */
      }
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill(), 2000);
        child.once('exit', () => { clearTimeout(timer); resolve(); });
      });
      connection.dispose();
    },
  };
}

export const uriOf = (file: string) => pathToFileURL(file).href;

/** Line and UTF-16 character of the n-th occurrence of `needle` in `text`; lines end at \n, \r\n or a lone \r, as in LSP. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: index - lineStart };
}

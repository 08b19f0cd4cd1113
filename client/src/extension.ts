// VS Code client for Corroborate: starts the bundled language server (dist/server.js) and wires it to the editor,
// the views (views.ts), commands (commands.ts) and status bar (status.ts).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { RestartPolicy } from './restartPolicy';
import { DID_CHANGE, Requests } from './protocol';
import { StatusBar } from './status';
import { registerViews, type Views } from './views';

/** What `activate` returns: tests use it to wait for the server (`await api.ready`, `api.client.state`). */
export interface CorroborateApi {
  client: LanguageClient;
  /** Settles when the current start of the client has finished (rejects if the server failed to start). */
  ready: Promise<void>;
  views: Views;
  status: StatusBar;
}

let client: LanguageClient | undefined;

/** The `files.exclude` globs that are switched on (value `true`), so the server skips them too. */
function enabledFilesExclude(): string[] {
  const patterns = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(patterns).filter(([, on]) => on === true).map(([glob]) => glob);
}

/** The language server's heap limit (corroborate.server.maxMemoryMB), read when the server starts. */
function serverMemoryMb(): number {
  const mb = vscode.workspace.getConfiguration('corroborate').get<number>('server.maxMemoryMB', 8192);
  return Number.isFinite(mb) && mb >= 512 ? Math.round(mb) : 8192;
}

export function activate(context: vscode.ExtensionContext): CorroborateApi {
  const module = context.asAbsolutePath('dist/server.js');
  const memory = `--max-old-space-size=${serverMemoryMb()}`;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [memory] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009', memory] } },
  };
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    synchronize: {
      configurationSection: 'corroborate',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{txt,md}'),
        vscode.workspace.createFileSystemWatcher('**/.corroborate/**'),
      ],
    },
    initializationOptions: {
      filesExclude: enabledFilesExclude(),
      storagePath: context.storageUri?.fsPath,
    },
    // Crash recovery: a server that dies is restarted, up to 4 times in 3 minutes, then a clear message.
    errorHandler: {
      error: (_error, _message, count) => ({ action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        const decision = restarts.serverDied();
        return decision.restart ? { action: CloseAction.Restart } : { action: CloseAction.DoNotRestart, message: decision.message };
      },
    },
    initializationFailedHandler: (error) => {
      const decision = restarts.serverDied();
      if (!decision.restart) void vscode.window.showErrorMessage(decision.message);
      else lc.error('Corroborate server failed to initialize; retrying', error);
      return decision.restart;
    },
  };

  const lc = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
  client = lc;
  const requests = new Requests(() => lc);
  const views = registerViews(context, requests);
  const status = new StatusBar(requests);
  context.subscriptions.push(status);
  const refresh = () => {
    views.refresh();
    void status.refresh();
  };
  const start = () => {
    status.indexing();
    const ready = lc.start();
    ready.then(() => {
      lc.onNotification(DID_CHANGE, refresh);
      refresh();
    }, () => undefined);
    return ready;
  };
  const api: CorroborateApi = { client: lc, ready: start(), views, status };
  api.ready.catch((err) => lc.error('Corroborate server failed to start', err, 'force'));

  const restart = async () => {
    if (lc.state === State.Running) await lc.stop();
    api.ready = start();
    await api.ready;
  };
  context.subscriptions.push(vscode.commands.registerCommand('corroborate.restartServer', restart));
  registerCommands(context, requests, views, status, restart);
  return api;
}

export async function deactivate(): Promise<void> {
  if (client && client.needsStop()) await client.stop();
  client = undefined;
}

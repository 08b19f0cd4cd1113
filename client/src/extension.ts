// VS Code client for Corroborate: starts the bundled language server (dist/server.js) and wires it to the editor.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

/** What `activate` returns: tests use it to wait for the server (`await api.ready`, `api.client.state`). */
export interface CorroborateApi {
  client: LanguageClient;
  /** Settles when the current start of the client has finished (rejects if the server failed to start). */
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

/** The `files.exclude` globs that are switched on (value `true`), so the server skips them too. */
function enabledFilesExclude(): string[] {
  const patterns = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(patterns).filter(([, on]) => on === true).map(([glob]) => glob);
}

export function activate(context: vscode.ExtensionContext): CorroborateApi {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
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
  };

  const lc = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
  client = lc;
  const api: CorroborateApi = { client: lc, ready: lc.start() };
  api.ready.catch((err) => lc.error('Corroborate server failed to start', err, 'force'));

  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.restartServer', async () => {
      if (lc.state === State.Running) await lc.stop();
      api.ready = lc.start();
      await api.ready;
    }),
  );
  return api;
}

export async function deactivate(): Promise<void> {
  if (client && client.needsStop()) await client.stop();
  client = undefined;
}

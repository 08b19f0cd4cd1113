// The language server's entry point: creates the connection (stdio, IPC or socket, as the client starts it),
// declares capabilities, and wires each request to its one-file handler. No analysis here.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, Workspace, type Settings } from './lsp/workspace';
import { provideHover } from './lsp/hover';
import { provideReferences } from './lsp/references';
import { provideDefinition } from './lsp/definition';
import { provideHighlights } from './lsp/highlights';
import { guarded } from './lsp/guarded';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspace: Workspace;
let canReadConfiguration = false;
let canReportProgress = false;
let initialSettings: Settings = DEFAULT_SETTINGS;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { filesExclude?: string[]; settings?: Partial<Settings> };
  initialSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  workspace = new Workspace(connection, initialSettings, options.filesExclude ?? []);
  workspace.setFolders(params.workspaceFolders, params.rootUri);
  canReadConfiguration = !!params.capabilities.workspace?.configuration;
  canReportProgress = !!params.capabilities.window?.workDoneProgress;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      referencesProvider: true,
      definitionProvider: true,
      documentHighlightProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'corroborate', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  await refreshSettings();
  await indexWithProgress();
  connection.workspace.onDidChangeWorkspaceFolders(async () => {
    const folders = await connection.workspace.getWorkspaceFolders();
    workspace.setFolders(folders);
    await indexWithProgress();
  });
});

async function refreshSettings(): Promise<void> {
  if (!canReadConfiguration) return;
  try {
    const value = (await connection.workspace.getConfiguration('corroborate')) as Partial<Settings> | null;
    workspace.setSettings({ ...initialSettings, ...(value ?? {}) });
  } catch (error) {
    connection.console.warn(`could not read settings: ${(error as Error).message}`);
  }
}

async function indexWithProgress(): Promise<void> {
  if (!canReportProgress) return workspace.indexAll();
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Corroborate', 0, 'Indexing sources', false);
  return workspace.indexAll({ report: (message, percentage) => progress.report(percentage ?? 0, message), done: () => progress.done() });
}

connection.onDidChangeConfiguration(async () => {
  await refreshSettings();
  await indexWithProgress();
});

documents.onDidOpen((e) => workspace.opened(e.document));
documents.onDidChangeContent((e) => workspace.edited(e.document));
documents.onDidClose((e) => void workspace.closed(e.document));
connection.onDidChangeWatchedFiles((e) => void workspace.filesChanged(e.changes));

connection.onHover(guarded(connection, 'hover', null, (p) => provideHover(workspace.corpus, p)));
connection.onReferences(guarded(connection, 'references', [], (p) => provideReferences(workspace.corpus, p)));
connection.onDefinition(guarded(connection, 'definition', null, (p) => provideDefinition(workspace.corpus, p)));
connection.onDocumentHighlight(guarded(connection, 'highlights', [], (p) => provideHighlights(workspace.corpus, p)));
connection.onRequest('corroborate/whenIndexed', async () => {
  await workspace.whenIndexed();
  return { sources: workspace.corpus.size, entities: workspace.corpus.entities().length };
});

process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`unhandled: ${(error as Error)?.stack ?? error}`));

documents.listen(connection);
connection.listen();

// The language server's entry point: creates the connection (stdio, IPC or socket, as the client starts it),
// declares capabilities, and wires each request to its one-file handler. No analysis here.
import './jitTuning';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, Workspace, type Settings } from './lsp/workspace';
import { provideHover } from './lsp/hover';
import { provideReferences } from './lsp/references';
import { provideDefinition } from './lsp/definition';
import { provideHighlights } from './lsp/highlights';
import { guarded, guardedAsync } from './lsp/guarded';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { DEFAULT_CONFLICT_SETTINGS, readConflictSettings, type ConflictSettings } from './lsp/conflictSettings';
import { provideCodeActions } from './lsp/codeActions';
import { provideDocumentSymbols } from './lsp/documentSymbols';
import { provideWorkspaceSymbols } from './lsp/workspaceSymbols';
import { DEFAULT_LENS_KINDS, provideCodeLenses, readLensKinds, type LensKind } from './lsp/codeLens';
import { provideSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './lsp/semanticTokens';
import { provideEntities, provideEntityMentions } from './lsp/entitiesRequest';
import { provideSources } from './lsp/sourcesRequest';
import { provideProfile } from './lsp/profileRequest';
import { provideConflicts } from './lsp/conflictsRequest';
import { provideStatus } from './lsp/statusRequest';
import { notifyChangesDebounced } from './lsp/didChange';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspace: Workspace;
let canReadConfiguration = false;
let canReportProgress = false;
let canWatchFolders = false;
let initialSettings: Settings = DEFAULT_SETTINGS;
let conflictSettings: ConflictSettings = DEFAULT_CONFLICT_SETTINGS;
let diagnostics: DiagnosticsPublisher;
let lensKinds: LensKind[] = DEFAULT_LENS_KINDS;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { filesExclude?: string[]; settings?: Partial<Settings>; storagePath?: string };
  initialSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  workspace = new Workspace(connection, initialSettings, options.filesExclude ?? [], typeof options.storagePath === 'string' ? options.storagePath : undefined);
  workspace.setFolders(params.workspaceFolders, params.rootUri);
  workspace.onDidChange(notifyChangesDebounced(connection));
  diagnostics = new DiagnosticsPublisher(connection, workspace.corpus, () => conflictSettings, (uri) => workspace.isOpen(uri), undefined, () => workspace.linkPending());
  workspace.onDidChange(() => diagnostics.schedule());
  workspace.onSnapshot((snapshot) => diagnostics.showSnapshot(snapshot));
  workspace.onSnapshotHeld(() => diagnostics.snapshotHolds());
  // Once an index's diagnostics are out, its claims are filed for edits (an edit before then files them at once).
  workspace.onIndexed(() => {
    void diagnostics.publishAll().then(() => workspace.linkForEdits());
  });
  canReadConfiguration = !!params.capabilities.workspace?.configuration;
  canReportProgress = !!params.capabilities.window?.workDoneProgress;
  canWatchFolders = !!params.capabilities.workspace?.workspaceFolders;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      referencesProvider: true,
      definitionProvider: true,
      documentHighlightProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'corroborate', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  await refreshSettings();
  await indexWithProgress();
  // Throws on clients without workspace folders support.
  if (canWatchFolders) connection.workspace.onDidChangeWorkspaceFolders(async () => {
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
    conflictSettings = readConflictSettings(value);
    lensKinds = readLensKinds(value);
    diagnostics.schedule();
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

// The conflicts are kept for the next start (when the corpus holds just what is on disk); a cache save under way
// keeps what it wrote.
connection.onShutdown(() => workspace?.beforeExit());

connection.onDidChangeConfiguration(async () => {
  await refreshSettings();
  await indexWithProgress();
});

documents.onDidOpen((e) => workspace.opened(e.document));
documents.onDidChangeContent((e) => workspace.edited(e.document));
documents.onDidClose((e) => void workspace.closed(e.document).then(() => diagnostics.schedule()));
connection.onDidChangeWatchedFiles((e) => void workspace.filesChanged(e.changes));

connection.onCodeAction(guardedAsync(connection, 'codeActions', [], (p) => provideCodeActions(workspace, p)));
connection.onHover(guarded(connection, 'hover', null, (p) => provideHover(workspace.corpus, p)));
connection.onReferences(guarded(connection, 'references', [], (p) => provideReferences(workspace.corpus, p, {
  notify: (message) => void connection.sendNotification('window/showMessage', { type: 3, message }),
})));
connection.onDefinition(guarded(connection, 'definition', null, (p) => provideDefinition(workspace.corpus, p)));
connection.onDocumentHighlight(guarded(connection, 'highlights', [], (p) => provideHighlights(workspace.corpus, p)));
connection.onDocumentSymbol(guarded(connection, 'documentSymbols', [], (p) => provideDocumentSymbols(workspace.corpus, p)));
connection.onWorkspaceSymbol(guarded(connection, 'workspaceSymbols', [], (p) => provideWorkspaceSymbols(workspace.corpus, p)));
connection.onCodeLens(guarded(connection, 'codeLens', [], (p) => provideCodeLenses(workspace.corpus, p, lensKinds)));
connection.languages.semanticTokens.on(guarded(connection, 'semanticTokens', { data: [] }, (p) => provideSemanticTokens(workspace.corpus, p)));
connection.onRequest('corroborate/entities', guarded(connection, 'entities', { entities: [] }, (p: { withMentions?: boolean }) => provideEntities(workspace.corpus, p)));
connection.onRequest('corroborate/entityMentions', guarded(connection, 'entityMentions', { mentions: [] }, (p: { id: string }) => provideEntityMentions(workspace.corpus, p)));
connection.onRequest('corroborate/sources', guarded(connection, 'sources', { sources: [] }, () => provideSources(workspace.corpus)));
connection.onRequest('corroborate/profile', guarded(connection, 'profile', null, (p: { id: string }) => provideProfile(workspace.corpus, p)));
// These two wait for the claims of an index to be filed for edits (at most a few seconds after it) when an edit needs
// them, rather than file them at once and hold every other request meanwhile.
connection.onRequest('corroborate/conflicts', guardedAsync(connection, 'conflicts', { conflicts: [] }, async () => {
  await workspace.linkedForChanges();
  return provideConflicts(workspace.corpus);
}));
connection.onRequest('corroborate/status', guardedAsync(connection, 'status', undefined, async () => {
  await workspace.linkedForChanges();
  return provideStatus(workspace.corpus, workspace.isIndexing);
}));
connection.onRequest('corroborate/reindex', async () => {
  await indexWithProgress();
  return { sources: workspace.corpus.size, entities: workspace.corpus.entities().length };
});
// Waits for indexing and pending file events, then for every pending diagnostic to be published (tests and scripts
// use it; the publishing goes in chunks, so requests sent meanwhile are answered).
connection.onRequest('corroborate/whenIndexed', async () => {
  await workspace.whenIndexed();
  await diagnostics.publishAll();
  return { sources: workspace.corpus.size, entities: workspace.corpus.entities().length, conflicts: workspace.corpus.conflicts().length };
});
// For the soak test: memory and live handles (timers, watchers, sockets); `gc: true` collects first when the server
// runs with --expose-gc.
connection.onRequest('corroborate/debugStats', (params?: { gc?: boolean }) => {
  if (params?.gc) (globalThis as { gc?: () => void }).gc?.();
  return debugStats();
});
const debugStats = () => ({
  pid: process.pid,
  memory: process.memoryUsage(),
  activeResources: process.getActiveResourcesInfo().length,
  resources: process.getActiveResourcesInfo(),
  sources: workspace?.corpus.size ?? 0,
});

process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`unhandled: ${(error as Error)?.stack ?? error}`));

documents.listen(connection);
connection.listen();

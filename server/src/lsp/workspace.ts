// The workspace as the core sees it: every matching file of every workspace folder, opened or not. Indexes at
// start-up with progress, follows edits (unsaved text wins over disk) and file events, reloads the user's
// .corroborate/entities.json. The only part of the server that reads files.
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { promises as fs } from 'fs';
import type { Connection, Diagnostic, FileEvent, WorkspaceFolder } from 'vscode-languageserver';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from '../core/corpus';
import type { ConflictKind } from '../core/claims/types';
import { DEFAULT_INCLUDE, matchesSource, scanFolder, type ScanOptions } from '../files/scan';
import { readSource } from '../files/readSource';
import { positionAt } from './convert';
import { lineStarts } from '../core/corpus';
import { AnalysisPool } from './analysisPool';
import { AnalysisCache } from './analysisCache';
import { indexFiles } from './bulkIndex';
import { collectBetweenStages, memoryFull, memoryLimitMb } from './heap';
import { fingerprint, shownConflicts, snapshotConflicts, SnapshotFile, snapshotOf, stampFiles, stampOf, statOfStamp, type Snapshot } from './diagnosticsSnapshot';
import { formatCount } from '../core/counts';

export interface Settings {
  include: string[];
  exclude: string[];
  maxFileSize: number;
}

/** The kinds of claims filed for edits right after an index (the quotes' words are filed when an edit needs them). */
const FILED_AFTER_INDEX: readonly ConflictKind[] = ['figure', 'date', 'quote-wording'];
/** The filing of claims after an index pauses at most this long between steps for an edit's diagnostics. */
const MAX_LINK_PAUSE_MS = 200;
/** How long after an index its analyses are written to the cache. */
const CACHE_WRITE_DELAY_MS = 3000;

export const DEFAULT_SETTINGS: Settings = { include: DEFAULT_INCLUDE, exclude: [], maxFileSize: 5_000_000 };
/** The user's files in .corroborate/ and what each one sets in the corpus. */
const CONFIG_FILES: { name: string; apply: (corpus: Corpus, text: string | undefined) => { start: number; end: number; message: string }[] }[] = [
  { name: 'entities.json', apply: (corpus, text) => corpus.setUserEntities(text) },
  { name: 'reviewed.json', apply: (corpus, text) => corpus.setReviewed(text) },
];
const CONFIG_FOLDER = '.corroborate';

export class Workspace {
  readonly corpus = new Corpus();
  private folders: string[] = [];
  private readonly open = new Map<string, TextDocument>();
  private diskVersion = 0;
  private indexing: Promise<void> = Promise.resolve();
  private indexesPending = 0;
  private markFirstIndexDone: () => void = () => undefined;
  /** Settles once the first full index is built, so early requests for the whole corpus can wait for it. */
  private readonly firstIndex = new Promise<void>((resolve) => (this.markFirstIndexDone = resolve));
  private readonly listeners: (() => void)[] = [];

  /** Worker threads for the first index, started on first use. */
  private pool: AnalysisPool | undefined | null = null;
  private cache: AnalysisCache | undefined;
  private snapshots: SnapshotFile | undefined;
  private readonly snapshotListeners: ((snapshot: Snapshot) => Promise<void>)[] = [];
  private readonly snapshotHeldListeners: (() => void)[] = [];
  private readonly indexedListeners: (() => void)[] = [];
  /** The snapshot shown at this start, until the index has loaded. */
  private shownSnapshot: Snapshot | undefined;
  /** Path -> mtime and size of each file as its text went into the corpus (see `saveSnapshot`). */
  private readonly stamps = new Map<string, string>();
  private indexedOnce = false;

  /** `storagePath`: the extension's storage folder, where the analyses are cached between starts (none without). */
  constructor(
    private readonly connection: Connection, private settings: Settings, private readonly filesExclude: string[],
    private readonly storagePath?: string,
  ) {}

  /** Called after any change of the analysis (debounced by the caller if needed). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setFolders(folders: WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const uris = folders?.map((f) => f.uri) ?? (rootUri ? [rootUri] : []);
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
  }

  /** Indexes every folder; resolves when done. Requests are answered meanwhile from what is indexed so far. */
  indexAll(progress?: { report(message: string, percentage?: number): void; done(): void }): Promise<void> {
    this.indexesPending++;
    this.indexing = this.indexing.then(() => this.doIndexAll(progress)).finally(() => {
      this.indexesPending--;
      this.markFirstIndexDone();
    });
    return this.indexing;
  }

  /** Whether an index of the folders is asked for or running (not a file event, a close or a snapshot write). */
  get isIndexing(): boolean {
    return this.indexesPending > 0;
  }

  async whenIndexed(): Promise<void> {
    await this.firstIndex;
    await this.indexing;
  }

  private scanOptions(): ScanOptions {
    return { include: this.settings.include, exclude: [...this.settings.exclude, ...this.filesExclude] };
  }

  private async doIndexAll(progress?: { report(message: string, percentage?: number): void; done(): void }): Promise<void> {
    const started = Date.now();
    const files = await this.scanAll();
    const wanted = new Set(files.map((f) => pathToFileURL(f).href));
    for (const uri of this.corpus.uris()) if (!wanted.has(uri) && !this.open.has(uri)) this.removeSource(uri);
    // Workers start at the first file the cache cannot give (none at a warm start with every source as it was).
    const pool = () => {
      if (this.pool !== null) return this.pool;
      this.pool = files.length > 50 ? AnalysisPool.create() : undefined;
      if (this.pool) this.log(`analysis: ${this.pool.size} worker threads started`);
      return this.pool;
    };
    // Nothing is published while the corpus loads (it would find the conflicts of a half-read corpus).
    this.corpus.setBulk(true);
    let indexed: { cached: number; leftOut: number };
    try {
      if (!this.cache && this.storagePath && this.folders.length) {
        this.snapshots = new SnapshotFile(this.storagePath, this.folders);
        if (!this.indexedOnce) await this.showSnapshot(files);
        this.cache = new AnalysisCache(this.storagePath, this.folders);
        this.log(`cache: ${await this.cache.load()} analyses read`);
        collectBetweenStages(); // what reading it left behind
      }
      indexed = await indexFiles(files, {
        corpus: this.corpus, pool, cache: this.cache, maxFileSize: this.settings.maxFileSize,
        seen: (file) => statOfStamp(this.snapshotStamps?.get(file)),
        isOpen: (uri) => this.open.has(uri),
        readOne: (file) => this.readIntoCorpus(file),
        nextVersion: () => -++this.diskVersion,
        skipped: (file, reason) => this.skipped(file, reason),
        note: (file, note) => this.log(`${file}: ${note}`),
        read: (file, mtimeMs, size) => this.stamps.set(file, stampOf(mtimeMs, size)),
        memoryFull: () => memoryFull(),
        progress: (done, total) => progress?.report(`Indexing ${formatCount(done)} / ${formatCount(total)} sources`, Math.round((done / total) * 100)),
      });
      // The workers' heaps are given back before conflicts are found (the peak of memory); the next index starts new ones.
      this.pool?.dispose();
      this.pool = null;
      await this.reloadConfigFiles();
      await this.expectSnapshotConflicts();
    } finally {
      this.corpus.setBulk(false);
      this.snapshotStamps = undefined;
    }
    const { cached, leftOut } = indexed;
    // What inserting analyses (or the workers' messages) left behind goes before grouping and conflicts (the peak).
    collectBetweenStages();
    progress?.done();
    this.log(`indexed ${files.length - leftOut} sources (${cached} from the cache) in ${Date.now() - started} ms`);
    if (leftOut) {
      const message = `Corroborate indexed ${formatCount(files.length - leftOut)} of ${formatCount(files.length)} sources: the other ${formatCount(leftOut)} would not fit in the server's memory (${formatCount(memoryLimitMb())} MB). Raise corroborate.server.maxMemoryMB, or narrow corroborate.include.`;
      this.log(message);
      void this.connection.sendNotification('window/showMessage', { type: 2, message });
    }
    for (const [uri, reason] of this.corpus.claimFailures) this.log(`${uri}: figures, dates and quotes not read (${reason}); its names are indexed`);
    // Grouping and the first conflicts, in steps between which requests (hovers) are answered.
    const preparing = Date.now();
    for (const step of this.corpus.prepareSteps()) {
      if (step === 'grouped') collectBetweenStages(); // the grouping's scaffolding, before the conflict index is built
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.corpus.tookExpectedConflicts) {
      for (const listener of this.snapshotHeldListeners) listener();
      this.log(`grouped in ${Date.now() - preparing} ms; the conflicts are the snapshot's (every source as it was)`);
    } else this.log(`grouped and found conflicts in ${Date.now() - preparing} ms`);
    this.indexedOnce = true;
    this.changed();
    for (const listener of this.indexedListeners) listener();
    // Written a little later, so the first conflicts and diagnostics after the index do not wait for them.
    const cache = this.cache;
    setTimeout(() => {
      void this.saveSnapshot();
      if (cache && cached < files.length) void cache.save(new Set(files)).catch((error) => this.log(`cache not written: ${(error as Error).message}`));
    }, CACHE_WRITE_DELAY_MS).unref();
  }

  private async scanAll(): Promise<string[]> {
    const files: string[] = [];
    for (const folder of this.folders) files.push(...(await scanFolder(folder, this.scanOptions(), (p) => this.log(p))));
    return files;
  }

  /** Called with the last session's diagnostics when they still hold, before the first index is loaded. */
  onSnapshot(listener: (snapshot: Snapshot) => Promise<void>): void {
    this.snapshotListeners.push(listener);
  }

  /** Called when an index of the folders is done (its grouping and conflicts found, not yet published). */
  onIndexed(listener: () => void): void {
    this.indexedListeners.push(listener);
  }

  /**
   * Files the conflicts' claims under the keys edits follow (`Corpus.linkSteps`), between which requests are
   * answered: left out of the first index so its diagnostics come sooner. After an index the server files the
   * figures, dates and wordings (`FILED_AFTER_INDEX`: 0.3 s at 10,000 sources); the quotes' words, two thirds of the
   * work and of the keys, only once an edit of a quote needs them. What needs conflicts after an edit (diagnostics,
   * the conflicts and status requests) waits for the steps of what it needs (`linkPending`) rather than file it at
   * once, which at 100,000 sources held every request for seconds.
   */
  linkForEdits(kinds: readonly ConflictKind[] = FILED_AFTER_INDEX): Promise<void> {
    const run = (async () => {
      for (const _ of this.corpus.linkSteps(kinds)) {
        await new Promise((resolve) => setImmediate(resolve));
        // An edit's diagnostics go first (unless they wait for this filing): it pauses while an edit is pending,
        // for a moment at most, so a stream of edits does not hold it off for ever.
        for (let paused = 0; paused < MAX_LINK_PAUSE_MS && !this.linkWaiters.length && this.corpus.changesPending; paused += 5) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        this.linkStepped();
      }
    })();
    const tracked: Promise<void> = run.catch(() => undefined).finally(() => {
      if (this.linking === tracked) this.linking = undefined;
      this.linkStepped();
    });
    this.linking = tracked;
    return tracked;
  }

  private linking: Promise<void> | undefined;
  private readonly linkWaiters: (() => void)[] = [];

  private linkStepped(): void {
    for (const resolve of this.linkWaiters.splice(0)) resolve();
  }

  /**
   * While bringing the conflicts up to date would file claims at once (`Corpus.kindsToLink`), a promise of the next
   * step of their filing, started if none runs (ask again then); undefined when nothing need wait.
   */
  linkPending(): Promise<void> | undefined {
    const kinds = this.corpus.kindsToLink();
    if (!kinds.length) return undefined;
    const waiting = new Promise<void>((resolve) => this.linkWaiters.push(resolve));
    if (!this.linking) void this.linkForEdits(kinds);
    return waiting;
  }

  /** Resolves once the conflicts can be brought up to date without filing at once what `linkForEdits` still files. */
  async linkedForChanges(): Promise<void> {
    for (let step = this.linkPending(); step; step = this.linkPending()) await step;
  }

  /** Called when the loaded index took the shown snapshot's conflicts as its own (what is shown stands). */
  onSnapshotHeld(listener: () => void): void {
    this.snapshotHeldListeners.push(listener);
  }

  /** The stamps the snapshot's check took of every file (`stampFiles`), which the first index takes for the cache's. */
  private snapshotStamps: Map<string, string> | undefined;

  /** Shows the last session's snapshot if every source is as it was then. */
  private async showSnapshot(files: string[]): Promise<void> {
    const snapshot = await this.snapshots?.load();
    if (!snapshot) return;
    this.snapshotStamps = await stampFiles(files);
    if ((await this.fingerprintOf(this.snapshotStamps)) !== snapshot.fingerprint) {
      this.log('snapshot: the sources changed since the last session; diagnostics wait for the index');
      return;
    }
    await Promise.all(this.snapshotListeners.map((listener) => listener(snapshot)));
    this.shownSnapshot = snapshot;
    this.log(`snapshot: the last session's ${shownConflicts(snapshot).length} conflicts shown while the index loads`);
  }

  /** The snapshot fingerprint of files with these stamps, under the current .corroborate files and settings. */
  private async fingerprintOf(stamps: Map<string, string>): Promise<string> {
    const configs = await Promise.all(CONFIG_FILES.map((c) => this.readConfig(c.name)));
    return fingerprint(stamps, configs, { settings: this.settings, filesExclude: this.filesExclude });
  }

  /**
   * Saves the conflicts for the next start. Its fingerprint is taken from the files as the corpus read them (each
   * file's mtime and size then; an open file counts if its text is the disk's): if any changed since, or the next
   * scan finds other files, the next start's fingerprint differs and the snapshot is not shown. Not saved while a
   * source outside the folders is in the corpus. Run after the first index and at shutdown.
   */
  /** At shutdown: the conflicts saved for the next start, and a cache save under way cut short (what it wrote kept). */
  async beforeExit(): Promise<void> {
    await Promise.all([this.saveSnapshot(), this.cache?.cutShort()]);
  }

  saveSnapshot(): Promise<void> {
    const run = this.indexing.then(async () => {
      if (!this.snapshots || !this.indexedOnce || this.corpus.loading) return;
      const stamps = await this.corpusStamps();
      if (stamps) await this.snapshots.save(snapshotOf(this.corpus, await this.fingerprintOf(stamps)));
    }).catch((error) => this.log(`snapshot not written: ${(error as Error).message}`));
    this.indexing = run;
    return run;
  }

  /**
   * Path -> stamp of every source as the corpus holds it: the mtime and size of each file when it was read, an open
   * file's if its text is the disk's. Undefined when a source is not a file of the folders or an open one differs.
   */
  private async corpusStamps(): Promise<Map<string, string> | undefined> {
    const stamps = new Map(this.stamps);
    for (const [uri, doc] of this.open) {
      if (!this.corpus.has(uri)) continue;
      if (!uri.startsWith('file:')) return undefined;
      const file = fileURLToPath(uri);
      const read = await readSource(file, this.settings.maxFileSize);
      if (!read.ok || read.text !== doc.getText()) return undefined;
      stamps.set(file, stampOf(read.mtimeMs, read.size));
    }
    if (this.corpus.uris().some((uri) => !uri.startsWith('file:') || !stamps.has(fileURLToPath(uri)))) return undefined;
    return stamps;
  }

  /**
   * After the load of a start that showed the last session's snapshot: when every source went in as it was then
   * (the same fingerprint), the corpus is told to take the snapshot's conflicts instead of finding them again.
   */
  private async expectSnapshotConflicts(): Promise<void> {
    const snapshot = this.shownSnapshot;
    this.shownSnapshot = undefined;
    if (!snapshot) return;
    const stamps = await this.corpusStamps();
    if (stamps && (await this.fingerprintOf(stamps)) === snapshot.fingerprint) this.corpus.expectConflicts(snapshotConflicts(snapshot));
  }

  private skipped(file: string, reason: string): void {
    this.log(`skipped ${file}: ${reason}`);
    this.corpus.remove(pathToFileURL(file).href);
    // Left out as it is now: the snapshot's check counts it as read.
    void fs.stat(file).then((st) => this.stamps.set(file, stampOf(st.mtimeMs, st.size)), () => this.stamps.delete(file));
    if (reason.startsWith('larger than')) void this.connection.sendNotification('window/showMessage', { type: 3, message: `Corroborate skipped ${path.basename(file)}: ${reason}.` }); // a notification: showInformationMessage is a request that rejects on clients without it
  }

  private async readIntoCorpus(file: string): Promise<void> {
    const uri = pathToFileURL(file).href;
    if (this.open.has(uri)) return;
    const read = await readSource(file, this.settings.maxFileSize);
    if (!read.ok) {
      this.skipped(file, read.reason);
      return;
    }
    if (read.note) this.log(`${file}: ${read.note}`);
    if (this.open.has(uri)) return;
    this.corpus.update({ uri, text: read.text, version: -++this.diskVersion });
    this.stamps.set(file, stampOf(read.mtimeMs, read.size));
  }

  opened(doc: TextDocument): void {
    this.open.set(doc.uri, doc);
    if (!this.isSource(doc.uri)) return;
    this.corpus.updateLater({ uri: doc.uri, text: doc.getText(), version: doc.version });
    this.changed();
  }

  edited(doc: TextDocument): void {
    this.open.set(doc.uri, doc);
    const config = this.configFile(doc.uri);
    if (config) {
      this.applyConfig(config, doc.uri, doc.getText());
      return;
    }
    if (!this.isSource(doc.uri)) return;
    // Analyzed when next read: a keystroke superseded before then costs nothing.
    this.corpus.updateLater({ uri: doc.uri, text: doc.getText(), version: doc.version });
    this.changed();
  }

  closed(doc: TextDocument): Promise<void> {
    this.indexing = this.indexing.then(() => this.applyClose(doc));
    return this.indexing;
  }

  private async applyClose(doc: TextDocument): Promise<void> {
    this.open.delete(doc.uri);
    if (this.configFile(doc.uri)) {
      await this.reloadConfigFiles();
      return;
    }
    if (!doc.uri.startsWith('file:')) {
      if (this.corpus.remove(doc.uri)) this.changed();
      return;
    }
    // Closing without saving: the disk's text is the truth again.
    const file = fileURLToPath(doc.uri);
    if (this.inFolders(file)) await this.readIntoCorpus(file);
    else this.removeSource(doc.uri);
    this.changed();
  }

  filesChanged(events: FileEvent[]): Promise<void> {
    this.indexing = this.indexing.then(() => this.applyFileEvents(events));
    return this.indexing;
  }

  private async applyFileEvents(events: FileEvent[]): Promise<void> {
    let configChanged = false;
    for (const event of events) {
      if (this.configFile(event.uri)) {
        configChanged = true;
        continue;
      }
      if (!event.uri.startsWith('file:')) continue;
      const file = fileURLToPath(event.uri);
      if (event.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event: drop everything below it.
        for (const uri of this.corpus.uris()) if ((uri === event.uri || uri.startsWith(event.uri + '/')) && !this.open.has(uri)) this.removeSource(uri);
      } else if (this.inFolders(file) && !this.open.has(event.uri)) {
        await this.readIntoCorpus(file);
      }
    }
    if (configChanged) await this.reloadConfigFiles();
    this.changed();
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  private isSource(uri: string): boolean {
    if (!uri.startsWith('file:')) return true;
    const file = fileURLToPath(uri);
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    if (!folder) return /\.(txt|md)$/i.test(file);
    return matchesSource(path.relative(folder, file), this.scanOptions());
  }

  private inFolders(file: string): boolean {
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    return !!folder && matchesSource(path.relative(folder, file), this.scanOptions());
  }

  private configFile(uri: string): (typeof CONFIG_FILES)[number] | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    return CONFIG_FILES.find((c) => file.endsWith(path.sep + path.join(CONFIG_FOLDER, c.name)));
  }

  /** The path of a .corroborate file in the first workspace folder (where corrections are kept). */
  configPath(name: string): string | undefined {
    const folder = this.folders[0];
    return folder && path.join(folder, CONFIG_FOLDER, name);
  }

  /** The current text of a .corroborate file: the open buffer if any, else the disk. */
  async readConfig(name: string): Promise<string | undefined> {
    const file = this.configPath(name);
    if (!file) return undefined;
    const openDoc = this.open.get(pathToFileURL(file).href);
    return openDoc ? openDoc.getText() : fs.readFile(file, 'utf8').catch(() => undefined);
  }

  private async reloadConfigFiles(): Promise<void> {
    for (const config of CONFIG_FILES) {
      const file = this.configPath(config.name);
      if (!file) return;
      this.applyConfig(config, pathToFileURL(file).href, await this.readConfig(config.name));
    }
  }

  private applyConfig(config: (typeof CONFIG_FILES)[number], uri: string, text: string | undefined): void {
    const problems = config.apply(this.corpus, text);
    const starts = lineStarts(text ?? '');
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: { start: positionAt(starts, p.start), end: positionAt(starts, p.end) },
      severity: DiagnosticSeverity.Error,
      source: 'corroborate',
      message: p.message,
    }));
    void this.connection.sendDiagnostics({ uri, diagnostics });
    this.changed();
  }

  private removeSource(uri: string): void {
    this.corpus.remove(uri);
    if (uri.startsWith('file:')) this.stamps.delete(fileURLToPath(uri));
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }
}

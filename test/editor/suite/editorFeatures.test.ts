// Runs inside the real VS Code extension host on examples/: outline, workspace symbols, code lens, semantic
// tokens, the Corroborate views, every command (profile, merge / alias / ignore, re-index, export), the status
// bar; and takes the README's screenshots (views, code lens, references, profile, hover).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { screenshot } from './screenshots';

const EXTENSION_ID = 'corroborate.corroborate';
const SUMMIT = '2025-02-07-meridian-daily-summit-report.txt';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Api {
  client: { sendRequest<R>(method: string, params?: unknown): Promise<R> };
  ready: Promise<void>;
  views: Record<'entities' | 'conflicts' | 'sources', { getChildren(node?: any): Promise<any[]>; getTreeItem(node: any): vscode.TreeItem }>;
  status: { item: vscode.StatusBarItem; refresh(): Promise<{ entities: number; conflicts: number; indexing: boolean } | undefined> };
}
interface EntityInfo { id: string; name: string; kind: string; names: string[]; mentionCount: number; sourceCount: number }

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('Corroborate editor features (outline, symbols, lenses, views, commands)', function () {
  this.timeout(120_000);
  let api: Api;
  let folder: vscode.Uri;
  let summit: vscode.TextDocument;
  const entities = () => api.client.sendRequest<{ entities: EntityInfo[] }>('corroborate/entities').then((r) => r.entities);

  before(async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = (await ext.activate()) as Api;
    await api.ready;
    await api.client.sendRequest('corroborate/whenIndexed');
    folder = vscode.workspace.workspaceFolders![0].uri;
    summit = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, SUMMIT));
    await vscode.window.showTextDocument(summit);
  });

  it('the outline groups the source\'s people, organizations and places', async function () {
    const symbols = await until('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', summit.uri);
      return s?.length ? s : undefined;
    });
    const groups = Object.fromEntries(symbols.map((s) => [s.name, s.children.map((c) => c.name)]));
    assert.ok(groups.People?.includes('Sheila Smith'), JSON.stringify(groups));
    assert.ok(groups.People?.includes('Shigeru Ishiba'), JSON.stringify(groups));
    assert.ok(groups.Organizations?.length, JSON.stringify(groups));
    assert.ok(groups.Places?.length, JSON.stringify(groups));
  });

  it('workspace symbols (Ctrl+T) find an entity by another of its names', async function () {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'ishiba shig');
    const ishiba = found.find((s) => s.name === 'Shigeru Ishiba');
    assert.ok(ishiba, found.map((s) => s.name).join(', '));
    assert.equal(ishiba.location.uri.scheme, 'file');
    const smith = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'smith')).find((s) => s.name === 'Sheila Smith');
    assert.ok(smith, 'Sheila Smith by "smith"');
  });

  it('code lenses count mentions, and the lens command lists them', async function () {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', summit.uri);
    const smith = lenses.find((l) => l.command?.title.startsWith('Sheila Smith'));
    assert.ok(smith?.command, lenses.map((l) => l.command?.title).join(' | '));
    assert.match(smith.command.title, /^Sheila Smith · \d+ mentions in \d+ sources$/);
    assert.equal(summit.getText(smith.range).includes('Smith'), true, 'the lens sits on a mention');
    assert.equal(smith.command.command, 'corroborate.showMentions');
    await vscode.commands.executeCommand(smith.command.command, ...(smith.command.arguments ?? []));
    await screenshot('references');
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('semantic tokens use the declared person / organization / place types', async function () {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', summit.uri);
    assert.deepEqual(legend.tokenTypes.slice(0, 3), ['person', 'organization', 'place']);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', summit.uri);
    assert.ok(tokens.data.length >= 5 * 10, `only ${tokens.data.length / 5} tokens`);
    const types = new Set<number>();
    for (let i = 3; i < tokens.data.length; i += 5) types.add(tokens.data[i]);
    assert.ok(types.has(0) && types.has(1) && types.has(2), `token types ${[...types]}`);
  });

  it('the views list entities by type (expanding to mentions), conflicts and sources', async function () {
    await vscode.commands.executeCommand('workbench.view.extension.corroborate');
    const kinds = (await api.views.entities.getChildren()) as { label: string; entities: EntityInfo[] }[];
    assert.deepEqual(kinds.map((k) => k.label), ['People', 'Organizations', 'Places']);
    const people = (await api.views.entities.getChildren(kinds[0])) as { entity: EntityInfo }[];
    const smith = people.find((p) => p.entity.name === 'Sheila Smith');
    assert.ok(smith, 'Sheila Smith under People');
    const item = await api.views.entities.getTreeItem(smith);
    assert.match(String(item.description), /\d+ mentions · \d+ sources/);
    const mentions = await api.views.entities.getChildren(smith);
    assert.equal(mentions.length, smith.entity.mentionCount);
    const first = await api.views.entities.getTreeItem(mentions[0]);
    assert.equal(first.command?.command, 'vscode.open', 'clicking a mention opens it');
    await vscode.commands.executeCommand(first.command!.command, ...(first.command!.arguments ?? []));

    const conflicts = await api.views.conflicts.getChildren();
    assert.ok(Array.isArray(conflicts));
    for (const subject of conflicts) {
      for (const claim of await api.views.conflicts.getChildren(subject)) {
        const claimItem = await api.views.conflicts.getTreeItem(claim);
        assert.ok(claimItem.description, 'each claim names its source');
        assert.equal(claimItem.command?.command, 'vscode.open');
      }
    }
    const sources = await api.views.sources.getChildren();
    assert.equal(sources.length, 14);
    const summitItem = (await Promise.all(sources.map((s) => api.views.sources.getTreeItem(s)))).find((i) => i.resourceUri?.path.endsWith(SUMMIT));
    assert.match(String(summitItem?.description), /^2025-02-07 · Meridian Daily$/);
    await vscode.commands.executeCommand('corroborate.entities.focus');
    await vscode.commands.executeCommand('corroborate.sources.focus');
    await vscode.commands.executeCommand('corroborate.showConflicts');
    await vscode.window.showTextDocument(summit, { preview: false });
    await vscode.commands.executeCommand('corroborate.entities.focus');
    await screenshot('views');
  });

  it('the status bar shows entity and conflict counts', async function () {
    const status = await api.status.refresh();
    assert.ok(status && !status.indexing);
    assert.match(api.status.item.text, /\d+ entities · \d+ conflicts?/);
    assert.equal(api.status.item.command, 'corroborate.showConflicts');
  });

  it('the profile page shows descriptions, sources and a timeline', async function () {
    const html = await vscode.commands.executeCommand<string>('corroborate.showProfile', 'Sheila Smith');
    assert.ok(html, 'no profile rendered');
    assert.match(html, /<h1>Sheila Smith<\/h1>/);
    assert.match(html, /Council on Foreign Relations/);
    assert.match(html, /Mentions by document date/);
    assert.match(html, /2025-02-07/);
    await screenshot('profile');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('export writes entities with mentions and conflicts as CSV and JSON', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-export-'));
    const csv = vscode.Uri.file(path.join(dir, 'entities.csv'));
    const json = vscode.Uri.file(path.join(dir, 'entities.json'));
    await vscode.commands.executeCommand('corroborate.exportEntities', csv);
    await vscode.commands.executeCommand('corroborate.exportEntities', json.fsPath);
    const rows = fs.readFileSync(csv.fsPath, 'utf8').trim().split(/\r\n/);
    assert.equal(rows[0], 'entity_id,entity,kind,names,mention_count,source_count,file,line,column,mention,uri');
    assert.ok(rows.some((r) => r.includes(',Sheila Smith,person,') && r.includes(SUMMIT)), 'a mention row of Sheila Smith in the summit report');
    const data = JSON.parse(fs.readFileSync(json.fsPath, 'utf8')) as { entities: (EntityInfo & { mentions: unknown[] })[]; conflicts: unknown[] };
    const smith = data.entities.find((e) => e.name === 'Sheila Smith');
    assert.equal(smith?.mentions.length, smith?.mentionCount);
    assert.equal(rows.length - 1, data.entities.reduce((n, e) => n + e.mentions.length, 0), 'one CSV row per mention');
    const conflictsCsv = path.join(dir, 'conflicts.csv');
    const conflictsJson = path.join(dir, 'conflicts.json');
    await vscode.commands.executeCommand('corroborate.exportConflicts', conflictsCsv);
    await vscode.commands.executeCommand('corroborate.exportConflicts', conflictsJson);
    assert.match(fs.readFileSync(conflictsCsv, 'utf8'), /^conflict_id,kind,subject,source,file,line,column,claim,message,uri\r\n/);
    assert.ok(Array.isArray(JSON.parse(fs.readFileSync(conflictsJson, 'utf8')).conflicts));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('merge, alias and ignore write .corroborate/entities.json, which the server applies', async function () {
    assert.ok(vscode.workspace.isTrusted, 'the test workspace is trusted');
    const dir = vscode.Uri.joinPath(folder, '.corroborate');
    const file = vscode.Uri.joinPath(dir, 'entities.json');
    const existed = fs.existsSync(file.fsPath);
    const original = existed ? fs.readFileSync(file.fsPath, 'utf8') : undefined;
    const read = () => JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as { entities?: { name: string; aliases?: string[] }[]; merge?: string[][]; ignore?: string[] };
    try {
      assert.equal(await vscode.commands.executeCommand('corroborate.addAlias', 'Sheila Smith', 'S. Smith'), true);
      assert.deepEqual(read().entities, [...(original ? JSON.parse(original).entities ?? [] : []), { name: 'Sheila Smith', aliases: ['S. Smith'] }]);
      assert.equal(await vscode.commands.executeCommand('corroborate.mergeEntities', ['Laura Chen', 'David Chen']), true);
      assert.deepEqual(read().merge?.at(-1), ['Laura Chen', 'David Chen']);
      assert.equal(await vscode.commands.executeCommand('corroborate.ignoreEntity', 'Melania Trump'), true);
      assert.ok(read().ignore?.includes('Melania Trump'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await screenshot('corrections');
      await until('the server to apply the corrections', async () => {
        const all = await entities();
        return !all.some((e) => e.name === 'Melania Trump') && all.filter((e) => /Chen$/.test(e.name)).length === 1;
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // The file first (its own watcher event makes the server reload it), then the folder if the test made it.
      if (existed) fs.writeFileSync(file.fsPath, original!);
      else await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
    await until('the corrections to be undone', async () => (await entities()).some((e) => e.name === 'Melania Trump'));
    if (!existed) fs.rmSync(dir.fsPath, { recursive: true, force: true });
  });

  it('re-index rebuilds the index and refreshes the status bar', async function () {
    const status = await vscode.commands.executeCommand<{ entities: number; indexing: boolean }>('corroborate.reindex');
    assert.ok(status && status.entities > 50 && !status.indexing, JSON.stringify(status));
  });

  after(async function () {
    // README screenshots: code lenses and colours in the editor, then the hover (left visible for workbench.png).
    summit = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, SUMMIT));
    const editor = await vscode.window.showTextDocument(summit, { preview: false });
    await vscode.commands.executeCommand('workbench.view.extension.corroborate');
    const at = summit.positionAt(summit.getText().indexOf('Sheila Smith') + 7);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await screenshot('codelens', 2500);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover', 1500);
  });
});

// Runs inside the real VS Code extension host on examples/: hover, references, definition and diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'corroborate.corroborate';
const FULL_NAME = 'Sheila Smith';
const AFFILIATION = 'Council on Foreign Relations';

interface Target { doc: vscode.TextDocument; pos: vscode.Position; fullNameFile?: vscode.Uri }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Reads a file without opening it as a document, so it stays "never opened" in the editor. */
async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Opens an article that says only "Smith" (preferably not "Sheila Smith") and returns the position of "Smith". */
async function findSmith(): Promise<Target> {
  const files = (await vscode.workspace.findFiles('**/*.{txt,md}', '**/node_modules/**')).sort((a, b) =>
    a.fsPath.localeCompare(b.fsPath));
  const texts = await Promise.all(files.map(readText));
  const mentions = files.map((uri, i) => ({ uri, text: texts[i] })).filter((f) => /\bSmith\b/.test(f.text));
  const fullNameFile = mentions.find((f) => f.text.includes(FULL_NAME))?.uri;
  const chosen = (mentions.find((f) => !f.text.includes(FULL_NAME)) ?? mentions[0])?.uri;
  assert.ok(chosen, `no example file under the workspace mentions "Smith" (found ${files.length} files)`);
  const doc = await vscode.workspace.openTextDocument(chosen);
  await vscode.window.showTextDocument(doc);
  const m = /\bSmith\b/.exec(doc.getText());
  assert.ok(m, 'Smith vanished from the document');
  return { doc, pos: doc.positionAt(m.index + 1), fullNameFile };
}

describe('Corroborate in a real VS Code extension host', function () {
  this.timeout(120_000);
  let target: Target;
  let hover = '';

  before(async function () {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'no workspace folder open (expected examples/)');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in the extension host`);
    const server = path.join(ext.extensionPath, 'server/out/server.js');
    assert.ok(fs.existsSync(server), `${server} is missing: run npm run build`);
    const api = await ext.activate();
    assert.ok(api?.client, 'activate() did not return { client }');
    await api.ready; // rejects if server/out/server.js failed to start
    target = await findSmith();
  });

  it('hover on "Smith" names Sheila Smith and her affiliation (once the index is built)', async function () {
    const deadline = Date.now() + 60_000;
    do {
      hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider', target.doc.uri, target.pos));
      if (hover.includes(FULL_NAME) && hover.includes(AFFILIATION)) break; // index built, descriptions merged
      await sleep(500);
    } while (Date.now() < deadline);
    assert.ok(hover.length > 0, 'no hover on "Smith" within 60 s');
    assert.ok(hover.includes(FULL_NAME), `hover does not name "${FULL_NAME}":\n${hover}`);
    assert.ok(hover.includes(AFFILIATION), `hover does not mention "${AFFILIATION}":\n${hover}`);
  });

  it('references on "Smith" span at least two files, including one never opened', async function () {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', target.doc.uri, target.pos) ?? [];
    const files = new Set(refs.map((r) => r.uri.toString()));
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const neverOpened = [...files].filter((f) => !open.has(f));
    assert.ok(files.size >= 2, `references in ${files.size} file(s): ${[...files].join(', ')}`);
    assert.ok(neverOpened.length >= 1, `every referenced file is open: ${[...files].join(', ')}`);
    if (target.fullNameFile) {
      assert.ok(files.has(target.fullNameFile.toString()), `no reference in ${target.fullNameFile.fsPath}`);
    }
  });

  it('definition on "Smith" returns a location', async function () {
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', target.doc.uri, target.pos) ?? [];
    assert.ok(defs.length >= 1, 'no definition for "Smith"');
    const uri = 'uri' in defs[0] ? defs[0].uri : defs[0].targetUri;
    assert.ok(uri.scheme === 'file', `definition is not a file: ${uri.toString()}`);
  });

  it('conflicts between sources appear as diagnostics, in files never opened, with related information', async function () {
    this.timeout(30_000);
    let conflicts: [vscode.Uri, vscode.Diagnostic[]][] = [];
    // Diagnostics are published in chunks: wait for a second source rather than stop at the first.
    for (let waited = 0; waited < 20_000 && conflicts.length < 2; waited += 250) {
      conflicts = vscode.languages.getDiagnostics().filter(([, diags]) => diags.some((d) => d.source === 'corroborate'));
      if (conflicts.length < 2) await sleep(250);
    }
    assert.ok(conflicts.length >= 2, `conflicts in at least two sources, got ${conflicts.length}`);
    const opened = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    assert.ok(conflicts.some(([uri]) => !opened.has(uri.toString())), 'a source never opened has diagnostics');
    for (const [uri, diags] of conflicts) {
      for (const d of diags.filter((x) => x.source === 'corroborate')) {
        assert.ok(d.relatedInformation?.length, `${uri.fsPath}:${d.range.start.line + 1} "${d.message}" has no relatedInformation`);
        assert.ok(d.relatedInformation!.some((r) => r.location.uri.toString() !== uri.toString()), 'a related place is in another source');
      }
    }
  });

  after(async function () {
    // Leave the hover visible for the runner's screenshot of the workbench (best effort).
    const editor = vscode.window.activeTextEditor;
    if (!editor || !target) return;
    editor.selection = new vscode.Selection(target.pos, target.pos);
    editor.revealRange(new vscode.Range(target.pos, target.pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
  });
});

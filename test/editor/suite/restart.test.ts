// Crash recovery in the real extension host (issue 6): kill the language server; the client starts a new one,
// hands it the open buffers again (unsaved text included), and no file on disk changes. Runs after the other
// editor suites (files load in name order) because it kills the server they use.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'corroborate.corroborate';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Api { client: { sendRequest(method: string, params?: unknown): Promise<unknown>; state: number }; ready: Promise<void> }

/** sha256 of every file below the workspace folder (by relative path). */
function hashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.set(path.relative(root, full), crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

async function serverPid(api: Api): Promise<number | undefined> {
  try {
    return ((await api.client.sendRequest('corroborate/debugStats')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

let kills = 0;

describe('Crash recovery in a real VS Code extension host', function () {
  this.timeout(120_000);

  it('a killed server is restarted, gets the unsaved buffer back, and no file on disk changed', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'a workspace folder is open');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const api = (await ext.activate()) as Api;
    await api.ready;
    const before = hashes(folder);
    // An untitled buffer: code-server auto-saves files after a delay (the web default), and examples/ must not change.
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Notes.\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const added = '\n\nMelania Trump hosted Akie Abe at dinner in Osaka.\n';
    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), added));
    assert.ok(doc.isDirty, 'the buffer has unsaved text');
    try {
      const pid = await serverPid(api);
      assert.ok(pid, 'the server answers corroborate/debugStats');
      process.kill(pid, 'SIGKILL');
      kills++;
      // The client notices, restarts the server (errorHandler.closed -> Restart) and re-opens the buffers.
      let newPid: number | undefined;
      for (let i = 0; i < 120 && !(newPid && newPid !== pid); i++) {
        await sleep(500);
        newPid = await serverPid(api);
      }
      assert.ok(newPid && newPid !== pid, `a new server runs (old pid ${pid}, now ${newPid})`);
      const at = doc.positionAt(doc.getText().lastIndexOf('Akie Abe') + 1);
      let text = '';
      for (let i = 0; i < 60 && !/Akie Abe/.test(text); i++) {
        text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
        if (!/Akie Abe/.test(text)) await sleep(500);
      }
      assert.match(text, /Akie Abe/, 'the new server has the unsaved text');
      assert.ok(doc.isDirty && doc.getText().endsWith(added), 'the editor still holds the unsaved text');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.deepEqual([...hashes(folder)].filter(([k, v]) => before.get(k) !== v), [], 'no file changed');
    assert.equal(hashes(folder).size, before.size, 'no file created or deleted');
  });

  it('the fifth death within 3 minutes stops the restarts; "Restart Server" brings it back', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = (await ext.activate()) as Api;
    let pid = await serverPid(api);
    while (pid && kills < 6) {
      process.kill(pid, 'SIGKILL');
      kills++;
      let next: number | undefined;
      for (let i = 0; i < 30 && !(next && next !== pid); i++) {
        await sleep(500);
        next = await serverPid(api);
      }
      pid = next && next !== pid ? next : undefined;
    }
    assert.equal(kills, 5, 'restarted after each of the first 4 deaths, not after the 5th');
    await sleep(2000);
    assert.equal(api.client.state, 1 /* State.Stopped */, 'the client gave up');
    assert.equal(await serverPid(api), undefined);
    // The user's way back.
    await vscode.commands.executeCommand('corroborate.restartServer');
    assert.ok(await serverPid(api), 'running again after Corroborate: Restart Server');
  });
});

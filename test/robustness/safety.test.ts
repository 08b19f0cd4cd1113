// Safety over the protocol. The built server runs with test/robustness/guard-preload.js preloaded
// (NODE_OPTIONS=--require), which records and refuses network access and program execution, records every
// file-system write and any `require` of a file inside the workspace. After indexing and a batch of requests,
// edits and file events:
//  - no file of the workspace changed, appeared or vanished (sha256 + size + mtime + mode of every entry);
//  - the server wrote nothing into the workspace, and nothing anywhere but the extension's storage folder;
//  - no network access, no program run, no workspace code loaded (bait files would leave a marker if run);
//  - malformed `.corroborate/` files give diagnostics on those files, not a crash;
//  - killing the server in the middle of indexing or edits loses nothing: the folder is unchanged, a new server
//    indexes it, and the editor's unsaved text (the editor keeps it, not the server) is taken again.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, SERVER, startServer, uriOf, type TestClient } from '../server/lspClient';
import { cleanup, copyFixture, diffSnapshots, hover, isAlive, lspPositionOf, openText, snapshot, tempFolder, withEnv, type HoverResult } from './helpers';

const PRELOAD = path.join(REPO, 'test', 'robustness', 'guard-preload.js');

interface GuardRecord { kind: string; detail: string; pid: number }
const readGuardLog = (file: string): GuardRecord[] =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GuardRecord) : [];

/** Starts the server with the guard preloaded; records go to `log`. */
function startGuarded(dir: string, log: string, options: Parameters<typeof startServer>[1] = {}): Promise<TestClient> {
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${PRELOAD}`].filter(Boolean).join(' ');
  return withEnv({ NODE_OPTIONS: nodeOptions, CORROBORATE_GUARD_LOG: log, CORROBORATE_GUARD_WORKSPACE: dir }, () => startServer(dir, options));
}

/** Files that would leave `marker` behind if anything ever ran them. */
function plantBait(dir: string, marker: string): void {
  const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'executed: ' + __filename);\n`;
  const files: Record<string, string> = {
    'index.js': payload,
    'package.json': JSON.stringify({ name: 'bait', main: 'index.js', scripts: { postinstall: `node -e "${payload.replace(/"/g, '\\"')}"` } }),
    '.corroborate/plugin.js': payload,
    '.corroborate/entities.js': payload,
    'node_modules/corroborate-plugin/index.js': payload,
    '.vscode/settings.json': JSON.stringify({ 'corroborate.include': ['**/*.txt', '**/*.md'] }),
    'bait.txt': `Sheila Smith wrote \${require('fs').writeFileSync(${JSON.stringify(marker)}, 'template')} and {{constructor.constructor('return process')().exit(1)}}.\n<script>${payload}</script>\n`,
    'bait.md': `---\ntitle: !!js/function "function () { ${payload} }"\ndate: !!js/undefined ''\nsource: <%= process.exit(1) %>\n---\n\nHarlan Weiss met Sheila Smith.\n`,
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

/** Every source file below `dir` (the fixture's .txt / .md, not .git or node_modules). */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git' || e.name === 'bulk') continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(txt|md)$/.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Hover, references, definition, highlights at every capitalized word of every source, plus document-wide requests. */
async function requestBatch(client: TestClient, files: string[]): Promise<number> {
  let answered = 0;
  const request = async (method: string, params: unknown) => {
    try {
      await client.connection.sendRequest(method, params);
      answered++;
    } catch {
      /* a method this server does not offer: fine, what matters is that it did not write or connect */
    }
  };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const textDocument = { uri: uriOf(file) };
    await openText(client, file, text, 1, file.endsWith('.md') ? 'markdown' : 'plaintext');
    const words = [...text.matchAll(/\b[A-Z][\w.'’-]+/g)].slice(0, 60);
    for (const w of words) {
      const position = lspPositionOf(text, w[0], text.slice(0, w.index).split(w[0]).length - 1);
      await request('textDocument/hover', { textDocument, position });
      await request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
      await request('textDocument/definition', { textDocument, position });
      await request('textDocument/documentHighlight', { textDocument, position });
    }
    const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
    await request('textDocument/documentSymbol', { textDocument });
    await request('textDocument/codeLens', { textDocument });
    await request('textDocument/semanticTokens/full', { textDocument });
    await request('textDocument/codeAction', { textDocument, range: whole, context: { diagnostics: [] } });
    // An unsaved edit, then close without saving: the server must never write it anywhere.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version: 2 }, contentChanges: [{ text: text + '\nUNSAVED Melania Trump met Akie Abe.\n' }] });
    await request('textDocument/hover', { textDocument, position: { line: 0, character: 0 } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument });
  }
  await request('workspace/symbol', { query: 'Smith' });
  await request('workspace/symbol', { query: '' });
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map((f) => ({ uri: uriOf(f), type: 2 })) });
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.connection.sendRequest('corroborate/whenIndexed');
  return answered;
}

test('the guard preload itself records and refuses network, programs and writes (so the tests below are not vacuous)', () => {
  const dir = tempFolder();
  try {
    const log = path.join(dir, 'guard.log');
    const script = `
      for (const f of [() => require('http').request('http://example.com'), () => require('https').get('https://example.com'),
        () => require('net').connect(80, 'example.com'), () => new (require('net').Socket)().connect(80, 'example.com'),
        () => require('dns').lookup('example.com', () => {}), () => require('child_process').spawnSync('true'),
        () => require(${JSON.stringify(path.join(dir, 'ws', 'evil.js'))})]) { try { f(); } catch {} }
      require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'written.txt'))}, 'x');`;
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.writeFileSync(path.join(dir, 'ws', 'evil.js'), '');
    const result = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], { env: { ...process.env, CORROBORATE_GUARD_LOG: log, CORROBORATE_GUARD_WORKSPACE: path.join(dir, 'ws') } });
    assert.equal(result.status, 0, String(result.stderr));
    const kinds = readGuardLog(log).map((r) => r.kind);
    for (const kind of ['loaded', 'http.request', 'https.get', 'net.connect', 'net.Socket.connect', 'dns.lookup', 'child_process.spawnSync', 'require-from-workspace', 'fs-write']) {
      assert.ok(kinds.includes(kind), `${kind} recorded: ${kinds.join(', ')}`);
    }
  } finally {
    cleanup(dir);
  }
});

test('after indexing and a batch of requests and edits: no file changed, nothing written, no network, nothing executed', async (t) => {
  const dir = copyFixture();
  const outside = tempFolder();
  const marker = path.join(outside, 'EXECUTED');
  const log = path.join(outside, 'guard.log');
  const storage = path.join(outside, 'storage');
  plantBait(dir, marker);
  // Enough sources for the server to index with its worker threads (they run under the guard too).
  fs.mkdirSync(path.join(dir, 'bulk'));
  for (let i = 0; i < 80; i++) fs.writeFileSync(path.join(dir, 'bulk', `wire-${i}.txt`), `Wire ${i}. Sheila Smith met Harlan Weiss in Tokyo.\n`);
  fs.mkdirSync(path.join(dir, '.corroborate'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.corroborate', 'entities.json'), JSON.stringify({ entities: [{ name: 'Sheila Smith', note: 'Interviewed her.' }], __proto__: { polluted: true } }));
  const before = snapshot(dir);
  try {
    const client = await startGuarded(dir, log, { initializationOptions: { storagePath: storage } });
    let answered = 0;
    try {
      answered = await requestBatch(client, sources(dir));
      assert.ok(isAlive(client));
    } finally {
      await client.stop();
    }
    assert.ok(answered > 100, `the batch was answered (${answered} requests)`);
    assert.deepEqual(diffSnapshots(before, snapshot(dir)), [], 'the workspace is byte-for-byte unchanged');
    const records = readGuardLog(log);
    t.diagnostic(`guard records: ${[...new Set(records.map((r) => r.kind))].map((k) => `${k}×${records.filter((r) => r.kind === k).length}`).join(', ')}; ${answered} requests answered`);
    assert.ok(records.some((r) => r.kind === 'loaded'), 'the guard was loaded into the server');
    const under = (detail: string, folder: string) => detail.includes(folder + path.sep) || detail.endsWith(' ' + folder);
    const allowed = (r: GuardRecord) => r.kind === 'loaded' || (r.kind === 'worker' && r.detail.startsWith(REPO + path.sep)) ||
      (r.kind === 'fs-write' && [path.join(dir, '.corroborate'), storage].some((p) => under(r.detail, p)));
    assert.deepEqual(records.filter((r) => !allowed(r)), [], 'no network, no program, no workspace code, no write outside .corroborate/ and storage');
    assert.deepEqual(records.filter((r) => r.kind === 'fs-write' && r.detail.includes(dir + path.sep)), [], 'no write into the workspace at all (.corroborate/ changes only through edits the user accepts)');
    assert.ok(!fs.existsSync(marker), `nothing from the workspace ran: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
  } finally {
    cleanup(dir);
    cleanup(outside);
  }
});

test('malformed .corroborate files get a diagnostic on the file, not a crash', async () => {
  const dir = copyFixture();
  const outside = tempFolder();
  const log = path.join(outside, 'guard.log');
  const config = path.join(dir, '.corroborate');
  fs.mkdirSync(config, { recursive: true });
  fs.writeFileSync(path.join(config, 'entities.json'), '{ "entities": [ { "name": 42, "aliases": "x" }, ');
  fs.writeFileSync(path.join(config, 'reviewed.json'), Buffer.from([0xff, 0xfe, 0, 0x7b, 0, 0x00, 0x01]));
  try {
    const client = await startGuarded(dir, log);
    try {
      const diagnostics = client.diagnostics.get(uriOf(path.join(config, 'entities.json'))) as { message: string }[] | undefined;
      assert.ok(diagnostics && diagnostics.length > 0, 'a diagnostic on entities.json');
      const file = path.join(dir, 'column.md');
      const text = fs.readFileSync(file, 'utf8');
      await openText(client, file, text);
      const h = (await hover(client, file, lspPositionOf(text, 'Smith'))) as HoverResult;
      assert.match(h.contents.value, /Sheila Smith/);
      // Worse: the config becomes a directory, then vanishes, while the server watches it.
      fs.rmSync(path.join(config, 'entities.json'));
      fs.mkdirSync(path.join(config, 'entities.json'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(config, 'entities.json')), type: 2 }] });
      await client.connection.sendRequest('corroborate/whenIndexed');
      fs.rmSync(config, { recursive: true });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 3 }] });
      await client.connection.sendRequest('corroborate/whenIndexed');
      assert.match(((await hover(client, file, lspPositionOf(text, 'Smith'))) as HoverResult).contents.value, /Sheila Smith/);
      assert.ok(isAlive(client));
      assert.deepEqual(client.logs.filter((l) => /^(uncaught|unhandled):/.test(l)), []);
    } finally {
      await client.stop();
    }
    // Without a storage folder (editors other than VS Code), the server writes nothing anywhere.
    assert.deepEqual(readGuardLog(log).filter((r) => r.kind !== 'loaded' && r.kind !== 'worker'), []);
  } finally {
    cleanup(dir);
    cleanup(outside);
  }
});

test('killing the server mid-index and mid-edit changes nothing on disk; a new server picks up where the editor is', async () => {
  const dir = copyFixture();
  for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(dir, `bulk-${i}.txt`), `Bulk ${i}. Sheila Smith met Harlan Weiss in Tokyo.\n`.repeat(40));
  const before = snapshot(dir);
  try {
    // 1. Killed (SIGKILL: no chance to clean up or flush anything) at several points of start-up and indexing.
    for (const delay of [20, 100, 300, 800]) {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      connection.onError(() => undefined);
      child.stdin!.on('error', () => undefined);
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
      connection.listen();
      const rootUri = uriOf(dir);
      void connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: { workspace: { configuration: true } } })
        .then(() => connection.sendNotification('initialized', {})).catch(() => undefined);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
      connection.dispose();
    }
    assert.deepEqual(diffSnapshots(before, snapshot(dir)), [], 'nothing on disk changed after kills during indexing');
    // 2. Killed in the middle of unsaved edits.
    const file = path.join(dir, 'column.md');
    const text = fs.readFileSync(file, 'utf8');
    const unsaved = text + '\nMelania Trump hosted Akie Abe at dinner.\n';
    const second = await startServer(dir);
    await openText(second, file, text);
    for (let v = 2; v < 40; v++) {
      void second.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version: v }, contentChanges: [{ text: v % 2 ? unsaved : text }] });
    }
    await second.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version: 40 }, contentChanges: [{ text: unsaved }] });
    second.process.kill('SIGKILL');
    await new Promise((r) => second.process.once('exit', r));
    second.connection.dispose();
    assert.deepEqual(diffSnapshots(before, snapshot(dir)), [], 'nothing on disk changed');
    // 3. The client restarts the server and re-opens its buffers: the unsaved text is the editor's, and is taken again.
    const third = await startServer(dir);
    try {
      await openText(third, file, unsaved, 40);
      const h = (await hover(third, file, lspPositionOf(unsaved, 'Akie Abe'))) as HoverResult;
      assert.match(h.contents.value, /Akie Abe/);
      assert.ok(isAlive(third));
    } finally {
      await third.stop();
    }
    assert.deepEqual(diffSnapshots(before, snapshot(dir)), [], 'nothing on disk changed');
  } finally {
    cleanup(dir);
  }
});

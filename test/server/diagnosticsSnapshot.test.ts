// The last session's conflicts are shown at the next start before the index is loaded, exactly as the index then
// publishes them, and only while every source is as it was.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, startServer, type TestClient } from './lspClient';

/** The example corpus copied to a temporary folder (its files get touched), with a storage folder beside it. */
function workspace(): { folder: string; storage: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-snapshot-'));
  const folder = path.join(root, 'sources');
  fs.mkdirSync(folder);
  for (const f of fs.readdirSync(path.join(REPO, 'examples'))) if (/\.(txt|md)$/.test(f)) fs.copyFileSync(path.join(REPO, 'examples', f), path.join(folder, f));
  return { folder, storage: path.join(root, 'storage') };
}

/** The non-empty diagnostics that arrived before the server began reading its analysis cache. */
function beforeTheIndex(client: TestClient): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const e of client.events) {
    if (e.kind === 'log' && e.message.startsWith('cache:')) return out;
    if (e.kind === 'diagnostics' && e.diagnostics.length) out.set(e.uri, e.diagnostics);
  }
  throw new Error('the server never read its cache');
}

/** The diagnostics published after the server said how it grouped and found conflicts. */
function afterTheIndex(client: TestClient): unknown[] {
  const at = client.events.findIndex((e) => e.kind === 'log' && e.message.startsWith('grouped'));
  assert.ok(at >= 0, 'the index was prepared');
  return client.events.slice(at).filter((e) => e.kind === 'diagnostics');
}

const published = (client: TestClient) => new Map([...client.diagnostics].filter(([, d]) => d.length));

test('a second start shows the conflicts of the first before its index loads, the same as the index gives', async () => {
  const { folder, storage } = workspace();
  const first = await startServer(folder, { initializationOptions: { storagePath: storage } });
  const expected = published(first);
  await first.stop();
  assert.ok(expected.size >= 5, `conflicts in ${expected.size} examples`);
  assert.ok(fs.readdirSync(storage).some((f) => f.endsWith('.snapshot')), 'snapshot written at shutdown');

  const second = await startServer(folder, { initializationOptions: { storagePath: storage } });
  try {
    assert.deepEqual(beforeTheIndex(second), expected);
    assert.deepEqual(published(second), expected);
    assert.ok(second.logs.some((l) => /snapshot: the last session's \d+ conflicts shown/.test(l)));
    // Every source as it was: the index takes the snapshot's conflicts, and what is shown stands (nothing re-sent).
    assert.ok(second.logs.some((l) => /the conflicts are the snapshot's/.test(l)), 'the conflicts taken, not found again');
    assert.equal(afterTheIndex(second).length, 0, 'no diagnostics published again');
  } finally {
    await second.stop();
  }
});

test('a reviewed conflict stays hidden at the next start, and comes back when its review is taken out', async () => {
  const { folder, storage } = workspace();
  const first = await startServer(folder, { initializationOptions: { storagePath: storage } });
  const all = published(first);
  const [uri, diagnostics] = [...all][0];
  const { conflictId } = (diagnostics[0] as { data: { conflictId: string } }).data;
  const reviewed = path.join(folder, '.corroborate', 'reviewed.json');
  fs.mkdirSync(path.dirname(reviewed));
  fs.writeFileSync(reviewed, JSON.stringify({ reviewed: [{ id: conflictId, reason: 'checked with the agency' }] }));
  await first.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${reviewed}`, type: 1 }] });
  await first.connection.sendRequest('corroborate/whenIndexed');
  const hidden = published(first);
  assert.ok(!JSON.stringify(hidden.get(uri) ?? []).includes(conflictId), 'hidden once reviewed');
  await first.stop();

  const second = await startServer(folder, { initializationOptions: { storagePath: storage } });
  try {
    assert.deepEqual(beforeTheIndex(second), hidden, 'the snapshot shows it hidden');
    assert.ok(second.logs.some((l) => /the conflicts are the snapshot's/.test(l)));
    assert.deepEqual(published(second), hidden);
    // The review taken out: the conflict is back, though this session never searched for conflicts itself.
    fs.writeFileSync(reviewed, JSON.stringify({ reviewed: [] }));
    await second.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${reviewed}`, type: 2 }] });
    await second.connection.sendRequest('corroborate/whenIndexed');
    assert.deepEqual(published(second), all);
  } finally {
    await second.stop();
  }
});

test('a source changed on disk since the last session: nothing is shown before the index', async () => {
  const { folder, storage } = workspace();
  const first = await startServer(folder, { initializationOptions: { storagePath: storage } });
  const expected = published(first);
  await first.stop();
  const file = fs.readdirSync(folder).sort()[3];
  fs.appendFileSync(path.join(folder, file), '\nA line added between sessions.\n');

  const second = await startServer(folder, { initializationOptions: { storagePath: storage } });
  try {
    assert.equal(beforeTheIndex(second).size, 0);
    assert.ok(second.logs.some((l) => l.startsWith('snapshot: the sources changed')));
    assert.equal(published(second).size, expected.size);
  } finally {
    await second.stop();
  }
});

test('a source left edited in the editor at shutdown keeps the old snapshot out of the next start', async () => {
  const { folder, storage } = workspace();
  const first = await startServer(folder, { initializationOptions: { storagePath: storage } });
  await first.stop();
  const file = path.join(folder, fs.readdirSync(folder).sort()[2]);
  const uri = `file://${file}`;
  const text = fs.readFileSync(file, 'utf8');
  const second = await startServer(folder, { initializationOptions: { storagePath: storage } });
  await second.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await second.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace(/\d/g, '7') }] });
  await second.connection.sendRequest('corroborate/whenIndexed');
  const before = fs.statSync(path.join(storage, fs.readdirSync(storage).find((f) => f.endsWith('.snapshot'))!)).mtimeMs;
  await second.stop();
  const after = fs.statSync(path.join(storage, fs.readdirSync(storage).find((f) => f.endsWith('.snapshot'))!)).mtimeMs;
  assert.equal(after, before, 'the unsaved edit is not in the snapshot');
});

test('a snapshot file that cannot be read is ignored: the index publishes as usual', async () => {
  const { folder, storage } = workspace();
  const first = await startServer(folder, { initializationOptions: { storagePath: storage } });
  const expected = published(first);
  await first.stop();
  const file = path.join(storage, fs.readdirSync(storage).find((f) => f.endsWith('.snapshot'))!);
  fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 200));

  const second = await startServer(folder, { initializationOptions: { storagePath: storage } });
  try {
    assert.equal(beforeTheIndex(second).size, 0);
    assert.deepEqual(published(second), expected);
  } finally {
    await second.stop();
  }
});

test('a snapshot of thousands of conflicts is written in records and read back whole; a cut one is not read', async () => {
  const { SnapshotFile } = require(path.join(REPO, 'server/out/lsp/diagnosticsSnapshot')) as typeof import('../../server/src/lsp/diagnosticsSnapshot');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-snapfile-'));
  const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
  const conflicts = Array.from({ length: 2500 }, (_, i) => ({
    id: `figure:${i}`, kind: 'figure' as const, subject: `figure ${i}`, messages: ['a', 'b'], sides: [0, 1],
    claims: [{ uri: 'file:///a.txt', start: i, end: i + 4, text: `${i}` }, { uri: 'file:///b.txt', start: i, end: i + 4, text: `${i + 1}` }],
    ranges: [range(i), range(i)],
  }));
  const snapshot = { fingerprint: 'f', conflicts, reviewed: ['figure:7'], sources: { 'file:///a.txt': 'A', 'file:///b.txt': 'B' } };
  const file = new SnapshotFile(dir, ['/folder']);
  await file.save(snapshot);
  assert.deepEqual(await file.load(), snapshot);
  const written = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.snapshot'))!);
  fs.writeFileSync(written, fs.readFileSync(written).subarray(0, Math.floor(fs.statSync(written).size * 0.6)));
  assert.equal(await file.load(), undefined);
});

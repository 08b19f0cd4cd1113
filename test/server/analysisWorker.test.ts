// What a worker of the analysis pool answers for one file: its analysis's cache record, or a clear reason when the
// file is gone, not a regular file, too large, unreadable or binary.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { REPO } from './lspClient';

const { run } = require(path.join(REPO, 'server/out/lsp/analysisWorker')) as typeof import('../../server/src/lsp/analysisWorker');
const { parseCacheRecord } = require(path.join(REPO, 'server/out/lsp/cacheRecord')) as typeof import('../../server/src/lsp/cacheRecord');

const TEXT = 'Prime Minister Kenji Tanaka met Akira Mori in Osaka on Tuesday.\n\n"We will build 40 new schools," Tanaka said.\n';

test('a worker reads a file once and answers with its analysis, or with why it could not', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-worker-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, TEXT);
  const ok = run({ id: 1, file, maxBytes: 1e6, version: -1 });
  assert.ok(ok.ok, JSON.stringify(ok));
  if (!ok.ok) return;
  assert.equal(ok.size, Buffer.byteLength(TEXT));
  const record = parseCacheRecord(Buffer.from(ok.record).subarray(4)) as { path: string; size: number; source: { analysis: { localEntities: { name: string }[] } } };
  assert.equal(record.path, file);
  assert.ok(record.source.analysis.localEntities.some((e) => e.name === 'Kenji Tanaka'), 'the analysis of the text read');

  const large = path.join(dir, 'large.txt');
  fs.writeFileSync(large, TEXT.repeat(40));
  const tooLarge = run({ id: 2, file: large, maxBytes: 1000, version: -1 });
  assert.ok(!tooLarge.ok && /larger than corroborate\.maxFileSize/.test(tooLarge.reason), JSON.stringify(tooLarge));

  const gone = run({ id: 3, file: path.join(dir, 'gone.txt'), maxBytes: 1e6, version: -1 });
  assert.deepEqual(gone, { id: 3, ok: false, reason: 'file disappeared while being read' });

  const folder = run({ id: 4, file: dir, maxBytes: 1e6, version: -1 });
  assert.deepEqual(folder, { id: 4, ok: false, reason: 'not a regular file' });

  const binary = path.join(dir, 'b.txt');
  fs.writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]));
  const bin = run({ id: 5, file: binary, maxBytes: 1e6, version: -1 });
  assert.ok(!bin.ok && /binary/i.test(bin.reason), JSON.stringify(bin));

  const empty = path.join(dir, 'empty.txt');
  fs.writeFileSync(empty, '');
  const none = run({ id: 6, file: empty, maxBytes: 1e6, version: -1 });
  assert.ok(none.ok && none.size === 0, JSON.stringify(none));

  const fifo = path.join(dir, 'pipe.txt');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    // Never waited on (no writer will come): answered at once.
    assert.deepEqual(run({ id: 8, file: fifo, maxBytes: 1e6, version: -1 }), { id: 8, ok: false, reason: 'not a regular file' });
  }

  if (process.platform !== 'win32' && process.getuid?.() !== 0) {
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, TEXT);
    fs.chmodSync(secret, 0o000);
    assert.deepEqual(run({ id: 7, file: secret, maxBytes: 1e6, version: -1 }), { id: 7, ok: false, reason: 'permission denied' });
  }
});

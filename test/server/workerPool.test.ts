// The worker pool starts for the files the analysis cache cannot give, and not at all when it gives every one.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, startServer } from './lspClient';

/** More sources than the main thread analyzes alone (the example corpus, copied into enough folders). */
function largeWorkspace(): { folder: string; storage: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-pool-'));
  const folder = path.join(root, 'sources');
  const examples = fs.readdirSync(path.join(REPO, 'examples')).filter((f) => /\.(txt|md)$/.test(f));
  for (let copy = 0; examples.length * copy <= 60; copy++) {
    const dir = path.join(folder, `copy-${copy}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of examples) fs.copyFileSync(path.join(REPO, 'examples', f), path.join(dir, f));
  }
  return { folder, storage: path.join(root, 'storage') };
}

/** Waits for the analysis cache file the server writes a few seconds after its index. */
async function cacheWritten(storage: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (fs.existsSync(storage) && fs.readdirSync(storage).some((f) => /^index-.*\.bin$/.test(f))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('no analysis cache written');
}

const started = (logs: string[]) => logs.filter((l) => /^analysis: \d+ worker threads started$/.test(l));

test('workers start at a cold start, not at a warm one where the cache gives every source; one changed file starts them', async () => {
  const { folder, storage } = largeWorkspace();
  const options = { initializationOptions: { storagePath: storage } };
  const cold = await startServer(folder, options);
  await cacheWritten(storage);
  await cold.stop();
  assert.equal(started(cold.logs).length, 1, cold.logs.join('\n'));

  const warm = await startServer(folder, options);
  await warm.stop();
  assert.ok(warm.logs.some((l) => /^cache: \d{2,} analyses read$/.test(l)), warm.logs.join('\n'));
  assert.deepEqual(started(warm.logs), [], 'no workers for a corpus the cache holds whole');
  assert.deepEqual(new Map([...warm.diagnostics].filter(([, d]) => d.length)), new Map([...cold.diagnostics].filter(([, d]) => d.length)));

  const changed = path.join(folder, 'copy-0', fs.readdirSync(path.join(folder, 'copy-0'))[0]);
  fs.appendFileSync(changed, '\nA line added since the last session.\n');
  const third = await startServer(folder, options);
  await third.stop();
  assert.ok(third.logs.some((l) => /\(\d+ from the cache\)/.test(l) && !/\(0 from the cache\)/.test(l)), third.logs.join('\n'));
  assert.equal(started(third.logs).length, 1, 'a file the cache cannot give starts the workers');
});

test('a worker that dies fails only the files it held, is replaced, and the pool analyzes the rest', async () => {
  const { AnalysisPool } = require(path.join(REPO, 'server/out/lsp/analysisPool')) as typeof import('../../server/src/lsp/analysisPool');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-pool-'));
  // Long enough (tens of milliseconds each) that the worker is inside a chunk when it is stopped.
  const paragraph = 'Prime Minister Shigeru Ishiba met Donald Trump in Washington on Friday, and Japan pledged $1 trillion. ';
  const files = Array.from({ length: 40 }, (_, i) => {
    const file = path.join(dir, `story-${i}.txt`);
    fs.writeFileSync(file, `Story ${i}\n\n${paragraph.repeat(400)}`);
    return file;
  });
  const pool = AnalysisPool.create(1);
  assert.ok(pool, 'worker threads start here');
  try {
    const answers = files.map((f) => pool.analyze(f, 1e7, 1));
    await answers[0];
    // The worker now holds the next chunk and is analyzing it: stop it as a crash would.
    void (pool as unknown as { workers: import('worker_threads').Worker[] }).workers[0].terminate();
    const results = await Promise.all(answers);
    const failed = results.filter((r) => !r.ok);
    assert.ok(failed.length >= 1 && failed.length <= 16, `the chunks the worker held fail (${failed.length} failed)`);
    for (const r of failed) assert.match(r.ok ? '' : r.reason, /worker exited/);
    for (const r of results) if (r.ok) assert.ok(r.source.analysis.mentions.some((m) => m.text === 'Shigeru Ishiba'));
    assert.ok(results.slice(24).every((r) => r.ok), 'files still queued when it died go to its replacement');
    const again = await pool.analyze(files[0], 1e7, 2);
    assert.ok(again.ok, 'the replacement answers new files');
  } finally {
    pool.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

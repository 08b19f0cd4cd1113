// The on-disk cache of analyses: what is saved is read back the same (uris restored by the corpus), entries whose
// file changed are not used, and a truncated or foreign cache file is ignored rather than trusted.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from './lspClient';

const { AnalysisCache } = require(path.join(REPO, 'server/out/lsp/analysisCache')) as typeof import('../../server/src/lsp/analysisCache');
const { Corpus } = require(path.join(REPO, 'server/out/core/corpus')) as typeof import('../../server/src/core/corpus');
const { analyzeDocument } = require(path.join(REPO, 'server/out/core/document')) as typeof import('../../server/src/core/document');
const { extractClaims } = require(path.join(REPO, 'server/out/core/claims/extract')) as typeof import('../../server/src/core/claims/extract');

const TEXT = 'date: 2025-02-06\n\nPrime Minister Shigeru Ishiba met Donald Trump on Friday. "We will work together," Ishiba said. Japan pledged $1 trillion.\n';

function analyzed(uri: string) {
  const analysis = analyzeDocument({ uri, text: TEXT, version: 1 });
  return { analysis, claims: extractClaims(TEXT, analysis, analysis.meta), lineStarts: [0, 17, 18] };
}

test('a saved cache reads back; the corpus restores every uri; a changed file misses', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  const uri = 'file:///corpus/a.txt';
  const source = analyzed(uri);
  const expected = JSON.stringify(source);
  const cache = new AnalysisCache(dir, ['/corpus']);
  cache.set('/corpus/a.txt', { mtimeMs: 5, size: TEXT.length, source });
  await cache.save(new Set(['/corpus/a.txt']));
  assert.equal(JSON.stringify(source), expected, 'saving leaves the analysis as it was');
  const again = new AnalysisCache(dir, ['/corpus']);
  assert.equal(await again.load(), 1);
  assert.equal(again.get('/corpus/a.txt', 6, TEXT.length), undefined, 'another mtime is a miss');
  const hit = again.get('/corpus/a.txt', 5, TEXT.length)!;
  assert.ok(hit.analysis.mentions.every((m) => m.uri === ''), 'stored without a uri per mention');
  const corpus = new Corpus();
  corpus.insert(hit);
  assert.equal(JSON.stringify(hit), expected, 'inserted, it is the analysis that was saved');
  assert.ok(corpus.entities().some((e) => e.canonical === 'Shigeru Ishiba'));
});

test('a truncated or unreadable cache file is ignored, never trusted', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  const cache = new AnalysisCache(dir, ['/corpus']);
  for (let i = 0; i < 3; i++) cache.set(`/corpus/${i}.txt`, { mtimeMs: 1, size: 1, source: analyzed(`file:///corpus/${i}.txt`) });
  await cache.save(new Set(['/corpus/0.txt', '/corpus/1.txt', '/corpus/2.txt']));
  const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.bin'))!);
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(file, bytes.subarray(0, bytes.length - 10));
  assert.equal(await new AnalysisCache(dir, ['/corpus']).load(), 0, 'truncated: nothing trusted');
  fs.writeFileSync(file, Buffer.from('not a cache at all'));
  assert.equal(await new AnalysisCache(dir, ['/corpus']).load(), 0, 'garbage: nothing read');
  assert.equal(await new AnalysisCache(path.join(dir, 'missing'), ['/corpus']).load(), 0, 'no file: nothing read');
});

test('a save cut short at shutdown keeps the entries it wrote, unless the cache it replaces holds more; stale temporary files go', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  const files = Array.from({ length: 200 }, (_, i) => `/corpus/${i}.txt`);
  const source = analyzed('file:///corpus/0.txt');
  const filled = () => {
    const cache = new AnalysisCache(dir, ['/corpus']);
    for (const f of files) cache.set(f, { mtimeMs: 1, size: 1, source });
    return cache;
  };
  const temporaries = () => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  // No cache yet: the first chunks are kept.
  const first = filled();
  const saving = first.save(new Set(files));
  await first.cutShort();
  await saving;
  const kept = await new AnalysisCache(dir, ['/corpus']).load();
  assert.ok(kept > 0 && kept < files.length, `${kept} of ${files.length} entries kept`);
  assert.deepEqual(temporaries(), []);
  // A whole cache, then a save cut short after fewer entries than it holds: the whole one stays.
  await filled().save(new Set(files));
  const loaded = new AnalysisCache(dir, ['/corpus']);
  assert.equal(await loaded.load(), files.length);
  const again = loaded.save(new Set(files));
  await loaded.cutShort();
  await assert.rejects(again, /cut short/);
  assert.equal(await new AnalysisCache(dir, ['/corpus']).load(), files.length, 'the whole cache stays');
  assert.deepEqual(temporaries(), []);
  // A temporary file left by a server that died while saving goes at the next save, once it is old.
  const stale = path.join(dir, `${fs.readdirSync(dir).find((f) => f.endsWith('.bin'))}.99999.tmp`);
  const fresh = stale.replace('99999', '99998');
  fs.writeFileSync(stale, 'partial');
  fs.writeFileSync(fresh, 'partial');
  const hoursAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
  fs.utimesSync(stale, hoursAgo, hoursAgo);
  await filled().save(new Set(files));
  assert.deepEqual(temporaries(), [path.basename(fresh)], 'only the stale one is deleted (the other may be a live save)');
});

test('a save copies the record spooled from a worker\'s JSON, for that very analysis only; the spool file goes after', async () => {
  const { analysisToJson } = require(path.join(REPO, 'server/out/core/analysisJson')) as typeof import('../../server/src/core/analysisJson');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  const cache = new AnalysisCache(dir, ['/corpus']);
  const spoolFiles = () => fs.readdirSync(dir).filter((f) => f.endsWith('.spool'));
  // The record a worker made: told apart from what the save would write by its title.
  const { cacheRecord } = require(path.join(REPO, 'server/out/lsp/cacheRecord')) as typeof import('../../server/src/lsp/cacheRecord');
  const fromWorker = (uri: string, title: string) => {
    const source = analyzed(uri);
    const written = analyzed(uri);
    written.analysis.meta.title = title;
    return { source, record: cacheRecord(new URL(uri).pathname, 1, 1, analysisToJson(written)) };
  };
  const a = fromWorker('file:///corpus/a.txt', 'as the worker wrote it');
  const b = fromWorker('file:///corpus/b.txt', 'replaced since');
  cache.set('/corpus/a.txt', { mtimeMs: 1, size: 1, source: a.source }, a.record);
  cache.set('/corpus/b.txt', { mtimeMs: 1, size: 1, source: b.source }, b.record);
  // b is analyzed again on the main thread: its spooled record is not this analysis.
  const bAgain = analyzed('file:///corpus/b.txt');
  cache.set('/corpus/b.txt', { mtimeMs: 2, size: 1, source: bAgain });
  // The spool file is opened as the first record comes (asynchronously): wait for it, a second at most.
  for (let i = 0; i < 100 && !spoolFiles().length; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(spoolFiles().length, 1, 'the records are spooled as they come');
  await cache.save(new Set(['/corpus/a.txt', '/corpus/b.txt']));
  assert.deepEqual(spoolFiles(), [], 'the spool goes once the cache is written');
  const again = new AnalysisCache(dir, ['/corpus']);
  assert.equal(await again.load(), 2);
  assert.equal(again.get('/corpus/a.txt', 1, 1)?.analysis.meta.title, 'as the worker wrote it', 'copied from the spool');
  assert.equal(again.get('/corpus/b.txt', 2, 1)?.analysis.meta.title, bAgain.analysis.meta.title, 'written from the analysis that replaced it');
  // A spool not yet saved at shutdown is deleted.
  cache.set('/corpus/c.txt', { mtimeMs: 1, size: 1, source: a.source }, a.record);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await cache.cutShort();
  assert.deepEqual(spoolFiles(), []);
});

test('a save where every analysis is the workers\' (a first index) takes the spool as the cache file', async () => {
  const { analysisToJson } = require(path.join(REPO, 'server/out/core/analysisJson')) as typeof import('../../server/src/core/analysisJson');
  const { cacheRecord } = require(path.join(REPO, 'server/out/lsp/cacheRecord')) as typeof import('../../server/src/lsp/cacheRecord');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  const cache = new AnalysisCache(dir, ['/corpus']);
  const spoolFiles = () => fs.readdirSync(dir).filter((f) => f.endsWith('.spool'));
  const files = ['/corpus/a.txt', '/corpus/b.txt', '/corpus/c.txt'];
  for (const f of files) {
    const source = analyzed(`file://${f}`);
    const written = analyzed(`file://${f}`);
    written.analysis.meta.title = `spooled ${f}`;
    cache.set(f, { mtimeMs: 1, size: 1, source }, cacheRecord(f, 1, 1, analysisToJson(written)));
  }
  // c is analyzed again by a worker: the spool holds both records, the later one stands.
  const cAgain = analyzed('file:///corpus/c.txt');
  const cWritten = analyzed('file:///corpus/c.txt');
  cWritten.analysis.meta.title = 'spooled again';
  cache.set('/corpus/c.txt', { mtimeMs: 2, size: 1, source: cAgain }, cacheRecord('/corpus/c.txt', 2, 1, analysisToJson(cWritten)));
  for (let i = 0; i < 100 && !spoolFiles().length; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  const spooled = spoolFiles();
  assert.equal(spooled.length, 1);
  const inode = fs.statSync(path.join(dir, spooled[0])).ino;
  await cache.save(new Set(files));
  assert.deepEqual(spoolFiles(), [], 'the spool is now the cache file');
  const cacheFile = fs.readdirSync(dir).find((f) => f.endsWith('.bin'))!;
  assert.equal(fs.statSync(path.join(dir, cacheFile)).ino, inode, 'renamed, not copied');
  const again = new AnalysisCache(dir, ['/corpus']);
  assert.equal(await again.load(), 3);
  assert.equal(again.get('/corpus/a.txt', 1, 1)?.analysis.meta.title, 'spooled /corpus/a.txt');
  assert.equal(again.get('/corpus/c.txt', 1, 1), undefined, 'the first record of c is superseded');
  assert.equal(again.get('/corpus/c.txt', 2, 1)?.analysis.meta.title, 'spooled again');
});

test('a save copies the loaded file\'s records of analyses still in use, unless another window replaced the file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  const files = ['/corpus/a.txt', '/corpus/b.txt'];
  const first = new AnalysisCache(dir, ['/corpus']);
  for (const f of files) first.set(f, { mtimeMs: 1, size: 1, source: analyzed(`file://${f}`) });
  await first.save(new Set(files));
  // Loaded, then told apart in memory (sources are never changed so in use: this shows where a record came from).
  const loadedThen = async () => {
    const cache = new AnalysisCache(dir, ['/corpus']);
    assert.equal(await cache.load(), 2);
    for (const f of files) cache.get(f, 1, 1)!.analysis.meta.title = 'changed in memory';
    return cache;
  };
  const titles = async () => {
    const cache = new AnalysisCache(dir, ['/corpus']);
    assert.equal(await cache.load(), 2);
    return files.map((f) => cache.get(f, 1, 1)!.analysis.meta.title);
  };
  const copied = await loadedThen();
  await copied.save(new Set(files));
  assert.deepEqual(await titles(), [undefined, undefined], 'the records were copied from the loaded file');
  // The same, but the file is replaced (another window, same folders) between the load and the save.
  const replaced = await loadedThen();
  const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.bin'))!);
  fs.copyFileSync(file, file + '.copy');
  fs.renameSync(file + '.copy', file);
  await replaced.save(new Set(files));
  assert.deepEqual(await titles(), ['changed in memory', 'changed in memory'], 'written anew from the analyses');
});

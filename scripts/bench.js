// `npm run bench [-- --sizes 1000,10000,100000]`: generates corpora from examples/ (names, figures and dates
// varied per story, so grouping and conflicts have work), drives the built server over stdio as an editor does,
// and prints cold index, warm start (cache), peak memory, edit -> diagnostics, hover and references latencies,
// beside the analysis throughput of the core, wink-nlp's tokenize + entities pass and a plain regex word scan.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generateCorpus } = require('./bench/corpus');
const { startServer, peakRssMb, rssMb } = require('./bench/client');
const { measureThroughput } = require('./bench/throughput');
const { driveEdits, driveHovers, driveReferences } = require('./bench/requests');

const REPO = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1000,10000,100000';
const sizes = sizesArg.split(',').map(Number).filter((n) => n > 0);
const ROOT = path.join(os.tmpdir(), 'corroborate-bench');

const fmtMs = (ms) => (ms === undefined ? '–' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : undefined);

async function benchSize(n) {
  const folder = path.join(ROOT, `corpus-${n}`);
  const { bytes } = generateCorpus(path.join(REPO, 'examples'), folder, n);
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-storage-'));
  const row = { n, mb: bytes / 1e6 };
  // Cold: empty storage, everything analyzed.
  let server = await startServer(REPO, folder, storage);
  row.cold = server.indexMs;
  row.hoverWhileIndexing = server.whileIndexing;
  row.sources = server.indexed.sources;
  row.conflicts = server.indexed.conflicts;
  const edits = await driveEdits(server, folder);
  row.edit = edits.latencies;
  row.burst = edits.burst;
  row.hover = await driveHovers(server, edits.uri, edits.text);
  const refs = await driveReferences(server, edits.uri, edits.text);
  row.refs = refs.times;
  row.refsTypical = refs.typical;
  row.refsLargest = refs.largest;
  row.peakMb = peakRssMb(server.pid);
  row.rssMb = rssMb(server.pid);
  const withDiagnostics = server.withDiagnostics.size;
  await server.stop(); // at shutdown the server keeps its conflicts for the next start
  await new Promise((r) => setTimeout(r, 500)); // let the cache write finish (it runs after indexing)
  await waitForCache(storage, 60000);
  // Warm: the same storage, analyses read from the cache.
  server = await startServer(REPO, folder, storage, { expectDiagnostics: withDiagnostics });
  row.warm = server.indexMs;
  row.warmDiagnostics = server.diagnosticsMs;
  row.warmPeakMb = peakRssMb(server.pid);
  await server.stop();
  fs.rmSync(storage, { recursive: true, force: true });
  return row;
}

async function waitForCache(storage, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (fs.readdirSync(storage).some((f) => f.endsWith('.bin'))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function machine() {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0]?.model || 'unknown';
  return `${os.cpus().length} cores (nproc ${os.availableParallelism?.() ?? os.cpus().length}), ${cpu.trim()}, ${Math.round(os.totalmem() / 1e9)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function main() {
  if (!fs.existsSync(path.join(REPO, 'server', 'out', 'server.js'))) throw new Error('run `npm run build` first');
  console.log(`Machine: ${machine()}`);
  const rows = [];
  for (const n of sizes) {
    process.stderr.write(`bench: ${n.toLocaleString('en-US')} articles…\n`);
    const row = await benchSize(n);
    rows.push(row);
    process.stderr.write(`bench: ${JSON.stringify({ ...row, edit: undefined, hover: undefined, refs: undefined, refsTypical: undefined, burst: undefined, hoverWhileIndexing: undefined })}\n`);
  }
  console.log('');
  console.log('| articles | MB | indexed | cold index | warm start: diagnostics shown | warm start: index loaded | peak RSS | edit → diagnostics p50 / p95 | typing burst → diagnostics p50 | hover p50 / p95 | references p50 / p95 (typical: ≤ 1,000) | references p95 / max (all names) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.n.toLocaleString('en-US')} | ${r.mb.toFixed(1)} | ${r.sources.toLocaleString('en-US')} | ${fmtMs(r.cold)} | ${fmtMs(r.warmDiagnostics)} | ${fmtMs(r.warm)} | ${Math.max(r.peakMb, r.warmPeakMb)} MB | ${fmtMs(pct(r.edit, 50))} / ${fmtMs(pct(r.edit, 95))} | ${fmtMs(pct(r.burst, 50))} | ${fmtMs(pct(r.hover, 50))} / ${fmtMs(pct(r.hover, 95))} | ${fmtMs(pct(r.refsTypical, 50))} / ${fmtMs(pct(r.refsTypical, 95))} | ${fmtMs(pct(r.refs, 95))} / ${fmtMs(Math.max(...r.refs))} |`);
  }
  console.log('');
  console.log('');
  console.log(`Hover while the first index loads (every 250 ms): ${rows.map((r) => `${r.n.toLocaleString('en-US')} articles: ${r.hoverWhileIndexing.length} hovers, p50 ${fmtMs(pct(r.hoverWhileIndexing, 50))}, p95 ${fmtMs(pct(r.hoverWhileIndexing, 95))}, max ${fmtMs(r.hoverWhileIndexing.length ? Math.max(...r.hoverWhileIndexing) : undefined)}`).join('; ')}`);
  console.log('');
  console.log(`(sources indexed / conflicts: ${rows.map((r) => `${r.sources} / ${r.conflicts}`).join(', ')}; edits change a figure of an article that has conflicts; references are asked at 40 names of it, the largest answer ${rows.map((r) => r.refsLargest.toLocaleString('en-US')).join(' / ')} places)`);
  const sample = path.join(ROOT, `corpus-${sizes[0]}`);
  const t = await measureThroughput(REPO, sample, 8e6);
  console.log('');
  console.log(`Throughput on one core, over the same ${(t.bytes / 1e6).toFixed(1)} MB of generated articles (best of ${t.rounds} rounds):`);
  console.log('');
  console.log('| pass | MB/s |');
  console.log('|---|---:|');
  console.log(`| Corroborate: full per-document analysis (entities, names, descriptions, claims) | ${t.core.toFixed(2)} |`);
  console.log(`| wink-nlp: readDoc + tokens + entities | ${t.wink === undefined ? 'not installed' : t.wink.toFixed(2)} |`);
  console.log(`| plain regex word scan (the floor) | ${t.regex.toFixed(1)} |`);
  console.log('');
  console.log('The whole first index (read, analyze on every core, group, find conflicts, publish), in MB/s of articles:');
  console.log('');
  for (const r of rows) console.log(`- ${r.n.toLocaleString('en-US')} articles: ${(r.mb / (r.cold / 1000)).toFixed(2)} MB/s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Soak test (not part of `npm test`; run with `npm run soak`): drives the built server over stdio with 10,000
// random incremental edits across 100 open documents, with hovers and references in between, and samples the
// server's memory (after a forced GC: the server runs with --expose-gc) and its count of live handles (timers,
// watchers, sockets) every 500 edits. Prints the curve; fails when memory grows (last sample > 1.5x the sample
// after warm-up) or handles pile up.
//   node test/out/robustness/soak.js [--edits 10000] [--docs 100] [--every 500]
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, uriOf, type TestClient } from '../server/lspClient';
import { cleanup, sleep, tempFolder, withEnv } from './helpers';
import { seededRandom as rng } from '../seededRandom';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EDITS = option('edits', 10_000);
const DOCS = option('docs', 100);
const EVERY = option('every', 500);
const WARMUP = option('warmup', 1000);

const SEED = option('seed', Date.now() % 1_000_000);
const random = rng(SEED);
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];

const FIRST = ['Sheila', 'Harlan', 'Akie', 'Shigeru', 'Melania', 'Donald', 'Laura', 'Masayoshi', 'Yuki', 'Omar', 'Priya', 'Chen'];
const LAST = ['Smith', 'Weiss', 'Abe', 'Ishiba', 'Trump', 'Chen', 'Son', 'Tanaka', 'Haddad', 'Rao', 'Okafor', 'Lindqvist'];
const ORGS = ['Nippon Steel', 'the Council on Foreign Relations', 'Meridian Bank', 'Liberal Democratic Party (LDP)', 'Harbor Ledger', 'United Nations'];
const PLACES = ['Tokyo', 'Washington', 'Osaka', 'Geneva', 'the Strait of Hormuz', 'Pittsburgh'];
const TITLES = ['Prime Minister', 'President', 'Dr.', 'Senator', 'CEO', ''];
const VERBS = ['said', 'told reporters', 'met', 'criticized', 'praised', 'called'];
const NUMBERS = ['$14.9 billion', '$14.1 billion', '25 percent', '3,000 jobs', 'on Friday', 'on February 6, 2025'];

function sentence(): string {
  const who = `${pick(TITLES)} ${pick(FIRST)} ${pick(LAST)}`.trim();
  const other = random() < 0.5 ? `${pick(FIRST)} ${pick(LAST)}` : pick(ORGS);
  const tail = random() < 0.3 ? ` "${pick(['We will not accept this', 'The deal is done', 'Nothing has changed'])}," ${pick(LAST)} said.` : '';
  return `${who} ${pick(VERBS)} ${other} in ${pick(PLACES)} ${pick(NUMBERS)}.${tail}${random() < 0.1 ? ' 😀' : ''}`;
}

function article(i: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p++) paragraphs.push(Array.from({ length: 4 }, sentence).join(' '));
  return `title: Article ${i}\nsource: ${pick(['Pacific Wire', 'Meridian Daily', 'Harbor Ledger'])}\ndate: 2025-02-0${1 + (i % 9)}\n\n${paragraphs.join(random() < 0.2 ? '\r\n\r\n' : '\n\n')}\n`;
}

interface Sample { edits: number; textKB: number; rssMB: number; heapMB: number; vmRssMB: number; handles: number; resources: string; ms: number }

function vmRss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function sample(client: TestClient, edits: number, started: number, docs: TextDocument[]): Promise<Sample> {
  type Stats = { memory: NodeJS.MemoryUsage; activeResources: number; resources: string[]; pid: number };
  // Let debounced work (diagnostics, change notifications) run and its timers end; of three reads keep the one with
  // the fewest live handles, so a transient setImmediate is not counted as a leak.
  let stats: Stats | undefined;
  for (let i = 0; i < 3; i++) {
    await sleep(i === 0 ? 600 : 300);
    const read = (await client.connection.sendRequest('corroborate/debugStats', { gc: true })) as Stats;
    if (!stats || read.activeResources < stats.activeResources) stats = read;
  }
  if (!stats) throw new Error('no stats');
  const counts = new Map<string, number>();
  for (const r of stats.resources) counts.set(r, (counts.get(r) ?? 0) + 1);
  return {
    edits,
    textKB: docs.reduce((n, d) => n + d.getText().length, 0) / 1024,
    rssMB: stats.memory.rss / 2 ** 20,
    heapMB: stats.memory.heapUsed / 2 ** 20,
    vmRssMB: vmRss(stats.pid),
    handles: stats.activeResources,
    resources: [...counts].map(([k, v]) => `${k}×${v}`).join(' '),
    ms: Date.now() - started,
  };
}

async function main(): Promise<void> {
  const dir = tempFolder('corroborate-soak-');
  const texts: TextDocument[] = [];
  for (let i = 0; i < DOCS; i++) fs.writeFileSync(path.join(dir, `article-${String(i).padStart(3, '0')}.txt`), article(i));
  for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, `closed-${i}.txt`), article(1000 + i));
  console.log(`soak: ${EDITS} edits across ${DOCS} open documents (+50 closed), sample every ${EVERY}, seed ${SEED}`);
  const client = await withEnv({ NODE_OPTIONS: [process.env.NODE_OPTIONS, '--expose-gc'].filter(Boolean).join(' ') }, () => startServer(dir));
  const started = Date.now();
  const samples: Sample[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < DOCS; i++) {
      const file = path.join(dir, `article-${String(i).padStart(3, '0')}.txt`);
      const doc = TextDocument.create(uriOf(file), 'plaintext', 1, fs.readFileSync(file, 'utf8'));
      texts.push(doc);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'plaintext', version: 1, text: doc.getText() } });
    }
    const initial = texts.map((d) => d.getText().length);
    samples.push(await sample(client, 0, started, texts));
    print(samples[0]);
    for (let n = 1; n <= EDITS; n++) {
      const index = Math.floor(random() * texts.length);
      const doc = texts[index];
      const text = doc.getText();
      const at = Math.floor(random() * (text.length + 1));
      // Inserts and deletions balance out: a document grown 10 % past its first size only shrinks, so memory
      // can be compared across the run.
      const kind = text.length > initial[index] * 1.1 ? 0.5 + random() * 0.35 : random();
      let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
      if (kind < 0.45 || text.length < 200) {
        change = { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: random() < 0.5 ? ` ${sentence()} ` : pick([' ', 'e', 'Smith ', '\n', '\r\n', '😀', 'the ']) };
      } else if (kind < 0.85) {
        const end = Math.min(text.length, at + 1 + Math.floor(random() * 80));
        change = { range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: '' };
      } else {
        const end = Math.min(text.length, at + 1 + Math.floor(random() * 40));
        change = { range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: sentence() };
      }
      const next = TextDocument.update(doc, [change], doc.version + 1);
      texts[index] = next;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: next.uri, version: next.version }, contentChanges: [change] });
      if (n % 10 === 0) {
        const target = texts[Math.floor(random() * texts.length)];
        const position = target.positionAt(Math.floor(random() * target.getText().length));
        try {
          await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: target.uri }, position });
          if (n % 50 === 0) await client.connection.sendRequest('textDocument/references', { textDocument: { uri: target.uri }, position, context: { includeDeclaration: true } });
          if (n % 250 === 0) await client.connection.sendRequest('workspace/symbol', { query: pick(LAST) }).catch(() => undefined);
        } catch (error) {
          failures++;
          console.error(`request failed after edit ${n}: ${(error as Error).message}`);
        }
      }
      if (n % 100 === 0 && random() < 0.2) {
        // Close and re-open a document now and then (the disk text comes back, then the buffer again).
        const k = Math.floor(random() * texts.length);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: texts[k].uri } });
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: texts[k].uri, languageId: 'plaintext', version: texts[k].version + 1, text: texts[k].getText() } });
        texts[k] = TextDocument.create(texts[k].uri, 'plaintext', texts[k].version + 1, texts[k].getText());
      }
      if (n % EVERY === 0) {
        const s = await sample(client, n, started, texts);
        samples.push(s);
        print(s);
      }
    }
    const errors = client.logs.filter((l) => /^(uncaught|unhandled):|^\w+ failed:/.test(l));
    const warm = samples.find((s) => s.edits >= WARMUP) ?? samples[0];
    const last = samples[samples.length - 1];
    const ratio = last.rssMB / warm.rssMB;
    const heapRatio = last.heapMB / warm.heapMB;
    console.log(`\nafter warm-up (${warm.edits} edits): rss ${warm.rssMB.toFixed(1)} MB, heap ${warm.heapMB.toFixed(1)} MB, ${warm.handles} handles`);
    console.log(`last (${last.edits} edits): rss ${last.rssMB.toFixed(1)} MB (x${ratio.toFixed(2)}), heap ${last.heapMB.toFixed(1)} MB (x${heapRatio.toFixed(2)}), ${last.handles} handles`);
    console.log(`requests failed: ${failures}; error log lines: ${errors.length}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Trend after warm-up (least squares): a steady climb is worth a look even under the 1.5x bound.
    const after = samples.filter((s) => s.edits >= warm.edits);
    const slope = (key: 'heapMB' | 'rssMB') => {
      const mx = after.reduce((n, s) => n + s.edits, 0) / after.length;
      const my = after.reduce((n, s) => n + s[key], 0) / after.length;
      const num = after.reduce((n, s) => n + (s.edits - mx) * (s[key] - my), 0);
      const den = after.reduce((n, s) => n + (s.edits - mx) ** 2, 0);
      return den ? (num / den) * 1000 : 0;
    };
    console.log(`trend after warm-up: heap ${slope('heapMB').toFixed(2)} MB / 1,000 edits, rss ${slope('rssMB').toFixed(2)} MB / 1,000 edits`);
    const problems: string[] = [];
    if (ratio >= 1.5) problems.push(`RSS grew x${ratio.toFixed(2)}`);
    if (heapRatio >= 1.5) problems.push(`heap grew x${heapRatio.toFixed(2)}`);
    if (last.handles > warm.handles + 2) problems.push(`live handles grew from ${warm.handles} to ${last.handles} (${last.resources})`);
    if (failures > 0) problems.push(`${failures} requests failed`);
    if (errors.length > 0) problems.push(`errors in the server log:\n${errors.slice(0, 5).join('\n')}`);
    if (client.process.exitCode !== null || client.process.signalCode !== null) problems.push('the server died');
    if (problems.length) {
      console.error(`SOAK FAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    } else {
      console.log('SOAK OK: memory flat, no growing handles, every request answered');
    }
  } finally {
    await client.stop();
    cleanup(dir);
  }
}

function print(s: Sample): void {
  const bar = '#'.repeat(Math.round(s.rssMB / 10));
  console.log(`${String(s.edits).padStart(6)} edits  text ${s.textKB.toFixed(0).padStart(4)} KB  rss ${s.rssMB.toFixed(1).padStart(6)} MB  VmRSS ${s.vmRssMB.toFixed(1).padStart(6)} MB  heap ${s.heapMB.toFixed(1).padStart(6)} MB  handles ${String(s.handles).padStart(3)}  ${(s.ms / 1000).toFixed(1).padStart(6)} s  ${bar}  [${s.resources}]`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

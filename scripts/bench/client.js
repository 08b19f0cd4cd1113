// A plain-JS LSP client for the bench (as test/server/lspClient.ts): spawns the built server over stdio,
// initializes it on a folder with a storage path, and times the first index.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { pathToFileURL } = require('url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

/** `expectDiagnostics`: the number of sources with diagnostics to wait for (timed as `diagnosticsMs`). */
async function startServer(repo, folder, storagePath, { expectDiagnostics } = {}) {
  // The heap limit the VS Code extension gives the server by default (corroborate.server.maxMemoryMB).
  const heap = `--max-old-space-size=${process.env.BENCH_SERVER_MB || 8192}`;
  const child = spawn(process.execPath, [heap, ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), path.join(repo, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const logs = [];
  const withDiagnostics = new Set();
  let started;
  let diagnosticsMs;
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.diagnostics.length) withDiagnostics.add(p.uri);
    else withDiagnostics.delete(p.uri);
    if (process.env.BENCH_TRACE && withDiagnostics.size % 1000 === 0) console.error('diag', withDiagnostics.size, Date.now() - started);
    if (diagnosticsMs === undefined && expectDiagnostics && withDiagnostics.size >= expectDiagnostics) diagnosticsMs = Date.now() - started;
    const list = waiters.get(p.uri);
    if (list) {
      waiters.delete(p.uri);
      for (const w of list) w(p);
    }
  });
  connection.onNotification('window/logMessage', (p) => logs.push(p.message));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onError(() => undefined);
  child.stdin.on('error', () => undefined);
  connection.listen();
  const rootUri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
    capabilities: { window: { workDoneProgress: false }, workspace: { configuration: true } },
    initializationOptions: { storagePath },
  });
  started = Date.now();
  await connection.sendNotification('initialized', {});
  // Hovers while the index loads, every 250 ms, on a name of the first article: answered between batches.
  const whileIndexing = [];
  let done = false;
  const probe = firstArticle(folder);
  const probing = (async () => {
    while (probe && !done) {
      await new Promise((r) => setTimeout(r, 250));
      if (done) break;
      const t0 = process.hrtime.bigint();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri: probe.uri }, position: probe.position });
      whileIndexing.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  })();
  const indexed = await connection.sendRequest('corroborate/whenIndexed');
  const indexMs = Date.now() - started;
  done = true;
  await probing;
  return {
    connection, pid: child.pid, indexMs, indexed, logs, withDiagnostics, whileIndexing,
    /** When the expected number of sources had diagnostics (undefined: never, or not asked). */
    get diagnosticsMs() { return diagnosticsMs; },
    /** Resolves with the next diagnostics published for a uri. */
    nextDiagnostics(uri) {
      return new Promise((resolve) => waiters.set(uri, [...(waiters.get(uri) || []), resolve]));
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        await connection.sendNotification('exit');
      } catch { /* gone */ }
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill(), 5000);
        child.once('exit', () => { clearTimeout(timer); resolve(); });
      });
      connection.dispose();
    },
  };
}

/** The first article of a generated corpus and the place of the first capitalized word of its body. */
function firstArticle(folder) {
  try {
    const dir = path.join(folder, fs.readdirSync(folder).filter((d) => d.startsWith('part-')).sort()[0]);
    const file = path.join(dir, fs.readdirSync(dir).sort()[0]);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l, i) => i > 0 && /^[A-Z][a-z]+ [A-Z]/.test(l));
    return line < 0 ? undefined : { uri: pathToFileURL(file).href, position: { line, character: 1 } };
  } catch {
    return undefined;
  }
}

function status(pid, field) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident memory of the process so far (VmHWM), in MB. */
const peakRssMb = (pid) => status(pid, 'VmHWM');
const rssMb = (pid) => status(pid, 'VmRSS');

module.exports = { startServer, peakRssMb, rssMb };

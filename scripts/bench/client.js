// A plain-JS LSP client for the bench (as test/server/lspClient.ts): spawns the built server over stdio,
// initializes it on a folder with a storage path, and times the first index.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { pathToFileURL } = require('url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

async function startServer(repo, folder, storagePath) {
  // The heap limit the VS Code extension gives the server by default (corroborate.server.maxMemoryMB).
  const heap = `--max-old-space-size=${process.env.BENCH_SERVER_MB || 8192}`;
  const child = spawn(process.execPath, [heap, ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), path.join(repo, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const logs = [];
  const withDiagnostics = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.diagnostics.length) withDiagnostics.add(p.uri);
    else withDiagnostics.delete(p.uri);
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
  const started = Date.now();
  await connection.sendNotification('initialized', {});
  const indexed = await connection.sendRequest('corroborate/whenIndexed');
  const indexMs = Date.now() - started;
  return {
    connection, pid: child.pid, indexMs, indexed, logs, withDiagnostics,
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

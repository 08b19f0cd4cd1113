// The editing session of the bench: edits of an open article with conflicts (time to its new diagnostics), a burst
// of keystrokes, hovers and references on names in it.
'use strict';
const fs = require('fs');
const { fileURLToPath } = require('url');

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const timeout = (ms) => new Promise((r) => setTimeout(() => r('timeout'), ms));

async function driveEdits(server, folder, count = 40) {
  // The first article with diagnostics by name (not by when they arrived, which varies from run to run).
  const uri = [...server.withDiagnostics].sort()[0];
  if (!uri) throw new Error(`no diagnostics published for ${folder}`);
  const base = fs.readFileSync(fileURLToPath(uri), 'utf8');
  const c = server.connection;
  let version = 1;
  await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text: base } });
  await Promise.race([server.nextDiagnostics(uri), timeout(3000)]);
  const latencies = [];
  let misses = 0;
  const change = async (text) => {
    version++;
    await c.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  };
  // Each edit changes a figure: "$N billion" becomes "$N.k billion", so the document's claims change.
  for (let i = 0; i < count; i++) {
    let n = 0;
    const text = base.replace(/\$(\d+(?:\.\d+)?) (billion|million)/g, (m, v, u) => (n++ === 1 ? `$${v}${i % 2 ? '' : '0'} ${u}` : m)) + `\nUpdated ${i} times.\n`;
    const waiting = server.nextDiagnostics(uri);
    const t0 = process.hrtime.bigint();
    await change(text);
    const r = await Promise.race([waiting, timeout(5000)]);
    if (r === 'timeout') misses++;
    else latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await sleep(60);
  }
  // Typing: 10 keystrokes 15 ms apart; time from the last one to the diagnostics.
  const burst = [];
  for (let round = 0; round < 5; round++) {
    let text = base;
    for (let k = 0; k < 10; k++) {
      text = text.replace(/\n$/, ` x${round}${k}\n`);
      if (k < 9) {
        await change(text);
        await sleep(15);
      }
    }
    const waiting = server.nextDiagnostics(uri);
    const t0 = process.hrtime.bigint();
    await change(text);
    const r = await Promise.race([waiting, timeout(5000)]);
    if (r !== 'timeout') burst.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await sleep(100);
  }
  await change(base);
  await sleep(200);
  if (misses) process.stderr.write(`bench: ${misses} edits without diagnostics within 5 s\n`);
  return { uri, text: base, latencies, burst };
}

function namePositions(text, max) {
  const out = [];
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b/g)) {
    out.push(positionAt(text, m.index + 1));
    if (out.length >= max) break;
  }
  return out;
}

/** Times each request; `sizes` gets each answer's length when it is a list (references). */
async function timeRequests(server, method, paramsOf, positions, sizes) {
  const times = [];
  for (const position of positions) {
    const t0 = process.hrtime.bigint();
    const answer = await server.connection.sendRequest(method, paramsOf(position));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    sizes?.push(Array.isArray(answer) ? answer.length : 0);
  }
  return times;
}

function driveHovers(server, uri, text) {
  return timeRequests(server, 'textDocument/hover', (position) => ({ textDocument: { uri }, position }), namePositions(text, 80));
}

/** References at 40 names: the times, and the times of the typical names (at most 1,000 references). */
async function driveReferences(server, uri, text) {
  const sizes = [];
  const times = await timeRequests(server, 'textDocument/references', (position) => ({ textDocument: { uri }, position, context: { includeDeclaration: true } }), namePositions(text, 40), sizes);
  return { times, typical: times.filter((_, i) => sizes[i] <= 1000), largest: Math.max(0, ...sizes) };
}

module.exports = { driveEdits, driveHovers, driveReferences };

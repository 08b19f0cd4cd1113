// Hover and references latency on the example corpus, through the real server over stdio (after a build).
// Run: node scripts/latency-examples.js   (200 requests of each; prints start-up, p50 and p95)
'use strict';
const path = require('path');
const fs = require('fs');
const { startServer, uriOf, positionOf } = require('../test/out/server/lspClient.js');

(async () => {
  const dir = path.join(__dirname, '..', 'examples');
  const t0 = Date.now();
  const client = await startServer(dir);
  const ready = Date.now() - t0;
  const file = path.join(dir, '2025-02-07-meridian-daily-summit-report.txt');
  const text = fs.readFileSync(file, 'utf8');
  const uri = uriOf(file);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const timed = async (method, params) => {
    const start = process.hrtime.bigint();
    await client.connection.sendRequest(method, params);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const hover = [];
  const references = [];
  for (let i = 0; i < 200; i++) {
    hover.push(await timed('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Smith') }));
    references.push(await timed('textDocument/references', { textDocument: { uri }, position: positionOf(text, 'Trump'), context: { includeDeclaration: true } }));
  }
  const pct = (list, q) => [...list].sort((a, b) => a - b)[Math.floor(list.length * q)].toFixed(2);
  console.log(`start + index ${ready} ms; hover p50 ${pct(hover, 0.5)} ms, p95 ${pct(hover, 0.95)} ms; references ("Trump") p50 ${pct(references, 0.5)} ms, p95 ${pct(references, 0.95)} ms`);
  await client.stop();
})();

// Analysis throughput on one core over the same bytes: the core's full per-document analysis, wink-nlp's
// tokenize + entities pass (when installed) and a plain regex word scan, each the best of a few rounds.
'use strict';
const fs = require('fs');
const path = require('path');

function readSample(folder, maxBytes) {
  const texts = [];
  let bytes = 0;
  for (const part of fs.readdirSync(folder).filter((d) => d.startsWith('part-')).sort()) {
    for (const f of fs.readdirSync(path.join(folder, part)).sort()) {
      const text = fs.readFileSync(path.join(folder, part, f), 'utf8');
      texts.push(text);
      bytes += Buffer.byteLength(text);
      if (bytes >= maxBytes) return { texts, bytes };
    }
  }
  return { texts, bytes };
}

function best(texts, bytes, fn, rounds) {
  let top = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) fn(t);
    top = Math.max(top, bytes / 1e6 / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  return top;
}

async function measureThroughput(repo, folder, maxBytes) {
  const { texts, bytes } = readSample(folder, maxBytes);
  const { analyzeDocument } = require(path.join(repo, 'server/out/core/document.js'));
  const { extractClaims } = require(path.join(repo, 'server/out/core/claims/extract.js'));
  const rounds = 3;
  let k = 0;
  const core = best(texts, bytes, (text) => {
    const a = analyzeDocument({ uri: `file:///bench/${k++}.txt`, text, version: 1 });
    extractClaims(text, a, a.meta);
  }, rounds);
  let wink;
  try {
    const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'));
    wink = best(texts, bytes, (text) => {
      const doc = nlp.readDoc(text);
      doc.tokens().out();
      doc.entities().out(nlp.its.detail);
    }, rounds);
  } catch {
    wink = undefined;
  }
  let words = 0;
  const regex = best(texts, bytes, (text) => {
    for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) words++;
  }, rounds);
  return { bytes, rounds, core, wink, regex, words };
}

module.exports = { measureThroughput };

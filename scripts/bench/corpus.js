// Generates a corpus of n articles from the example articles: each "story" of a few articles shares invented
// people (names swapped consistently), a date shifted per story and figures nudged in some articles, so the
// grouping sees thousands of distinct people and the conflict finder real disagreements; each article carries a
// second example's body as background, so articles are news-sized (~5 KB). Cached by size.
'use strict';
const fs = require('fs');
const path = require('path');

const FIRST = ['Aiko', 'Kenta', 'Mariko', 'Hiro', 'Lena', 'Omar', 'Sofia', 'Tomas', 'Grace', 'Ravi', 'Yuki', 'Noah', 'Ines', 'Pavel', 'Amara', 'Jonas'];
const SYL = ['ka', 'ri', 'mo', 'ta', 'ne', 'shi', 'do', 'ra', 'ven', 'lo', 'mar', 'tel', 'son', 'berg', 'ford', 'wick', 'ami', 'oru'];
/** People of the examples whose names are swapped per story (full name, surname). */
const PEOPLE = [
  ['Shigeru Ishiba', 'Ishiba'], ['Sheila Smith', 'Smith'], ['Ruth Okafor', 'Okafor'], ['Laura Chen', 'Chen'], ['Mark Hollis', 'Hollis'],
  ['Misaki Ueda', 'Ueda'], ['Kenji Morimoto', 'Morimoto'], ['Priya Raman', 'Raman'], ['Yoshimasa Hayashi', 'Hayashi'], ['Eiji Hashimoto', 'Hashimoto'],
];

/** Organizations of the examples renamed per story ('#' is the story's invented word). */
const ORGS = [
  ['Nippon Steel', '# Steel'], ['U.S. Steel', '# Metals'], ['US Steel', '# Metals'], ['SoftBank', '# Capital Group'],
  ['United Steelworkers', '# Workers Union'], ['Stargate', '# Ventures'], ['Halden Institute', '# Institute'],
  ['Stanmore Capital', '# Partners'], ['Kairos Energy Research', '# Energy Research'], ['Corliss & Dunn', '# & Dunn'],
  ['Cleveland-Cliffs', '# Mining'], ['Asagiri Policy Forum', '# Policy Forum'],
];

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

function surname(r) {
  const n = 2 + Math.floor(r() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)];
  return w[0].toUpperCase() + w.slice(1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function variant(text, story, k, r, fileDate) {
  const sr = rng(story * 7919 + 17);
  // Every article is dated (an undated one would be compared with every story): the file name's date if need be.
  let out = /^date:/m.test(text) || !fileDate ? text : `date: ${fileDate}\n\n${text}`;
  // Names: one invented person per example person, the same across the story's articles.
  for (const [full, last] of PEOPLE) {
    const first = FIRST[Math.floor(sr() * FIRST.length)];
    const sur = surname(sr);
    out = out.split(full).join(`${first} ${sur}`).replace(new RegExp(`\\b${last}\\b`, 'g'), sur);
  }
  // Companies and institutions: each story has its own (so a story's figures are disputed within the story).
  const tag = surname(sr);
  for (const [from, to] of ORGS) out = out.split(from).join(to.replace('#', tag));
  // Time: each story happens some years later (years and ages moved alike, so the people stay consistent and
  // stories fall in different windows); one article in five gives the event a day off.
  const years = story % 400;
  out = out.replace(/\b(20[12]\d)\b/g, (_, y) => String(Number(y) + years));
  out = out.replace(/\b(\d{2})-year-old\b/g, (_, a) => `${Number(a) + years}-year-old`).replace(/, (\d{2}),/g, (_, a) => `, ${Number(a) + years},`);
  if (r() < 0.2) out = out.replace(new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2})\\b`), (m, mo, day) => `${mo} ${Math.min(28, Number(day) + 1)}`);
  // Figures: one article in four reports some figure differently.
  if (r() < 0.25) {
    let changed = 0;
    out = out.replace(/\$(\d+(?:\.\d+)?) (billion|million)/g, (m, v, unit) => (changed++ < 2 ? `$${(Number(v) * 1.3).toFixed(1)} ${unit}` : m));
  }
  // Quotes: every third word is the story's own, so stories do not share quotations (a story's articles still do).
  const qr = (i) => SYL[(story * 31 + i * 7) % SYL.length] + story.toString(36) + SYL[(story * 17 + i * 3) % SYL.length];
  out = out.replace(/[“"]([^”"\n]{12,400})[”"]/g, (m, body) => {
    let i = 0;
    return m[0] + body.replace(/[A-Za-z]+/g, (w) => (i++ % 3 === 2 ? qr(i) : w)) + m[m.length - 1];
  });
  return out + `\n\n(Article ${story}-${k}.)\n`;
}

/** An article's body, without its header (key: value lines or YAML front matter) and dateline. */
function bodyOf(text) {
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (front) return text.slice(front[0].length).trim();
  const header = /^(?:[A-Za-z]+: .*\r?\n)+\r?\n/.exec(text);
  return (header ? text.slice(header[0].length) : text).replace(/^[A-Z][A-Z ,.]+\([^)]*\)\s*[-–—]+\s*/, '').trim();
}

/** Writes n articles under folder (1,000 per subfolder) unless already there; returns their total bytes. */
function generateCorpus(examplesDir, folder, n) {
  const marker = path.join(folder, '.complete-v3');
  if (fs.existsSync(marker)) return { bytes: Number(fs.readFileSync(marker, 'utf8')) };
  fs.rmSync(folder, { recursive: true, force: true });
  const examples = fs.readdirSync(examplesDir).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => ({ f, text: fs.readFileSync(path.join(examplesDir, f), 'utf8') }));
  const r = rng(n);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const story = Math.floor(i / 5);
    const ex = examples[i % examples.length];
    // About 5 KB an article, as news articles are: the example, then another example's body as background.
    const background = examples[(i + 3) % examples.length];
    const combined = `${ex.text.trimEnd()}\n\nBackground\n\n${bodyOf(background.text)}\n`;
    const text = variant(combined, story, i % 5, r, (ex.f.match(/^\d{4}-\d{2}-\d{2}/) || [])[0]);
    const dir = path.join(folder, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}-${ex.f}`), text);
    bytes += Buffer.byteLength(text);
  }
  fs.writeFileSync(marker, String(bytes));
  return { bytes };
}

module.exports = { generateCorpus };

// The hand-written word scanner gives exactly the tokens of the tokenizer's regex, on real and random text.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';

// Compiled tests run from test/out/core/perf: the code comes from server/out, the types from the source.
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const { TOKEN_PATTERN, WordScanner } = require(path.join(REPO, 'server/out/core/wordScanner')) as typeof import('../../../server/src/core/wordScanner');

function byRegex(text: string, from = 0): [number, number][] {
  const re = new RegExp(TOKEN_PATTERN.source, 'gu');
  re.lastIndex = from;
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function byScanner(text: string, from = 0): [number, number][] {
  const s = new WordScanner(text, from);
  const out: [number, number][] = [];
  while (s.next()) out.push([s.start, s.end]);
  return out;
}

test('word scanner = token regex on the example corpus', () => {
  const dir = path.join(REPO, 'examples');
  for (const file of fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    assert.deepEqual(byScanner(text), byRegex(text), file);
    assert.deepEqual(byScanner(text, 17), byRegex(text, 17), file);
  }
});

test('word scanner = token regex on tricky strings', () => {
  const cases = [
    "U.S. and U.K. talks", "Trump's and States' and Trump’s, rock'n'roll, l'été, don’t", '1,234.5, 3., .5, 12,, 7a, a7',
    'café naïve Ångström Ǆemal 𝐁𝐫𝐞𝐚𝐤 🇯🇵 x\u0301y', 'A.b C. D.E F.G.', '\u00a0nbsp\u2003em\u3000ideo\ufeffbom', '٣٤٥ 12٣ ab٣',
    "it's' 'tis abc'1 x’ y'", '\x1c\x1d control\x00chars\v\f', 'Mar-a-Lago — France–Presse',
  ];
  for (const text of cases) assert.deepEqual(byScanner(text), byRegex(text), JSON.stringify(text));
});

test('word scanner = token regex on random text', () => {
  const alphabet = fc.constantFrom(...'aZ09 .,\'’-\n\tÉé\u0301٣𝐁🇯\u00a0"(Ss'.split(''), 'U.', 'S.', '𝐁', '🇯🇵');
  fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
    assert.deepEqual(byScanner(text), byRegex(text));
  }), { numRuns: 3000 });
});

// Bad input over the protocol: the built server over stdio on temporary folders holding what a reporter's folder
// may really hold. Nothing may crash the server or shift a position (positions are UTF-16 code units).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { startServer, uriOf, type TestClient } from '../server/lspClient';
import { cleanup, hover, isAlive, lspPositionOf, openText, references, tempFolder, textAt, type HoverResult } from './helpers';

const BODY = 'Sheila Smith, a senior fellow at the Council on Foreign Relations, met Harlan Weiss in Tokyo.\nSmith said the talks went well.\n';

function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Starts the server on `dir`, runs `fn`, always stops the server and removes the folder. */
async function withServer(dir: string, fn: (client: TestClient) => Promise<void>, options: Parameters<typeof startServer>[1] = {}): Promise<void> {
  const client = await startServer(dir, options);
  try {
    await fn(client);
    assert.ok(isAlive(client), 'the server is still running');
    const errors = client.logs.filter((l) => /^(uncaught|unhandled):|^\w+ failed:/.test(l));
    assert.deepEqual(errors, [], 'no exception reached the log');
  } finally {
    await client.stop();
    cleanup(dir);
  }
}

/** Hover at the n-th occurrence of `needle` in `text` (the document as the editor sees it) names `expected` and covers exactly `needle`. */
async function assertHoverAt(client: TestClient, file: string, text: string, needle: string, expected: RegExp, nth = 0): Promise<HoverResult> {
  const position = lspPositionOf(text, needle, nth);
  const h = await hover(client, file, position);
  assert.ok(h, `a hover on "${needle}" at ${JSON.stringify(position)}`);
  assert.match(h.contents.value, expected);
  assert.deepEqual(h.range.start, position, 'the hover range starts where the name starts');
  assert.equal(textAt(text, h.range), needle, 'the hover range covers the name');
  return h;
}

const logsAbout = (client: TestClient, name: string) => client.logs.filter((l) => l.includes(name));

test('a binary file is skipped with exactly one log line; the other sources are indexed', async () => {
  const dir = tempFolder();
  write(dir, 'photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Buffer.from('Sheila Smith')]));
  const good = write(dir, 'good.txt', BODY);
  await withServer(dir, async (client) => {
    const lines = logsAbout(client, 'photo.txt');
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /binary file/);
    await assertHoverAt(client, good, BODY, 'Sheila Smith', /Sheila Smith/);
    const refs = await references(client, good, lspPositionOf(BODY, 'Smith', 1));
    assert.ok(!refs.some((r) => r.uri.endsWith('photo.txt')), 'nothing from the binary file');
  });
});

test('a 20 MB single-line file above corroborate.maxFileSize is skipped with one log line and a notice', async () => {
  const dir = tempFolder();
  write(dir, 'huge.txt', 'the quick brown fox jumps over the lazy dog while Sheila Smith watched from Tokyo. '.repeat(250_000));
  const good = write(dir, 'good.txt', BODY);
  await withServer(dir, async (client) => {
    const lines = logsAbout(client, 'huge.txt');
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /larger than corroborate\.maxFileSize/);
    // The notice (window/showMessage) is sent while indexing; listen, then make the server read the file again.
    const notices: { type: number; message: string }[] = [];
    client.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => notices.push(p));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'huge.txt')), type: 2 }] });
    await client.connection.sendRequest('corroborate/whenIndexed');
    assert.equal(notices.length, 1, JSON.stringify(notices));
    assert.match(notices[0].message, /skipped huge\.txt: larger than corroborate\.maxFileSize \(20,[\d,]+ > 5,000,000 bytes\)/);
    await assertHoverAt(client, good, BODY, 'Sheila Smith', /Sheila Smith/);
  });
});

test('a 20 MB single-line file under a raised maxFileSize is analyzed in bounded time, and positions far along the line are right', async () => {
  const dir = tempFolder();
  const sentence = 'the quick brown fox jumps over the lazy dog while Sheila Smith watched from Tokyo. ';
  const text = sentence.repeat(250_000) + 'At the end, Harlan Weiss spoke.';
  const huge = write(dir, 'huge.txt', text);
  const started = Date.now();
  await withServer(dir, async (client) => {
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 90_000, `indexed in ${elapsed} ms`);
    const position = lspPositionOf(text, 'Harlan Weiss');
    assert.equal(position.line, 0);
    assert.ok(position.character > 20_000_000);
    const h = await hover(client, huge, position);
    assert.ok(h, 'hover at the end of a 20 MB line');
    assert.match(h.contents.value, /Harlan Weiss/);
    assert.deepEqual(h.range.start, position);
    const h2 = await hover(client, huge, lspPositionOf(text, 'Sheila Smith', 123_456));
    assert.match(h2!.contents.value, /Sheila Smith/);
  }, { initializationOptions: { settings: { maxFileSize: 30_000_000 } } });
});

// Grouping once spread ~190,000 descriptions into push(...) and overflowed the stack (a 20 MB file full of titled
// names); the same shape, built directly so the test stays fast.
test('an entity with hundreds of thousands of mentions and descriptions is grouped without a stack overflow', () => {
  const { groupEntities } = require('../../../server/out/core/grouping') as typeof import('../../server/src/core/grouping');
  const n = 250_000;
  const mentions = Array.from({ length: n }, (_, i) => ({ uri: 'file:///big.txt', start: i * 20, end: i * 20 + 12, text: 'Sheila Smith', kind: 'person' as const, local: 0 }));
  const descriptions = Array.from({ length: n }, (_, i) => ({ uri: 'file:///big.txt', kind: 'title' as const, start: i * 20, end: i * 20 + 5, text: 'Dr.' }));
  const doc = {
    uri: 'file:///big.txt', version: 1, meta: { bodyStart: 0, problems: [] }, mentions,
    localEntities: [{ kind: 'person' as const, name: 'Sheila Smith', names: ['Sheila Smith'], singleWord: false, mentions: mentions.map((_, i) => i), descriptions, key: 'person:sheila smith', weak: false }],
  };
  const grouping = groupEntities([doc], { entities: [], merge: [], split: [], ignore: [] });
  assert.equal(grouping.entities[0].mentions.length, n);
  assert.equal(grouping.entities[0].descriptions.length, n);
});

test('invalid UTF-8 is read with replacement characters and positions after it stay right', async () => {
  const dir = tempFolder();
  const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xc3, 0x28, 0xff, 0x80, 0xe2, 0x82]), Buffer.from(' and '), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from(' then ' + BODY)]);
  const file = write(dir, 'broken.txt', bytes);
  const asEditorSees = new TextDecoder('utf-8').decode(bytes);
  assert.ok(asEditorSees.includes('\uFFFD'));
  await withServer(dir, async (client) => {
    assert.equal(logsAbout(client, 'broken.txt').length, 1, 'one log line about the replaced bytes');
    await assertHoverAt(client, file, asEditorSees, 'Sheila Smith', /Sheila Smith/);
    await assertHoverAt(client, file, asEditorSees, 'Harlan Weiss', /Harlan Weiss/);
  });
});

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

for (const bigEndian of [false, true]) {
  test(`UTF-16${bigEndian ? 'BE' : 'LE'} with a BOM is decoded; hover positions are right (BOM not counted, emoji counted as 2)`, async () => {
    const dir = tempFolder();
    const text = 'title: Überblick 🌏\n\n🇯🇵 Tokyo — ' + BODY;
    const file = write(dir, 'wide.txt', utf16(text, bigEndian));
    await withServer(dir, async (client) => {
      await assertHoverAt(client, file, text, 'Sheila Smith', /Sheila Smith/);
      await assertHoverAt(client, file, text, 'Harlan Weiss', /Harlan Weiss/);
      const refs = await references(client, file, lspPositionOf(text, 'Smith', 1));
      for (const r of refs) assert.match(textAt(text, r.range), /Smith/);
    });
  });
}

test('CRLF and mixed CRLF / LF line endings give the right lines and columns, on disk and when opened', async () => {
  const dir = tempFolder();
  const crlf = 'Intro line.\r\n\r\nSheila Smith met Harlan Weiss.\r\nLater, Smith left.\r\n';
  const mixed = 'One.\nTwo.\r\nThree Sheila Smith spoke.\n\r\nThen Harlan Weiss answered.\r\nSmith agreed.\n';
  const a = write(dir, 'crlf.txt', crlf);
  const b = write(dir, 'mixed.txt', mixed);
  await withServer(dir, async (client) => {
    await assertHoverAt(client, a, crlf, 'Sheila Smith', /Sheila Smith/);
    await assertHoverAt(client, a, crlf, 'Smith', /Sheila Smith/, 1);
    await assertHoverAt(client, b, mixed, 'Harlan Weiss', /Harlan Weiss/);
    await assertHoverAt(client, b, mixed, 'Smith', /Sheila Smith/, 1);
    await openText(client, b, mixed + 'Harlan Weiss\r\nleft.\r\n', 2);
    await assertHoverAt(client, b, mixed + 'Harlan Weiss\r\nleft.\r\n', 'Harlan Weiss', /Harlan Weiss/, 1);
  });
});

test('a lone CR line ending (old Mac) ends a line, as in LSP, and positions after it stay right', async () => {
  const dir = tempFolder();
  const text = 'Intro.\rSheila Smith met Harlan Weiss.\nLater Smith left.\r';
  const file = write(dir, 'old-mac.txt', text);
  await withServer(dir, async (client) => {
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 1, character: 0 } })) as { contents: { value: string }; range: { start: { line: number; character: number } } } | null;
    assert.ok(h, 'hover at line 1, character 0');
    assert.match(h.contents.value, /Sheila Smith/);
    assert.deepEqual(h.range.start, { line: 1, character: 0 });
    const later = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 2, character: 6 } })) as { contents: { value: string } } | null;
    assert.match(later!.contents.value, /Sheila Smith/);
  });
});

test('tabs count as one character', async () => {
  const dir = tempFolder();
  const text = '\t\tSheila Smith\tmet\t\tHarlan Weiss.\n\tSmith said so.\n';
  const file = write(dir, 'tabs.txt', text);
  await withServer(dir, async (client) => {
    await assertHoverAt(client, file, text, 'Sheila Smith', /Sheila Smith/);
    await assertHoverAt(client, file, text, 'Harlan Weiss', /Harlan Weiss/);
    await assertHoverAt(client, file, text, 'Smith', /Sheila Smith/, 1);
  });
});

test('emoji, flags, ZWJ sequences and astral letters before a name: positions in UTF-16 code units, on disk and opened', async () => {
  const dir = tempFolder();
  const text = '👩‍💻🇯🇵 𝒜𝓃 𝕏 🎉🎉 Sheila Smith met 🐉 Harlan Weiss.\n😀 Smith said "👍".\n';
  const file = write(dir, 'emoji.txt', text);
  await withServer(dir, async (client) => {
    await assertHoverAt(client, file, text, 'Sheila Smith', /Sheila Smith/);
    await assertHoverAt(client, file, text, 'Harlan Weiss', /Harlan Weiss/);
    await assertHoverAt(client, file, text, 'Smith', /Sheila Smith/, 1);
    const edited = '🦄🦄🦄 ' + text;
    await openText(client, file, edited, 1);
    await assertHoverAt(client, file, edited, 'Harlan Weiss', /Harlan Weiss/);
  });
});

test('right-to-left (Arabic, Hebrew) and CJK text around English names', async () => {
  const dir = tempFolder();
  const text = 'قال Sheila Smith في طوكيو إن المحادثات جيدة.\nשלום Harlan Weiss אמר היום.\n東京で、Sheila Smith は Harlan Weiss と会談した。\n首相 Smith 说。\n';
  const file = write(dir, 'scripts.txt', text);
  await withServer(dir, async (client) => {
    await assertHoverAt(client, file, text, 'Sheila Smith', /Sheila Smith/);
    await assertHoverAt(client, file, text, 'Harlan Weiss', /Harlan Weiss/);
    await assertHoverAt(client, file, text, 'Sheila Smith', /Sheila Smith/, 1);
    await assertHoverAt(client, file, text, 'Harlan Weiss', /Harlan Weiss/, 1);
    const refs = await references(client, file, lspPositionOf(text, 'Harlan'));
    assert.equal(refs.length, 2);
    for (const r of refs) assert.equal(textAt(text, r.range), 'Harlan Weiss');
  });
});

test('empty, blank and one-word files answer empty, even at positions past their end', async () => {
  const dir = tempFolder();
  const files = { 'empty.txt': '', 'blank.md': '\n\n   \n', 'word.txt': 'Smith', 'name.md': 'Ishiba', 'bom.txt': '\uFEFF' };
  for (const [name, content] of Object.entries(files)) write(dir, name, content);
  const good = write(dir, 'good.txt', BODY);
  await withServer(dir, async (client) => {
    for (const name of Object.keys(files)) {
      const file = path.join(dir, name);
      for (const position of [{ line: 0, character: 0 }, { line: 0, character: 3 }, { line: 7, character: 99 }]) {
        await hover(client, file, position); // any answer, but an answer
        const refs = await references(client, file, position);
        assert.ok(Array.isArray(refs));
      }
    }
    // An empty document opened and typed into.
    const untitled = path.join(dir, 'new.txt');
    await openText(client, untitled, '', 1);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(untitled), version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'S' }] });
    assert.equal(await hover(client, untitled, { line: 0, character: 0 }), null);
    await assertHoverAt(client, good, BODY, 'Sheila Smith', /Sheila Smith/);
  });
});

test('5,000 tiny files are indexed quickly and all found by references', async () => {
  const dir = tempFolder();
  const count = 5000;
  for (let i = 0; i < count; i++) write(dir, path.join(`d${i % 50}`, `note-${i}.txt`), `Note ${i}: Sheila Smith called.\n`);
  const started = Date.now();
  await withServer(dir, async (client) => {
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 20_000, `indexed ${count} files in ${elapsed} ms`);
    const file = path.join(dir, 'd0', 'note-0.txt');
    const text = fs.readFileSync(file, 'utf8');
    const refs = await references(client, file, lspPositionOf(text, 'Smith'));
    assert.equal(new Set(refs.map((r) => r.uri)).size, count);
  });
});

test('symlink loops, self-links and dangling links are tolerated; each real file is indexed once', async () => {
  const dir = tempFolder();
  const a = write(dir, path.join('a', 'story.txt'), BODY);
  write(dir, path.join('a', 'b', 'deeper.txt'), 'Harlan Weiss met Sheila Smith again.\n');
  fs.symlinkSync('..', path.join(dir, 'a', 'b', 'up'));
  fs.symlinkSync(dir, path.join(dir, 'a', 'root'));
  fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
  fs.symlinkSync('ping.txt', path.join(dir, 'pong.txt'));
  fs.symlinkSync('pong.txt', path.join(dir, 'ping.txt'));
  fs.symlinkSync('missing.txt', path.join(dir, 'dangling.txt'));
  fs.symlinkSync('loop2', path.join(dir, 'loop1'));
  fs.symlinkSync('loop1', path.join(dir, 'loop2'));
  await withServer(dir, async (client) => {
    const refs = await references(client, a, lspPositionOf(BODY, 'Smith', 1));
    const uris = refs.map((r) => r.uri);
    const files = new Set(uris.map((u) => fs.realpathSync(new URL(u))));
    assert.deepEqual([...files].sort(), [path.join(dir, 'a', 'b', 'deeper.txt'), a].sort());
    assert.equal(new Set(uris).size, 2, `each file under one uri: ${[...new Set(uris)].join(', ')}`);
  });
});

test('an unreadable file and an unreadable folder are skipped with a log line (only meaningful when not root)', async (t) => {
  const dir = tempFolder();
  const secret = write(dir, 'secret.txt', BODY);
  write(dir, path.join('locked', 'inner.txt'), BODY);
  const good = write(dir, 'good.txt', BODY);
  fs.chmodSync(secret, 0o000);
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  const root = process.getuid?.() === 0;
  try {
    const client = await startServer(dir);
    try {
      await assertHoverAt(client, good, BODY, 'Sheila Smith', /Sheila Smith/);
      if (root) {
        t.diagnostic('running as root: mode 000 does not stop root from reading, so only "no crash" is checked here');
      } else {
        assert.equal(logsAbout(client, 'secret.txt').length, 1, client.logs.join('\n'));
        assert.match(logsAbout(client, 'secret.txt')[0], /permission denied/);
        assert.ok(client.logs.some((l) => /cannot read folder .*locked/.test(l)), client.logs.join('\n'));
        const refs = await references(client, good, lspPositionOf(BODY, 'Smith', 1));
        assert.deepEqual([...new Set(refs.map((r) => r.uri))], [uriOf(good)]);
      }
      assert.ok(isAlive(client));
    } finally {
      await client.stop();
    }
  } finally {
    fs.chmodSync(secret, 0o644);
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
    cleanup(dir);
  }
});

test('files deleted and renamed while the server indexes a big folder: it stays alive and answers', async () => {
  const dir = tempFolder();
  const paragraph = BODY.repeat(20);
  const count = 1500;
  const files: string[] = [];
  for (let i = 0; i < count; i++) files.push(write(dir, path.join(`part${i % 10}`, `story-${i}.txt`), `Story ${i}.\n` + paragraph));
  const keep = files[0];
  let stop = false;
  let deleted = 0;
  let renamed = 0;
  // Delete and rename files, and finally remove a whole sub-folder, while the server scans and reads.
  const vandal = (async () => {
    let i = count - 1;
    while (!stop && i > 1) {
      const file = files[i--];
      try {
        if (i % 3 === 0) {
          fs.renameSync(file, file.replace(/\.txt$/, '.moved.txt'));
          renamed++;
        } else {
          fs.unlinkSync(file);
          deleted++;
        }
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 1));
      if (i === Math.floor(count / 2)) fs.rmSync(path.join(dir, 'part9'), { recursive: true, force: true });
    }
  })();
  const client = await startServer(dir);
  try {
    stop = true;
    await vandal;
    assert.ok(deleted + renamed > 0);
    assert.ok(isAlive(client), 'alive after indexing a folder that changed under it');
    await assertHoverAt(client, keep, fs.readFileSync(keep, 'utf8'), 'Harlan Weiss', /Harlan Weiss/);
    // The editor then reports what happened; the index follows.
    const changes = files.slice(1).map((f) => ({ uri: uriOf(f), type: 3 }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    await client.connection.sendRequest('corroborate/whenIndexed');
    const text = fs.readFileSync(keep, 'utf8');
    const refs = await references(client, keep, lspPositionOf(text, 'Harlan Weiss'));
    for (const r of refs) assert.ok(fs.existsSync(new URL(r.uri)), `no reference into a vanished file: ${r.uri}`);
    assert.ok(isAlive(client));
  } finally {
    stop = true;
    await client.stop();
    cleanup(dir);
  }
});

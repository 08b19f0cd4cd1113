// Protocol tests: the built server over stdio, as an editor drives it: hover, references reaching files never
// opened, definition, highlights, edits followed by the index, user corrections with diagnostics.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, positionOf, startServer, uriOf, type TestClient } from './lspClient';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'workspace');

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-ws-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

interface HoverResult { contents: { value: string }; range: { start: { line: number; character: number } } }
interface Location { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

async function open(client: TestClient, file: string, version = 1): Promise<string> {
  const text = fs.readFileSync(file, 'utf8');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'plaintext', version, text } });
  return text;
}

test('hover on a bare surname says who the person is, from another source', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith') })) as HoverResult;
    assert.ok(hover, 'a hover is returned');
    assert.match(hover.contents.value, /Sheila Smith/);
    assert.match(hover.contents.value, /senior fellow at the Council on Foreign Relations/);
    assert.match(hover.contents.value, /Northgate Wire, line \d+/);
    assert.match(hover.contents.value, /\d+ mentions in 3 sources/);
  } finally {
    await client.stop();
  }
});

test('references list every mention in every source, including files never opened', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Ishiba Shigeru'), context: { includeDeclaration: true } })) as Location[];
    const files = new Set(refs.map((r) => path.basename(new URL(r.uri).pathname)));
    assert.deepEqual([...files].sort(), ['column.md', 'crlf-note.txt', 'wire-report.txt']);
    for (const ref of refs) {
      const source = fs.readFileSync(new URL(ref.uri), 'utf8').split('\n')[ref.range.start.line];
      const name = source.slice(ref.range.start.character, ref.range.end.character);
      assert.match(name, /Ishiba|Shigeru/, `range covers the name, got "${name}"`);
    }
  } finally {
    await client.stop();
  }
});

test('positions after an emoji are counted in UTF-16 code units', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const position = positionOf(text, 'Smith agreed');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position })) as HoverResult;
    assert.ok(hover, 'hover after the emoji');
    assert.equal(hover.range.start.character, position.character);
  } finally {
    await client.stop();
  }
});

test('definition jumps to the source that describes the person', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const def = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith') })) as Location;
    assert.ok(def.uri.endsWith('wire-report.txt'));
    const line = fs.readFileSync(path.join(dir, 'wire-report.txt'), 'utf8').split('\n')[def.range.start.line];
    assert.equal(line.slice(def.range.start.character, def.range.end.character), 'Sheila Smith');
  } finally {
    await client.stop();
  }
});

test('document highlights mark the entity in the current file only', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const highlights = (await client.connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith') })) as unknown[];
    assert.equal(highlights.length, 2);
  } finally {
    await client.stop();
  }
});

test('CRLF files give ranges on the right line and column', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'notes', 'crlf-note.txt');
    const text = fs.readFileSync(file, 'utf8');
    const position = positionOf(text, 'Smith');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position })) as HoverResult;
    assert.ok(hover, 'hover in a file never opened, with CRLF endings');
    assert.deepEqual(hover.range.start, position);
  } finally {
    await client.stop();
  }
});

test('the index follows unsaved edits, and closing restores the disk text', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const uri = uriOf(file);
    const edited = text + '\nMelania Trump hosted Akie Abe at dinner.\n';
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(edited, 'Akie Abe') })) as HoverResult;
    assert.match(hover.contents.value, /Akie Abe/);
    const trump = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(edited, 'Melania') })) as HoverResult;
    assert.match(trump.contents.value, /\*\*Melania Trump\*\*/);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.connection.sendRequest('corroborate/whenIndexed');
    const after = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(edited, 'Akie Abe') })) as HoverResult | null;
    assert.equal(after, null, 'the unsaved text is gone once the file is closed');
  } finally {
    await client.stop();
  }
});

test('files created and deleted on disk are followed through watched-file events', async () => {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    const added = path.join(dir, 'late.txt');
    fs.writeFileSync(added, 'Sheila Smith spoke to Harlan Weiss about the talks.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 1 }] });
    await client.connection.sendRequest('corroborate/whenIndexed');
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith'), context: { includeDeclaration: true } })) as Location[];
    assert.ok(refs.some((r) => r.uri === uriOf(added)), 'the new file is indexed');
    fs.unlinkSync(added);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 3 }] });
    await client.connection.sendRequest('corroborate/whenIndexed');
    const again = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith'), context: { includeDeclaration: true } })) as Location[];
    assert.ok(!again.some((r) => r.uri === uriOf(added)), 'the deleted file is gone');
  } finally {
    await client.stop();
  }
});

test('a note in .corroborate/entities.json comes first in the hover; a malformed file gets a diagnostic', async () => {
  const dir = copyFixture();
  fs.mkdirSync(path.join(dir, '.corroborate'));
  const config = path.join(dir, '.corroborate', 'entities.json');
  fs.writeFileSync(config, JSON.stringify({ entities: [{ name: 'Sheila Smith', note: 'Interviewed her in 2023.' }] }));
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith') })) as HoverResult;
    const value = hover.contents.value;
    assert.ok(value.indexOf('Interviewed her in 2023.') > 0 && value.indexOf('Interviewed her in 2023.') < value.indexOf('senior fellow'));
    fs.writeFileSync(config, '{ "entities": [ }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    await client.connection.sendRequest('corroborate/whenIndexed');
    const diags = client.diagnostics.get(uriOf(config)) as { message: string }[];
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /JSON/);
    const still = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith') })) as HoverResult;
    assert.match(still.contents.value, /Sheila Smith/, 'the server keeps working');
  } finally {
    await client.stop();
  }
});

test('binary and oversized files are skipped with a log line, not a crash', async () => {
  const dir = copyFixture();
  fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  fs.writeFileSync(path.join(dir, 'huge.txt'), 'Sheila Smith '.repeat(1000));
  const client = await startServer(dir, { initializationOptions: { settings: { maxFileSize: 5000 } } });
  try {
    assert.ok(client.logs.some((l) => /image\.txt: binary file/.test(l)), client.logs.join('\n'));
    assert.ok(client.logs.some((l) => /huge\.txt: larger than corroborate.maxFileSize/.test(l)));
    const file = path.join(dir, 'column.md');
    const text = await open(client, file);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'Smith') })) as HoverResult;
    assert.match(hover.contents.value, /Sheila Smith/);
  } finally {
    await client.stop();
  }
});

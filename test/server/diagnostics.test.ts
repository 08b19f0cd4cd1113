// Conflicts as diagnostics over the protocol: published for files never opened, with related information
// pointing at the other source; the quick fix that marks a conflict reviewed; severity and scope settings.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, startServer, uriOf } from './lspClient';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'conflicts');
interface Diag { message: string; severity: number; code: string; range: { start: { line: number } }; relatedInformation: { location: { uri: string }; message: string }[]; data: unknown }

function copy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-diag-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

test('every source gets its conflicts, opened or not, each pointing at the other source', async () => {
  const dir = copy();
  const client = await startServer(dir);
  try {
    const lantern = client.diagnostics.get(uriOf(path.join(dir, 'lantern.txt'))) as Diag[];
    const northgate = client.diagnostics.get(uriOf(path.join(dir, 'northgate.txt'))) as Diag[];
    assert.ok(lantern && northgate, 'both files have diagnostics without being opened');
    const figure = lantern.find((d) => d.code === 'figure')!;
    assert.equal(figure.severity, 2, 'a warning');
    assert.match(figure.message, /\$14\.1 billion.*\$14\.9 billion \(Northgate Wire\)/);
    assert.equal(figure.relatedInformation.length, 1);
    assert.equal(figure.relatedInformation[0].location.uri, uriOf(path.join(dir, 'northgate.txt')));
    assert.match(figure.relatedInformation[0].message, /Northgate Wire: \$14\.9 billion/);
    assert.ok(northgate.some((d) => d.code === 'quote-wording'));
  } finally {
    await client.stop();
  }
});

test('the quick fix writes the conflict into .corroborate/reviewed.json, and the diagnostic goes away', async () => {
  const dir = copy();
  const client = await startServer(dir);
  try {
    const uri = uriOf(path.join(dir, 'lantern.txt'));
    const figure = (client.diagnostics.get(uri) as Diag[]).find((d) => d.code === 'figure')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: figure.range, context: { diagnostics: [figure] } })) as { title: string; edit: { documentChanges: ({ kind?: string; uri?: string } & { edits?: { newText: string }[] })[] } }[];
    assert.equal(actions.length, 1);
    assert.match(actions[0].title, /reviewed/);
    const changes = actions[0].edit.documentChanges;
    assert.equal(changes[0].kind, 'create', 'creates the file when missing');
    const newText = changes[1].edits![0].newText;
    assert.ok(!fs.existsSync(path.join(dir, '.corroborate')), 'the server itself writes nothing');
    // Apply the edit as the editor would, then tell the server.
    fs.mkdirSync(path.join(dir, '.corroborate'));
    const reviewed = path.join(dir, '.corroborate', 'reviewed.json');
    fs.writeFileSync(reviewed, newText);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(reviewed), type: 1 }] });
    await client.connection.sendRequest('corroborate/whenIndexed');
    const after = client.diagnostics.get(uri) as Diag[];
    assert.ok(!after.some((d) => d.code === 'figure'), 'the reviewed conflict is hidden');
    assert.ok(after.some((d) => d.code === 'quote-wording'), 'the others remain');
  } finally {
    await client.stop();
  }
});

test('diagnostics follow an edit that resolves the disagreement', async () => {
  const dir = copy();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'lantern.txt');
    const uri = uriOf(file);
    const text = fs.readFileSync(file, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('$14.1 billion', '$14.9 billion') }] });
    await client.connection.sendRequest('corroborate/whenIndexed');
    assert.ok(!(client.diagnostics.get(uri) as Diag[]).some((d) => d.code === 'figure'));
    assert.ok(!(client.diagnostics.get(uriOf(path.join(dir, 'northgate.txt'))) as Diag[]).some((d) => d.code === 'figure'), 'the partner file is updated too');
  } finally {
    await client.stop();
  }
});

test('settings: a kind turned off, another raised to error, and open-files-only scope', async () => {
  const dir = copy();
  const settings = { diagnostics: { scope: 'openFiles' }, conflicts: { figures: 'error', quotes: 'off' } };
  const client = await startServer(dir, { configuration: settings });
  try {
    const lantern = uriOf(path.join(dir, 'lantern.txt'));
    assert.equal((client.diagnostics.get(lantern) ?? []).length, 0, 'nothing for files not open');
    const text = fs.readFileSync(path.join(dir, 'lantern.txt'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: lantern, languageId: 'plaintext', version: 1, text } });
    await client.connection.sendRequest('corroborate/whenIndexed');
    const diags = client.diagnostics.get(lantern) as Diag[];
    assert.ok(diags.every((d) => d.code === 'figure'), 'quotes are off');
    assert.equal(diags[0].severity, 1, 'figures are errors');
  } finally {
    await client.stop();
  }
});

test('a conflict reported by many sources points at 20 of them, and says how many more there are', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-diag-many-'));
  const article = (source: string, figure: string) => `title: The bid\nsource: ${source}\ndate: 2025-02-08\n\nAcme Steel's ${figure} bid for Harbor Metals remains frozen.\n`;
  for (let i = 0; i < 26; i++) fs.writeFileSync(path.join(dir, `wire-${String(i).padStart(2, '0')}.txt`), article(`Wire ${i}`, '$14.9 billion'));
  fs.writeFileSync(path.join(dir, 'odd.txt'), article('Odd Gazette', '$12.1 billion'));
  const client = await startServer(dir);
  try {
    const odd = (client.diagnostics.get(uriOf(path.join(dir, 'odd.txt'))) as Diag[]).find((d) => d.code === 'figure')!;
    assert.ok(odd, 'the odd source has the figure conflict');
    assert.equal(odd.relatedInformation.length, 20);
    assert.match(odd.relatedInformation[19].message, /\(and 6 more places: see the Conflicts view\)$/);
    const wire = (client.diagnostics.get(uriOf(path.join(dir, 'wire-00.txt'))) as Diag[]).find((d) => d.code === 'figure')!;
    assert.equal(wire.relatedInformation.length, 1, 'a source on the majority side points at the one that disagrees');
    assert.equal(wire.relatedInformation[0].location.uri, uriOf(path.join(dir, 'odd.txt')));
  } finally {
    await client.stop();
  }
});

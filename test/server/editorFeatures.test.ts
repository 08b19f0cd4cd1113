// Protocol tests of the editor features: outline, workspace symbols, code lens, semantic tokens and the custom
// requests behind the views (entities, mentions, sources, profile, conflicts, status, re-index, didChange).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, positionOf, startServer, uriOf, type TestClient } from './lspClient';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'workspace');

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Location { uri: string; range: Range }
interface DocumentSymbol { name: string; detail?: string; kind: number; range: Range; selectionRange: Range; children?: DocumentSymbol[] }
interface EntityInfo { id: string; kind: string; name: string; names: string[]; mentionCount: number; sourceCount: number; mentions?: (Location & { text: string })[] }

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-ws-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function withServer(run: (client: TestClient, dir: string) => Promise<void>): Promise<void> {
  const dir = copyFixture();
  const client = await startServer(dir);
  try {
    await run(client, dir);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const textAt = (file: string, r: Range) => fs.readFileSync(file, 'utf8').split('\n')[r.start.line].slice(r.start.character, r.end.character);
const entities = async (client: TestClient, withMentions = false) =>
  ((await client.connection.sendRequest('corroborate/entities', { withMentions })) as { entities: EntityInfo[] }).entities;
const entityNamed = async (client: TestClient, name: string) => {
  const found = (await entities(client)).find((e) => e.name === name);
  assert.ok(found, `no entity "${name}"`);
  return found;
};

test('document symbols group the source\'s people, organizations and places', async () => {
  await withServer(async (client, dir) => {
    const file = path.join(dir, 'wire-report.txt');
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(file) } })) as DocumentSymbol[];
    const groups = Object.fromEntries(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]));
    assert.ok(groups.People?.includes('Sheila Smith'), JSON.stringify(groups));
    assert.ok(groups.People?.some((n) => /Ishiba/.test(n)), JSON.stringify(groups));
    assert.ok(groups.Organizations?.includes('Council on Foreign Relations'), JSON.stringify(groups));
    assert.ok(groups.Places?.some((n) => /Washington|Tokyo/.test(n)), JSON.stringify(groups));
    const smith = symbols.find((s) => s.name === 'People')!.children!.find((c) => c.name === 'Sheila Smith')!;
    assert.equal(textAt(file, smith.selectionRange), 'Sheila Smith', 'the symbol points at the first mention');
    assert.match(smith.detail ?? '', /2 mentions here · \d+ mentions in 3 sources/);
  });
});

test('workspace symbols find an entity by any of its names, at its most descriptive mention', async () => {
  await withServer(async (client, dir) => {
    for (const query of ['smith', 'Sheila', 'sh sm', 'shsm']) {
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query })) as { name: string; location: Location }[];
      const smith = symbols.find((s) => s.name === 'Sheila Smith');
      assert.ok(smith, `"${query}" finds Sheila Smith: ${symbols.map((s) => s.name).join(', ')}`);
      assert.ok(smith.location.uri.endsWith('wire-report.txt'));
      assert.equal(textAt(path.join(dir, 'wire-report.txt'), smith.location.range), 'Sheila Smith');
    }
    for (const query of ['shigeru ishiba', 'ishiba shig']) {
      const byVariant = (await client.connection.sendRequest('workspace/symbol', { query })) as { name: string }[];
      assert.ok(byVariant.some((s) => /Ishiba/.test(s.name)), `word order does not matter: "${query}"`);
    }
    const none = (await client.connection.sendRequest('workspace/symbol', { query: 'zzzz' })) as unknown[];
    assert.equal(none.length, 0);
  });
});

test('code lens at an entity\'s first mention counts its mentions and lists them', async () => {
  await withServer(async (client, dir) => {
    const file = path.join(dir, 'column.md');
    const text = fs.readFileSync(file, 'utf8');
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf(file) } })) as
      { range: Range; command: { title: string; command: string; arguments: [string, Position, Location[]] } }[];
    const smith = lenses.filter((l) => l.command.title.startsWith('Sheila Smith'));
    assert.equal(smith.length, 1, 'one lens per entity');
    assert.match(smith[0].command.title, /^Sheila Smith · \d+ mentions in 3 sources$/);
    assert.deepEqual(smith[0].range.start, positionOf(text, 'Smith'), 'at the first mention');
    assert.equal(smith[0].command.command, 'corroborate.showMentions');
    const [uri, position, locations] = smith[0].command.arguments;
    assert.equal(uri, uriOf(file));
    assert.deepEqual(position, smith[0].range.start);
    assert.equal(new Set(locations.map((l) => l.uri)).size, 3);
  });
});

test('semantic tokens mark people, organizations and places with the legend\'s types', async () => {
  await withServer(async (client, dir) => {
    const file = path.join(dir, 'wire-report.txt');
    const text = fs.readFileSync(file, 'utf8');
    const { data } = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(file) } })) as { data: number[] };
    assert.equal(data.length % 5, 0);
    const lines = text.split('\n');
    const legend = ['person', 'organization', 'place', 'figure', 'quote'];
    const tokens: { text: string; type: string }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      tokens.push({ text: lines[line].slice(char, char + data[i + 2]), type: legend[data[i + 3]] });
    }
    assert.ok(tokens.some((t) => t.text === 'Sheila Smith' && t.type === 'person'), JSON.stringify(tokens));
    assert.ok(tokens.some((t) => t.text === 'Council on Foreign Relations' && t.type === 'organization'), JSON.stringify(tokens));
    assert.ok(tokens.some((t) => t.text === 'Tokyo' && t.type === 'place'), JSON.stringify(tokens));
  });
});

test('entities, their mentions and the sources answer the views', async () => {
  await withServer(async (client, dir) => {
    const smith = await entityNamed(client, 'Sheila Smith');
    assert.equal(smith.kind, 'person');
    assert.equal(smith.sourceCount, 3);
    assert.ok(smith.names.includes('Smith'));
    const { mentions } = (await client.connection.sendRequest('corroborate/entityMentions', { id: smith.id })) as { mentions: (Location & { text: string })[] };
    assert.equal(mentions.length, smith.mentionCount);
    for (const m of mentions) assert.match(textAt(new URL(m.uri).pathname, m.range) || m.text, /Smith/);
    const withMentions = await entities(client, true);
    assert.equal(withMentions.find((e) => e.id === smith.id)?.mentions?.length, smith.mentionCount);
    const { sources } = (await client.connection.sendRequest('corroborate/sources')) as { sources: { uri: string; title?: string; source?: string; date?: string; mentions: number }[] };
    assert.equal(sources.length, 3);
    const wire = sources.find((s) => s.uri.endsWith('wire-report.txt'));
    assert.deepEqual({ title: wire?.title, source: wire?.source, date: wire?.date }, { title: 'Alliance talks open in Washington', source: 'Northgate Wire', date: '2025-02-07' });
    assert.ok(wire!.mentions > 0);
    assert.deepEqual(sources.map((s) => s.date), ['2025-02-07', '2025-02-08', '2025-02-09'], 'sorted by date');
    const missing = (await client.connection.sendRequest('corroborate/entityMentions', { id: 'no-such-id' })) as { mentions: unknown[] };
    assert.deepEqual(missing.mentions, []);
    assert.ok(dir);
  });
});

test('the profile gathers descriptions, sources and a timeline by document date', async () => {
  await withServer(async (client) => {
    const smith = await entityNamed(client, 'Sheila Smith');
    const profile = (await client.connection.sendRequest('corroborate/profile', { id: smith.id })) as {
      name: string; descriptions: { text: string; source: string }[]; sources: { source: string; date?: string }[]; timeline: { date?: string; mentions: number }[]; quotes: unknown[];
    };
    assert.equal(profile.name, 'Sheila Smith');
    assert.ok(profile.descriptions.some((d) => /senior fellow at the Council on Foreign Relations/.test(d.text) && d.source === 'Northgate Wire'), JSON.stringify(profile.descriptions));
    assert.deepEqual(profile.timeline.map((t) => t.date), ['2025-02-07', '2025-02-08', '2025-02-09']);
    assert.equal(profile.timeline.reduce((n, t) => n + t.mentions, 0), smith.mentionCount);
    assert.ok(Array.isArray(profile.quotes));
    assert.equal(await client.connection.sendRequest('corroborate/profile', { id: 'no-such-id' }), null);
  });
});

test('conflicts and status answer (conflicts empty until the corpus finds them), re-index and didChange', async () => {
  await withServer(async (client, dir) => {
    const { conflicts } = (await client.connection.sendRequest('corroborate/conflicts')) as { conflicts: { id: string; claims: Location[]; messages: string[] }[] };
    assert.ok(Array.isArray(conflicts));
    for (const c of conflicts) assert.equal(c.claims.length, c.messages.length);
    const status = (await client.connection.sendRequest('corroborate/status')) as { sources: number; entities: number; conflicts: number; indexing: boolean };
    assert.deepEqual({ sources: status.sources, conflicts: status.conflicts, indexing: status.indexing }, { sources: 3, conflicts: conflicts.length, indexing: false });
    assert.ok(status.entities > 3);

    let changes = 0;
    client.connection.onNotification('corroborate/didChange', () => changes++);
    fs.writeFileSync(path.join(dir, 'new-source.txt'), 'source: Extra Wire\n\nSheila Smith spoke again in Osaka.\n');
    const reindexed = (await client.connection.sendRequest('corroborate/reindex')) as { sources: number };
    assert.equal(reindexed.sources, 4);
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(changes, 1, 'one debounced didChange after the re-index');
    assert.equal((await entityNamed(client, 'Sheila Smith')).sourceCount, 4);
  });
});

test('status says indexing while a re-index runs, not while a watched file is read again or a file closed', async () => {
  await withServer(async (client, dir) => {
    await client.connection.sendRequest('corroborate/whenIndexed');
    type Status = { entities: number; indexing: boolean };
    const status = () => client.connection.sendRequest('corroborate/status') as Promise<Status>;
    // Sent together: the re-index is asked for before the status is, and takes many turns of the event loop.
    const reindexed = client.connection.sendRequest('corroborate/reindex');
    const during = await status();
    await reindexed;
    assert.equal(during.indexing, true, JSON.stringify(during));
    // A file changed on disk is read again (I/O: pending when the status is asked for), which is not indexing.
    const wire = path.join(dir, 'wire-report.txt');
    fs.appendFileSync(wire, '\nSheila Smith spoke again.\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(wire), type: 2 }] });
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(wire), languageId: 'plaintext', version: 1, text: 'Draft.' } });
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(wire) } });
    const after = await status();
    assert.equal(after.indexing, false, JSON.stringify(after));
    assert.ok(after.entities > 0, `counted, not left at 0 as while indexing: ${JSON.stringify(after)}`);
  });
});

test('code lenses follow corroborate.codeLens.kinds: people and quotes by default, places when asked', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-lens-'));
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  const titles = async (configuration?: unknown) => {
    const client = await startServer(dir, { configuration });
    try {
      const uri = uriOf(path.join(dir, 'wire-report.txt'));
      const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[];
      return lenses.map((l) => l.command.title);
    } finally {
      await client.stop();
    }
  };
  const byDefault = await titles();
  assert.ok(byDefault.some((t) => t.startsWith('Sheila Smith')));
  assert.ok(!byDefault.some((t) => t.startsWith('Tokyo') || t.startsWith('White House')), byDefault.join(' | '));
  const withPlaces = await titles({ codeLens: { kinds: ['place'] } });
  assert.ok(withPlaces.some((t) => t.startsWith('Tokyo')), withPlaces.join(' | '));
  assert.ok(!withPlaces.some((t) => t.startsWith('Sheila Smith')));
});

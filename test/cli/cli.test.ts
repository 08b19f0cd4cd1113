// The command line on a fixture folder: `show` and `check` in text, JSON and SARIF, with their exit codes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as fs from 'fs';
import * as os from 'os';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'server', 'out', 'cli.js');
const CONFLICTS = path.join(REPO, 'test', 'fixtures', 'conflicts');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check prints each conflict with file:line:column and exits 1 when warnings fail the run', () => {
  const r = run('check', CONFLICTS);
  assert.equal(r.code, 1);
  assert.match(r.out, /lantern\.txt:5:\d+: This source gives \$14\.1 billion for Nippon Steel's bid; 1 other source gives \$14\.9 billion \(Northgate Wire\)/);
  assert.match(r.out, /2 conflicts in 2 sources/);
});

test('check --fail-on error exits 0 when conflicts are only warnings, 1 when a kind is raised to error', () => {
  assert.equal(run('check', CONFLICTS, '--fail-on', 'error').code, 0);
  assert.equal(run('check', CONFLICTS, '--fail-on', 'error', '--figures', 'error').code, 1);
});

test('check --format json lists conflicts with their places', () => {
  const r = run('check', CONFLICTS, '--format', 'json', '--fail-on', 'never');
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out);
  assert.equal(json.sources, 2);
  const figure = json.conflicts.find((c: { kind: string }) => c.kind === 'figure');
  assert.deepEqual(figure.places.map((p: { text: string }) => p.text).sort(), ['$14.1 billion', '$14.9 billion']);
  assert.ok(json.conflicts.some((c: { kind: string }) => c.kind === 'quote-wording'));
});

test('check --format sarif is SARIF 2.1.0 with related locations', () => {
  const r = run('check', CONFLICTS, '--format', 'sarif');
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const results = sarif.runs[0].results;
  assert.ok(results.length >= 4, 'one result per disputed place');
  for (const result of results) {
    assert.ok(['figure', 'date', 'quote-wording', 'quote-speaker'].includes(result.ruleId));
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    assert.ok(result.relatedLocations.length >= 1);
  }
});

test('a conflict listed in .corroborate/reviewed.json is no longer reported', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-'));
  fs.cpSync(CONFLICTS, dir, { recursive: true });
  const json = JSON.parse(run('check', dir, '--format', 'json').out);
  const figure = json.conflicts.find((c: { kind: string }) => c.kind === 'figure');
  fs.mkdirSync(path.join(dir, '.corroborate'));
  fs.writeFileSync(path.join(dir, '.corroborate', 'reviewed.json'), JSON.stringify({ reviewed: [{ id: figure.id, reason: 'checked with the company' }] }));
  const after = JSON.parse(run('check', dir, '--format', 'json').out);
  assert.equal(after.conflicts.length, json.conflicts.length - 1);
  assert.ok(!after.conflicts.some((c: { id: string }) => c.id === figure.id));
});

test('show lists entities by type with their other names and mention counts', () => {
  const r = run('show', CONFLICTS);
  assert.equal(r.code, 0);
  assert.match(r.out, /^2 sources, \d+ entities, 2 conflicts/);
  assert.match(r.out, /Eiji Hashimoto \(also Hashimoto\) — 2 mentions in 2 sources; "the chairman of Nippon Steel"/);
  const json = JSON.parse(run('show', CONFLICTS, '--json').out);
  assert.ok(json.some((e: { name: string; kind: string }) => e.name === 'Nippon Steel' && e.kind === 'organization'));
});

test('bad arguments print the usage and exit 2', () => {
  assert.equal(run('check', CONFLICTS, '--format', 'xml').code, 2);
  assert.equal(run('frobnicate').code, 2);
});

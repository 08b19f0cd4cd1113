#!/usr/bin/env node
// The command line, on the same core as the server: `corroborate show <folder>` prints the entities found,
// with their type, names and mentions per source.
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Corpus } from './core/corpus';
import { DEFAULT_INCLUDE, scanFolder } from './files/scan';
import { readSource } from './files/readSource';
import { promises as fs } from 'fs';

const USAGE = `usage: corroborate show <folder> [--json]`;

async function loadFolder(folder: string): Promise<{ corpus: Corpus; skipped: string[] }> {
  const corpus = new Corpus();
  const skipped: string[] = [];
  const files = await scanFolder(folder, { include: DEFAULT_INCLUDE, exclude: [] }, (p) => skipped.push(p));
  for (const file of files) {
    const read = await readSource(file, 5_000_000);
    if (read.ok) corpus.update({ uri: pathToFileURL(file).href, text: read.text, version: 1 });
    else skipped.push(`${path.relative(folder, file)}: ${read.reason}`);
  }
  const config = path.join(folder, '.corroborate', 'entities.json');
  const userText = await fs.readFile(config, 'utf8').catch(() => undefined);
  for (const problem of corpus.setUserEntities(userText)) skipped.push(`${config}: ${problem.message}`);
  return { corpus, skipped };
}

function show(corpus: Corpus, folder: string, json: boolean): void {
  const base = pathToFileURL(path.resolve(folder)).href + '/';
  const short = (uri: string) => decodeURIComponent(uri.startsWith(base) ? uri.slice(base.length) : uri);
  const entities = corpus.entities();
  if (json) {
    console.log(JSON.stringify(entities.map((e) => ({ id: e.id, kind: e.kind, name: e.canonical, names: e.names, mentions: e.mentions.length, sources: countBy(e.mentions.map((m) => short(m.uri))) })), null, 2));
    return;
  }
  const byKind = { person: 'People', organization: 'Organizations', place: 'Places' } as const;
  console.log(`${corpus.size} sources, ${entities.length} entities\n`);
  for (const kind of ['person', 'organization', 'place'] as const) {
    const list = entities.filter((e) => e.kind === kind);
    console.log(`${byKind[kind]} (${list.length})`);
    for (const e of list) {
      const sources = countBy(e.mentions.map((m) => short(m.uri)));
      const others = e.names.filter((n) => n !== e.canonical);
      const description = e.descriptions.find((d) => d.kind === 'appositive' || d.kind === 'title');
      console.log(`  ${e.canonical}${others.length ? ` (also ${others.join(', ')})` : ''} — ${e.mentions.length} mentions in ${Object.keys(sources).length} sources${description ? `; "${description.text}"` : ''}`);
    }
    console.log('');
  }
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
}

async function main(argv: string[]): Promise<number> {
  const [command, folder, ...rest] = argv;
  if (command !== 'show' || !folder) {
    console.error(USAGE);
    return 2;
  }
  const { corpus, skipped } = await loadFolder(folder);
  for (const s of skipped) console.error(`skipped ${s}`);
  show(corpus, folder, rest.includes('--json'));
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => { console.error(error); process.exitCode = 1; });

// Loads a folder into a Corpus for the command line: the same scan, decoding and .corroborate/ files as the server.
import * as path from 'path';
import { promises as fs } from 'fs';
import { pathToFileURL } from 'url';
import { Corpus } from '../core/corpus';
import { DEFAULT_INCLUDE, scanFolder } from '../files/scan';
import { readSource } from '../files/readSource';

export interface LoadedFolder {
  corpus: Corpus;
  /** One line per file or configuration problem skipped. */
  skipped: string[];
  /** Turns a uri back into a path relative to the folder, for output. */
  relative(uri: string): string;
}

export async function loadFolder(folder: string, maxFileSize = 5_000_000): Promise<LoadedFolder> {
  const root = path.resolve(folder);
  const corpus = new Corpus();
  const skipped: string[] = [];
  const files = await scanFolder(root, { include: DEFAULT_INCLUDE, exclude: [] }, (p) => skipped.push(p));
  for (const file of files) {
    const read = await readSource(file, maxFileSize);
    if (read.ok) corpus.update({ uri: pathToFileURL(file).href, text: read.text, version: 1 });
    else skipped.push(`${path.relative(root, file)}: ${read.reason}`);
  }
  const config = async (name: string) => fs.readFile(path.join(root, '.corroborate', name), 'utf8').catch(() => undefined);
  for (const problem of corpus.setUserEntities(await config('entities.json'))) skipped.push(`.corroborate/entities.json: ${problem.message}`);
  for (const problem of corpus.setReviewed(await config('reviewed.json'))) skipped.push(`.corroborate/reviewed.json: ${problem.message}`);
  const base = pathToFileURL(root).href + '/';
  return { corpus, skipped, relative: (uri) => decodeURIComponent(uri.startsWith(base) ? uri.slice(base.length) : uri) };
}

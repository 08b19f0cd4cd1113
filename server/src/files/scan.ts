// Finds the source files of a folder: include / exclude globs, `.git` and `node_modules` skipped, symlink
// loops and unreadable folders tolerated. Used by the command line and by the server's workspace.
import { promises as fs } from 'fs';
import * as path from 'path';
import { Minimatch } from 'minimatch';

export interface ScanOptions {
  include: string[];
  exclude: string[];
}

export const DEFAULT_INCLUDE = ['**/*.txt', '**/*.md'];
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.corroborate', '.hg', '.svn']);

export function matchesSource(relativePath: string, options: ScanOptions): boolean {
  const rel = relativePath.split(path.sep).join('/');
  if (rel.split('/').some((part) => ALWAYS_SKIPPED.has(part))) return false;
  return matchersOf(options).include.some((m) => m.match(rel)) && !excluded(rel, options);
}

/** Left out by the exclude globs, as itself or as a folder's contents (`rel`: with forward slashes). */
function excluded(rel: string, options: ScanOptions): boolean {
  return matchersOf(options).exclude.some((m) => m.match(rel) || m.match(rel + '/'));
}

interface Matchers { include: Minimatch[]; exclude: Minimatch[] }
const MATCH_OPTIONS = { dot: true, nocase: false, matchBase: false };
/** Globs compiled once per set of settings, not once per file (10,000 files compiled them 40,000 times). */
const compiled = new Map<string, Matchers>();

function matchersOf(options: ScanOptions): Matchers {
  const key = JSON.stringify([options.include, options.exclude]);
  let matchers = compiled.get(key);
  if (!matchers) {
    if (compiled.size >= 16) compiled.clear();
    matchers = { include: options.include.map((g) => new Minimatch(g, MATCH_OPTIONS)), exclude: options.exclude.map((g) => new Minimatch(g, MATCH_OPTIONS)) };
    compiled.set(key, matchers);
  }
  return matchers;
}

/** Every matching file below `root`, as absolute paths, sorted. Problems are reported, never thrown. */
export async function scanFolder(root: string, options: ScanOptions, onProblem: (message: string) => void = () => undefined): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (error) {
      onProblem(`cannot resolve ${dir}: ${(error as Error).message}`);
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      onProblem(`cannot read folder ${dir}: ${(error as Error).message}`);
      return;
    }
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = await fs.stat(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue;
        }
      }
      const rel = path.relative(root, full);
      if (isDir) {
        if (!excluded(rel.split(path.sep).join('/'), options)) await walk(full);
      } else if (isFile && matchesSource(rel, options)) {
        found.push(full);
      }
    }
  };
  await walk(root);
  return found.sort();
}

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
  return isSource(rel, matchersOf(options));
}

/** Taken by an include glob and left out by no exclude glob (`rel`: with forward slashes). */
function isSource(rel: string, matchers: Matchers): boolean {
  return matchers.include.some((m) => m(rel)) && !isExcluded(rel, matchers);
}

/** Left out by the exclude globs, as itself or as a folder's contents (`rel`: with forward slashes). */
function isExcluded(rel: string, matchers: Matchers): boolean {
  return matchers.exclude.some((m) => m(rel) || m(rel + '/'));
}

type Matcher = (rel: string) => boolean;
interface Matchers { include: Matcher[]; exclude: Matcher[] }
const MATCH_OPTIONS = { dot: true, nocase: false, matchBase: false };
/** Globs compiled once per set of settings, not once per file (10,000 files compiled them 40,000 times). */
const compiled = new Map<string, Matchers>();

function matchersOf(options: ScanOptions): Matchers {
  const key = JSON.stringify([options.include, options.exclude]);
  let matchers = compiled.get(key);
  if (!matchers) {
    if (compiled.size >= 16) compiled.clear();
    matchers = { include: options.include.map(compileGlob), exclude: options.exclude.map(compileGlob) };
    compiled.set(key, matchers);
  }
  return matchers;
}

/**
 * A glob as a test of a relative path. The two shapes the defaults use, any file of one extension (`**` `/*.txt`,
 * ours) and anything of one name (`**` `/.git`, VS Code's `files.exclude`), are tested on the last part of the path,
 * as minimatch (with `dot`) tests them: a scan of 10,000 files spent most of its time in minimatch. Any other glob
 * goes to minimatch.
 */
export function compileGlob(glob: string): Matcher {
  const byExtension = /^\*\*\/\*(\.[A-Za-z0-9_-]+)$/.exec(glob);
  if (byExtension) {
    const suffix = byExtension[1];
    return (rel) => lastPart(rel).endsWith(suffix);
  }
  const byName = /^\*\*\/([A-Za-z0-9_.-]+)$/.exec(glob);
  if (byName && byName[1] !== '.' && byName[1] !== '..') {
    const name = byName[1];
    return (rel) => lastPart(rel) === name;
  }
  const m = new Minimatch(glob, MATCH_OPTIONS);
  return (rel) => m.match(rel);
}

/** The last part of a path with forward slashes (a trailing slash, marking a folder, left out). */
function lastPart(rel: string): string {
  const end = rel.endsWith('/') ? rel.length - 1 : rel.length;
  return rel.slice(rel.lastIndexOf('/', end - 1) + 1, end);
}

/** Every matching file below `root`, as absolute paths, sorted. Problems are reported, never thrown. */
export async function scanFolder(root: string, options: ScanOptions, onProblem: (message: string) => void = () => undefined): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const matchers = matchersOf(options);
  /** `rel`: the folder's path relative to `root`, with forward slashes ('' for the root). */
  const walk = async (dir: string, rel: string): Promise<void> => {
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
      const relative = rel ? `${rel}/${entry.name}` : entry.name;
      if (isDir) {
        if (!isExcluded(relative, matchers)) await walk(full, relative);
      } else if (isFile && isSource(relative, matchers)) {
        found.push(full);
      }
    }
  };
  await walk(root, '');
  return found.sort();
}

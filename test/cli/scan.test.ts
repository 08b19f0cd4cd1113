// Which files of a folder are sources: the include and exclude globs (matched on paths relative to the folder),
// folders that are always skipped, and a symlink loop.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const { scanFolder, matchesSource, DEFAULT_INCLUDE } = require(path.join(REPO, 'server', 'out', 'files', 'scan')) as typeof import('../../server/src/files/scan');

function folder(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-scan-'));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), 'Text.\n');
  }
  return root;
}

const relative = (root: string, found: string[]) => found.map((f) => path.relative(root, f).split(path.sep).join('/'));

test('the default globs take .txt and .md at any depth, never .git, node_modules or .corroborate', async () => {
  const root = folder(['a.txt', 'notes/b.md', 'deep/er/c.txt', 'd.pdf', '.git/e.txt', 'node_modules/x/f.txt', '.corroborate/g.md', '.hidden/h.txt']);
  const found = await scanFolder(root, { include: DEFAULT_INCLUDE, exclude: [] });
  assert.deepEqual(relative(root, found), ['.hidden/h.txt', 'a.txt', 'deep/er/c.txt', 'notes/b.md']);
});

test('exclude globs leave out files and whole folders; a narrower include takes only what it names', async () => {
  const root = folder(['keep/a.txt', 'drafts/b.txt', 'drafts/old/c.txt', 'keep/d.md', 'keep/e-draft.txt']);
  const excluded = await scanFolder(root, { include: DEFAULT_INCLUDE, exclude: ['drafts/**', '**/*-draft.txt'] });
  assert.deepEqual(relative(root, excluded), ['keep/a.txt', 'keep/d.md']);
  const mdOnly = await scanFolder(root, { include: ['**/*.md'], exclude: [] });
  assert.deepEqual(relative(root, mdOnly), ['keep/d.md']);
  // The same settings asked again, and other settings after them, each answer for themselves.
  assert.equal(matchesSource(path.join('drafts', 'b.txt'), { include: DEFAULT_INCLUDE, exclude: ['drafts/**'] }), false);
  assert.equal(matchesSource(path.join('drafts', 'b.txt'), { include: DEFAULT_INCLUDE, exclude: [] }), true);
  assert.equal(matchesSource('b.txt', { include: ['#comment'], exclude: [] }), false);
});

test('a symlink loop is followed once', async (t) => {
  const root = folder(['a/b.txt']);
  try {
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'loop'));
  } catch {
    t.skip('no symlinks here');
    return;
  }
  const found = await scanFolder(root, { include: DEFAULT_INCLUDE, exclude: [] });
  assert.deepEqual(relative(root, found), ['a/b.txt']);
});

test('the globs tested without minimatch (`**` + `/*.ext`, `**` + `/name`) answer as minimatch does', () => {
  const { compileGlob } = require(path.join(REPO, 'server', 'out', 'files', 'scan')) as typeof import('../../server/src/files/scan');
  const { minimatch } = require('minimatch') as typeof import('minimatch');
  const globs = ['**/*.txt', '**/*.md', '**/.git', '**/CVS', '**/.DS_Store', '**/node_modules', '**/a.b-c_d'];
  const paths = ['a.txt', '.txt', 'x/.txt', 'a/b/c.txt', 'a.txt/b', 'a/b.txt/', 'a.TXT', 'a.txt.bak', 'notes.md', 'x.mdx', '.git', 'a/.git', 'a/.git/',
    'a/.git/x', '.gitignore', 'a/.github', 'CVS', 'x/CVS/', 'x/cvs', 'deep/er/.DS_Store', 'node_modules/x', 'a/node_modules', 'a.b-c_d', 'z/a.b-c_d/', 'a.b-c_dd', ''];
  let compared = 0;
  for (const glob of globs) {
    const fast = compileGlob(glob);
    for (const p of paths) {
      assert.equal(fast(p), minimatch(p, glob, { dot: true, nocase: false, matchBase: false }), `${glob} on '${p}'`);
      compared++;
    }
  }
  assert.equal(compared, globs.length * paths.length);
});

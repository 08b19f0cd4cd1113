// node:test: Neovim (a second, independent LSP client) gets hover and references for "Smith" from the server.
import test from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const SERVER = path.join(REPO_ROOT, 'server/out/server.js');
const LUA = path.join(REPO_ROOT, 'test/editor/neovim/hover.lua');

/** Example files (recursively) that mention "Smith"; the ones that never say "Sheila Smith" come first. */
function smithFiles(dir: string): string[] {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(txt|md)$/.test(f) && !f.split(path.sep).includes('node_modules')).sort()
    .map((f) => path.join(dir, f)).filter((f) => /\bSmith\b/.test(fs.readFileSync(f, 'utf8')));
  const full = (f: string) => fs.readFileSync(f, 'utf8').includes('Sheila Smith');
  return [...files.filter((f) => !full(f)), ...files.filter(full)];
}

test('Neovim LSP client: hover and references on "Smith"', { timeout: 150_000 }, async (t) => {
  if (spawnSync('nvim', ['--version']).status !== 0) {
    if (process.env.CI) assert.fail('nvim not installed: run scripts/install-editor-deps.sh');
    t.skip('nvim not installed: run scripts/install-editor-deps.sh');
    return;
  }
  assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build`);
  const [file] = smithFiles(EXAMPLES);
  assert.ok(file, `no example under ${EXAMPLES} mentions "Smith"`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-nvim-'));
  const out = path.join(tmp, 'result.json');
  try {
    const env = { ...process.env, CORROBORATE_SERVER: SERVER, CORROBORATE_ROOT: EXAMPLES, CORROBORATE_FILE: file,
      CORROBORATE_OUT: out, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CACHE_HOME: tmp, XDG_CONFIG_HOME: tmp };
    const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA}`],
      { cwd: EXAMPLES, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    nvim.stdout.on('data', (d) => { stderr += d; });
    nvim.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => nvim.kill('SIGKILL'), 120_000);
    const code = await new Promise<number | null>((resolve) => nvim.on('close', resolve));
    clearTimeout(timer);
    const result = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
    assert.equal(code, 0, `nvim exited with ${code}: ${result.error ?? ''}\n${stderr.slice(-2000)}`);
    const files = new Set((result.references ?? []).map((r: { uri: string }) => r.uri));
    console.log(`nvim: ${path.relative(REPO_ROOT, file)}:${result.line + 1}:${result.character + 1} hover=${JSON.stringify(result.hover)}; ` +
      `${result.references?.length ?? 0} references in ${files.size} file(s)`);
    assert.ok(String(result.hover).includes('Sheila Smith'), `hover does not name Sheila Smith: ${JSON.stringify(result.hover)}`);
    assert.ok(files.size >= 2, `references span ${files.size} file(s): ${[...files].join(', ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

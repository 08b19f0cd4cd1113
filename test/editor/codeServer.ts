// Runs the extension's Mocha suite in a real VS Code extension host: code-server + Debian chromium via playwright-core.
import { spawn, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Browser } from 'playwright-core';

export const REPO_ROOT = findRepoRoot(__dirname);
export const CODE_SERVER_BIN = path.join(REPO_ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
export const CHROMIUM_BIN = process.env.CORROBORATE_CHROMIUM ?? '/usr/bin/chromium';
// Workbench start-up chatter that the browser console forwards along with the extension host's output.
const CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|ChatSessionStore:)/;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export interface RunOptions {
  workspace?: string;                 // folder to open; default examples/
  extensionDevelopmentPath?: string;  // default: the repo root
  extensionTestsPath?: string;        // default: test/out/editor/suite/index.js
  timeoutMs?: number;                 // default 180 s
  screenshot?: string | false;        // default test/out/screenshots/workbench.png
  env?: Record<string, string>;       // extra env for code-server (and so the extension host)
}
export interface RunResult { exitCode: number; log: string; serverLog: string; seconds: number; screenshot?: string; screenshots: string[] }

/**
 * The suite asks for a screenshot by logging `[corroborate-screenshot] <name>` (see suite/screenshots.ts): the runner
 * captures the page into $CORROBORATE_SCREENSHOTS/<name>.png, and the suite waits for that file to appear.
 */
export const SCREENSHOT_REQUEST = /^\[corroborate-screenshot\] ([\w.-]+)$/;

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'client'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repo root above ${from}`);
  }
}

/** Why the code-server run is impossible here, or undefined when code-server and chromium are installed. */
export function missingEditorDeps(): string | undefined {
  const missing = [CODE_SERVER_BIN, CHROMIUM_BIN].filter((p) => !fs.existsSync(p));
  return missing.length ? `missing ${missing.join(' and ')}` : undefined;
}

/** Starts code-server on 127.0.0.1:0 and resolves with its base URL once it listens. */
function startCodeServer(tmp: string, env: Record<string, string>, out: string[]): Promise<{ proc: ChildProcess; url: string }> {
  // Quiet user settings, so the screenshot shows the editor rather than start-up notifications.
  fs.mkdirSync(path.join(tmp, 'user-data/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data/User/settings.json'), JSON.stringify({ 'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never', 'workbench.startupEditor': 'none', 'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false }));
  const args = ['--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];
  const proc = spawn(CODE_SERVER_BIN, args, {
    detached: true, // own process group, so the extension host and the server dies with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_CONFIG_HOME: path.join(tmp, 'config'),
      XDG_DATA_HOME: path.join(tmp, 'data'), XDG_CACHE_HOME: path.join(tmp, 'cache'), ...env },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within 60 s:\n${out.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out.push(chunk.toString());
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out.join(''));
      if (m) { clearTimeout(timer); resolve({ proc, url: m[1] }); }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('error', (err) => { clearTimeout(timer); reject(err); });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited (${code}):\n${out.join('')}`)); });
  });
}

function killGroup(proc: ChildProcess | undefined): Promise<void> {
  if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => { try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* gone */ } resolve(); }, 3000);
    proc.once('exit', () => { clearTimeout(force); try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* gone */ } resolve(); });
    try { process.kill(-proc.pid!, 'SIGTERM'); } catch { clearTimeout(force); resolve(); }
  });
}

export async function runInCodeServer(opts: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  const workspace = path.resolve(opts.workspace ?? path.join(REPO_ROOT, 'examples'));
  const devPath = path.resolve(opts.extensionDevelopmentPath ?? REPO_ROOT);
  const testsPath = path.resolve(opts.extensionTestsPath ?? path.join(REPO_ROOT, 'test/out/editor/suite/index.js'));
  const shot = opts.screenshot === false ? undefined
    : path.resolve(opts.screenshot ?? path.join(REPO_ROOT, 'test/out/screenshots/workbench.png'));
  const shotDir = path.dirname(shot ?? path.join(REPO_ROOT, 'test/out/screenshots/workbench.png'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-code-server-'));
  const screenshots: string[] = [];
  const log: string[] = [];
  const serverOut: string[] = [];
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let exitCode = -1;
  let screenshot: string | undefined;
  try {
    fs.mkdirSync(shotDir, { recursive: true });
    const started_ = await startCodeServer(tmp, { CORROBORATE_SCREENSHOTS: shotDir, ...opts.env }, serverOut);
    server = started_.proc;
    const host = new URL(started_.url).host;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let onExit!: (code: number) => void;
    const exited = new Promise<number>((r) => { onExit = r; });
    await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args])).replace(/\t/g, '    '); // Mocha logs printf-style ('%s (%dms)', ...)
      const wanted = SCREENSHOT_REQUEST.exec(line.trim());
      if (wanted) {
        // Not awaited: the page is waiting for this callback to return.
        const file = path.join(shotDir, `${wanted[1]}.png`);
        void page.screenshot({ path: file }).then(() => screenshots.push(file), (err: Error) => log.push(`[runner] screenshot ${wanted[1]} failed: ${err.message}`));
        return;
      }
      if (!CHATTER.test(line)) log.push(type === 'info' ? line : `[${type}] ${line}`);
    });
    page.on('pageerror', (err) => serverOut.push(`[page error] ${err.message}\n`));
    const remote = (p: string) => `vscode-remote://${host}${p}`;
    const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']];
    await page.goto(`${started_.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeoutMs = opts.timeoutMs ?? 180_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((r) => { timer = setTimeout(() => r(-1), timeoutMs); });
    exitCode = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (exitCode === -1) log.push(`[runner] no exit code from the extension host within ${timeoutMs / 1000} s`);
    if (shot) {
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      screenshot = await page.screenshot({ path: shot }).then(() => shot, () => undefined);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await killGroup(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { exitCode, log: log.join('\n'), serverLog: serverOut.join(''), seconds: (Date.now() - started) / 1000, screenshot, screenshots };
}

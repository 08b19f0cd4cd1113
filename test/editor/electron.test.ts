// Opt-in (CORROBORATE_ELECTRON=1) desktop VS Code runner via @vscode/test-electron; skips when the download is impossible.
import test from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer';

const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|Failed to (download|get)/i;

test('editor suite passes in desktop VS Code (@vscode/test-electron)', { timeout: 600_000 }, async (t) => {
  if (process.env.CORROBORATE_ELECTRON !== '1') {
    t.skip('opt-in: set CORROBORATE_ELECTRON=1 to run in desktop VS Code');
    return;
  }
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode();
  } catch (err) {
    const msg = String((err as Error)?.message ?? err);
    if (!OFFLINE.test(msg)) throw err;
    t.skip(`VS Code could not be downloaded (offline?): ${msg.split('\n')[0]}`);
    return;
  }
  const exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(REPO_ROOT, 'test/out/editor/suite/index.js'),
    launchArgs: [path.join(REPO_ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  }).catch((err) => (typeof err?.code === 'number' ? err.code : Promise.reject(err)));
  assert.equal(exitCode, 0);
});

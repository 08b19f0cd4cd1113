// node:test entry: runs the Mocha editor suite (test/editor/suite) in code-server's real extension host.
import test from 'node:test';
import * as assert from 'node:assert/strict';
import { missingEditorDeps, runInCodeServer } from './codeServer';

test('editor suite passes in a real VS Code extension host (code-server)', { timeout: 300_000 }, async (t) => {
  const missing = missingEditorDeps();
  if (missing) {
    if (process.env.CI) assert.fail(`code-server/chromium not installed (${missing}): run scripts/install-editor-deps.sh`);
    t.skip('code-server not installed: run scripts/install-editor-deps.sh');
    return;
  }
  const result = await runInCodeServer();
  const shots = [result.screenshot, ...result.screenshots].filter(Boolean);
  const where = shots.length ? `, screenshots ${shots.join(', ')}` : '';
  console.log(`--- extension host log (${result.seconds.toFixed(1)} s${where}) ---\n${result.log}\n--- end ---`);
  if (result.exitCode !== 0) console.log(`--- code-server output ---\n${result.serverLog.slice(-4000)}`);
  assert.equal(result.exitCode, 0, `editor suite exited with ${result.exitCode} (log above)`);
});

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
  assert.equal(result.exitCode, 0, `editor suite exited with ${result.exitCode}:\n${failureReport(result.log)}`);
});

/** Mocha's list of failures ("N failing" onward), or the log's last lines when it has none (a hang, a crash). */
function failureReport(log: string): string {
  const at = log.search(/^\s*\d+ failing\b/m);
  const report = at >= 0 ? log.slice(at) : log.split('\n').slice(-30).join('\n');
  return report.length > 4000 ? `${report.slice(0, 4000)}\n[…]` : report;
}

// Asks the code-server runner for a screenshot of the workbench (test/out/screenshots/<name>.png) and waits for it;
// does nothing outside the runner (desktop VS Code), where CORROBORATE_SCREENSHOTS is not set.
import * as fs from 'node:fs';
import * as path from 'node:path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function screenshot(name: string, settleMs = 1200): Promise<string | undefined> {
  const dir = process.env.CORROBORATE_SCREENSHOTS;
  if (!dir) return undefined;
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  await sleep(settleMs); // let the workbench paint
  console.log(`[corroborate-screenshot] ${name}`);
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(200)) {
    if (fs.existsSync(file)) {
      await sleep(300);
      return file;
    }
  }
  console.log(`screenshot ${name} was not taken within 15 s`);
  return undefined;
}

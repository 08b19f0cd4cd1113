// Mocha entry point loaded by the VS Code extension host (extensionTestsPath): runs every *.test.js next to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
// mocha 10 is CommonJS; require keeps this working if the types and the runtime disagree on default exports.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Mocha: typeof import('mocha') = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000 });
  const only = process.env.CORROBORATE_EDITOR_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}

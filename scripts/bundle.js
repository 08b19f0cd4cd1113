// Bundles the extension and the language server with esbuild into dist/: one file each, no node_modules needed.
// Part of `npm run build`; the extension (package.json "main") and the .vsix use these bundles, while
// `node server/out/server.js --stdio` (tsc's output) stays available for any other LSP client.
'use strict';
const esbuild = require('esbuild');

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, minify: true, logLevel: 'warning' };
Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The analysis pool's worker thread, found next to the server (server/src/lsp/analysisPool.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
]).catch(() => process.exit(1));

// Bundles the extension and the language server with esbuild for the .vsix: one file each, no node_modules.
// Run by `npm run package`; overwrites the tsc outputs client/out/extension.js and server/out/{server,cli}.js.
'use strict';
const esbuild = require('esbuild');

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, minify: true, logLevel: 'info' };
Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' }),
]).catch(() => process.exit(1));

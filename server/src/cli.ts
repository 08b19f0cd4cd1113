#!/usr/bin/env node
// The command line, on the same core as the server:
//   corroborate show <folder> [--json]
//   corroborate check <folder> [--format text|json|sarif] [--fail-on warning|error|never] [--figures|--dates|--quotes error|warning|note|off]
import './jitTuning';
import { loadFolder } from './cli/loadFolder';
import { show } from './cli/show';
import { check, type CheckOptions, type Level } from './cli/check';

const USAGE = `usage:
  corroborate show <folder> [--json]
  corroborate check <folder> [--format text|json|sarif] [--fail-on warning|error|never] [--figures|--dates|--quotes error|warning|note|off]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function parseCheck(args: string[]): CheckOptions | string {
  const format = option(args, '--format') ?? 'text';
  const failOn = option(args, '--fail-on') ?? 'warning';
  if (!['text', 'json', 'sarif'].includes(format)) return `--format must be text, json or sarif, not "${format}"`;
  if (!['warning', 'error', 'never'].includes(failOn)) return `--fail-on must be warning, error or never, not "${failOn}"`;
  const levels = { figures: 'warning', dates: 'warning', quotes: 'warning' } as Record<'figures' | 'dates' | 'quotes', Level>;
  for (const kind of ['figures', 'dates', 'quotes'] as const) {
    const value = option(args, `--${kind}`);
    if (value === undefined) continue;
    if (!['error', 'warning', 'note', 'off'].includes(value)) return `--${kind} must be error, warning, note or off, not "${value}"`;
    levels[kind] = value as Level;
  }
  return { format: format as CheckOptions['format'], failOn: failOn as CheckOptions['failOn'], levels };
}

async function main(argv: string[]): Promise<number> {
  const [command, folder, ...rest] = argv;
  if (!folder || (command !== 'show' && command !== 'check')) {
    console.error(USAGE);
    return 2;
  }
  const options = command === 'check' ? parseCheck(rest) : undefined;
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const loaded = await loadFolder(folder);
  for (const s of loaded.skipped) console.error(`skipped ${s}`);
  if (command === 'show') {
    console.log(show(loaded, rest.includes('--json')));
    return 0;
  }
  const result = check(loaded, options!);
  console.log(result.output);
  return result.exitCode;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => { console.error(error); process.exitCode = 1; });

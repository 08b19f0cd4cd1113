// Shared helpers of the robustness tests: temporary workspaces, hashing a whole folder, LSP shortcuts.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, uriOf, type TestClient } from '../server/lspClient';

export const FIXTURE = path.join(REPO, 'test', 'fixtures', 'workspace');

export interface HoverResult { contents: { value: string }; range: { start: { line: number; character: number }; end: { line: number; character: number } } }
export interface Location { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

/** A fresh empty folder in the system temp dir, removed by `cleanup`. */
export function tempFolder(prefix = 'corroborate-robust-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function copyFixture(): string {
  const dir = tempFolder('corroborate-ws-');
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

export function cleanup(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
}

/** Every entry below `dir` (files, folders, symlinks) with a hash of its content and its mtime. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full);
      const st = fs.lstatSync(full);
      if (e.isSymbolicLink()) out.set(rel, `link:${fs.readlinkSync(full)}`);
      else if (e.isDirectory()) {
        out.set(rel + '/', 'dir');
        walk(full);
      } else {
        let hash = 'unreadable';
        try {
          hash = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
        } catch {
          /* mode 000 as a non-root user */
        }
        out.set(rel, `${hash}:${st.size}:${st.mtimeMs}:${st.mode}`);
      }
    }
  };
  walk(dir);
  return out;
}

/** Differences between two snapshots, as readable lines (empty when nothing changed). */
export function diffSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of before) if (!after.has(k)) out.push(`deleted ${k}`);
  else if (after.get(k) !== v) out.push(`changed ${k}`);
  for (const k of after.keys()) if (!before.has(k)) out.push(`created ${k}`);
  return out;
}

export async function openText(client: TestClient, file: string, text: string, version = 1, languageId = 'plaintext'): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version, text } });
}

export function hover(client: TestClient, file: string, position: { line: number; character: number }): Promise<HoverResult | null> {
  return client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position }) as Promise<HoverResult | null>;
}

export function references(client: TestClient, file: string, position: { line: number; character: number }): Promise<Location[]> {
  return client.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf(file) }, position, context: { includeDeclaration: true } }) as Promise<Location[]>;
}

/** The LSP position of a needle: the protocol tests' own function, which counts lone CRs as line ends. */
export { positionOf as lspPositionOf } from '../server/lspClient';

/** The text a range covers, with LSP line counting (see lspPositionOf). */
export function textAt(text: string, range: Location['range']): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return text.slice(starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character);
}

export async function debugStats(client: TestClient): Promise<{ pid: number; memory: NodeJS.MemoryUsage; activeResources: number; resources: string[]; sources: number }> {
  return client.connection.sendRequest('corroborate/debugStats') as never;
}

export function isAlive(client: TestClient): boolean {
  return client.process.exitCode === null && client.process.signalCode === null;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` with extra environment variables for the servers it spawns, then restores the environment. */
export async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

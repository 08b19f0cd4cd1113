// Reads one source file from disk for the index: size limit, decoding, and a clear reason when it is skipped.
// A file that vanishes or cannot be read is a skip with a reason, never an exception.
import { promises as fs } from 'fs';
import { decodeSource } from './decode';
import { formatCount } from '../core/counts';

/** Why a file above corroborate.maxFileSize is skipped. */
const tooLarge = (size: number, maxBytes: number): string => `larger than corroborate.maxFileSize (${formatCount(size)} > ${formatCount(maxBytes)} bytes)`;

const NOT_A_FILE = 'not a regular file';

/** Why a file with this stat is not read (not a regular file, too large), or undefined when it is. */
export function statSkip(stat: { isFile(): boolean; size: number }, maxBytes: number): string | undefined {
  if (!stat.isFile()) return NOT_A_FILE;
  if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
  return undefined;
}

export type ReadResult = { ok: true; text: string; note?: string; mtimeMs: number; size: number } | { ok: false; reason: string };

export async function readSource(file: string, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    const skip = statSkip(stat, maxBytes);
    if (skip) return { ok: false, reason: skip };
    const bytes = await fs.readFile(file);
    const decoded = decodeSource(bytes);
    if (!decoded.ok) return decoded;
    return { ok: true, text: decoded.text, note: decoded.note, mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (error) {
    return { ok: false, reason: readFailure(error) };
  }
}

/** Why reading a file failed, in the words the log and the problems view give. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file disappeared while being read';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return NOT_A_FILE;
  return (error as Error).message;
}

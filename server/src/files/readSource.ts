// Reads one source file from disk for the index: size limit, decoding, and a clear reason when it is skipped.
// A file that vanishes or cannot be read is a skip with a reason, never an exception.
import { promises as fs } from 'fs';
import { decodeSource } from './decode';
import { formatCount } from '../core/counts';

/** Why a file above corroborate.maxFileSize is skipped. */
export const tooLarge = (size: number, maxBytes: number): string => `larger than corroborate.maxFileSize (${formatCount(size)} > ${formatCount(maxBytes)} bytes)`;

export type ReadResult = { ok: true; text: string; note?: string; mtimeMs: number; size: number } | { ok: false; reason: string };

export async function readSource(file: string, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > maxBytes) return { ok: false, reason: tooLarge(stat.size, maxBytes) };
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
  if (code === 'EISDIR') return 'not a regular file';
  return (error as Error).message;
}

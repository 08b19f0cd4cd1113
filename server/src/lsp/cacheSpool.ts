// Cache records already on disk, which a save copies instead of writing every analysis as JSON again on the main
// thread (about a second at 10,000 sources, ten at 100,000): the records of the analyses the workers made, spooled
// to a file in the storage folder as they come in (each worker makes its file's record), and the records
// of the cache file that was loaded. A record is used only for the very analysis it was read or written from;
// anything else is written the usual way.
import * as fs from 'fs';

/** Records are written in blocks of about this many bytes. */
const BLOCK_BYTES = 1024 * 1024;

interface Spooled { source: object; offset: number; length: number }

export class CacheSpool {
  private handle: Promise<fs.promises.FileHandle | undefined> | undefined;
  private readonly records = new Map<string, Spooled>();
  private block: Buffer[] = [];
  private blockBytes = 0;
  /** Bytes given so far: where the next record starts. */
  private end = 0;
  private writing: Promise<void> = Promise.resolve();
  private failed = false;
  private closed = false;
  /** The block of the file read last (`read`), or being read: the next records are most likely in it. */
  private readBlock: { start: number; size: number; bytes: Promise<Buffer> } | undefined;
  /** Taken as the cache file (`finishAsFile`): not deleted. */
  private kept = false;

  /** `header`: bytes the file begins with (the cache file's header record, so the spool can become one). */
  constructor(readonly file: string, header?: Buffer) {
    if (header) {
      this.block.push(header);
      this.blockBytes = this.end = header.length;
    }
  }

  /** Spools the cache record of `source` for `path` (a later record for the same path replaces it). */
  add(path: string, source: object, record: Buffer): void {
    if (this.failed || this.closed) return;
    this.handle ??= fs.promises.open(this.file, 'w+').catch(() => {
      this.failed = true;
      return undefined;
    });
    this.records.set(path, { source, offset: this.end, length: record.length });
    this.end += record.length;
    this.block.push(record);
    this.blockBytes += record.length;
    if (this.blockBytes >= BLOCK_BYTES) this.writeBlock();
  }

  /** The record spooled for `path`, if it was written from this very `source` (else undefined). */
  async read(path: string, source: object): Promise<Buffer | undefined> {
    const spooled = this.records.get(path);
    if (!spooled || spooled.source !== source) return undefined;
    if (this.blockBytes) this.writeBlock();
    await this.writing;
    const handle = await this.handle;
    if (this.failed || !handle) return undefined;
    try {
      const { offset, length } = spooled;
      let block = this.readBlock;
      if (!block || offset < block.start || offset + length > block.start + block.size) {
        // A block at a time: a save reads the records in order, mostly. A read and a buffer per record, 50 of them
        // per step of a save, held the main thread for 0.1-0.2 s a step at 10,000 sources, and edits with it.
        const size = Math.max(length, BLOCK_BYTES);
        const bytes = Buffer.allocUnsafeSlow(size);
        block = this.readBlock = { start: offset, size, bytes: handle.read(bytes, 0, size, offset).then(({ bytesRead }) => bytes.subarray(0, bytesRead)) };
      }
      const bytes = await block.bytes;
      const at = offset - block.start;
      return at + length <= bytes.length ? bytes.subarray(at, at + length) : undefined;
    } catch {
      return undefined;
    }
  }

  /** How many records it holds. */
  get size(): number {
    return this.records.size;
  }

  /** Its length in bytes. */
  get bytes(): number {
    return this.end;
  }

  /** Whether it holds a record of every entry, for that very analysis, and of no other file. */
  holdsExactly(entries: Map<string, { source: object }>): boolean {
    if (this.failed || this.closed || this.records.size !== entries.size) return false;
    for (const [path, entry] of entries) if (this.records.get(path)?.source !== entry.source) return false;
    return true;
  }

  /**
   * Writes what is left and closes the file, which the caller then takes (renames): the spool spools nothing more and
   * is not deleted. Undefined if it could not be written whole.
   */
  async finishAsFile(): Promise<string | undefined> {
    if (this.failed || this.closed) return undefined;
    if (this.blockBytes) this.writeBlock();
    await this.writing;
    const handle = await this.handle;
    this.closed = true;
    this.records.clear();
    if (this.failed || !handle) return undefined;
    await handle.close();
    this.kept = true;
    return this.file;
  }

  /** Closes and deletes the spool file; it spools nothing more. */
  async dispose(): Promise<void> {
    this.closed = true;
    this.readBlock = undefined;
    this.records.clear();
    this.block = [];
    this.blockBytes = 0;
    await this.writing;
    const handle = await this.handle;
    await handle?.close().catch(() => undefined);
    if (this.handle && !this.kept) await fs.promises.unlink(this.file).catch(() => undefined);
  }

  private writeBlock(): void {
    const block = this.block;
    this.block = [];
    this.blockBytes = 0;
    this.writing = this.writing.then(async () => {
      const handle = await this.handle;
      if (!handle || this.closed) return;
      // Written in order, each block after the last: the offsets given in `add` hold.
      await writeAll(handle, block);
    }).catch(() => {
      this.failed = true;
    });
  }
}

/**
 * The records of the cache file as loaded, by path: a save copies those of analyses still in use, if the file is
 * still the one loaded (another window with the same folders may have replaced it).
 */
export class LoadedRecords {
  private readonly records = new Map<string, Spooled>();

  constructor(readonly file: string, private readonly identity: string) {}

  /** The identity of an open file (inode, size, mtime): a different one is another file. */
  static async identityOf(handle: fs.promises.FileHandle): Promise<string> {
    const st = await handle.stat();
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  }

  /** A record (its length prefix included) at `offset` of the file, read for `path` as `source`. */
  add(path: string, source: object, offset: number, length: number): void {
    this.records.set(path, { source, offset, length });
  }

  get size(): number {
    return this.records.size;
  }

  /**
   * Opens the file for a save: a reader of the records of analyses as they were loaded, or undefined when the file is
   * gone or no longer the one loaded. Close it after.
   */
  async open(): Promise<{ read(path: string, source: object): Promise<Buffer | undefined>; close(): Promise<void> } | undefined> {
    const handle = await fs.promises.open(this.file, 'r').catch(() => undefined);
    if (!handle) return undefined;
    if ((await LoadedRecords.identityOf(handle).catch(() => '')) !== this.identity) {
      await handle.close().catch(() => undefined);
      return undefined;
    }
    return {
      read: async (path, source) => {
        const stored = this.records.get(path);
        if (!stored || stored.source !== source) return undefined;
        try {
          const bytes = Buffer.alloc(stored.length);
          const { bytesRead } = await handle.read(bytes, 0, stored.length, stored.offset);
          // The length prefix says what was read is the record.
          return bytesRead === stored.length && bytes.readUInt32LE(0) === stored.length - 4 ? bytes : undefined;
        } catch {
          return undefined;
        }
      },
      close: () => handle.close().catch(() => undefined),
    };
  }
}

/** Writes buffers in order, without joining them into one. */
export async function writeAll(out: fs.promises.FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers.filter((b) => b.length);
  while (rest.length) {
    let written = (await out.writev(rest)).bytesWritten;
    while (rest.length && written >= rest[0].length) written -= rest.shift()!.length;
    if (written > 0) rest[0] = rest[0].subarray(written);
  }
}

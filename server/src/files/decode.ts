// Turns a file's bytes into text the core can read: UTF-8 (with or without BOM), UTF-16 with a BOM, invalid
// UTF-8 replaced rather than rejected; binary files recognized and refused with a reason.

export type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

/** Invalid bytes become U+FFFD (not fatal); one decoder serves every file (it keeps no state between calls). */
const UTF8 = new TextDecoder('utf-8', { fatal: false });

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'UTF-16BE' };
  if (bytes.subarray(0, 8192).indexOf(0) >= 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = UTF8.decode(bytes.subarray(start));
  const invalid = text.includes('\uFFFD');
  return { ok: true, text, note: invalid ? 'invalid UTF-8 bytes replaced' : undefined };
}

// Turns a file's bytes into text the core can read: UTF-8 (with or without BOM), UTF-16 with a BOM, invalid
// UTF-8 replaced rather than rejected; binary files recognized and refused with a reason.

export type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'UTF-16BE' };
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(start));
  const invalid = text.includes('\uFFFD');
  return { ok: true, text, note: invalid ? 'invalid UTF-8 bytes replaced' : undefined };
}

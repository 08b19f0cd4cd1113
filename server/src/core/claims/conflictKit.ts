// Shared pieces of conflict reports: source names, short lists, quoted snippets, stable ids.
import type { ClaimsOfDocument } from './corpusClaims';

/** The name a source goes by in messages: its outlet, else its title, else its file name. */
export function sourceName(doc: Pick<ClaimsOfDocument, 'uri' | 'source' | 'title'>): string {
  if (doc.source?.trim()) return doc.source.trim();
  const path = doc.uri.replace(/[?#].*$/, '');
  const file = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(file) || doc.title || doc.uri;
  } catch {
    return file || doc.title || doc.uri;
  }
}

/** "A", "A and B", "A, B, C, …" (at most `max` names, duplicates dropped). */
export function listNames(names: string[], max = 3): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique.join('');
  if (unique.length <= max) return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
  return `${unique.slice(0, max).join(', ')}, …`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first words of a quote, for messages. */
export function snippet(text: string, words = 10): string {
  const ws = text.trim().split(/\s+/);
  return ws.length <= words ? text.trim() : `${ws.slice(0, words).join(' ')}…`;
}

/** FNV-1a of a string, as a signed 32-bit integer (kept small by V8: no allocation). */
export function hash32(text: string): number {
  return fnv1a(FNV_BASIS, text) | 0;
}

/** Where `hash32` starts. */
export const FNV_BASIS = 0x811c9dc5;

/** FNV-1a over a string's UTF-16 units, on from hash `h` (so a hash can run across several strings). */
export function fnv1a(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** 64 bits of FNV-1a (two 32-bit lanes) as 16 hex digits. */
export function stableHash(parts: string[]): string {
  let h1 = FNV_BASIS;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    for (let i = 0; i <= part.length; i++) {
      const c = i < part.length ? part.charCodeAt(i) : 0;
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x01000197) >>> 0;
    }
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** A conflict id from its kind, its subject key and the sorted places (uri + text) involved. */
export function conflictId(kind: string, subjectKey: string, places: { uri: string; text: string }[]): string {
  const sorted = places.map((p) => `${p.uri}\u0001${p.text}`).sort();
  return `${kind}:${stableHash([kind, subjectKey, ...sorted])}`;
}

/** Union-find over indices. */
export class Groups {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  join(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
  /** Members of every group with at least `min` members. */
  sets(min = 2): number[][] {
    const by = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      let g = by.get(r);
      if (!g) by.set(r, (g = []));
      g.push(i);
    }
    return [...by.values()].filter((g) => g.length >= min);
  }
}

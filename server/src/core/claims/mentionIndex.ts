// Names of a document (DocumentAnalysis.mentions) sorted by offset, with the look-ups claim extraction needs.
import type { DocumentAnalysis, EntityKind, LocalEntity, Mention } from '../types';
import * as lexicon from '../data/lexicon.json';

const FEMALE = new Set<string>((lexicon as { femaleNames: string[] }).femaleNames);
const FIRST = new Set<string>((lexicon as { firstNames: string[] }).firstNames);

export class MentionIndex {
  readonly mentions: Mention[];
  private readonly starts: number[];

  constructor(readonly analysis: DocumentAnalysis) {
    this.mentions = [...analysis.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
    this.starts = this.mentions.map((m) => m.start);
  }

  entity(local: number): LocalEntity | undefined {
    return this.analysis.localEntities[local];
  }

  /** Index of the first mention starting at or after pos. */
  private firstFrom(pos: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The mention covering pos, if any. */
  at(pos: number): Mention | undefined {
    const i = this.firstFrom(pos + 1) - 1;
    for (let k = i; k >= 0 && k > i - 4; k--) {
      const m = this.mentions[k];
      if (m.start <= pos && pos < m.end) return m;
    }
    return undefined;
  }

  /** Mentions lying inside [start, end), in order. */
  between(start: number, end: number, kinds?: EntityKind[]): Mention[] {
    const out: Mention[] = [];
    for (let i = this.firstFrom(start); i < this.mentions.length && this.mentions[i].start < end; i++) {
      const m = this.mentions[i];
      if (m.end <= end && (!kinds || kinds.includes(m.kind))) out.push(m);
    }
    return out;
  }

  /** The mention that ends exactly at `end` (ignoring a possessive 's written after it), if any. */
  endingAt(end: number, text: string): Mention | undefined {
    const i = this.firstFrom(end) - 1;
    for (let k = i; k >= 0 && k > i - 6; k--) {
      const m = this.mentions[k];
      if (m.end === end) return m;
      // The recognizer may or may not include the possessive ending in the span.
      if (m.end < end && /^['’]s?$/.test(text.slice(m.end, end))) return m;
      if (m.end > end && m.start < end && /^['’]s?$/.test(text.slice(end, m.end))) return m;
    }
    return undefined;
  }

  /** The mention starting at `start` (after skipping spaces), if any. */
  startingAt(start: number, text: string): Mention | undefined {
    let s = start;
    while (s < text.length && (text[s] === ' ' || text[s] === '\t')) s++;
    const i = this.firstFrom(s);
    const m = this.mentions[i];
    return m && m.start === s ? m : undefined;
  }

  /** The last mention before pos (ending at or before it) and at or after `floor` that passes `keep`. */
  lastBefore(pos: number, floor: number, keep: (m: Mention) => boolean): Mention | undefined {
    for (let i = this.firstFrom(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.start < floor) break;
      if (m.end <= pos && keep(m)) return m;
    }
    return undefined;
  }

  /** 'm' or 'f' when the entity's gender is known (from the recognizer, or from a first name in the lexicon). */
  gender(local: number): 'm' | 'f' | undefined {
    const e = this.entity(local);
    if (!e) return undefined;
    if (e.gender) return e.gender;
    if (e.kind !== 'person') return undefined;
    for (const name of [e.name, ...e.names]) {
      const first = name.split(/\s+/)[0].toLowerCase();
      if (name.split(/\s+/).length < 2) continue;
      if (FEMALE.has(first)) return 'f';
      if (FIRST.has(first)) return 'm';
    }
    return undefined;
  }
}

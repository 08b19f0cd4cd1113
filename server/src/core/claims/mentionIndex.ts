// Names of a document (DocumentAnalysis.mentions) sorted by offset, with the look-ups claim extraction needs.
import type { DocumentAnalysis, EntityKind, LocalEntity, Mention } from '../types';
import * as lexicon from '../data/lexicon.json';
import { PERSON_DESCRIPTION } from '../lexicon';

const FEMALE = new Set<string>((lexicon as { femaleNames: string[] }).femaleNames);
const FIRST = new Set<string>((lexicon as { firstNames: string[] }).firstNames);

/** Nouns of roles one person holds: "the prime minister", "the chairman". */
export const ROLE_NOUN = '(?:prime\\s+minister|president|premier|chancellor|governor|mayor|senator|chairman|chairwoman|'
  + 'chief\\s+executive|founder|king|queen|pope|emperor)';
/**
 * Modifiers a description may take before its noun and still point back at an entity named before: capitalized
 * words (demonyms, places: "the Japanese steelmaker", "the Pittsburgh company"), "-based" and "-owned" compounds and
 * a few adjectives. Common nouns are not ("the company president" is not the President).
 */
export const DESCRIPTION_MODIFIER = "(?:[A-Z][A-Za-z.'’-]*|[a-z]+-(?:based|owned|listed|born|run)|current|sitting|incumbent|embattled|beleaguered|struggling|troubled|ailing|largest|biggest|big|former|ex-|late|then|new|other|another|rival|parent|second|first|previous|next|same|whole|incoming|outgoing|future)";

/** Modifiers that make a description point away from the holder named before ("the former president"). */
export const OTHER_MODIFIER = /^(?:former|ex-|late|then|new|other|another|rival|parent|second|first|previous|next|same|whole|incoming|outgoing|future)$/i;

/** "the Japanese prime minister" at the end of a text. */
const ROLE_END = new RegExp(`(?:^|[^A-Za-z])[Tt]he\\s+((?:${DESCRIPTION_MODIFIER}\\s+){0,2}?)(${ROLE_NOUN})$`);

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

  /**
   * The person a bare surname written at [start, end) stands for, when the recognizer did not mark it: exactly one
   * person (or person-named entity) of the document has a full name of two words or more ending in that word.
   */
  surname(text: string, start: number, end: number): number | undefined {
    const word = text.slice(start, end);
    if (!/^[A-Z][a-z'’-]+$/.test(word) || this.at(start)) return undefined;
    let found: number | undefined;
    const ents = this.analysis.localEntities;
    for (let local = 0; local < ents.length; local++) {
      const e = ents[local];
      if (e.kind === 'place') continue;
      const hit = [e.name, ...e.names].some((n) => {
        const parts = n.split(/\s+/);
        return parts.length >= 2 && parts[parts.length - 1] === word;
      });
      if (!hit) continue;
      // A surname is a person's: an organization counts only when its name starts with a known first name.
      if (e.kind !== 'person' && !this.personLike(local)) continue;
      if (found !== undefined) return undefined;
      found = local;
    }
    return found;
  }

  /** True when the entity is a person, or is named like one (a known first name, then a surname). */
  personLike(local: number): boolean {
    const e = this.entity(local);
    if (!e) return false;
    if (e.kind === 'person') return true;
    if (e.kind === 'place') return false;
    // "Frank Duda, a crane operator who has worked at the plant": a description only a person takes.
    if (e.descriptions.some((d) => d.kind === 'appositive' && PERSON_DESCRIPTION.test(d.text))) return true;
    return [e.name, ...e.names].some((n) => {
      const parts = n.split(/\s+/);
      return parts.length === 2 && /^[A-Z][a-z]+$/.test(parts[0]) && /^[A-Z][a-z'’-]+$/.test(parts[1])
        && (FIRST.has(parts[0].toLowerCase()) || FEMALE.has(parts[0].toLowerCase()));
    });
  }

  /**
   * The one person of the document whose titles or descriptions hold the role ("the prime minister" -> the person
   * titled Prime Minister). Undefined when no person, or more than one, holds it.
   */
  personWithRole(role: string): number | undefined {
    const re = new RegExp(`(?:^|[^A-Za-z])${role.replace(/\s+/g, '\\s+')}(?![A-Za-z])`, 'i');
    let found: number | undefined;
    const ents = this.analysis.localEntities;
    for (let local = 0; local < ents.length; local++) {
      const e = ents[local];
      if (e.kind !== 'person') continue;
      // A former holder of the role is not "the president".
      if (!e.descriptions.some((d) => (d.kind === 'title' || d.kind === 'appositive') && re.test(d.text) && !/\b(?:former|ex-|late|then)\b/i.test(d.text))) continue;
      if (found !== undefined) return undefined;
      found = local;
    }
    return found;
  }

  /** The person a role description ending the text stands for ("... the prime minister"), with where it starts. */
  roleBefore(text: string, end: number): { local: number; start: number } | undefined {
    const d = ROLE_END.exec(text.slice(Math.max(0, end - 60), end));
    if (!d) return undefined;
    if (d[1].trim().split(/\s+/).some((w) => OTHER_MODIFIER.test(w))) return undefined;
    // "the SoftBank founder" is whoever founded SoftBank, not the one founder the document titles.
    const modStart = end - d[0].length;
    if (this.between(modStart, end, ['person', 'organization']).length) return undefined;
    const local = this.personWithRole(d[2].toLowerCase());
    return local === undefined ? undefined : { local, start: end - d[0].length + /^[^A-Za-z]*/.exec(d[0])![0].length };
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

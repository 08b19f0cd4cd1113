// Who said a quotation: a name or pronoun next to a speech verb around it, or the sentence's attribution clause.
import type { Mention, Span } from '../types';
import { DESCRIPTION_MODIFIER, ROLE_NOUN, type MentionIndex } from './mentionIndex';
import type { QuoteSpan } from './quoteSpans';
import { MAX_REACH, type TextMap } from './text';

const VERB = '(?:said|says|say|told|tells|added|adds|stated|states|noted|notes|remarked|explained|explains|asserted|argued|argues|insisted|insists|warned|warns|wrote|writes|tweeted|posted|declared|affirmed|recalled|acknowledged|continued|replied|responded|observed|commented|concluded|announced|claimed|claims|maintained|urged|cautioned|emphasi[sz]ed|stressed|conceded|admitted|vowed|predicted|complained|joked|quipped|countered|asked|reiterated|recounted|confirmed|pointed out|went on)';
const ADVERB = '(?:(?:recently|also|later|then|previously|earlier|once|again|further|simply|bluntly|flatly|repeatedly|has|had|have|would|will|[a-z]+ly)\\s+)?';
const VERB_FIRST = new RegExp(`^${VERB}\\s+`, 'i');
const PRONOUN_VERB = new RegExp(`^(he|she|they|it)\\s+${ADVERB}${VERB}\\b`, 'i');
const ADVERB_VERB = new RegExp(`^\\s*${ADVERB}${VERB}\\b`, 'i');
const VERB_BEFORE_QUOTE = new RegExp(`(?:^|[^A-Za-z])(${VERB})\\b((?:\\s+[A-Za-z'’]+){0,5}?)\\s*[,:]?\\s*$`, 'i');
const PRONOUN_BEFORE_VERB = new RegExp(`\\b(he|she|it)\\s+${ADVERB}$`, 'i');
const HE_SHE_BEFORE_VERB = new RegExp(`\\b(he|she)\\s+${ADVERB}$`, 'i');
const ADVERB_END = new RegExp(`${ADVERB}$`);
const VERB_ANY = new RegExp(`(?:^|[^A-Za-z])(${VERB})\\b`, 'gi');
/** Verbs after an inner name that make the quote that name's words ("Smith said Trump had called it “...”"). */
const INNER_SAYING = new RegExp(`\\b(?:${VERB.slice(3, -1)}|called|calls|described|describes|labeled|labelled|termed|dubbed|saying|telling)\\b`, 'i');
const PARTICIPLE = /,\s*(?:saying|stating|adding|noting|declaring|insisting|warning|writing|explaining|telling [^,“”"]{1,40})[,:]?\s*$/i;
/** "the Japanese prime minister": a role description, up to two modifiers before the role noun. */
const ROLE_PHRASE = new RegExp(`^[Tt]he\\s+(?:${DESCRIPTION_MODIFIER}\\s+){0,2}?${ROLE_NOUN}(?![A-Za-z'’-])`);
/** `the prime minister said` right after a quote. */
const ROLE_FIRST = new RegExp(`^(\\s*)[Tt]he\\s+(?:${DESCRIPTION_MODIFIER}\\s+){0,2}?${ROLE_NOUN}\\s+${ADVERB}${VERB}\\b`);
/** Words of a title or description before a name: "Japanese Prime Minister", "the US president". */
const TITLE_WORDS = /^(?:(?:the|a|an|[A-Z][A-Za-z.'’-]*|[a-z]+(?:-[a-z]+)?)\s+){0,4}/;

export interface Speaker {
  local?: number;
  span: Span;
  how: 'name' | 'pronoun';
}

export class SpeakerFinder {
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    private readonly index: MentionIndex,
    private readonly map: TextMap,
    private readonly spans: QuoteSpan[],
  ) {
    this.starts = spans.map((s) => s.start);
  }

  /** True when pos lies inside a quotation. */
  inQuote(pos: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let k = found; k >= 0 && k > found - 3; k--) if (pos >= this.spans[k].start && pos < this.spans[k].end) return true;
    return false;
  }

  /** A person or organization named at `at`, possibly after a few title words. */
  private nameAt(at: number, limit: number): Mention | undefined {
    const direct = this.index.startingAt(at, this.text);
    if (direct && direct.kind !== 'place') return direct;
    const titles = TITLE_WORDS.exec(this.text.slice(at, Math.min(limit, at + 80)));
    if (!titles) return undefined;
    // Try each word boundary inside the title run, nearest first.
    const run = titles[0];
    let off = 0;
    for (const w of run.split(/(?<=\s)/)) {
      off += w.length;
      const m = this.index.startingAt(at + off, this.text);
      if (m && m.kind !== 'place' && m.start < limit) return m;
    }
    return undefined;
  }

  private pronoun(word: string, at: number): Speaker {
    const span = { start: at, end: at + word.length };
    const p = word.toLowerCase();
    if (p === 'they') return { span, how: 'pronoun' };
    const wantOrg = p === 'it';
    const m = this.index.lastBefore(at, Math.max(0, at - 2500), (c) => {
      if (this.inQuote(c.start)) return false;
      if (wantOrg) return c.kind === 'organization';
      if (c.kind !== 'person') return false;
      const g = this.index.gender(c.local);
      return p === 'she' ? g !== 'm' : g !== 'f';
    });
    return { local: m?.local, span, how: 'pronoun' };
  }

  /** "Ishiba and Trump said": several speakers, none of them alone. */
  private coordinated(m: Mention): boolean {
    const before = this.text.slice(Math.max(0, m.start - 6), m.start);
    if (!/(?:\band|,|&)\s*$/.test(before)) return false;
    return !!this.index.lastBefore(m.start, m.start - 60, (c) => c.kind !== 'place' && /^(?:['’]s)?\s*(?:,|and|&)\s*$/.test(this.text.slice(c.end, m.start)));
  }

  /**
   * A role description standing for the one person of the document holding it ("the prime minister"), read from `at`
   * (where "the" starts). Counted as a reference, like a pronoun: not a name to compare for who said the words.
   */
  private role(at: number, verbFirst: boolean): Speaker | undefined {
    const t = this.text;
    const d = ROLE_PHRASE.exec(t.slice(at, at + 60));
    if (!d) return undefined;
    const end = at + d[0].length;
    // `," said the prime minister of Japan` fine; `," said the prime minister's spokesman` is somebody else.
    if (verbFirst && !/^(?:\s*[,.;!?]|\s+(?:of|in|on|at|to|after|before|during|as|when|while)\b|\s*$)/.test(t.slice(end, end + 12))) return undefined;
    const r = this.index.roleBefore(t, end);
    return r ? { local: r.local, span: { start: at, end }, how: 'pronoun' } : undefined;
  }

  private named(m: Mention): Speaker {
    return { local: m.local, span: { start: m.start, end: m.end }, how: 'name' };
  }

  /** After the closing mark: `," Smith said`, `," said Smith`, `," she said`, `, according to X`. */
  private after(q: QuoteSpan, sentenceEnd: number): Speaker | undefined {
    const t = this.text;
    const lead = /^[\s,]*(?:--\s*|—\s*)?/.exec(t.slice(q.end, q.end + 8))![0];
    const p = q.end + lead.length;
    const limit = Math.min(t.length, Math.max(sentenceEnd, p + 200));
    const rest = t.slice(p, Math.min(limit, p + 220));
    const closedWithStop = /[.!?]["'”’]?$/.test(t.slice(q.contentStart, q.end).trimEnd()) && !/,/.test(lead);
    const verbFirst = VERB_FIRST.exec(rest);
    if (verbFirst && !closedWithStop) {
      const m = this.nameAt(p + verbFirst[0].length, limit);
      if (m && this.onlyTitlesBetween(p + verbFirst[0].length, m.start)) return this.named(m);
      // `," said the prime minister.`
      return this.role(p + verbFirst[0].length, true);
    }
    const acc = /^according to\s+/i.exec(rest);
    if (acc) {
      const m = this.nameAt(p + acc[0].length, limit);
      return m && this.onlyTitlesBetween(p + acc[0].length, m.start) ? this.named(m) : undefined;
    }
    const pron = PRONOUN_VERB.exec(rest);
    if (pron) return closedWithStop && !this.shortTail(p + pron[0].length) ? undefined : this.pronoun(pron[1], p);
    // `," the prime minister said.`
    const role = ROLE_FIRST.exec(rest);
    if (role) return closedWithStop && !this.shortTail(p + role[0].length) ? undefined : this.role(p + role[1].length, false);
    const m = this.nameAt(p, limit);
    if (!m || !this.onlyTitlesBetween(p, m.start)) return undefined;
    let k = m.end;
    const tail = t.slice(k, k + 160);
    const appositive = /^(?:['’]s)?\s*,[^,;"“”]{1,120},\s*/.exec(tail);
    if (appositive) k += appositive[0].length;
    const verb = ADVERB_VERB.exec(t.slice(k, k + 60));
    if (!verb) return undefined;
    if (closedWithStop && !this.shortTail(k + verb[0].length)) return undefined;
    return this.named(m);
  }

  /** The attribution sentence ends soon ("Smith said." / "Smith told AFP."), as an attribution does. */
  private shortTail(from: number): boolean {
    return /^[^.!?"“”]{0,40}[.!?]/.test(this.text.slice(from, from + 60)) || from >= this.text.length - 1;
  }

  private onlyTitlesBetween(a: number, b: number): boolean {
    return !/[,;:.!?"“”()]/.test(this.text.slice(a, b).replace(/\b[A-Z]\./g, ''));
  }

  /** Before the opening mark: `Smith said: "…"`, `Smith noted, '…'`, `…, stating, "…"`. */
  /** null when the text around is ambiguous and no other rule should guess. */
  private before(q: QuoteSpan, sentenceStart: number): Speaker | undefined | null {
    const t = this.text;
    const from = Math.max(sentenceStart, q.start - 200);
    const pre = t.slice(from, q.start);
    const verb = VERB_BEFORE_QUOTE.exec(pre);
    if (verb) {
      const verbStart = from + verb.index + verb[0].indexOf(verb[1]);
      const verbEnd = verbStart + verb[1].length;
      // "Smith said Trump had called it “...”": another name between the verb and the quote may own the words.
      // Only the one told ("told AFP:", "told reporters:") may stand there.
      const between = this.index.between(verbEnd, q.start, ['person', 'organization']);
      const told = /^tell|^told/i.test(verb[1]) && between.length === 1 && /^\s*$/.test(t.slice(verbEnd, between[0].start).replace(/\bthe\b/i, ''));
      if (between.length && !told) {
        // The inner name owns the words only if it has its own verb of saying before them.
        const last = between[between.length - 1];
        if (INNER_SAYING.test(t.slice(last.end, q.start))) return null;
      }
      const before = t.slice(Math.max(sentenceStart, verbStart - 40), verbStart);
      const pron = PRONOUN_BEFORE_VERB.exec(before);
      if (pron) return this.pronoun(pron[1], verbStart - before.length + pron.index);
      const adv = ADVERB_END.exec(before);
      const nameEnd = verbStart - (adv ? adv[0].length : 0);
      let e = nameEnd;
      while (e > 0 && t[e - 1] === ' ') e--;
      const m = this.index.endingAt(e, t);
      if (m && m.kind !== 'place' && !this.inQuote(m.start) && !this.coordinated(m)) return this.named(m);
      // `The prime minister said: "…"`
      if (!m) {
        const r = this.index.roleBefore(t, e);
        if (r && r.start >= sentenceStart && !this.inQuote(r.start)) return { local: r.local, span: { start: r.start, end: e }, how: 'pronoun' };
      }
      return undefined;
    }
    if (PARTICIPLE.test(pre)) {
      // The sentence's subject speaks: its first name, at the start of the sentence.
      const names = this.index.between(sentenceStart, q.start, ['person', 'organization']);
      const first = names[0];
      if (first && t.slice(sentenceStart, first.start).trim().split(/\s+/).filter(Boolean).length <= 4) return this.named(first);
    }
    return undefined;
  }

  /** An attribution clause elsewhere in the sentence, outside quotes: "The summit could be calm, Smith said, as ...". */
  private inSentence(q: QuoteSpan, s0: number, s1: number): Speaker | undefined {
    const t = this.text;
    const re = VERB_ANY;
    re.lastIndex = 0;
    const region = t.slice(s0, s1);
    let best: { sp: Speaker; dist: number } | undefined;
    let m: RegExpExecArray | null;
    while ((m = re.exec(region)) !== null) {
      const vs = s0 + m.index + m[0].indexOf(m[1]);
      const ve = vs + m[1].length;
      if (this.inQuote(vs)) continue;
      let sp: Speaker | undefined;
      const beforeVerb = t.slice(Math.max(s0, vs - 30), vs);
      const pron = HE_SHE_BEFORE_VERB.exec(beforeVerb);
      if (pron) sp = this.pronoun(pron[1], vs - beforeVerb.length + pron.index);
      else {
        const adv = ADVERB_END.exec(beforeVerb);
        let e = vs - (adv ? adv[0].length : 0);
        while (e > s0 && t[e - 1] === ' ') e--;
        const name = this.index.endingAt(e, t);
        if (name && name.kind !== 'place' && !this.inQuote(name.start)) sp = this.coordinated(name) ? undefined : this.named(name);
        else if (/^\s+/.test(t.slice(ve, ve + 1))) {
          const after = this.nameAt(ve + 1, s1);
          if (after && this.onlyTitlesBetween(ve + 1, after.start) && !this.inQuote(after.start)) sp = this.named(after);
        }
      }
      if (!sp) continue;
      const dist = vs >= q.end ? vs - q.end : q.start - ve;
      if (!best || dist < best.dist) best = { sp, dist };
    }
    return best?.sp;
  }

  find(q: QuoteSpan): Speaker | undefined {
    // The sentence holding the quote: from where the opening mark stands (or the quote itself when it opens a
    // sentence, as in "Japan.'The goal...") to the end of the sentence holding the closing mark.
    const opened = this.map.sentenceAt(q.contentStart);
    const sStart = Math.max(q.start - MAX_REACH, opened.start >= q.start ? q.start : this.map.sentenceAt(q.start).start);
    const sEnd = Math.min(q.end + MAX_REACH, this.map.sentenceAt(Math.max(q.contentStart, q.end - 1)).end);
    const after = this.after(q, sEnd);
    if (after) return after;
    const before = this.before(q, sStart);
    if (before === null) return undefined;
    return before ?? this.inSentence(q, sStart, sEnd);
  }
}

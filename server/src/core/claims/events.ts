// Event words (nouns and verbs) mapped to one normalized event name, and the tense of the words around a date.

/**
 * Single words. Multi-day events (visit, trip) are kept but never compared by day: see MULTI_DAY. A Map: every word
 * of a sentence is looked up, and an object would answer "constructor" with a function.
 */
const EVENT_WORDS = new Map<string, string>(Object.entries({
  meet: 'meeting', meets: 'meeting', met: 'meeting', meeting: 'meeting', meetings: 'meeting', summit: 'meeting',
  summits: 'meeting', talks: 'meeting', 'sit-down': 'meeting',
  visit: 'visit', visits: 'visit', visited: 'visit', visiting: 'visit', trip: 'visit', travel: 'visit',
  travels: 'visit', traveled: 'visit', travelled: 'visit', heads: 'visit', headed: 'visit', tour: 'visit',
  arrive: 'arrival', arrives: 'arrival', arrived: 'arrival', arrival: 'arrival', landed: 'arrival',
  announce: 'announcement', announces: 'announcement', announced: 'announcement', announcement: 'announcement',
  unveiled: 'announcement', unveils: 'announcement',
  sign: 'signing', signs: 'signing', signed: 'signing', signing: 'signing',
  election: 'election', elections: 'election', vote: 'election', referendum: 'election', polls: 'election',
  inauguration: 'inauguration', inaugurated: 'inauguration', 'swearing-in': 'inauguration',
  attack: 'attack', attacked: 'attack', attacks: 'attack', bombing: 'attack', shooting: 'attack', raid: 'attack',
  died: 'death', dies: 'death', death: 'death', killed: 'death', assassinated: 'death', assassination: 'death',
  arrested: 'arrest', arrest: 'arrest', detained: 'arrest',
  resigned: 'resignation', resigns: 'resignation', resignation: 'resignation',
  ruling: 'ruling', ruled: 'ruling', verdict: 'ruling', sentenced: 'ruling',
  launch: 'launch', launched: 'launch', launches: 'launch',
  hearing: 'hearing', ceremony: 'ceremony', dinner: 'dinner', funeral: 'funeral', wedding: 'wedding',
  blocked: 'blocking', vetoed: 'blocking', barred: 'blocking',
  departed: 'departure', departs: 'departure', departure: 'departure',
}));

/** Phrases checked before single words. */
const EVENT_PHRASES: [RegExp, string][] = [
  [/\b(?:set|sets|setting)\s+off\b|\b(?:left|leaves|leaving)\s+for\b|\bflew\s+to\b/i, 'departure'],
  [/\b(?:phone|telephone|video|conference|trilateral|virtual)\s+(?:call|conversation|talks)\b/i, 'call'],
  [/\bspoke\s+(?:by|on the)\s+(?:phone|telephone)\b/i, 'call'],
  [/\b(?:press|news)\s+conference\b/i, 'press conference'],
  [/\bsworn\s+in\b/i, 'inauguration'],
  [/\bstepped\s+down\b/i, 'resignation'],
  [/\btook\s+office\b/i, 'inauguration'],
];

/** Events that last several days: two sources may rightly give different days. */
export const MULTI_DAY = new Set(['visit', 'election', 'hearing']);

/** Events that happen once to one subject: a single shared participant is enough to compare them. */
export const ONCE_PER_SUBJECT = new Set(['death', 'resignation', 'inauguration']);

export interface EventWord {
  event: string;
  start: number;
  end: number;
}

const WORD = /[A-Za-z]+(?:-[A-Za-z]+)?/g;

/** Event words in [from, to), in order. */
const PHRASES_G: [RegExp, string][] = EVENT_PHRASES.map(([re, event]) => [new RegExp(re.source, 'gi'), event]);

export function eventWords(text: string, from: number, to: number): EventWord[] {
  const out: EventWord[] = [];
  const slice = text.slice(from, to);
  for (const [g, event] of PHRASES_G) {
    g.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = g.exec(slice)) !== null) out.push({ event, start: from + m.index, end: from + m.index + m[0].length });
  }
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice)) !== null) {
    const event = EVENT_WORDS.get(m[0].toLowerCase());
    if (!event) continue;
    const start = from + m.index;
    if (out.some((p) => p.start <= start && start < p.end)) continue;
    // "talks" as a noun only ("peace talks", "the talks"), "call" only in phrases; "vote" as a noun.
    out.push({ event, start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

const FUTURE = /\b(?:will|shall|'ll|is set to|are set to|is to|are to|scheduled|is due|are due|expected to|plans? to|planning to|set for|upcoming|ahead of|going to|would)\b/i;
const PAST = /\b(?:met|held|was|were|had|did|announced|signed|visited|arrived|traveled|travelled|embarked|took place|ago|last|earlier)\b/i;

/** 'future', 'past' or undefined (both or neither) for a stretch of text. */
export function tenseOf(clause: string): 'future' | 'past' | undefined {
  const f = FUTURE.test(clause);
  const p = PAST.test(clause);
  if (f && !p) return 'future';
  if (p && !f) return 'past';
  return undefined;
}

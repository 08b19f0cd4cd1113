// What a figure measures: the head noun around it, lightly normalized ("personnel" -> "troops", "offer" -> "bid").

/** Synonyms folded into one measure name (a Map: any word is looked up, "constructor" too). */
const SYNONYMS = new Map<string, string>(Object.entries({
  troop: 'troops', troops: 'troops', personnel: 'troops', soldier: 'troops', soldiers: 'troops',
  servicemember: 'troops', servicemembers: 'troops', 'service member': 'troops', 'service members': 'troops',
  marines: 'troops', forces: 'troops',
  bid: 'bid', bids: 'bid', offer: 'bid', offers: 'bid', 'takeover bid': 'bid', 'takeover offer': 'bid',
  'buyout offer': 'bid', 'acquisition offer': 'bid',
  investment: 'investment', investments: 'investment',
  pledge: 'pledge', pledges: 'pledge', commitment: 'pledge',
  death: 'deaths', deaths: 'deaths', dead: 'deaths', fatalities: 'deaths', killed: 'deaths', 'death toll': 'deaths', toll: 'deaths',
  injured: 'injuries', injuries: 'injuries', wounded: 'injuries',
  tariff: 'tariff', tariffs: 'tariff', duty: 'tariff', duties: 'tariff', levy: 'tariff', levies: 'tariff',
  job: 'jobs', jobs: 'jobs', worker: 'workers', workers: 'workers', employee: 'workers', employees: 'workers', staff: 'workers',
  people: 'people', persons: 'people', person: 'people', individuals: 'people', residents: 'people',
  surplus: 'surplus', surpluses: 'surplus', deficit: 'deficit', deficits: 'deficit',
  budget: 'budget', budgets: 'budget', spending: 'spending', expenditure: 'spending', expenditures: 'spending', outlays: 'spending',
  revenue: 'revenue', revenues: 'revenue', sales: 'sales', profit: 'profit', profits: 'profit', loss: 'loss', losses: 'loss',
  deal: 'deal', deals: 'deal', contract: 'contract', contracts: 'contract', package: 'package', fund: 'fund', funds: 'fund',
  aid: 'aid', loan: 'loan', loans: 'loan', debt: 'debt', fine: 'fine', fines: 'fine', stake: 'stake',
  value: 'value', valuation: 'value', price: 'price', cost: 'cost', costs: 'cost',
  visit: 'visit', trip: 'visit', stay: 'visit', tour: 'visit',
  votes: 'votes', vote: 'votes', seats: 'seats', seat: 'seats',
  imports: 'imports', exports: 'exports', gdp: 'gdp', 'gross domestic product': 'gdp', economy: 'gdp',
  refugees: 'refugees', migrants: 'migrants', prisoners: 'prisoners', hostages: 'hostages', arrests: 'arrests',
  barrels: 'barrels', tons: 'tons', tonnes: 'tons', cases: 'cases', infections: 'cases', vaccines: 'vaccines',
  doses: 'doses', flights: 'flights', ships: 'ships', vessels: 'ships', jets: 'aircraft', aircraft: 'aircraft',
  missiles: 'missiles', weapons: 'weapons', cars: 'vehicles', vehicles: 'vehicles', homes: 'homes', houses: 'homes',
  users: 'users', customers: 'customers', members: 'members', students: 'students', children: 'children',
  civilians: 'civilians', protesters: 'protesters', voters: 'voters', visitors: 'visitors', tourists: 'visitors',
  evacuees: 'evacuees', displaced: 'displaced', missing: 'missing',
}));

/** Measures that change from day to day: compared only between articles of the same date. */
export const EVOLVING_MEASURES = new Set([
  'deaths', 'injuries', 'missing', 'cases', 'arrests', 'evacuees', 'displaced', 'refugees', 'migrants', 'hostages',
  'protesters', 'votes',
]);

/** Nouns ending in -ing or -ed that are nouns, not verbs. */
const ING_NOUNS = new Set([
  'funding', 'spending', 'financing', 'borrowing', 'lending', 'housing', 'building', 'buildings', 'shipping',
  'training', 'earnings', 'holdings', 'savings', 'meeting', 'offering', 'offerings', 'bombing', 'shooting',
  'polling', 'rating', 'ratings', 'listing', 'filing', 'ruling', 'hearing', 'pricing', 'wedding', 'dead',
  'killed', 'injured', 'wounded', 'displaced', 'missing', 'red', 'need', 'speed', 'seed', 'feed', 'bed', 'shed',
]);

/** Words that end the noun phrase after a number. */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'into', 'onto', 'over',
  'under', 'and', 'or', 'but', 'nor', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'this', 'these', 'those',
  'it', 'its', 'they', 'their', 'he', 'she', 'his', 'her', 'we', 'our', 'you', 'your', 'i', 'my', 'is', 'are', 'was',
  'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may',
  'might', 'must', 'shall', 'should', 'if', 'when', 'while', 'since', 'until', 'after', 'before', 'during', 'per',
  'each', 'every', 'so', 'because', 'though', 'although', 'about', 'around', 'up', 'down', 'out', 'off', 'more',
  'less', 'fewer', 'also', 'just', 'only', 'still', 'even', 'not', 'no', 'yet', 'then', 'there', 'here', 'against',
  'between', 'among', 'through', 'across', 'toward', 'towards', 'via', 'amid', 'despite', 'including', 'like',
  'such', 'what', 'where', 'why', 'how', 'all', 'both', 'either', 'neither', 'some', 'any', 'most', 'many', 'much',
  'said', 'says', 'say', 'told', 'according', 'compared', 'versus', 'vs', 'year', 'years', 'ago', 'earlier', 'later',
  'now', 'today', 'yesterday', 'tomorrow', 'annually', 'respectively', 'apiece', 'each', 'total', 'overall',
  'remain', 'remains', 'stay', 'stays', 'go', 'goes', 'went', 'come', 'comes', 'came', 'make', 'makes', 'made',
  'take', 'takes', 'took', 'get', 'gets', 'got', 'worth', 'higher', 'lower', 'larger', 'smaller', 'bigger',
]);

/** Words before the head that change what is measured ("total investment" is not "investment"). */
const QUALIFIERS = new Set([
  'total', 'combined', 'overall', 'cumulative', 'annual', 'yearly', 'monthly', 'quarterly', 'weekly', 'daily',
  'additional', 'extra', 'initial', 'further', 'new', 'first', 'second', 'third', 'final', 'original', 'revised',
  'planned', 'proposed', 'previous', 'earlier', 'current', 'projected', 'expected', 'net', 'gross', 'average',
  'maximum', 'minimum', 'per-capita', 'trade', 'budget', 'fiscal', 'military', 'defense', 'defence', 'foreign',
  'direct', 'private', 'public', 'federal', 'state', 'goods', 'services', 'merchandise', 'current-account',
]);

/** Qualifiers that only narrow (trade surplus = surplus); others change the quantity. */
const NEUTRAL_QUALIFIERS = new Set([
  'trade', 'budget', 'fiscal', 'military', 'defense', 'defence', 'foreign', 'direct', 'private', 'public', 'federal',
  'state', 'new', 'goods', 'services', 'merchandise', 'current-account',
]);

/** Verbs right before a figure that say what it measures ("invest $500 billion"). */
const VERB_MEASURES: [RegExp, string][] = [
  [/^invest(?:s|ed|ing)?$/, 'investment'],
  [/^pledg(?:e|es|ed|ing)$/, 'pledge'],
  [/^spen(?:d|ds|t|ding)$/, 'spending'],
  [/^(?:pay|pays|paid|paying)$/, 'payment'],
  [/^(?:bid|bids|bidding|offer|offers|offered|offering)$/, 'bid'],
  [/^(?:kill|kills|killed|killing)$/, 'deaths'],
  [/^(?:employ|employs|employed|employing)$/, 'jobs'],
  [/^(?:cost|costs|costing)$/, 'cost'],
  [/^(?:valued|worth)$/, 'value'],
  [/^(?:borrow|borrows|borrowed|borrowing|lend|lends|lent|lending)$/, 'loan'],
  [/^(?:raise|raises|raised|raising)$/, 'funding'],
  [/^(?:deploy|deploys|deployed|deploying|station|stations|stationed)$/, 'troops'],
];

export function isVerbish(w: string): boolean {
  const lw = w.toLowerCase();
  if (ING_NOUNS.has(lw) || SYNONYMS.has(lw)) return false;
  return /(?:ed|ing)$/.test(lw) && lw.length > 4;
}

export function isPluralNoun(w: string): boolean {
  const lw = w.toLowerCase();
  return /[a-z]{3,}s$/.test(lw) && !/(?:ss|us|is|ics|news)$/.test(lw) && w !== w.toUpperCase();
}

/** Light normalization of a head noun: synonyms, then plural -> singular. */
export function normalizeMeasure(noun: string): string {
  const lw = noun.toLowerCase().replace(/['’]s$/, '');
  const synonym = SYNONYMS.get(lw);
  if (synonym !== undefined) return synonym;
  if (/ies$/.test(lw) && lw.length > 4) return lw.slice(0, -3) + 'y';
  if (/(?:ches|shes|xes|sses)$/.test(lw)) return lw.slice(0, -2);
  if (/[^su]s$/.test(lw) && lw.length > 3) return lw.slice(0, -1);
  return lw;
}

export function isKnownMeasure(noun: string): boolean {
  return SYNONYMS.has(noun.toLowerCase());
}

/** Prefixes a qualifier that changes the quantity ("total", "annual", "additional"). */
export function qualify(measure: string, qualifier: string | undefined): string {
  if (!qualifier) return measure;
  const q = qualifier.toLowerCase();
  if (NEUTRAL_QUALIFIERS.has(q)) return measure;
  const norm = q === 'yearly' ? 'annual' : q === 'extra' || q === 'further' ? 'additional' : q;
  return `${norm} ${measure}`;
}

export function isQualifier(w: string): boolean {
  return QUALIFIERS.has(w.toLowerCase());
}

export function measureFromVerb(w: string): string | undefined {
  const lw = w.toLowerCase();
  for (const [re, m] of VERB_MEASURES) if (re.test(lw)) return m;
  return undefined;
}

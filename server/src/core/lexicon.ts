// Word lists the recognizer consults: names and places from compromise's lexicon (as data, see
// scripts/build-lexicon.js) plus the small hand-kept lists of titles and cue words that no library provides.
import lexiconData from './data/lexicon.json';

const set = (words: readonly string[]): ReadonlySet<string> => new Set(words);

export const FIRST_NAMES = set([...lexiconData.firstNames, ...lexiconData.people.filter((w) => !w.includes(' '))]);
export const FEMALE_NAMES = set(lexiconData.femaleNames);
export const MALE_NAMES = set(lexiconData.maleNames);
/** Words before a place that keep it a place: "South Korea", "North Slope", "Southeast Asia". */
export const DIRECTIONS = set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'central', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower', 'greater', 'inner', 'outer']);
export const LAST_NAMES = set(lexiconData.lastNames);
export const PLACES = set([...lexiconData.countries, ...lexiconData.cities, ...lexiconData.regions,
  // Regions of world affairs that compromise's lexicon lacks.
  'indo pacific', 'asia pacific', 'middle east', 'latin america', 'sub saharan africa', 'eurozone', 'balkans',
  'caucasus', 'sahel', 'horn of africa', 'global south', 'south pacific', 'arctic']);
export const KNOWN_ORGANIZATIONS = set([
  ...lexiconData.organizations,
  'white house', 'pentagon', 'kremlin', 'congress', 'senate', 'parliament', 'united nations', 'european union',
  'nato', 'world bank', 'federal reserve', 'supreme court', 'state department',
]);
export const DEMONYMS = set(lexiconData.demonyms);
export const COMMON_WORDS = set(lexiconData.commonWords);

/** Titles that stand before a person's name and are not part of it (multi-word ones are matched word by word). */
export const PERSON_TITLES = set([
  'president', 'prime', 'minister', 'pm', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sen', 'senator',
  'rep', 'representative', 'gov', 'governor', 'secretary', 'chancellor', 'king', 'queen', 'emperor', 'empress',
  'prince', 'princess', 'pope', 'ambassador', 'general', 'gen', 'admiral', 'colonel', 'col', 'lt', 'captain', 'capt',
  'judge', 'justice', 'chief', 'cabinet', 'deputy', 'vice', 'foreign', 'defense', 'defence', 'finance', 'trade',
  'economy', 'sir', 'dame', 'lord', 'lady', 'mayor', 'speaker', 'chairman', 'chairwoman', 'chair', 'ceo',
  'founder', 'director', 'commissioner', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'sheikh', 'rabbi',
  'reverend', 'rev', 'father', 'sister', 'brother', 'officer', 'sergeant', 'sgt', 'attorney', 'leader', 'premier',
  'first', 'former', 'late', 'then', 'acting', 'interim', 'senior', 'state', 'national', 'security', 'adviser',
  'advisor', 'head', 'executive', 'managing', 'coach', 'commerce', 'treasury', 'labor', 'labour', 'interior',
  'home', 'energy', 'health', 'education', 'transport', 'agriculture', 'industry', 'affairs', 'economic',
]);
/** Title words that on their own prove the next name is a person (the rest above may qualify an organization). */
export const STRONG_PERSON_TITLES = set([
  'president', 'minister', 'pm', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sen', 'senator', 'rep',
  'gov', 'governor', 'secretary', 'chancellor', 'king', 'queen', 'emperor', 'empress', 'prince', 'princess',
  'pope', 'ambassador', 'general', 'gen', 'admiral', 'judge', 'justice', 'sir', 'dame', 'lord', 'lady', 'mayor',
  'speaker', 'chairman', 'chairwoman', 'ceo', 'founder', 'director', 'commissioner', 'envoy', 'spokesman',
  'spokeswoman', 'spokesperson', 'premier', 'adviser', 'advisor', 'leader', 'reverend', 'rev',
]);
export const FEMALE_TITLES = set(['mrs', 'ms', 'miss', 'madam', 'queen', 'empress', 'princess', 'dame', 'lady', 'sister']);
export const MALE_TITLES = set(['mr', 'king', 'emperor', 'prince', 'sir', 'lord', 'father', 'brother']);

/** Last words that make a capitalized phrase an organization. */
export const ORG_SUFFIXES = set([
  'council', 'university', 'ministry', 'department', 'institute', 'office', 'agency', 'center', 'centre',
  'association', 'federation', 'committee', 'commission', 'chamber', 'party', 'foundation', 'board', 'school',
  'college', 'academy', 'society', 'union', 'league', 'bureau', 'court', 'museum', 'organization', 'organisation',
  'fund', 'forum', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'co', 'company', 'group', 'holdings',
  'bank', 'industries', 'motors', 'motor', 'airlines', 'airways', 'systems', 'technologies', 'partners', 'capital',
  'media', 'news', 'times', 'post', 'journal', 'daily', 'press', 'network', 'congress', 'senate', 'parliament',
  'diet', 'administration', 'government', 'army', 'navy', 'forces', 'force', 'police', 'guard', 'reserve',
  'exchange', 'authority', 'service', 'review', 'ledger', 'wire', 'observer', 'tribune', 'herald', 'gazette',
  'chronicle', 'telegraph', 'monitor', 'broadcasting', 'television', 'radio', 'steel', 'electric', 'electronics',
  'energy', 'petroleum', 'oil', 'pharmaceuticals', 'labs', 'laboratories', 'trust', 'cabinet', 'assembly',
  'secretariat', 'tribunal', 'alliance', 'coalition', 'movement', 'front', 'institution', 'enterprises',
  'international', 'global', 'worldwide', 'studios', 'records', 'team', 'club', 'dialogue', 'program',
  'programme', 'initiative', 'project', 'treaty', 'accord', 'pact', 'advisory', 'consulting', 'consultancy',
  'research', 'associates', 'analytics', 'securities', 'investments', 'ventures', 'markets', 'steelworkers',
]);
/** Lowercase nouns that, right after a name, say it is an organization ("the Nikkei newspaper"). */
export const ORG_NOUNS_AFTER = set([
  'newspaper', 'daily', 'paper', 'magazine', 'company', 'firm', 'group', 'bank', 'agency', 'ministry', 'carrier',
  'automaker', 'carmaker', 'maker', 'giant', 'conglomerate', 'steelmaker', 'startup', 'network', 'broadcaster',
  'outlet', 'party', 'union', 'corporation', 'corp', 'subsidiary', 'chain', 'retailer', 'lender', 'insurer',
  'shareholders', 'executives', 'ceo', 'founder', 'chairman', 'spokesperson', 'spokesman', 'spokeswoman', 'board',
  'shares', 'stock', 'employees', 'workers', 'plant', 'plants', 'factory', 'mill', 'mills', 'website', 'report',
  'reported', 'news', 'wire', 'service', 'think', 'tank', 'brand', 'unit', 'division', 'affiliate', 'publication',
]);
/** Last words that make a capitalized phrase a place. */
export const PLACE_SUFFIXES = set([
  'island', 'islands', 'strait', 'straits', 'sea', 'ocean', 'river', 'mountain', 'mountains', 'mount', 'province',
  'prefecture', 'region', 'peninsula', 'bay', 'gulf', 'street', 'avenue', 'square', 'lake', 'valley', 'county',
  'city', 'district', 'coast', 'airport', 'strip', 'bank', 'desert', 'canal', 'harbor', 'harbour', 'port',
  'state', 'states', 'republic', 'kingdom', 'territory', 'territories', 'hills', 'park', 'bridge', 'capital',
]);
/** Capitalized words that are never names on their own: months, days, pronoun-like and heading words. */
export const NEVER_NAMES = set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'a', 'an', 'the', 'it', 'he', 'she',
  'we', 'they', 'you', 'his', 'her', 'their', 'our', 'my', 'this', 'that', 'these', 'those', 'there', 'here',
  'mr', 'mrs', 'ms', 'dr', 'ok', 'okay', 'yes', 'no', 'not', 'and', 'or', 'but', 'if', 'as', 'at', 'by', 'for',
  'in', 'of', 'on', 'to', 'with', 'from', 'into', 'after', 'before', 'while', 'when', 'where', 'why', 'how',
  'what', 'who', 'which', 'also', 'however', 'meanwhile', 'still', 'yet', 'so', 'then', 'now', 'today',
  'tomorrow', 'yesterday', 'last', 'next', 'earlier', 'later', 'both', 'each', 'all', 'some', 'many', 'most',
  'more', 'less', 'other', 'such', 'than', 'too', 'very', 'just', 'only', 'even', 'about', 'over', 'under',
  'said', 'says', 'told', 'according', 'update', 'updated', 'breaking', 'advertisement', 'photo', 'read',
  'share', 'comment', 'comments', 'getty', 'images', 'reuters', 'click', 'subscribe', 'note', 'editor',
  'christmas', 'easter', 'am', 'pm', 'et', 'gmt', 'utc', 'jst', 'est', 'pst', 'ad', 'bc',
]);
/** All-capital abbreviations that name things, not entities. */
export const NON_ENTITY_ACRONYMS = set([
  'GDP', 'GNP', 'CEO', 'CFO', 'COO', 'CTO', 'AI', 'TV', 'PM', 'AM', 'LNG', 'LPG', 'IT', 'ID', 'OK', 'DNA', 'COVID',
  'CPI', 'FDI', 'IPO', 'ETF', 'EV', 'EVS', 'US$', 'HQ', 'PR', 'VIP', 'FAQ', 'PDF', 'URL', 'USD', 'JPY', 'EUR', 'GBP',
  'CNY', 'KM', 'KG', 'MW', 'GW', 'AP', 'ET', 'GMT', 'UTC', 'JST', 'BC', 'AD', 'NB', 'PS', 'RIP', 'Q1', 'Q2', 'Q3',
  'Q4', 'FY', 'YOY', 'MOU', 'R&D', 'M&A', 'ESG', 'SUV', 'F', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX',
  'X', 'XI', 'XII', 'WWII', 'WWI', 'CO2', 'SMS', 'GPS', 'NBA', 'AIDS', 'HIV',
]);
/** Words joining parts of one organization or place name ("Council on Foreign Relations", "Bank of Japan"). */
export const NAME_CONNECTORS = set(['of', 'on', 'for', 'and', '&', 'de', 'du', 'des', 'la', 'le', 'der', 'van', 'von', 'al', 'bin', 'da', 'di', 'y']);
/** Connectors that may stand inside a person's name ("Ludwig van Beethoven", "Mohammed bin Salman"). */
export const PERSON_PARTICLES = set(['van', 'von', 'de', 'da', 'di', 'bin', 'al', 'der', 'la', 'le', 'du', 'del', 'della', 'dos', 'das', 'ibn']);
/** Spelling variants that name the same place or body, e.g. US / U.S. / United States. Keys are lowercased, dots removed. */
export const NAME_EQUIVALENTS: ReadonlyMap<string, string> = new Map([
  ['united states', 'us'], ['united states of america', 'us'], ['usa', 'us'],
  ['united kingdom', 'uk'], ['great britain', 'uk'], ['britain', 'uk'],
  ['united nations', 'un'], ['european union', 'eu'], ['soviet union', 'ussr'],
  ['people\'s republic of china', 'china'], ['prc', 'china'], ['republic of korea', 'south korea'], ['rok', 'south korea'],
  ['united arab emirates', 'uae'], ['democratic people\'s republic of korea', 'north korea'], ['dprk', 'north korea'],
]);
/** Lowercase words after a person's name that show it is a person (speech and cognition verbs). */
export const SPEECH_VERBS = set([
  'said', 'says', 'told', 'stated', 'added', 'noted', 'argued', 'wrote', 'explained', 'asked', 'replied', 'remarked',
  'insisted', 'warned', 'stressed', 'believes', 'believed', 'thinks', 'thought', 'recalled', 'emphasized',
  'emphasised', 'acknowledged', 'admitted', 'conceded', 'declared', 'announced', 'suggested', 'observed',
  'commented', 'continued', 'concluded', 'affirmed', 'urged', 'predicted', 'claimed', 'agreed', 'who',
]);

/**
 * Appositives that describe a person: a role noun as their head (not a possessive: "the partner of the president's
 * party"), or a noun phrase taking "who".
 */
export const PERSON_DESCRIPTION = new RegExp(
  '^(?:a|an|the|its|his|her)\\s+(?:(?!(?:which|whose|that)\\s)[A-Za-z-]+\\s+){0,4}?(?:[a-z-]+\\s+who\\b|(?:analyst|economist|operator|worker|'
  + 'manager|director|spokesman|spokeswoman|spokesperson|professor|researcher|lawyer|attorney|adviser|advisor|'
  + 'lawmaker|chairman|chairwoman|founder|employee|engineer|negotiator|diplomat|activist|journalist|reporter|'
  + 'farmer|teacher|student|doctor|nurse|resident|veteran|retiree|machinist|welder|foreman|steelworker|fellow|scholar|'
  + 'expert|historian|strategist|executive|official|commentator|correspondent|editor|author|writer|consultant|'
  + 'president|minister|premier|leader|senator|secretary|governor|mayor|ambassador|envoy|chancellor|ceo)s?\\b(?![\'’]))');

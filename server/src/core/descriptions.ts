// Finds what the sources say about who or what an entity is: appositives ("Sheila Smith, a senior fellow at the
// Council on Foreign Relations,"), ages ("Ishiba, 68," / "the 78-year-old Trump"). Titles before a name are
// collected by the recognizer while it strips them.
import type { Description, LocalEntity, Mention, Token } from './types';

const APPOSITIVE_START = /^(?:a|an|the|former|senior|chief|deputy|vice|then|now|currently|also|both|one|longtime|veteran|[a-z]+-(?:based|born|year-old)|[a-z]+(?:'s|’s)?)\b/;
const NOT_APPOSITIVE = new Set([
  'said', 'says', 'told', 'who', 'which', 'that', 'and', 'but', 'or', 'he', 'she', 'they', 'it', 'we', 'i', 'you',
  'however', 'meanwhile', 'while', 'when', 'as', 'if', 'so', 'then', 'according', 'added', 'noted', 'is', 'was',
  'are', 'were', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'do',
  'does', 'not', 'also', 'in', 'on', 'at', 'for', 'with', 'to', 'from', 'by', 'after', 'before', 'since',
  'including', 'such', 'especially', 'particularly', 'like', 'both', 'where', 'there', 'here', 'this', 'these',
]);

/** Nouns of occupation and office that make a phrase after a name describe the person. */
const ROLE_NOUNS = new Set([
  'fellow', 'professor', 'analyst', 'economist', 'researcher', 'director', 'president', 'chairman', 'chairwoman',
  'chair', 'ceo', 'founder', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'adviser',
  'advisor', 'ambassador', 'senator', 'lawmaker', 'governor', 'mayor', 'official', 'executive', 'head', 'chief',
  'leader', 'strategist', 'scholar', 'expert', 'historian', 'diplomat', 'negotiator', 'editor', 'reporter',
  'correspondent', 'commentator', 'lecturer', 'partner', 'manager', 'officer', 'member', 'lawyer', 'attorney',
  'consultant', 'dean', 'author', 'widow', 'wife', 'husband', 'son', 'daughter', 'envoy', 'premier', 'general',
]);

export function findDescriptions(
  text: string, uri: string, mentions: Mention[], entities: LocalEntity[], _tokens: Token[],
): { entity: number; description: Description }[] {
  const out: { entity: number; description: Description }[] = [];
  for (const mention of mentions) {
    const kind = entities[mention.local].kind;
    const after = text.slice(mention.end, mention.end + 200);
    const age = /^\s*,\s*(\d{1,3})\s*(?:,|\.|$)/.exec(after);
    if (age && kind === 'person' && +age[1] >= 14 && +age[1] <= 110) {
      const start = mention.end + after.indexOf(age[1]);
      out.push({ entity: mention.local, description: { uri, kind: 'age', start, end: start + age[1].length, text: age[1] } });
      continue;
    }
    const appositive = /^,\s*([^,.;:"“”()\n]{3,160}?)(?=,|\.(?:\s|$)|;|\s+[—–-]\s|["“”]|\s*\(|\n|$)/.exec(after);
    if (appositive && isAppositive(appositive[1], kind)) {
      const phrase = appositive[1].trim();
      const start = mention.end + after.indexOf(phrase);
      out.push({ entity: mention.local, description: { uri, kind: 'appositive', start, end: start + phrase.length, text: phrase } });
    }
    const before = text.slice(Math.max(0, mention.start - 20), mention.start);
    const yearOld = /(\d{1,3})-year-old\s+$/.exec(before);
    if (yearOld && kind === 'person') {
      const start = mention.start - before.length + yearOld.index;
      out.push({ entity: mention.local, description: { uri, kind: 'age', start, end: start + yearOld[1].length, text: yearOld[1] } });
    }
  }
  return out;
}

function isAppositive(phrase: string, kind: LocalEntity['kind']): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length < 2 || words.length > 22) return false;
  if (/\b(?:said|says|told|reported|added|wrote|according)\b/.test(phrase)) return false;
  const first = words[0];
  // A relative clause that says what the person does: "who studies Japanese politics at ...".
  if (first === 'who' && kind === 'person') return /^(?:is|was|heads|leads|runs|studies|teaches|directs|chairs|served|serves|advises|advised|covers|oversees|founded|represents|works)$/.test(words[1] ?? '') && words.length >= 4;
  if (!/^[a-z]/.test(first) && !/^\p{Lu}[\p{L}]+(?:'s|’s)$/u.test(first)) return false;
  if (NOT_APPOSITIVE.has(first.toLowerCase())) return false;
  if (!APPOSITIVE_START.test(phrase.trim())) return false;
  const leadsWithArticle = /^(?:a|an|the|former|senior|chief|deputy|vice|longtime|veteran)$/.test(first);
  if (kind !== 'person' && !/^(?:a|an|the)$/.test(first)) return false;
  if (!leadsWithArticle && !words.slice(0, 4).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^a-z]/g, '')))) return false;
  // A verb right after the name ("Smith, speaking on Monday") or a list of names is not a description.
  if (/^[a-z]+(?:ing|ed)$/.test(first) && !['leading', 'ruling', 'governing', 'retired', 'embattled', 'elected', 'acclaimed', 'renowned', 'detained', 'jailed'].includes(first)) return false;
  if (kind === 'place') return false;
  return true;
}

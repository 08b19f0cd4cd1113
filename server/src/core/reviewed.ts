// Conflicts the user has reviewed, kept in .corroborate/reviewed.json: { "reviewed": [{ "id": "...", "reason": "..." }] }.
// Parsing never throws; a malformed file yields problems and hides nothing.
import type { ConfigProblem } from './userEntities';

export interface ReviewedConflict {
  id: string;
  reason?: string;
  /** What the conflict was about when it was reviewed, to keep the file readable. */
  subject?: string;
}

export function parseReviewed(text: string | undefined): { reviewed: ReviewedConflict[]; problems: ConfigProblem[] } {
  if (text === undefined || text.trim() === '') return { reviewed: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { reviewed: [], problems: [{ start: 0, end: Math.min(1, text.length), message: `Corroborate cannot read this file as JSON: ${(error as Error).message}` }] };
  }
  const list = (raw as { reviewed?: unknown })?.reviewed;
  if (!Array.isArray(list)) return { reviewed: [], problems: [{ start: 0, end: Math.min(1, text.length), message: 'Expected { "reviewed": [ { "id": "...", "reason": "..." } ] }.' }] };
  const reviewed: ReviewedConflict[] = [];
  const problems: ConfigProblem[] = [];
  for (const entry of list) {
    const e = entry as Record<string, unknown>;
    if (e && typeof e.id === 'string') reviewed.push({ id: e.id, reason: typeof e.reason === 'string' ? e.reason : undefined, subject: typeof e.subject === 'string' ? e.subject : undefined });
    else problems.push({ start: 0, end: Math.min(1, text.length), message: 'Each reviewed entry needs an "id" (a string).' });
  }
  return { reviewed, problems };
}

/** The file's new text with one more reviewed conflict, keeping what was there. */
export function addReviewed(text: string | undefined, entry: ReviewedConflict): string {
  const { reviewed } = parseReviewed(text);
  const next = reviewed.filter((r) => r.id !== entry.id).concat([entry]);
  return JSON.stringify({ reviewed: next }, null, 2) + '\n';
}

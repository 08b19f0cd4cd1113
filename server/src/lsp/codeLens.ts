// textDocument/codeLens: "Sheila Smith · 9 mentions in 4 sources" at each entity's first mention in the document
// (and above attributed quotes when claims are available); clicking lists the mentions (client command).
import type { CodeLens, CodeLensParams, Location } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity, Mention } from '../core/types';
import { locationIn, rangeIn } from './convert';
import { mentionSummary } from './entityFormat';

/** The client command that turns [uri, position, locations] into VS Code types and calls editor.action.showReferences. */
export const SHOW_MENTIONS_COMMAND = 'corroborate.showMentions';

/** What gets a lens: entity kinds and 'quote'. People and quotes by default: a lens over every paragraph is noise. */
export type LensKind = 'person' | 'organization' | 'place' | 'quote';
export const DEFAULT_LENS_KINDS: LensKind[] = ['person', 'quote'];

/** Reads `corroborate.codeLens.kinds`, keeping only known kinds. */
export function readLensKinds(settings: unknown): LensKind[] {
  const raw = (settings as { codeLens?: { kinds?: unknown } } | null)?.codeLens?.kinds;
  if (!Array.isArray(raw)) return DEFAULT_LENS_KINDS;
  return raw.filter((k): k is LensKind => k === 'person' || k === 'organization' || k === 'place' || k === 'quote');
}

export function provideCodeLenses(corpus: Corpus, params: CodeLensParams, kinds: readonly LensKind[] = DEFAULT_LENS_KINDS): CodeLens[] {
  const uri = params.textDocument.uri;
  const lenses: CodeLens[] = [];
  const seen = new Set<string>();
  for (const { mention, entity } of corpus.mentionsIn(uri)) {
    if (seen.has(entity.id) || !kinds.includes(entity.kind)) continue;
    seen.add(entity.id);
    lenses.push(lensFor(corpus, uri, mention, entity, `${entity.canonical} · ${mentionSummary(entity)}`));
  }
  const claims = kinds.includes('quote') ? corpus.claimsOf(uri) : undefined;
  const saidOnLine = new Set<string>();
  for (const quote of claims?.quotes ?? []) {
    const speaker = quote.speaker === undefined ? undefined : corpus.entityOfLocal(uri, quote.speaker);
    if (!speaker) continue;
    const key = `${rangeIn(corpus, uri, quote.start, quote.start).start.line}:${speaker.id}`;
    if (saidOnLine.has(key)) continue; // one "Said by" per speaker and line
    saidOnLine.add(key);
    lenses.push(lensFor(corpus, uri, quote, speaker, `Said by ${speaker.canonical} · ${mentionSummary(speaker)}`));
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function lensFor(corpus: Corpus, uri: string, at: { start: number; end: number }, entity: Entity, title: string): CodeLens {
  const range = rangeIn(corpus, uri, at.start, at.end);
  const locations: Location[] = [...entity.mentions].sort(byPlace).map((m) => locationIn(corpus, m.uri, m.start, m.end));
  return { range, command: { title, command: SHOW_MENTIONS_COMMAND, arguments: [uri, range.start, locations] } };
}

const byPlace = (a: Mention, b: Mention) => (a.uri === b.uri ? a.start - b.start : a.uri < b.uri ? -1 : 1);

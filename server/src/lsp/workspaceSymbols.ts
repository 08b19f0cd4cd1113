// workspace/symbol (Ctrl+T): entities whose names match the query, each at its most descriptive mention.
import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity } from '../core/types';
import { locationIn } from './convert';
import { mostDescriptiveMention } from './definition';
import { ENTITY_SYMBOL_KIND } from './documentSymbols';
import { mentionSummary } from './entityFormat';

const MAX_RESULTS = 200;

export function provideWorkspaceSymbols(corpus: Corpus, params: WorkspaceSymbolParams): SymbolInformation[] {
  const query = fold(params.query);
  const scored: { entity: Entity; score: number }[] = [];
  for (const entity of corpus.entities()) {
    const score = query === '' ? 1 : Math.max(...[entity.canonical, ...entity.names].map((n) => matchScore(fold(n), query)));
    if (score > 0) scored.push({ entity, score });
  }
  scored.sort((a, b) => b.score - a.score || b.entity.mentions.length - a.entity.mentions.length || a.entity.canonical.localeCompare(b.entity.canonical));
  const out: SymbolInformation[] = [];
  for (const { entity } of scored.slice(0, MAX_RESULTS)) {
    const target = mostDescriptiveMention(entity);
    if (!target) continue;
    out.push({ name: entity.canonical, kind: ENTITY_SYMBOL_KIND[entity.kind], containerName: `${entity.kind} · ${mentionSummary(entity)}`, location: locationIn(corpus, target.uri, target.start, target.end) });
  }
  return out;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'.]/g, '').replace(/\s+/g, ' ').trim();

/** 3: substring; 2: every query word starts a word of the name ("sh smi"); 1: letters in order starting a word ("shsm"); 0: no match. */
export function matchScore(name: string, query: string): number {
  if (name.includes(query)) return 3;
  const words = name.split(/[\s-]+/);
  const parts = query.split(' ');
  if (parts.every((p) => words.some((w) => w.startsWith(p)))) return 2;
  const compact = query.replace(/ /g, '');
  return subsequenceFromWordStart(name, compact) ? 1 : 0;
}

function subsequenceFromWordStart(name: string, query: string): boolean {
  if (!query || !name.startsWith(query[0]) && !name.includes(' ' + query[0])) return false;
  let i = 0;
  for (const ch of name) if (ch === query[i]) i++;
  return i === query.length;
}

// `corroborate check <folder>`: the conflicts between sources as text, JSON or SARIF, and an exit code for CI.
import { lineOf } from '../core/corpus';
import type { Conflict } from '../core/claims/types';
import type { LoadedFolder } from './loadFolder';
import { toSarif } from './sarif';

export type Level = 'error' | 'warning' | 'note' | 'off';
export interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  failOn: 'warning' | 'error' | 'never';
  /** Level per conflict kind family (figures, dates, quotes); warning unless set. */
  levels: { figures: Level; dates: Level; quotes: Level };
}

export interface Finding {
  conflict: Conflict;
  level: Exclude<Level, 'off'>;
  places: { file: string; line: number; column: number; endLine: number; endColumn: number; text: string; message: string; source: string }[];
}

export function findings(loaded: LoadedFolder, levels: CheckOptions['levels']): Finding[] {
  const { corpus, relative } = loaded;
  const out: Finding[] = [];
  for (const conflict of corpus.conflicts()) {
    const level = conflict.kind === 'figure' ? levels.figures : conflict.kind === 'date' ? levels.dates : levels.quotes;
    if (level === 'off') continue;
    const places = conflict.claims.map((claim, i) => {
      const starts = corpus.source(claim.uri)?.lineStarts ?? [0];
      const line = lineOf(starts, claim.start);
      const endLine = lineOf(starts, claim.end);
      return {
        file: relative(claim.uri), line: line + 1, column: claim.start - starts[line] + 1, endLine: endLine + 1, endColumn: claim.end - starts[endLine] + 1,
        text: claim.text, message: conflict.messages[i] ?? conflict.subject, source: corpus.source(claim.uri)?.meta.source ?? relative(claim.uri),
      };
    });
    out.push({ conflict, level, places });
  }
  return out;
}

export function check(loaded: LoadedFolder, options: CheckOptions): { output: string; exitCode: number } {
  const found = findings(loaded, options.levels);
  const failing = found.filter((f) => options.failOn === 'warning' ? true : options.failOn === 'error' ? f.level === 'error' : false);
  const exitCode = failing.length > 0 ? 1 : 0;
  if (options.format === 'json') {
    return { output: JSON.stringify({ sources: loaded.corpus.size, conflicts: found.map((f) => ({ id: f.conflict.id, kind: f.conflict.kind, subject: f.conflict.subject, level: f.level, places: f.places })) }, null, 2), exitCode };
  }
  if (options.format === 'sarif') return { output: JSON.stringify(toSarif(found), null, 2), exitCode };
  const lines = found.flatMap((f) => [
    `${f.level}: ${f.conflict.subject} (${f.conflict.kind})`,
    ...f.places.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`),
  ]);
  lines.push(`${found.length} conflict${found.length === 1 ? '' : 's'} in ${loaded.corpus.size} sources`);
  return { output: lines.join('\n'), exitCode };
}

// corroborate/status: counts for the status bar (sources, entities, conflicts) and whether indexing is under way.
import type { Corpus } from '../core/corpus';

export interface Status { sources: number; entities: number; conflicts: number; indexing: boolean }

/**
 * `indexing` is whether an index of the folders is asked for or running: a file closed, a watched file changed or
 * the snapshot written are not indexing (the status bar would flicker "Indexing…" at each).
 */
export function provideStatus(corpus: Corpus, indexing: boolean): Status {
  // While indexing the client shows "Indexing…": counting would group and find conflicts at once, holding up the
  // index's own steps.
  if (indexing) return { sources: corpus.size, entities: 0, conflicts: 0, indexing };
  return { sources: corpus.size, entities: corpus.entities().length, conflicts: corpus.conflicts().length, indexing };
}

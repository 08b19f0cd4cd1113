// corroborate/status: counts for the status bar (sources, entities, conflicts) and whether indexing is under way.
import type { Corpus } from '../core/corpus';

export interface Status { sources: number; entities: number; conflicts: number; indexing: boolean }

/** `whenIndexed` settles once the index is built; still pending on the next turn means indexing is under way. */
export async function provideStatus(corpus: Corpus, whenIndexed: () => Promise<void>): Promise<Status> {
  const indexing = await Promise.race([whenIndexed().then(() => false), new Promise<boolean>((resolve) => setImmediate(() => resolve(true)))]);
  // While indexing the client shows "Indexing…": counting would group and find conflicts at once, holding up the
  // index's own steps.
  if (indexing) return { sources: corpus.size, entities: 0, conflicts: 0, indexing };
  return { sources: corpus.size, entities: corpus.entities().length, conflicts: corpus.conflicts().length, indexing };
}

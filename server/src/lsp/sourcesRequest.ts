// corroborate/sources: every indexed document with its header (title, publication, date) for the Sources view.
import type { Corpus } from '../core/corpus';

export interface SourceEntry { uri: string; title?: string; source?: string; author?: string; date?: string; mentions: number; entities: number }

export function provideSources(corpus: Corpus): { sources: SourceEntry[] } {
  const sources = corpus.uris().map((uri) => {
    const meta = corpus.source(uri)?.meta;
    const mentions = corpus.mentionsIn(uri);
    return {
      uri,
      ...(meta?.title ? { title: meta.title } : {}),
      ...(meta?.source ? { source: meta.source } : {}),
      ...(meta?.author ? { author: meta.author } : {}),
      ...(meta?.date ? { date: meta.date } : {}),
      mentions: mentions.length,
      entities: new Set(mentions.map((m) => m.entity.id)).size,
    };
  });
  sources.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.uri.localeCompare(b.uri));
  return { sources };
}

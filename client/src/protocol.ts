// The shapes of Corroborate's custom requests (server/src/lsp/*Request.ts), as the client sees them.
import type { LanguageClient } from 'vscode-languageclient/node';

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }
export interface LspLocation { uri: string; range: LspRange }
export interface EntityInfo { id: string; kind: 'person' | 'organization' | 'place'; name: string; names: string[]; mentionCount: number; sourceCount: number; note?: string; mentions?: (LspLocation & { text: string })[] }
export interface ConflictInfo { id: string; kind: string; subject: string; claims: (LspLocation & { text: string; source?: string })[]; messages: string[] }
export interface SourceEntry { uri: string; title?: string; source?: string; author?: string; date?: string; mentions: number; entities: number }
export interface Status { sources: number; entities: number; conflicts: number; indexing: boolean }
export interface Profile {
  id: string; kind: string; name: string; names: string[]; note?: string; mentionCount: number; sourceCount: number;
  descriptions: (LspLocation & { kind: string; text: string; source: string })[];
  quotes: (LspLocation & { text: string; source: string })[];
  sources: { uri: string; source: string; title?: string; date?: string; mentions: number }[];
  timeline: { date?: string; mentions: number; sources: string[] }[];
}

export const DID_CHANGE = 'corroborate/didChange';

/** Typed wrappers around the custom requests. */
export class Requests {
  constructor(private readonly client: () => LanguageClient) {}
  entities(withMentions = false) { return this.client().sendRequest<{ entities: EntityInfo[] }>('corroborate/entities', { withMentions }).then((r) => r.entities); }
  entityMentions(id: string) { return this.client().sendRequest<{ mentions: (LspLocation & { text: string })[] }>('corroborate/entityMentions', { id }).then((r) => r.mentions); }
  sources() { return this.client().sendRequest<{ sources: SourceEntry[] }>('corroborate/sources').then((r) => r.sources); }
  conflicts() { return this.client().sendRequest<{ conflicts: ConflictInfo[] }>('corroborate/conflicts').then((r) => r.conflicts); }
  profile(id: string) { return this.client().sendRequest<Profile | null>('corroborate/profile', { id }); }
  status() { return this.client().sendRequest<Status>('corroborate/status'); }
  whenIndexed() { return this.client().sendRequest('corroborate/whenIndexed'); }
  reindex() { return this.client().sendRequest('corroborate/reindex'); }
}

// The analysis core, loaded from its compiled output. The source and the compiled test sit at different depths
// (test/core/entities vs test/out/core/entities), so one relative import cannot serve both: the types come from
// the source through the project reference, the code from server/out at run time.
import * as path from 'path';

type CorpusModule = typeof import('../../../server/src/core/corpus');
type DocumentModule = typeof import('../../../server/src/core/document');
type HoverModule = typeof import('../../../server/src/core/hover');
type UserEntitiesModule = typeof import('../../../server/src/core/userEntities');
type MetaModule = typeof import('../../../server/src/core/meta');
type TokenizeModule = typeof import('../../../server/src/core/tokenize');
type NamesModule = typeof import('../../../server/src/core/names');

const CORE = path.resolve(__dirname, '../../../../server/out/core');
const load = <T>(name: string): T => require(path.join(CORE, name)) as T;

export const { Corpus, lineStarts, lineOf } = load<CorpusModule>('corpus');
export type Corpus = import('../../../server/src/core/corpus').Corpus;
export const { analyzeDocument } = load<DocumentModule>('document');
export const { entityHoverMarkdown } = load<HoverModule>('hover');
export const { parseUserEntities } = load<UserEntitiesModule>('userEntities');
export const { readMeta, parseDate } = load<MetaModule>('meta');
export const { tokenize, findHeadingLines } = load<TokenizeModule>('tokenize');
export const { foldName, personKey, phraseKey, stripPossessive } = load<NamesModule>('names');
export type { Entity, EntityKind, Mention, Description, DocumentMeta } from '../../../server/src/core/types';

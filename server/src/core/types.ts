// The core's vocabulary: the plain data that flows from text to findings. No behaviour lives here.

/** Offsets are JavaScript string indices (UTF-16 code units) into a document's full text. */
export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'organization' | 'place';

/** A document handed to the core: its identity, its full text, and a version that changes with the text. */
export interface SourceText {
  uri: string;
  text: string;
  version: number;
}

/** What a document's header (or dateline) says about it. */
export interface DocumentMeta {
  /** ISO date, YYYY-MM-DD, when the header or a dateline gives one. */
  date?: string;
  title?: string;
  source?: string;
  author?: string;
  /** Offset where the body starts (after the header or front matter). */
  bodyStart: number;
  /** Problems found while reading the header, e.g. an unreadable date. */
  problems: { span: Span; message: string }[];
}

export interface Token extends Span {
  text: string;
  /** Index of the sentence this token belongs to. */
  sentence: number;
  /** True when the token is the first word of its sentence (capitals there prove nothing). */
  sentenceStart: boolean;
  /** True when the token is on a line that holds nothing but a short title-cased phrase (a heading). */
  inHeading: boolean;
}

/** A name as it appears in one document, before grouping across documents. */
export interface Mention extends Span {
  uri: string;
  /** The text of the name as written, without titles and possessive ending. */
  text: string;
  kind: EntityKind;
  /** The document-local entity this mention belongs to (an index into DocumentAnalysis.localEntities). */
  local: number;
}

export type DescriptionKind = 'appositive' | 'title' | 'age' | 'note';

/** Something a source says about who or what an entity is. */
export interface Description extends Span {
  uri: string;
  kind: DescriptionKind;
  /** The description itself, e.g. "a senior fellow at the Council on Foreign Relations", "68". */
  text: string;
}

/** An entity as one document knows it: its names there, mentions and descriptions. */
export interface LocalEntity {
  kind: EntityKind;
  /** The fullest name the document gives. */
  name: string;
  /** Every surface form used in the document. */
  names: string[];
  /** Acronym introduced for it in this document, e.g. LDP. */
  acronym?: string;
  /** True when the document only ever uses a single word (a bare surname) for it. */
  singleWord: boolean;
  mentions: number[];
  descriptions: Description[];
  /** Grammatical gender hint from honorifics or pronouns ('f' for Mrs./Ms./she), used to keep people apart. */
  gender?: 'm' | 'f';
}

/** Everything the core learns from one document, cached by uri + version. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  meta: DocumentMeta;
  mentions: Mention[];
  localEntities: LocalEntity[];
}

/** An entity grouped across the whole corpus. */
export interface Entity {
  id: string;
  kind: EntityKind;
  canonical: string;
  names: string[];
  mentions: Mention[];
  /** How many documents the mentions are in (counted once, as the entity is built). */
  sources: number;
  descriptions: Description[];
  /** The user's own note from .corroborate/entities.json, shown first. */
  note?: string;
}

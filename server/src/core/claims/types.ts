// The data of claims (figures, event dates, direct quotes) and of the conflicts found between sources.
import type { Span } from '../types';

/** A number a source states, with what it measures. */
export interface Figure extends Span {
  uri: string;
  /** The figure as written, e.g. "around 54,000", "$14.9-billion". */
  text: string;
  /** The value as stated (for ranges, the middle is not used: see low/high). */
  value: number;
  /** Bounds implied by hedges and ranges: "more than 50,000" -> low 50000, high Infinity. Equal to value when exact. */
  low: number;
  high: number;
  /** Normalized unit: a currency code (USD, JPY, EUR...), 'percent', 'people', 'years-old', 'hours', 'days', 'count'... */
  unit: string;
  /** The hedge word, if any ("around", "more than"...). */
  hedge?: string;
  /** Normalized head noun of what is measured, e.g. "bid", "troops", "pledge", "deficit". */
  measure: string;
  /** Document-local entity (index into DocumentAnalysis.localEntities) whose measure it is, when known. */
  subject?: number;
  /** A year the figure is tied to ("the 2023 deficit"), when given. */
  year?: number;
  /**
   * The month the figure is stated for when the text dates it ("in December 2023, when Acme employed 27,000
   * people"), YYYY-MM: compared with sources written around then rather than around the source's own date.
   */
  asOf?: string;
  /** Document-local entity the measure is directed at or taken against ("tariffs on Canada", "deficit with Japan"). */
  target?: number;
  /**
   * People and organizations named in the figure's sentence when no owner was found (document-local indices), so
   * the corpus can name the owner when exactly one of them owns the same measure elsewhere.
   */
  nearby?: number[];
  /**
   * Half the place value of the last significant digit as written, in value units ("$14.9 billion" -> 0.05e9,
   * "54,000" -> 500): the value stands for anything within it. Absent means exact.
   */
  rounding?: number;
}

/** A date given for an event. */
export interface EventDate extends Span {
  uri: string;
  text: string;
  /**
   * Resolved calendar date, YYYY-MM-DD; "--MM-DD" (month and day only) when the text gives no year and the document
   * has no date (see `yearless`).
   */
  date: string;
  /**
   * True when the date was written without a year in an undated document ("On February 6, ..."): conflict finding
   * places it in the year nearest the dated claims of the same event, or compares it with other year-less claims by
   * month and day only.
   */
  yearless?: boolean;
  /** True when resolved from a relative expression ("on Friday") against the document date. */
  relative: boolean;
  /** Normalized event noun, e.g. "meeting", "summit". */
  event: string;
  /** Entities taking part, when known (document-local indices). */
  participants: number[];
}

/** A direct quotation and who said it. */
export interface Quote extends Span {
  uri: string;
  /** The words inside the quotation marks. */
  text: string;
  /** `quoteTokens(text)`, computed once where the quote is read (worker threads), for conflict finding. */
  tokens?: string[];
  /** Document-local entity who said it, when found. */
  speaker?: number;
  /** Where the speaker is named for this quote (a name or a pronoun). */
  speakerSpan?: Span;
  /** How the speaker was found: named next to the quote, through a pronoun, or carried over from the quote before. */
  attribution?: 'name' | 'pronoun' | 'previous';
  /**
   * The speaker is named like a person ("Frank Duda, a crane operator who ...") although the recognizer typed the
   * entity otherwise: fit to be compared for who said the words.
   */
  speakerPerson?: boolean;
}

export interface DocumentClaims {
  figures: Figure[];
  dates: EventDate[];
  quotes: Quote[];
}

export type ConflictKind = 'figure' | 'date' | 'quote-wording' | 'quote-speaker';

export interface ClaimRef extends Span {
  uri: string;
  text: string;
}

/** Two or more sources that cannot all be right about one thing. */
export interface Conflict {
  /** Stable id from the kind, subject and the sorted places, used to mark a conflict reviewed. */
  id: string;
  kind: ConflictKind;
  /** Plain-words description of what is disputed, e.g. "Nippon Steel's bid for US Steel". */
  subject: string;
  /** Every place involved; the message for each place names the others. */
  claims: ClaimRef[];
  /** One message per claim (same order): "This source gives $14.1 billion ...; 3 other sources give $14.9 billion". */
  messages: string[];
  /**
   * One number per claim (same order): claims with the same number agree with each other (the same value, day,
   * wording or speaker); a place disagrees only with places of another number, so only those are worth pointing at.
   */
  sides?: number[];
  /** For figures: the measure and owner disputed (`figureLinkKey`), by which the conflict index finds it again. */
  key?: string;
}

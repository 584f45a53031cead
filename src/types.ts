import type { UserRuleSpec } from './rules/user.js';

/**
 * Public types of article-clean. Everything the library returns is plain data,
 * so a CleanResult can be serialised to JSON as it is (see render/json.ts).
 */

/** A 1-based, inclusive range of input line numbers: [first, last]. */
export type LineRange = [first: number, last: number];

/** What boilerplate carried, lifted into structured fields instead of being thrown away. */
export interface Metadata {
  /** Publication time as ISO 8601 (local time unless the dump gave a zone). */
  published?: string;
  /** Last-update time as ISO 8601, when the dump labels one. */
  updated?: string;
  /** A relative publication time as the dump printed it ("3 hours ago"), when no `now` was given to resolve it. */
  publishedText?: string;
  /** The same for an update ("Updated 5 minutes ago"). */
  updatedText?: string;
  category?: string;
  tags?: string[];
  views?: number;
  comments?: number;
  likes?: number;
  shares?: number;
  /** Who the text comes from (agency, publisher): "APD News", "Reuters", "新华社". */
  source?: string;
  /** Who wrote it, as printed (publisher + reporter lines are kept whole). */
  byline?: string;
  /** The names of a "By A, B and C" byline, one by one. */
  authors?: string[];
  editor?: string;
  photoCredit?: string;
}

export type MetadataField = keyof Metadata;

/** A paragraph of the clean output: a run of kept lines. */
export interface Paragraph {
  lines: LineRange;
  text: string;
}

/** An input line removed by a boilerplate rule. */
export interface Removal {
  lines: LineRange;
  /** Rule id, e.g. "dates/metadata-line". */
  rule: string;
  /** Why: the rule's one-line description. */
  reason: string;
  /** The lines as they were in the input (before normalization). */
  text: string;
  /** The features or score that decided, for page-mode removals ("4 words, stop words 0.00, bullet item"). */
  detail?: string;
}

export type DuplicateKind = 'exact' | 'near' | 'contained';

/** A paragraph dropped because another copy of it was kept. */
export interface Duplicate {
  lines: LineRange;
  /** The kept copy. `source` is set only when it lives in another document. */
  of: { lines: LineRange; source?: string };
  kind: DuplicateKind;
  /**
   * exact: 1. near: Dice coefficient of the two paragraphs' canonical forms.
   * contained: share of this copy's word shingles found in the kept copy.
   */
  similarity: number;
  /** The dropped paragraph as it was in the input. */
  text: string;
}

/** A line whose text was repaired before cleaning (CleanOptions.fixMojibake). */
export interface Change {
  lines: LineRange;
  /** What was done: "mojibake" (the only kind so far). */
  kind: 'mojibake';
  /** Which misreading was undone: UTF-8 read as Windows-1252/Latin-1, or as GBK. */
  from: 'utf8-as-cp1252' | 'utf8-as-gbk';
  reason: string;
  /** The line as it was in the input. */
  before: string;
  /** The line as repaired (before normalization). */
  after: string;
}

export interface CleanStats {
  /** Input lines, blank ones included. */
  linesIn: number;
  /** Non-blank input lines: the ones the accounting invariant is about. */
  contentLinesIn: number;
  /** Lines in the clean text, without the blank separators. */
  linesOut: number;
  paragraphsOut: number;
  /** Lines removed by rules. */
  removed: number;
  /** Paragraphs dropped as duplicates. */
  duplicates: number;
  /** Lines inside those paragraphs. */
  duplicateLines: number;
}

export interface CleanResult {
  schemaVersion: 1;
  /** Where the text came from ("-" for stdin); only set when the caller says. */
  source?: string;
  /** How the dump was read: an article-only dump, or a whole page the article was found in. */
  mode: 'article' | 'page';
  /**
   * Corpus scope only (CorpusIndex): most of this document's text (`share` of
   * the characters of its comparable paragraphs) copies one earlier document.
   */
  duplicateOf?: { source: string; share: number };
  /** The clean text: paragraphs separated by one blank line, ending in a newline (empty when nothing is kept). */
  text: string;
  paragraphs: Paragraph[];
  metadata: Metadata;
  removed: Removal[];
  duplicates: Duplicate[];
  /** Lines repaired before cleaning; present when `fixMojibake` was asked for (empty when nothing needed it). */
  changes?: Change[];
  stats: CleanStats;
}

export type KeepPolicy = 'first' | 'longest';

/** auto: decide per document; article: only line rules; page: also find the article among menus and lists. */
export type CleanMode = 'auto' | 'article' | 'page';

export interface CleanOptions {
  /** Recorded in the result as `source`. */
  source?: string;
  /** Apply boilerplate rules (default true). */
  rules?: boolean;
  /** Rule ids or families ("social") not to apply. */
  disable?: readonly string[];
  /** Drop repeated paragraphs (default true). */
  dedupe?: boolean;
  /** Dice coefficient at or above which two paragraphs are near duplicates (default 0.85). */
  threshold?: number;
  /** Which copy of a near or exact duplicate stays (default "first"). Truncated copies always yield to the fuller one. */
  keep?: KeepPolicy;
  /**
   * Paragraphs shorter than this many UTF-8 bytes of canonical text are never
   * treated as duplicates (default 50): short lines repeat legitimately.
   */
  minDuplicateBytes?: number;
  /** How to read the dump (default "auto"). */
  mode?: CleanMode;
  /** In page mode, keep the headline just above the article (default true). */
  title?: boolean;
  /**
   * Lines shared by many files of the batch this text belongs to (normalized
   * line → number of files), removed as `template/repeated-across-files`.
   * The CLI builds it per folder; see `findTemplateLines`.
   */
  template?: { lines: ReadonlyMap<string, number>; files: number };
  /**
   * Rules of your own (plain data, validated with validateConfig), tried
   * before the built-in ones: see src/rules/user.ts and README "Your own rules".
   */
  userRules?: readonly UserRuleSpec[];
  /**
   * The moment relative times ("3 hours ago", "昨天") are resolved against:
   * ISO 8601 with an offset or Z. Without it they stay as printed
   * (metadata.publishedText / updatedText).
   */
  now?: string;
  /**
   * Repair mojibake before cleaning: lines of UTF-8 that were read as
   * Windows-1252/Latin-1 or as GBK somewhere upstream ("CafÃ©", "鍙戝竷").
   * Conservative: a line is changed only when the repair is unambiguous; each
   * repaired line is listed in `changes` (default false).
   */
  fixMojibake?: boolean;
}

/** Where a line stands in its document. */
export interface Zone {
  /** Within the first few content lines. */
  header: boolean;
  /** Within the last few content lines. */
  footer: boolean;
}

/** What a rule can see about the line it tests and its neighbours. */
export interface RuleContext {
  /** Index of the line among the document's content (non-blank) lines. */
  readonly index: number;
  /** The document's content lines, normalized. */
  readonly lines: readonly string[];
  readonly zone: Zone;
  /** Whether the content line at `index + offset` stands alone in its paragraph. */
  standsAlone(offset?: number): boolean;
  /** The id of the rule that removed the content line at `index + offset`, if any (so far). */
  removedBy(offset: number): string | undefined;
  /** The content line at `index + offset`, or undefined outside the document. */
  line(offset: number): string | undefined;
}

/** What a matching rule reports: the metadata the line carried. */
export interface RuleMatch {
  metadata?: Metadata;
}

/**
 * An example for a rule's table-driven test: a line alone, or a line in context
 * (`lines[target]` is the line under test; the others are its document).
 */
export type RuleExample = string | { lines: string[]; target: number };

export type RuleZone = 'anywhere' | 'header' | 'footer' | 'edges';

export interface Rule {
  /** "family/name", stable: users pass it to --disable. */
  id: string;
  /** One line; doubles as the removal reason. */
  description: string;
  /** Where in a document the rule applies ("edges": header or footer). */
  zone: RuleZone;
  /** True when the rule looks at neighbours' removal state, so it is re-run until nothing changes. */
  contextual?: boolean;
  /**
   * The longest line (in characters) this kind of boilerplate can be; longer
   * lines never reach `test`. Default (and cap): 400, for every rule.
   */
  maxLength?: number;
  examples: { removes: RuleExample[]; keeps: RuleExample[] };
  /**
   * The regular expressions `test` runs on the line or on parts of it (the
   * shared pieces of rules/patterns.ts aside), listed so the ReDoS audit
   * (test/redos.test.ts) can run each one on hostile input by itself.
   */
  patterns?: readonly RegExp[];
  test(line: string, ctx: RuleContext): RuleMatch | null;
}

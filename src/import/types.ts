import type { Diagnostic } from '../diagnostics.ts';
import type { EntityType } from '../types.ts';

/**
 * The hand-off types of `briefing import` (FORMAT.md §7). The pipeline, in `import.ts`, is
 * fetch → parse → extract → metadata → clean → link → propose → write; each step takes and returns
 * the plain data below.
 */

/** How a report's text is read: plain text, Markdown, or a web page. */
export type ReportKind = 'text' | 'markdown' | 'html';

/** fetch: a SOURCE read whole, decoded, BOM removed, CRLF and CR as LF. */
export interface RawReport {
  /** The SOURCE as the user gave it (a path or URL); for a folder, the path of the file in it. */
  readonly file: string;
  readonly kind: ReportKind;
  readonly content: string;
  /** The address a URL source was fetched from. */
  readonly url?: string;
}

/** A paragraph of the report's text: its words as received and where they start in that text. */
export interface Paragraph {
  readonly text: string;
  /** Offset in `ExtractedReport.text`, in UTF-16 code units. */
  readonly start: number;
}

/** What the report itself says about itself; every value is plain text, already trimmed. */
export interface ReportMetadata {
  readonly title?: string;
  readonly source?: string;
  readonly published?: string;
  readonly author?: readonly string[];
  readonly url?: string;
  readonly dateline?: string;
}

/** extract: the report's text (for HTML the extracted text) and its body paragraphs. */
export interface ExtractedReport {
  readonly file: string;
  readonly kind: ReportKind;
  /** The text offsets count in (FORMAT.md §7): the file as read, or the text extracted from HTML. */
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** Found by the extract step itself: a text's headline and dateline, Readability's guesses. */
  readonly found: ReportMetadata;
  /** What the extract step did that the editor should know (the dateline moved out, …). */
  readonly notes: readonly string[];
  readonly url?: string;
}

/** clean: the body paragraphs without trailing website boilerplate, and what was removed. */
export interface CleanedReport extends ExtractedReport {
  /** The removed paragraphs, in order, with the kind of boilerplate each one is. */
  readonly removed: readonly { readonly text: string; readonly kind: BoilerplateKind }[];
}

export type BoilerplateKind = 'comment form' | 'share prompt' | 'cookie notice' | 'related links';

/** A candidate new entity, as the propose step returns it (`src/import/propose.ts`'s `Candidate`). */
export interface CandidateLike {
  readonly name: string;
  readonly type: EntityType;
  /** Offsets in UTF-16 code units of the report's text (FORMAT.md §7). */
  readonly occurrences: readonly { readonly offset: number; readonly length: number }[];
  readonly score?: number;
}

export interface ImportOptions {
  /** SOURCEs: `.txt`, `.md`, `.html` files, folders of them, http(s) URLs. */
  readonly sources: readonly string[];
  /** The content folder; drafts go to its `articles/`, `--create` entity drafts to `entities/`. */
  readonly input: string;
  /** Fills `source` where the report names no publication. */
  readonly source?: string;
  /** Fills `published` where the report gives no date (ISO 8601). */
  readonly published?: string;
  /** Write nothing; the result still holds every draft. */
  readonly dryRun?: boolean;
  /** Write a draft entity file for each candidate. */
  readonly create?: boolean;
  /** The link step: the body with known entities linked. Default: the content folder's entities, linked as `briefing link --fix` links them. */
  readonly link?: (body: string) => string;
  /** The propose step: candidate new entities in the report's text. Default: `proposeEntities` with the content folder's entities as known. */
  readonly propose?: (text: string) => readonly CandidateLike[];
  /** One line per report (progress). */
  readonly log?: (line: string) => void;
  /** Limits of a URL fetch; also the largest file read. */
  readonly fetchTimeoutMs?: number;
  readonly maxBytes?: number;
}

/** One report, imported (or, under `dryRun`, ready to be). */
export interface ImportedReport {
  readonly file: string;
  readonly slug: string;
  /** The article file it is (or would be) written to. */
  readonly path: string;
  /** The whole file. */
  readonly markdown: string;
  readonly candidates: readonly CandidateLike[];
  readonly written: boolean;
}

export interface ImportResult {
  readonly reports: readonly ImportedReport[];
  /** Warnings about the drafts (placeholders to fill in), at the line of the key in the draft. */
  readonly diagnostics: readonly Diagnostic[];
  /** Sources that could not be imported: one message each. */
  readonly errors: readonly { readonly file: string; readonly message: string }[];
  /** Entity draft files written by `create`, and those skipped because the file exists. */
  readonly created: readonly string[];
  readonly skipped: readonly string[];
}

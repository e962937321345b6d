import path from 'node:path';
import { promises as fs } from 'node:fs';
import { loadContent } from '../content/load.ts';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.ts';
import { plural } from '../progress.ts';
import { displayPath as displayFile } from '../diagnostics.ts';
import { knownEntities, type KnownEntities } from '../link/known.ts';
import { applyEdits } from '../link/linker.ts';
import { cleanReport } from './clean.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, SourceError, expandSource, fetchReport, isUrl, type FetchLimits } from './fetch.ts';
import { extractPage, parsePage } from './html.ts';
import { paragraphMarkdown } from './markdown.ts';
import { clean, readPageMetadata } from './metadata.ts';
import { proposeEntities } from './propose.ts';
import { extractText } from './text.ts';
import type { CandidateLike, CleanedReport, ImportedReport, ImportOptions, ImportResult, RawReport, ReportMetadata } from './types.ts';
import { composeDraft, entityDraftMarkdown, idsIn, mergeCandidates, PLACEHOLDER, uniqueSlug, writeNew, type DraftField } from './write.ts';

export type { CandidateLike, ImportOptions, ImportResult, ImportedReport } from './types.ts';

/**
 * `briefing import` (FORMAT.md §7): raw reports → draft articles. The pipeline, one report at a time:
 *
 *   fetch → parse → extract → metadata → clean → link → propose → write
 *
 * fetch reads a file or URL (`fetch.ts`); parse builds a DOM of a web page (`html.ts`); extract
 * finds the report's text and paragraphs (`html.ts`, `text.ts`); metadata reads title, publication,
 * date, author and URL (`metadata.ts`); clean moves a dateline out and drops trailing website
 * boilerplate (`clean.ts`); link and propose (`src/link/`, `propose.ts`, or steps the caller gives) link the known entities and find
 * candidate new ones; write composes the draft and writes it, never over a file (`write.ts`).
 */
export async function importReports(options: ImportOptions): Promise<ImportResult> {
  const limits: FetchLimits = { timeoutMs: options.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  const log = options.log ?? (() => undefined);
  // The content folder's known entities are linked, and names none of them has are proposed,
  // unless the caller gives its own steps (tests, other tools).
  const known = options.link && options.propose ? undefined : await loadKnown(options.input);
  const link = options.link ?? ((body: string) => applyEdits(body, known!.linker.find(body)));
  const propose = options.propose ?? ((text: string) => proposeEntities(text, { isKnown: known!.isKnown }));
  const articlesDir = path.join(options.input, 'articles');
  const taken = await idsIn(articlesDir);

  const reports: ImportedReport[] = [];
  const proposed: { slug: string; text: string; candidates: readonly CandidateLike[] }[] = [];
  const diagnostics: Diagnostic[] = [];
  const errors: { file: string; message: string }[] = [];

  for (const source of options.sources) {
    let files: string[];
    try {
      files = await expandSource(source, (file, why) => log(`skipped ${displayPath(file)}: ${why}`));
    } catch (error) {
      errors.push(sourceError(source, error));
      continue;
    }
    for (const file of files) {
      const started = performance.now();
      let raw: RawReport;
      try {
        raw = await fetchReport(file, limits);
      } catch (error) {
        errors.push(sourceError(file, error));
        continue;
      }
      const { cleaned, metadata } = readReport(raw);
      const body = link(cleaned.paragraphs.map((p) => paragraphMarkdown(p.text, cleaned.kind)).join('\n\n'));
      // Offsets count in the text as read; the removed boilerplate is only ever at its end.
      const last = cleaned.paragraphs.at(-1);
      const kept = last ? cleaned.text.slice(0, last.start + last.text.length) : '';
      const candidates = propose(kept);

      const fields = draftFields(metadata, cleaned, options);
      const titleField = fields.find((f) => f.key === 'title')!;
      const slugWords = titleField.todo ? firstWords(cleaned) : String(titleField.value);
      let slug = uniqueSlug(slugWords, taken);
      taken.add(slug);
      const notes = [...(titleField.todo ? ['The received text has no headline: the title is a placeholder.'] : []), ...cleaned.notes];
      if (notes.length) notes.push('The text is otherwise reproduced as received.');
      let target = path.join(articlesDir, `${slug}.md`);
      let draft = composeDraft(fields, notes, `${body}\n`, target);
      let written = false;
      // Another process may have made a file of that name since the folder was read: take the next name.
      while (!options.dryRun && !(written = await writeNew(target, draft.markdown))) {
        slug = uniqueSlug(slugWords, taken);
        taken.add(slug);
        target = path.join(articlesDir, `${slug}.md`);
        draft = composeDraft(fields, notes, `${body}\n`, target);
      }
      diagnostics.push(...draft.diagnostics);
      reports.push({ file, slug, path: target, markdown: draft.markdown, candidates, written });
      proposed.push({ slug, text: kept, candidates });
      const ms = Math.round(performance.now() - started);
      log(
        `${options.dryRun ? 'would import' : 'imported'} ${displayPath(file)} → ${displayPath(target)} (${plural(candidates.length, 'candidate')}, ${plural(draft.diagnostics.length, 'value')} to fill in, ${ms} ms)`,
      );
    }
  }

  const { created, skipped } = options.create ? await createEntityDrafts(options, proposed) : { created: [], skipped: [] };
  return { reports, diagnostics, errors, created, skipped };
}

/**
 * The `--create` step, after every report: one entity draft a proposal merged across the reports,
 * never over an entity file that exists (listed as skipped).
 */
async function createEntityDrafts(
  options: ImportOptions,
  proposed: readonly { slug: string; text: string; candidates: readonly CandidateLike[] }[],
): Promise<{ created: string[]; skipped: string[] }> {
  const created: string[] = [];
  const skipped: string[] = [];
  const entitiesDir = path.join(options.input, 'entities');
  const ids = await idsIn(entitiesDir);
  for (const entity of mergeCandidates(proposed)) {
    const id = uniqueSlug(entity.name, new Set(), 'entities');
    const file = path.join(entitiesDir, `${id}.md`);
    if (ids.has(id) || options.dryRun) {
      (ids.has(id) ? skipped : created).push(file);
      continue;
    }
    if (await writeNew(file, entityDraftMarkdown(entity))) created.push(file);
    else skipped.push(file);
    ids.add(id);
  }
  return { created, skipped };
}

/** parse → extract → metadata → clean, for one report read whole. */
function readReport(raw: RawReport): { cleaned: CleanedReport & { dateline?: string }; metadata: ReportMetadata } {
  if (raw.kind === 'html') {
    const document = parsePage(raw);
    const extracted = extractPage(raw, document);
    const metadata = readPageMetadata(document, extracted);
    const cleaned = dropRepeatedTitle(cleanReport(extracted), metadata.title);
    return { cleaned, metadata: cleaned.dateline ? { ...metadata, dateline: cleaned.dateline } : metadata };
  }
  const extracted = extractText(raw);
  const cleaned = cleanReport(extracted);
  const metadata: ReportMetadata = { ...extracted.found, ...(cleaned.dateline ? { dateline: cleaned.dateline } : {}) };
  return { cleaned, metadata };
}

/** A page's article often repeats its headline as its first block; the title holds it already. */
function dropRepeatedTitle<T extends CleanedReport>(report: T, title: string | undefined): T {
  const first = report.paragraphs[0];
  if (!first || !title || clean(first.text) !== title) return report;
  return { ...report, paragraphs: report.paragraphs.slice(1) };
}

/**
 * The front matter: what the report says first, then `--source`/`--published`, then a placeholder
 * with a warning. Values from the command line or placeholders are listed in `editorSupplied`.
 */
function draftFields(meta: ReportMetadata, report: CleanedReport, options: ImportOptions): DraftField[] {
  const fields: DraftField[] = [];
  if (meta.title) fields.push({ key: 'title', value: meta.title, supplied: false });
  else {
    const words = firstWords(report);
    fields.push({
      key: 'title',
      value: words ? `${PLACEHOLDER.title}: ${words} …` : PLACEHOLDER.title,
      supplied: true,
      todo: 'the report has no headline: write one in "title" (the draft has a placeholder)',
    });
  }
  fields.push(
    known('source', meta.source, options.source, 'the report names no publication: write it in "source", or import with --source NAME'),
    known(
      'published',
      meta.published,
      options.published,
      'the report gives no publication date: write it in "published" (YYYY-MM-DD), or import with --published DATE',
    ),
  );
  if (meta.url) fields.push({ key: 'url', value: meta.url, supplied: false });
  if (meta.author?.length) fields.push({ key: 'author', value: meta.author.length === 1 ? meta.author[0]! : meta.author, supplied: false });
  if (meta.dateline) fields.push({ key: 'dateline', value: meta.dateline, supplied: false });
  return fields;
}

/** A required value: the report's own, else the command line's (editor-supplied), else a placeholder to fill in. */
function known(key: 'source' | 'published', fromReport: string | undefined, fromFlag: string | undefined, todo: string): DraftField {
  if (fromReport) return { key, value: fromReport, supplied: false };
  if (fromFlag) return { key, value: fromFlag, supplied: true };
  return { key, value: PLACEHOLDER[key], supplied: true, todo };
}

/** The first eight words of the body, to tell untitled drafts apart (their placeholder and slug). */
function firstWords(report: CleanedReport): string {
  const first = report.paragraphs[0]?.text ?? '';
  const words = first.replace(/\s+/g, ' ').trim().split(' ').slice(0, 8).join(' ');
  return clean(words.replace(/[.,;:]$/, '')) ?? '';
}

function sourceError(file: string, error: unknown): { file: string; message: string } {
  if (error instanceof SourceError) return { file: error.file, message: error.message };
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code === 'string') return { file, message: e.message };
  throw error;
}

/** A path relative to the current folder, or a URL as given. */
export function displayPath(file: string): string {
  return isUrl(file) ? file : displayFile(file);
}

export async function contentFolderExists(input: string): Promise<boolean> {
  try {
    return (await fs.stat(input)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The entities of the content folder, read as the build reads them. Their own problems are not
 * reported here (`check` and `build` do); a folder without entities links nothing.
 */
async function loadKnown(input: string): Promise<KnownEntities> {
  const bag = new DiagnosticBag();
  // A dry run may name a folder that does not exist yet: nothing is known there.
  const files = (await contentFolderExists(input)) ? await loadContent(input, bag, undefined, new Set(['entity'])) : [];
  const known = knownEntities(files, bag);
  await known.ready;
  return known;
}

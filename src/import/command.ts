import { isIsoDateError, parseIsoDate } from '../content/dates.ts';
import { formatDiagnostic, UsageError } from '../diagnostics.ts';
import { displayPath } from './import.ts';
import { contentFolderExists, importReports } from './import.ts';
import type { ImportOptions } from './types.ts';

export interface ImportCommandFlags {
  readonly sources: readonly string[];
  readonly input: string;
  readonly source?: unknown;
  readonly published?: unknown;
  readonly dryRun: boolean;
  readonly create: boolean;
  readonly format: 'text' | 'json';
  /** Steps in place of linking the known entities and proposing new ones (tests, other tools). */
  readonly link?: ImportOptions['link'];
  readonly propose?: ImportOptions['propose'];
}

/**
 * `briefing import`: checks the flags, runs the import, prints one progress line a report and the
 * placeholder warnings on stderr, the candidates (or, with `--format json`, FORMAT.md §7's array) on
 * stdout. Exit 0, or 2 when a source could not be imported (the others still are).
 */
export async function importCommand(flags: ImportCommandFlags): Promise<number> {
  // cac turns a number-like value into a number: `--source 7` is the publication "7".
  const source = flags.source === undefined ? undefined : String(flags.source).trim();
  if (source === '' || source === 'true') throw new UsageError('--source needs the name of a publication');
  const published = flags.published === undefined ? undefined : String(flags.published).trim();
  if (published !== undefined) {
    const parsed = parseIsoDate(published);
    if (isIsoDateError(parsed)) throw new UsageError(`--published: ${parsed.error}`);
  }
  if (!(await contentFolderExists(flags.input)))
    throw new UsageError(`the content folder "${flags.input}" does not exist (make one with briefing init, or name it with --input)`);

  const result = await importReports({
    sources: flags.sources,
    input: flags.input,
    ...(source ? { source } : {}),
    ...(published ? { published } : {}),
    dryRun: flags.dryRun,
    create: flags.create,
    ...(flags.link ? { link: flags.link } : {}),
    ...(flags.propose ? { propose: flags.propose } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });

  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  for (const e of result.errors) process.stderr.write(`briefing: error: ${displayPath(e.file)}: ${e.message}\n`);
  for (const f of result.created) process.stderr.write(`${flags.dryRun ? 'would create' : 'created'} ${displayPath(f)} (draft entity)\n`);
  for (const f of result.skipped) process.stderr.write(`kept ${displayPath(f)}: an entity file of that id exists\n`);

  if (flags.format === 'json') {
    const items = result.reports.map((r) => ({
      file: r.file,
      slug: r.slug,
      markdown: r.markdown,
      candidates: r.candidates.map((c) => ({
        name: c.name,
        type: c.type,
        occurrences: c.occurrences.map((o) => ({ offset: o.offset, length: o.length })),
      })),
    }));
    process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
  } else {
    for (const r of result.reports) {
      if (r.candidates.length === 0) continue;
      process.stdout.write(
        `${displayPath(r.path)}: ${r.candidates.length} candidate new entit${r.candidates.length === 1 ? 'y' : 'ies'}\n`,
      );
      for (const c of r.candidates) process.stdout.write(`  ${c.name} (${c.type}, ${c.occurrences.length}×)\n`);
    }
  }
  return result.errors.length > 0 ? 2 : 0;
}

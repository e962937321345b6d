import { cac } from 'cac';
import {
  diagnosticsToJson,
  displayPath,
  fileSystemError,
  formatDiagnostic,
  underStrict,
  UNREADABLE,
  type Diagnostic,
} from './diagnostics.ts';
import { BriefingError, UsageError } from './diagnostics.ts';
import { plural } from './progress.ts';
import { limitHeapGrowth } from './runtime.ts';
import { VERSION } from './version.ts';

/** Exit codes: 0 success, 1 content errors, 2 usage or file-system trouble (or an internal error). */
const EXIT = { ok: 0, content: 1, usage: 2 } as const;

interface Flags {
  input: string;
  output: string;
  strict?: boolean;
  quiet?: boolean;
  format?: string;
  port?: unknown;
  host?: string;
}

type LinkFlags = Flags & { fix?: boolean };
type ImportFlags = Flags & { source?: unknown; published?: unknown; dryRun?: boolean; create?: boolean };

/**
 * The thin CLI (FORMAT.md §3): parses declared flags, loads the command's module lazily, calls the
 * same exported API the tests use, prints diagnostics, and returns the exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const cli = cac('briefing');
  let run: (() => Promise<number>) | undefined;

  cli
    .command('build', 'Build the site')
    .option('--input <dir>', 'Content folder', { default: 'content' })
    .option('--output <dir>', 'Output folder', { default: '_site' })
    .option('--strict', 'Treat warnings as errors')
    .option('--quiet', 'Print only problems')
    .action((flags: Flags) => {
      run = () => buildCommand(flags);
    });

  cli
    .command('check', 'Validate the content; writes nothing')
    .option('--input <dir>', 'Content folder', { default: 'content' })
    .option('--strict', 'Treat warnings as errors')
    .option('--format <format>', 'text or json', { default: 'text' })
    .action((flags: Flags) => {
      run = () => checkCommand(flags);
    });

  cli
    .command('serve', 'Build, serve with live reload, rebuild on change')
    .option('--input <dir>', 'Content folder', { default: 'content' })
    .option('--output <dir>', 'Output folder', { default: '_site' })
    .option('--port <n>', 'Port', { default: 8080 })
    .option('--host <host>', 'Address to listen on', { default: '127.0.0.1' })
    .option('--strict', 'Treat warnings as errors')
    .action((flags: Flags) => {
      run = () => serveCommand(flags);
    });

  cli.command('init [dir]', 'Start a new content folder (default content) with an example to build').action((dir: string | undefined) => {
    run = () => initCommand(dir);
  });

  cli
    .command('link', 'List (or with --fix, link) unlinked mentions of known entities in the articles')
    .option('--input <dir>', 'Content folder', { default: 'content' })
    .option('--fix', 'Link them in place')
    .option('--format <format>', 'text or json', { default: 'text' })
    .action((flags: LinkFlags) => {
      run = () => linkCommand(flags);
    });

  cli
    .command('import <...sources>', 'Raw reports (.txt, .md, .html files, folders, http(s) URLs) → draft articles')
    .option('--input <dir>', 'Content folder', { default: 'content' })
    .option('--source <name>', 'Publication, where a report names none')
    .option('--published <date>', 'Publication date (YYYY-MM-DD), where a report gives none')
    .option('--dry-run', 'Write nothing; print what would be written')
    .option('--format <format>', 'text or json', { default: 'text' })
    .option('--create', 'Write a draft entity file for each candidate new entity')
    .action((sources: string[], flags: ImportFlags) => {
      run = () => runImport(sources, flags);
    });

  cli.help();
  cli.version(VERSION);

  try {
    cli.parse(['node', 'briefing', ...argv], { run: true });
    if (cli.options['help'] || cli.options['version']) return EXIT.ok;
    if (!run) {
      const name = cli.args[0];
      process.stderr.write(name ? `briefing: unknown command "${name}"\n` : 'briefing: missing command\n');
      cli.outputHelp();
      return EXIT.usage;
    }
    return await run();
  } catch (error) {
    return reportError(error);
  }
}

/** `briefing build` (FORMAT.md §3). */
async function buildCommand(flags: Flags): Promise<number> {
  limitHeapGrowth();
  const { build } = await import('./build.ts');
  const log = flags.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  const result = await build({ input: flags.input, output: flags.output, strict: flags.strict === true, ...(log ? { log } : {}) });
  const diagnostics = underStrict(result.diagnostics, flags.strict === true);
  printDiagnostics(diagnostics);
  if (!result.ok) {
    process.stderr.write(`Build failed: ${summary(diagnostics)}. The output folder was left as it was.\n`);
    return failureCode(result.diagnostics);
  }
  return EXIT.ok;
}

/** `briefing check`. */
async function checkCommand(flags: Flags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not "${flags.format}"`);
  const { check } = await import('./build.ts');
  const result = await check({ input: flags.input, strict: flags.strict === true });
  const diagnostics = underStrict(result.diagnostics, flags.strict === true);
  if (flags.format === 'json') process.stdout.write(`${diagnosticsToJson(diagnostics)}\n`);
  else {
    printDiagnostics(diagnostics);
    process.stderr.write(`${result.ok ? 'OK' : 'Failed'}: ${summary(diagnostics)}.\n`);
  }
  return result.ok ? EXIT.ok : failureCode(result.diagnostics);
}

/** `briefing serve`: checks its flags, then serves until Ctrl+C. */
async function serveCommand(flags: Flags): Promise<number> {
  // cac has already turned a number-like value into a number (`''` into 0).
  const port = flags.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port must be a whole number from 1 to 65535, not "${String(port)}"`);
  if (typeof flags.host !== 'string' || flags.host === '')
    throw new UsageError('--host must name an address, such as 127.0.0.1 or 0.0.0.0');
  limitHeapGrowth();
  const { serve } = await import('./serve.ts');
  await serve({ input: flags.input, output: flags.output, port, host: flags.host, strict: flags.strict === true });
  return EXIT.ok;
}

/** `briefing init [dir]`. */
async function initCommand(dir: string | undefined): Promise<number> {
  const { init, initReport } = await import('./init.ts');
  process.stdout.write(initReport(await init({ dir: dir ?? 'content' })));
  return EXIT.ok;
}

/** `briefing link [--fix]`. */
async function linkCommand(flags: LinkFlags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not "${flags.format}"`);
  const { linkContent, formatUnlinked, formatDoubt } = await import('./link/command.ts');
  const result = await linkContent({ input: flags.input, fix: flags.fix === true });
  printDiagnostics(result.diagnostics);
  // A doubt has no replacement: `--fix` leaves it, and JSON marks it with `replacement: null`.
  const doubts = result.doubts.map(({ standsFor, standsForName, ...d }) => ({
    ...d,
    replacement: null,
    standsFor: { id: standsFor, name: standsForName },
  }));
  if (flags.format === 'json')
    process.stdout.write(
      `${JSON.stringify(
        [...result.mentions, ...doubts].map((m) => ({ ...m, file: displayPath(m.file) })),
        null,
        2,
      )}\n`,
    );
  else {
    for (const m of result.mentions) process.stdout.write(`${formatUnlinked(m)}\n`);
    for (const d of result.doubts) process.stdout.write(`${formatDoubt(d)}\n`);
  }
  const files = new Set(result.mentions.map((m) => m.file)).size;
  const left = result.doubts.length > 0 ? `; ${plural(result.doubts.length, 'place')} left to the editor` : '';
  const count = `${plural(result.mentions.length, 'unlinked mention')} in ${plural(files, 'file')}${left}`;
  if (flags.format === 'text') process.stderr.write(flags.fix ? `Linked ${count}.\n` : `${count[0]!.toUpperCase()}${count.slice(1)}.\n`);
  return result.diagnostics.some((d) => d.severity === 'error') ? failureCode(result.diagnostics) : EXIT.ok;
}

/** `briefing import <...sources>`. */
async function runImport(sources: string[], flags: ImportFlags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not "${flags.format}"`);
  const { importCommand } = await import('./import/command.ts');
  return importCommand({
    sources: sources.map(String),
    input: flags.input,
    source: flags.source,
    published: flags.published,
    dryRun: flags.dryRun === true,
    create: flags.create === true,
    format: flags.format,
  });
}

function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`briefing: error: ${error.message}\n`);
    return EXIT.usage;
  }
  const system = fileSystemError(error);
  if (system) {
    process.stderr.write(`briefing: error: ${system.message}\n`);
    return EXIT.usage;
  }
  const e = error as Error;
  // cac's own errors are all about the command line: unknown options, missing values, extra arguments.
  if (e?.name === 'CACError') {
    process.stderr.write(`briefing: error: ${e.message.replace(/^Unused args: /, 'unexpected arguments: ')} (see briefing --help)\n`);
    return EXIT.usage;
  }
  // Anything else is Briefing's fault, not the content's: say so, with the cause chain.
  process.stderr.write(`briefing: internal error: ${e instanceof BriefingError ? e.message : (e?.stack ?? String(error))}\n`);
  // Eleventy keeps the underlying error in `originalError` rather than `cause`.
  const next = (x: Error): Error | undefined => (x.cause ?? (x as { originalError?: Error }).originalError) as Error | undefined;
  for (let cause = e ? next(e) : undefined; cause; cause = next(cause)) {
    process.stderr.write(`  caused by: ${cause.stack ?? String(cause)}\n`);
  }
  return EXIT.usage;
}

/** A file that could not be read is the file system's trouble: a usage line among the content's. */
function printDiagnostics(items: readonly Diagnostic[]): void {
  for (const d of items)
    process.stderr.write(d.code === UNREADABLE ? `briefing: error: ${displayPath(d.file)}: ${d.message}\n` : `${formatDiagnostic(d)}\n`);
}

/** Exit 2 when a file could not be read, else 1: the content's errors are listed either way. */
function failureCode(items: readonly Diagnostic[]): number {
  return items.some((d) => d.code === UNREADABLE) ? EXIT.usage : EXIT.content;
}

/** Counts the lines as printed (under `--strict`, already raised to errors by `underStrict`). */
function summary(items: readonly Diagnostic[]): string {
  const errors = items.filter((d) => d.severity === 'error').length;
  const warnings = items.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

import path from 'node:path';
import type { SourcePosition } from './types.ts';

export type Severity = 'error' | 'warning';

/** One problem found in the content, pointing at its source (FORMAT.md §3). */
export interface Diagnostic extends SourcePosition {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `unknown-entity`. */
  readonly code: string;
  readonly message: string;
}

/**
 * Collects diagnostics across stages so that `check` reports every problem in one run.
 * Stages add to it; only the CLI decides what a warning means (`--strict`).
 */
export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];

  error(code: string, message: string, at: SourcePosition): void {
    this.#items.push({ severity: 'error', code, message, file: at.file, line: at.line, column: at.column });
  }

  warning(code: string, message: string, at: SourcePosition): void {
    this.#items.push({ severity: 'warning', code, message, file: at.file, line: at.line, column: at.column });
  }

  add(d: Diagnostic): void {
    this.#items.push(d);
  }

  get items(): readonly Diagnostic[] {
    return this.#items;
  }

  /** Sorted by file, line and column, for stable output. */
  sorted(): Diagnostic[] {
    return [...this.#items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  }

  /** Whether the build must fail: any error, or any warning under `--strict`. */
  fails(strict: boolean): boolean {
    return this.#items.some((d) => d.severity === 'error' || strict);
  }
}

/**
 * The diagnostics as a run under `--strict` reports them: what would be a warning is an error
 * (FORMAT.md §3), so the printed lines, the JSON, the summary and the exit code say the same.
 */
export function underStrict(items: readonly Diagnostic[], strict: boolean): readonly Diagnostic[] {
  if (!strict) return items;
  return items.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

/** `path:line:column: error: message`, path relative to `cwd`. */
export function formatDiagnostic(d: Diagnostic, cwd: string = process.cwd()): string {
  return `${displayPath(d.file, cwd)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? file : rel).split(path.sep).join('/');
}

/** The same as data, for editors (`check --format json`). */
export function diagnosticsToJson(items: readonly Diagnostic[], cwd: string = process.cwd()): string {
  return JSON.stringify(
    items.map((d) => ({
      file: displayPath(d.file, cwd),
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    null,
    2,
  );
}

/**
 * Base of the errors Briefing throws; `cause` keeps the error it wraps. Content problems are not
 * thrown: they are diagnostics, returned with `ok: false`.
 */
export class BriefingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The command was used wrongly or the file system failed (missing input folder, unwritable output). Exit code 2. */
export class UsageError extends BriefingError {}

/**
 * The code of a file the load stage could not read (EACCES, EIO, EISDIR through a link to a
 * folder): the file system's trouble, not the content's, so the CLI prints it as a usage line
 * and exits 2, after listing every other problem.
 */
export const UNREADABLE = 'unreadable';

/**
 * A system error (ENOSPC, EROFS, EACCES, … from a system call) as a usage error with its one-line
 * message: the machine's trouble, not a bug to show a stack trace for. Undefined for anything else.
 */
export function fileSystemError(error: unknown): UsageError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (!(e instanceof Error) || typeof e.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  return new UsageError(e.message.split('\n')[0]!, { cause: e });
}

/** Rendering failed inside Eleventy: a bug in Briefing or its templates, never the content's fault. */
export class RenderError extends BriefingError {}

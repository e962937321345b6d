import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../content/load.ts';
import { DiagnosticBag, displayPath, type Diagnostic } from '../diagnostics.ts';
import { knownEntities } from './known.ts';
import { lineAt } from '../strings.ts';
import { applyEdits, type LinkEdit } from './linker.ts';

export interface LinkOptions {
  /** The content folder. */
  readonly input: string;
  /** Write the links into the files. */
  readonly fix?: boolean;
}

/** A known entity's name written in a file: where, as shown, and which entity. */
interface NameInFile {
  readonly file: string;
  /** 1-based, as in diagnostics: the line and column in the file as the build counts them. */
  readonly line: number;
  readonly column: number;
  readonly shown: string;
  /** The entity's id and display name. */
  readonly id: string;
  readonly name: string;
}

/** One place where a known entity is written but not linked. */
export interface UnlinkedMention extends NameInFile {
  readonly replacement: string;
}

/** A place's name written where it acts: it may name the place or its state, and only the editor can tell. */
export interface DoubtfulMention extends NameInFile {
  /** The state's id and display name. */
  readonly standsFor: string;
  readonly standsForName: string;
}

export interface LinkResult {
  readonly mentions: readonly UnlinkedMention[];
  /** Places' names left unlinked, for the editor to link to the place or its state (never fixed). */
  readonly doubts: readonly DoubtfulMention[];
  /** The files `fix` rewrote. */
  readonly fixed: readonly string[];
  /** Problems with the content that kept a file or an entity out (the entities' own errors, unreadable files). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `briefing link` (FORMAT.md §7): the unlinked mentions of known entities in every article body,
 * drafts included; with `fix`, each file rewritten with its links, atomically. Entities are read
 * and validated as the build reads them, and only names the registry resolves to one entity are
 * linked (a name two entities claim is the build's error, not a link).
 */
export async function linkContent(options: LinkOptions): Promise<LinkResult> {
  const bag = new DiagnosticBag();
  const files = await loadContent(options.input, bag);
  const { linker, names, ready } = knownEntities(files, bag);
  await ready;

  const mentions: UnlinkedMention[] = [];
  const doubts: DoubtfulMention[] = [];
  const fixed: string[] = [];
  for (const file of files) {
    if (file.kind !== 'article') continue;
    // The loader's text has no byte-order mark and LF line ends; the links go into the file as it is.
    const raw = readFileSync(file.path, 'utf8');
    const { edits, doubts: found } = linker.scan(raw);
    if (edits.length === 0 && found.length === 0) continue;
    const place = positions(raw);
    for (const d of found) {
      const standsForName = names.get(d.standsFor) ?? d.standsFor;
      doubts.push({
        file: file.path,
        ...place(d.offset),
        shown: d.shown,
        id: d.id,
        name: names.get(d.id) ?? d.id,
        standsFor: d.standsFor,
        standsForName,
      });
    }
    if (edits.length === 0) continue;
    for (const e of edits)
      mentions.push({
        file: file.path,
        ...place(e.offset),
        shown: e.shown,
        id: e.id,
        name: names.get(e.id) ?? e.id,
        replacement: e.replacement,
      });
    if (options.fix) {
      writeAtomically(file.path, raw, edits);
      fixed.push(file.path);
    }
  }
  return { mentions, doubts, fixed, diagnostics: bag.sorted() };
}

/**
 * `path:line:column: note: "shown" could link to [[Name]]`. The shown text is quoted as JSON and
 * control and direction characters in the name are escaped: content never drives the terminal.
 */
export function formatUnlinked(m: UnlinkedMention, cwd: string = process.cwd()): string {
  const name = safe(m.name);
  const shown = safeShown(m.shown);
  return `${displayPath(m.file, cwd)}:${m.line}:${m.column}: note: ${shown} could link to [[${name}]]`;
}

/**
 * `path:line:column: note: "Pyongyang" acts here: it may stand for [[North Korea]] or be the place
 * [[Pyongyang]]; link it by hand`, escaped as `formatUnlinked` escapes.
 */
export function formatDoubt(d: DoubtfulMention, cwd: string = process.cwd()): string {
  const [place, state] = [d.name, d.standsForName].map(safe);
  return `${displayPath(d.file, cwd)}:${d.line}:${d.column}: note: ${safeShown(d.shown)} acts here: it may stand for [[${state}]] or be the place [[${place}]]; link it by hand`;
}

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
// eslint-disable-next-line no-control-regex -- control characters are what is escaped
const safe = (name: string): string => name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, escape);
const safeShown = (shown: string): string => JSON.stringify(shown).replace(/[\u202a-\u202e\u2066-\u2069]/gu, escape);

/** Line and column of an offset, counted as the build counts them: CRLF and CR end a line, a byte-order mark is not a column. */
function positions(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (offset) => {
    const lo = lineAt(starts, offset);
    return { line: lo + 1, column: offset - starts[lo]! + 1 - (lo === 0 ? bom : 0) };
  };
}

/**
 * Writes the linked text to a temporary file in the same folder and renames it over the file, so
 * a reader (or a crash) sees the old file or the new one, never half of one. A symbolic link is
 * followed: its target is replaced, the link stays. The file's permissions are kept.
 */
function writeAtomically(file: string, raw: string, edits: readonly LinkEdit[]): void {
  const target = lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  const mode = lstatSync(target).mode & 0o7777;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, applyEdits(raw, edits), { flag: 'wx', mode });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

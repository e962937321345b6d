import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, promises as fs, readFileSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { DiagnosticBag, UNREADABLE, UsageError } from '../diagnostics.ts';
import { SITE_MARKER } from '../output.ts';
import { idForName } from './names.ts';
import { ID_PATTERN, type DocumentKind, type SourceFile } from '../types.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The folders the contract defines (FORMAT.md §1) and the kind of document each holds. */
const FOLDERS: readonly { folder: string; kind: DocumentKind }[] = [
  { folder: 'articles', kind: 'article' },
  { folder: 'entities', kind: 'entity' },
  { folder: 'claims', kind: 'claim' },
  { folder: 'sources', kind: 'source' },
  { folder: 'pages', kind: 'page' },
];

/**
 * FORMAT.md v2's optional folders not read here: assets/ is listed and copied (content/assets.ts);
 * views/ holds the project's views, which the build loads (src/views.ts), not the load stage.
 */
const RESERVED_FOLDERS: ReadonlySet<string> = new Set(['assets', 'views']);

/** A README at the top describes the folder to people (a repository's README); it is not content. */
const README = /^README(\.(md|txt))?$/;

/**
 * Stage 1, load: reads `briefing.md`, `articles/*.md`, `entities/*.md`, `claims/*.md`, `sources/*.md` and `pages/*.md` from the input folder.
 * Nothing outside the folder is read: symbolic links are refused, and ids come from file names
 * that must match the id pattern, so no name can point elsewhere.
 */
/**
 * What `serve` remembers of each file read: its text, and the size and times it had then. A file
 * whose size, modification time and change time are all as before is not read again (the change
 * time moves on every write, also one that restores the modification time).
 */
export type FileMemory = Map<string, { readonly size: number; readonly mtimeMs: number; readonly ctimeMs: number; readonly source: SourceFile }>;

export async function loadContent(
  inputDir: string,
  bag: DiagnosticBag,
  memory?: { readonly previous?: FileMemory; readonly next: FileMemory },
  /** Only these folders' files (`import` needs the entities, not thousands of articles); default all. */
  only?: ReadonlySet<DocumentKind>,
): Promise<SourceFile[]> {
  const root = path.resolve(inputDir);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`input folder not found: ${inputDir}`);

  const files: SourceFile[] = [];
  const reading: Reading = { root, bag, memory };
  await reportUnknownEntries(root, bag);
  const briefingPath = path.join(root, 'briefing.md');
  const briefing = await readSource(briefingPath, 'briefing', 'briefing', reading);
  if (briefing === 'missing') {
    bag.error('missing-briefing', 'briefing.md is missing: every content folder needs one (title in its front matter)', at(briefingPath));
  } else if (briefing) files.push(briefing);

  for (const { folder, kind } of FOLDERS) {
    if (only && !only.has(kind)) continue;
    const dir = path.join(root, folder);
    const dirStat = await fs.lstat(dir).catch(() => undefined);
    if (dirStat?.isSymbolicLink()) {
      // A linked folder could pull in files from anywhere on the machine.
      bag.error('outside-input', `${folder}/ is a symbolic link; content folders must be real folders inside the input folder`, at(dir));
      continue;
    }
    // A folder that cannot be read is reported with the rest, so `check` still lists every problem.
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') bag.error(UNREADABLE, `cannot read this folder: ${e.message}`, at(dir));
      return [];
    });
    const folders = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
    const names = entries.map((e) => e.name).sort();
    const wanted: { file: string; id: string }[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      if (name.startsWith('.')) continue;
      if (folders.has(name)) {
        bag.warning('not-markdown', `${folder}/${name}/ is a folder and is ignored: ${folder} are read from ${folder}/ itself, not from folders inside it`, at(file));
        continue;
      }
      if (!name.endsWith('.md')) {
        bag.warning('not-markdown', `${folder}/${name} is not a .md file and is ignored`, at(file));
        continue;
      }
      const id = name.slice(0, -3);
      if (!ID_PATTERN.test(id)) {
        bag.error(
          'bad-file-name',
          `file name "${name}" is not a valid ${kind === 'article' || kind === 'page' ? 'slug' : 'id'}: use lowercase letters, digits and hyphens, starting with a letter or digit (e.g. ${suggestId(id)}.md)`,
          at(file),
        );
        continue;
      }
      wanted.push({ file, id });
    }
    // One file after another, synchronously (see readSource).
    for (const { file, id } of wanted) {
      const source = readSource(file, kind, id, reading);
      if (source && source !== 'missing') files.push(source);
    }
  }
  return files;
}

/**
 * A warning for each entry at the top of the content folder that the format does not know
 * (FORMAT.md §1: never silently ignored). Hidden entries (.git, .DS_Store, editors' files) belong
 * to tools and are passed over, as they are in articles/ and entities/.
 */
async function reportUnknownEntries(root: string, bag: DiagnosticBag): Promise<void> {
  // An unreadable folder is reported when its files are read.
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const { name } = entry;
    if (name.startsWith('.') || name === 'briefing.md' || README.test(name) || RESERVED_FOLDERS.has(name) || FOLDERS.some((f) => f.folder === name)) continue;
    // A site Briefing built here (`--input . --output _site`) is its own output, not content.
    if (entry.isDirectory() && existsSync(path.join(root, name, SITE_MARKER))) continue;
    bag.warning(
      'unknown-entry',
      `${name}${entry.isDirectory() ? '/' : ''} is not part of a content folder and is ignored: the folder holds briefing.md, articles/, entities/, claims/, sources/, pages/, assets/ (copied with the site) and views/ (the project's views)`,
      at(path.join(root, name)),
    );
  }
}

/** What every file read of one load shares: the input folder, the diagnostics, `serve`'s memory of files. */
interface Reading {
  readonly root: string;
  readonly bag: DiagnosticBag;
  readonly memory?: { readonly previous?: FileMemory; readonly next: FileMemory } | undefined;
}

function readSource(file: string, kind: DocumentKind, id: string, reading: Reading): SourceFile | 'missing' | undefined {
  const { root, bag, memory } = reading;
  // Synchronous calls: one file after the other is faster here than fs.promises many at a time,
  // where each file costs a FileHandle and four round trips to libuv's pool.
  let lstat: Stats;
  try {
    lstat = lstatSync(file);
  } catch {
    return 'missing';
  }
  const known = memory?.previous?.get(file);
  if (known && lstat.isFile() && known.size === lstat.size && known.mtimeMs === lstat.mtimeMs && known.ctimeMs === lstat.ctimeMs && known.source.kind === kind) {
    memory!.next.set(file, known);
    return known.source;
  }
  if (lstat.isSymbolicLink()) {
    // A link could make the build read (and publish) a file from outside the input folder.
    let target: string | undefined;
    try {
      target = realpathSync(file);
    } catch {
      target = undefined;
    }
    const realRoot = realpathSync(root);
    if (!target || !isInside(realRoot, target)) {
      bag.error('outside-input', 'symbolic link points outside the input folder; refusing to read it', at(file));
      return undefined;
    }
  } else if (!lstat.isFile()) {
    bag.error('not-a-file', 'expected a file', at(file));
    return undefined;
  }
  // A file that cannot be read is reported with the rest, so `check` still lists every problem.
  let bytes: Buffer;
  try {
    const read = lstat.isSymbolicLink() ? readLinked(file) : readFileSync(file);
    if (read === 'not-a-file') {
      bag.error('not-a-file', 'the symbolic link leads to something that is not a file', at(file));
      return undefined;
    }
    bytes = read;
  } catch (e) {
    bag.error(UNREADABLE, `cannot read this file: ${(e as Error).message}`, at(file));
    return undefined;
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    bag.error('invalid-utf8', 'the file is not valid UTF-8; save it as UTF-8', invalidUtf8Position(file, bytes));
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // CRLF → LF keeps every line number and column the same; lone CRs are treated as line ends by
  // markdown-it too, so normalise them the same way.
  text = text.replace(/\r\n?/g, '\n');
  const source: SourceFile = { kind, path: file, id, text };
  // Only a plain file is remembered: a link's target can change without the link changing.
  if (memory && lstat.isFile()) memory.next.set(file, { size: lstat.size, mtimeMs: lstat.mtimeMs, ctimeMs: lstat.ctimeMs, source });
  return source;
}

/**
 * A linked file's bytes. Opened without blocking and checked before it is read: a link to a FIFO
 * would block a plain read until something writes to it (`check` and `serve` would hang), and a
 * link to a folder fails the read with EISDIR, reported as such.
 */
function readLinked(file: string): Buffer | 'not-a-file' {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: the symbolic link leads to a folder, not a file`), { code: 'EISDIR' });
    if (!stat.isFile()) return 'not-a-file';
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Position of the first byte sequence that is not UTF-8, found by decoding line by line. */
function invalidUtf8Position(file: string, bytes: Uint8Array): { file: string; line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const chunk = bytes.subarray(start, i);
      try {
        decoder.decode(chunk);
      } catch {
        const lossy = new TextDecoder('utf-8').decode(chunk);
        return { file, line, column: Math.max(1, lossy.indexOf('\ufffd') + 1) };
      }
      line++;
      start = i + 1;
    }
  }
  return { file, line: 1, column: 1 };
}

export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function suggestId(name: string): string {
  const id = idForName(name);
  return id.startsWith('entity-') ? 'my-file' : id;
}

function at(file: string): { file: string; line: number; column: number } {
  return { file, line: 1, column: 1 };
}

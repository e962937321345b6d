import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './diagnostics.ts';
import { TEMPLATES_DIR } from './site/paths.ts';

/**
 * The content folder `briefing init` writes, as files in the package (templates/init/) rather than
 * strings in code: they are what an author edits, so they stay readable, and the test builds
 * them as they are.
 */
const INIT_TEMPLATE_DIR = path.join(TEMPLATES_DIR, 'init');

export interface InitOptions {
  /** The content folder to create, or an empty one to fill. */
  readonly dir: string;
}

export interface InitResult {
  /** The content folder, absolute. */
  readonly dir: string;
  /** The files written, absolute, in the order written. */
  readonly files: readonly string[];
}

/**
 * `briefing init [DIR]` (FORMAT.md §3): a new content folder with briefing.md, an example article
 * and an example entity, ready to build. It writes only into a missing or empty folder (creating
 * missing parents), and each file with an exclusive create, so it never overwrites anything, even
 * a file that appears while it runs.
 */
export async function init(options: InitOptions): Promise<InitResult> {
  const dir = path.resolve(options.dir);
  const stat = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stat && !stat.isDirectory()) throw new UsageError(`${options.dir} is a file; init needs a new or empty folder`);
  if (stat && (await fs.readdir(dir)).length > 0)
    throw new UsageError(`${options.dir} is not empty; init writes only into a new or empty folder, so that nothing is overwritten`);
  const files: string[] = [];
  for (const name of await templateFiles(INIT_TEMPLATE_DIR)) {
    const target = path.join(dir, name);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, await fs.readFile(path.join(INIT_TEMPLATE_DIR, name)), { flag: 'wx' });
    files.push(target);
  }
  return { dir, files };
}

/** The files under `root`, relative to it, sorted: briefing.md first, then articles/, entities/. */
async function templateFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort((a, b) => a.split(path.sep).length - b.split(path.sep).length || a.localeCompare(b));
}

/**
 * What `init` prints: the files it wrote and the commands that build and serve them, with
 * `--input` and `--output` only where the defaults would not do.
 */
export function initReport(result: InitResult, cwd: string = process.cwd()): string {
  const show = (file: string): string => path.relative(cwd, file).split(path.sep).join('/') || '.';
  const flags: string[] = [];
  if (result.dir !== path.join(cwd, 'content')) flags.push(`--input ${shellWord(show(result.dir))}`);
  // The default output, _site/, must not land inside the content folder (`init .`): the build
  // would read it as content, and `serve` refuses it.
  const site = path.join(cwd, '_site');
  const output = site.startsWith(result.dir + path.sep) ? path.join(path.dirname(result.dir), `${path.basename(result.dir)}-site`) : site;
  if (output !== site) flags.push(`--output ${shellWord(show(output))}`);
  const args = flags.length > 0 ? ` ${flags.join(' ')}` : '';
  const shown = show(output);
  return [
    `Wrote a new briefing in ${show(result.dir)}/:`,
    ...result.files.map((file) => `  ${show(file)}`),
    'Next:',
    `  npx briefing build${args}    builds the site into ${shown}/ (open ${shown}/index.html)`,
    `  npx briefing serve${args}    serves it at http://127.0.0.1:8080/ and rebuilds it as you edit`,
    '',
  ].join('\n');
}

/** A path as one shell word: as it is when it is plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

import { lstatSync, readdirSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UNREADABLE, type DiagnosticBag } from '../diagnostics.ts';
import type { AssetFile } from '../types.ts';
import { isInside } from './load.ts';

/**
 * The content folder's `assets/` (FORMAT.md §6): every file in it, at any depth, is copied to the
 * site's `assets/`. Listed here, at load time, so that `logo` and `css` can be checked against it
 * and every problem is reported with the rest; the bytes are copied by the emit stage.
 */

/**
 * What the build itself writes to the site's `assets/` (templates/assets/, MiniSearch, the accent's
 * theme). A project file of the same name would overwrite it, so that is an error: renaming is the
 * author's choice, not a silent subfolder. test/unit/assets.test.ts keeps the list true.
 */
export const BUILT_IN_ASSETS: ReadonlySet<string> = new Set([
  'icon.svg',
  'minisearch.js',
  'search-options.js',
  'search.js',
  'site.css',
  'site.js',
  'theme.css',
]);

/** Sanity limits, as for the rest of the content: a briefing's assets are a logo, a style sheet, a few images. */
const ASSET_LIMITS = { files: 2000, bytes: 20 * 1024 * 1024 } as const;

/** The files under `<input>/assets/`, sorted by name; none (and one failed `lstat`) when there is no such folder. */
export function listAssets(inputDir: string, bag: DiagnosticBag): AssetFile[] {
  const root = path.resolve(inputDir);
  const dir = path.join(root, 'assets');
  let stat: Stats;
  try {
    stat = lstatSync(dir);
  } catch {
    return [];
  }
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    bag.error('outside-input', 'assets/ must be a real folder inside the input folder (not a symbolic link or a file)', at(dir));
    return [];
  }
  const found: AssetFile[] = [];
  walk({ root, dir, prefix: '', bag, found });
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (found.length > ASSET_LIMITS.files) {
    bag.error('too-many-assets', `assets/ holds ${found.length} files; at most ${ASSET_LIMITS.files} are copied with a site`, at(dir));
    return [];
  }
  return found;
}

interface Walk {
  readonly root: string;
  readonly dir: string;
  readonly prefix: string;
  readonly bag: DiagnosticBag;
  readonly found: AssetFile[];
}

function walk(w: Walk): void {
  let entries: string[];
  try {
    entries = readdirSync(w.dir);
  } catch (e) {
    w.bag.error(UNREADABLE, `cannot read this folder: ${(e as Error).message}`, at(w.dir));
    return;
  }
  for (const entry of entries) {
    // Hidden files (.DS_Store, .git, editors' files) belong to tools, not to the site.
    if (entry.startsWith('.')) continue;
    const file = path.join(w.dir, entry);
    const name = w.prefix + entry;
    const real = realFile(w, file);
    if (!real) continue;
    if (real.stat.isDirectory() && real.linked) {
      // A linked folder could lead back into itself.
      w.bag.error('not-a-file', `assets/${name} is a symbolic link to a folder and is not copied`, at(file));
    } else if (real.stat.isDirectory()) {
      walk({ ...w, dir: real.path, prefix: `${name}/` });
    } else if (!real.stat.isFile()) {
      w.bag.error('not-a-file', `assets/${name} is not a file and is not copied`, at(file));
    } else if (real.stat.size > ASSET_LIMITS.bytes) {
      w.bag.error('asset-too-large', `assets/${name} is ${(real.stat.size / 1048576).toFixed(1)} MB; an asset may be at most ${ASSET_LIMITS.bytes / 1048576} MB`, at(file));
    } else if (w.prefix === '' && BUILT_IN_ASSETS.has(entry)) {
      w.bag.error('asset-name-taken', `assets/${name} has the name of a file the build writes to the site's assets/; rename it (or put it in a folder inside assets/)`, at(file));
    } else {
      w.found.push({ name, file: real.path, size: real.stat.size, mtimeMs: real.stat.mtimeMs });
    }
  }
}

/** The entry, or what its symbolic link leads to when that is inside the input folder; undefined (reported) otherwise. */
function realFile(w: Walk, file: string): { path: string; stat: Stats; linked: boolean } | undefined {
  try {
    const stat = lstatSync(file);
    if (!stat.isSymbolicLink()) return { path: file, stat, linked: false };
    // A link could publish any file of the machine with the site.
    const target = realpathSync(file);
    if (!isInside(realpathSync(w.root), target)) {
      w.bag.error('outside-input', 'symbolic link points outside the input folder; refusing to copy it', at(file));
      return undefined;
    }
    return { path: target, stat: lstatSync(target), linked: true };
  } catch (e) {
    w.bag.error(UNREADABLE, `cannot read this file: ${(e as Error).message}`, at(file));
    return undefined;
  }
}

function at(file: string): { file: string; line: number; column: number } {
  return { file, line: 1, column: 1 };
}

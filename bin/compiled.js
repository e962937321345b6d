// Whether dist/ (the compiled sources, `npm run compile`) is up to date, so that bin/briefing.js
// can run it instead of the TypeScript sources through tsx (src/runtime.ts says why). Plain
// JavaScript: it runs before any loader is registered.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The folders `tsconfig.build.json` compiles (its `include`), relative to the package root. */
export const COMPILED_FOLDERS = ['src', 'templates/layouts', 'templates/partials', 'templates/views'];

/**
 * True when every source file in COMPILED_FOLDERS has a compiled twin in `<root>/dist` that is
 * newer than it: a file edited, or added, since the last compile makes dist/ stale. A twin with
 * the same time counts as stale too, since some file systems keep times to the second or two and
 * some copies keep them: the sources then run, slower but never stale. (About a hundred stat
 * calls, a millisecond.) The installed package (package.json "files") has dist/ and no sources,
 * so nothing in it is stale: npm gives every file of a packed package the same time, which
 * would make any source present count as newer.
 */
export function compiledIsFresh(root) {
  if (!existsSync(path.join(root, 'dist', 'src', 'cli.js'))) return false;
  for (const folder of COMPILED_FOLDERS) {
    for (const name of sourceFiles(path.join(root, folder))) {
      const source = path.join(root, folder, name);
      const twin = path.join(root, 'dist', folder, name.replace(/\.ts$/, '.js'));
      if (!existsSync(twin) || statSync(twin).mtimeMs <= statSync(source).mtimeMs) return false;
    }
  }
  return true;
}

/** The .ts and .js files under `dir` (not .d.ts), relative to it; none when it does not exist. */
function sourceFiles(dir, prefix = '') {
  const files = [];
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path.join(dir, entry.name), name));
    else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(name);
  }
  return files;
}

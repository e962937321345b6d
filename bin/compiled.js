// Whether dist/ (the compiled sources, `npm run compile`) is up to date, so that bin/briefing.js
// can run it instead of the TypeScript sources through tsx (src/runtime.ts says why). Plain
// JavaScript: it runs before any loader is registered.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The folders `tsconfig.build.json` compiles, relative to the package root. */
export const COMPILED_FOLDERS = ['src', 'templates/layouts', 'templates/partials', 'templates/views'];

/**
 * True when every source file in COMPILED_FOLDERS has a compiled twin in `<root>/dist` that is
 * not older than it: a file edited, or added, since the last compile makes dist/ stale. (About
 * a hundred stat calls, a millisecond.)
 */
export function compiledIsFresh(root) {
  if (!existsSync(path.join(root, 'dist', 'src', 'cli.js'))) return false;
  for (const folder of COMPILED_FOLDERS) {
    for (const name of readdirSync(path.join(root, folder), { recursive: true })) {
      if (!/\.(ts|js)$/.test(name) || name.endsWith('.d.ts')) continue;
      const source = path.join(root, folder, name);
      const twin = path.join(root, 'dist', folder, name.replace(/\.ts$/, '.js'));
      if (!existsSync(twin) || statSync(twin).mtimeMs < statSync(source).mtimeMs) return false;
    }
  }
  return true;
}

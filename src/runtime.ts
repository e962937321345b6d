/**
 * Where this code runs from. `npm ci` compiles the TypeScript sources to plain JavaScript in
 * `dist/` (`npm run compile`), and `bin/briefing.js` runs that copy while it is up to date; during
 * development, or when it is stale, the sources run as they are through tsx. Compiled, a build
 * of 10,000 articles takes about 1.2 s less (docs/performance.md): tsx transforms every module
 * on load in each thread, and the names it keeps on every function make each closure dearer.
 */

/** True in `dist/` (this file is `dist/src/runtime.js`), false from the sources (`src/runtime.ts`). */
export const COMPILED = new URL(import.meta.url).pathname.endsWith('.js');

/** The package's root folder, as a URL ending in "/": one level up from `src/`, two from `dist/src/`. */
export const PACKAGE_ROOT = new URL(COMPILED ? '../../' : '../', import.meta.url);

/**
 * The URL of a module beside `base` (an `import.meta.url`), named by its source file
 * (`./parallel.ts`): the compiled `.js` file when this code runs compiled. For worker threads,
 * which load their module by URL.
 */
export function siblingModule(source: string, base: string): string {
  return new URL(COMPILED ? source.replace(/\.ts$/, '.js') : source, base).href;
}

/**
 * What a worker thread needs to load a module of this package: tsx's loader when the sources
 * run uncompiled (a worker does not inherit the main thread's loader), nothing when compiled.
 */
export function workerLoader(): { tsx?: string } {
  return COMPILED ? {} : { tsx: import.meta.resolve('tsx/esm/api') };
}

import v8 from 'node:v8';

/**
 * Where this code runs from. `npm ci` compiles the TypeScript sources to plain JavaScript in
 * `dist/` (`npm run compile`), and `bin/briefing.js` runs that copy while it is up to date; during
 * development, or when it is stale, the sources run as they are through tsx. The compiled copy
 * builds faster (docs/performance.md has the figures): tsx transforms every module on load in
 * each thread, and the names it keeps on every function make each closure dearer.
 */

/** True in `dist/` (this file is `dist/src/runtime.js`), false from the sources (`src/runtime.ts`). */
const COMPILED = new URL(import.meta.url).pathname.endsWith('.js');

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

/**
 * How much V8 lets a heap grow past what was live at its last full collection before collecting
 * again, in percent, for `build` and `serve` (the CLI sets it; the library API leaves the
 * process's settings alone). V8's own factor on a machine with this much memory is up to 4: at
 * 10,000 articles a full collection in the annotate stage, with the sources still live, set the
 * main thread's limit near 1 GB, which the model and pages stages then filled, mostly with
 * garbage. At 100% (a factor of 2) the peak of a build of 10,000 articles stays under 1 GiB, for
 * a few more full collections (docs/performance.md has the measurements).
 */
const HEAP_GROWING_PERCENT = 100;

/**
 * Sets V8's heap growth for this process, unless the user chose their own heap settings through
 * NODE_OPTIONS or node's flags. V8 reads this flag each time it computes a heap's next limit, so
 * it applies from the next full collection on, to every thread's heap.
 */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): boolean {
  const chosen = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((flag) =>
    /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size)\b/.test(flag),
  );
  if (chosen) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}

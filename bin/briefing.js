#!/usr/bin/env node
// Entry point for `npx briefing`. `npm ci` compiles the TypeScript sources to dist/ (the `prepare`
// script); while that copy is up to date it runs, otherwise the sources run through tsx, so an
// edit never runs stale code and a missing compile step costs only speed (src/runtime.ts). The
// packed package (`npm pack`) carries only dist/, which always runs: no TypeScript tool at all.
import { fileURLToPath } from 'node:url';
import { compiledIsFresh } from './compiled.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let cli;
if (compiledIsFresh(root)) {
  cli = await import('../dist/src/cli.js');
} else {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    // tsx is a development tool: only a checkout without its devDependencies lands here.
    process.stderr.write(
      'briefing: error: dist/ is missing or older than the sources, and tsx is not installed to run them; run `npm ci` (or `npm run compile`) in the project\n',
    );
    process.exit(2);
  }
  tsx.register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));

#!/usr/bin/env node
// Entry point for `npx briefing`. `npm ci` compiles the TypeScript sources to dist/ (the `prepare`
// script); while that copy is up to date it runs, otherwise the sources run through tsx, so an
// edit never runs stale code and a missing compile step costs only speed (src/runtime.ts).
import { fileURLToPath } from 'node:url';
import { compiledIsFresh } from './compiled.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let cli;
if (compiledIsFresh(root)) {
  cli = await import('../dist/src/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));

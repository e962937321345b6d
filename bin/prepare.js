// `npm ci` and `npm install` run this (the `prepare` script): it compiles the sources to dist/
// (`npm run compile`) so that bin/briefing.js runs plain JavaScript. An install must not fail
// for it: without TypeScript (`npm ci --omit=dev`) or when the compile fails, the sources run
// through tsx, slower but the same (src/runtime.ts). Type errors are `npm run typecheck`'s job.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.warn('briefing: TypeScript is not installed, so dist/ is not compiled; the sources will run through tsx.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { stdio: 'inherit' });
if (result.status !== 0)
  console.warn('briefing: compiling dist/ failed; the sources will run through tsx until `npm run compile` succeeds.');

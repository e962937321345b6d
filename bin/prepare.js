// `npm ci` and `npm install` in a checkout run this (the `prepare` script): it compiles the
// sources to dist/ (`npm run compile`) so that bin/briefing.js runs plain JavaScript. An install
// must not fail for it: when the compile fails, the sources run through tsx, slower but the same
// (src/runtime.ts). Type errors are `npm run typecheck`'s job. TypeScript and tsx are development
// tools: a checkout installed without them (`npm ci --omit=dev`) can run neither way, and
// bin/briefing.js says so; the packed package (`npm pack`) carries dist/ and needs neither.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// `npm pack` and `npm publish` run `prepack` (bin/prepack.js) just before this, which has
// compiled a clean dist/ already.
if (process.env['npm_command'] === 'pack' || process.env['npm_command'] === 'publish') process.exit(0);

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.warn('briefing: TypeScript is not installed, so dist/ is not compiled.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { stdio: 'inherit' });
if (result.status !== 0)
  console.warn('briefing: compiling dist/ failed; the sources will run through tsx until `npm run compile` succeeds.');

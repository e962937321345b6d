// `npm pack` and `npm publish` run this (the `prepack` script): the package ships dist/ and not
// the sources (package.json "files"), so it must be compiled, from the sources as they are now.
// Unlike bin/prepare.js, a failure here stops the pack: a package whose dist/ is missing, or
// left over from older sources (a deleted source's twin), would install and fail at run time.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.error('briefing: error: packing needs TypeScript to compile dist/; run npm ci first.');
  process.exit(1);
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('briefing: error: compiling dist/ failed, so nothing was packed.');
  process.exit(1);
}

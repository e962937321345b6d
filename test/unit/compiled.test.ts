/**
 * bin/briefing.js runs dist/ only while it is up to date with every source file (bin/compiled.js),
 * so an edit never runs stale code.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { COMPILED_FOLDERS, compiledIsFresh } from '../../bin/compiled.js';

let root: string;

/** Writes `file` under root with the given modification time (seconds). */
function put(file: string, time: number): void {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, time, time);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'briefing-compiled-'));
  for (const folder of COMPILED_FOLDERS) mkdirSync(path.join(root, folder), { recursive: true });
  put('src/cli.ts', 1000);
  put('src/annotate/parse.ts', 1000);
  put('src/annotate/annotate-worker.js', 1000);
  put('templates/views/home.ts', 1000);
  put('dist/src/cli.js', 2000);
  put('dist/src/annotate/parse.js', 2000);
  put('dist/src/annotate/annotate-worker.js', 2000);
  put('dist/templates/views/home.js', 2000);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

test('dist/ compiled after every source is fresh', () => {
  assert.equal(compiledIsFresh(root), true);
});

test('a source edited after the compile makes dist/ stale', () => {
  put('src/annotate/parse.ts', 3000);
  assert.equal(compiledIsFresh(root), false);
});

test('an edited template view or worker entry makes dist/ stale too', () => {
  put('templates/views/home.ts', 3000);
  assert.equal(compiledIsFresh(root), false);
  put('templates/views/home.ts', 1000);
  put('src/annotate/annotate-worker.js', 3000);
  assert.equal(compiledIsFresh(root), false);
});

test('a compiled twin with the same time as its source counts as stale (times kept to the second, or copied)', () => {
  put('src/annotate/parse.ts', 2000);
  assert.equal(compiledIsFresh(root), false);
});

test('the folders checked are the ones tsconfig.build.json compiles', () => {
  const config = readFileSync(path.resolve(import.meta.dirname, '../../tsconfig.build.json'), 'utf8');
  // The file has // comments (tsconfig allows them); its include list is plain JSON.
  const include = JSON.parse(/"include":\s*(\[[^\]]*\])/.exec(config)![1]!) as string[];
  assert.deepEqual([...include].sort(), [...COMPILED_FOLDERS].sort());
});

test('a source added since the compile (no compiled twin) makes dist/ stale', () => {
  put('src/model/new-stage.ts', 1000);
  assert.equal(compiledIsFresh(root), false);
});

test('without dist/ the sources run', () => {
  rmSync(path.join(root, 'dist'), { recursive: true });
  assert.equal(compiledIsFresh(root), false);
});

test("the installed package: dist/ without the sources runs, whatever the files' times", () => {
  // npm gives every file of a packed package the same time; the package ships no sources.
  for (const folder of COMPILED_FOLDERS) rmSync(path.join(root, folder), { recursive: true });
  put('dist/src/cli.js', 500);
  assert.equal(compiledIsFresh(root), true);
});

test(
  'this checkout: dist/ is fresh right after `npm run compile`, as `npm ci` leaves it',
  { skip: !process.env['CI_EXPECTS_DIST'] && 'set by .ci/run' },
  () => {
    assert.equal(compiledIsFresh(path.resolve(import.meta.dirname, '../..')), true);
  },
);

/**
 * The compiled copy in dist/ (what bin/briefing.js runs after `npm ci`) against the sources: the
 * same analysis with its annotation worker, the same site with its search worker. Run in CI,
 * where `npm ci` has just compiled it (`.ci/run` sets CI_EXPECTS_DIST); elsewhere dist/ may be
 * missing or stale, and bin/briefing.js would not run it.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { analyze, build } from '../../src/build.ts';
import { snapshot, tempDir } from '../helpers/site.ts';

const skip = !process.env['CI_EXPECTS_DIST'] && 'set by .ci/run, after npm ci compiled dist/';
const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

/** dist/src/build.js, typed as its source. */
async function compiled(): Promise<typeof import('../../src/build.ts')> {
  return (await import(new URL('../../dist/src/build.js', import.meta.url).href)) as typeof import('../../src/build.ts');
}

test('compiled: the annotation worker gives what the sources give on one thread', { skip }, async () => {
  const dist = await compiled();
  const input = 'test/fixtures/sites/newsroom';
  const [one, two] = [
    await analyze({ input, parallel: false, keepTexts: true }),
    await dist.analyze({ input, parallel: true, keepTexts: true }),
  ];
  assert.equal(one.ok, true);
  assert.deepEqual(two.diagnostics, one.diagnostics);
  assert.deepEqual(JSON.parse(JSON.stringify(two.model)), JSON.parse(JSON.stringify(one.model)));
  assert.deepEqual(two.bodies, one.bodies);
});

test('compiled: the same site, search index included, as the sources build', { skip }, async () => {
  const dist = await compiled();
  const root = await tempDir();
  dirs.push(root);
  const input = 'test/fixtures/sites/newsroom';
  await build({ input, output: path.join(root, 'sources') });
  await dist.build({ input, output: path.join(root, 'compiled') });
  const [a, b] = [await snapshot(path.join(root, 'sources')), await snapshot(path.join(root, 'compiled'))];
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [file, text] of a) assert.equal(b.get(file), text, file);
});

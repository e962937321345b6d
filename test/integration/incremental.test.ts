/**
 * `serve`'s incremental rebuild must produce exactly the site a full build produces, while
 * rendering only the pages the edit touches.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { build } from '../../src/index.ts';
import { rebuild } from '../../src/incremental.ts';
import { snapshot, tempDir } from '../helpers/site.ts';

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function copyFixture(): Promise<string> {
  const dir = await tempDir();
  dirs.push(dir);
  const input = path.join(dir, 'content');
  await fs.cp('test/fixtures/sites/newsroom', input, { recursive: true });
  return input;
}

test('editing one article: only its pages are rendered, and the site equals a full build', async () => {
  const input = await copyFixture();
  const out = path.join(path.dirname(input), 'site');
  const first = await build({ input, output: out, keepCache: true });
  assert.equal(first.ok, true);

  // Lind now also meets the Harbour Bridge and an unknown Quay Authority (a new stub).
  const file = path.join(input, 'articles/lind-interview.md');
  await fs.appendFile(file, '\nLater [[Mara Lind]] crossed the [[Harbour Bridge]] with the [[Quay Authority]].\n');
  const second = await rebuild({ input, output: out, keepCache: true }, first, new Set([file]));
  assert.equal(second.ok, true);
  await second.settled;
  assert.ok(second.pages < first.pages, `rendered ${second.pages} of ${first.pages} pages`);

  const fresh = path.join(path.dirname(input), 'fresh');
  assert.equal((await build({ input, output: fresh })).ok, true);
  const [a, b] = [await snapshot(out), await snapshot(fresh)];
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), 'the same files');
  for (const [file, bytes] of b) assert.equal(a.get(file), bytes, `${file} equals the full build's`);
});

test('deleting an article removes its page and stubs only it named; briefing.md changes mean a full build', async () => {
  const input = await copyFixture();
  const out = path.join(path.dirname(input), 'site');
  const first = await build({ input, output: out, keepCache: true });
  const file = path.join(input, 'articles/ferries-add-sailings.md');
  await fs.rm(file);
  const second = await rebuild({ input, output: out, keepCache: true }, first, new Set([file]));
  assert.equal(second.ok, true);
  await second.settled;
  const files = await snapshot(out);
  assert.ok(!files.has('articles/ferries-add-sailings.html'));
  assert.ok(!files.has('entities/harbour-engineers-guild.html'), 'the stub only that article named is gone');

  const briefing = path.join(input, 'briefing.md');
  await fs.appendFile(briefing, '\nMore summary.\n');
  const third = await rebuild({ input, output: out, keepCache: true }, second, new Set([briefing]));
  assert.equal(third.pages, first.pages - 2, 'a full build: every page');
});
